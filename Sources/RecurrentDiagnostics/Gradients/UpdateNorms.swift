import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The size of one optimiser update, with and without gradient-norm clipping.
public struct UpdateNorms: Sendable, Equatable, Codable {
    /// ‖g‖, the global gradient norm before clipping.
    public var gradientNorm: Double
    /// ‖Δθ‖ of the update the optimizer makes from the unclipped gradient.
    public var unclipped: Double
    /// ‖Δθ‖ of the update from the clipped gradient (nil when not clipping).
    public var clipped: Double?

    /// The norms of one update.
    public init(gradientNorm: Double, unclipped: Double, clipped: Double?) {
        self.gradientNorm = gradientNorm
        self.unclipped = unclipped
        self.clipped = clipped
    }

    /// The update actually applied: clipped when clipping, else unclipped.
    public var applied: Double { clipped ?? unclipped }
}

/// Measures ‖Δθ‖ of `optimizer.step()` from the current gradients, without clipping and (when
/// `clipNorm` is set) with the gradients clipped to it. With `apply` the (clipped) update stays
/// applied; otherwise parameters, gradients and optimizer state are left as they were.
///
/// The unclipped update is taken and undone (values and optimizer state restored), so the
/// comparison holds for any optimizer, stateful ones included.
public func measureUpdate<O: Optimizer>(_ optimizer: O, clipNorm: Double?, apply: Bool) throws -> UpdateNorms {
    let params = optimizer.parameters
    let values = params.map(\.value)
    let gradients = params.map(\.gradient)
    let state = optimizer.state
    let gradientNorm = params.filter(\.requiresGradient).reduce(0.0) { $0 + $1.gradient.sumOfSquares }.squareRoot()

    func restore() throws {
        for (p, v) in zip(params, values) { p.value = v }
        for (p, g) in zip(params, gradients) { p.gradient = g }
        try optimizer.load(state: state)
    }
    optimizer.step()
    let unclipped = distance(params, values)
    var clipped: Double?
    if let clipNorm {
        try restore()
        clipGradientNorm(params, maxNorm: clipNorm)
        optimizer.step()
        clipped = distance(params, values)
    }
    if !apply { try restore() }
    return UpdateNorms(gradientNorm: gradientNorm, unclipped: unclipped, clipped: clipped)
}

/// √Σ‖θ − θ₀‖² over all parameters.
private func distance<S: TensorScalar>(_ params: [Parameter<S>], _ before: [Tensor<S>]) -> Double {
    var sum = 0.0
    for (p, b) in zip(params, before) {
        p.value.withUnsafeBufferPointer { v in
            b.withUnsafeBufferPointer { w in
                for i in 0..<v.count {
                    let d = Double(v[i]) - Double(w[i])
                    sum += d * d
                }
            }
        }
    }
    return sum.squareRoot()
}
