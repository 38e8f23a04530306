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
        func meta(_ key: String) throws -> String {
            guard let v = f.metadata[key] else { throw FixtureError("\(f.name): metadata has no '\(key)'") }
            return v
        }
        func size(_ key: String) throws -> Int {
            guard let n = Int(try meta(key)), n > 0 else { throw FixtureError("\(f.name): metadata '\(key)' is not a positive integer") }
            return n
        }
        func tensor(_ key: String) throws -> Tensor<S> {
            guard f.has(key) else { throw FixtureError("\(f.name): no tensor '\(key)'") }
            return try f.file.tensor(key, as: S.self)
        }
        guard let cell = CellKind(rawValue: try meta("module")) else {
            throw FixtureError("\(f.name): unknown module '\(f.metadata["module"] ?? "")'")
        }
        // PyTorch's bias=False leaves the bias tensors out.
        let layer = RecurrentLayer<S>(cell, inputSize: try size("input_size"), hiddenSize: try size("hidden_size"),
                                      numLayers: try size("num_layers"), bidirectional: try meta("bidirectional") == "1",
                                      bias: f.has("bias_ih_l0"))
        var state: [String: Tensor<S>] = [:]
        for (name, _) in layer.namedParameters { state[name] = try tensor(name) }
        try layer.load(stateDict: state)
        let lengths = f.has("lengths") ? try f.file.int64Array("lengths").map { Int($0) } : nil
        let h0 = try tensor("h0")
        let c0: Tensor<S>? = cell == .lstm ? try tensor("c0") : nil
        let (out, final) = try layer.forward(try tensor("input"), lengths: lengths, initialState: RecurrentState(h: h0, c: c0))
        try check(f, "output", out, tolerance)
        try check(f, "h_n", final.h, tolerance)
        if cell == .lstm { try check(f, "c_n", final.c!, tolerance) }

        let gradState = RecurrentState<S>(h: try tensor("grad_h_n"), c: cell == .lstm ? try tensor("grad_c_n") : nil)
        let grads = try layer.backward(gradOutput: try tensor("grad_output"), gradFinalState: gradState)
        try check(f, "grad_input", grads.input, tolerance)
        try check(f, "grad_h0", grads.initialState.h, tolerance)
        if cell == .lstm { try check(f, "grad_c0", grads.initialState.c!, tolerance) }
        for (name, p) in layer.namedParameters { try check(f, "grad." + name, p.gradient, tolerance) }
    }

    func check<S: TensorScalar>(_ f: Fixture, _ key: String, _ got: Tensor<S>, _ tol: Double) throws {
        guard f.has(key) else { throw FixtureError("\(f.name): no tensor '\(key)'") }
        let want = try f.file.tensor(key, as: S.self)
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

/// A fixture that does not follow the format (named in the message).
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
