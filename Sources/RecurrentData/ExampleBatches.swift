import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Array-backed mini-batches for the `Trainer`: a ``BatchSampler`` orders examples
/// `0..<count` anew each epoch (seeded by the epoch, so a resumed run sees the same batches;
/// optionally bucketed by length, so a batch holds sequences of similar length and little
/// padding) and `make` builds a batch from example indices.
///
/// The built-in models' examples have ready-made initialisers (in RecurrentModels:
/// `ExampleBatches(tokens:labels:)` for a `SequenceClassifier` and so on); any other model
/// gives its own `make`:
///
/// ```swift
/// let batches = try ExampleBatches(count: examples.count, batchSize: 32, seed: 1) { ids in
///     try MyBatch(ids.map { examples[$0] })
/// }
/// try trainer.fit(batches)
/// ```
public final class ExampleBatches<Batch>: BatchSource {
    /// The order of the examples, epoch after epoch.
    public let sampler: BatchSampler
    /// Builds the batch of the given example indices.
    public let make: ([Int]) throws -> Batch
    private var cached: (epoch: Int, batches: [[Int]])?

    /// Batches in the order of `sampler`, each built by `make` from its example indices.
    public init(sampler: BatchSampler, make: @escaping ([Int]) throws -> Batch) {
        self.sampler = sampler
        self.make = make
    }

    /// Batches of `batchSize` examples (fewer in the last, and all of them when there are
    /// fewer than `batchSize`) of `count` examples, shuffled every epoch from `seed` when
    /// `shuffles`; `lengths` (one per example) turns on bucketing by length. Throws when
    /// `count` or `batchSize` is not positive or the lengths do not match the examples.
    public convenience init(count: Int, batchSize: Int, shuffles: Bool = true, seed: UInt64 = 0,
                            bucketingBy lengths: [Int]? = nil, make: @escaping ([Int]) throws -> Batch) throws {
        try ArgumentError.check(count > 0, "no examples to batch")
        try ArgumentError.check(batchSize > 0, "the batch size must be positive, got \(batchSize)")
        try ArgumentError.check(lengths == nil || lengths!.count == count, "\(count) examples but \(lengths?.count ?? 0) lengths")
        self.init(sampler: BatchSampler(count: count, batchSize: Swift.min(batchSize, count), shuffles: shuffles, seed: seed,
                                        bucketingBy: lengths), make: make)
    }

    /// ⌈count / batchSize⌉.
    public var batchesPerEpoch: Int { (sampler.count + sampler.batchSize - 1) / sampler.batchSize }

    /// The `index`-th batch of `epoch`.
    public func batch(epoch: Int, index: Int) throws -> Batch {
        if cached?.epoch != epoch { cached = (epoch, sampler.batches(epoch: epoch)) }
        return try make(cached!.batches[index])
    }

    /// Fixed batches of consecutive examples, in order (for evaluation and prediction).
    public static func sequential(_ count: Int, batchSize: Int, make: ([Int]) throws -> Batch) rethrows -> [Batch] {
        precondition(batchSize > 0, "batch size must be positive")
        return try stride(from: 0, to: count, by: batchSize).map { try make(Array($0..<Swift.min($0 + batchSize, count))) }
    }
}
