import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Splits the examples `0..<count` into batches, epoch after epoch, reproducibly.
///
/// Each epoch's order depends only on the seed and the epoch number, so a run resumed from a
/// saved ``position`` continues with exactly the batches it would have seen. With lengths,
/// examples are bucketed: after shuffling, each window of `bucketWindow` batches is sorted by
/// length before being cut into batches (little padding), and then the order of all batches is
/// shuffled.
public struct BatchSampler: Sendable {
    /// Where the sampler stands: the epoch and the index of the next batch within it.
    public struct Position: Codable, Equatable, Sendable {
        /// The epoch, from 0.
        public var epoch: Int
        /// The next batch's index within the epoch.
        public var index: Int

        public init(epoch: Int = 0, index: Int = 0) {
            self.epoch = epoch
            self.index = index
        }
    }

    /// The number of examples.
    public let count: Int
    /// The most examples per batch.
    public let batchSize: Int
    /// Whether each epoch has its own random order (else examples stay in index order).
    public let shuffles: Bool
    /// Seeds every epoch's order (with the epoch number).
    public let seed: UInt64
    /// The examples' lengths when bucketing.
    public let lengths: [Int]?
    /// Batches per sorting window when bucketing.
    public let bucketWindow: Int
    /// The next batch to be returned by ``next()``.
    public var position: Position
    private var cached: (epoch: Int, batches: [[Int]])?

    /// A sampler over `count` examples; `lengths` (one per example) turns on bucketing.
    public init(
        count: Int, batchSize: Int, shuffles: Bool = true, seed: UInt64 = 0,
        bucketingBy lengths: [Int]? = nil, bucketWindow: Int = 50, position: Position = Position()
    ) {
        precondition(count > 0 && batchSize > 0 && bucketWindow > 0, "count, batch size and window must be positive")
        precondition(lengths == nil || lengths!.count == count, "one length per example")
        self.count = count
        self.batchSize = batchSize
        self.shuffles = shuffles
        self.seed = seed
        self.lengths = lengths
        self.bucketWindow = bucketWindow
        self.position = position
    }

    /// The number of batches in an epoch (the last may be smaller than `batchSize`).
    public var batchesPerEpoch: Int { (count + batchSize - 1) / batchSize }

    /// The batches of `epoch`, each a list of example indices.
    public func batches(epoch: Int) -> [[Int]] {
        var rng = RandomGenerator(seed: seed &+ UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15)
        var order = Array(0..<count)
        if shuffles { rng.shuffle(&order) }
        if let lengths {
            let window = bucketWindow * batchSize
            for start in stride(from: 0, to: count, by: window) {
                let range = start..<min(start + window, count)
                // Ties keep their shuffled order, so the result does not depend on the sort algorithm.
                order.replaceSubrange(range, with: order[range].enumerated()
                    .sorted { (lengths[$0.element], $0.offset) < (lengths[$1.element], $1.offset) }
                    .map(\.element))
            }
        }
        var batches = stride(from: 0, to: count, by: batchSize).map { Array(order[$0..<min($0 + batchSize, count)]) }
        if shuffles && lengths != nil { rng.shuffle(&batches) }
        return batches
    }

    /// The batch at ``position``, moving the position on (to the next epoch after the last batch).
    public mutating func next() -> [Int] {
        if position.index >= batchesPerEpoch { position = Position(epoch: position.epoch + 1) }
        if cached?.epoch != position.epoch { cached = (position.epoch, batches(epoch: position.epoch)) }
        defer { position.index += 1 }
        return cached!.batches[position.index]
    }
}
