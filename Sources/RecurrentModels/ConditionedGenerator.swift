import RealModule
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The configuration of a ``ConditionedGenerator`` (stored in checkpoints as JSON).
public struct ConditionedGeneratorConfiguration: Codable, Sendable, Equatable {
    /// Output symbols (characters), the boundary symbol included.
    public var vocabularySize: Int
    /// The width of the conditioning vector: the number of classes (one-hot) or features.
    public var conditionSize: Int
    public var embeddingSize = 32
    public var hiddenSize = 256
    public var layers = 1
    public var cell: CellKind = .lstm
    /// Dropout on the decoder's outputs and between stacked layers.
    public var dropout = 0.0

    /// A generator of sequences over `vocabularySize` tokens from condition vectors of `conditionSize` values, the other settings their defaults.
    public init(vocabularySize: Int, conditionSize: Int) {
        self.vocabularySize = vocabularySize
        self.conditionSize = conditionSize
    }
}

/// Maps one conditioning vector per sequence to a recurrent layer's initial state:
///
///     h0[l] = tanh(W·x + b)[l·H ..< (l+1)·H]      W: (L·H, C)      c0 = 0 (LSTM)
///
/// Backward, given ∂L/∂h0: dz = ∂L/∂h0 ⊙ (1 − h0²), then the Linear's backward.
public final class StateInitializer<S: TensorScalar>: Module {
    /// The scalar type of the module's parameters.
    public typealias Scalar = S
    /// The affine map W·c + b, (conditionSize) → (layers·H), whose tanh is every layer's initial h.
    public let linear: Linear<S>
    /// The decoder's stacked layers.
    public let layers: Int
    /// The decoder's hidden size H.
    public let hiddenSize: Int
    /// Whether the decoder carries a memory cell c (an LSTM).
    public let hasCellState: Bool
    public var isTraining = true
    private var h0: Tensor<S>?

    /// An initializer of `layers` states of `hiddenSize` from conditions of `conditionSize`;
    /// throws unless the sizes are positive.
    public init(conditionSize: Int, layers: Int, hiddenSize: Int, hasCellState: Bool, rng: inout RandomGenerator) throws {
        try ArgumentError.check(layers > 0 && hiddenSize > 0, "state initializer sizes must be positive, got \(layers) layers of \(hiddenSize)")
        linear = try Linear(inputSize: conditionSize, outputSize: layers * hiddenSize, rng: &rng)
        self.layers = layers
        self.hiddenSize = hiddenSize
        self.hasCellState = hasCellState
    }

    /// The linear map, under no name of its own: its parameters are `weight` and `bias`.
    public var namedChildren: [(name: String, module: any Module<S>)] { [("", linear)] }

    /// The initial state (h0 of shape (L, B, H), c0 zeros) for conditions (B, C).
    public func forward(_ condition: Tensor<S>) throws -> RecurrentState<S> {
        let z = try linear.forward(condition)  // (B, L·H)
        let B = condition.shape[0], L = layers, H = hiddenSize
        var h = Tensor<S>(zeros: [L, B, H])
        z.withUnsafeBufferPointer { zp in
            h.withUnsafeMutableBufferPointer { hp in
                for l in 0..<L {
                    for b in 0..<B {
                        for j in 0..<H { hp[(l * B + b) * H + j] = S.tanh(zp[b * L * H + l * H + j]) }
                    }
                }
            }
        }
        h0 = h
        return RecurrentState(h: h, c: hasCellState ? Tensor(zeros: [L, B, H]) : nil)
    }

    /// Given ∂L/∂h0 (L, B, H), accumulates the parameter gradients and returns ∂L/∂condition.
    @discardableResult
    public func backward(_ gradH0: Tensor<S>) throws -> Tensor<S> {
        guard let h = h0 else { preconditionFailure("StateInitializer.backward called before forward") }
        try gradH0.checkShape(h.shape, "StateInitializer gradient of h0")
        let L = layers, B = h.shape[1], H = hiddenSize
        var dz = Tensor<S>(zeros: [B, L * H])
        h.withUnsafeBufferPointer { hp in
            gradH0.withUnsafeBufferPointer { g in
                dz.withUnsafeMutableBufferPointer { d in
                    for l in 0..<L {
                        for b in 0..<B {
                            for j in 0..<H {
                                let i = (l * B + b) * H + j
                                d[b * L * H + l * H + j] = g[i] * (1 - hp[i] * hp[i])
                            }
                        }
                    }
                }
            }
        }
        return try linear.backward(dz)
    }
}

/// A teacher-forced batch for ``ConditionedGenerator``: conditions (B, C), decoder inputs and
/// targets (T, B) time-major; targets past a sequence's end are `ignoreIndex`.
public struct GenerationBatch: Sendable, Equatable {
    /// The target id that contributes nothing to the loss (padding), as PyTorch's default `ignore_index`.
    public static let ignoreIndex: Int32 = -100
    /// The condition vectors, (B, conditionSize) row-major.
    public var conditions: [Float]
    /// The decoder's inputs, time-major (T, B): the start id, then the sequence shifted by one.
    public var inputs: [Int32]
    /// The targets, time-major (T, B): the sequence, then the end id; ``ignoreIndex`` past a sequence's end.
    public var targets: [Int32]
    /// T, the longest sequence's length plus one.
    public var steps: Int
    /// B, the number of sequences.
    public var batchSize: Int
    /// Each sequence's number of valid steps.
    public var lengths: [Int]

    /// Builds a batch from (condition, symbols) pairs: the decoder reads `start + symbols`
    /// and predicts `symbols + end`. Throws when there is no sequence, the conditions are not
    /// one per sequence, or they differ in size.
    public init(conditions: [[Float]], sequences: [[Int32]], start: Int32, end: Int32) throws {
        try ArgumentError.check(!sequences.isEmpty, "a generation batch needs at least one sequence")
        try ArgumentError.check(conditions.count == sequences.count, "\(sequences.count) sequences but \(conditions.count) conditions")
        if let i = conditions.firstIndex(where: { $0.count != conditions[0].count }) {
            throw ArgumentError("condition \(i) has \(conditions[i].count) values, condition 0 \(conditions[0].count)")
        }
        let inputs = PaddedBatch(sequences.map { [start] + $0 }, padding: Int32(0))
        let targets = PaddedBatch(sequences.map { $0 + [end] }, padding: Self.ignoreIndex)
        self.conditions = conditions.flatMap { $0 }
        self.inputs = inputs.values
        self.targets = targets.values
        steps = inputs.steps
        batchSize = inputs.batchSize
        lengths = inputs.lengths.map(Int.init)
    }
}

/// A conditioned sequence generator — the **one-to-many** shape: one input (a class label as a
/// one-hot vector, or a feature vector) initialises the decoder's state through a
/// ``StateInitializer`` (h0 = tanh(Linear(condition))), which then generates a sequence of
/// symbols: `Embedding → RNN/LSTM/GRU → Dropout → Linear → softmax`, each step reading the
/// previous symbol.
///
/// Trained with teacher forcing (the decoder reads the true previous symbol); loss: mean
/// cross-entropy of the next symbol, the end symbol included. Generation samples each
/// symbol from softmax(logits / temperature) and feeds it back.
public final class ConditionedGenerator: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = GenerationBatch

    /// The configuration the model was built from.
    public let configuration: ConditionedGeneratorConfiguration
    /// The condition → initial-state layer.
    public let initializer: StateInitializer<Float>
    /// The token embedding of the decoder's inputs.
    public let embedding: Embedding<Float>
    /// The recurrent decoder.
    public let rnn: RecurrentLayer<Float>
    /// Dropout on the decoder's outputs.
    public let outputDropout: Dropout<Float>
    /// The output layer: hidden state → token scores.
    public let decoder: Linear<Float>
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: ConditionedGeneratorConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("conditioned generator", sizes: c.vocabularySize, c.conditionSize, c.embeddingSize,
                                          c.hiddenSize, c.layers)
        try TrainingError.requireDropout(c.dropout)
        configuration = c
        var rng = RandomGenerator(seed: seed)
        initializer = try StateInitializer(conditionSize: c.conditionSize, layers: c.layers, hiddenSize: c.hiddenSize,
                                       hasCellState: c.cell.hasCellState, rng: &rng)
        embedding = try Embedding(vocabularySize: c.vocabularySize, embeddingSize: c.embeddingSize, rng: &rng)
        rnn = RecurrentLayer(c.cell, inputSize: c.embeddingSize, hiddenSize: c.hiddenSize, numLayers: c.layers,
                             dropout: c.dropout, seed: rng.next())
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        decoder = try Linear(inputSize: c.hiddenSize, outputSize: c.vocabularySize, rng: &rng)
    }

    /// initializer, embedding, rnn, output_dropout, decoder (parameters: `initializer.*`,
    /// `embedding.*`, `rnn.*`, `decoder.*`).
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        [("initializer", initializer), ("embedding", embedding), ("rnn", rnn), ("output_dropout", outputDropout), ("decoder", decoder)]
    }

    public var gradientProbe: RecurrentLayer<Float>? { rnn }

    /// Logits (T, B, V) of a teacher-forced batch.
    public func logits(_ b: GenerationBatch) throws -> Tensor<Float> {
        let state = try initializer.forward(Tensor(shape: [b.batchSize, configuration.conditionSize], scalars: b.conditions))
        let x = try embedding.forward(b.inputs, shape: [b.steps, b.batchSize])
        let lengths = b.lengths.allSatisfy { $0 == b.steps } ? nil : b.lengths
        let (out, _) = try rnn.forward(x, lengths: lengths, initialState: state)
        return try decoder.forward(outputDropout.forward(out))
    }

    public func trainStep(_ b: GenerationBatch) throws -> Double {
        let z = try logits(b)
        let (loss, dz) = try softmaxCrossEntropy(logits: z, targets: b.targets, ignoreIndex: Int(GenerationBatch.ignoreIndex))
        let g = try rnn.backward(gradOutput: outputDropout.backward(decoder.backward(dz)))
        try embedding.backward(g.input)
        try initializer.backward(g.initialState.h)
        return loss
    }

    /// Mean cross-entropy per symbol ("loss", nats) and "bpc" (bits per symbol), in
    /// evaluation mode.
    public func evaluate(_ batches: [GenerationBatch]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [GenerationBatch]) throws -> [String: Double] {
        var total = 0.0, count = 0
        for b in batches {
            total += try softmaxCrossEntropy(logits: logits(b), targets: b.targets, ignoreIndex: Int(GenerationBatch.ignoreIndex),
                                             reduction: .sum).loss
            count += b.targets.count { $0 != GenerationBatch.ignoreIndex }
        }
        let mean = total / Double(max(count, 1))
        return ["loss": mean, "bpc": mean / Double.log(2)]
    }

    /// Generates symbols for one condition (evaluation mode): starts from `start`, draws each
    /// next symbol from softmax(logits / temperature) (among the `topK` most likely when given)
    /// and stops at `end` (not returned) or after `maxLength` symbols. `excluding` (e.g. the
    /// unknown-character id) is never drawn.
    public func sample(condition: [Float], start: Int32, end: Int32?, maxLength: Int, temperature: Double = 1,
                       topK: Int? = nil, excluding: Int32? = nil, using rng: inout RandomGenerator) throws -> [Int32] {
        guard condition.count == configuration.conditionSize else {
            throw TrainingError("the generator expects a condition of \(configuration.conditionSize) values, got \(condition.count)")
        }
        guard temperature > 0 else { throw TrainingError("temperature must be positive, got \(temperature)") }
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        var state = try initializer.forward(Tensor(shape: [1, configuration.conditionSize], scalars: condition))
        var previous = start
        var out: [Int32] = []
        let cells = try rnn.cellStack()  // one step at a time: the layer's cells
        while out.count < maxLength {
            let x = try embedding.forward([previous], shape: [1, 1])
            let (h, next) = try cells.step(x.reshaped([1, configuration.embeddingSize]), state: state)
            state = next
            var logits = try decoder.forward(h.reshaped([1, 1, configuration.hiddenSize])).scalars
            if let x = excluding, Int(x) < logits.count { logits[Int(x)] = -.infinity }
            let symbol = LanguageModel.draw(from: logits, temperature: temperature, topK: topK, using: &rng)
            if symbol == end { break }
            out.append(symbol)
            previous = symbol
        }
        return out
    }
}
