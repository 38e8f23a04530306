import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Each loss trains a Linear model (Float, Adam) to fit a small batch: 8 samples of 8 random
/// features, so an exact fit exists and the loss must fall below a stated threshold.
@Suite struct LossOverfitTests {
    /// The loss after `steps` Adam steps (lr 0.05) of Linear(8 → outputs) on the fixed batch.
    func finalLoss(outputs: Int, steps: Int,
                   _ loss: (Tensor<Float>) throws -> (loss: Double, gradient: Tensor<Float>)) throws -> Double {
        var rng = RandomGenerator(seed: 42)
        let layer = try Linear<Float>(inputSize: 8, outputSize: outputs, rng: &rng)
        let x = Tensor<Float>.normal([8, 8], using: &rng)
        let adam = try Adam(layer.parameters, learningRate: 0.05)
        var last = Double.infinity
        for _ in 0..<steps {
            layer.zeroGradients()
            let (value, gradient) = try loss(try layer.forward(x))
            last = value
            _ = try layer.backward(gradient)
            adam.step()
        }
        return last
    }

    @Test func crossEntropyFitsWithIgnoredRowsAndSmoothing() throws {
        let targets: [Int32] = [0, 1, 2, 3, -100, 1, 2, 0]
        let plain = try finalLoss(outputs: 4, steps: 300) { try softmaxCrossEntropy(logits: $0, targets: targets) }
        #expect(plain < 0.01)
        // With smoothing ε the minimum is not 0 but the entropy of the smoothed target
        // (1 − ε + ε/C on the class, ε/C elsewhere): reach it within 1e-3.
        let eps = 0.1, c = 4.0
        let floor = -(1 - eps + eps / c) * Double.log(1 - eps + eps / c) - (c - 1) * (eps / c) * Double.log(eps / c)
        let smoothed = try finalLoss(outputs: 4, steps: 300) {
            try softmaxCrossEntropy(logits: $0, targets: targets, labelSmoothing: eps)
        }
        #expect(smoothed < floor + 1e-3)
    }

    @Test func binaryCrossEntropyFits() throws {
        var rng = RandomGenerator(seed: 7)
        let y = Tensor<Float>(shape: [8, 3]) { _ in rng.nextUnit() < 0.5 ? 0 : 1 }
        #expect(try finalLoss(outputs: 3, steps: 500) { try binaryCrossEntropyWithLogits(logits: $0, targets: y) } < 0.01)
    }

    @Test func meanSquaredErrorFitsWithARowMask() throws {
        var rng = RandomGenerator(seed: 8)
        let y = Tensor<Float>.normal([8, 2], using: &rng)
        let mask = try Tensor<Float>(shape: [8], scalars: [1, 1, 1, 1, 1, 1, 0, 0])
        #expect(try finalLoss(outputs: 2, steps: 200) { try meanSquaredError(predictions: $0, targets: y, mask: mask) } < 1e-4)
    }

    @Test func huberFits() throws {
        var rng = RandomGenerator(seed: 9)
        let y = Tensor<Float>.normal([8, 2], std: 3, using: &rng)
        #expect(try finalLoss(outputs: 2, steps: 800) { try huberLoss(predictions: $0, targets: y, delta: 1) } < 1e-4)
    }
}
