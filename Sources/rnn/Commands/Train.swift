import ArgumentParser
import Foundation
import Recurrent

/// `rnn train <task> --train FILE [--test FILE] [--out MODEL] …`
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a model for a task on real data.",
        discussion: """
            Tasks: charlm (character language model, .txt), classify (labelled series .csv or \
            text .tsv), forecast (date,value .csv), tag (token<TAB>tag .conll), seq2seq \
            (source<TAB>target .tsv), generate (label-conditioned text .tsv).
            Every option has a per-task default, so only --train (and --test) are needed.

            Examples:
              rnn train charlm --train shakespeare/train.txt --test shakespeare/test.txt --out lm.safetensors
              rnn train tag --train a.conll --test b.conll --metrics tag.json
              rnn train charlm --train t.txt --resume lm.safetensors --time-budget 60

            Data-parallel (built with `--traits MPI`): every process trains on its part of each \
            batch; rank 0 prints and writes the model and metrics.
              mpirun -np 2 --bind-to none rnn train charlm --train t.txt --threads 1 --batch 64
            """)

    @Argument(help: "The task: charlm, classify, forecast, tag, seq2seq, generate.") var task: String
    @OptionGroup var options: TrainOptions

    func validate() throws {
        if let kind = Tasks.named(task) { try options.checkApplies(to: kind) }
    }

    func run() throws {
        guard let kind = Tasks.named(task) else {
            // (A key path to a static member of an existential metatype crashes Swift 6.3's SILGen.)
            throw ValidationError("unknown task '\(task)' (\(Tasks.all.map { $0.name }.joined(separator: ", ")))")
        }
        try requireFile(options.train)
        if let t = options.test { try requireFile(t) }
        if let r = options.resume { try requireFile(r) }
        try options.checkModelFitsInMemory()
        try requireWritableOutput(options.out ?? "\(task).safetensors", option: "out")
        try requireWritableOutput(options.metrics, option: "metrics")
        try requireWritableOutput(options.report, option: "report")
        KernelConfiguration.threads = options.threads
        // Under mpirun (MPI trait): set up MPI here, on the main thread; every process trains,
        // rank 0 alone prints and writes. An error on any process ends the whole job.
        if !Distributed.isAvailable, let n = Distributed.launchedProcessCount, n > 1 {
            throw TrainingError("started by an MPI launcher with \(n) processes, but this rnn was built without MPI "
                                  + "(build it with `swift build -c release --traits MPI`)")
        }
        let world = Distributed.world
        do {
            try train(kind, world: world)
        } catch where world.isDistributed {
            world.abort("error: \(error)")
        }
    }

    private func train(_ kind: any RNNTask.Type, world: ProcessGroup) throws {
        let bar = world.isRoot ? ProgressBar(label: task) : nil
        let result: TaskRun
        do {
            result = try kind.train(options.taskOptions(task: task)) { bar?.update($0) }
        } catch let error as TaskOptionError {
            throw CLIError(error.description(naming: TrainOptions.flag))
        }
        bar?.finish()
        guard world.isRoot else { return }
        if world.isDistributed {
            let s = Distributed.sharedDataParallel.statistics
            let steps = Double(max(s.steps, 1)), stepTime = result.seconds / Double(max(result.steps, 1))
            let reduce = s.allReduceSeconds / steps, wait = s.waitSeconds / steps
            print(String(format: "data-parallel over %d processes: %.1f ms/step; gradient all-reduce (%.2f MB) %.2f ms/step = %.1f%%, waiting for the slowest process %.2f ms/step = %.1f%%",
                         world.size, stepTime * 1e3, Double(s.bytesPerStep) / 1e6, reduce * 1e3, 100 * reduce / max(stepTime, 1e-12),
                         wait * 1e3, 100 * wait / max(stepTime, 1e-12)))
        }
        let out = options.out ?? "\(task).safetensors"
        print("trained \(task): \(result.steps) steps, \(result.epochs) epochs, \(String(format: "%.1f", result.seconds)) s; model → \(out)")
        if !result.chosen.isEmpty {
            print("chosen from the training data: " + result.chosen.sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value.rounded() == $0.value ? String(Int($0.value)) : String(format: "%.4g", $0.value))" }
                .joined(separator: ", "))
        }
        for (k, v) in result.test.sorted(by: { $0.key < $1.key }) { print("test \(k): \(String(format: "%.4f", v))") }
        for s in result.artifacts.samples.prefix(1) { print("sample:\n\(s)") }
        for t in result.artifacts.perTagAccuracy {
            print("  tag \(t.tag): accuracy \(String(format: "%.4f", t.accuracy)) over \(t.count) tokens")
        }
        for e in result.artifacts.examples.prefix(5) { print("  \(e.source) → \(e.prediction)   (reference: \(e.reference))") }
        if let m = options.metrics { try writeMetrics(result, to: m) }
        if let path = options.report {
            try result.report(title: "rnn train \(task) — \(options.train)", clipNorm: options.clipNorm).write(to: path)
            print("report → \(path)")
        }
    }
}
