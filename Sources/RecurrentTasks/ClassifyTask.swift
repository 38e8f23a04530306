import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// `rnn train classify`: many-to-one classification of labelled numeric series (`.csv`, long
/// format `id,label,t,c1,…,cK`) or of labelled text (`.tsv` with `label` and `text` columns).
/// The kind is chosen from the training file's extension. Test metric: `accuracy`.
///
/// Defaults: the reference architectures plus a held-out validation split, early stopping
/// with the best parameters kept, and label smoothing 0.1:
/// - series: per-channel z-scores (train statistics) → LSTM 64 → last state → Linear;
///   Gaussian input noise σ = 0.2 (in z units) while training; Adam 1e-3, batch 32; 15 % of
///   each class held out, monitored by validation loss, patience 40 epochs; then trained again
///   on every series (validation included) for the best number of epochs;
/// - text: lower-cased words (``SimpleWordTokenizer``), vocabulary of words seen twice →
///   Embedding 100 → BiLSTM 128 → **max over time** (the reference reads the final states;
///   `--pooling last` restores that) → Linear; dropout 0.25 on the embeddings and the pooled
///   vector, Adam 2e-3, batch 32 (bucketed by length); 10 % held out, evaluated twice per
///   epoch, monitored by accuracy (ties: loss), patience 8 evaluations.
///
/// Both stop at a 120-second training budget if early stopping has not stopped them before;
/// `--resume` continues the first (validated) phase.
public enum ClassifyTask: RNNTask {
    public static let name = "classify"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.pooling, .embedding]

    /// What a classify file holds.
    public enum Kind: String, Codable, Sendable {
        case series, text
    }

    /// The kind of a classify file, from its extension; other extensions are an error naming the file.
    public static func kind(of url: URL) throws -> Kind {
        switch url.pathExtension.lowercased() {
        case "csv": return .series
        case "tsv": return .text
        case let ext:
            throw DataError(file: url.lastPathComponent,
                "classify reads labelled series (.csv: id,label,t,c1,…) or labelled text (.tsv: label<TAB>text), not "
                + (ext.isEmpty ? "a file without an extension" : "a .\(ext) file"))
        }
    }

    static func configuration(_ o: TaskOptions, _ data: ClassifyData) throws -> SequenceClassifierConfiguration {
        var c: SequenceClassifierConfiguration
        switch data.kind {
        case .series:
            c = SequenceClassifierConfiguration(classes: data.labels.count, featureCount: data.featureNames.count)
            o.setArchitecture(of: &c, hidden: 64)
            c.bidirectional = o.bidirectional ?? false
            c.inputNoise = 0.2
        case .text:
            c = SequenceClassifierConfiguration(classes: data.labels.count, vocabularySize: data.vocabulary!.count)
            o.setArchitecture(of: &c, embedding: 100, hidden: 128, dropout: 0.25)
            c.bidirectional = o.bidirectional ?? true
            c.embeddingDropout = c.dropout
            c.pooling = .max
        }
        c.labelSmoothing = 0.1
        if let p = try o.parsedPooling() { c.pooling = p }
        return c
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let data = try ClassifyData(training: o.train)
        let test = try o.test.map { try data.encode($0) }
        let series = data.kind == .series

        let (trainIDs, validIDs) = stratifiedSplit(labels: data.examples.labels, fraction: o.validationFraction ?? (series ? 0.15 : 0.1))
        guard !trainIDs.isEmpty else { throw DataError(file: o.train.lastPathComponent, "too few examples to train on") }
        let validation = try ExampleBatches<ClassificationBatch>.sequential(validIDs.count, batchSize: 256) {
            try data.examples.batch($0.map { validIDs[$0] })
        }
        let config = try configuration(o, data)
        var options = o.trainingOptions(defaultBudget: 120, defaultClip: 5)
        options.earlyStoppingPatience = o.patience ?? (series ? 40 : 8)
        // Series: the validation set is tiny, its loss is the finer signal. Text: accuracy first.
        options.monitor = series ? "loss" : "score"
        options.monitorMaximizes = !series
        let batchSize = o.batch ?? 32

        func fit(_ ids: [Int], options: TrainingOptions, validation: [ClassificationBatch]) throws -> (SequenceClassifier, Trainer<SequenceClassifier>) {
            let sampler = BatchSampler(count: ids.count, batchSize: min(batchSize, ids.count), seed: o.seed,
                                       bucketingBy: series ? nil : ids.map { data.examples.length($0) })
            let batches = ExampleBatches(sampler: sampler) { try data.examples.batch($0.map { ids[$0] }) }
            let model = try SequenceClassifier(config, seed: o.seed)
            let optimizer = try o.makeOptimizer(model.parameters, learningRate: series ? 1e-3 : 2e-3)
            var options = options
            if options.evaluateEvery == nil && !series { options.evaluateEvery = max(1, batches.batchesPerEpoch / 2) }
            let trainer = try Self.fit(model, optimizer: optimizer, options: options, metadata: data.metadata(config),
                                       resume: o.resume, progress: progress, on: batches, validation: validation)
            return (model, trainer)
        }
        var (model, trainer) = try fit(trainIDs, options: options, validation: validation)
        let history = trainer.history
        var seconds = trainer.state.elapsed, steps = trainer.state.step
        // Series sets are small: train again on every example (validation included) for as
        // many epochs as the best validation score took.
        if series, !validIDs.isEmpty, o.resume == nil, let bestStep = trainer.state.bestStep {
            let again = options.refit(bestStep: bestStep, batchesPerEpoch: (trainIDs.count + batchSize - 1) / batchSize,
                                      spent: seconds, minimumBudget: 1)
            (model, trainer) = try fit(Array(data.examples.labels.indices), options: again, validation: [])
            seconds += trainer.state.elapsed
            steps += trainer.state.step
        }

        var run = TaskRun(task: name, seconds: seconds, epochs: trainer.state.epoch, steps: steps, test: [:], history: history)
        if let test {
            let (metrics, confusion) = try evaluate(model, test)
            run.test = metrics
            run.artifacts.confusionLabels = data.labels
            run.artifacts.confusion = confusion
        }
        return run
    }

    /// Test metrics ("accuracy", "loss") and the confusion matrix counts[actual][predicted].
    static func evaluate(_ model: SequenceClassifier, _ test: LabelledExamples) throws -> ([String: Double], [[Int]]) {
        model.isTraining = false
        let batches = try ExampleBatches<ClassificationBatch>.sequential(test.count, batchSize: 256) { try test.batch($0) }
        var metrics = try model.evaluate(batches)
        metrics["score"] = nil
        metrics["examples"] = Double(test.count)
        let k = model.configuration.classes
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for b in batches {
            for (p, y) in zip(try model.predict(b.input), b.labels) { confusion[Int(y)][p] += 1 }
        }
        return (metrics, confusion)
    }

    /// The model and its data description from a saved classify model.
    public static func load(_ checkpoint: Checkpoint) throws -> (SequenceClassifier, ClassifyData) {
        try Tasks.check(checkpoint, is: name)
        let config: SequenceClassifierConfiguration = try decodeJSON(checkpoint.require("config"), from: checkpoint)
        let data = try ClassifyData(checkpoint: checkpoint)
        guard data.labels.count == config.classes, data.vocabulary?.count == config.vocabularySize else {
            throw CheckpointError("\(checkpoint.source): the labels or vocabulary do not match the model's configuration")
        }
        let model = try SequenceClassifier(config)
        try loadParameters(model, from: checkpoint)
        model.isTraining = false
        return (model, data)
    }

    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let (model, data) = try load(checkpoint)
        return try evaluate(model, data.encode(test)).0
    }

    /// Gradients through time over the first 32 examples of a labelled file.
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let (model, d) = try load(checkpoint)
        let examples = try d.encode(data)
        guard let batch = try ExampleBatches<ClassificationBatch>.sequential(examples.count, batchSize: 32, make: { try examples.batch($0) }).first else {
            throw DataError(file: data.lastPathComponent, "no examples")
        }
        return try recordGradients(model) { _ = try $0.trainStep(batch) }
    }

    /// Text models: one sentence per input line → its label. Series models: the lines of a
    /// long-format CSV file with its header (`id,t,c1,…`; a `label` column is optional and
    /// ignored) → one `id<TAB>label` line per series, in file order.
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let (model, data) = try load(checkpoint)
        switch data.kind {
        case .text:
            guard !inputs.isEmpty else { return [] }
            let examples = LabelledExamples(tokens: inputs.map { data.encodeText($0) }, labels: inputs.map { _ in 0 })
            return try ExampleBatches<ClassificationBatch>.sequential(examples.count, batchSize: 256) { try examples.batch($0) }
                .flatMap { try model.predict($0.input).map { data.labels[$0] } }
        case .series:
            let series = try data.parseUnlabelledSeries(inputs.joined(separator: "\n"), file: DataError.predictionInput)
            let examples = LabelledExamples(features: series.map { data.standardize($0) }, featureCount: data.featureNames.count,
                                            labels: series.map { _ in 0 })
            let predictions = try ExampleBatches<ClassificationBatch>.sequential(examples.count, batchSize: 256) { try examples.batch($0) }
                .flatMap { try model.predict($0.input) }
            return zip(series, predictions).map { "\($0.id)\t\(data.labels[$1])" }
        }
    }
}

extension TaskOptions {
    /// ``pooling`` parsed; an unknown name is an error listing the choices.
    func parsedPooling() throws -> SequencePooling? {
        guard let p = pooling else { return nil }
        guard let pooling = SequencePooling(rawValue: p.lowercased()) else {
            throw TrainingError("unknown pooling '\(p)' (\(SequencePooling.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return pooling
    }
}

/// Loads a checkpoint's parameters into a model; errors name the file.
func loadParameters<M: Module>(_ model: M, from checkpoint: Checkpoint) throws where M.Scalar == Float {
    do { try model.load(stateDict: checkpoint.stateDict) } catch {
        throw CheckpointError("\(checkpoint.source): the parameters do not fit the model (\(error))")
    }
}
