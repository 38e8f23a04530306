import Foundation
import Testing
import _RecurrentKernels
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

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
    @Test(arguments: [RK_ISA_PORTABLE, RK_ISA_AVX2, RK_ISA_AVX512, RK_ISA_NEON].map { Int($0) })
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

    /// A fixture that does not follow the format fails with an error naming the file and
    /// what is wrong (a missing tensor, an unknown module, a missing size), not a crash.
    @Test func malformedFixturesAreReportedByName() throws {
        let source = try Fixture(url: Fixtures.folder("parity").appendingPathComponent("lstm_l1_uni_f64.safetensors"))
        let all = try source.file.names.map { ($0, AnyTensorPayload(try source.file.tensor($0, as: Double.self))) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func expectFailure(_ name: String, dropping dropped: String?, metadata: [String: String], mentions: String) throws {
            let url = dir.appendingPathComponent(name + ".safetensors")
            try SafeTensorsWriter.write(tensors: all.filter { $0.0 != dropped }, metadata: metadata, to: url)
            do {
                try run(try Fixture(url: url), Double.self, tolerance: 1e-9)
                Issue.record("\(name): accepted")
            } catch let e as FixtureError {
                #expect(e.description.contains(name) && e.description.contains(mentions), "\(e.description)")
            }
        }
        try expectFailure("no_grad_output", dropping: "grad_output", metadata: source.metadata, mentions: "'grad_output'")
        try expectFailure("no_weight", dropping: "weight_hh_l0", metadata: source.metadata, mentions: "'weight_hh_l0'")
        try expectFailure("no_expected_output", dropping: "output", metadata: source.metadata, mentions: "'output'")
        var meta = source.metadata
        meta["module"] = "TRANSFORMER"
        try expectFailure("unknown_module", dropping: nil, metadata: meta, mentions: "TRANSFORMER")
        meta = source.metadata
        meta["hidden_size"] = nil
        try expectFailure("no_hidden_size", dropping: nil, metadata: meta, mentions: "'hidden_size'")
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
        // Initial states and the gradients of final states the loss does not use may be left
        // out (PyTorch's hx = None: zeros); then their gradients are checked only if given.
        let input = try tensor("input")
        guard input.rank == 3 else { throw FixtureError("\(f.name): input has shape \(input.shape), expected (T, B, I)") }
        let zeros = layer.zeroState(batch: input.shape[1])
        let h0 = f.has("h0") ? try tensor("h0") : zeros.h
        let c0: Tensor<S>? = cell == .lstm ? (f.has("c0") ? try tensor("c0") : zeros.c) : nil
        let (out, final) = try layer.forward(input, lengths: lengths, initialState: RecurrentState(h: h0, c: c0))
        try check(f, "output", out, tolerance)
        try check(f, "h_n", final.h, tolerance)
        if cell == .lstm { try check(f, "c_n", final.c!, tolerance) }

        let gradState = RecurrentState<S>(h: f.has("grad_h_n") ? try tensor("grad_h_n") : zeros.h,
                                          c: cell == .lstm ? (f.has("grad_c_n") ? try tensor("grad_c_n") : zeros.c) : nil)
        let grads = try layer.backward(gradOutput: try tensor("grad_output"), gradFinalState: gradState)
        try check(f, "grad_input", grads.input, tolerance)
        if f.has("grad_h0") || f.has("h0") { try check(f, "grad_h0", grads.initialState.h, tolerance) }
        if cell == .lstm, f.has("grad_c0") || f.has("c0") { try check(f, "grad_c0", grads.initialState.c!, tolerance) }
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
