import Foundation
import RealModule
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// `rnn train generate`: label-conditioned character-level text generation (one-to-many) from
/// a labelled-text TSV (`label` and `text` columns, e.g. the movie-sentiment files).
///
/// The label, one-hot, initialises the decoder's state (``ConditionedGenerator``); the decoder
/// then writes the text character by character, between two newlines (a TSV field never holds
/// one, so the newline marks both the start and the end). Test metric: `bpc`, the mean bits per
/// symbol of the test texts given their labels, each text's closing newline counted as one
/// symbol. Defaults: Embedding 32 → LSTM 256 → Linear, Adam 2e-3, batch 32, clip 5, 5 % held
/// out for early stopping (patience 6 evaluations, four per epoch), a 120-second budget.
public enum GenerateTask: RNNTask {
    public static let name = "generate"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.embedding]
    /// Starts and ends every text.
    static let boundary: Unicode.Scalar = "\n"

    static func configuration(_ o: TaskOptions, vocabularySize: Int, classes: Int) -> ConditionedGeneratorConfiguration {
        var c = ConditionedGeneratorConfiguration(vocabularySize: vocabularySize, conditionSize: classes)
        o.setArchitecture(of: &c, embedding: 32, hidden: 256)
        return c
    }

    /// Labels and texts of a file, encoded; unseen labels are an error naming the line.
    struct Encoded {
        var labels: [Int]
        var texts: [[Int32]]
    }

    static func encode(_ url: URL, labels: [String], vocabulary v: CharacterVocabulary) throws -> Encoded {
        let rows = try LabelledText.read(url)
        let ids = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var out = Encoded(labels: [], texts: [])
        for r in rows {
            guard let id = ids[r.label] else {
                let file = url.lastPathComponent
                let table = try Table.tsv(TextFile.read(url), file: file)
                let column = try table.requiredColumn("label")
                throw DataError(file: file, line: table.rows.first { table.field($0, column) == r.label }?.line,
                    "label '\(r.label)' does not occur in the training data (its labels: \(labels.joined(separator: ", ")))")
            }
            out.labels.append(id)
            out.texts.append(try v.encode(r.text))
        }
        return out
    }

    static func oneHot(_ label: Int, _ classes: Int) -> [Float] {
        (0..<classes).map { $0 == label ? 1 : 0 }
    }

    static func batch(_ data: Encoded, _ ids: [Int], classes: Int, boundary: Int32) throws -> GenerationBatch {
        try GenerationBatch(conditions: ids.map { oneHot(data.labels[$0], classes) }, sequences: ids.map { data.texts[$0] },
                        start: boundary, end: boundary)
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let file = o.train.lastPathComponent
        let rows = try LabelledText.read(o.train)
        let labels = ClassifyData.sortedLabels(rows.map(\.label))
        let vocab = CharacterVocabulary(training: rows.flatMap { Array($0.text.unicodeScalars) } + [boundary], addUnknown: true)
        let data = try encode(o.train, labels: labels, vocabulary: vocab)
        let test = try o.test.map { try encode($0, labels: labels, vocabulary: vocab) }
        let end = vocab.id(of: boundary)!

        let (trainIDs, validIDs) = stratifiedSplit(labels: data.labels.map(Int32.init), fraction: o.validationFraction ?? 0.05)
        guard !trainIDs.isEmpty else { throw DataError(file: file, "too few texts to train on") }
        let batchSize = min(o.batch ?? 32, trainIDs.count)
        let sampler = BatchSampler(count: trainIDs.count, batchSize: batchSize, seed: o.seed,
                                   bucketingBy: trainIDs.map { data.texts[$0].count })
        let batches = ExampleBatches(sampler: sampler) { try batch(data, $0.map { trainIDs[$0] }, classes: labels.count, boundary: end) }
        let validation = try ExampleBatches<GenerationBatch>.sequential(validIDs.count, batchSize: 128) {
            try batch(data, $0.map { validIDs[$0] }, classes: labels.count, boundary: end)
        }

        let config = configuration(o, vocabularySize: vocab.count, classes: labels.count)
        let model = try ConditionedGenerator(config, seed: o.seed)
        let optimizer = try o.makeOptimizer(model.parameters, learningRate: 2e-3)
        var options = o.trainingOptions(defaultBudget: 120, defaultClip: 5)
        options.evaluateEvery = max(1, batches.batchesPerEpoch / 4)
        options.earlyStoppingPatience = o.patience ?? 6
        let metadata = ["task": name, "config": encodeJSON(config), "labels": encodeJSON(labels),
                        "vocabulary": encodeJSON(vocab.tokens)]
        let trainer = try fit(model, optimizer: optimizer, options: options, metadata: metadata,
                              resume: o.resume, progress: progress, on: batches, validation: validation)

        var run = TaskRun(task: name, trainer: trainer)
        if let test { run.test = try bitsPerCharacter(model, test, classes: labels.count, boundary: end) }
        var rng = RandomGenerator(seed: o.seed)
        run.artifacts.samples = try labels.map { label in
            let ids = try model.sample(condition: oneHot(labels.firstIndex(of: label)!, labels.count), start: end, end: end,
                                       maxLength: 300, temperature: 0.8, excluding: vocab.unknownID, using: &rng)
            return "\(label)\t\(vocab.decode(ids))"
        }
        return run
    }

    static func bitsPerCharacter(_ model: ConditionedGenerator, _ data: Encoded, classes: Int, boundary: Int32) throws -> [String: Double] {
        let batches = try ExampleBatches<GenerationBatch>.sequential(data.texts.count, batchSize: 128) {
            try batch(data, $0, classes: classes, boundary: boundary)
        }
        return try model.evaluate(batches)
    }

    /// The model, labels and vocabulary of a saved generate model.
    public static func load(_ checkpoint: Checkpoint) throws -> (ConditionedGenerator, [String], CharacterVocabulary) {
        try Tasks.check(checkpoint, is: name)
        let config: ConditionedGeneratorConfiguration = try decodeJSON(checkpoint.require("config"), from: checkpoint)
        let labels: [String] = try decodeJSON(checkpoint.require("labels"), from: checkpoint)
        let vocab: CharacterVocabulary
        do { vocab = try CharacterVocabulary(tokens: decodeJSON(checkpoint.require("vocabulary"), from: checkpoint)) } catch let e as DataError {
            throw CheckpointError("\(checkpoint.source): \(e)")
        }
        guard vocab.count == config.vocabularySize, labels.count == config.conditionSize, vocab.id(of: boundary) != nil else {
            throw CheckpointError("\(checkpoint.source): the labels or vocabulary do not match the model's configuration")
        }
        let model = try ConditionedGenerator(config)
        try loadParameters(model, from: checkpoint)
        model.isTraining = false
        return (model, labels, vocab)
    }

    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let (model, labels, vocab) = try load(checkpoint)
        return try bitsPerCharacter(model, encode(test, labels: labels, vocabulary: vocab), classes: labels.count,
                                    boundary: vocab.id(of: boundary)!)
    }

    /// Gradients through time over the first 32 labelled texts of a file.
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let (model, labels, vocab) = try load(checkpoint)
        let encoded = try encode(data, labels: labels, vocabulary: vocab)
        guard !encoded.texts.isEmpty else { throw DataError(file: data.lastPathComponent, "no texts") }
        let b = try batch(encoded, Array(0..<min(32, encoded.texts.count)), classes: labels.count, boundary: vocab.id(of: boundary)!)
        return try recordGradients(model) { _ = try $0.trainStep(b) }
    }

    /// One label per input line → a text sampled for it (temperature 0.8, at most 300
    /// characters; the n-th line uses seed n, so the output is reproducible).
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let (model, labels, vocab) = try load(checkpoint)
        let end = vocab.id(of: boundary)!
        return try inputs.enumerated().map { i, line in
            let label = line.trimmingCharacters(in: .whitespaces)
            guard let id = labels.firstIndex(of: label) else {
                throw DataError(file: DataError.predictionInput, line: i + 1, "unknown label '\(label)' (the model's labels: \(labels.joined(separator: ", ")))")
            }
            var rng = RandomGenerator(seed: UInt64(i))
            return vocab.decode(try model.sample(condition: oneHot(id, labels.count), start: end, end: end, maxLength: 300,
                                                 temperature: 0.8, excluding: vocab.unknownID, using: &rng))
        }
    }
}
