import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// Shuffled mini-batches of examples for the ``Trainer``: each epoch's order comes from a
/// ``BatchSampler`` (seeded by the epoch, so resumed runs see the same batches) and `make`
/// builds a batch from example indices. Used by the classify, forecast and generate tasks.
final class ExampleBatches<Batch>: BatchSource {
    let sampler: BatchSampler
    let make: ([Int]) throws -> Batch
    private var cached: (epoch: Int, batches: [[Int]])?

    init(sampler: BatchSampler, make: @escaping ([Int]) throws -> Batch) {
        self.sampler = sampler
        self.make = make
    }

    var batchesPerEpoch: Int { (sampler.count + sampler.batchSize - 1) / sampler.batchSize }

    func batch(epoch: Int, index: Int) throws -> Batch {
        if cached?.epoch != epoch { cached = (epoch, sampler.batches(epoch: epoch)) }
        return try make(cached!.batches[index])
    }

    /// Fixed batches of consecutive examples (for evaluation).
    static func sequential(_ count: Int, batchSize: Int, make: ([Int]) throws -> Batch) rethrows -> [Batch] {
        try stride(from: 0, to: count, by: batchSize).map { try make(Array($0..<min($0 + batchSize, count))) }
    }
}

/// Splits example indices into training and validation sets, stratified by class: every
/// class gives about `fraction` of its examples (spread evenly through its occurrences) to
/// validation, so the split depends only on the data, not on a random draw.
func stratifiedSplit(labels: [Int32], fraction: Double) -> (train: [Int], validation: [Int]) {
    guard fraction > 0 else { return (Array(labels.indices), []) }
    var byClass: [Int32: [Int]] = [:]
    for (i, y) in labels.enumerated() { byClass[y, default: []].append(i) }
    var validation = Set<Int>()
    for (_, members) in byClass where members.count >= 2 {
        let k = min(members.count - 1, Int((Double(members.count) * fraction).rounded()))
        guard k > 0 else { continue }
        for j in 0..<k { validation.insert(members[(j * members.count) / k + members.count / (2 * k)]) }
    }
    return (labels.indices.filter { !validation.contains($0) }, labels.indices.filter { validation.contains($0) })
}
