import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The many-to-one read-outs (exact gradients, PyTorch's packed h_n) and the classifier,
/// one-to-one (T = 1) included.
@Suite struct SequenceClassifierTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var pooling: SequencePooling
        var bidirectional: Bool
        var layers = 1
        var cell: CellKind = .lstm
        var testDescription: String { "\(pooling) \(cell.rawValue)\(bidirectional ? " bi" : "") L\(layers)" }
    }

    static let cases: [Case] = SequencePooling.allCases.flatMap { p in
        [Case(pooling: p, bidirectional: false), Case(pooling: p, bidirectional: true)]
    } + [Case(pooling: .last, bidirectional: true, layers: 2, cell: .gru), Case(pooling: .max, bidirectional: false, cell: .rnnTanh)]

    /// Σ pooled ⊙ r against central differences, for the input and two weights, with
    /// variable lengths (Double).
    @Test(arguments: cases)
    func poolingGradientsMatchFiniteDifferences(_ c: Case) throws {
        let (T, B, I, H) = (5, 3, 2, 3)
        let rnn = RecurrentLayer<Double>(c.cell, inputSize: I, hiddenSize: H, numLayers: c.layers, bidirectional: c.bidirectional, seed: 3)
        let encoder = try SequenceEncoder(rnn: rnn, pooling: c.pooling)
        let lengths = [5, 2, 4]
        var rng = RandomGenerator(seed: 9)
        let x = Tensor<Double>.normal([T, B, I], using: &rng)
        let r = Tensor<Double>.normal([B, encoder.outputSize], using: &rng)
        func loss(_ input: Tensor<Double>) throws -> Double { weightedSum(try encoder.forward(input, lengths: lengths), r) }

        _ = try loss(x)
        encoder.zeroGradients()
        let dx = try encoder.backward(r)
        #expect(relativeError(dx, try numericalGradient(x, loss)) <= gradientTolerance)
        for name in ["weight_ih_l0", c.bidirectional ? "weight_hh_l0_reverse" : "weight_hh_l0", "bias_hh_l\(c.layers - 1)"] {
            let p = rnn.namedParameters.first { $0.name == name }!.parameter
            let numeric = try numericalGradient(of: p) { try loss(x) }
            #expect(relativeError(p.gradient, numeric) <= gradientTolerance, "\(name)")
        }
        // Padded steps do not matter: changing them changes neither the pooled vector nor dx there.
        var padded = x
        padded[3, 1, 0] += 10
        #expect(try encoder.forward(padded, lengths: lengths) == encoder.forward(x, lengths: lengths))
    }

    /// `last` is PyTorch's packed h_n: the forward direction's output at each sequence's last
    /// valid step, and the backward direction's output at step 0.
    @Test func lastPoolingIsThePackedFinalState() throws {
        let (T, B, I, H) = (6, 3, 2, 4)
        let rnn = RecurrentLayer<Double>(.lstm, inputSize: I, hiddenSize: H, bidirectional: true, seed: 1)
        let encoder = try SequenceEncoder(rnn: rnn, pooling: .last)
        var rng = RandomGenerator(seed: 2)
        let x = Tensor<Double>.normal([T, B, I], using: &rng)
        let lengths = [6, 1, 3]
        let pooled = try encoder.forward(x, lengths: lengths)
        let (out, _) = try rnn.forward(x, lengths: lengths)
        for b in 0..<B {
            for j in 0..<H {
                #expect(pooled[b, j] == out[lengths[b] - 1, b, j])
                #expect(pooled[b, H + j] == out[0, b, H + j])
            }
        }
    }

    /// One-to-one is T = 1: XOR of two inputs, learnt to full accuracy.
    @Test func oneToOneLearnsXOR() throws {
        var rng = RandomGenerator(seed: 4)
        var features: [[Float]] = []
        var labels: [Int32] = []
        for i in 0..<64 {
            let (a, b) = (i % 2, (i / 2) % 2)
            features.append([Float(a) + Float(rng.normal() * 0.05), Float(b) + Float(rng.normal() * 0.05)])
            labels.append(Int32(a ^ b))
        }
        let batch = try ClassificationBatch(input: try SequenceInput(features: features, featureCount: 2), labels: labels)
        #expect(batch.input.steps == 1)
        var config = SequenceClassifierConfiguration(classes: 2, featureCount: 2)
        config.hiddenSize = 16
        let model = try SequenceClassifier(config, seed: 1)
        let adam = try Adam<Float>(model.parameters, learningRate: 0.05)
        var options = TrainingOptions()
        options.maxSteps = 150
        let trainer = Trainer(model: model, optimizer: adam, options: options)
        try trainer.fit(FixedBatches([batch]))
        model.isTraining = false
        #expect(try model.evaluate([batch])["accuracy"]! == 1)
        #expect(try model.predict(batch.input) == labels.map(Int.init))
    }

    @Test func tokenInputsAndShapes() throws {
        var config = SequenceClassifierConfiguration(classes: 3, vocabularySize: 10)
        (config.embeddingSize, config.hiddenSize, config.bidirectional, config.pooling) = (4, 5, true, .mean)
        let model = try SequenceClassifier(config)
        let input = try SequenceInput(tokens: [[2, 3, 4], [5], [6, 7]])
        #expect(input.lengths == [3, 1, 2])
        #expect(try model.logits(input).shape == [3, 3])
        #expect(throws: TrainingError.self) { try model.logits(SequenceInput(features: [[1]], featureCount: 1)) }
        let before = model.embedding!.weight.value
        _ = try model.trainStep(ClassificationBatch(input: input, labels: [0, 1, 2]))
        // The padding row (id 0) gets no gradient.
        #expect(model.embedding!.weight.gradient[0, 0] == 0 && before[0, 1] == 0)
    }
}
