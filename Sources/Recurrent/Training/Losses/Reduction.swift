/// How per-element losses become one number (as PyTorch's `reduction`).
public enum Reduction: String, Sendable, CaseIterable, Codable {
    /// The mean over the elements that count (non-ignored rows, unmasked elements).
    /// With none counting, the loss and gradient are zero (PyTorch would return NaN).
    case mean
    /// The sum over the elements that count.
    case sum
}

/// A target or hyperparameter a loss cannot use.
public enum LossError: Error, CustomStringConvertible, Equatable {
    /// A class id outside 0..<classes that is not the ignore index.
    case targetOutOfRange(position: Int, target: Int, classes: Int)
    /// A hyperparameter outside its domain (the message names it).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .targetOutOfRange(position, target, classes):
            return "cross-entropy: target \(target) at row \(position) is out of range 0..<\(classes) and is not the ignore index"
        case let .invalidArgument(message): return message
        }
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
