import ArgumentParser
import Foundation
import Recurrent

/// The options every `rnn train <task>` takes; unset ones take the task's defaults.
struct TrainOptions: ParsableArguments {
    @Option(help: "Training file (the task's format).") var train: String
    @Option(help: "Test file: evaluated once at the end.") var test: String?
    @Option(help: "Where to write the trained model (default: <task>.safetensors).") var out: String?
    @Option(help: "Recurrent cell: rnn, rnn-relu, lstm, gru.") var cell: CellKind?
    @Option(help: "Hidden units per layer.") var hidden: Int?
    @Option(help: "Stacked recurrent layers.") var layers: Int?
    @Flag(inversion: .prefixedNo, help: "Bidirectional recurrent layers.") var bidirectional: Bool?
    @Option(help: "Dropout between layers (0…1).") var dropout: Double?
    @Option(help: "Embedding size (text tasks).") var embedding: Int?
    @Option(help: "adam, adamw, sgd, rmsprop, adagrad.") var optimizer: String?
    @Option(help: "Learning rate.") var lr: Double?
    @Option(name: .customLong("clip-norm"), help: "Clip the global gradient norm to this.") var clipNorm: Double?
    @Option(help: "Batch size.") var batch: Int?
    @Option(help: "Truncated-BPTT chunk length (charlm).") var bptt: Int?
    @Option(help: "Epochs (default: the task's time budget).") var epochs: Int?
    @Option(name: .customLong("time-budget"), help: "Seconds of training (evaluation not counted).") var timeBudget: Double?
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Kernel threads.") var threads: Int = 2
    @Option(help: "Continue from a checkpoint written by an earlier run.") var resume: String?
    @Option(help: "Write metrics as JSON to this file.") var metrics: String?
    @Option(help: "Write a self-contained HTML training report (curves, gradient-through-time heatmap, task charts).")
    var report: String?
    @Option(help: "Early stopping: evaluations without improvement before stopping.") var patience: Int?
    @Option(help: "Forecast: input window length.") var window: Int?
    @Option(help: "Forecast: steps ahead.") var horizon: Int?
    @Option(help: "Many-to-one read-out (classify, forecast): last, mean, max.") var pooling: String?
    @Option(help: "Seq2seq attention: none, dot, general.") var attention: String?
    @Option(help: "Seq2seq beam width (default 4; 1 = greedy).") var beam: Int?
    @Flag(inversion: .prefixedNo, help: "Cosine-anneal the learning rate to the end of the run (charlm only; default: off).")
    var anneal: Bool?
    @Option(name: .customLong("validation-fraction"), help: "Fraction of the training data held out for validation and early stopping.")
    var validationFraction: Double?
    @Option(name: .customLong("average"),
            help: "Cap on the decay of a moving average of the parameters (about the last twentieth of the steps until the cap binds) that each evaluation also scores, keeping the better; 0 = off (default: 0.999 for charlm, off elsewhere).")
    var averageDecay: Double?

    func validate() throws {
        if let d = dropout, !(0..<1).contains(d) { throw ValidationError("--dropout must be in [0, 1), got \(d)") }
        for (name, v) in [("hidden", hidden), ("layers", layers), ("batch", batch), ("bptt", bptt), ("epochs", epochs),
                          ("embedding", embedding), ("window", window), ("horizon", horizon), ("beam", beam)] {
            if let v, v <= 0 { throw ValidationError("--\(name) must be positive, got \(v)") }
        }
        if let lr, !(lr > 0) { throw ValidationError("--lr must be positive, got \(lr)") }
        if let t = timeBudget, !(t > 0) { throw ValidationError("--time-budget must be positive, got \(t)") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let f = validationFraction, !(f > 0 && f < 1) { throw ValidationError("--validation-fraction must be in (0, 1), got \(f)") }
        if let d = averageDecay, !(d >= 0 && d < 1) { throw ValidationError("--average must be in [0, 1), got \(d)") }
        if let b = beam, b > Seq2Seq.maximumBeamWidth {
            throw ValidationError("--beam must be in 1…\(Seq2Seq.maximumBeamWidth), got \(b)")
        }
        if let c = clipNorm, !(c > 0 && c.isFinite) { throw ValidationError("--clip-norm must be positive, got \(c)") }
        if let p = patience, p < 0 { throw ValidationError("--patience must not be negative, got \(p)") }
        for (name, value, choices) in [("optimizer", optimizer, Self.optimizers), ("pooling", pooling, Self.poolings),
                                       ("attention", attention, Self.attentions)] {
            if let value, !choices.contains(value.lowercased()) {
                throw ValidationError("--\(name) must be one of \(choices.joined(separator: ", ")), got '\(value)'")
            }
        }
    }

    static let optimizers = ["adam", "adamw", "sgd", "rmsprop", "adagrad"]
    static let poolings = SequencePooling.allCases.map(\.rawValue)
    static let attentions = ["none", "dot", "general"]

    /// The flag of a ``TaskOption`` (`--hidden`, `--lr`, …): the field's name in kebab case,
    /// except where the flag is shorter.
    static func flag(_ option: TaskOption) -> String {
        switch option {
        case .learningRate: "--lr"
        case .beamWidth: "--beam"
        case .averageDecay: "--average"
        default: "--" + option.rawValue.reduce(into: "") { s, c in s += c.isUppercase ? "-" + c.lowercased() : String(c) }
        }
    }

    /// Throws when an option given is one that `task` does not read (given to it, it would
    /// be ignored without a word), naming the option by its flag.
    func checkApplies(to task: any RNNTask.Type) throws {
        do { try Tasks.checkOptions(taskOptions(task: task.name), for: task) } catch let error as TaskOptionError {
            throw ValidationError(error.description(naming: Self.flag))
        }
    }

    func taskOptions(task: String) -> TaskOptions {
        var o = TaskOptions(train: URL(fileURLWithPath: train))
        o.test = test.map { URL(fileURLWithPath: $0) }
        o.out = URL(fileURLWithPath: out ?? "\(task).safetensors")
        o.cell = cell
        o.hidden = hidden
        o.layers = layers
        o.bidirectional = bidirectional
        o.dropout = dropout
        o.embedding = embedding
        o.optimizer = optimizer
        o.learningRate = lr
        o.clipNorm = clipNorm
        o.batch = batch
        o.bptt = bptt
        o.epochs = epochs
        o.timeBudget = timeBudget
        o.seed = seed
        o.resume = resume.map { URL(fileURLWithPath: $0) }
        o.patience = patience
        o.window = window
        o.horizon = horizon
        o.pooling = pooling
        o.attention = attention
        o.beamWidth = beam
        o.anneal = anneal
        o.validationFraction = validationFraction
        o.averageDecay = averageDecay
        if report != nil { o.gradientSnapshotEvery = 10 }
        return o
    }
}
