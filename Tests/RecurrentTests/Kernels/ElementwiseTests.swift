import Foundation
import Testing
import _RecurrentKernels
#if arch(x86_64) && !os(Windows) && !os(Android)
import RealModule
#endif

// Tests of the elementwise kernels (rk_elementwise.h) on every instruction-set path this
// machine runs. Forcing a path is global state, hence `.serialized`; every test that
// forces one resets it to the automatic choice before it returns.
//
// Float results are compared with Foundation/libm evaluated in Double; Double results with
// Float80 (x87) references where Swift has Float80, else with libm in Double. Each accuracy
// test asserts a stated bound; the error measured on the development machine (AMD EPYC,
// AVX2: the portable and AVX2 paths; this CPU has no AVX-512) is stated beside it and is
// printed as "measured …" when the tests run.

// MARK: - Helpers

private typealias SMap = (Int, UnsafePointer<Float>?, UnsafeMutablePointer<Float>?) -> Void
private typealias DMap = (Int, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void

private let isaNames = ["portable", "avx2", "avx512", "neon"]

/// Runs `body` with the kernels pinned to `isa`, then restores the automatic choice.
private func withISA<R>(_ isa: Int32, _ body: () throws -> R) rethrows -> R {
    try KernelPathLock.exclusive {
        let got = rk_elementwise_force_isa(isa)
        precondition(got == isa, "cannot force ISA \(isa)")
        defer { _ = rk_elementwise_force_isa(-1) }
        return try body()
    }
}

private func apply(_ f: SMap, _ x: [Float]) -> [Float] {
    var y = [Float](repeating: .nan, count: x.count)
    x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in f(x.count, xp.baseAddress, yp.baseAddress) }
    }
    return y
}

private func apply(_ f: DMap, _ x: [Double]) -> [Double] {
    var y = [Double](repeating: .nan, count: x.count)
    x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in f(x.count, xp.baseAddress, yp.baseAddress) }
    }
    return y
}

private func applyInPlace(_ f: SMap, _ x: [Float]) -> [Float] {
    var y = x
    y.withUnsafeMutableBufferPointer { p in f(p.count, UnsafePointer(p.baseAddress), p.baseAddress) }
    return y
}

private func applyInPlace(_ f: DMap, _ x: [Double]) -> [Double] {
    var y = x
    y.withUnsafeMutableBufferPointer { p in f(p.count, UnsafePointer(p.baseAddress), p.baseAddress) }
    return y
}

/// g *= f'(y) through a backward kernel.
private func backward(_ f: SMap, y: [Float], g: [Float]) -> [Float] {
    var g = g
    y.withUnsafeBufferPointer { yp in
        g.withUnsafeMutableBufferPointer { gp in f(y.count, yp.baseAddress, gp.baseAddress) }
    }
    return g
}

private func backward(_ f: DMap, y: [Double], g: [Double]) -> [Double] {
    var g = g
    y.withUnsafeBufferPointer { yp in
        g.withUnsafeMutableBufferPointer { gp in f(y.count, yp.baseAddress, gp.baseAddress) }
    }
    return g
}

/// Float ulp at the (double) reference value; subnormal spacing below FLT_MIN.
private func floatULP(_ r: Double) -> Double {
    if r == 0 || !r.isFinite { return Double(Float.leastNonzeroMagnitude) }
    return Double(sign: .plus, exponent: max(r.exponent, -126) - 23, significand: 1)
}

/// Bitwise equality that treats every NaN as equal to every NaN.
private func same(_ a: Float, _ b: Float) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}

private func same(_ a: Double, _ b: Double) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}

/// Deterministic pseudo-random numbers (SplitMix64), uniform in [lo, hi).
private struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
    mutating func floats(_ n: Int, _ lo: Double, _ hi: Double) -> [Float] {
        (0..<n).map { _ in Float(uniform(lo, hi)) }
    }
    mutating func doubles(_ n: Int, _ lo: Double, _ hi: Double) -> [Double] {
        (0..<n).map { _ in uniform(lo, hi) }
    }
}

/// 100 001 evenly spaced points over [lo, hi].
private func grid(_ lo: Double, _ hi: Double, count: Int = 100_001) -> [Double] {
    (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
}

// Mid-range subnormals (≈ 1e-40 and 1e-310), built from their scale so the literals do
// not underflow at compile time.
private let subnormalFloat = Float.leastNormalMagnitude * 0x1p-13
private let subnormalDouble = Double.leastNormalMagnitude * 0x1p-30

private let specialFloats: [Float] = [
    0, -0.0, .infinity, -.infinity, .nan, -.nan,
    .leastNonzeroMagnitude, -.leastNonzeroMagnitude, subnormalFloat, -subnormalFloat, .leastNormalMagnitude,
    1e-30, -1e-30, 1e-10, -1e-10, 0.625, -0.625, 0.62499994, -0.62499994, 9.5, -9.5,
    88.72, 88.73, -87.33, -87.34, -103.9, -104.1, 100, -100, 1e30, -1e30,
    .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
]

private let specialDoubles: [Double] = [
    0, -0.0, .infinity, -.infinity, .nan, -.nan,
    .leastNonzeroMagnitude, -.leastNonzeroMagnitude, subnormalDouble, -subnormalDouble, .leastNormalMagnitude,
    1e-30, -1e-30, 1e-10, -1e-10, 0.625, -0.625, 20, -20, 709, 710, -708, -745, -746,
    1e300, -1e300, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
]

/// The float test inputs: a dense grid over [−30, 30] plus special values.
private let floatInputs: [Float] = grid(-30, 30).map { Float($0) } + specialFloats

// References (Foundation/libm in Double).
private func refSigmoid(_ x: Double) -> Double { x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }

/// Error statistics of a float result against a double reference.
private struct FloatErrors {
    var maxAbs = 0.0, maxAbsAt = 0.0
    var maxULP = 0.0, maxULPAt = 0.0
    var specialMismatches: [String] = []

    /// Absolute error counts on [absLo, absHi]; ulp error wherever the reference is a
    /// normal float (|r| ≥ FLT_MIN and ≤ FLT_MAX). Special values (NaN, ±inf, ±0 in the
    /// reference) must match exactly in class and sign.
    mutating func add(x: Float, got: Float, ref r: Double, absLo: Double = -20, absHi: Double = 20) {
        let xd = Double(x)
        if r.isNaN || got.isNaN {
            if !(r.isNaN && got.isNaN) { specialMismatches.append("x=\(x): got \(got), want \(r)") }
            return
        }
        if r.isInfinite || Double(got).isInfinite || abs(r) > Double(Float.greatestFiniteMagnitude) {
            if Double(got) != Double(Float(r)) { specialMismatches.append("x=\(x): got \(got), want \(r)") }
            return
        }
        if r == 0, got != 0 || got.sign != r.sign {
            specialMismatches.append("x=\(x): got \(got), want \(r)")
        }
        let e = abs(Double(got) - r)
        if xd >= absLo, xd <= absHi, e > maxAbs { maxAbs = e; maxAbsAt = xd }
        if abs(r) >= Double(Float.leastNormalMagnitude) {
            let u = e / floatULP(r)
            if u > maxULP { maxULP = u; maxULPAt = xd }
        }
    }
}

/// Error statistics of a double result against a more precise reference.
private struct DoubleErrors {
    var maxULP = 0.0, maxULPAt = 0.0
    var specialMismatches: [String] = []

#if arch(x86_64) && !os(Windows) && !os(Android)
    typealias Ref = Float80
#else
    typealias Ref = Double
#endif

    mutating func add(x: Double, got: Double, ref r: Ref) {
        if r.isNaN || got.isNaN {
            if !(r.isNaN && got.isNaN) { specialMismatches.append("x=\(x): got \(got), want \(r)") }
            return
        }
        let rd = Double(r)
        if rd.isInfinite || rd == 0 {
            if !(got == rd && got.sign == rd.sign) { specialMismatches.append("x=\(x): got \(got), want \(r)") }
            return
        }
        if got.isInfinite || got == 0 {
            if abs(rd) >= Double.leastNormalMagnitude { specialMismatches.append("x=\(x): got \(got), want \(r)") }
            return
        }
        guard abs(rd) >= Double.leastNormalMagnitude else { return }
        let ulp = Ref(sign: .plus, exponent: r.exponent - 52, significand: 1)
        let u = Double(abs(Ref(got) - r) / ulp)
        if u > maxULP { maxULP = u; maxULPAt = x }
    }
}

#if arch(x86_64) && !os(Windows) && !os(Android)
private func ref80Exp(_ x: Double) -> Float80 { Float80.exp(Float80(x)) }
private func ref80Tanh(_ x: Double) -> Float80 { Float80.tanh(Float80(x)) }
private func ref80Sigmoid(_ x: Double) -> Float80 {
    let x = Float80(x)
    return x >= 0 ? 1 / (1 + Float80.exp(-x)) : Float80.exp(x) / (1 + Float80.exp(x))
}
#else
private func ref80Exp(_ x: Double) -> Double { exp(x) }
private func ref80Tanh(_ x: Double) -> Double { tanh(x) }
private func ref80Sigmoid(_ x: Double) -> Double { refSigmoid(x) }
#endif

private func fmt(_ v: Double) -> String { String(format: "%.3g", v) }

// MARK: - Suite

@Suite(.serialized)
struct ElementwiseTests {
    /// The ISA paths this machine can run (portable always).
    static let isas: [Int32] = (0...3).map { Int32($0) }.filter { rk_elementwise_isa_supported($0) != 0 }

    // MARK: ISA selection

    /// This and the next force paths, so they hold KernelPathLock (a test comparing two runs
    /// bit for bit must not see the path change under it).
    @Test func isaSelectionAndForcing() throws {
        KernelPathLock.exclusive { isaSelectionAndForcingChecks() }
    }

    private func isaSelectionAndForcingChecks() {
        defer { _ = rk_elementwise_force_isa(-1) }
        #expect(rk_elementwise_isa_supported(0) == 1)
        #expect(rk_elementwise_force_isa(0) == 0)
        #expect(rk_elementwise_isa() == 0)
        for isa: Int32 in [1, 2, 3] {
            if rk_elementwise_isa_supported(isa) != 0 {
                #expect(rk_elementwise_force_isa(isa) == isa)
                #expect(rk_elementwise_isa() == isa)
            } else {
                #expect(rk_elementwise_force_isa(0) == 0)
                #expect(rk_elementwise_force_isa(isa) == -1)
                #expect(rk_elementwise_isa() == 0, "a refused force changes nothing")
            }
        }
        #expect(rk_elementwise_force_isa(4) == -1)
        #expect(rk_elementwise_force_isa(-2) == -1)
        // An AVX-512 CPU always runs AVX2 too (the AVX-512 path also requires AVX2 + FMA).
        if rk_elementwise_isa_supported(2) != 0 { #expect(rk_elementwise_isa_supported(1) != 0) }
        #if arch(arm64)
        #expect(Self.isas == [0, 3])
        #elseif !arch(x86_64)
        #expect(Self.isas == [0])
        #endif
        print("measured: elementwise ISA paths run here: \(Self.isas.map { isaNames[Int($0)] })")
    }

    @Test func environmentVariableChoosesISA() throws {
        KernelPathLock.exclusive { environmentVariableChecks() }
    }

    private func environmentVariableChecks() {
        let saved = ProcessInfo.processInfo.environment["RECURRENT_ISA"]
        defer {
            if let saved { setenv("RECURRENT_ISA", saved, 1) } else { unsetenv("RECURRENT_ISA") }
            _ = rk_elementwise_force_isa(-1)
        }
        let best = Self.isas.max()!
        unsetenv("RECURRENT_ISA")
        #expect(rk_elementwise_force_isa(-1) == best)
        setenv("RECURRENT_ISA", "portable", 1)
        #expect(rk_elementwise_force_isa(-1) == 0)
        #expect(rk_elementwise_isa() == 0)
        setenv("RECURRENT_ISA", "avx2", 1)
        #if arch(x86_64)
        #expect(rk_elementwise_force_isa(-1) == min(1, best))
        #else
        #expect(rk_elementwise_force_isa(-1) == best, "a path the CPU lacks gets the best it runs")
        #endif
        setenv("RECURRENT_ISA", "neon", 1)
        #expect(rk_elementwise_force_isa(-1) == best, "NEON on AArch64; elsewhere not a path: the best")
        // A request above what the CPU runs gets the best it runs; nonsense is ignored.
        setenv("RECURRENT_ISA", "avx512", 1)
        #expect(rk_elementwise_force_isa(-1) == best)
        setenv("RECURRENT_ISA", "sse9", 1)
        #expect(rk_elementwise_force_isa(-1) == best)
    }

    // MARK: Float accuracy (dense grid + special values)

    /// float sigmoid max abs error ≤ 2e-7 on [−20, 20] (measured on this grid 8.86e-8,
    /// portable and AVX2; exhaustively over all floats with |x| ≤ 30: 8.93e-8), relative
    /// error ≤ 4 ulp wherever the result is a normal float, large negative x included
    /// (measured 2.4 ulp; exhaustively 2.83 ulp).
    @Test("float sigmoid: abs err ≤ 2e-7 (measured 8.9e-8), rel ≤ 4 ulp (measured 2.4)",
          arguments: isas)
    func floatSigmoidAccuracy(isa: Int32) throws {
        let y = withISA(isa) { apply(rk_s_sigmoid, floatInputs) }
        var err = FloatErrors()
        for (x, v) in zip(floatInputs, y) { err.add(x: x, got: v, ref: refSigmoid(Double(x))) }
        print("measured: \(isaNames[Int(isa)]) float sigmoid max abs \(fmt(err.maxAbs)) at \(err.maxAbsAt), max \(fmt(err.maxULP)) ulp at \(err.maxULPAt)")
        #expect(err.specialMismatches.isEmpty, "\(err.specialMismatches)")
        #expect(err.maxAbs <= 2e-7)
        #expect(err.maxULP <= 4)
        // Limits and special values.
        let s = withISA(isa) { apply(rk_s_sigmoid, [.infinity, -.infinity, 0, -0.0, -100, -103, -200, 100]) }
        #expect(s[0] == 1 && s[1] == 0 && s[2] == 0.5 && s[3] == 0.5 && s[7] == 1)
        #expect(abs(Double(s[4]) - refSigmoid(-100)) <= Double(Float.leastNonzeroMagnitude), "subnormal result")
        #expect(s[5] > 0 && s[6] == 0)
    }

    /// float tanh max abs error ≤ 2e-7 on [−20, 20] (measured on this grid 6.6e-8, portable
    /// and AVX2; exhaustively over all floats with |x| ≤ 30: 7.9e-8), relative error ≤ 4 ulp
    /// where the result is a normal float (measured 1.11 ulp; exhaustively 1.33 ulp): near 0
    /// the odd polynomial keeps tanh(x) ≈ x to full relative precision (1 − 2/(e^2x + 1)
    /// alone would pass the absolute bound but be off by 10^7 ulp at x = 1e-10).
    @Test("float tanh: abs err ≤ 2e-7 (measured 6.6e-8), rel ≤ 4 ulp (measured 1.1)",
          arguments: isas)
    func floatTanhAccuracy(isa: Int32) throws {
        let y = withISA(isa) { apply(rk_s_tanh, floatInputs) }
        var err = FloatErrors()
        for (x, v) in zip(floatInputs, y) { err.add(x: x, got: v, ref: tanh(Double(x))) }
        print("measured: \(isaNames[Int(isa)]) float tanh max abs \(fmt(err.maxAbs)) at \(err.maxAbsAt), max \(fmt(err.maxULP)) ulp at \(err.maxULPAt)")
        #expect(err.specialMismatches.isEmpty, "\(err.specialMismatches)")
        #expect(err.maxAbs <= 2e-7)
        #expect(err.maxULP <= 4)
        let t = withISA(isa) { apply(rk_s_tanh, [.infinity, -.infinity, -0.0, subnormalFloat, .greatestFiniteMagnitude]) }
        #expect(t[0] == 1 && t[1] == -1 && t[4] == 1)
        #expect(t[2] == 0 && t[2].sign == .minus, "tanh(−0) = −0")
        #expect(t[3] == subnormalFloat, "tanh of a subnormal is itself")
        // Exactly odd.
        let pos = grid(0, 12, count: 20_001).map { Float($0) }
        let tp = withISA(isa) { apply(rk_s_tanh, pos) }
        let tn = withISA(isa) { apply(rk_s_tanh, pos.map { -$0 }) }
        #expect(zip(tp, tn).allSatisfy { $0 == -$1 })
    }

    /// The fused cells' gate tanh (rational, no exp): absolute error ≤ 5e-7 (exhaustively over
    /// |x| ≤ 30: 3.1e-7 AVX2, 3.7e-7 portable), ≤ 8 ulp wherever the result is a normal float
    /// (exhaustively 5.2 / 6.3 ulp, the largest near ±1), tiny x to itself; exactly odd,
    /// never beyond ±1, and ±1 from the clamp point on.
    @Test("float gate tanh: abs err ≤ 5e-7 (measured 3.1e-7), ≤ 8 ulp, odd, |y| ≤ 1", arguments: isas)
    func floatGateTanhAccuracy(isa: Int32) throws {
        let xs = floatInputs + grid(8.9, 9.1, count: 20_001).map { Float($0) }
        let y = withISA(isa) { apply(rk_s_gate_tanh, xs) }
        var err = FloatErrors()
        for (x, v) in zip(xs, y) { err.add(x: x, got: v, ref: tanh(Double(x)), absLo: -30, absHi: 30) }
        print("measured: \(isaNames[Int(isa)]) float gate tanh max abs \(fmt(err.maxAbs)) at \(err.maxAbsAt), max \(fmt(err.maxULP)) ulp at \(err.maxULPAt)")
        #expect(err.specialMismatches.isEmpty, "\(err.specialMismatches)")
        #expect(err.maxAbs <= 5e-7)
        #expect(err.maxULP <= 8)
        #expect(y.allSatisfy { $0.isNaN || abs($0) <= 1 }, "|tanh| ≤ 1")
        let t = withISA(isa) {
            apply(rk_s_gate_tanh, [.infinity, -.infinity, -0.0, subnormalFloat, 1e-10, 9.0, -9.0, 9.01, .nan])
        }
        #expect(t[0] == 1 && t[1] == -1 && t[5] == 1 && t[6] == -1 && t[7] == 1)
        #expect(t[2] == 0 && t[2].sign == .minus, "tanh(−0) = −0")
        #expect(t[3] == subnormalFloat && t[4] == 1e-10, "tanh(x) = x for tiny x")
        #expect(t[8].isNaN)
        let pos = grid(0, 12, count: 20_001).map { Float($0) }
        let tp = withISA(isa) { apply(rk_s_gate_tanh, pos) }
        let tn = withISA(isa) { apply(rk_s_gate_tanh, pos.map { -$0 }) }
        #expect(zip(tp, tn).allSatisfy { $0 == -$1 }, "exactly odd")
    }

    /// The fused cells' gate sigmoid, (1 + tanh(x/2))/2 with the gate tanh: absolute error
    /// ≤ 3e-7 (exhaustively over |x| ≤ 30: 1.8e-7 AVX2, 2.2e-7 portable), ≤ 5 ulp for x ≥ 0
    /// (exhaustively 3.0 / 3.6); no relative accuracy for large negative x (0 below ≈ −18).
    @Test("float gate sigmoid: abs err ≤ 3e-7 (measured 1.8e-7), ≤ 5 ulp for x ≥ 0, in [0, 1]",
          arguments: isas)
    func floatGateSigmoidAccuracy(isa: Int32) throws {
        let y = withISA(isa) { apply(rk_s_gate_sigmoid, floatInputs) }
        var all = FloatErrors(), nonNegative = FloatErrors()
        for (x, v) in zip(floatInputs, y) where !x.isNaN {
            let r = refSigmoid(Double(x))
            if x >= 0 { nonNegative.add(x: x, got: v, ref: r, absLo: 0, absHi: 30) }
            let e = abs(Double(v) - r)
            if e > all.maxAbs { all.maxAbs = e; all.maxAbsAt = Double(x) }
        }
        print("measured: \(isaNames[Int(isa)]) float gate sigmoid max abs \(fmt(all.maxAbs)) at \(all.maxAbsAt), max \(fmt(nonNegative.maxULP)) ulp (x ≥ 0) at \(nonNegative.maxULPAt)")
        #expect(nonNegative.specialMismatches.isEmpty, "\(nonNegative.specialMismatches)")
        #expect(all.maxAbs <= 3e-7)
        #expect(nonNegative.maxULP <= 5)
        #expect(y.allSatisfy { $0.isNaN || ($0 >= 0 && $0 <= 1) }, "sigmoid in [0, 1]")
        let s = withISA(isa) { apply(rk_s_gate_sigmoid, [.infinity, -.infinity, 0, -0.0, 100, -100, .nan]) }
        #expect(s[0] == 1 && s[1] == 0 && s[2] == 0.5 && s[3] == 0.5 && s[4] == 1 && s[5] == 0)
        #expect(s[6].isNaN)
    }

    /// float exp relative error ≤ 4 ulp where the result is a normal float, x ∈ [−87.3, 88.7]
    /// (measured 0.95 ulp portable, 0.99 ulp AVX2; exhaustively over |x| ≤ 30: 0.98 / 1.01);
    /// overflow → +inf, underflow gradual (within one subnormal step) → 0.
    @Test("float exp: rel err ≤ 4 ulp in the normal range (measured 0.99)", arguments: isas)
    func floatExpAccuracy(isa: Int32) throws {
        let xs = grid(-87.33, 88.72, count: 200_001).map { Float($0) } + specialFloats
        let y = withISA(isa) { apply(rk_s_exp, xs) }
        var err = FloatErrors()
        for (x, v) in zip(xs, y) { err.add(x: x, got: v, ref: exp(Double(x)), absLo: 0, absHi: 0) }
        print("measured: \(isaNames[Int(isa)]) float exp max \(fmt(err.maxULP)) ulp at \(err.maxULPAt)")
        #expect(err.specialMismatches.isEmpty, "\(err.specialMismatches)")
        #expect(err.maxULP <= 4)
        // Subnormal results: within one subnormal step (2^-149) plus 4 ulp of FLT_MIN scale.
        let sub = grid(-103.9, -87.4, count: 10_001).map { Float($0) }
        let ys = withISA(isa) { apply(rk_s_exp, sub) }
        let worst = zip(sub, ys).map { abs(Double($1) - exp(Double($0))) }.max()!
        #expect(worst <= Double(Float.leastNonzeroMagnitude))
        let e = withISA(isa) { apply(rk_s_exp, [.infinity, -.infinity, 89, 200, -105, -1e30, 0, -0.0]) }
        #expect(e == [.infinity, 0, .infinity, .infinity, 0, 0, 1, 1])
    }

    /// relu is exact: max(x, 0) with relu(−0) = +0 and relu(NaN) = NaN.
    @Test("float relu: exact, NaN → NaN", arguments: isas)
    func floatRelu(isa: Int32) throws {
        let y = withISA(isa) { apply(rk_s_relu, floatInputs) }
        for (x, v) in zip(floatInputs, y) {
            let want: Float = x.isNaN ? .nan : (x > 0 ? x : 0)
            #expect(same(v, want), "relu(\(x)) = \(v)")
        }
    }

    // MARK: Float derivatives (from the activated output)

    /// g *= y(1−y), g *= 1−y², g *= [y>0]: error ≤ 2 ulp of |g| against the double
    /// reference (measured 1.19 ulp of |g| portable, 0.98 AVX2, where 1 − y² is one fused
    /// multiply-add); relu' is exact; NaN in y or g gives NaN.
    @Test("float backward: err ≤ 2 ulp of |g| (measured 1.2), relu' exact", arguments: isas)
    func floatBackward(isa: Int32) throws {
        var rng = SplitMix(state: 7)
        let n = 50_000
        let ySig = rng.floats(n, 0, 1), yTanh = rng.floats(n, -1, 1), yRelu = rng.floats(n, -3, 3).map { $0 < 0 ? 0 : $0 }
        let g = rng.floats(n, -4, 4)
        let (bs, bt, br) = withISA(isa) {
            (backward(rk_s_sigmoid_backward, y: ySig, g: g),
             backward(rk_s_tanh_backward, y: yTanh, g: g),
             backward(rk_s_relu_backward, y: yRelu, g: g))
        }
        var worst = 0.0
        for i in 0..<n {
            let gi = Double(g[i])
            let es = abs(Double(bs[i]) - gi * Double(ySig[i]) * (1 - Double(ySig[i])))
            let et = abs(Double(bt[i]) - gi * (1 - Double(yTanh[i]) * Double(yTanh[i])))
            worst = max(worst, es / floatULP(gi), et / floatULP(gi))
            #expect(br[i] == (yRelu[i] > 0 ? g[i] : 0))
        }
        print("measured: \(isaNames[Int(isa)]) float sigmoid/tanh backward max \(fmt(worst)) ulp of |g|")
        #expect(worst <= 2)
        // NaN propagation through y and through g.
        let yN: [Float] = [.nan, 0.5, .nan, 0.5], gN: [Float] = [1, .nan, .nan, 1]
        for f in [rk_s_sigmoid_backward, rk_s_tanh_backward] as [SMap] {
            let r = withISA(isa) { backward(f, y: yN, g: gN) }
            #expect(r[0].isNaN && r[1].isNaN && r[2].isNaN && !r[3].isNaN)
        }
        let rr = withISA(isa) { backward(rk_s_relu_backward, y: [.nan, 1, 0, 2], g: [1, .nan, .nan, 3]) }
        #expect(rr[0].isNaN && rr[1].isNaN && rr[2].isNaN && rr[3] == 3, "relu' multiplies: NaN·0 = NaN")
    }

    // MARK: Double accuracy (libm path)

    /// Against Float80 references on [−30, 30] and special values: double sigmoid ≤ 2.5 ulp
    /// (measured 1.75; 1.9 on 2·10^7 points of [−40, 40]), tanh ≤ 2.5 ulp (glibc's tanh,
    /// documented ≤ 2 ulp; measured 1.89, 2.1 on the denser grid), exp ≤ 1 ulp (measured 0.51).
    @Test("double sigmoid/tanh/exp: ≤ 2.5/2.5/1 ulp (measured 1.75/1.89/0.51)", arguments: isas)
    func doubleAccuracy(isa: Int32) throws {
        let xs = grid(-30, 30) + specialDoubles
        let (s, t, e) = withISA(isa) {
            (apply(rk_d_sigmoid, xs), apply(rk_d_tanh, xs), apply(rk_d_exp, xs))
        }
        var es = DoubleErrors(), et = DoubleErrors(), ee = DoubleErrors()
        for i in xs.indices {
            es.add(x: xs[i], got: s[i], ref: ref80Sigmoid(xs[i]))
            et.add(x: xs[i], got: t[i], ref: ref80Tanh(xs[i]))
            ee.add(x: xs[i], got: e[i], ref: ref80Exp(xs[i]))
        }
        print("measured: \(isaNames[Int(isa)]) double sigmoid \(fmt(es.maxULP)) ulp at \(es.maxULPAt), tanh \(fmt(et.maxULP)) ulp at \(et.maxULPAt), exp \(fmt(ee.maxULP)) ulp at \(ee.maxULPAt)")
        for err in [es, et, ee] { #expect(err.specialMismatches.isEmpty, "\(err.specialMismatches)") }
        #expect(es.maxULP <= 2.5)
        #expect(et.maxULP <= 2.5)
        #expect(ee.maxULP <= 1)
        let sp = withISA(isa) { apply(rk_d_sigmoid, [.infinity, -.infinity, 0, -800]) }
        #expect(sp == [1, 0, 0.5, 0])
        let tp = withISA(isa) { apply(rk_d_tanh, [.infinity, -.infinity, -0.0]) }
        #expect(tp[0] == 1 && tp[1] == -1 && tp[2] == 0 && tp[2].sign == .minus)
        let r = withISA(isa) { apply(rk_d_relu, [-1, 0, -0.0, 2, .nan, .infinity, -.infinity]) }
        #expect(r[0] == 0 && r[1] == 0 && r[2].sign == .plus && r[3] == 2 && r[4].isNaN && r[5] == .infinity && r[6] == 0)
    }

    /// Double derivatives: within 1 ulp of |g| of the same formula evaluated in Swift; relu'
    /// exact; NaN propagates.
    @Test("double backward: err ≤ 1 ulp of |g|, relu' exact", arguments: isas)
    func doubleBackward(isa: Int32) throws {
        var rng = SplitMix(state: 11)
        let n = 20_000
        let ySig = rng.doubles(n, 0, 1), yTanh = rng.doubles(n, -1, 1), yRelu = rng.doubles(n, -3, 3).map { max($0, 0) }
        let g = rng.doubles(n, -4, 4)
        let (bs, bt, br) = withISA(isa) {
            (backward(rk_d_sigmoid_backward, y: ySig, g: g),
             backward(rk_d_tanh_backward, y: yTanh, g: g),
             backward(rk_d_relu_backward, y: yRelu, g: g))
        }
        var worst = 0.0
        for i in 0..<n {
            let ulp = g[i].ulp
            worst = max(worst, abs(bs[i] - g[i] * (ySig[i] * (1 - ySig[i]))) / ulp,
                        abs(bt[i] - g[i] * (1 - yTanh[i] * yTanh[i])) / ulp)
            #expect(br[i] == (yRelu[i] > 0 ? g[i] : 0))
        }
        #expect(worst <= 1)
        for f in [rk_d_sigmoid_backward, rk_d_tanh_backward, rk_d_relu_backward] as [DMap] {
            let r = withISA(isa) { backward(f, y: [.nan, 0.5], g: [1, .nan]) }
            #expect(r[0].isNaN && r[1].isNaN)
        }
    }

    // MARK: Lengths, tails, offsets and in-place

    /// Every map gives the same bits for an element whether it lands in a vector body, a
    /// remainder, at any offset or in place (lengths 0, 1, 15, 16, 17, 1000); nothing
    /// outside [0, n) is written.
    @Test("maps: lengths 0/1/15/16/17/1000, offsets, in place — bitwise consistent", arguments: isas)
    func mapsTailsAndInPlace(isa: Int32) throws {
        var rng = SplitMix(state: 3)
        let base = rng.floats(1037, -12, 12)
        let baseD = rng.doubles(1037, -12, 12)
        let smaps: [(String, SMap)] = [("sigmoid", rk_s_sigmoid), ("tanh", rk_s_tanh), ("relu", rk_s_relu), ("exp", rk_s_exp)]
        let dmaps: [(String, DMap)] = [("sigmoid", rk_d_sigmoid), ("tanh", rk_d_tanh), ("relu", rk_d_relu), ("exp", rk_d_exp)]
        withISA(isa) {
            for (name, f) in smaps {
                let full = apply(f, base)
                for n in [0, 1, 15, 16, 17, 1000] {
                    for off in [0, 1, 3, 16, 37] {
                        let x = Array(base[off..<(off + n)])
                        var y = [Float](repeating: 42, count: n + 2)
                        x.withUnsafeBufferPointer { xp in
                            y.withUnsafeMutableBufferPointer { yp in f(n, xp.baseAddress, yp.baseAddress! + 1) }
                        }
                        #expect(y[0] == 42 && y[n + 1] == 42, "\(name) n=\(n) wrote outside")
                        let want = Array(full[off..<(off + n)])
                        #expect(zip(y[1..<(n + 1)], want).allSatisfy { same($0, $1) }, "\(name) n=\(n) off=\(off)")
                        let ip = applyInPlace(f, x)
                        #expect(zip(ip, want).allSatisfy { same($0, $1) }, "\(name) in place n=\(n) off=\(off)")
                    }
                }
            }
            for (name, f) in dmaps {
                let full = apply(f, baseD)
                for n in [0, 1, 15, 16, 17, 1000] {
                    let x = Array(baseD[5..<(5 + n)])
                    #expect(zip(apply(f, x), full[5...]).allSatisfy { same($0, $1) }, "d \(name) n=\(n)")
                    #expect(zip(applyInPlace(f, x), full[5...]).allSatisfy { same($0, $1) }, "d \(name) in place n=\(n)")
                }
            }
            // Backward kernels on short lengths match the long run, and leave g[n...] alone.
            let yS = apply(rk_s_sigmoid, base), g = rng.floats(1037, -1, 1)
            for f in [rk_s_sigmoid_backward, rk_s_tanh_backward, rk_s_relu_backward] as [SMap] {
                let full = backward(f, y: yS, g: g)
                for n in [0, 1, 15, 16, 17, 1000] {
                    var gg = g
                    yS.withUnsafeBufferPointer { yp in gg.withUnsafeMutableBufferPointer { gp in f(n, yp.baseAddress, gp.baseAddress) } }
                    #expect(zip(gg[..<n], full[..<n]).allSatisfy { same($0, $1) })
                    #expect(gg[n...] == g[n...])
                }
            }
        }
    }

    /// NaN inputs come out as NaN from every map, at every position (vector body and tail).
    @Test("NaN propagates through every map and reduction", arguments: isas)
    func nanPropagation(isa: Int32) throws {
        withISA(isa) {
            for n in [1, 15, 16, 17, 33] {
                for pos in Set([0, n / 2, n - 1]) {
                    var x = [Float](repeating: 0.25, count: n)
                    x[pos] = .nan
                    for f in [rk_s_sigmoid, rk_s_tanh, rk_s_relu, rk_s_exp] as [SMap] {
                        let y = apply(f, x)
                        #expect(y[pos].isNaN)
                        #expect(y.enumerated().allSatisfy { $0.offset == pos || !$0.element.isNaN })
                        #expect(applyInPlace(f, x)[pos].isNaN)
                    }
                    var xd = [Double](repeating: 0.25, count: n)
                    xd[pos] = .nan
                    for f in [rk_d_sigmoid, rk_d_tanh, rk_d_relu, rk_d_exp] as [DMap] {
                        #expect(apply(f, xd)[pos].isNaN)
                    }
                    #expect(rk_s_sum(n, x).isNaN && rk_s_sumsq(n, x).isNaN && rk_s_dot(n, x, x).isNaN)
                    #expect(rk_s_maxabs(n, x).isNaN)
                    #expect(rk_d_sum(n, xd).isNaN && rk_d_sumsq(n, xd).isNaN && rk_d_dot(n, xd, xd).isNaN)
                    #expect(rk_d_maxabs(n, xd).isNaN)
                }
            }
        }
    }

    // MARK: Fused bias + activation, row sums

    /// add_bias_act equals "add the bias, then the same ISA's activation kernel" bit for bit,
    /// for each activation (0 identity, 1 tanh, 2 relu, 3 sigmoid, unknown = identity), with
    /// and without a bias, for rows × cols shapes that exercise vector tails.
    @Test("add_bias_act: each activation, bias or none, bitwise = bias then activation", arguments: isas)
    func addBiasAct(isa: Int32) throws {
        var rng = SplitMix(state: 5)
        let sAct: [Int32: SMap] = [1: rk_s_tanh, 2: rk_s_relu, 3: rk_s_sigmoid]
        let dAct: [Int32: DMap] = [1: rk_d_tanh, 2: rk_d_relu, 3: rk_d_sigmoid]
        withISA(isa) {
            for (rows, cols) in [(0, 5), (3, 0), (1, 1), (4, 15), (3, 17), (5, 37), (2, 1000)] {
                let x = rng.floats(rows * cols, -6, 6), b = rng.floats(cols, -1, 1)
                let xd = rng.doubles(rows * cols, -6, 6), bd = rng.doubles(cols, -1, 1)
                for act: Int32 in [0, 1, 2, 3, 9] {
                    for useBias in [true, false] {
                        var got = x
                        b.withUnsafeBufferPointer { bp in
                            got.withUnsafeMutableBufferPointer { p in
                                rk_s_add_bias_act(rows, cols, useBias ? bp.baseAddress : nil, p.baseAddress, act)
                            }
                        }
                        var want = x
                        if useBias { for r in 0..<rows { for c in 0..<cols { want[r * cols + c] += b[c] } } }
                        if let f = sAct[act] { want = apply(f, want) }
                        #expect(zip(got, want).allSatisfy { same($0, $1) }, "float act=\(act) bias=\(useBias) \(rows)x\(cols)")

                        var gotD = xd
                        bd.withUnsafeBufferPointer { bp in
                            gotD.withUnsafeMutableBufferPointer { p in
                                rk_d_add_bias_act(rows, cols, useBias ? bp.baseAddress : nil, p.baseAddress, act)
                            }
                        }
                        var wantD = xd
                        if useBias { for r in 0..<rows { for c in 0..<cols { wantD[r * cols + c] += bd[c] } } }
                        if let f = dAct[act] { wantD = apply(f, wantD) }
                        #expect(zip(gotD, wantD).allSatisfy { same($0, $1) }, "double act=\(act) bias=\(useBias) \(rows)x\(cols)")
                    }
                }
            }
        }
    }

    /// sum_rows: float sums each column in double in row order and rounds once (bitwise equal
    /// to that reference, also across the 512-column blocks); double sums in row order.
    @Test("sum_rows: float = double-accumulated reference bitwise, double = naive order", arguments: isas)
    func sumRows(isa: Int32) throws {
        var rng = SplitMix(state: 9)
        withISA(isa) {
            for (rows, cols) in [(0, 4), (4, 0), (1, 1), (7, 15), (3, 17), (33, 1037), (300, 3)] {
                let x = rng.floats(rows * cols, -3, 3), out0 = rng.floats(cols, -1, 1)
                var out = out0
                x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in rk_s_sum_rows(rows, cols, xp.baseAddress, op.baseAddress) } }
                for c in 0..<cols {
                    var s = 0.0
                    for r in 0..<rows { s += Double(x[r * cols + c]) }
                    #expect(out[c] == Float(Double(out0[c]) + s), "float \(rows)x\(cols) col \(c)")
                }
                let xd = rng.doubles(rows * cols, -3, 3), od0 = rng.doubles(cols, -1, 1)
                var od = od0
                xd.withUnsafeBufferPointer { xp in od.withUnsafeMutableBufferPointer { op in rk_d_sum_rows(rows, cols, xp.baseAddress, op.baseAddress) } }
                for c in 0..<cols {
                    var s = od0[c]
                    for r in 0..<rows { s += xd[r * cols + c] }
                    #expect(od[c] == s, "double \(rows)x\(cols) col \(c)")
                }
            }
        }
    }

    // MARK: axpy, scale, reductions

    /// axpy within one rounding of the exact result (FMA or not); scale exact.
    @Test("axpy ≤ 1 ulp of |y|+|ax|, scale exact", arguments: isas)
    func axpyAndScale(isa: Int32) throws {
        var rng = SplitMix(state: 13)
        withISA(isa) {
            for n in [0, 1, 15, 16, 17, 1000] {
                let x = rng.floats(n + 1, -5, 5), y0 = rng.floats(n + 1, -5, 5)
                let a: Float = 0.7342
                var y = y0
                rk_s_axpy(n, a, x, &y)
                for i in 0..<n {
                    let exact = Double(y0[i]) + Double(a) * Double(x[i])
                    let scale = abs(Double(y0[i])) + abs(Double(a) * Double(x[i]))
                    #expect(abs(Double(y[i]) - exact) <= scale * 0x1p-23, "s axpy n=\(n) i=\(i)")
                }
                #expect(y[n] == y0[n], "nothing past n")
                var s = x
                rk_s_scale(n, a, &s)
                #expect((0..<n).allSatisfy { s[$0] == x[$0] * a } && s[n] == x[n])

                let xd = rng.doubles(n + 1, -5, 5), yd0 = rng.doubles(n + 1, -5, 5)
                let ad = -1.25e-3
                var yd = yd0
                rk_d_axpy(n, ad, xd, &yd)
                for i in 0..<n {
                    let scale = abs(yd0[i]) + abs(ad * xd[i])
                    #expect(abs(yd[i] - (yd0[i] + ad * xd[i])) <= scale * 0x1p-51)
                }
                #expect(yd[n] == yd0[n])
                var sd = xd
                rk_d_scale(n, ad, &sd)
                #expect((0..<n).allSatisfy { sd[$0] == xd[$0] * ad } && sd[n] == xd[n])
            }
        }
    }

    /// sum, dot, sumsq accumulate in double: within n·2^-52·Σ|term| of the naive double sum
    /// (measured ≤ 2e-16 relative); maxabs exact.
    @Test("reductions: double accumulation, maxabs exact", arguments: isas)
    func reductions(isa: Int32) throws {
        var rng = SplitMix(state: 17)
        withISA(isa) {
            for n in [0, 1, 15, 16, 17, 1000, 100_003] {
                let x = rng.floats(n, -2, 2), y = rng.floats(n, -2, 2)
                var sum = 0.0, dot = 0.0, sq = 0.0, absSum = 0.0, absDot = 0.0
                for i in 0..<n {
                    sum += Double(x[i]); dot += Double(x[i]) * Double(y[i]); sq += Double(x[i]) * Double(x[i])
                    absSum += abs(Double(x[i])); absDot += abs(Double(x[i]) * Double(y[i]))
                }
                let tol = Double(n) * 0x1p-52
                #expect(abs(rk_s_sum(n, x) - sum) <= tol * absSum)
                #expect(abs(rk_s_dot(n, x, y) - dot) <= tol * absDot)
                #expect(abs(rk_s_sumsq(n, x) - sq) <= tol * sq)
                #expect(rk_s_maxabs(n, x) == Double(x.map { abs($0) }.max() ?? 0))
                // A float sum that float accumulation would get badly wrong.
                if n >= 16 {
                    var big = [Float](repeating: 1, count: n)
                    big[0] = 1e8
                    #expect(rk_s_sum(n, big) == 1e8 + Double(n - 1))
                }

                let xd = rng.doubles(n, -2, 2), yd = rng.doubles(n, -2, 2)
                var sumD = 0.0, dotD = 0.0, sqD = 0.0, absD = 0.0, absDotD = 0.0
                for i in 0..<n {
                    sumD += xd[i]; dotD += xd[i] * yd[i]; sqD += xd[i] * xd[i]
                    absD += abs(xd[i]); absDotD += abs(xd[i] * yd[i])
                }
                #expect(abs(rk_d_sum(n, xd) - sumD) <= tol * absD)
                #expect(abs(rk_d_dot(n, xd, yd) - dotD) <= tol * absDotD)
                #expect(abs(rk_d_sumsq(n, xd) - sqD) <= tol * sqD)
                #expect(rk_d_maxabs(n, xd) == (xd.map { abs($0) }.max() ?? 0))
            }
            // maxabs: infinities, signed zeros, empty.
            #expect(rk_s_maxabs(3, [-0.0, 0, -0.0]) == 0)
            #expect(rk_s_maxabs(20, [Float](repeating: 1, count: 19) + [-.infinity]) == .infinity)
            #expect(rk_d_maxabs(0, nil) == 0 && rk_s_maxabs(0, nil) == 0)
            #expect(rk_s_sum(0, nil) == 0 && rk_d_dot(0, nil, nil) == 0)
        }
    }

    /// The reductions sum in a fixed lane order, so every path returns identical bits for
    /// float sum/dot/sumsq and double sum (double dot/sumsq may differ by FMA contraction).
    @Test func reductionsIdenticalAcrossISAs() throws {
        var rng = SplitMix(state: 23)
        for n in [17, 1000, 65_537] {
            let x = rng.floats(n, -3, 3), y = rng.floats(n, -3, 3), xd = rng.doubles(n, -3, 3)
            let results = Self.isas.map { isa in
                withISA(isa) { [rk_s_sum(n, x), rk_s_dot(n, x, y), rk_s_sumsq(n, x), rk_d_sum(n, xd)] }
            }
            for r in results.dropFirst() { #expect(zip(r, results[0]).allSatisfy { same($0, $1) }, "n=\(n)") }
        }
    }
}
