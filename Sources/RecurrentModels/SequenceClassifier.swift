import RealModule
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The configuration of a ``SequenceClassifier`` (stored in checkpoints as JSON).
public struct SequenceClassifierConfiguration: Codable, Sendable, Equatable {
    /// The number of classes.
    public var classes: Int
    /// Token inputs: the vocabulary size (an embedding is learnt). Nil: numeric features.
    public var vocabularySize: Int?
    /// Numeric inputs: the features per step (ignored for tokens).
    public var featureCount = 1
    public var embeddingSize = 100
    public var hiddenSize = 64
    public var layers = 1
    public var cell: CellKind = .lstm
    /// Whether the encoder is bidirectional (default false).
    public var bidirectional = false
    /// How the encoder's outputs become one vector per sequence (default `.last`, the last valid step's).
    public var pooling: SequencePooling = .last
    /// Dropout on the pooled vector and between stacked layers.
    public var dropout = 0.0
    /// Dropout on the embedded tokens (token inputs only).
    public var embeddingDropout = 0.0
    /// Label smoothing ε of the training loss (see ``softmaxCrossEntropy(logits:targets:ignoreIndex:labelSmoothing:reduction:)``).
    public var labelSmoothing = 0.0
    /// Numeric inputs: the standard deviation of Gaussian noise added to the features in
    /// training mode (data augmentation; 0 = none).
    public var inputNoise = 0.0

    /// A classifier of token sequences.
    public init(classes: Int, vocabularySize: Int) {
        self.classes = classes
        self.vocabularySize = vocabularySize
    }

    /// A classifier of numeric series with `featureCount` values per step.
    public init(classes: Int, featureCount: Int) {
        self.classes = classes
        self.featureCount = featureCount
    }

    /// The width of one step of the recurrent layer's input.
    public var inputSize: Int { vocabularySize == nil ? featureCount : embeddingSize }
}

/// A labelled batch for ``SequenceClassifier``: the sequences and one class id per sequence.
public struct ClassificationBatch: Sendable, Equatable {
    /// The sequences, token ids or features.
    public var input: SequenceInput
    /// Class ids, one per sequence.
    public var labels: [Int32]

    /// The sequences of `input` labelled with `labels`, one class id per sequence; throws
    /// when the counts differ.
    public init(input: SequenceInput, labels: [Int32]) throws {
        try ArgumentError.check(labels.count == input.batchSize, "\(input.batchSize) sequences but \(labels.count) labels")
        self.input = input
        self.labels = labels
    }
}

/// A sequence classifier — the **many-to-one** shape:
/// `(Embedding → Dropout | features) → RNN/LSTM/GRU (optionally bidirectional, stacked)
/// → pooling (last state, mean or max over valid steps; see ``SequencePooling``) → Dropout
/// → Linear → softmax`. **One-to-one** is the case T = 1.
///
/// Loss: mean softmax cross-entropy of the labels. Variable lengths follow PyTorch's packed
/// sequences (no sorting needed): with `last` pooling a bidirectional layer gives
/// [final forward ; final backward], as `h_n` of `nn.LSTM` on a packed batch.
public final class SequenceClassifier: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = ClassificationBatch

    /// The configuration the model was built from.
    public let configuration: SequenceClassifierConfiguration
    /// The token embedding (nil for numeric inputs).
    public let embedding: Embedding<Float>?
    /// Dropout on the embedded tokens (``SequenceClassifierConfiguration/embeddingDropout``).
    public let inputDropout: Dropout<Float>
    /// The recurrent encoder and its pooling.
    public let encoder: SequenceEncoder<Float>
    /// Dropout on the pooled vector.
    public let outputDropout: Dropout<Float>
    /// The output layer: pooled vector → class scores.
    public let output: Linear<Float>
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: SequenceClassifierConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("sequence classifier", sizes: c.classes, c.hiddenSize, c.layers, c.featureCount,
                                          c.embeddingSize, c.vocabularySize ?? 1)
        try TrainingError.requireDropout(c.dropout, c.embeddingDropout)
        guard (0..<1).contains(c.labelSmoothing), c.inputNoise >= 0 else {
            throw TrainingError("label smoothing must be in [0, 1) and input noise not negative")
        }
        configuration = c
        var rng = RandomGenerator(seed: seed)
        // Padding id 0 stays a zero row, as PyTorch's padding_idx=0.
        embedding = try c.vocabularySize.map { try Embedding(vocabularySize: $0, embeddingSize: c.embeddingSize, paddingIndex: 0, rng: &rng) }
        inputDropout = try Dropout(probability: c.vocabularySize == nil ? 0 : c.embeddingDropout, seed: rng.next())
        let rnn = RecurrentLayer<Float>(c.cell, inputSize: c.inputSize, hiddenSize: c.hiddenSize, numLayers: c.layers,
                                        bidirectional: c.bidirectional, dropout: c.dropout, seed: rng.next())
        encoder = try SequenceEncoder(rnn: rnn, pooling: c.pooling)
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        output = try Linear(inputSize: encoder.outputSize, outputSize: c.classes, rng: &rng)
        noise = RandomGenerator(seed: rng.next())
    }

    /// The source of the input noise.
    public var noise: RandomGenerator

    /// embedding (token inputs), input_dropout, rnn (the encoder), output_dropout, output
    /// (parameters: `embedding.*`, `rnn.*`, `output.*`).
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        (embedding.map { [("embedding", $0)] } ?? [])
            + [("input_dropout", inputDropout), ("rnn", encoder), ("output_dropout", outputDropout), ("output", output)]
    }

    /// ``noise``, saved with resumable checkpoints as "rng.input_noise".
    public var randomGenerator: RandomGenerator? {
        get { noise }
        set { if let newValue { noise = newValue } }
    }

    /// "input_noise".
    public var randomGeneratorName: String { "input_noise" }

    public var gradientProbe: RecurrentLayer<Float>? { encoder.rnn }

    /// The recurrent layer's input (T, B, I) for a batch.
    func embed(_ input: SequenceInput) throws -> Tensor<Float> {
        switch input.values {
        case .tokens(let ids):
            guard let embedding else { throw TrainingError("this classifier reads numeric features, not tokens") }
            return inputDropout.forward(try embedding.forward(ids, shape: [input.steps, input.batchSize]))
        case .features(let v, let k):
            guard embedding == nil else { throw TrainingError("this classifier reads tokens, not numeric features") }
            guard k == configuration.featureCount else {
                throw TrainingError("the classifier expects \(configuration.featureCount) features per step, got \(k)")
            }
            var x = try Tensor(shape: [input.steps, input.batchSize, k], scalars: v)
            if isTraining && configuration.inputNoise > 0 {
                let sigma = configuration.inputNoise
                x.withUnsafeMutableBufferPointer { p in
                    for i in p.indices { p[i] += Float(sigma * noise.normal()) }
                }
            }
            return x
        }
    }

    /// The class scores (B, classes) of a batch.
    public func logits(_ input: SequenceInput) throws -> Tensor<Float> {
        let pooled = try encoder.forward(embed(input), lengths: input.variableLengths)
        return try output.forward(outputDropout.forward(pooled))
    }

    public func trainStep(_ batch: ClassificationBatch) throws -> Double {
        let z = try logits(batch.input)
        let (loss, dz) = try softmaxCrossEntropy(logits: z, targets: batch.labels, labelSmoothing: configuration.labelSmoothing)
        let dx = try encoder.backward(outputDropout.backward(output.backward(dz)))
        if let embedding { try embedding.backward(inputDropout.backward(dx)) }
        return loss
    }

    /// Mean cross-entropy ("loss"), "accuracy", and "score" = correct + 1/(1 + loss) — the
    /// number right, ties broken by the lower loss (for model selection) — over the batches,
    /// in evaluation mode.
    public func evaluate(_ batches: [ClassificationBatch]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [ClassificationBatch]) throws -> [String: Double] {
        var tally = ClassificationTally()
        for b in batches { try tally.add(logits: logits(b.input), targets: b.labels) }
        let (loss, correct) = (tally.meanLoss, Double(tally.correct))
        return ["loss": loss, "accuracy": tally.accuracy, "score": correct + 1 / (1 + loss)]
    }

    /// The most likely class of each sequence (evaluation mode).
    public func predict(_ input: SequenceInput) throws -> [Int] {
        try inEvaluationMode { argmaxRows(try InferenceMode.run { try logits(input) }).map(Int.init) }
    }
}
