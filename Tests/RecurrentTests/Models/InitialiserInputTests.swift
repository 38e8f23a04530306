import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Public initialisers given empty or out-of-range input throw ``ArgumentError`` instead of
/// stopping the process.
@Suite struct InitialiserInputTests {
    @Test func emptySequencesThrow() {
        #expect(throws: ArgumentError.self) { try SequenceInput(tokens: []) }
        #expect(throws: ArgumentError.self) { try SequenceInput(tokens: [[1, 2], []]) }
        #expect(throws: ArgumentError.self) { try SequenceInput(features: [], featureCount: 1) }
        #expect(throws: ArgumentError.self) { try SequenceInput(features: [[]], featureCount: 2) }
        #expect(throws: ArgumentError.self) { try SequenceInput(features: [[1, 2, 3]], featureCount: 2) }
        #expect(throws: ArgumentError.self) { try SequenceInput(features: [[1, 2]], featureCount: 0) }
        #expect(throws: ArgumentError.self) { try TaggingBatch(sentences: [], tags: []) }
        #expect(throws: ArgumentError.self) { try TaggingBatch(sentences: [[]], tags: [[]]) }
        #expect(throws: ArgumentError.self) { try TaggingBatch(sentences: [[1, 2]], tags: [[0]]) }
        #expect(throws: ArgumentError.self) { try TaggingBatch(sentences: [[1]], tags: []) }
        #expect(throws: ArgumentError.self) { try Seq2SeqBatch(sources: [], targets: [], beginID: 1, endID: 2) }
        #expect(throws: ArgumentError.self) { try Seq2SeqBatch(sources: [[]], targets: [[3]], beginID: 1, endID: 2) }
        #expect(throws: ArgumentError.self) { try Seq2SeqBatch(sources: [[3]], targets: [], beginID: 1, endID: 2) }
        #expect(throws: ArgumentError.self) { try GenerationBatch(conditions: [], sequences: [], start: 0, end: 0) }
        #expect(throws: ArgumentError.self) { try GenerationBatch(conditions: [[1]], sequences: [[1], [2]], start: 0, end: 0) }
        #expect(throws: ArgumentError.self) { try GenerationBatch(conditions: [[1], [1, 0]], sequences: [[1], [2]], start: 0, end: 0) }
    }

    @Test func mismatchedLabelsThrow() throws {
        let input = try SequenceInput(tokens: [[1, 2], [3]])
        #expect(throws: ArgumentError.self) { try ClassificationBatch(input: input, labels: [0]) }
        #expect(try ClassificationBatch(input: input, labels: [0, 1]).labels == [0, 1])
    }

    @Test func layerSizesOutOfRangeThrow() {
        var rng = RandomGenerator(seed: 1)
        #expect(throws: ArgumentError.self) { try Linear<Float>(inputSize: 0, outputSize: 2, rng: &rng) }
        #expect(throws: ArgumentError.self) { try Linear<Float>(inputSize: 2, outputSize: -1, rng: &rng) }
        #expect(throws: ArgumentError.self) { try Linear<Float>(sharedWeight: Parameter(Tensor(zeros: [4])), rng: &rng) }
        #expect(throws: ArgumentError.self) { try Linear<Float>(sharedWeight: Parameter(Tensor(zeros: [0, 3])), rng: &rng) }
        #expect(throws: ArgumentError.self) { try Embedding<Float>(vocabularySize: 0, embeddingSize: 2, rng: &rng) }
        #expect(throws: ArgumentError.self) { try Embedding<Float>(vocabularySize: 3, embeddingSize: 2, paddingIndex: 3, rng: &rng) }
        #expect(throws: ArgumentError.self) { try Embedding<Float>(vocabularySize: 3, embeddingSize: 2, paddingIndex: -1, rng: &rng) }
        #expect(throws: ArgumentError.self) { try Dropout<Float>(probability: 1.5, seed: 1) }
        #expect(throws: ArgumentError.self) { try Dropout<Float>(probability: -0.1, seed: 1) }
        #expect(throws: ArgumentError.self) { try Dropout<Float>(probability: .nan, seed: 1) }
        #expect(throws: ArgumentError.self) { try LayerNorm<Float>(size: 0) }
        #expect(throws: ArgumentError.self) { try LayerNorm<Float>(size: 2, epsilon: -1) }
        #expect(throws: ArgumentError.self) {
            try StateInitializer<Float>(conditionSize: 2, layers: 0, hiddenSize: 3, hasCellState: false, rng: &rng)
        }
        #expect(throws: ArgumentError.self) {
            try SequenceEncoder(rnn: RecurrentLayer<Float>(.lstm, inputSize: 2, hiddenSize: 3, batchFirst: true), pooling: .last)
        }
    }

    /// A dropout the recurrent layer would trap on is refused by the model first.
    @Test func languageModelDropoutOutOfRangeThrows() {
        for p in [1.0, -0.5, .nan] {
            var c = LanguageModelConfiguration(vocabularySize: 4)
            (c.embeddingSize, c.hiddenSize, c.dropout) = (2, 2, p)
            #expect(throws: TrainingError.self) { try LanguageModel(c) }
        }
    }

    @Test func negativeClipLimitThrows() {
        #expect(throws: ArgumentError.self) { try clipGradientValue([Parameter<Float>(Tensor(zeros: [2]))], limit: -1) }
        #expect(throws: ArgumentError.self) { try clipGradientValue([Parameter<Float>](), limit: .nan) }
    }

    /// A checkpoint built by hand with a repeated parameter name keeps the first.
    @Test func repeatedCheckpointNamesDoNotTrap() {
        let c = Checkpoint(parameters: [("w", Tensor(zeros: [1])), ("w", Tensor(zeros: [2]))], metadata: [:])
        #expect(c.stateDict["w"]?.shape == [1])
    }

    @Test func messagesSayWhatWasWrong() {
        #expect(throws: ArgumentError("sequence 1 of the batch is empty")) { try SequenceInput(tokens: [[1], []]) }
        #expect(throws: ArgumentError("a batch needs at least one sequence")) { try SequenceInput(tokens: []) }
    }
}
