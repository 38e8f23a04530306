import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct DropoutTests {
    @Test func evaluationModeAndZeroProbabilityAreTheIdentity() throws {
        var rng = RandomGenerator(seed: 1)
        let x = Tensor<Float>.normal([10, 10], using: &rng)
        let evalDrop = try Dropout<Float>(probability: 0.5, seed: 7)
        evalDrop.isTraining = false
        #expect(evalDrop.forward(x) == x)
        #expect(try evalDrop.backward(x) == x)
        let none = try Dropout<Float>(probability: 0, seed: 7)
        #expect(none.forward(x) == x && none.rng == RandomGenerator(seed: 7))
    }

    @Test func trainingZeroesAboutPAndScalesSurvivors() throws {
        let p = 0.3
        let drop = try Dropout<Double>(probability: p, seed: 11)
        let x = Tensor<Double>(shape: [100, 100], repeating: 2)
        let y = drop.forward(x)
        let kept = y.scalars.filter { $0 != 0 }
        #expect(abs(1 - Double(kept.count) / Double(x.count) - p) < 0.02)
        #expect(kept.allSatisfy { $0 == 2 / (1 - p) })

        let dy = Tensor<Double>(shape: [100, 100], repeating: 1)
        let dx = try drop.backward(dy)
        #expect(zip(dx.scalars, y.scalars).allSatisfy { $0 == $1 / 2 })  // the same mask
    }

    @Test func masksAreReproducibleFromTheSeed() throws {
        let x = Tensor<Float>(shape: [64], repeating: 1)
        let a = try Dropout<Float>(probability: 0.5, seed: 3), b = try Dropout<Float>(probability: 0.5, seed: 3)
        let first = a.forward(x)
        #expect(first == b.forward(x))
        #expect(a.forward(x) != first)  // the stream moves on
    }

    @Test func probabilityOneZeroesEverything() throws {
        let drop = try Dropout<Float>(probability: 1, seed: 1)
        #expect(drop.forward(Tensor(shape: [5], repeating: 3)).scalars == [0, 0, 0, 0, 0])
    }
}
