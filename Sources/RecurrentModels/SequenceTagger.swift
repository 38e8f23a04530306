import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The configuration of a ``SequenceTagger`` (stored in checkpoints as JSON).
public struct SequenceTaggerConfiguration: Codable, Sendable, Equatable {
    /// Token ids 0..<vocabularySize; id 0 is padding (its embedding stays zero).
    public var vocabularySize: Int
    /// Tag ids 0..<tagCount.
    public var tagCount: Int
    public var embeddingSize = 64
    public var hiddenSize = 128
    public var layers = 1
    /// Whether the encoder is bidirectional (default true).
    public var bidirectional = true
    public var cell: CellKind = .lstm
    /// Dropout on the embeddings, between stacked layers and before the output layer.
    public var dropout = 0.0

    /// A tagger of `vocabularySize` tokens with `tagCount` tags, the other settings their defaults (embedding 64, hidden 128, one bidirectional LSTM layer).
    public init(vocabularySize: Int, tagCount: Int) {
        self.vocabularySize = vocabularySize
        self.tagCount = tagCount
    }
}

/// A batch of tagged sentences: token ids (T, B) time-major and one tag id per position,
/// ``SequenceTagger/ignoredTag`` past each sentence's end.
public struct TaggingBatch: Sendable, Equatable {
    /// Token ids, (T, B) time-major, padded with 0.
    public let tokens: PaddedBatch<Int32>
    /// Tag ids, (T, B) time-major; ``SequenceTagger/ignoredTag`` at padding.
    public let tags: [Int32]

    /// Pads `sentences` (token ids) and their `tags` (tag ids, one per token); throws when
    /// there is no sentence, a sentence is empty, or the tags do not match the tokens.
    public init(sentences: [[Int32]], tags: [[Int32]]) throws {
        try ArgumentError.check(!sentences.isEmpty, "a tagging batch needs at least one sentence")
        try ArgumentError.check(sentences.count == tags.count, "\(sentences.count) sentences but \(tags.count) tag sequences")
        if let i = sentences.indices.first(where: { sentences[$0].isEmpty || sentences[$0].count != tags[$0].count }) {
            throw ArgumentError(sentences[i].isEmpty ? "sentence \(i) of the batch is empty"
                                : "sentence \(i) has \(sentences[i].count) tokens but \(tags[i].count) tags")
        }
        tokens = PaddedBatch(sentences, padding: 0)
        self.tags = PaddedBatch(tags, padding: Int32(SequenceTagger.ignoredTag)).values
    }

    /// The number of real (non-padding) tokens.
    public var tokenCount: Int { tokens.lengths.reduce(0) { $0 + Int($1) } }
}

/// A sequence tagger — the **many-to-many, aligned** shape: one output per input token.
///
///     ids (T, B) → Embedding → Dropout → (Bi)RNN/LSTM/GRU (stacked) → Dropout → Linear → logits (T, B, tags)
///
/// Bidirectional by default, so each token's tag sees its left and right context. Variable
/// lengths follow PyTorch's packed semantics (each direction starts and stops at the sentence's
/// own ends). Loss: mean softmax cross-entropy over the real tokens (padding is ignored).
public final class SequenceTagger: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = TaggingBatch

    /// The tag id of padding positions, ignored by the loss and by accuracy.
    public static let ignoredTag = -100

    /// The configuration the model was built from.
    public let configuration: SequenceTaggerConfiguration
    /// The token embedding.
    public let embedding: Embedding<Float>
    /// Dropout on the embeddings.
    public let embeddingDropout: Dropout<Float>
    /// The recurrent encoder.
    public let rnn: RecurrentLayer<Float>
    /// Dropout before the output layer.
    public let outputDropout: Dropout<Float>
    /// The output layer, at every step: hidden state → tag scores.
    public let output: Linear<Float>
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: SequenceTaggerConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("tagger", sizes: c.vocabularySize, c.tagCount, c.embeddingSize, c.hiddenSize, c.layers)
        try TrainingError.requireDropout(c.dropout)
        configuration = c
        var rng = RandomGenerator(seed: seed)
        embedding = try Embedding(vocabularySize: c.vocabularySize, embeddingSize: c.embeddingSize, paddingIndex: 0, rng: &rng)
        embeddingDropout = try Dropout(probability: c.dropout, seed: rng.next())
        rnn = RecurrentLayer(c.cell, inputSize: c.embeddingSize, hiddenSize: c.hiddenSize, numLayers: c.layers,
                             bidirectional: c.bidirectional, dropout: c.dropout, seed: rng.next())
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        output = try Linear(inputSize: rnn.outputSize, outputSize: c.tagCount, rng: &rng)
    }

    /// embedding, embedding_dropout, rnn, output_dropout, output (parameters: `embedding.*`,
    /// `rnn.*`, `output.*`).
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        [("embedding", embedding), ("embedding_dropout", embeddingDropout), ("rnn", rnn),
         ("output_dropout", outputDropout), ("output", output)]
    }

    public var gradientProbe: RecurrentLayer<Float>? { rnn }

    /// Logits (T, B, tagCount) for a batch of token ids (zero rows' logits past each end are
    /// the output layer's bias and carry no meaning).
    public func logits(_ tokens: PaddedBatch<Int32>) throws -> Tensor<Float> {
        let x = try embedding.forward(tokens.values, shape: [tokens.steps, tokens.batchSize])
        let (h, _) = try rnn.forward(embeddingDropout.forward(x), lengths: tokens.lengths.map { Int($0) })
        return try output.forward(outputDropout.forward(h))
    }

    public func trainStep(_ batch: TaggingBatch) throws -> Double {
        let z = try logits(batch.tokens)
        let (loss, dz) = try softmaxCrossEntropy(logits: z, targets: batch.tags, ignoreIndex: Self.ignoredTag)
        let dh = try outputDropout.backward(output.backward(dz))
        let g = try rnn.backward(gradOutput: dh)
        try embedding.backward(embeddingDropout.backward(g.input))
        return loss
    }

    /// The most likely tag id of every position, (T, B) time-major (meaningless past each end).
    public func predict(_ tokens: PaddedBatch<Int32>) throws -> [Int32] {
        try inEvaluationMode { argmaxRows(try InferenceMode.run { try logits(tokens) }) }
    }

    /// Mean loss over real tokens ("loss") and token accuracy ("accuracy"), in evaluation mode.
    public func evaluate(_ batches: [TaggingBatch]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [TaggingBatch]) throws -> [String: Double] {
        var tally = ClassificationTally(ignoring: Int32(Self.ignoredTag))
        for b in batches { try tally.add(logits: logits(b.tokens), targets: b.tags) }
        return ["loss": tally.meanLoss, "accuracy": tally.accuracy]
    }
}
