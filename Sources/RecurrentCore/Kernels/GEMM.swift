import _RecurrentKernels

/// Whether an operand enters a product as stored or transposed.
public enum Transpose: Sendable { case none, transposed }

/// C = α·op(A)·op(B) + β·C for row-major matrices (the three forms BPTT needs:
/// A·B, A·Bᵀ, Aᵀ·B). `a` is M×K (K×M when transposed), `b` is K×N (N×K when
/// transposed), `c` is M×N. With β = 0, C is overwritten without being read.
public func gemm<S: TensorScalar>(
    _ a: Tensor<S>, _ ta: Transpose, _ b: Tensor<S>, _ tb: Transpose, _ c: inout Tensor<S>,
    alpha: S = 1, beta: S = 0
) throws {
    guard a.rank == 2, b.rank == 2, c.rank == 2 else {
        throw ShapeError("gemm: operands must be matrices, got \(a.shape), \(b.shape), \(c.shape)")
    }
    let (m, k) = ta == .none ? (a.shape[0], a.shape[1]) : (a.shape[1], a.shape[0])
    let (kb, n) = tb == .none ? (b.shape[0], b.shape[1]) : (b.shape[1], b.shape[0])
    guard k == kb else {
        throw ShapeError("gemm: inner dimensions differ: op(A) is (\(m), \(k)), op(B) is (\(kb), \(n))")
    }
    try c.checkShape([m, n], "gemm output")
    let lda = a.shape[1], ldb = b.shape[1]
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                S.gemm(ta == .transposed, tb == .transposed, m, n, k, alpha,
                        pa.baseAddress!, lda, pb.baseAddress!, ldb, beta, pc.baseAddress!, n)
            }
        }
    }
}

/// The kernels' run-time configuration: threads and instruction set.
public enum KernelConfiguration {
    /// Threads used by large matrix products (a persistent pool; small ones stay on the caller).
    public static var threads: Int {
        get { Int(rk_get_threads()) }
        set { rk_set_threads(Int32(max(1, newValue))) }
    }
    /// The instruction set the kernels use now ("avx512", "avx2", "neon" or "portable").
    public static var isaName: String { String(cString: rk_isa_name(rk_isa_active())) }

    /// How the fused recurrence shares a sequence among threads (tests and benchmarks;
    /// `RECURRENT_RECURRENCE_SPLIT=rows|units` sets it for a process).
    enum RecurrenceSplit: Int32 { case automatic = 0, units = 1, rows = 2 }
    static var recurrenceSplit: RecurrenceSplit {
        get { RecurrenceSplit(rawValue: rk_recurrence_split()) ?? .automatic }
        set { rk_set_recurrence_split(newValue.rawValue) }
    }
    /// The largest span (bytes: rows × row stride) of a step's left operand that the fused
    /// recurrence reads in place instead of packing (tests: 0 always packs; nil restores the
    /// default).
    static var recurrenceDirectA: Int? {
        get { rk_recurrence_direct_a() }
        set { rk_set_recurrence_direct_a(newValue ?? -1) }
    }
}

extension KernelConfiguration {
    /// The measured FMA peak (GFLOP/s) of `threads` threads on the active ISA.
    public static func measuredPeakGFLOPS(threads: Int, seconds: Double = 0.2) -> Double {
        rk_measure_fma_peak(Int32(threads), seconds)
    }
}
