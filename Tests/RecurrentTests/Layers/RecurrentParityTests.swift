import Foundation
import Testing
import _RecurrentKernels
@testable import Recurrent

/// Runs every PyTorch fixture in Fixtures/parity: forward outputs, final states and all
/// gradients of L = Σ output⊙grad_output + Σ h_n⊙grad_h_n (+ Σ c_n⊙grad_c_n).
@Suite struct RecurrentParityTests {
    static let files = Fixtures.files(in: "parity")

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 24)
    }

    @Test(arguments: files)
    func matchesPyTorch(_ url: URL) throws {
        let f = try Fixture(url: url)
        if f.metadata["dtype"] == "float32" {
            try run(f, Float.self, tolerance: 2e-4)
        } else {
            try run(f, Double.self, tolerance: 1e-9)
        }
    }

    /// The float32 fixtures again on every instruction-set path this CPU has (GEMM and
    /// elementwise/cell kernels forced together).
    @Test(arguments: [RK_ISA_PORTABLE, RK_ISA_AVX2, RK_ISA_AVX512].map { Int($0) })
    func float32FixturesMatchOnEveryISA(_ isa: Int) throws {
        try KernelPathLock.exclusive { try float32Fixtures(onISA: isa) }
    }

    private func float32Fixtures(onISA isa: Int) throws {
        guard rk_isa_force(Int32(isa)) == 0, rk_elementwise_force_isa(Int32(isa)) >= 0 else { return }
        defer {
            _ = rk_isa_force(-1)
            _ = rk_elementwise_force_isa(-1)
        }
        for url in Self.files {
            let f = try Fixture(url: url)
            if f.metadata["dtype"] == "float32" { try run(f, Float.self, tolerance: 2e-4) }
        }
    }

    func run<S: TensorScalar>(_ f: Fixture, _: S.Type, tolerance: Double) throws {
        let m = f.metadata
        let cell = CellKind(rawValue: m["module"]!)!
        let layer = RecurrentLayer<S>(cell, inputSize: Int(m["input_size"]!)!, hiddenSize: Int(m["hidden_size"]!)!,
                                      numLayers: Int(m["num_layers"]!)!, bidirectional: m["bidirectional"] == "1")
        var state: [String: Tensor<S>] = [:]
        for (name, _) in layer.namedParameters { state[name] = f.tensor(name) }
        try layer.load(stateDict: state)
        let lengths = f.has("lengths") ? f.ints("lengths") : nil
        let h0: Tensor<S> = f.tensor("h0")
        let c0: Tensor<S>? = cell == .lstm ? f.tensor("c0") : nil
        let (out, final) = try layer.forward(f.tensor("input"), lengths: lengths, initialState: RecurrentState(h: h0, c: c0))
        check(f, "output", out, tolerance)
        check(f, "h_n", final.h, tolerance)
        if cell == .lstm { check(f, "c_n", final.c!, tolerance) }

        let gradState = RecurrentState<S>(h: f.tensor("grad_h_n"), c: cell == .lstm ? f.tensor("grad_c_n") : nil)
        let grads = try layer.backward(gradOutput: f.tensor("grad_output"), gradFinalState: gradState)
        check(f, "grad_input", grads.input, tolerance)
        check(f, "grad_h0", grads.initialState.h, tolerance)
        if cell == .lstm { check(f, "grad_c0", grads.initialState.c!, tolerance) }
        for (name, p) in layer.namedParameters { check(f, "grad." + name, p.gradient, tolerance) }
    }

    func check<S: TensorScalar>(_ f: Fixture, _ key: String, _ got: Tensor<S>, _ tol: Double) {
        let want: Tensor<S> = f.tensor(key)
        guard got.shape == want.shape else {
            Issue.record("\(f.name): \(key) has shape \(got.shape), expected \(want.shape)")
            return
        }
        var worst = 0.0, at = 0
        for i in 0..<want.count {
            let (a, e) = (Double(got[flat: i]), Double(want[flat: i]))
            let err = abs(a - e) / (1 + abs(e))
            if !(err <= worst) { worst = err; at = i }
        }
        if !(worst <= tol) {
            Issue.record("\(f.name): \(key) differs at flat index \(at): got \(got[flat: at]), expected \(want[flat: at]) (relative error \(worst) > \(tol))")
        }
    }
}
