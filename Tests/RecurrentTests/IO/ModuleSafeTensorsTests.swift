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

@Suite struct ModuleSafeTensorsTests {
    @Test func layerWeightsRoundTripUnderPyTorchNames() throws {
        let a = LSTM<Float>(inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, seed: 1)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lstm-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try a.saveSafeTensors(to: url)
        let names = try SafeTensorsFile(contentsOf: url).names
        #expect(names.contains("weight_hh_l1_reverse") && names.count == 16)
        let b = LSTM<Float>(inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, seed: 2)
        try b.loadSafeTensors(from: url)
        for ((_, p), (_, q)) in zip(a.namedParameters, b.namedParameters) { #expect(p.value == q.value) }
    }

    @Test func wrongArchitectureIsRejectedWithNames() throws {
        let a = GRU<Float>(inputSize: 3, hiddenSize: 4, seed: 1)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gru-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try a.saveSafeTensors(to: url)
        let bigger = GRU<Float>(inputSize: 3, hiddenSize: 5, seed: 1)
        #expect(throws: ShapeError.self) { try bigger.loadSafeTensors(from: url) }
        let deeper = GRU<Float>(inputSize: 3, hiddenSize: 4, numLayers: 2, seed: 1)
        #expect(throws: ModuleError.self) { try deeper.loadSafeTensors(from: url) }
    }

    /// Weights holding NaN or ±inf (a corrupt or diverged file) are refused by name, and the
    /// module keeps the values it had.
    @Test func nonFiniteWeightsAreRejectedByName() throws {
        let a = RNN<Float>(inputSize: 2, hiddenSize: 3, seed: 1)
        a.namedParameters.first { $0.name == "weight_hh_l0" }!.parameter.value[0, 0] = .infinity
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnn-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try a.saveSafeTensors(to: url)
        let b = RNN<Float>(inputSize: 2, hiddenSize: 3, seed: 2)
        let before = b.stateDict
        do {
            try b.loadSafeTensors(from: url)
            Issue.record("accepted a weight holding inf")
        } catch {
            #expect("\(error)".contains("'weight_hh_l0' holds NaN or infinite values (1 of 9)"), "\(error)")
        }
        #expect(b.stateDict == before)
    }
}
