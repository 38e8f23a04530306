import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A time-major layer holds its input instead of copying it, writes its output and ∂L/∂input
/// straight into the tensors it returns, and reads ∂L/∂output in place. None of that may let
/// a caller's later mutation, or the layer's next call, change a result already handed out.
@Suite struct RecurrentLayerBufferTests {
    func gradients(_ layer: RecurrentLayer<Double>) -> [Tensor<Double>] { layer.namedParameters.map(\.parameter.gradient) }

    func mutate(_ t: inout Tensor<Double>) {
        t.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] = -3 * $0[i] + 1 } }
    }

    @Test(arguments: [CellKind.lstm, .gru, .rnnTanh])
    func callerMutationsAfterForwardDoNotReachBackward(_ cell: CellKind) throws {
        var rng = RandomGenerator(seed: 5)
        let x = Tensor<Double>.normal([6, 3, 4], using: &rng)
        let gy = Tensor<Double>.normal([6, 3, 5], using: &rng)

        let reference = RecurrentLayer<Double>(cell, inputSize: 4, hiddenSize: 5, numLayers: 2, seed: 9)
        let (refOut, _) = try reference.forward(x)
        let refGrads = try reference.backward(gradOutput: gy)

        let layer = RecurrentLayer<Double>(cell, inputSize: 4, hiddenSize: 5, numLayers: 2, seed: 9)
        var input = x
        var (out, _) = try layer.forward(input)
        mutate(&input)  // shares storage with the layer's held input: must copy, not write through
        mutate(&out)    // the output tensor must not be the layer's own workspace
        var gradOutput = gy
        let grads = try layer.backward(gradOutput: gradOutput)
        mutate(&gradOutput)

        #expect(input.storageDiffers(from: x))
        for (a, b) in zip(gradients(reference), gradients(layer)) { #expect(a.maxAbsDifference(b) == 0) }
        #expect(grads.input.maxAbsDifference(refGrads.input) == 0)

        // The next call leaves the results of the last one alone.
        let (out1, _) = try layer.forward(x)
        let grads1 = try layer.backward(gradOutput: gy)
        let saved = (out1.deepCopy(), grads1.input.deepCopy())
        let (out2, _) = try layer.forward(Tensor<Double>.normal([6, 3, 4], using: &rng))
        let grads2 = try layer.backward(gradOutput: .normal([6, 3, 5], using: &rng))
        #expect(out1.maxAbsDifference(saved.0) == 0 && out1.maxAbsDifference(refOut) == 0)
        #expect(grads1.input.maxAbsDifference(saved.1) == 0)
        #expect(out2.maxAbsDifference(refOut) > 0)
        #expect(grads2.input.maxAbsDifference(refGrads.input) > 0)
    }

    /// Batch-first (copied) and time-major (held) inputs give the same results, transposed.
    @Test func batchFirstMatchesTimeMajor() throws {
        var rng = RandomGenerator(seed: 6)
        let x = Tensor<Double>.normal([5, 2, 3], using: &rng)   // (T, B, I)
        let gy = Tensor<Double>.normal([5, 2, 8], using: &rng)  // bidirectional, concat
        let timeMajor = RecurrentLayer<Double>(.lstm, inputSize: 3, hiddenSize: 4, bidirectional: true, seed: 2)
        let batchFirst = RecurrentLayer<Double>(.lstm, inputSize: 3, hiddenSize: 4, bidirectional: true,
                                                batchFirst: true, seed: 2)
        let (y1, _) = try timeMajor.forward(x)
        let g1 = try timeMajor.backward(gradOutput: gy)
        let (y2, _) = try batchFirst.forward(x.swappingFirstTwoAxes())
        let g2 = try batchFirst.backward(gradOutput: gy.swappingFirstTwoAxes())
        #expect(y1.maxAbsDifference(y2.swappingFirstTwoAxes()) < 1e-14)
        #expect(g1.input.maxAbsDifference(g2.input.swappingFirstTwoAxes()) < 1e-14)
        for (a, b) in zip(gradients(timeMajor), gradients(batchFirst)) { #expect(a.maxAbsDifference(b) < 1e-14) }
    }
}

extension Tensor where Scalar == Double {
    func maxAbsDifference(_ other: Tensor<Double>) -> Double {
        precondition(shape == other.shape)
        var worst = 0.0
        for i in 0..<count { worst = Swift.max(worst, abs(storage.pointer[i] - other.storage.pointer[i])) }
        return worst
    }

    func storageDiffers(from other: Tensor<Double>) -> Bool { storageID != other.storageID }

    func deepCopy() -> Tensor<Double> { Tensor(shape: shape) { storage.pointer[$0] } }

    /// (A, B, C) → (B, A, C).
    func swappingFirstTwoAxes() -> Tensor<Double> {
        let (a, b, c) = (shape[0], shape[1], shape[2])
        return Tensor(shape: [b, a, c]) { i in
            let (j, k) = (i / (a * c), (i / c) % a)
            return storage.pointer[(k * b + j) * c + i % c]
        }
    }
}
