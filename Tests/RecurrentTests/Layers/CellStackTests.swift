import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A layer's cells stepped by hand give the layer's own forward over one step, bit for bit
/// (what the decoders and samplers rely on), and share its parameters.
@Suite struct CellStackTests {
    static let kinds: [(CellKind, Bool)] = [(.rnnTanh, true), (.rnnReLU, true), (.lstm, true), (.gru, true), (.gru, false)]

    @Test(arguments: 0..<kinds.count)
    func stepIsTheLayersForwardOverOneStep(_ k: Int) throws {
        let (kind, resetAfter) = Self.kinds[k]
        let (B, I, H, L) = (3, 5, 7, 2)
        let layer = RecurrentLayer<Float>(kind, inputSize: I, hiddenSize: H, numLayers: L, gruResetAfter: resetAfter, seed: 4)
        layer.isTraining = false
        var rng = RandomGenerator(seed: 9)
        let x = Tensor<Float>.normal([1, B, I], using: &rng)
        let state = RecurrentState<Float>(h: .normal([L, B, H], using: &rng), c: kind.hasCellState ? Tensor<Float>.normal([L, B, H], using: &rng) : nil)
        let (out, final) = try layer.forward(x, initialState: state)
        let (h, stepped) = try layer.cellStack().step(x.reshaped([B, I]), state: state)
        #expect(h.scalars == out.scalars)
        #expect(stepped == final)
    }

    @Test func cellsShareTheLayersParameters() throws {
        let layer = LSTM<Double>(inputSize: 2, hiddenSize: 3, numLayers: 2, bidirectional: true)
        let cell = layer.cell(layer: 1, direction: 1)
        #expect(cell.inputSize == 6 && cell.hiddenSize == 3)
        #expect(cell.cellParameters.weightHH === layer.namedParameters.first { $0.name == "weight_hh_l1_reverse" }!.parameter)
        #expect(cell is LSTMCell<Double>)
        #expect(GRU<Float>(inputSize: 2, hiddenSize: 3, resetAfter: false).cell(layer: 0) is GRUResetBeforeCell<Float>)
        #expect(throws: ShapeError.self) { try layer.cellStack() }
    }
}
