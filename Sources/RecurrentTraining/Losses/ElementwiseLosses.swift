import RealModule
import RecurrentCore
import RecurrentLayers

/// Binary cross-entropy on logits x against targets y ∈ [0, 1], computed stably:
///
///     ℓ(x, y) = max(x, 0) − x·y + log(1 + e^(−|x|))       ∂ℓ/∂x = σ(x) − y
///
/// as `torch.nn.BCEWithLogitsLoss`. `mask` (a leading part of the input's shape, 0/1 per
/// element or per row) excludes padded positions; see ``Reduction``.
@_specialize(where S == Float)
@_specialize(where S == Double)
public func binaryCrossEntropyWithLogits<S: TensorScalar>(
    logits: Tensor<S>, targets: Tensor<S>, mask: Tensor<S>? = nil, reduction: Reduction = .mean
) throws -> (loss: Double, gradient: Tensor<S>) {
    try elementwiseLoss("binary cross-entropy", logits, targets, mask: mask, reduction: reduction) { x, y in
        let e = Double.exp(-abs(x))
        let sigmoid = x >= 0 ? 1 / (1 + e) : e / (1 + e)
        return (max(x, 0) - x * y + Double.log(onePlus: e), sigmoid - y)
    }
}

/// Mean squared error:   ℓ(x, y) = (x − y)²      ∂ℓ/∂x = 2(x − y)
///
/// as `torch.nn.MSELoss`; `mask` as in ``binaryCrossEntropyWithLogits(logits:targets:mask:reduction:)``.
@_specialize(where S == Float)
@_specialize(where S == Double)
public func meanSquaredError<S: TensorScalar>(
    predictions: Tensor<S>, targets: Tensor<S>, mask: Tensor<S>? = nil, reduction: Reduction = .mean
) throws -> (loss: Double, gradient: Tensor<S>) {
    try elementwiseLoss("mean squared error", predictions, targets, mask: mask, reduction: reduction) { x, y in
        ((x - y) * (x - y), 2 * (x - y))
    }
}

/// Huber loss with threshold δ > 0, for d = x − y:
///
///     ℓ = ½d²              if |d| ≤ δ       ∂ℓ/∂x = d
///     ℓ = δ(|d| − ½δ)      otherwise        ∂ℓ/∂x = δ·sign(d)
///
/// as `torch.nn.HuberLoss`; `mask` as in ``binaryCrossEntropyWithLogits(logits:targets:mask:reduction:)``.
@_specialize(where S == Float)
@_specialize(where S == Double)
public func huberLoss<S: TensorScalar>(
    predictions: Tensor<S>, targets: Tensor<S>, delta: Double = 1, mask: Tensor<S>? = nil, reduction: Reduction = .mean
) throws -> (loss: Double, gradient: Tensor<S>) {
    guard delta > 0 else { throw LossError.invalidArgument("Huber loss: delta must be positive, got \(delta)") }
    return try elementwiseLoss("Huber loss", predictions, targets, mask: mask, reduction: reduction) { x, y in
        let d = x - y
        return abs(d) <= delta ? (0.5 * d * d, d) : (delta * (abs(d) - 0.5 * delta), d > 0 ? delta : -delta)
    }
}

/// The loss and gradient of an elementwise loss ℓ(x, y) with an optional mask.
///
/// A mask m has a shape that is a prefix of the input's (equal to it, or e.g. (T, B) for a
/// (T, B, F) input): m_r weighs the `inner` elements of its row. With 0/1 masks,
///
///     L = Σ m·ℓ (sum)   or   L = Σ m·ℓ / (inner · Σ m) (mean over unmasked elements)
///
/// and ∂L/∂x = m·ℓ′ scaled the same way. `body` returns (ℓ, ∂ℓ/∂x) for one element.
@inline(__always)
func elementwiseLoss<S: TensorScalar>(
    _ name: String, _ input: Tensor<S>, _ target: Tensor<S>, mask: Tensor<S>?, reduction: Reduction,
    _ body: (Double, Double) -> (loss: Double, derivative: Double)
) throws -> (loss: Double, gradient: Tensor<S>) {
    try target.checkShape(input.shape, "\(name) target")
    let n = input.count
    // No mask is one weight of 1 over all elements.
    let weights = mask ?? Tensor(shape: [1], repeating: 1)
    guard input.shape.dimensions.starts(with: mask?.shape.dimensions ?? []) else {
        throw ShapeError("\(name): mask shape \(weights.shape) must be a leading part of the input shape \(input.shape)")
    }
    let inner = max(n / max(weights.count, 1), 1)
    let weightSum = weights.sum * Double(inner)
    let scale = reduction == .sum ? 1 : (weightSum > 0 ? 1 / weightSum : 0)
    var gradient = Tensor<S>(zeros: input.shape)
    var total = 0.0
    input.withUnsafeBufferPointer { x in
        target.withUnsafeBufferPointer { y in
            weights.withUnsafeBufferPointer { m in
                gradient.withUnsafeMutableBufferPointer { g in
                    for i in 0..<n {
                        let w = Double(m[i / inner])
                        guard w != 0 else { continue }
                        let (l, d) = body(Double(x[i]), Double(y[i]))
                        total += w * l
                        g[i] = S(w * d * scale)
                    }
                }
            }
        }
    }
    return (total * scale, gradient)
}
