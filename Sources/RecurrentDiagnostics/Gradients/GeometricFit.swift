import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A least-squares fit of log y_k = a + b·k: the geometric factor by which a series grows
/// (factor > 1) or decays (factor < 1) per step.
public struct GeometricFit: Sendable, Equatable {
    /// e^b: the multiplicative change from one step to the next, in increasing k.
    public var factorPerStep: Double
    /// e^a: the fitted value at k = 0.
    public var scale: Double
    /// The coefficient of determination of the fit in log space (1 = exactly geometric).
    public var rSquared: Double
    /// How many points entered the fit (positive, finite values only).
    public var points: Int

    /// Fits `values` (indexed k = 1, 2, …); values that are zero, negative or not finite are
    /// left out. Nil when fewer than two points remain.
    public init?(_ values: [Double]) {
        let pts = values.enumerated().compactMap { i, v in v > 0 && v.isFinite ? (Double(i + 1), Double.log(v)) : nil }
        guard pts.count >= 2 else { return nil }
        let n = Double(pts.count)
        let mx = pts.reduce(0) { $0 + $1.0 } / n
        let my = pts.reduce(0) { $0 + $1.1 } / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (x, y) in pts {
            sxx += (x - mx) * (x - mx)
            sxy += (x - mx) * (y - my)
            syy += (y - my) * (y - my)
        }
        let b = sxx > 0 ? sxy / sxx : 0
        let a = my - b * mx
        factorPerStep = Double.exp(b)
        scale = Double.exp(a)
        rSquared = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1
        points = pts.count
    }
}
