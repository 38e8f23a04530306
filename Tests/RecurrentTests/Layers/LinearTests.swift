import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct LinearTests {
    @Test func forwardIsXWTransposePlusBias() throws {
        var rng = RandomGenerator(seed: 1)
        let layer = try Linear<Double>(inputSize: 2, outputSize: 3, rng: &rng)
        layer.weight.value = try Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        layer.bias!.value = try Tensor(shape: [3], scalars: [0.5, -1, 2])
        let y = try layer.forward(Tensor(shape: [2, 2], scalars: [1, 1, 2, -1]))
        #expect(y.shape == [2, 3])
        #expect(y.scalars == [3.5, 6, 13, 0.5, 1, 6])
    }

    @Test func initialisationAndNamesFollowPyTorch() throws {
        var rng = RandomGenerator(seed: 2)
        let layer = try Linear<Float>(inputSize: 16, outputSize: 8, rng: &rng)
        #expect(layer.namedParameters.map(\.name) == ["weight", "bias"])
        #expect(layer.weight.value.shape == [8, 16] && layer.bias!.value.shape == [8])
        #expect(layer.weight.value.maxAbs <= 0.25 && layer.bias!.value.maxAbs <= 0.25)
        #expect(layer.weight.value.maxAbs > 0.2)  // spread over the range, not all near zero
        let noBias = try Linear<Float>(inputSize: 4, outputSize: 2, bias: false, rng: &rng)
        #expect(noBias.namedParameters.map(\.name) == ["weight"])
    }

    @Test(arguments: [[3, 4], [2, 3, 4]])
    func gradientsMatchFiniteDifferences(inputShape: [Int]) throws {
        var rng = RandomGenerator(seed: 3)
        let layer = try Linear<Double>(inputSize: 4, outputSize: 5, rng: &rng)
        let x = Tensor<Double>.normal(Shape(inputShape), using: &rng)
        let r = Tensor<Double>.normal(Shape(inputShape.dropLast() + [5]), using: &rng)
        let loss = { (x: Tensor<Double>) in weightedSum(try layer.forward(x), r) }

        _ = try layer.forward(x)
        let dx = try layer.backward(r)
        #expect(dx.shape == x.shape)
        #expect(relativeError(dx, try numericalGradient(x, loss)) <= gradientTolerance)
        #expect(relativeError(layer.weight.gradient, try numericalGradient(of: layer.weight) { try loss(x) }) <= gradientTolerance)
        #expect(relativeError(layer.bias!.gradient, try numericalGradient(of: layer.bias!) { try loss(x) }) <= gradientTolerance)
    }

    @Test func gradientsAccumulateAndFrozenWeightsGetNone() throws {
        var rng = RandomGenerator(seed: 4)
        let layer = try Linear<Double>(inputSize: 3, outputSize: 2, rng: &rng)
        let x = Tensor<Double>.normal([4, 3], using: &rng)
        let dy = Tensor<Double>.normal([4, 2], using: &rng)
        _ = try layer.forward(x)
        _ = try layer.backward(dy)
        let once = layer.weight.gradient
        _ = try layer.backward(dy)
        var twice = once
        twice.scale(by: 2)
        #expect(relativeError(layer.weight.gradient, twice) < 1e-15)

        layer.zeroGradients()
        layer.weight.requiresGradient = false
        _ = try layer.backward(dy)
        #expect(layer.weight.gradient.maxAbs == 0 && layer.bias!.gradient.maxAbs > 0)
    }

    @Test func wrongInputWidthThrowsNamingShapes() throws {
        var rng = RandomGenerator(seed: 5)
        let layer = try Linear<Float>(inputSize: 4, outputSize: 2, rng: &rng)
        #expect(throws: ShapeError.self) { try layer.forward(Tensor(zeros: [3, 5])) }
        do { _ = try layer.forward(Tensor(zeros: [3, 5])) } catch let e as ShapeError {
            #expect(e.message.contains("(3, 5)") && e.message.contains("4"))
        }
        _ = try layer.forward(Tensor(zeros: [3, 4]))
        #expect(throws: ShapeError.self) { try layer.backward(Tensor(zeros: [2, 2])) }
    }

    /// An embedding and an output projection sharing one (V, D) weight: the gradient collects
    /// both paths, the parameter is listed once, and an optimizer updates it once.
    @Test func weightTyingSharesOneParameter() throws {
        var rng = RandomGenerator(seed: 6)
        let embedding = try Embedding<Double>(vocabularySize: 7, embeddingSize: 4, rng: &rng)
        let decoder = try Linear<Double>(sharedWeight: embedding.weight, rng: &rng)
        #expect(decoder.weight === embedding.weight)
        #expect(decoder.inputSize == 4 && decoder.outputSize == 7)
        #expect(decoder.namedParameters.map(\.name) == ["bias"])
        let all = prefixed("embedding", embedding) + prefixed("decoder", decoder)
        #expect(all.map(\.name) == ["embedding.weight", "decoder.bias"])

        let ids: [Int32] = [1, 3, 3, 6, 0, 2]
        let r = Tensor<Double>.normal([3, 2, 7], using: &rng)
        let loss = { weightedSum(try decoder.forward(try embedding.forward(ids, shape: [3, 2])), r) }
        _ = try loss()
        try embedding.backward(try decoder.backward(r))
        let numeric = try numericalGradient(of: embedding.weight, loss)
        #expect(relativeError(embedding.weight.gradient, numeric) <= gradientTolerance)

        let sgd = try SGD(embedding.parameters + decoder.parameters + [decoder.weight], learningRate: 0.1)
        #expect(sgd.parameters.count == 2)
    }
}
