import Foundation
import ArgumentParser
import _RecurrentKernels

/// `rnn bench gemm`: single-precision GEMM throughput on the shapes an RNN layer uses
/// (per-time-step and whole-sequence products), as GFLOP/s and as a fraction of the
/// measured FMA peak of the same ISA and thread count.
struct BenchGEMM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm",
        abstract: "GEMM throughput (GFLOP/s and fraction of the FMA peak)."
    )

    enum ISA: String, ExpressibleByArgument, CaseIterable {
        case auto, portable, avx2, avx512, neon

        /// Argument of rk_isa_force.
        var code: Int32 {
            switch self {
            case .auto: -1
            case .portable: Int32(RK_ISA_PORTABLE)
            case .avx2: Int32(RK_ISA_AVX2)
            case .avx512: Int32(RK_ISA_AVX512)
            case .neon: Int32(RK_ISA_NEON)
            }
        }
    }

    @Option(help: "Threads for each product.")
    var threads = 1

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Option(help: "Kernel path: auto, portable, avx2, avx512 or neon.")
    var isa: ISA = .auto

    @Option(help: "Seconds of timing per line.")
    var seconds = 0.3

    @Option(name: .customLong("shape"), help: ArgumentHelp(
        "Measure this M,K,N instead of the default grid (repeatable), e.g. --shape 1024,6400,256.",
        valueName: "M,K,N"))
    var customShapes: [String] = []

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard seconds > 0, seconds.isFinite else { throw ValidationError("--seconds must be a positive number") }
        _ = try parsedShapes()
    }

    /// The --shape values, or the default grid.
    func parsedShapes() throws -> [(m: Int, k: Int, n: Int)] {
        guard !customShapes.isEmpty else { return Self.shapes }
        return try customShapes.map { text in
            let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let m = parts[0], let k = parts[1], let n = parts[2], m > 0, k > 0, n > 0 else {
                throw ValidationError("--shape '\(text)': expected three positive integers M,K,N")
            }
            return (m, k, n)
        }
    }

    /// (M, K, N) of op(A)·op(B): M x K times K x N.
    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (32, 256, 1024), (64, 256, 1024), (64, 650, 2600), (2240, 650, 2600), (1024, 1024, 1024),
    ]

    enum Form: String, CaseIterable {
        case nn = "NN", nt = "NT", tn = "TN"
        var formula: String {
            switch self {
            case .nn: "A·B"
            case .nt: "A·Bᵀ"
            case .tn: "Aᵀ·B"
            }
        }
    }

    func run() throws {
        guard rk_isa_force(isa.code) == 0 else {
            throw UnsupportedISA(isa: isa.rawValue)
        }
        rk_set_threads(Int32(threads))
        defer {
            rk_isa_force(-1)
            rk_set_threads(1)
        }
        let peak = rk_measure_fma_peak(Int32(threads), 0.25)
        if !json {
            let name = String(cString: rk_isa_name(rk_isa_active()))
            print("FMA peak (\(name), \(threads) thread\(threads == 1 ? "" : "s")): \(rounded(peak)) GFLOP/s")
        }
        for shape in try parsedShapes() {
            for form in Form.allCases {
                report(form, shape, prepacked: false, gflops: measure(form, shape, prepacked: false), peak: peak)
            }
            if shape.m <= 64 {  // the per-step recurrent product: W_hh packed once
                report(.nn, shape, prepacked: true, gflops: measure(.nn, shape, prepacked: true), peak: peak)
            }
        }
    }

    /// GFLOP/s of the median of repeated products (after one warm-up call).
    func measure(_ form: Form, _ shape: (m: Int, k: Int, n: Int), prepacked: Bool) -> Double {
        let (m, k, n) = shape
        var noise: UInt32 = 12345
        func values(_ count: Int) -> [Float] {
            (0..<count).map { _ in
                noise = noise &* 1_664_525 &+ 1_013_904_223
                return Float(noise >> 8) / Float(1 << 24) - 0.5
            }
        }
        let a = values(m * k), b = values(k * n)
        var c = [Float](repeating: 0, count: m * n)
        let transA: Int32 = form == .tn ? 1 : 0, transB: Int32 = form == .nt ? 1 : 0
        let lda = form == .tn ? m : k, ldb = form == .nt ? k : n
        var packed = [Float]()
        if prepacked {
            packed = [Float](repeating: 0, count: rk_sgemm_packed_b_size(k, n))
            rk_sgemm_pack_b(transB, k, n, b, ldb, &packed)
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        c.withUnsafeMutableBufferPointer { c in
            let out = c.baseAddress
            let product = {
                if prepacked {
                    rk_sgemm_packed(transA, m, n, k, 1, a, lda, packed, 0, out, n)
                } else {
                    rk_sgemm(transA, transB, m, n, k, 1, a, lda, b, ldb, 0, out, n)
                }
            }
            product()
            let start = clock.now
            while times.count < 3 || clock.now - start < .seconds(seconds) {
                let elapsed = clock.measure(product)
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
        }
        times.sort()
        return 2 * Double(m) * Double(k) * Double(n) / times[times.count / 2] * 1e-9
    }

    func report(_ form: Form, _ shape: (m: Int, k: Int, n: Int), prepacked: Bool, gflops: Double, peak: Double) {
        if json {
            print(#"{"form":"\#(form.rawValue)","m":\#(shape.m),"k":\#(shape.k),"n":\#(shape.n),"threads":\#(threads),"#
                + #""prepacked":\#(prepacked),"gflops":\#(rounded(gflops)),"peak_gflops":\#(rounded(peak))}"#)
        } else {
            let label = "\(form.rawValue) \(form.formula)\(prepacked ? " (B prepacked)" : "")"
            let size = "M=\(shape.m) K=\(shape.k) N=\(shape.n)"
            print("\(pad(label, 22)) \(pad(size, 24)) \(pad(String(rounded(gflops)), 7, right: true)) GFLOP/s"
                + "  \(pad(String(rounded(100 * gflops / peak)), 5, right: true)) % of peak")
        }
    }

    struct UnsupportedISA: Error, CustomStringConvertible {
        var isa: String
        var description: String { "this CPU cannot run the \(isa) kernels" }
    }

    func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}
