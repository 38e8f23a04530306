import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Synthetic tasks whose answer depends on the start of a long sequence, for studying how
/// gradients travel through time.
public enum LongRangeTask: String, Sendable, CaseIterable, Codable {
    /// Recall: the first step shows one of ``recallSymbols`` symbols, the T − 1 steps after it
    /// random distractors (one of ``recallDistractors`` other symbols); the model must name
    /// the first symbol at the last step (cross-entropy; chance = log 4).
    case recall
    /// The adding problem (Hochreiter & Schmidhuber 1997): each step holds a random value in
    /// [0, 1) and a marker; one marked step is in the first tenth of the sequence, the other in
    /// its second half, and the model must output the sum of the two marked values at the end
    /// (mean squared error; predicting the mean 1 gives 1/6).
    case adding

    /// Symbols to recall.
    public static let recallSymbols = 4
    /// Distractor symbols (distinct from the ones to recall).
    public static let recallDistractors = 4

    /// Features per step.
    public var inputSize: Int {
        switch self {
        case .recall: return Self.recallSymbols + Self.recallDistractors
        case .adding: return 2
        }
    }

    /// Outputs of the readout: class scores (recall) or the predicted sum (adding).
    public var outputSize: Int { self == .recall ? Self.recallSymbols : 1 }

    /// The loss of the best input-blind guess: log 4 for recall, 1/6 for adding.
    public var chanceLoss: Double { self == .recall ? Double.log(Double(Self.recallSymbols)) : 1.0 / 6 }

    /// One line for terminal output and reports.
    public func summary(steps: Int) -> String {
        switch self {
        case .recall:
            return "recall: name the first of \(Self.recallSymbols) symbols after \(steps - 1) distractor steps (loss at step \(steps) only)"
        case .adding:
            return "adding problem: sum the two marked values of \(steps) steps (loss at step \(steps) only)"
        }
    }

    /// A batch of `batch` fresh sequences of `steps` steps, time-major (T, B, inputSize).
    public func sample<S: TensorScalar>(steps: Int, batch: Int, using rng: inout RandomGenerator) -> LongRangeBatch<S> {
        precondition(steps >= 2 && batch >= 1, "LongRangeTask needs at least 2 steps and 1 sequence")
        let I = inputSize
        var x = [S](repeating: 0, count: steps * batch * I)
        var classes: [Int32] = []
        var values: [S] = []
        for b in 0..<batch {
            switch self {
            case .recall:
                let symbol = rng.index(below: Self.recallSymbols)
                classes.append(Int32(symbol))
                x[b * I + symbol] = 1
                for t in 1..<steps {
                    x[(t * batch + b) * I + Self.recallSymbols + rng.index(below: Self.recallDistractors)] = 1
                }
            case .adding:
                let first = rng.index(below: max(1, steps / 10))
                let second = steps / 2 + rng.index(below: steps - steps / 2)
                var sum = 0.0
                for t in 0..<steps {
                    let v = rng.nextUnit()
                    x[(t * batch + b) * I] = S(v)
                    if t == first || t == second {
                        x[(t * batch + b) * I + 1] = 1
                        sum += v
                    }
                }
                values.append(S(sum))
            }
        }
        let input = try! Tensor<S>(shape: [steps, batch, I], scalars: x)
        let target: LongRangeBatch<S>.Target = self == .recall
            ? .classes(classes) : .values(try! Tensor<S>(shape: [batch, 1], scalars: values))
        return LongRangeBatch(input: input, target: target)
    }
}

/// Sequences of a ``LongRangeTask`` and what the model must answer at their last step.
public struct LongRangeBatch<S: TensorScalar> {
    /// The answer expected at the last step.
    public enum Target {
        /// One class id per sequence (recall).
        case classes([Int32])
        /// One value per sequence, shape (B, 1) (adding).
        case values(Tensor<S>)
    }

    /// (T, B, inputSize), time-major.
    public var input: Tensor<S>
    /// One answer per sequence.
    public var target: Target

    /// The loss of `prediction` (B, outputSize) and its gradient: cross-entropy or mean
    /// squared error, averaged over the batch.
    public func loss(_ prediction: Tensor<S>) throws -> (loss: Double, gradient: Tensor<S>) {
        switch target {
        case .classes(let ids): return try softmaxCrossEntropy(logits: prediction, targets: ids)
        case .values(let y): return try meanSquaredError(predictions: prediction, targets: y)
        }
    }
}
