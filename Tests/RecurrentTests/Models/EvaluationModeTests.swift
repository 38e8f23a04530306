import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A model's `evaluate` runs in evaluation mode whatever mode the model is in, and restores
/// it; `Trainer.fit` leaves the mode as it found it.
@Suite struct EvaluationModeTests {
    static func classifier() throws -> (SequenceClassifier, [ClassificationBatch]) {
        var c = SequenceClassifierConfiguration(classes: 3, vocabularySize: 12)
        (c.embeddingSize, c.hiddenSize, c.layers, c.dropout, c.embeddingDropout) = (6, 8, 2, 0.5, 0.3)
        let model = try SequenceClassifier(c, seed: 5)
        let batches = try (0..<3).map { k in
            try ClassificationBatch(input: SequenceInput(tokens: [[1, 2, 3, Int32(4 + k)], [5, 6], [7, 8, 9], [10, 11, 1, 2, 3]]),
                                    labels: [0, 1, 2, Int32(k)])
        }
        return (model, batches)
    }

    static func tagger() throws -> (SequenceTagger, [TaggingBatch]) {
        var c = SequenceTaggerConfiguration(vocabularySize: 10, tagCount: 3)
        (c.embeddingSize, c.hiddenSize, c.layers, c.dropout) = (5, 6, 2, 0.5)
        let model = try SequenceTagger(c, seed: 2)
        let batch = try TaggingBatch(sentences: [[1, 2, 3], [4, 5], [6, 7, 8, 9]], tags: [[0, 1, 2], [1, 1], [2, 0, 1, 0]])
        return (model, [batch])
    }

    /// Trains briefly with dropout, then: two evaluations agree, and equal an evaluation with
    /// training off by hand; the mode is the one `fit` found.
    func check<M: TrainableModel>(_ model: M, _ batches: [M.Batch]) throws {
        let optimizer = try Adam<Float>(model.parameters, learningRate: 0.01)
        var options = TrainingOptions()
        options.maxSteps = 3
        let trainer = Trainer(model: model, optimizer: optimizer, options: options)
        #expect(model.isTraining)
        try trainer.fit(FixedBatches(batches))
        #expect(model.isTraining, "fit leaves the mode it found")
        let first = try model.evaluate(batches)
        let second = try model.evaluate(batches)
        #expect(first == second)
        #expect(model.isTraining, "evaluate restores the mode it found")
        model.isTraining = false
        #expect(try model.evaluate(batches) == first)
        #expect(!model.isTraining)
        try trainer.fit(FixedBatches(batches))  // continues to step 3 → no steps; mode kept
        #expect(!model.isTraining, "fit leaves evaluation mode too")
    }

    @Test func classifierEvaluatesWithoutDropout() throws {
        let (model, batches) = try Self.classifier()
        try check(model, batches)
    }

    @Test func taggerEvaluatesWithoutDropout() throws {
        let (model, batches) = try Self.tagger()
        try check(model, batches)
    }

    @Test func fitLeavesEvaluationModeAsItFoundIt() throws {
        let (model, batches) = try Self.classifier()
        model.isTraining = false
        let optimizer = try SGD<Float>(model.parameters, learningRate: 0.1)
        var options = TrainingOptions()
        options.maxSteps = 2
        try Trainer(model: model, optimizer: optimizer, options: options).fit(FixedBatches(batches), validation: batches)
        #expect(!model.isTraining)
        #expect(!model.inputDropout.isTraining && !model.encoder.rnn.isTraining)
    }

    /// Switching a composed model's mode reaches every descendant.
    @Test func trainingModeReachesEveryChild() throws {
        let (model, _) = try Self.classifier()
        model.isTraining = false
        #expect(model.namedChildren.allSatisfy { !$0.module.isTraining })
        #expect(!model.encoder.rnn.isTraining)
        model.isTraining = true
        #expect(model.namedChildren.allSatisfy { $0.module.isTraining } && model.encoder.rnn.isTraining)
    }
}
