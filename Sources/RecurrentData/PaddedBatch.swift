import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Variable-length sequences padded to the longest, in time-major (T, B, K) layout.
///
/// Sequence `b`'s features at step `t` start at `values[(t * batchSize + b) * featuresPerStep]`;
/// steps past `lengths[b]` hold `padding`. Token ids use K = 1.
public struct PaddedBatch<Element: Sendable>: Sendable {
    /// The padded values, time-major (steps, batchSize, featuresPerStep), row-major.
    public let values: [Element]
    /// T, the longest sequence's length.
    public let steps: Int
    /// B, the number of sequences.
    public let batchSize: Int
    /// K, the values per step.
    public let featuresPerStep: Int
    /// Each sequence's length in steps.
    public let lengths: [Int32]

    /// Pads `sequences` (each `length × featuresPerStep` values, step-major) with `padding`.
    public init(_ sequences: [[Element]], featuresPerStep: Int = 1, padding: Element) {
        precondition(!sequences.isEmpty && featuresPerStep > 0, "a batch needs sequences and features")
        precondition(sequences.allSatisfy { $0.count % featuresPerStep == 0 }, "sequence sizes must be multiples of featuresPerStep")
        let lengths = sequences.map { $0.count / featuresPerStep }
        let (b, k) = (sequences.count, featuresPerStep)
        steps = lengths.max()!
        var values = [Element](repeating: padding, count: steps * b * k)
        for (i, sequence) in sequences.enumerated() {
            for t in 0..<lengths[i] {
                values.replaceSubrange(((t * b + i) * k)..<((t * b + i + 1) * k), with: sequence[(t * k)..<((t + 1) * k)])
            }
        }
        self.values = values
        batchSize = b
        self.featuresPerStep = k
        self.lengths = lengths.map { Int32($0) }
    }
}

extension PaddedBatch: Equatable where Element: Equatable {}
