import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct ConditionedGeneratorTests {
    /// h0 = tanh(Linear(condition)) → RNN: the initializer's gradients against central
    /// differences (Double), for LSTM and GRU with two layers.
    @Test(arguments: [CellKind.lstm, .gru])
    func initialStateGradientsMatchFiniteDifferences(_ cell: CellKind) throws {
        let (T, B, I, H, C, L) = (4, 3, 2, 3, 5, 2)
        var rng = RandomGenerator(seed: 6)
        let initializer = try StateInitializer<Double>(conditionSize: C, layers: L, hiddenSize: H, hasCellState: cell.hasCellState, rng: &rng)
        let rnn = RecurrentLayer<Double>(cell, inputSize: I, hiddenSize: H, numLayers: L, seed: 4)
        let x = Tensor<Double>.normal([T, B, I], using: &rng)
        let condition = Tensor<Double>.normal([B, C], using: &rng)
        let r = Tensor<Double>.normal([T, B, H], using: &rng)
        let rh = Tensor<Double>.normal([L, B, H], using: &rng)
        func loss(_ cond: Tensor<Double>) throws -> Double {
            let (out, state) = try rnn.forward(x, lengths: [4, 2, 3], initialState: initializer.forward(cond))
            return weightedSum(out, r) + weightedSum(state.h, rh)
        }
        _ = try loss(condition)
        initializer.zeroGradients()
        let g = try rnn.backward(gradOutput: r, gradFinalState: RecurrentState(h: rh))
        let dCondition = try initializer.backward(g.initialState.h)
        #expect(relativeError(dCondition, try numericalGradient(condition, loss)) <= gradientTolerance)
        for (name, p) in initializer.namedParameters {
            #expect(relativeError(p.gradient, try numericalGradient(of: p) { try loss(condition) }) <= gradientTolerance, "\(name)")
        }
    }

    /// Two labels, two strings: the label alone decides what is generated.
    @Test func learnsLabelConditionedStrings() throws {
        // Symbols: 0 = boundary, 1…4 = a b c d.
        let texts: [[Int32]] = [[1, 2, 1, 2, 1], [3, 4, 3, 4, 3]]
        var config = ConditionedGeneratorConfiguration(vocabularySize: 5, conditionSize: 2)
        (config.embeddingSize, config.hiddenSize) = (4, 16)
        let model = try ConditionedGenerator(config, seed: 3)
        let batch = try GenerationBatch(conditions: [[1, 0], [0, 1], [1, 0], [0, 1]], sequences: texts + texts, start: 0, end: 0)
        #expect(batch.steps == 6 && batch.targets[5 * 4] == 0)
        let adam = try Adam<Float>(model.parameters, learningRate: 0.03)
        var options = TrainingOptions()
        options.maxSteps = 120
        let before = try model.evaluate([batch])["bpc"]!
        try Trainer(model: model, optimizer: adam, options: options).fit(FixedBatches([batch]))
        model.isTraining = false
        let after = try model.evaluate([batch])["bpc"]!
        #expect(after < 0.1 * before, "bpc \(before) → \(after)")
        var rng = RandomGenerator(seed: 1)
        for (label, text) in texts.enumerated() {
            let condition: [Float] = label == 0 ? [1, 0] : [0, 1]
            #expect(try model.sample(condition: condition, start: 0, end: 0, maxLength: 20, temperature: 0.5, using: &rng) == text)
        }
        #expect(throws: TrainingError.self) { try model.sample(condition: [1], start: 0, end: 0, maxLength: 3, using: &rng) }
    }
}
