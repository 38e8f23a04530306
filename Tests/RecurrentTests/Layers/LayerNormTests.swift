import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct LayerNormTests {
    @Test func normalisesEachRowOfTheLastAxis() throws {
        let norm = try LayerNorm<Double>(size: 4)
        #expect(norm.namedParameters.map(\.name) == ["weight", "bias"])
        let y = try norm.forward(Tensor(shape: [2, 4], scalars: [1, 2, 3, 4, 10, 10, 10, 10]))
        let s = (1.25 + 1e-5).squareRoot()
        let expected = [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s, 0, 0, 0, 0]
        #expect(zip(y.scalars, expected).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func gradientsMatchFiniteDifferences() throws {
        var rng = RandomGenerator(seed: 2)
        let norm = try LayerNorm<Double>(size: 5)
        norm.weight.value = .normal([5], using: &rng)
        norm.bias.value = .normal([5], using: &rng)
        let x = Tensor<Double>.normal([2, 3, 5], using: &rng)
        let r = Tensor<Double>.normal([2, 3, 5], using: &rng)
        let loss = { (x: Tensor<Double>) in weightedSum(try norm.forward(x), r) }
        _ = try norm.forward(x)
        let dx = try norm.backward(r)
        #expect(relativeError(dx, try numericalGradient(x, loss)) <= gradientTolerance)
        #expect(relativeError(norm.weight.gradient, try numericalGradient(of: norm.weight) { try loss(x) }) <= gradientTolerance)
        #expect(relativeError(norm.bias.gradient, try numericalGradient(of: norm.bias) { try loss(x) }) <= gradientTolerance)
    }

    @Test func wrongWidthThrows() throws {
        let norm = try LayerNorm<Float>(size: 3)
        #expect(throws: ShapeError.self) { try norm.forward(Tensor(zeros: [2, 4])) }
    }
}
