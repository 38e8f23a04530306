import Foundation
import RealModule
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// `rnn train charlm`: a character-level language model on a plain-text corpus
/// (many-to-many, stateful truncated BPTT). Test metric: bits per character over the whole
/// test text as one stream, the state carried from a zero start.
public enum CharLMTask: RNNTask {
    public static let name = "charlm"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.bptt, .anneal, .embedding]

    /// Defaults: the reference architecture (Emb 64 → LSTM 256 × 2 → Linear), sequence 100,
    /// batch 32, Adam 2e-3, clip 5, a 240-second budget; 3 % of the training text held out to
    /// choose the parameters kept, among them a moving average of the parameters over about the
    /// last twentieth of the run (``ParameterAverage``, decay capped at 0.999), which scores
    /// ≈ 0.04 bpc better than the last step's.
    static func configuration(_ o: TaskOptions, vocabularySize: Int) -> LanguageModelConfiguration {
        var c = LanguageModelConfiguration(vocabularySize: vocabularySize)
        o.setArchitecture(of: &c, embedding: 64, hidden: 256, layers: 2)
        return c
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let corpus = try TextCorpus(contentsOf: o.train)
        guard corpus.scalars.count >= 2 else { throw DataError(file: o.train.lastPathComponent, line: nil, "too little text to train on") }
        let test = try o.test.map { try TextCorpus(contentsOf: $0) }
        let vocab = CharacterVocabulary(training: corpus.scalars, addUnknown: true)
        let ids = try vocab.encode(corpus)

        // Hold out the end of the training text to choose the best parameters.
        let fraction = o.validationFraction ?? 0.03
        let heldOut = ids.count >= 2000 ? Int(Double(ids.count) * fraction) : 0
        let trainIDs = Array(ids[..<(ids.count - heldOut)])
        let batch = min(o.batch ?? 32, max(1, trainIDs.count / 4))
        let bptt = o.bptt ?? 100
        let chunks = try batchify(trainIDs, batchSize: batch).chunks(bptt: bptt)
        let validation = heldOut >= 200 ? Array(try batchify(Array(ids.suffix(heldOut)), batchSize: 4).chunks(bptt: 500)) : []

        let config = configuration(o, vocabularySize: vocab.count)
        let model = try LanguageModel(config, seed: o.seed)
        let learningRate = 2e-3
        let optimizer = try o.makeOptimizer(model.parameters, learningRate: learningRate)
        var options = o.trainingOptions(defaultBudget: 240, defaultClip: 5, defaultAverageDecay: 0.999)
        options.annealing = try o.annealing(defaultRate: learningRate, byDefault: false)
        options.evaluateEvery = max(50, chunks.count / 2)
        options.earlyStoppingPatience = o.patience
        let trainer = try fit(model, optimizer: optimizer, options: options, metadata: metadata(config, vocab),
                              resume: o.resume, progress: progress, on: chunks, validation: validation)

        var run = TaskRun(task: name, trainer: trainer)
        if let test { run.test = try bitsPerCharacter(model, vocab.encode(test)) }
        var rng = RandomGenerator(seed: o.seed)
        run.artifacts.samples = [vocab.decode(try model.sample(prime: vocab.encode("\n"), length: 300, temperature: 0.8,
                                                                  excluding: vocab.unknownID, using: &rng))]
        return run
    }

    static func metadata(_ c: LanguageModelConfiguration, _ v: CharacterVocabulary) -> [String: String] {
        ["task": name, "config": encodeJSON(c), "vocabulary": encodeJSON(v.tokens)]
    }

    /// The model and vocabulary of a saved charlm model.
    public static func load(_ model: Checkpoint) throws -> (LanguageModel, CharacterVocabulary) {
        try Tasks.check(model, is: name)
        let config: LanguageModelConfiguration = try decodeJSON(model.require("config"), from: model)
        let vocab = try CharacterVocabulary(tokens: decodeJSON(model.require("vocabulary"), from: model))
        guard vocab.count == config.vocabularySize else {
            throw CheckpointError("\(model.source): vocabulary has \(vocab.count) entries, the model \(config.vocabularySize)")
        }
        let lm = try LanguageModel(config)
        try lm.load(stateDict: model.stateDict)
        lm.isTraining = false
        return (lm, vocab)
    }

    /// Mean bits per character predicting characters 2…N of `ids` from their prefix, as one
    /// stream (batch 1), in chunks of 1000 with the state carried.
    public static func bitsPerCharacter(_ model: LanguageModel, _ ids: [Int32]) throws -> [String: Double] {
        guard ids.count >= 2 else { return ["bpc": .nan] }
        let streams = TokenStreams(ids: ids, steps: ids.count, batchSize: 1)
        let m = try model.evaluate(Array(streams.chunks(bptt: 1000)))
        return ["bpc": m["bpc"]!, "loss": m["loss"]!]
    }

    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let (model, vocab) = try load(checkpoint)
        return try bitsPerCharacter(model, vocab.encode(TextCorpus(contentsOf: test)))
    }

    /// Gradients through time over the first 100 characters of 8 streams of the text.
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let (model, vocab) = try load(checkpoint)
        let ids = try vocab.encode(TextCorpus(contentsOf: data))
        let streams = try batchify(ids, batchSize: max(1, min(8, ids.count / 101)))
        let chunk = streams.chunks(bptt: 100)[0]
        return try recordGradients(model) { _ = try $0.trainStep(chunk) }
    }

    /// The greedy (most likely) 80-character continuation of each line.
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let (model, vocab) = try load(checkpoint)
        var rng = RandomGenerator(seed: 0)
        return try inputs.map { line in
            let prime = try vocab.encode(line.isEmpty ? "\n" : line)
            return vocab.decode(try model.sample(prime: prime, length: 80, temperature: 1, topK: 1,
                                                      excluding: vocab.unknownID, using: &rng))
        }
    }
}

/// JSON text of a Codable value (for checkpoint metadata).
func encodeJSON<T: Encodable>(_ value: T) -> String {
    let e = JSONEncoder()
    e.outputFormatting = .sortedKeys
    return String(decoding: (try? e.encode(value)) ?? Data(), as: UTF8.self)
}

/// Decodes checkpoint metadata JSON; errors name the file.
func decodeJSON<T: Decodable>(_ text: String, from model: Checkpoint) throws -> T {
    do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
        throw CheckpointError("\(model.source): corrupt model metadata (\(T.self))")
    }
}
