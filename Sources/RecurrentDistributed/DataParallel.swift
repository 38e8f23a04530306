import Foundation
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// Timings of ``DataParallel``'s gradient synchronisation.
public struct DataParallelStatistics: Sendable, Equatable {
    /// Steps synchronised.
    public var steps = 0
    /// Seconds in ``DataParallel/synchronize(loss:share:parameters:)``: flattening, waiting,
    /// the all-reduce and copying back.
    public var synchronizeSeconds = 0.0
    /// Of these, seconds waiting for the slowest process: the loss is all-reduced first (8
    /// bytes), so this call absorbs the imbalance between processes.
    public var waitSeconds = 0.0
    /// Of these, seconds all-reducing the gradients (the transfer and summation itself).
    public var allReduceSeconds = 0.0
    /// Bytes all-reduced per step.
    public var bytesPerStep = 0
}

/// Data-parallel training over a ``ProcessGroup``: every process reads the same global batch
/// and trains on its contiguous part (``ShardableBatch``); the gradients, each weighted by its
/// part's share of the loss terms, are flattened into one contiguous buffer, all-reduced in
/// place (in buckets of at most ``bucketBytes``) and copied back, so every process holds the
/// gradient of the global batch's mean loss and takes the same optimizer step.
///
/// Dropout masks are drawn per process from the same seeded generator (they match one process
/// only without dropout), and the checkpointed random state is the root's.
public final class DataParallel: GradientSynchronizer, @unchecked Sendable {
    /// The processes that train together.
    public let group: ProcessGroup
    /// The most bytes one all-reduce call moves.
    public var bucketBytes = 4 << 20
    /// Timings of the synchronisation so far.
    public private(set) var statistics = DataParallelStatistics()
    private var flat: [Float] = []

    /// Data-parallel training over `group` (``Distributed/world`` for the job launched by `mpirun`).
    public init(group: ProcessGroup) { self.group = group }

    public var writesFiles: Bool { group.isRoot }

    public func beginTraining(parameters: [(name: String, parameter: Parameter<Float>)], optimizer: any Optimizer<Float>) throws {
        guard group.isDistributed else { return }
        // Different shapes (e.g. a vocabulary built from different files) would make the
        // broadcasts below mismatch: check the layout first.
        let layout = parameters.map { "\($0.name)\($0.parameter.value.shape)" }.joined(separator: ";")
        try Array(layout.utf8).withUnsafeBytes { try group.checkIdentical($0, what: "parameter names and shapes") }
        for p in parameters.map(\.parameter).uniqued() { try group.broadcast(&p.value) }
        var state = optimizer.state
        let keys = state.tensors.keys.sorted()
        let optimizerLayout = keys.map { "\($0)\(state.tensors[$0]!.shape)" }.joined(separator: ";")
        try Array(optimizerLayout.utf8).withUnsafeBytes { try group.checkIdentical($0, what: "optimizer state layouts") }
        for k in keys { try group.broadcast(&state.tensors[k]!) }
        var scalars = [Double(state.stepCount), state.learningRate]
        try scalars.withUnsafeMutableBytes { try group.broadcast($0) }
        state.stepCount = Int(scalars[0])
        state.learningRate = scalars[1]
        try optimizer.load(state: state)
    }

    public func localBatch<Batch>(_ batch: Batch) throws -> (batch: Batch, share: Double) {
        guard group.isDistributed else { return (batch, 1) }
        guard let shardable = batch as? any ShardableBatch else {
            throw DistributedError("data-parallel training needs batches that conform to ShardableBatch; \(Batch.self) does not")
        }
        let (local, share) = try shard(shardable)
        return (local as! Batch, share)
    }

    private func shard<B: ShardableBatch>(_ global: B) throws -> (B, Double) {
        let n = global.exampleCount
        guard n >= group.size else {
            throw DistributedError("a global batch of \(n) examples cannot be split over \(group.size) processes (use a batch of at least \(group.size))")
        }
        let local = global.examples(shardRange(count: n, part: group.rank, of: group.size))
        let total = global.lossTermCount
        return (local, total > 0 ? Double(local.lossTermCount) / Double(total) : 1 / Double(group.size))
    }

    public func synchronize(loss: Double, share: Double, parameters: [Parameter<Float>]) throws -> Double {
        guard group.isDistributed else { return loss }
        let start = ProcessInfo.processInfo.systemUptime
        let trained = parameters.uniqued().filter(\.requiresGradient)
        let total = trained.reduce(0) { $0 + $1.gradient.count }
        if flat.count < total { flat = [Float](repeating: 0, count: total) }
        let weight = Float(share)
        var reduceSeconds = 0.0, waitSeconds = 0.0
        var globalLoss = loss
        try flat.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            var offset = 0
            for p in trained {
                p.gradient.withUnsafeBufferPointer { g in
                    let dst = base + offset
                    for i in 0..<g.count { dst[i] = g[i] * weight }
                    offset += g.count
                }
            }
            let t0 = ProcessInfo.processInfo.systemUptime
            globalLoss = try group.allReduceSum(loss * share)
            let t1 = ProcessInfo.processInfo.systemUptime
            let bucket = max(1, bucketBytes / MemoryLayout<Float>.stride)
            var done = 0
            while done < total {
                let n = min(bucket, total - done)
                try group.allReduceSum(UnsafeMutableBufferPointer(start: base + done, count: n))
                done += n
            }
            reduceSeconds = ProcessInfo.processInfo.systemUptime - t1
            waitSeconds = t1 - t0
            offset = 0
            for p in trained {
                p.gradient.withUnsafeMutableBufferPointer { g in
                    g.baseAddress!.update(from: base + offset, count: g.count)
                    offset += g.count
                }
            }
        }
        statistics.steps += 1
        statistics.allReduceSeconds += reduceSeconds
        statistics.waitSeconds += waitSeconds
        statistics.synchronizeSeconds += ProcessInfo.processInfo.systemUptime - start
        statistics.bytesPerStep = total * MemoryLayout<Float>.stride
        return globalLoss
    }

    public func agree(_ decision: Bool) throws -> Bool { try group.broadcast(decision) }

    public func gatherState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState {
        guard group.isDistributed, let sharded = (model as? any BatchShardedState)?.batchShardedState else { return state }
        let keys = sharded.keys.sorted()
        // Every process must gather the same keys (or the collectives would mismatch).
        let present = keys.map { state.tensors[$0] == nil ? "-" : "+" }.joined()
        try Array(present.utf8).withUnsafeBytes { try group.checkIdentical($0, what: "carried per-example state") }
        var out = state
        for key in keys {
            guard let t = state.tensors[key] else { continue }
            out.tensors[key] = try gather(t, axis: sharded[key]!, name: key)
        }
        return out
    }

    public func localState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState {
        guard group.isDistributed, let sharded = (model as? any BatchShardedState)?.batchShardedState else { return state }
        var out = state
        for (key, axis) in sharded {
            guard let t = state.tensors[key] else { continue }
            let range = shardRange(count: t.shape[axis], part: group.rank, of: group.size)
            out.tensors[key] = try slice(t, axis: axis, range)
        }
        return out
    }

    public func endTraining(parameters: [(name: String, parameter: Parameter<Float>)]) throws {
        guard group.isDistributed else { return }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (_, p) in parameters { hash = p.value.withUnsafeBufferPointer { fnv1a64(UnsafeRawBufferPointer($0), seed: hash) } }
        try withUnsafeBytes(of: hash) { try group.checkIdentical($0, what: "parameters after training") }
    }

    /// The whole batch's tensor from each process's slice along `axis`.
    private func gather(_ t: Tensor<Float>, axis: Int, name: String) throws -> Tensor<Float> {
        let dims = t.shape.dimensions
        let outer = dims[..<axis].reduce(1, *), inner = dims[(axis + 1)...].reduce(1, *)
        let (all, counts) = try group.allGather(t.scalars)
        let widths = counts.map { $0 / max(outer * inner, 1) }
        guard zip(widths, counts).allSatisfy({ $0 * outer * inner == $1 }) else {
            throw DistributedError("state '\(name)': slices of different shapes on different processes")
        }
        let width = widths.reduce(0, +)
        var full = dims
        full[axis] = width
        var out = [Float](repeating: 0, count: outer * width * inner)
        var source = 0, column = 0
        for w in widths {
            for o in 0..<outer {
                let src = source + o * w * inner, dst = (o * width + column) * inner
                out.replaceSubrange(dst..<(dst + w * inner), with: all[src..<(src + w * inner)])
            }
            source += outer * w * inner
            column += w
        }
        return try Tensor(shape: Shape(full), scalars: out)
    }

    /// Indices `range` of `axis`.
    private func slice(_ t: Tensor<Float>, axis: Int, _ range: Range<Int>) throws -> Tensor<Float> {
        let dims = t.shape.dimensions
        let outer = dims[..<axis].reduce(1, *), inner = dims[(axis + 1)...].reduce(1, *), width = dims[axis]
        let scalars = t.scalars
        var out: [Float] = []
        out.reserveCapacity(outer * range.count * inner)
        for o in 0..<outer {
            out += scalars[((o * width + range.lowerBound) * inner)..<((o * width + range.upperBound) * inner)]
        }
        var shape = dims
        shape[axis] = range.count
        return try Tensor(shape: Shape(shape), scalars: out)
    }
}
