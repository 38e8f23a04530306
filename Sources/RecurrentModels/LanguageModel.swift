import RealModule
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The configuration of a ``LanguageModel`` (stored in checkpoints as JSON).
public struct LanguageModelConfiguration: Codable, Sendable, Equatable {
    /// Token ids 0..<vocabularySize.
    public var vocabularySize: Int
    public var embeddingSize = 64
    public var hiddenSize = 256
    public var layers = 2
    public var cell: CellKind = .lstm
    public var dropout = 0.0
    /// Share the embedding matrix with the output layer (needs embeddingSize == hiddenSize).
    public var tieWeights = false

    /// A model over `vocabularySize` tokens, the other settings their defaults (embedding 64, two LSTM layers of 256).
    public init(vocabularySize: Int) { self.vocabularySize = vocabularySize }
}

/// A next-token language model — the **many-to-many** shape, trained by stateful truncated
/// BPTT: `Embedding → RNN/LSTM/GRU (stacked) → Dropout → Linear`, the hidden state carried
/// (detached) from one chunk to the next and reset at each epoch. Sampling with temperature
/// and top-k turns it into a **one-to-many** generator from a prime.
///
/// Loss: mean softmax cross-entropy of x_{t+1} given x_1…x_t; bits per character = loss / ln 2.
public final class LanguageModel: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = BPTTChunk

    /// The configuration the model was built from.
    public let configuration: LanguageModelConfiguration
    /// The token embedding.
    public let embedding: Embedding<Float>
    /// The stacked recurrent layer.
    public let rnn: RecurrentLayer<Float>
    /// Dropout before the output layer.
    public let outputDropout: Dropout<Float>
    /// The output layer: hidden state → next-token scores.
    public let decoder: Linear<Float>
    /// The hidden state carried between chunks (nil = zeros).
    public var carriedState: RecurrentState<Float>?
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: LanguageModelConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("language model", sizes: c.vocabularySize, c.embeddingSize, c.hiddenSize, c.layers)
        try TrainingError.requireDropout(c.dropout)
        guard !c.tieWeights || c.embeddingSize == c.hiddenSize else {
            throw TrainingError("tied weights need embedding size (\(c.embeddingSize)) = hidden size (\(c.hiddenSize))")
        }
        configuration = c
        var rng = RandomGenerator(seed: seed)
        embedding = try Embedding(vocabularySize: c.vocabularySize, embeddingSize: c.embeddingSize, rng: &rng)
        rnn = RecurrentLayer(c.cell, inputSize: c.embeddingSize, hiddenSize: c.hiddenSize, numLayers: c.layers,
                             dropout: c.dropout, seed: rng.next())
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        decoder = c.tieWeights
            ? try Linear(sharedWeight: embedding.weight, rng: &rng)
            : try Linear(inputSize: c.hiddenSize, outputSize: c.vocabularySize, rng: &rng)
    }

    /// embedding, rnn, output_dropout, decoder (parameters: `embedding.*`, `rnn.*`,
    /// `decoder.*`; a tied decoder lists only its bias).
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        [("embedding", embedding), ("rnn", rnn), ("output_dropout", outputDropout), ("decoder", decoder)]
    }

    public var gradientProbe: RecurrentLayer<Float>? { rnn }

    public func beginEpoch() { carriedState = nil }

    /// Logits (T, B, V) for a (T, B) chunk of ids, advancing the carried state.
    public func logits(_ ids: [Int32], steps: Int, batch: Int) throws -> Tensor<Float> {
        if let s = carriedState, s.h.shape[1] != batch { carriedState = nil }
        let x = try embedding.forward(ids, shape: [steps, batch])
        let (out, state) = try rnn.forward(x, initialState: carriedState)
        carriedState = state  // detached: the next chunk treats it as a constant
        return try decoder.forward(outputDropout.forward(out))
    }

    public func trainStep(_ batch: BPTTChunk) throws -> Double {
        let z = try logits(batch.input, steps: batch.steps, batch: batch.batchSize)
        let (loss, dz) = try softmaxCrossEntropy(logits: z, targets: batch.target)
        let dOut = try outputDropout.backward(decoder.backward(dz))
        let g = try rnn.backward(gradOutput: dOut)
        try embedding.backward(g.input)
        return loss
    }

    /// Mean loss ("loss", nats) and bits per token ("bpc") over the chunks, in order, the state carried
    /// through all of them from zero, in evaluation mode.
    public func evaluate(_ batches: [BPTTChunk]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [BPTTChunk]) throws -> [String: Double] {
        carriedState = nil
        var total = 0.0, count = 0
        for b in batches {
            let z = try logits(b.input, steps: b.steps, batch: b.batchSize)
            let (loss, _) = try softmaxCrossEntropy(logits: z, targets: b.target, reduction: .sum)
            total += loss
            count += b.target.count
        }
        carriedState = nil
        let mean = total / Double(max(count, 1))
        return ["loss": mean, "bpc": mean / Double.log(2)]
    }

    /// The carried state ("carried.h", "carried.c") and the random generators.
    public func resumableState() -> ResumableState {
        var s = ResumableState(randomGeneratorsOf: self)
        if let c = carriedState {
            s.tensors["carried.h"] = c.h
            if let cc = c.c { s.tensors["carried.c"] = cc }
        }
        return s
    }

    /// Restores a ``resumableState()``.
    public func restore(_ s: ResumableState) throws {
        carriedState = s.tensors["carried.h"].map { RecurrentState(h: $0, c: s.tensors["carried.c"]) }
        try s.restoreRandomGenerators(of: self)
    }

    /// Generates `length` tokens after `prime` (one-to-many): each next token is drawn from
    /// softmax(logits / temperature), restricted to the `topK` most likely when given.
    /// `excluding` (e.g. the unknown-character id) is never drawn.
    public func sample(prime: [Int32], length: Int, temperature: Double = 1, topK: Int? = nil,
                       excluding: Int32? = nil, using rng: inout RandomGenerator) throws -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(min(length, 1 << 20))
        try sample(prime: prime, length: length, temperature: temperature, topK: topK, excluding: excluding, using: &rng) {
            out.append($0)
        }
        return out
    }

    /// ``sample(prime:length:temperature:topK:excluding:using:)`` handing each token to
    /// `emit` as it is drawn, keeping none: memory does not grow with `length`, and a
    /// caller can print a long sample as it comes.
    public func sample(prime: [Int32], length: Int, temperature: Double = 1, topK: Int? = nil,
                       excluding: Int32? = nil, using rng: inout RandomGenerator,
                       emit: (Int32) throws -> Void) throws {
        guard !prime.isEmpty else { throw TrainingError("sampling needs a non-empty prime") }
        guard temperature > 0 else { throw TrainingError("temperature must be positive, got \(temperature)") }
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        carriedState = nil
        var z = try InferenceMode.run { try logits(prime, steps: prime.count, batch: 1) }
        var last = Array(z.scalars.suffix(configuration.vocabularySize))
        let cells = try rnn.cellStack()  // one step at a time: the layer's cells
        for _ in 0..<length {
            if let x = excluding, Int(x) < last.count { last[Int(x)] = -.infinity }
            let next = Self.draw(from: last, temperature: temperature, topK: topK, using: &rng)
            try emit(next)
            let x = try embedding.forward([next], shape: [1, 1])
            let (h, state) = try cells.step(x.reshaped([1, configuration.embeddingSize]), state: carriedState)
            carriedState = state
            z = try decoder.forward(outputDropout.forward(h.reshaped([1, 1, configuration.hiddenSize])))
            last = z.scalars
        }
        carriedState = nil
    }

    static func draw(from logits: [Float], temperature: Double, topK: Int?, using rng: inout RandomGenerator) -> Int32 {
        var order = Array(logits.indices)
        if let k = topK, k > 0, k < logits.count {
            order.sort { logits[$0] > logits[$1] }
            order = Array(order.prefix(k))
        }
        let m = order.map { Double(logits[$0]) }.max() ?? 0
        let w = order.map { Double.exp((Double(logits[$0]) - m) / temperature) }
        var u = rng.nextUnit() * w.reduce(0, +)
        for (i, wi) in zip(order, w) {
            u -= wi
            if u < 0 { return Int32(i) }
        }
        return Int32(order.last ?? 0)
    }
}
