import RealModule
import RecurrentCore
import RecurrentLayers

/// Softmax cross-entropy over the last axis of `logits` (…, C), one class id per row,
/// as `torch.nn.CrossEntropyLoss` (with the class axis last instead of second).
///
/// For a row z with target y, p = softmax(z) computed with a stable log-sum-exp
/// (lse = m + log Σ e^(z_j − m), m = max z) and label smoothing ε:
///
///     ℓ = (1 − ε)·(lse − z_y) + ε·(1/C)·Σ_j (lse − z_j)
///     ∂ℓ/∂z_j = p_j − (1 − ε)·[j = y] − ε/C
///
/// Rows whose target is `ignoreIndex` (e.g. padding) contribute nothing, and `.mean` divides
/// by the number of the other rows — both terms, as PyTorch does. Throws when the target count
/// differs from the number of rows or a target is outside 0..<C and not `ignoreIndex`.
@_specialize(where S == Float)
@_specialize(where S == Double)
public func softmaxCrossEntropy<S: TensorScalar>(
    logits: Tensor<S>, targets: [Int32], ignoreIndex: Int = -100, labelSmoothing: Double = 0,
    reduction: Reduction = .mean
) throws -> (loss: Double, gradient: Tensor<S>) {
    guard logits.rank >= 1, logits.shape[logits.rank - 1] > 0 else {
        throw ShapeError("cross-entropy: logits need a non-empty class axis, got \(logits.shape)")
    }
    guard (0...1).contains(labelSmoothing) else {
        throw LossError.invalidArgument("cross-entropy: label smoothing must be in [0, 1], got \(labelSmoothing)")
    }
    let classes = logits.shape[logits.rank - 1]
    let rows = logits.count / classes
    guard targets.count == rows else {
        throw ShapeError("cross-entropy: \(targets.count) targets given for \(rows) rows of logits \(logits.shape)")
    }
    var counted = 0
    for (row, t) in targets.enumerated() where Int(t) != ignoreIndex {
        guard (0..<classes).contains(Int(t)) else {
            throw LossError.targetOutOfRange(position: row, target: Int(t), classes: classes)
        }
        counted += 1
    }
    let scale = reduction == .sum ? 1 : (counted > 0 ? 1 / Double(counted) : 0)
    let eps = labelSmoothing
    let uniform = S(eps / Double(classes) * scale)
    var gradient = Tensor<S>(zeros: logits.shape)
    var total = 0.0
    logits.withUnsafeBufferPointer { all in
        gradient.withUnsafeMutableBufferPointer { allGrad in
            for (row, t) in targets.enumerated() where Int(t) != ignoreIndex {
                let z = all.baseAddress! + row * classes, g = allGrad.baseAddress! + row * classes
                var m = z[0]
                for j in 1..<classes { m = max(m, z[j]) }
                var sumExp = 0.0, sumZ = 0.0
                for j in 0..<classes {
                    g[j] = S.exp(z[j] - m)
                    sumExp += Double(g[j])
                    sumZ += Double(z[j])
                }
                let lse = Double(m) + Double.log(sumExp)
                let y = Int(t)
                total += (1 - eps) * (lse - Double(z[y])) + eps * (lse - sumZ / Double(classes))
                let pScale = S(scale / sumExp)
                for j in 0..<classes { g[j] = g[j] * pScale - uniform }
                g[y] -= S((1 - eps) * scale)
            }
        }
    }
    return (total * scale, gradient)
}
