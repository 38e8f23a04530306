import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A batch of independent examples (streams, sequences) that data-parallel training can split:
/// each of N processes takes a contiguous group of the examples of the same global batch
/// (``shardRange(count:part:of:)``) and the gradients are combined weighted by
/// ``lossTermCount``, so that N processes compute the gradient of the global batch's loss.
///
/// A model's batch type conforms to train under `mpirun` (``DataParallel``); without MPI the
/// conformance is unused.
public protocol ShardableBatch {
    /// The number of examples the batch splits into (the B of a (T, B, …) batch).
    var exampleCount: Int { get }
    /// The examples `range` (of 0..<exampleCount) as a batch of the same kind, in order.
    func examples(_ range: Range<Int>) -> Self
    /// How many terms the model's mean loss averages over in this batch: targets for a
    /// per-token loss (non-padding ones when padding is ignored), examples for a
    /// per-sequence loss. Shards' gradients are weighted by their share of the global count.
    /// Default: ``exampleCount``.
    var lossTermCount: Int { get }
}

extension ShardableBatch {
    public var lossTermCount: Int { exampleCount }
}

/// Part `part` of `count` items split into `parts` contiguous groups as evenly as possible:
/// the first `count % parts` groups hold one more (as `numpy.array_split`).
public func shardRange(count: Int, part: Int, of parts: Int) -> Range<Int> {
    precondition(parts > 0 && (0..<parts).contains(part), "part \(part) of \(parts)")
    let base = count / parts, extra = count % parts
    let start = part * base + min(part, extra)
    return start..<(start + base + (part < extra ? 1 : 0))
}

extension BPTTChunk: ShardableBatch {
    /// The streams (columns).
    public var exampleCount: Int { batchSize }
    /// Every target counts (the language model's loss is the mean over all of them).
    public var lossTermCount: Int { steps * batchSize }

    /// Streams `range`: columns of the (steps, batchSize) input and target.
    public func examples(_ range: Range<Int>) -> BPTTChunk {
        precondition(range.lowerBound >= 0 && range.upperBound <= batchSize, "streams \(range) of \(batchSize)")
        return BPTTChunk(input: columns(input, range), target: columns(target, range), steps: steps, batchSize: range.count)
    }

    private func columns(_ ids: [Int32], _ range: Range<Int>) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(steps * range.count)
        for t in 0..<steps { out += ids[(t * batchSize + range.lowerBound)..<(t * batchSize + range.upperBound)] }
        return out
    }
}

extension PaddedBatch {
    /// Sequences `range` (columns of the time-major (T, B, K) values), padding kept, T unchanged.
    /// A task's batch type holding a padded batch builds its ``ShardableBatch/examples(_:)`` on this.
    public func examples(_ range: Range<Int>) -> PaddedBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= batchSize, "sequences \(range) of \(batchSize)")
        let k = featuresPerStep
        var out: [Element] = []
        out.reserveCapacity(steps * range.count * k)
        for t in 0..<steps {
            out += values[((t * batchSize + range.lowerBound) * k)..<((t * batchSize + range.upperBound) * k)]
        }
        return PaddedBatch(values: out, steps: steps, batchSize: range.count, featuresPerStep: k,
                           lengths: Array(lengths[range]))
    }

    /// The valid steps over all sequences (Σ lengths): the loss terms of a per-step loss.
    public var validStepCount: Int { lengths.reduce(0) { $0 + Int($1) } }

    init(values: [Element], steps: Int, batchSize: Int, featuresPerStep: Int, lengths: [Int32]) {
        self.values = values
        self.steps = steps
        self.batchSize = batchSize
        self.featuresPerStep = featuresPerStep
        self.lengths = lengths
    }
}
