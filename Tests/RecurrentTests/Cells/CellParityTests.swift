import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The per-step cells against PyTorch's `nn.RNNCell` / `nn.LSTMCell` / `nn.GRUCell` stepped by
/// hand (Fixtures/cells, made by Scripts/make_cell_fixtures.py): every h_t (and c_t), and the
/// gradients of L = Σ_t h_t⊙grad_h[t] (+ c_T⊙grad_c_n) through the cells' backward steps.
@Suite struct CellParityTests {
    static let files = Fixtures.files(in: "cells")

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 9)
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

    static func makeCell<S: TensorScalar>(_ module: String, inputSize I: Int, hiddenSize H: Int, bias: Bool,
                                         seed: UInt64 = 0) -> any RecurrentCell<S> {
        switch module {
        case "RNN_TANH": RNNCell<S>(inputSize: I, hiddenSize: H, bias: bias, nonlinearity: .tanh, seed: seed)
        case "RNN_RELU": RNNCell<S>(inputSize: I, hiddenSize: H, bias: bias, nonlinearity: .relu, seed: seed)
        case "LSTM": LSTMCell<S>(inputSize: I, hiddenSize: H, bias: bias, seed: seed)
        case "GRU": GRUCell<S>(inputSize: I, hiddenSize: H, bias: bias, seed: seed)
        default: GRUResetBeforeCell<S>(inputSize: I, hiddenSize: H, bias: bias, seed: seed)
        }
    }

    func run<S: TensorScalar>(_ f: Fixture, _: S.Type, tolerance: Double) throws {
        let I = Int(f.number("input_size")), H = Int(f.number("hidden_size")), T = Int(f.number("steps"))
        let cell: any RecurrentCell<S> = Self.makeCell(f.metadata["module"]!, inputSize: I, hiddenSize: H, bias: f.flag("bias"))
        let lstm = f.metadata["module"] == "LSTM"
        try cell.load(stateDict: Dictionary(uniqueKeysWithValues: cell.namedParameters.map { ($0.name, f.tensor($0.name, as: S.self)) }))
        let x: Tensor<S> = f.tensor("input"), gradH: Tensor<S> = f.tensor("grad_h")
        let B = x.shape[1]
        func at(_ t: Tensor<S>, _ k: Int) throws -> Tensor<S> { try t.slice(k..<(k + 1)).reshaped([t.shape[1], t.shape[2]]) }
        var states = [CellState<S>(h: f.tensor("h0"), c: lstm ? f.tensor("c0") : nil)]
        for t in 0..<T { states.append(try cell.step(try at(x, t), state: states[t])) }
        let parity = RecurrentParityTests()
        try parity.check(f, "h", stacked(states.dropFirst().map(\.h)), tolerance)
        if lstm { try parity.check(f, "c", stacked(states.dropFirst().map { $0.c! }), tolerance) }

        var dh = Tensor<S>(zeros: [B, H])
        var dc: Tensor<S>? = lstm ? f.tensor("grad_c_n") : nil
        var dx = [Tensor<S>](repeating: Tensor(zeros: [B, I]), count: T)
        for t in stride(from: T - 1, through: 0, by: -1) {
            let gh = try at(gradH, t)
            let g = try cell.backwardStep(try at(x, t), state: states[t],
                                          gradient: CellState(h: Tensor(shape: [B, H], scalars: zip(dh.scalars, gh.scalars).map { $0 + $1 }), c: dc))
            (dx[t], dh, dc) = (g.input, g.state.h, g.state.c)
        }
        try parity.check(f, "grad_input", stacked(dx), tolerance)
        try parity.check(f, "grad_h0", dh, tolerance)
        if lstm { try parity.check(f, "grad_c0", dc!, tolerance) }
        for (name, p) in cell.namedParameters { try parity.check(f, "grad." + name, p.gradient, tolerance) }
    }

    private func stacked<S: TensorScalar>(_ ts: [Tensor<S>]) throws -> Tensor<S> {
        try Tensor(shape: Shape([ts.count] + ts[0].shape.dimensions), scalars: ts.flatMap(\.scalars))
    }
}
