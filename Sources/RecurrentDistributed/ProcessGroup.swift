import Foundation
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

#if MPI
    import _CMPI
#endif

/// The processes of one training job and the few collective operations data-parallel
/// training needs: all-reduce (sum, average), broadcast from the root, all-gather, barrier,
/// and a check that every process holds the same bytes.
///
/// Built with the package's `MPI` trait and launched by `mpirun`, ``Distributed/world`` is
/// MPI_COMM_WORLD (initialised with `MPI_THREAD_FUNNELED`: the kernels' worker threads never
/// call MPI, only the thread that initialised it). Otherwise it is a single process (rank 0
/// of 1) and every operation is a no-op.
///
/// Every operation is collective: all processes call it, in the same order, with buffers of
/// the same size. Errors (a failed MPI call, e.g. after another rank died) are thrown as
/// ``DistributedError`` naming the operation and this rank; call ``abort(_:code:)`` to end the
/// whole job with a message.
public final class ProcessGroup: @unchecked Sendable {
    /// This process's index, 0 ..< size.
    public let rank: Int
    /// The number of processes.
    public let size: Int
    /// The process that prints, writes files, and whose values broadcasts send.
    public var isRoot: Bool { rank == 0 }
    /// True when there is more than one process.
    public var isDistributed: Bool { size > 1 }
    /// A short description for logs: "single process" or "MPI rank 1 of 4 on host".
    public let summary: String

    /// The single-process group: rank 0 of 1, every operation a no-op.
    public static let single = ProcessGroup(rank: 0, size: 1, summary: "single process")

    init(rank: Int, size: Int, summary: String) {
        self.rank = rank
        self.size = size
        self.summary = summary
    }

    // MARK: Collectives

    /// Replaces `buffer` on every process by the element-wise sum over all processes.
    public func allReduceSum(_ buffer: UnsafeMutableBufferPointer<Float>) throws {
        guard isDistributed, buffer.count > 0 else { return }
        try backendAllReduce(UnsafeMutableRawPointer(buffer.baseAddress!), count: buffer.count, type: .float, op: .sum)
    }

    /// Replaces `buffer` on every process by the element-wise sum over all processes.
    public func allReduceSum(_ buffer: UnsafeMutableBufferPointer<Double>) throws {
        guard isDistributed, buffer.count > 0 else { return }
        try backendAllReduce(UnsafeMutableRawPointer(buffer.baseAddress!), count: buffer.count, type: .double, op: .sum)
    }

    /// Replaces `buffer` on every process by the element-wise mean over all processes
    /// (the sum times 1/size, rounded once per element).
    public func allReduceAverage(_ buffer: UnsafeMutableBufferPointer<Float>) throws {
        guard isDistributed else { return }
        try allReduceSum(buffer)
        let scale = Float(1 / Double(size))
        for i in buffer.indices { buffer[i] *= scale }
    }

    /// The sum of `value` over all processes.
    public func allReduceSum(_ value: Double) throws -> Double {
        var v = value
        try withUnsafeMutablePointer(to: &v) { try allReduceSum(UnsafeMutableBufferPointer(start: $0, count: 1)) }
        return v
    }

    /// Copies the root's `buffer` into every other process's `buffer`.
    public func broadcast(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard isDistributed, buffer.count > 0 else { return }
        try backendBroadcast(buffer.baseAddress!, bytes: buffer.count)
    }

    /// The root's `value` on every process.
    public func broadcast(_ value: Bool) throws -> Bool {
        var byte: UInt8 = value ? 1 : 0
        try withUnsafeMutableBytes(of: &byte) { try broadcast($0) }
        return byte != 0
    }

    /// The root's tensor values on every process (shapes must already agree).
    public func broadcast<S: TensorScalar>(_ tensor: inout Tensor<S>) throws {
        guard isDistributed else { return }
        try tensor.withUnsafeMutableBufferPointer { try broadcast(UnsafeMutableRawBufferPointer($0)) }
    }

    /// Every process's `value`, in rank order.
    public func allGather(_ value: UInt64) throws -> [UInt64] {
        guard isDistributed else { return [value] }
        return try backendAllGather(value)
    }

    /// Every process's `values` (any count, possibly different per process) concatenated in
    /// rank order, with each process's count.
    public func allGather(_ values: [Float]) throws -> (values: [Float], counts: [Int]) {
        guard isDistributed else { return (values, [values.count]) }
        let counts = try allGather(UInt64(values.count)).map { Int($0) }
        return (try backendAllGatherV(values, counts: counts), counts)
    }

    /// Returns when every process has called it.
    public func barrier() throws {
        guard isDistributed else { return }
        try backendBarrier()
    }

    /// Throws unless every process passes the same bytes: each hashes its own (FNV-1a, 64
    /// bits) and the hashes are compared, so only 8 bytes per process travel. The error names
    /// `what` and the ranks that differ from the root.
    public func checkIdentical(_ bytes: UnsafeRawBufferPointer, what: String) throws {
        guard isDistributed else { return }
        let hashes = try allGather(fnv1a64(bytes))
        let differing = hashes.indices.filter { hashes[$0] != hashes[0] }
        if !differing.isEmpty {
            throw DistributedError("\(what) differ between processes: rank\(differing.count > 1 ? "s" : "") \(differing.map(String.init).joined(separator: ", ")) hold values other than rank 0's (hashes \(hashes.map { String($0, radix: 16) }.joined(separator: ", ")))")
        }
    }

    /// Ends the whole job: prints `message` (prefixed with this rank) to stderr and, when
    /// distributed, makes the launcher stop every process; exits with `code`.
    public func abort(_ message: String, code: Int32 = 1) -> Never {
        let prefix = isDistributed ? "rank \(rank) of \(size): " : ""
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
        #if MPI
            if isDistributed { _ = MPI_Abort(cmpi_comm_world(), code) }
        #endif
        exit(code)
    }
}

/// A failed collective operation, naming it and the rank where it failed.
public struct DistributedError: Error, CustomStringConvertible, Equatable {
    /// What failed, naming the operation and the rank.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The process-wide entry point of distributed training.
public enum Distributed {
    /// True when the library was built with the `MPI` trait.
    public static var isAvailable: Bool {
        #if MPI
            return true
        #else
            return false
        #endif
    }

    /// True when this process was started by an MPI launcher (`mpirun`, `srun`, …),
    /// judged by the variables launchers set.
    public static var isLaunchedByMPI: Bool {
        let env = ProcessInfo.processInfo.environment
        return ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE", "PMI_RANK"].contains { env[$0] != nil }
    }

    /// The number of processes the MPI launcher started, from its environment (nil when
    /// not launched by one, or it does not say). Lets a build without the trait refuse to
    /// run N independent copies that would all write the same files.
    public static var launchedProcessCount: Int? {
        let env = ProcessInfo.processInfo.environment
        return (env["OMPI_COMM_WORLD_SIZE"] ?? env["PMI_SIZE"]).flatMap { Int($0) }
    }

    /// All processes of this job, set up at first use: MPI_COMM_WORLD when built with the
    /// `MPI` trait and started by an MPI launcher, else ``ProcessGroup/single``.
    /// Touch it first from the thread that will make every later MPI call (the main thread).
    public static let world: ProcessGroup = {
        #if MPI
            if isLaunchedByMPI { return MPIBackend.initialize() }
        #endif
        return .single
    }()

    /// What a ``Trainer`` of a job that may run under `mpirun` is given as its synchronizer
    /// (the tasks of `rnn train` pass it): data-parallel over ``world`` when it has several
    /// processes (one shared instance), else nothing.
    public static var defaultSynchronizer: any GradientSynchronizer {
        world.isDistributed ? sharedDataParallel : NoSynchronization.shared
    }

    /// The data-parallel synchronizer over ``world`` of ``defaultSynchronizer`` (its
    /// ``DataParallel/statistics`` are the all-reduce timings of the run).
    public static let sharedDataParallel = DataParallel(group: world)
}

/// FNV-1a over 8-byte words (then the tail bytes): fast, and any differing byte changes it.
/// Chain buffers by passing one's hash as the next one's `seed`.
func fnv1a64(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var h = seed
    let prime: UInt64 = 0x100_0000_01b3
    let words = bytes.count / 8
    for i in 0..<words {
        h = (h ^ bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* prime
    }
    for i in (words * 8)..<bytes.count { h = (h ^ UInt64(bytes[i])) &* prime }
    return h
}

// MARK: Backend dispatch

enum ReduceType { case float, double }
enum ReduceOperation { case sum }

extension ProcessGroup {
    func backendAllReduce(_ p: UnsafeMutableRawPointer, count: Int, type: ReduceType, op: ReduceOperation) throws {
        #if MPI
            try MPIBackend.allReduce(p, count: count, type: type, op: op, rank: rank)
        #else
            preconditionFailure("a distributed process group without MPI")
        #endif
    }

    func backendBroadcast(_ p: UnsafeMutableRawPointer, bytes: Int) throws {
        #if MPI
            try MPIBackend.broadcast(p, bytes: bytes, rank: rank)
        #else
            preconditionFailure("a distributed process group without MPI")
        #endif
    }

    func backendAllGather(_ value: UInt64) throws -> [UInt64] {
        #if MPI
            return try MPIBackend.allGather(value, size: size, rank: rank)
        #else
            preconditionFailure("a distributed process group without MPI")
        #endif
    }

    func backendAllGatherV(_ values: [Float], counts: [Int]) throws -> [Float] {
        #if MPI
            return try MPIBackend.allGatherV(values, counts: counts, rank: rank)
        #else
            preconditionFailure("a distributed process group without MPI")
        #endif
    }

    func backendBarrier() throws {
        #if MPI
            try MPIBackend.barrier(rank: rank)
        #else
            preconditionFailure("a distributed process group without MPI")
        #endif
    }
}
