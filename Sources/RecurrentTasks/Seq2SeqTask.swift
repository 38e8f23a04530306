import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// How the target side of a seq2seq task is cut into tokens.
public enum TargetUnit: String, Codable, Sendable {
    /// Space-separated symbols (phones, words).
    case token
    /// Characters (Unicode scalars).
    case character

    /// `token` when any training target contains a space, else `character`.
    public init(choosingFrom targets: [String]) {
        self = targets.contains { $0.contains(" ") } ? .token : .character
    }

    /// The tokens of `text` in this unit.
    public func split(_ text: String) -> [String] {
        switch self {
        case .token: return text.split(separator: " ").map(String.init)
        case .character: return text.unicodeScalars.map { String($0) }
        }
    }

    /// The text of `tokens` in this unit.
    public func join(_ tokens: [String]) -> String { tokens.joined(separator: self == .token ? " " : "") }
}

/// `rnn train seq2seq`: sequence-to-sequence on a TSV file with `source` and `target` columns
/// (grapheme → phoneme, transliteration, reversal, …).
///
/// The source is read as characters; the target as space-separated tokens when a training
/// target contains a space, else as characters. Decoding is a beam search of width 4 by default (`--beam 1` for
/// greedy), at most the longest training target + 5 tokens. Test metrics: `exact_match`
/// (whole output equal to the reference) and `token_error_rate` (Σ edit distance / Σ
/// reference length); artifacts: example translations.
public enum Seq2SeqTask: RNNTask {
    public static let name = "seq2seq"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.attention, .beamWidth, .embedding]

    /// Defaults: the reference architecture — Emb 64 → LSTM 256 encoder, Emb 64 → LSTM 256
    /// decoder → Linear, the encoder's final state initialising the decoder, no attention.
    static func configuration(_ o: TaskOptions, sourceVocabulary: Vocabulary, targetVocabulary: Vocabulary,
                              maxOutputLength: Int) throws -> Seq2SeqConfiguration {
        var c = Seq2SeqConfiguration(sourceVocabularySize: sourceVocabulary.count, targetVocabularySize: targetVocabulary.count,
                                     beginID: targetVocabulary.beginningID!, endID: targetVocabulary.endID!)
        o.setArchitecture(of: &c, embedding: 64, hidden: 256)
        c.bidirectionalEncoder = o.bidirectional ?? false
        c.attention = try AttentionKind(option: o.attention ?? "none")
        c.maxOutputLength = maxOutputLength
        return c
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let pairs = try TextPair.read(o.train)
        let test = try o.test.map { try TextPair.read($0) }  // read before training: a bad file fails at once
        let unit = TargetUnit(choosingFrom: pairs.map(\.target))
        let sources = pairs.map { sourceTokens($0.source) }
        let targets = pairs.map { unit.split($0.target) }
        let sourceVocabulary = Vocabulary(counting: sources, specials: Vocabulary.textSpecials)
        let targetVocabulary = Vocabulary(counting: targets, specials: Vocabulary.sequenceSpecials)
        let beam = o.beamWidth ?? 4  // beam 4 beat greedy on cmudict_g2p: 0.580 vs 0.573 exact match, 0.127 vs 0.134 TER
        guard (1...Seq2Seq.maximumBeamWidth).contains(beam) else {
            throw TrainingError("beam width must be in 1…\(Seq2Seq.maximumBeamWidth), got \(beam)")
        }

        let encoded = try zip(sources, targets).map { (try sourceVocabulary.encode($0), try targetVocabulary.encode($1)) }
        let config = try configuration(o, sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary,
                                       maxOutputLength: (targets.map(\.count).max() ?? 0) + 5)
        let (trainIndices, validationIndices) = holdOut(count: encoded.count, fraction: o.validationFraction ?? 0.03,
                                                         minimum: 20, seed: o.seed)
        let trainSet = trainIndices.map { encoded[$0] }
        let make = { (pairs: [([Int32], [Int32])]) in
            try Seq2SeqBatch(sources: pairs.map(\.0), targets: pairs.map(\.1), beginID: config.beginID, endID: config.endID)
        }
        let heldOut = validationIndices.map { encoded[$0] }.sorted { $0.0.count < $1.0.count }
        let validation = try chunked(heldOut, size: 128).map(make)
        let batchSize = min(o.batch ?? 64, trainSet.count)
        let sampler = BatchSampler(count: trainSet.count, batchSize: batchSize, seed: o.seed,
                                   bucketingBy: trainSet.map { $0.0.count + $0.1.count })
        let batches = SampledBatches(sampler) { try make($0.map { trainSet[$0] }) }

        let model = try Seq2Seq(config, seed: o.seed)
        let learningRate = o.learningRate ?? 2e-3
        let optimizer = try o.makeOptimizer(model.parameters, learningRate: learningRate)
        var options = try o.trainingOptions(defaultBudget: 240, defaultClip: 5, maximizing: "exact_match", defaultPatience: 8,
                                            halvingFrom: learningRate)
        options.evaluateEvery = max(100, min(batches.batchesPerEpoch, 500))
        let trainer = try fit(model, optimizer: optimizer, options: options,
                              metadata: metadata(config, sourceVocabulary, targetVocabulary, unit, beam),
                              resume: o.resume, progress: progress, on: batches, validation: validation)

        var run = TaskRun(task: name, trainer: trainer)
        if let test {
            let translator = Translator(model: model, sourceVocabulary: sourceVocabulary, targetVocabulary: targetVocabulary,
                                        unit: unit, beamWidth: beam)
            let (metrics, examples) = try translator.score(test)
            run.test = metrics
            run.artifacts.examples = examples
        }
        return run
    }

    /// The source side's tokens: its characters (Unicode scalars).
    static func sourceTokens(_ text: String) -> [String] { text.unicodeScalars.map { String($0) } }

    static func metadata(_ c: Seq2SeqConfiguration, _ source: Vocabulary, _ target: Vocabulary, _ unit: TargetUnit,
                         _ beam: Int) -> [String: String] {
        ["task": name, "config": encodeJSON(c), "source_vocabulary": encodeJSON(source.tokens),
         "target_vocabulary": encodeJSON(target.tokens), "target_unit": unit.rawValue, "beam_width": String(beam)]
    }

    /// A saved seq2seq model with its vocabularies, ready to translate.
    public static func load(_ model: Checkpoint) throws -> Translator {
        try Tasks.check(model, is: name)
        let config: Seq2SeqConfiguration = try decodeJSON(model.require("config"), from: model)
        let source = try Vocabulary(tokens: decodeJSON(model.require("source_vocabulary"), from: model))
        let target = try Vocabulary(tokens: decodeJSON(model.require("target_vocabulary"), from: model))
        guard let unit = TargetUnit(rawValue: try model.require("target_unit")),
              let beam = Int(try model.require("beam_width")), (1...Seq2Seq.maximumBeamWidth).contains(beam) else {
            throw CheckpointError("\(model.source): corrupt model metadata (target unit or beam width)")
        }
        guard source.count == config.sourceVocabularySize, target.count == config.targetVocabularySize,
              target.beginningID == config.beginID, target.endID == config.endID else {
            throw CheckpointError("\(model.source): the vocabularies (\(source.count) source, \(target.count) target tokens) do not fit the model")
        }
        let s2s = try Seq2Seq(config)
        try loadParameters(s2s, from: model)
        s2s.isTraining = false
        return Translator(model: s2s, sourceVocabulary: source, targetVocabulary: target, unit: unit, beamWidth: beam)
    }

    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        try load(checkpoint).score(TextPair.read(test)).metrics
    }

    /// Gradients through time (the decoder's) over the first 32 pairs of a file.
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let t = try load(checkpoint)
        let pairs = try TextPair.read(data).prefix(32)
        let encoded = try pairs.map { (try t.sourceVocabulary.encode(sourceTokens($0.source)), try t.targetVocabulary.encode(t.unit.split($0.target))) }
            .filter { !$0.0.isEmpty }
        guard !encoded.isEmpty else { throw DataError(file: data.lastPathComponent, "no pairs with a non-empty source") }
        let c = t.model.configuration
        let b = try Seq2SeqBatch(sources: encoded.map(\.0), targets: encoded.map(\.1), beginID: c.beginID, endID: c.endID)
        return try recordGradients(t.model) { _ = try $0.trainStep(b) }
    }

    /// One source per line → its decoded target (an empty line gives an empty output).
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        try load(checkpoint).translate(inputs)
    }
}

/// A trained ``Seq2Seq`` with its vocabularies: text in, text out.
public struct Translator {
    /// The trained model.
    public let model: Seq2Seq
    /// The vocabulary of source tokens.
    public let sourceVocabulary: Vocabulary
    /// The vocabulary of target tokens.
    public let targetVocabulary: Vocabulary
    /// Whether targets are space-separated tokens or characters (how outputs are split and joined).
    public let unit: TargetUnit
    /// 1: greedy decoding; more: beam search.
    public var beamWidth: Int

    /// A translator of `model` with its vocabularies, decoding with `beamWidth` (1: greedy).
    public init(model: Seq2Seq, sourceVocabulary: Vocabulary, targetVocabulary: Vocabulary, unit: TargetUnit, beamWidth: Int) {
        self.model = model
        self.sourceVocabulary = sourceVocabulary
        self.targetVocabulary = targetVocabulary
        self.unit = unit
        self.beamWidth = beamWidth
    }

    /// The decoded token sequence of each source text (unknown characters as `<unk>`).
    public func translateTokens(_ sources: [String]) throws -> [[String]] {
        let ids = try sources.map { try sourceVocabulary.encode(Seq2SeqTask.sourceTokens($0)) }
        let nonEmpty = ids.indices.filter { !ids[$0].isEmpty }
        let decoded = try model.translate(nonEmpty.map { ids[$0] }, width: beamWidth)
        var out = [[String]](repeating: [], count: sources.count)
        for (i, d) in zip(nonEmpty, decoded) { out[i] = targetVocabulary.decode(d) }
        return out
    }

    /// The decoded text of each source text.
    public func translate(_ sources: [String]) throws -> [String] {
        try translateTokens(sources).map(unit.join)
    }

    /// `exact_match` and `token_error_rate` against the pairs' targets, and the first 10
    /// (source, reference, prediction) examples.
    public func score(_ pairs: [TextPair]) throws -> (metrics: [String: Double], examples: [(source: String, reference: String, prediction: String)]) {
        let hypotheses = try translateTokens(pairs.map(\.source))
        var scores = SequenceScores()
        for (pair, hyp) in zip(pairs, hypotheses) { scores.add(hyp, unit.split(pair.target)) }
        let examples = zip(pairs, hypotheses).prefix(10).map { (source: $0.source, reference: $0.target, prediction: unit.join($1)) }
        return (["exact_match": scores.exactMatch, "token_error_rate": scores.tokenErrorRate], examples)
    }
}
