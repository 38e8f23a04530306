import RecurrentCore
import RecurrentLayers

/// Rescales the gradients so that their global L2 norm is at most `maxNorm`, as
/// `torch.nn.utils.clip_grad_norm_`:
///
///     n = √(Σ_p ‖∇p‖²)      c = maxNorm / (n + 1e-6)      ∇p ← c·∇p   only if c < 1
///
/// Returns n, the norm before clipping (NaN or ∞ when a gradient is; nothing is scaled then).
/// Parameters with `requiresGradient` false are left out; a parameter listed twice counts once.
@discardableResult
public func clipGradientNorm<S: TensorScalar>(_ parameters: [Parameter<S>], maxNorm: Double) -> Double {
    let trained = parameters.uniqued().filter(\.requiresGradient)
    let norm = trained.reduce(0.0) { $0 + $1.gradient.sumOfSquares }.squareRoot()
    let coefficient = maxNorm / (norm + 1e-6)
    if coefficient < 1 {
        for p in trained { p.gradient.scale(by: S(coefficient)) }
    }
    return norm
}

/// Clamps every gradient element into [−limit, limit], as `torch.nn.utils.clip_grad_value_`;
/// throws for a negative or NaN limit.
public func clipGradientValue<S: TensorScalar>(_ parameters: [Parameter<S>], limit: Double) throws {
    try ArgumentError.check(limit >= 0, "the gradient value limit must be non-negative, got \(limit)")
    for p in parameters.uniqued() where p.requiresGradient {
        p.gradient.withUnsafeMutableBufferPointer { clamp($0, S(limit)) }
    }
}

@_specialize(where S == Float)
@_specialize(where S == Double)
private func clamp<S: TensorScalar>(_ x: UnsafeMutableBufferPointer<S>, _ limit: S) {
    for i in x.indices { x[i] = min(max(x[i], -limit), limit) }
}
