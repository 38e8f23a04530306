import Testing
import _RecurrentKernels

/// Float and Double entry points of rk_gemm.h behind one interface.
private protocol GEMMScalar: BinaryFloatingPoint {
    static var tolerance: Double { get }
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
                     _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
                     _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    static func packedSize(_ k: Int, _ n: Int) -> Int
    static func pack(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
                     _ packed: UnsafeMutablePointer<Self>)
    static func gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
                           _ a: UnsafePointer<Self>, _ lda: Int, _ packed: UnsafePointer<Self>,
                           _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
}

extension Float: GEMMScalar {
    static var tolerance: Double { 1e-5 }
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                     _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                     _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        rk_sgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    static func packedSize(_ k: Int, _ n: Int) -> Int { rk_sgemm_packed_b_size(k, n) }
    static func pack(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                     _ packed: UnsafeMutablePointer<Float>) {
        rk_sgemm_pack_b(tb ? 1 : 0, k, n, b, ldb, packed)
    }
    static func gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                           _ a: UnsafePointer<Float>, _ lda: Int, _ packed: UnsafePointer<Float>,
                           _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        rk_sgemm_packed(ta ? 1 : 0, m, n, k, alpha, a, lda, packed, beta, c, ldc)
    }
}

extension Double: GEMMScalar {
    static var tolerance: Double { 1e-12 }
    static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
                     _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
                     _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
        rk_dgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    static func packedSize(_ k: Int, _ n: Int) -> Int { rk_dgemm_packed_b_size(k, n) }
    static func pack(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
                     _ packed: UnsafeMutablePointer<Double>) {
        rk_dgemm_pack_b(tb ? 1 : 0, k, n, b, ldb, packed)
    }
    static func gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
                           _ a: UnsafePointer<Double>, _ lda: Int, _ packed: UnsafePointer<Double>,
                           _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
        rk_dgemm_packed(ta ? 1 : 0, m, n, k, alpha, a, lda, packed, beta, c, ldc)
    }
}

/// One product to check: op(A) is m x k, op(B) is k x n; `pad` widens every leading dimension.
private struct Case: CustomStringConvertible {
    var transA = false, transB = false
    var m: Int, n: Int, k: Int
    var alpha = 1.0, beta = 0.0
    var pad = 0
    var packed = false
    var description: String {
        "\(transA ? "T" : "N")\(transB ? "T" : "N") m=\(m) n=\(n) k=\(k) α=\(alpha) β=\(beta) pad=\(pad)\(packed ? " packed" : "")"
    }
}

/// Deterministic values in [-1, 1).
/// max |x − y| / (1 + |y|).
private func relativeError(_ x: [Double], _ y: [Double]) -> Double {
    var worst = 0.0
    for (a, b) in zip(x, y) { worst = max(worst, abs(a - b) / (1 + abs(b))) }
    return worst
}

private struct Noise {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 52) - 1
    }
}

/// Runs `c` through the library and compares with a Double reference. With β == 0, C
/// starts as NaN: the product must overwrite it without reading it.
private func check<T: GEMMScalar>(_ c: Case, _: T.Type, seed: UInt64 = 1) {
    var noise = Noise(state: seed)
    let (aRows, aCols) = c.transA ? (c.k, c.m) : (c.m, c.k)
    let (bRows, bCols) = c.transB ? (c.n, c.k) : (c.k, c.n)
    let lda = aCols + c.pad, ldb = bCols + c.pad, ldc = c.n + c.pad
    let a = (0..<max(aRows * lda, 1)).map { _ in T(noise.next()) }
    let b = (0..<max(bRows * ldb, 1)).map { _ in T(noise.next()) }
    var out = (0..<max(c.m * ldc, 1)).map { _ in c.beta == 0 ? T.nan : T(noise.next()) }
    let start = out

    let alpha = T(c.alpha), beta = T(c.beta)
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { out in
                if c.packed {
                    var packed = [T](repeating: 0, count: T.packedSize(c.k, c.n))
                    packed.withUnsafeMutableBufferPointer { T.pack(c.transB, c.k, c.n, b.baseAddress!, ldb, $0.baseAddress!) }
                    T.gemmPacked(c.transA, c.m, c.n, c.k, alpha, a.baseAddress!, lda, packed, beta, out.baseAddress!, ldc)
                } else {
                    T.gemm(c.transA, c.transB, c.m, c.n, c.k, alpha, a.baseAddress!, lda, b.baseAddress!, ldb,
                           beta, out.baseAddress!, ldc)
                }
            }
        }
    }

    let worst = largestError(c, a: a.map { Double($0) }, lda: lda, b: b.map { Double($0) }, ldb: ldb,
                             out: out.map { Double($0) }, start: start.map { Double($0) }, ldc: ldc)
    #expect(worst < T.tolerance, "\(T.self) \(c): relative error \(worst)")
}

/// Largest error of `out` against a Double reference, relative to (1 + |expected|)·sqrt(k + 1);
/// infinite when a padding column was written. (Not generic, on buffer pointers: debug
/// builds run it fast enough.)
private func largestError(_ c: Case, a: [Double], lda: Int, b: [Double], ldb: Int,
                          out: [Double], start: [Double], ldc: Int) -> Double {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            out.withUnsafeBufferPointer { out in
                start.withUnsafeBufferPointer { start in
                    largestError(c, a: a, lda: lda, b: b, ldb: ldb, out: out, start: start, ldc: ldc)
                }
            }
        }
    }
}

private func largestError(_ c: Case, a: UnsafeBufferPointer<Double>, lda: Int, b: UnsafeBufferPointer<Double>, ldb: Int,
                          out: UnsafeBufferPointer<Double>, start: UnsafeBufferPointer<Double>, ldc: Int) -> Double {
    var worst = 0.0
    for i in 0..<c.m {
        for j in 0..<c.n {
            var sum = 0.0
            for p in 0..<c.k {
                sum += (c.transA ? a[p * lda + i] : a[i * lda + p]) * (c.transB ? b[j * ldb + p] : b[p * ldb + j])
            }
            let expected = c.alpha * sum + (c.beta == 0 ? 0 : c.beta * start[i * ldc + j])
            let error = abs(out[i * ldc + j] - expected) / ((1 + abs(expected)) * Double(c.k + 1).squareRoot())
            worst = error.isNaN ? .infinity : max(worst, error)
        }
        for j in c.n..<(c.n + c.pad) where out[i * ldc + j].isNaN != start[i * ldc + j].isNaN {
            return .infinity
        }
    }
    return worst
}

/// ISA paths this CPU can run (each one needs the ones below it).
#if arch(x86_64)
private let isas: [Int32] = Array(Int32(RK_ISA_PORTABLE)...rk_isa_detected())
#elseif arch(arm64)
private let isas: [Int32] = [Int32(RK_ISA_PORTABLE), Int32(RK_ISA_NEON)]
#else
private let isas: [Int32] = [Int32(RK_ISA_PORTABLE)]
#endif

/// Odd and prime sizes around the register tiles (4, 6, 8, 12, 16, 32) and blocking.
private let sizes = [1, 2, 3, 5, 7, 8, 11, 13, 16, 17, 31, 33, 47, 64, 67]

/// A representative spread of shapes: every size appears in every position.
private let shapes: [(m: Int, n: Int, k: Int)] = sizes.indices.map { i in
    (sizes[i], sizes[(i * 7 + 3) % sizes.count], sizes[(i * 11 + 5) % sizes.count])
}

private let scalings: [(alpha: Double, beta: Double)] = [(1, 0), (1, 1), (-0.5, 2), (2, -0.75)]

/// Pins `isa` (and `threads`) for the body, then restores the automatic choice and one thread.
private func with(isa: Int32, threads: Int32 = 1, _ body: () -> Void) throws {
    try KernelPathLock.exclusive {
        try #require(rk_isa_force(isa) == 0)
        rk_set_threads(threads)
        defer {
            rk_isa_force(-1)
            rk_set_threads(1)
        }
        body()
    }
}

@Suite(.serialized) struct GEMMTests {
    @Test(arguments: isas) func everyFormAndScaling(isa: Int32) throws {
        try with(isa: isa) {
            for (index, shape) in shapes.enumerated() {
                for form in 0..<4 {
                    let s = scalings[(index + form) % scalings.count]
                    let c = Case(transA: form & 1 != 0, transB: form & 2 != 0, m: shape.m, n: shape.n, k: shape.k,
                                 alpha: s.alpha, beta: s.beta, pad: index % 3)
                    check(c, Float.self, seed: UInt64(index * 4 + form))
                    check(c, Double.self, seed: UInt64(index * 4 + form))
                }
            }
        }
    }

    @Test(arguments: isas) func prepackedB(isa: Int32) throws {
        try with(isa: isa) {
            for (index, shape) in shapes.enumerated() {
                for form in 0..<4 {
                    let s = scalings[(index + form + 1) % scalings.count]
                    let c = Case(transA: form & 1 != 0, transB: form & 2 != 0, m: shape.m, n: shape.n, k: shape.k,
                                 alpha: s.alpha, beta: s.beta, pad: (index + 1) % 3, packed: true)
                    check(c, Float.self, seed: UInt64(index))
                    check(c, Double.self, seed: UInt64(index))
                }
            }
        }
    }

    /// Shapes spanning several K chunks, row blocks and column panels of every ISA.
    @Test(arguments: isas) func blockBoundaries(isa: Int32) throws {
        try with(isa: isa) {
            for (form, (m, n, k)) in [(250, 21, 401), (13, 100, 530), (130, 45, 100), (6, 75, 777)].enumerated() {
                let c = Case(transA: form & 1 != 0, transB: form & 2 != 0, m: m, n: n, k: k, alpha: 1.5, beta: 0.5, pad: 3)
                check(c, Float.self)
                check(Case(transA: c.transA, m: m, n: n, k: k, packed: true), Float.self)
                check(c, Double.self)
            }
            // Aᵀ over several row blocks with balanced panel heights (packed row by row of A).
            let t = Case(transA: true, m: 250, n: 21, k: 401, alpha: 1.5, beta: 0.5, pad: 3)
            check(t, Float.self)
            check(t, Double.self)
        }
    }

    /// rk_?gemm_shared_a equals two plain products (to rounding), on one and two threads, for
    /// shapes that take the shared pass (M > 2·MC, N1 + N2 ≤ NC; several K chunks) and one
    /// that falls back to two products.
    @Test(arguments: isas) func sharedLeftOperand(isa: Int32) throws {
        let shapes: [(m: Int, k: Int, n1: Int, n2: Int)] = [(400, 130, 37, 50), (420, 801, 64, 16), (40, 30, 5, 7)]
        for threads: Int32 in [1, 2] {
            try with(isa: isa, threads: threads) {
                for (index, s) in shapes.enumerated() {
                    for transA in [false, true] {
                        var noise = Noise(state: UInt64(10 + index))
                        let a = (0..<s.m * s.k).map { _ in noise.next() }
                        let b1 = (0..<s.k * s.n1).map { _ in noise.next() }, b2 = (0..<s.k * s.n2).map { _ in noise.next() }
                        let c1 = (0..<s.m * s.n1).map { _ in noise.next() }, c2 = (0..<s.m * s.n2).map { _ in noise.next() }
                        let lda = transA ? s.m : s.k
                        // Float
                        let (af, b1f, b2f) = (a.map(Float.init), b1.map(Float.init), b2.map(Float.init))
                        var (p1, p2) = (c1.map(Float.init), c2.map(Float.init)), (q1, q2) = (p1, p2)
                        rk_sgemm_shared_a(transA ? 1 : 0, s.m, s.k, 1.5, af, lda, s.n1, b1f, s.n1, &p1, s.n1,
                                          s.n2, b2f, s.n2, &p2, s.n2, 0.5)
                        rk_sgemm(transA ? 1 : 0, 0, s.m, s.n1, s.k, 1.5, af, lda, b1f, s.n1, 0.5, &q1, s.n1)
                        rk_sgemm(transA ? 1 : 0, 0, s.m, s.n2, s.k, 1.5, af, lda, b2f, s.n2, 0.5, &q2, s.n2)
                        let errorF = relativeError((p1 + p2).map(Double.init), (q1 + q2).map(Double.init))
                        #expect(errorF <= 1e-5, "float \(s) transA \(transA) threads \(threads): \(errorF)")
                        // Double
                        var (d1, d2) = (c1, c2), (e1, e2) = (c1, c2)
                        rk_dgemm_shared_a(transA ? 1 : 0, s.m, s.k, -0.5, a, lda, s.n1, b1, s.n1, &d1, s.n1,
                                          s.n2, b2, s.n2, &d2, s.n2, 2)
                        rk_dgemm(transA ? 1 : 0, 0, s.m, s.n1, s.k, -0.5, a, lda, b1, s.n1, 2, &e1, s.n1)
                        rk_dgemm(transA ? 1 : 0, 0, s.m, s.n2, s.k, -0.5, a, lda, b2, s.n2, 2, &e2, s.n2)
                        let errorD = relativeError(d1 + d2, e1 + e2)
                        #expect(errorD <= 1e-12, "double \(s) transA \(transA) threads \(threads): \(errorD)")
                    }
                }
            }
        }
    }

    @Test func emptyDimensions() throws {
        try with(isa: rk_isa_detected()) {
            for packed in [false, true] {
                check(Case(m: 0, n: 5, k: 3, packed: packed), Float.self)
                check(Case(m: 4, n: 0, k: 3, packed: packed), Float.self)
                check(Case(m: 4, n: 5, k: 0, beta: 0, packed: packed), Float.self)  // C = 0
                check(Case(m: 4, n: 5, k: 0, beta: 1.5, packed: packed), Float.self) // C = βC
                check(Case(transA: true, m: 3, n: 7, k: 0, beta: -1, packed: packed), Double.self)
                check(Case(m: 3, n: 7, k: 9, alpha: 0, beta: 0.5, packed: packed), Double.self)
            }
        }
    }

    /// A buffer packed under one ISA stays correct when another one is active.
    @Test func packedUnderAnotherISA() throws {
        let k = 37, n = 45, m = 9
        var noise = Noise(state: 7)
        let a = (0..<m * k).map { _ in Float(noise.next()) }
        let b = (0..<k * n).map { _ in Float(noise.next()) }
        for packISA in isas {
            var packed = [Float](repeating: 0, count: rk_sgemm_packed_b_size(k, n))
            try with(isa: packISA) { rk_sgemm_pack_b(0, k, n, b, n, &packed) }
            for runISA in isas {
                var viaPacked = [Float](repeating: 0, count: m * n), direct = viaPacked
                try with(isa: runISA) {
                    rk_sgemm_packed(0, m, n, k, 1, a, k, packed, 0, &viaPacked, n)
                    rk_sgemm(0, 0, m, n, k, 1, a, k, b, n, 0, &direct, n)
                }
                let worst = zip(viaPacked, direct).map { abs($0 - $1) }.max()!
                #expect(worst < 1e-4, "packed with \(packISA), run with \(runISA)")
            }
        }
    }

    /// Above the threading threshold (1 MFLOP), on two threads: splits over columns and over rows.
    @Test(arguments: isas) func twoThreads(isa: Int32) throws {
        try with(isa: isa, threads: 2) {
            for (form, (m, n, k)) in [(40, 400, 260), (600, 20, 400)].enumerated() {
                check(Case(transA: form == 1, transB: form == 0, m: m, n: n, k: k, alpha: 0.5, beta: 1), Float.self)
                check(Case(transA: form == 0, m: m, n: n, k: k, beta: 0, packed: true), Float.self)
            }
            check(Case(m: 40, n: 400, k: 260, alpha: -1, beta: 0.25), Double.self)
        }
    }

    /// Forces paths, so holds KernelPathLock (a test comparing two runs bit for bit must
    /// not see the path change under it).
    @Test func isaSelection() {
        KernelPathLock.exclusive { isaSelectionChecks() }
    }

    private func isaSelectionChecks() {
        #expect(rk_isa_force(Int32(RK_ISA_PORTABLE)) == 0)
        #expect(rk_isa_active() == Int32(RK_ISA_PORTABLE))
        #expect(rk_isa_force(-1) == 0)
        #expect(rk_isa_active() == rk_isa_detected())
        #expect(rk_isa_force(42) == -1)
        if rk_isa_detected() < Int32(RK_ISA_AVX512) {
            #expect(rk_isa_force(Int32(RK_ISA_AVX512)) == -1)
        }
        #expect(String(cString: rk_isa_name(Int32(RK_ISA_AVX2))) == "avx2")
    }

    @Test func fmaPeakIsPositive() {
        #expect(rk_measure_fma_peak(1, 0.01) > 0)
    }
}
