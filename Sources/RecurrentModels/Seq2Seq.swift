import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The configuration of a ``Seq2Seq`` model (stored in checkpoints as JSON).
public struct Seq2SeqConfiguration: Codable, Sendable, Equatable {
    /// Source ids 0..<sourceVocabularySize; id 0 is padding.
    public var sourceVocabularySize: Int
    /// Target ids 0..<targetVocabularySize; id 0 is padding.
    public var targetVocabularySize: Int
    /// The target ids that start and end a target sequence.
    public var beginID: Int32
    /// The target id that ends a target sequence (decoding stops when it is produced).
    public var endID: Int32
    public var embeddingSize = 64
    public var hiddenSize = 256
    /// Stacked layers, in the encoder and in the decoder.
    public var layers = 1
    public var cell: CellKind = .lstm
    /// A bidirectional encoder; its two final states are merged by a learned projection.
    public var bidirectionalEncoder = false
    /// Attention of the decoder over the encoder's outputs (default `.none`: the final state alone carries the source).
    public var attention: AttentionKind = .none
    /// Dropout between stacked layers and before the output layer.
    public var dropout = 0.0
    /// The most tokens decoding produces (the end token included).
    public var maxOutputLength = 50

    /// A model from `sourceVocabularySize` to `targetVocabularySize` tokens with the given begin and end ids, the other settings their defaults (embedding 64, hidden 256, one LSTM layer).
    public init(sourceVocabularySize: Int, targetVocabularySize: Int, beginID: Int32, endID: Int32) {
        self.sourceVocabularySize = sourceVocabularySize
        self.targetVocabularySize = targetVocabularySize
        self.beginID = beginID
        self.endID = endID
    }
}

/// A batch of (source, target) id sequences for teacher forcing.
public struct Seq2SeqBatch: Sendable, Equatable {
    /// Source ids (S, B) time-major, padded with 0.
    public let source: PaddedBatch<Int32>
    /// Decoder inputs `<bos> y₁ … yₙ`, (T, B) time-major, padded with 0 (T = longest n + 1).
    public let targetInput: PaddedBatch<Int32>
    /// Decoder targets `y₁ … yₙ <eos>`, (T, B) time-major; ``Seq2Seq/ignoredTarget`` at padding.
    public let targetOutput: [Int32]

    /// Pads the pairs; targets are given without begin/end tokens. Throws when there is no
    /// pair, a source is empty, or the targets are not one per source.
    public init(sources: [[Int32]], targets: [[Int32]], beginID: Int32, endID: Int32) throws {
        try ArgumentError.check(!sources.isEmpty, "a seq2seq batch needs at least one source")
        try ArgumentError.check(sources.count == targets.count, "\(sources.count) sources but \(targets.count) targets")
        if let i = sources.firstIndex(where: \.isEmpty) { throw ArgumentError("source \(i) of the batch is empty") }
        source = PaddedBatch(sources, padding: 0)
        targetInput = PaddedBatch(targets.map { [beginID] + $0 }, padding: 0)
        targetOutput = PaddedBatch(targets.map { $0 + [endID] }, padding: Int32(Seq2Seq.ignoredTarget)).values
    }

    /// The targets without the end token (as given to the initialiser).
    public var targets: [[Int32]] {
        let B = targetInput.batchSize
        return (0..<B).map { b in (1..<Int(targetInput.lengths[b])).map { t in targetOutput[(t - 1) * B + b] } }
    }
}

/// An encoder–decoder — the **many-to-many, unaligned** shape: an output sequence of its own
/// length for each input sequence.
///
///     source (S, B) → Embedding → RNN encoder ──final state──┐   (bidirectional: [h→ ; h←] → Linear)
///                                 └─outputs (S, B, K)──┐     ↓
///     <bos> y₁…yₙ → Embedding → RNN decoder ─(T, B, H)─→ [Luong attention] → Dropout → Linear → logits (T, B, V)
///
/// Trained with teacher forcing (the decoder reads the reference prefix); the loss is the mean
/// softmax cross-entropy over the real target tokens and `<eos>`. Decoding is greedy or beam
/// search (see `Seq2Seq+Decoding.swift`), up to ``Seq2SeqConfiguration/maxOutputLength`` tokens.
public final class Seq2Seq: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = Seq2SeqBatch

    /// The target id of padding positions, ignored by the loss.
    public static let ignoredTarget = -100

    /// The configuration the model was built from.
    public let configuration: Seq2SeqConfiguration
    /// The embedding of source tokens.
    public let sourceEmbedding: Embedding<Float>
    /// The recurrent encoder of the source.
    public let encoder: RecurrentLayer<Float>
    /// Merge a bidirectional encoder's final h (and c) per layer: [forward ; backward] (2H) → H.
    public let bridgeH: Linear<Float>?
    /// As ``bridgeH``, for the LSTM's c (nil for other cells or a unidirectional encoder).
    public let bridgeC: Linear<Float>?
    /// The embedding of target tokens (the decoder's inputs).
    public let targetEmbedding: Embedding<Float>
    /// The recurrent decoder, started from the encoder's final state.
    public let decoder: RecurrentLayer<Float>
    /// Luong attention over the encoder's outputs (nil without attention).
    public let attention: LuongAttention<Float>?
    /// Dropout before the output layer.
    public let outputDropout: Dropout<Float>
    /// The output layer: decoder state (or attentional state) → target-token scores.
    public let output: Linear<Float>
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: Seq2SeqConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("seq2seq", sizes: c.sourceVocabularySize, c.targetVocabularySize, c.embeddingSize,
                                          c.hiddenSize, c.layers, c.maxOutputLength)
        guard (0..<c.targetVocabularySize).contains(Int(c.beginID)), (0..<c.targetVocabularySize).contains(Int(c.endID)) else {
            throw TrainingError("seq2seq begin/end ids outside the target vocabulary")
        }
        try TrainingError.requireDropout(c.dropout)
        configuration = c
        var rng = RandomGenerator(seed: seed)
        let H = c.hiddenSize
        sourceEmbedding = try Embedding(vocabularySize: c.sourceVocabularySize, embeddingSize: c.embeddingSize, paddingIndex: 0, rng: &rng)
        encoder = RecurrentLayer(c.cell, inputSize: c.embeddingSize, hiddenSize: H, numLayers: c.layers,
                                 bidirectional: c.bidirectionalEncoder, dropout: c.dropout, seed: rng.next())
        if c.bidirectionalEncoder {
            bridgeH = try Linear(inputSize: 2 * H, outputSize: H, rng: &rng)
            bridgeC = c.cell.hasCellState ? try Linear(inputSize: 2 * H, outputSize: H, rng: &rng) : nil
        } else {
            (bridgeH, bridgeC) = (nil, nil)
        }
        targetEmbedding = try Embedding(vocabularySize: c.targetVocabularySize, embeddingSize: c.embeddingSize, paddingIndex: 0, rng: &rng)
        decoder = RecurrentLayer(c.cell, inputSize: c.embeddingSize, hiddenSize: H, numLayers: c.layers,
                                 dropout: c.dropout, seed: rng.next())
        attention = c.attention == .none ? nil
            : try LuongAttention(c.attention, querySize: H, keySize: encoder.outputSize, rng: &rng)
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        output = try Linear(inputSize: H, outputSize: c.targetVocabularySize, rng: &rng)
    }

    /// source_embedding, encoder, bridge_h and bridge_c (bidirectional encoder), target_embedding,
    /// decoder, attention (if any), output_dropout, output — the parameters' prefixes.
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        var children: [(name: String, module: any Module<Float>)] = [("source_embedding", sourceEmbedding), ("encoder", encoder)]
        if let bridgeH { children.append(("bridge_h", bridgeH)) }
        if let bridgeC { children.append(("bridge_c", bridgeC)) }
        children += [("target_embedding", targetEmbedding), ("decoder", decoder)]
        if let attention { children.append(("attention", attention)) }
        return children + [("output_dropout", outputDropout), ("output", output)]
    }

    public var gradientProbe: RecurrentLayer<Float>? { decoder }

    // MARK: Encoder

    /// Encoder outputs (S, B, K) and the decoder's initial state (layers, B, H).
    public func encode(_ source: PaddedBatch<Int32>) throws -> (outputs: Tensor<Float>, state: RecurrentState<Float>) {
        let x = try sourceEmbedding.forward(source.values, shape: [source.steps, source.batchSize])
        let (out, state) = try encoder.forward(x, lengths: source.lengths.map { Int($0) })
        guard let bridgeH else { return (out, state) }
        let h = try bridgeH.forward(Self.pairDirections(state.h, layers: configuration.layers))
        let c = try state.c.map { try bridgeC!.forward(Self.pairDirections($0, layers: configuration.layers)) }
        return (out, RecurrentState(h: h, c: c))
    }

    /// ∂L/∂(encoder final state) from ∂L/∂(decoder initial state).
    func bridgeBackward(_ g: RecurrentState<Float>) throws -> RecurrentState<Float> {
        guard let bridgeH else { return g }
        let h = try Self.unpairDirections(bridgeH.backward(g.h), layers: configuration.layers)
        let c = try g.c.map { try Self.unpairDirections(bridgeC!.backward($0), layers: configuration.layers) }
        return RecurrentState(h: h, c: c)
    }

    /// (2L, B, H) in PyTorch's order (l0 forward, l0 backward, l1 forward, …) → (L, B, 2H).
    static func pairDirections(_ s: Tensor<Float>, layers L: Int) -> Tensor<Float> {
        let (B, H) = (s.shape[1], s.shape[2])
        var out = Tensor<Float>(zeros: [L, B, 2 * H])
        s.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for l in 0..<L {
                    for d in 0..<2 {
                        for b in 0..<B {
                            (dst.baseAddress! + (l * B + b) * 2 * H + d * H)
                                .update(from: src.baseAddress! + ((2 * l + d) * B + b) * H, count: H)
                        }
                    }
                }
            }
        }
        return out
    }

    /// The inverse of ``pairDirections(_:layers:)``.
    static func unpairDirections(_ s: Tensor<Float>, layers L: Int) -> Tensor<Float> {
        let (B, H) = (s.shape[1], s.shape[2] / 2)
        var out = Tensor<Float>(zeros: [2 * L, B, H])
        s.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for l in 0..<L {
                    for d in 0..<2 {
                        for b in 0..<B {
                            (dst.baseAddress! + ((2 * l + d) * B + b) * H)
                                .update(from: src.baseAddress! + (l * B + b) * 2 * H + d * H, count: H)
                        }
                    }
                }
            }
        }
        return out
    }

    // MARK: Decoder

    /// Logits (T, B, V) for decoder inputs `ids` (T, B) from `state`, attending over the
    /// encoder `outputs`; returns the decoder's final state too.
    func decode(_ ids: [Int32], steps: Int, batch: Int, lengths: [Int]?, state: RecurrentState<Float>,
                encoderOutputs: Tensor<Float>, sourceLengths: [Int]) throws -> (logits: Tensor<Float>, state: RecurrentState<Float>) {
        let y = try targetEmbedding.forward(ids, shape: [steps, batch])
        let (h, final) = try decoder.forward(y, lengths: lengths, initialState: state)
        let a = try attention.map { try $0.forward(query: h, keys: encoderOutputs, keyLengths: sourceLengths) } ?? h
        return (try output.forward(outputDropout.forward(a)), final)
    }

    /// Teacher-forced logits (T, B, V) of a batch.
    public func logits(_ batch: Seq2SeqBatch) throws -> Tensor<Float> {
        let (enc, state) = try encode(batch.source)
        let t = batch.targetInput
        return try decode(t.values, steps: t.steps, batch: t.batchSize, lengths: t.lengths.map { Int($0) }, state: state,
                          encoderOutputs: enc, sourceLengths: batch.source.lengths.map { Int($0) }).logits
    }

    public func trainStep(_ batch: Seq2SeqBatch) throws -> Double {
        let z = try logits(batch)
        let (loss, dz) = try softmaxCrossEntropy(logits: z, targets: batch.targetOutput, ignoreIndex: Self.ignoredTarget)
        var dDecoder = try outputDropout.backward(output.backward(dz))
        var dEncoderOutputs: Tensor<Float>?
        if let attention { (dDecoder, dEncoderOutputs) = try attention.backward(dDecoder) }
        let gd = try decoder.backward(gradOutput: dDecoder)
        try targetEmbedding.backward(gd.input)
        let ge = try encoder.backward(gradOutput: dEncoderOutputs, gradFinalState: bridgeBackward(gd.initialState))
        try sourceEmbedding.backward(ge.input)
        return loss
    }

    /// Teacher-forced loss per target token ("loss"), and greedy-decoding "exact_match" and
    /// "token_error_rate" (Σ edit distance / Σ reference length), in evaluation mode.
    public func evaluate(_ batches: [Seq2SeqBatch]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [Seq2SeqBatch]) throws -> [String: Double] {
        var total = 0.0, count = 0
        var scores = SequenceScores()
        for b in batches {
            let (loss, _) = try softmaxCrossEntropy(logits: logits(b), targets: b.targetOutput,
                                                    ignoreIndex: Self.ignoredTarget, reduction: .sum)
            total += loss
            count += b.targetOutput.count { Int($0) != Self.ignoredTarget }
            let sources = (0..<b.source.batchSize).map { i in
                (0..<Int(b.source.lengths[i])).map { t in b.source.values[t * b.source.batchSize + i] }
            }
            for (hyp, ref) in zip(try greedy(sources), b.targets) { scores.add(hyp, ref) }
        }
        return ["loss": total / Double(max(count, 1)), "exact_match": scores.exactMatch, "token_error_rate": scores.tokenErrorRate]
    }
}

/// Running exact-match and token-error-rate counts over (hypothesis, reference) pairs.
public struct SequenceScores: Sendable, Equatable {
    /// The number of pairs added.
    public private(set) var pairs = 0
    /// The pairs whose hypothesis equals the reference.
    public private(set) var exact = 0
    /// The total edit distance of the hypotheses from their references.
    public private(set) var edits = 0
    /// The total length of the references.
    public private(set) var referenceTokens = 0

    /// Empty counts.
    public init() {}

    /// Counts one (hypothesis, reference) pair.
    public mutating func add<T: Equatable>(_ hypothesis: [T], _ reference: [T]) {
        pairs += 1
        if hypothesis == reference { exact += 1 }
        edits += editDistance(hypothesis, reference)
        referenceTokens += reference.count
    }

    /// The fraction of hypotheses equal to their reference.
    public var exactMatch: Double { pairs == 0 ? .nan : Double(exact) / Double(pairs) }
    /// Σ edit distance / Σ reference length.
    public var tokenErrorRate: Double { referenceTokens == 0 ? .nan : Double(edits) / Double(referenceTokens) }
}

/// The Levenshtein distance between two sequences: the fewest insertions, deletions and
/// substitutions that turn `a` into `b`.
public func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
