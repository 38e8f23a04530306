import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct EmbeddingTests {
    @Test func forwardLooksUpRowsInTheGivenShape() throws {
        var rng = RandomGenerator(seed: 1)
        let e = try Embedding<Float>(vocabularySize: 5, embeddingSize: 3, rng: &rng)
        let y = try e.forward([4, 0, 4, 2], shape: [2, 2])
        #expect(y.shape == [2, 2, 3])
        for (n, id) in [4, 0, 4, 2].enumerated() {
            #expect(y[n / 2, n % 2, 1] == e.weight.value[id, 1])
        }
        #expect(e.namedParameters.map(\.name) == ["weight"])
    }

    @Test func initialisationIsStandardNormal() throws {
        var rng = RandomGenerator(seed: 2)
        let w = try Embedding<Double>(vocabularySize: 200, embeddingSize: 100, rng: &rng).weight.value
        let mean = w.sum / Double(w.count)
        let variance = w.sumOfSquares / Double(w.count) - mean * mean
        #expect(abs(mean) < 0.02 && abs(variance - 1) < 0.03)
    }

    @Test func paddingRowIsZeroAndGetsNoGradient() throws {
        var rng = RandomGenerator(seed: 3)
        let e = try Embedding<Double>(vocabularySize: 4, embeddingSize: 2, paddingIndex: 0, rng: &rng)
        #expect(e.weight.value[row: 0].scalars == [0, 0])
        _ = try e.forward([0, 1, 1, 0], shape: [4])
        try e.backward(Tensor(shape: [4, 2], repeating: 1))
        #expect(e.weight.gradient.scalars == [0, 0, 2, 2, 0, 0, 0, 0])
    }

    @Test func gradientMatchesFiniteDifferences() throws {
        var rng = RandomGenerator(seed: 4)
        let e = try Embedding<Double>(vocabularySize: 6, embeddingSize: 3, paddingIndex: 5, rng: &rng)
        let ids: [Int32] = [2, 5, 2, 0, 1, 3]
        let r = Tensor<Double>.normal([3, 2, 3], using: &rng)
        _ = try e.forward(ids, shape: [3, 2])
        try e.backward(r)
        var numeric = try numericalGradient(of: e.weight) { weightedSum(try e.forward(ids, shape: [3, 2]), r) }
        for j in 0..<3 { numeric[5, j] = 0 }  // the padding row is excluded by design
        #expect(relativeError(e.weight.gradient, numeric) <= gradientTolerance)
    }

    @Test func outOfRangeIdsThrowNamingThePosition() throws {
        var rng = RandomGenerator(seed: 5)
        let e = try Embedding<Float>(vocabularySize: 3, embeddingSize: 2, rng: &rng)
        #expect(throws: EmbeddingError.idOutOfRange(position: 2, id: 3, vocabularySize: 3)) {
            try e.forward([0, 2, 3], shape: [3])
        }
        #expect(throws: EmbeddingError.idOutOfRange(position: 0, id: -1, vocabularySize: 3)) {
            try e.forward([-1], shape: [1])
        }
        #expect("\(EmbeddingError.idOutOfRange(position: 2, id: 3, vocabularySize: 3))".contains("token id 3 at position 2"))
        #expect(throws: ShapeError.self) { try e.forward([0, 1], shape: [3]) }
    }
}
