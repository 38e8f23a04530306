import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Parameter names and random-state keys derived from a model's children are those the
/// models wrote by hand before (checkpoints and PyTorch names unchanged).
@Suite struct ModuleChildrenTests {
    @Test func randomStateKeysOfEveryModel() throws {
        var t = SequenceTaggerConfiguration(vocabularySize: 5, tagCount: 2)
        (t.embeddingSize, t.hiddenSize) = (3, 4)
        #expect(Set(try SequenceTagger(t).resumableState().strings.keys)
                == ["rng.rnn_dropout", "rng.embedding_dropout", "rng.output_dropout"])
        var c = SequenceClassifierConfiguration(classes: 2, featureCount: 2)
        c.hiddenSize = 4
        #expect(Set(try SequenceClassifier(c).resumableState().strings.keys)
                == ["rng.input_dropout", "rng.rnn_dropout", "rng.output_dropout", "rng.input_noise"])
        var r = SequenceRegressorConfiguration()
        r.hiddenSize = 4
        #expect(Set(try SequenceRegressor(r).resumableState().strings.keys) == ["rng.rnn_dropout", "rng.output_dropout"])
        var s = Seq2SeqConfiguration(sourceVocabularySize: 6, targetVocabularySize: 6, beginID: 1, endID: 2)
        (s.embeddingSize, s.hiddenSize, s.bidirectionalEncoder, s.attention) = (3, 4, true, .general)
        #expect(Set(try Seq2Seq(s).resumableState().strings.keys)
                == ["rng.encoder_dropout", "rng.decoder_dropout", "rng.output_dropout"])
        var g = ConditionedGeneratorConfiguration(vocabularySize: 5, conditionSize: 2)
        (g.embeddingSize, g.hiddenSize) = (3, 4)
        #expect(Set(try ConditionedGenerator(g).resumableState().strings.keys) == ["rng.rnn_dropout", "rng.output_dropout"])
        var l = LanguageModelConfiguration(vocabularySize: 5)
        (l.embeddingSize, l.hiddenSize) = (4, 4)
        #expect(Set(try LanguageModel(l).resumableState().strings.keys) == ["rng.rnn_dropout", "rng.output_dropout"])
    }

    @Test func seq2seqParameterNamesKeepTheirOrder() throws {
        var s = Seq2SeqConfiguration(sourceVocabularySize: 6, targetVocabularySize: 6, beginID: 1, endID: 2)
        (s.embeddingSize, s.hiddenSize, s.bidirectionalEncoder, s.attention) = (3, 4, true, .general)
        let names = try Seq2Seq(s).namedParameters.map(\.name)
        let prefixes = names.map { String($0.split(separator: ".").first!) }
        #expect(prefixes.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
                == ["source_embedding", "encoder", "bridge_h", "bridge_c", "target_embedding", "decoder", "attention", "output"])
        #expect(names.contains("attention.score.weight") && names.contains("attention.combine.weight"))
        #expect(names.contains("encoder.weight_hh_l0_reverse"))
    }

    /// Restoring a saved random state makes the dropout masks repeat.
    @Test func restoredGeneratorsRepeatTheMasks() throws {
        var t = SequenceTaggerConfiguration(vocabularySize: 6, tagCount: 2)
        (t.embeddingSize, t.hiddenSize, t.layers, t.dropout) = (3, 4, 2, 0.5)
        let model = try SequenceTagger(t, seed: 3)
        let tokens = try TaggingBatch(sentences: [[1, 2, 3], [4, 5]], tags: [[0, 1, 0], [1, 1]]).tokens
        let saved = model.resumableState()
        let first = try model.logits(tokens)
        #expect(try model.logits(tokens) != first)
        try model.restore(saved)
        #expect(try model.logits(tokens) == first)
        #expect(throws: CheckpointError.self) { try model.restore(ResumableState()) }
    }

    /// A model with no state beyond its parameters needs no `resumableState`/`restore`.
    final class Affine: TrainableModel {
        typealias Scalar = Float
        let linear: Linear<Float>
        var isTraining = true { didSet { propagateTrainingMode() } }
        init() throws {
            var rng = RandomGenerator(seed: 1)
            linear = try Linear(inputSize: 2, outputSize: 1, rng: &rng)
        }
        var namedChildren: [(name: String, module: any Module<Float>)] { [("linear", linear)] }
        func trainStep(_ batch: Tensor<Float>) throws -> Double {
            let y = try linear.forward(batch)
            _ = try linear.backward(y)
            return y.sumOfSquares / 2
        }
        func evaluate(_ batches: [Tensor<Float>]) throws -> [String: Double] { ["loss": 0] }
    }

    @Test func defaultsForAModelWithoutState() throws {
        let model = try Affine()
        #expect(model.namedParameters.map(\.name) == ["linear.weight", "linear.bias"])
        #expect(model.resumableState() == ResumableState())
        try model.restore(ResumableState())
        model.isTraining = false
        #expect(!model.linear.isTraining)
    }
}
