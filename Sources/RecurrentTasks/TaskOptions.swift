import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// The options every `rnn train <task>` shares. `nil` means "the task's default", so the
/// defaults of each task live in one place (its `defaults`), and a bare
/// `rnn train tag --train a.conll --test b.conll` just works.
public struct TaskOptions: Sendable {
    /// The training data file (`--train`), in the task's format.
    public var train: URL
    /// The test data file (`--test`) scored after training; nil: no test metrics.
    public var test: URL?
    /// Where the trained model is written (also the resumable checkpoint).
    public var out: URL?
    /// The recurrent cell (`--cell`); nil: the task's default.
    public var cell: CellKind?
    /// Hidden units per layer (`--hidden`); nil: the task's default.
    public var hidden: Int?
    /// Stacked recurrent layers (`--layers`); nil: the task's default.
    public var layers: Int?
    /// Whether the encoder is bidirectional (`--bidirectional`); nil: the task's default.
    public var bidirectional: Bool?
    /// Dropout probability (`--dropout`); nil: the task's default.
    public var dropout: Double?
    /// Embedding size for token inputs (`--embedding`); nil: the task's default.
    public var embedding: Int?
    /// The optimizer's name (`--optimizer`: sgd, adam, adamw, rmsprop, adagrad); nil: the task's default.
    public var optimizer: String?
    /// The learning rate (`--learning-rate`); nil: the task's default.
    public var learningRate: Double?
    /// The global gradient-norm clipping threshold (`--clip-norm`); nil: the task's default.
    public var clipNorm: Double?
    /// Sequences per global batch (`--batch`); nil: the task's default.
    public var batch: Int?
    /// Steps per truncated-BPTT chunk of a language model (`--bptt`); nil: the task's default.
    public var bptt: Int?
    /// Stop after this many epochs (`--epochs`); nil: the task's default.
    public var epochs: Int?
    /// Seconds of training (evaluation not counted).
    public var timeBudget: Double?
    /// Seeds initialisation, shuffling and dropout (`--seed`, default 0).
    public var seed: UInt64 = 0
    /// A model or checkpoint file to continue training from exactly (`--resume`); nil: a new run.
    public var resume: URL?
    /// Evaluate on a held-out part of the training data and stop after this many
    /// evaluations without improvement.
    public var patience: Int?
    /// Fraction of the training data held out for validation.
    public var validationFraction: Double?
    /// Forecast: input window length and forecast horizon.
    public var window: Int?
    /// Forecast: steps predicted at once (`--horizon`); nil: the task's default.
    public var horizon: Int?
    /// Many-to-one read-out (classify, forecast): "last", "mean" or "max".
    public var pooling: String?
    /// Seq2seq: "none", "dot" or "general" (Luong attention); beam width for decoding.
    public var attention: String?
    /// Seq2seq: the beam width for decoding test sources (`--beam`); nil: greedy.
    public var beamWidth: Int?
    /// Cosine-anneal the learning rate over the run (nil: the task's default).
    public var anneal: Bool?
    /// Decay of the exponential moving average of the parameters that every evaluation also
    /// scores (see ``ParameterAverage``); 0 turns it off, nil takes the task's default.
    public var averageDecay: Double?
    /// Record gradient-through-time snapshots every this many steps (for reports).
    public var gradientSnapshotEvery: Int?

    /// Options for training on `train`, every other setting the task's default.
    public init(train: URL) { self.train = train }
}

/// What a finished `rnn train` run reports.
public struct TaskRun: Sendable {
    /// The task's name (`charlm`, `classify`, …).
    public var task: String
    /// Training seconds (evaluation not counted).
    public var seconds: Double
    /// Epochs run.
    public var epochs: Int
    /// Optimizer steps taken.
    public var steps: Int
    /// Test-split metrics (empty without a test file).
    public var test: [String: Double]
    /// Settings the task chose from the training data (forecast: `window`, `log`,
    /// `difference`, `period`), kept apart from the test metrics.
    public var chosen: [String: Double] = [:]
    /// Every step and evaluation of the run.
    public var history: TrainingHistory
    /// Task-specific material for the report (samples, confusion matrix, forecast, …).
    public var artifacts: TaskArtifacts

    /// A finished run's summary.
    public init(task: String, seconds: Double, epochs: Int, steps: Int, test: [String: Double],
                history: TrainingHistory, artifacts: TaskArtifacts = TaskArtifacts()) {
        self.task = task
        self.seconds = seconds
        self.epochs = epochs
        self.steps = steps
        self.test = test
        self.history = history
        self.artifacts = artifacts
    }
}

/// Task-specific material for reports (each task fills what applies).
public struct TaskArtifacts: Sendable {
    /// Generated text (charlm, generate).
    public var samples: [String] = []
    /// Class labels and counts[actual][predicted] (classify).
    public var confusionLabels: [String] = []
    /// counts[actual][predicted] over the test set, in the order of `confusionLabels` (classify).
    public var confusion: [[Int]] = []
    /// Forecast against actuals on the test period (forecast).
    public var actual: [Double] = []
    /// The forecast values for the test period, aligned with `actual` (forecast).
    public var forecast: [Double] = []
    /// Per-tag accuracy (tag).
    public var perTagAccuracy: [(tag: String, accuracy: Double, count: Int)] = []
    /// (source, reference, prediction) examples (seq2seq).
    public var examples: [(source: String, reference: String, prediction: String)] = []
    /// Empty artifacts (a task fills what applies).
    public init() {}
}

/// A task of the `rnn` tool: train on real files, evaluate, predict.
public protocol RNNTask {
    /// The name on the command line ("charlm", "classify", …).
    static var name: String { get }
    /// The options that only some tasks read (``Tasks/taskSpecificOptions``) that this one
    /// reads; the others it would ignore, so ``Tasks/checkOptions(_:for:)`` refuses them.
    /// The options every task reads are not listed.
    static var taskSpecificOptions: Set<TaskOption> { get }
    /// Trains with `options` (nil options take the task's defaults), evaluates on the test
    /// file if given, and writes the model to `options.out` if given.
    static func train(_ options: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun
    /// Test metrics of a saved model on a file of the task's format.
    static func evaluate(_ model: Checkpoint, test: URL) throws -> [String: Double]
    /// One prediction per input line. Errors in a line are `DataError`s in the file
    /// `DataError.predictionInput`, with the line's number.
    static func predict(_ model: Checkpoint, inputs: [String]) throws -> [String]
    /// Backpropagates the loss of the first batch of `data` through a saved model and returns
    /// what BPTT did at each time step of every recurrent layer (`rnn gradients MODEL --data FILE`).
    static func gradientsThroughTime(_ model: Checkpoint, data: URL) throws -> [GradientThroughTime]
}

extension RNNTask {
    /// Runs `step` (one training step of `model` on one batch) with gradient recording on.
    public static func recordGradients<M: TrainableModel>(_ model: M, _ step: (M) throws -> Void) throws -> [GradientThroughTime] {
        guard let probe = model.gradientProbe else { throw TrainingError("the \(name) model has no recurrent layer to measure") }
        model.isTraining = false  // no dropout: measure the model as it predicts
        probe.recordsGradientsThroughTime = true
        defer { probe.recordsGradientsThroughTime = false }
        try step(model)
        return probe.gradientsThroughTime
    }
}

/// The tasks by name.
public enum Tasks {
    /// Every task type: charlm, classify, forecast, generate, tag and seq2seq.
    public static var all: [any RNNTask.Type] {
        [CharLMTask.self, ClassifyTask.self, ForecastTask.self, GenerateTask.self, TagTask.self, Seq2SeqTask.self]
    }

    /// The task type called `name`, or nil when there is none.
    public static func named(_ name: String) -> (any RNNTask.Type)? { all.first { $0.name == name } }

    /// The task a model file was trained for; errors name the file.
    public static func task(of model: Checkpoint) throws -> any RNNTask.Type {
        let name = try model.require("task")
        guard let t = named(name) else { throw CheckpointError("\(model.source): unknown task '\(name)'") }
        return t
    }

    /// Throws unless `model` was trained for `task`.
    public static func check(_ model: Checkpoint, is task: String) throws {
        let name = try model.require("task")
        guard name == task else {
            throw CheckpointError("\(model.source): a model trained for '\(name)', not '\(task)'")
        }
    }
}

extension TaskOptions {
    /// The optimizer named by `optimizer` (default `fallback`) over `parameters`.
    public func makeOptimizer(_ parameters: [Parameter<Float>], default fallback: String = "adam",
                              learningRate defaultRate: Double) throws -> any Optimizer<Float> {
        let lr = learningRate ?? defaultRate
        switch (optimizer ?? fallback).lowercased() {
        case "adam": return try Adam(parameters, learningRate: lr)
        case "adamw": return try Adam.adamW(parameters, learningRate: lr)
        case "sgd": return try SGD(parameters, learningRate: lr, momentum: 0.9)
        case "rmsprop": return try RMSprop(parameters, learningRate: lr)
        case "adagrad": return try Adagrad(parameters, learningRate: lr)
        case let other: throw TrainingError("unknown optimizer '\(other)' (adam, adamw, sgd, rmsprop, adagrad)")
        }
    }

    /// Cosine annealing of `learningRate ?? defaultRate` over the run, when `anneal` (or the
    /// task's default, `byDefault`) asks for it.
    public func annealing(defaultRate: Double, byDefault: Bool) throws -> RunAnnealing? {
        guard anneal ?? byDefault else { return nil }
        return try RunAnnealing(baseLearningRate: learningRate ?? defaultRate)
    }

    /// Training options: epochs/time budget from the command line, else the task's default
    /// budget; clipping; parameter averaging; checkpoint path.
    public func trainingOptions(defaultBudget: Double, defaultClip: Double?, defaultAverageDecay: Double? = nil) -> TrainingOptions {
        var o = TrainingOptions()
        o.averageDecay = (averageDecay ?? defaultAverageDecay).flatMap { $0 > 0 ? $0 : nil }
        o.epochs = epochs
        o.timeBudget = timeBudget ?? (epochs == nil ? defaultBudget : nil)
        o.clipNorm = clipNorm ?? defaultClip
        o.checkpoint = out
        o.gradientSnapshotEvery = gradientSnapshotEvery
        return o
    }
    /// Training options (see ``trainingOptions(defaultBudget:defaultClip:defaultAverageDecay:)``)
    /// that keep the parameters of the best evaluation of `monitor` (higher is better), stop
    /// after ``patience`` (default `defaultPatience`) evaluations without improvement, and
    /// halve the learning rate, from `learningRate`, after each evaluation without improvement.
    func trainingOptions(defaultBudget: Double, defaultClip: Double?, maximizing monitor: String, defaultPatience: Int,
                         halvingFrom learningRate: Double) throws -> TrainingOptions {
        var o = trainingOptions(defaultBudget: defaultBudget, defaultClip: defaultClip)
        o.monitor = monitor
        o.monitorMaximizes = true
        o.earlyStoppingPatience = patience ?? defaultPatience
        o.plateau = try ReduceOnPlateau(learningRate: learningRate, factor: 0.5, patience: 1, threshold: 0)
        return o
    }
}
