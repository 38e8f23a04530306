import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

#if MPI
    import Foundation
    import _CMPI

    /// The MPI calls behind ``ProcessGroup`` (built only with the `MPI` trait). Errors return
    /// (MPI_ERRORS_RETURN on MPI_COMM_WORLD) and become ``DistributedError``s.
    enum MPIBackend {
        /// The most elements one MPI call moves (MPI counts are 32-bit).
        static let maxCount = 1 << 28

        /// MPI_Init_thread(FUNNELED), errors returned rather than fatal, MPI_Finalize at exit.
        static func initialize() -> ProcessGroup {
            var initialized: Int32 = 0
            MPI_Initialized(&initialized)
            if initialized == 0 {
                var provided: Int32 = 0
                let rc = MPI_Init_thread(nil, nil, cmpi_thread_funneled(), &provided)
                if rc != cmpi_success() {
                    FileHandle.standardError.write(Data("MPI_Init_thread failed: \(errorString(rc))\n".utf8))
                    exit(1)
                }
                if provided < cmpi_thread_funneled() {
                    FileHandle.standardError.write(Data("warning: MPI provides thread level \(provided) < FUNNELED; the kernels' worker threads never call MPI\n".utf8))
                }
                atexit {
                    var finalized: Int32 = 0
                    MPI_Finalized(&finalized)
                    if finalized == 0 { MPI_Finalize() }
                }
            }
            MPI_Comm_set_errhandler(cmpi_comm_world(), cmpi_errors_return())
            var rank: Int32 = 0, size: Int32 = 1
            MPI_Comm_rank(cmpi_comm_world(), &rank)
            MPI_Comm_size(cmpi_comm_world(), &size)
            var name = [CChar](repeating: 0, count: 256)
            var length: Int32 = 0
            MPI_Get_processor_name(&name, &length)
            let host = String(decoding: name.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return ProcessGroup(rank: Int(rank), size: Int(size), summary: "MPI rank \(rank) of \(size) on \(host)")
        }

        static func errorString(_ code: Int32) -> String {
            var buffer = [CChar](repeating: 0, count: Int(cmpi_max_error_string()) + 1)
            var length: Int32 = 0
            guard MPI_Error_string(code, &buffer, &length) == cmpi_success() else { return "MPI error \(code)" }
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        static func check(_ rc: Int32, _ operation: String, rank: Int) throws {
            guard rc != cmpi_success() else { return }
            throw DistributedError("rank \(rank): \(operation) failed (\(errorString(rc))) — did another process die?")
        }

        static func allReduce(_ p: UnsafeMutableRawPointer, count: Int, type: ReduceType, op: ReduceOperation, rank: Int) throws {
            let (datatype, width) = type == .float ? (cmpi_float(), 4) : (cmpi_double(), 8)
            let mpiOp: MPI_Op = switch op { case .sum: cmpi_sum() }
            var done = 0
            while done < count {
                let n = min(maxCount, count - done)
                try check(MPI_Allreduce(cmpi_in_place(), p + done * width, Int32(n), datatype, mpiOp, cmpi_comm_world()),
                          "MPI_Allreduce of \(count) values", rank: rank)
                done += n
            }
        }

        static func broadcast(_ p: UnsafeMutableRawPointer, bytes: Int, rank: Int) throws {
            var done = 0
            while done < bytes {
                let n = min(maxCount, bytes - done)
                try check(MPI_Bcast(p + done, Int32(n), cmpi_byte(), 0, cmpi_comm_world()), "MPI_Bcast of \(bytes) bytes", rank: rank)
                done += n
            }
        }

        static func allGather(_ value: UInt64, size: Int, rank: Int) throws -> [UInt64] {
            var mine = value
            var all = [UInt64](repeating: 0, count: size)
            try check(MPI_Allgather(&mine, 1, cmpi_uint64(), &all, 1, cmpi_uint64(), cmpi_comm_world()), "MPI_Allgather", rank: rank)
            return all
        }

        static func allGatherV(_ values: [Float], counts: [Int], rank: Int) throws -> [Float] {
            let total = counts.reduce(0, +)
            guard total <= Int(Int32.max) else { throw DistributedError("rank \(rank): all-gather of \(total) values is too large") }
            var displacements: [Int32] = []
            var offset: Int32 = 0
            for c in counts {
                displacements.append(offset)
                offset += Int32(c)
            }
            let counts32 = counts.map { Int32($0) }
            var all = [Float](repeating: 0, count: max(total, 1))
            var mine = values
            try check(MPI_Allgatherv(&mine, Int32(values.count), cmpi_float(), &all, counts32, displacements, cmpi_float(), cmpi_comm_world()),
                      "MPI_Allgatherv", rank: rank)
            return Array(all.prefix(total))
        }

        static func barrier(rank: Int) throws {
            try check(MPI_Barrier(cmpi_comm_world()), "MPI_Barrier", rank: rank)
        }
    }
#endif
