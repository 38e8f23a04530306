import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// `RecurrentLayer.inferenceMode`: forward keeps nothing for backward (the GRU then keeps
/// one step of gates and recurrent products per thread instead of all T). Outputs and final
/// states must equal a normal forward's bit for bit, on one thread and on two sharing rows or
/// units; backward after such a forward must throw, and a normal forward afterwards must
/// backpropagate as if inference had never run.
@Suite(.serialized) struct InferenceModeTests {
    static let cells: [CellKind] = [.gru, .lstm, .rnnTanh, .rnnReLU]

    private func forward(_ layer: RecurrentLayer<Float>, inference: Bool, lengths: [Int]?, seed: UInt64)
        throws -> (Tensor<Float>, RecurrentState<Float>) {
        var rng = RandomGenerator(seed: seed)
        let T = lengths?.max() ?? 9, B = lengths?.count ?? 7
        let x = Tensor<Float>.normal([T, B, layer.inputSize], using: &rng)
        let h0 = Tensor<Float>.normal(layer.stateShape(batch: B), using: &rng)
        let c0: Tensor<Float>? = layer.cell.hasCellState ? .normal(layer.stateShape(batch: B), using: &rng) : nil
        layer.inferenceMode = inference
        return try layer.forward(x, lengths: lengths, initialState: RecurrentState(h: h0, c: c0))
    }

    @Test(arguments: cells)
    func outputsAndStatesEqualANormalForward(_ cell: CellKind) throws {
        try KernelPathLock.exclusive {
            let saved = (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit)
            defer { (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit) = saved }
            let splits: [(Int, KernelConfiguration.RecurrenceSplit)] = [(1, .automatic), (2, .rows), (2, .units)]
            for (threads, split) in splits {
                (KernelConfiguration.threads, KernelConfiguration.recurrenceSplit) = (threads, split)
                for lengths in [nil, [9, 3, 9, 1, 6, 9, 8, 9, 2, 9, 7, 9, 5], [4]] as [[Int]?] {
                    // Hidden 50: a ragged last unit panel; the product is large enough for two threads.
                    let layer = RecurrentLayer<Float>(cell, inputSize: 5, hiddenSize: 50, numLayers: 2,
                                                      bidirectional: true, seed: 4)
                    let (out, state) = try forward(layer, inference: false, lengths: lengths, seed: 11)
                    let (outI, stateI) = try forward(layer, inference: true, lengths: lengths, seed: 11)
                    let what = "\(cell), \(threads) thread(s) \(split), batch \(lengths?.count ?? 7)"
                    #expect(outI == out, "\(what): output differs in inference mode")
                    #expect(stateI.h == state.h, "\(what): h_n differs in inference mode")
                    #expect(stateI.c == state.c, "\(what): c_n differs in inference mode")
                }
            }
        }
    }

    /// `InferenceMode.run` puts every layer in inference mode for its scope only: the same
    /// outputs, a backward inside it throws, and one after it (on a new forward) works.
    @Test func scopeAppliesToEveryLayerAndEnds() throws {
        let layer = RecurrentLayer<Double>(.gru, inputSize: 3, hiddenSize: 6, numLayers: 2, seed: 2)
        var rng = RandomGenerator(seed: 5)
        let x = Tensor<Double>.normal([6, 4, 3], using: &rng)
        let gy = Tensor<Double>.normal([6, 4, 6], using: &rng)
        let (out, _) = try layer.forward(x)
        #expect(!InferenceMode.isActive)
        let outI = try InferenceMode.run { () throws -> Tensor<Double> in
            #expect(InferenceMode.isActive)
            let (o, _) = try layer.forward(x)
            #expect(throws: ShapeError.self) { try layer.backward(gradOutput: gy) }
            return o
        }
        #expect(!InferenceMode.isActive && !layer.inferenceMode)
        #expect(outI == out)
        #expect(throws: ShapeError.self) { try layer.backward(gradOutput: gy) }  // the last forward kept nothing
        _ = try layer.forward(x)
        _ = try layer.backward(gradOutput: gy)
    }

    @Test(arguments: cells)
    func backwardAfterInferenceThrowsAndTrainingIsUnaffected(_ cell: CellKind) throws {
        let layer = RecurrentLayer<Double>(cell, inputSize: 3, hiddenSize: 6, seed: 2)
        let reference = RecurrentLayer<Double>(cell, inputSize: 3, hiddenSize: 6, seed: 2)
        var rng = RandomGenerator(seed: 5)
        let x = Tensor<Double>.normal([6, 4, 3], using: &rng)
        let other = Tensor<Double>.normal([8, 2, 3], using: &rng)
        let gy = Tensor<Double>.normal([6, 4, 6], using: &rng)

        layer.inferenceMode = true
        _ = try layer.forward(x)
        do {
            _ = try layer.backward(gradOutput: gy)
            Issue.record("\(cell): backward after an inference-mode forward was accepted")
        } catch let e as ShapeError {
            #expect(e.description.contains("inference mode"), "\(e.description)")
        }

        // An inference pass over other data in between leaves training exactly as without it.
        layer.inferenceMode = false
        _ = try layer.forward(x)
        layer.inferenceMode = true
        _ = try layer.forward(other)
        layer.inferenceMode = false
        let (outT, _) = try layer.forward(x)
        let grads = try layer.backward(gradOutput: gy)
        let (outR, _) = try reference.forward(x)
        let gradsR = try reference.backward(gradOutput: gy)
        #expect(outT == outR)
        #expect(grads.input == gradsR.input)
        for ((name, p), (_, q)) in zip(layer.namedParameters, reference.namedParameters) {
            #expect(p.gradient == q.gradient, "\(cell): gradient of \(name) differs after an inference pass")
        }
    }
}
