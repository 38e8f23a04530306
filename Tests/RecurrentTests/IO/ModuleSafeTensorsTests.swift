import Foundation
import Testing
@testable import Recurrent

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
}
