import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// Running sums over batches of class scores: the summed softmax cross-entropy and the
/// number of targets predicted right (the arg-max of their row), targets equal to the
/// ignored id left out. What the classifier's and the tagger's `evaluate` report.
struct ClassificationTally {
    /// The target id that does not count (padding).
    let ignored: Int32
    private(set) var loss = 0.0
    private(set) var correct = 0
    private(set) var count = 0

    init(ignoring ignored: Int32 = -100) { self.ignored = ignored }

    /// Adds the rows of `logits` (…, classes), one per target.
    mutating func add(logits z: Tensor<Float>, targets: [Int32]) throws {
        loss += try softmaxCrossEntropy(logits: z, targets: targets, ignoreIndex: Int(ignored), reduction: .sum).loss
        for (p, t) in zip(argmaxRows(z), targets) where t != ignored {
            count += 1
            if p == t { correct += 1 }
        }
    }

    /// The mean loss per counted target (the sum when none counted).
    var meanLoss: Double { loss / Double(max(count, 1)) }
    /// The fraction of counted targets predicted right (0 when none counted).
    var accuracy: Double { Double(correct) / Double(max(count, 1)) }
}

/// The index of the largest entry of every row of the last axis (first one on ties).
func argmaxRows(_ z: Tensor<Float>) -> [Int32] {
    let c = z.shape[z.rank - 1]
    let rows = z.count / c
    return z.withUnsafeBufferPointer { p in
        (0..<rows).map { r in
            let row = p.baseAddress! + r * c
            var best = 0
            for j in 1..<c where row[j] > row[best] { best = j }
            return Int32(best)
        }
    }
}
