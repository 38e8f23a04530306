import ArgumentParser
import Foundation
import Recurrent

/// `rnn gradients`: vanishing and exploding gradients through time, measured.
struct Gradients: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradients",
        abstract: "Measure how gradients vanish or explode through time in RNN, LSTM and GRU layers.",
        discussion: """
            On a built-in long-range task (the answer depends on the first step, the loss is \
            taken at the last), records ‖∂L/∂h_k‖ and the norm of each step's term of ∂L/∂W_hh \
            for k = 1…T, at initialisation and after --train-steps updates, and prints them as \
            log-scale terminal charts, with the ratio ‖∂L/∂h_1‖/‖∂L/∂h_T‖ and the fitted factor \
            per step. --recurrent-scale 2 shows the exploding case; --clip-norm shows what \
            clipping does to the update.
            At PyTorch's initialisation the LSTM's forget gate and the GRU's update gate sit near \
            σ(0) = ½, so they forget almost as fast as a tanh RNN; the rows "init, gate bias +1" show \
            the same cells with the usual +1 on that gate's bias (--gate-bias sets it for the whole run).
            Examples:
              rnn gradients
              rnn gradients --cell rnn --recurrent-scale 3 --clip-norm 1
              rnn gradients --optimizer adam --learning-rate 0.01 --train-steps 300
              rnn gradients --steps 100 --report gradients.html
            """)

    @Argument(help: "A model written by `rnn train` (then --data is required): measure it instead of the built-in task.")
    var model: String?
    @Option(help: "With MODEL: a data file in the model's task format; its first batch is measured.")
    var data: String?
    @Option(help: "Cell to measure: rnn, rnn-relu, lstm, gru (default: rnn, lstm and gru).")
    var cell: String?
    @Option(help: "Task: recall or adding.") var task = "recall"
    @Option(help: "Sequence length T.") var steps = 50
    @Option(help: "Hidden units.") var hidden = 32
    @Option(help: "Sequences per batch.") var batch = 32
    @Option(help: "Training steps between the two measurements.") var trainSteps = 150
    @Option(help: "Optimizer for the training steps: sgd or adam.") var optimizer = "sgd"
    @Option(help: "Learning rate.") var learningRate = 0.1
    @Option(help: "Multiply W_hh by this after initialisation (> 1: exploding gradients).")
    var recurrentScale = 1.0
    @Option(help: "Add this to the bias of the LSTM's forget gate and the GRU's update gate (0: PyTorch's init; 1: Keras' unit_forget_bias).")
    var gateBias = 0.0
    @Option(help: "Clip the gradient norm to this before each update.") var clipNorm: Double?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Also write the charts as a self-contained HTML report to this file.")
    var report: String?

    func run() throws {
        try requireWritableOutput(report, option: "report")
        if let model { return try measureSavedModel(model) }
        if data != nil { throw ValidationError("--data needs a MODEL argument") }
        var c = GradientExperimentConfiguration()
        guard let t = LongRangeTask(rawValue: task) else { throw ValidationError("unknown task '\(task)' (recall, adding)") }
        c.task = t
        if let cell {
            guard let k = CellKind(shortName: cell) else { throw ValidationError("unknown cell '\(cell)' (rnn, rnn-relu, lstm, gru)") }
            c.cells = [k]
        }
        guard let o = GradientExperimentConfiguration.OptimizerKind(rawValue: optimizer) else {
            throw ValidationError("unknown optimizer '\(optimizer)' (sgd, adam)")
        }
        c.optimizer = o
        c.steps = steps
        c.hiddenSize = hidden
        c.batchSize = batch
        c.trainSteps = trainSteps
        c.learningRate = learningRate
        c.recurrentScale = recurrentScale
        c.clipNorm = clipNorm
        c.memoryGateBias = gateBias
        c.seed = seed
        let experiment: GradientExperiment
        do { experiment = try GradientExperiment(c) } catch let e as GradientExperimentError {
            throw ValidationError(e.description(naming: Self.flag))
        }

        for line in experiment.heading() { print(line) }
        flushStandardOutput()
        let results = try experiment.run { r in
            print("  \(r.cell.shortName): measured")
            flushStandardOutput()
        }
        for line in experiment.summary(results) { print(line) }
        if let report {
            try experiment.report(results).write(to: report)
            print("report: \(report)")
        }
    }

    /// The flag that sets a ``GradientExperimentConfiguration`` setting.
    static func flag(_ setting: GradientExperimentError.Setting) -> String {
        switch setting {
        case .steps: "--steps"
        case .hiddenSize: "--hidden"
        case .batchSize: "--batch"
        case .trainSteps: "--train-steps"
        case .learningRate: "--learning-rate"
        case .recurrentScale: "--recurrent-scale"
        case .memoryGateBias: "--gate-bias"
        case .clipNorm: "--clip-norm"
        case .cells: "--cell"
        case .snapshots: "snapshots"  // not an option of rnn gradients
        }
    }

    /// `rnn gradients MODEL --data FILE`: the saved model on the first batch of a data file.
    private func measureSavedModel(_ path: String) throws {
        guard let data else { throw ValidationError("measuring a saved model needs --data FILE") }
        try requireFile(path)
        try requireFile(data)
        let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: path))
        let task = try Tasks.task(of: checkpoint)
        let records = try task.gradientsThroughTime(checkpoint, data: URL(fileURLWithPath: data))
        print("rnn gradients — \(path) (\(task.name)) on the first batch of \(data)")
        print("‖∂L/∂h_k‖, k = 1 … T per layer and direction (log scale)")
        let flows = records.map(GradientFlow.init)
        func label(_ f: GradientFlow) -> String { "layer \(f.record.layer)\(f.record.direction == 1 ? " reverse" : "")" }
        let chart = TerminalLogChart(rows: flows.map { (label($0), $0.record.hiddenGradientNorms) })
        for line in chart.lines() { print(line) }
        if let legend = chart.legend() { print(legend) }
        for f in flows {
            let decay = f.decay.map { String(format: "%.3f per step (R² %.2f)", $0.factorPerStep, $0.rSquared) } ?? "n/a"
            print("\(label(f)): ‖∂L/∂h_1‖/‖∂L/∂h_T‖ = \(String(format: "%.3g", f.endToEndRatio)), factor \(decay)")
        }
    }
}
