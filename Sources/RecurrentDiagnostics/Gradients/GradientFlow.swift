import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// How the gradient travels back through time in one direction of one recurrent layer,
/// with the two summary figures of the vanishing/exploding-gradient analysis.
///
/// For a forward direction the gradient of a loss at the end reaches step k after travelling
/// back through the T − k later steps, so ‖∂L/∂h_k‖ ≈ C·q^(T−k): q < 1 vanishes, q > 1
/// explodes. A reverse direction runs the other way (q is then fitted with k decreasing).
public struct GradientFlow: Sendable, Equatable {
    /// The per-step norms as BPTT recorded them.
    public var record: GradientThroughTime

    /// Wraps one record of ``RecurrentLayer/gradientsThroughTime``.
    public init(_ record: GradientThroughTime) { self.record = record }

    /// T.
    public var steps: Int { record.hiddenGradientNorms.count }

    /// ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ in time order (for a reverse direction, ‖∂L/∂h_T‖ / ‖∂L/∂h_1‖:
    /// always the far end over the end where the gradient enters). ∞ when the denominator is 0.
    public var endToEndRatio: Double {
        let g = travelOrder(record.hiddenGradientNorms)
        guard let near = g.last, let far = g.first else { return .nan }
        return near == 0 ? (far == 0 ? .nan : .infinity) : far / near
    }

    /// q: the geometric factor by which ‖∂L/∂h_k‖ changes per step travelled back in time,
    /// fitted by least squares on log‖∂L/∂h_k‖ over every step except the one where the
    /// gradient enters (k = T forward, k = 1 reverse), which holds the loss's gradient itself:
    /// for an LSTM the first step back (from h into the gates and c) changes the norm once,
    /// not per step. Nil with fewer than two positive norms.
    public var decay: GeometricFit? {
        let g = travelOrder(record.hiddenGradientNorms)
        // Entry step dropped, then reversed so the series runs in the direction of travel.
        return GeometricFit(g.count > 2 ? g.dropLast().reversed() : g.reversed())
    }

    /// The norms ordered from where the gradient has travelled farthest to where it enters.
    private func travelOrder(_ v: [Double]) -> [Double] { record.direction == 0 ? v : v.reversed() }
}
