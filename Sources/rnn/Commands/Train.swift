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
        if Tasks.named(task) != nil { try options.checkApplies(to: task) }
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
        let result = try kind.train(options.taskOptions(task: task)) { bar?.update($0) }
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

/// `rnn eval MODEL --test FILE`
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a trained model on a test file.",
        discussion: "Example: rnn eval lm.safetensors --test shakespeare/test.txt --metrics m.json")

    @Argument(help: "A model written by `rnn train`.") var model: String
    @Option(help: "Test file in the task's format.") var test: String
    @Option(help: "Write the metrics as JSON to this file.") var metrics: String?
    @Option(help: "Kernel threads.") var threads: Int = 2
    @OptionGroup var decoding: DecodingOptions

    func run() throws {
        try requireFile(model)
        try requireFile(test)
        try requireWritableOutput(metrics, option: "metrics")
        KernelConfiguration.threads = threads
        var checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: model))
        let task = try Tasks.task(of: checkpoint)
        try decoding.apply(to: &checkpoint, task: task.name)
        let result = try InferenceMode.run { try task.evaluate(checkpoint, test: URL(fileURLWithPath: test)) }
        for (k, v) in result.sorted(by: { $0.key < $1.key }) { print("\(k): \(String(format: "%.4f", v))") }
        if let m = metrics {
            try writeMetrics(TaskRun(task: task.name, seconds: 0, epochs: 0, steps: 0, test: result, history: TrainingHistory()), to: m)
        }
    }
}

/// `rnn predict MODEL [--input FILE]`
struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict with a trained model: one input per line (file or stdin), one prediction per line.",
        discussion: "Example: echo 'a fine film' | rnn predict sentiment.safetensors")

    @Argument(help: "A model written by `rnn train`.") var model: String
    @Option(help: "Input file (default: standard input).") var input: String?
    @OptionGroup var decoding: DecodingOptions

    func run() throws {
        try requireFile(model)
        var checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: model))
        let task = try Tasks.task(of: checkpoint)
        try decoding.apply(to: &checkpoint, task: task.name)
        let source = input ?? "<stdin>"
        let data = try input.map(readFileData) ?? FileHandle.standardInput.readDataToEndOfFile()
        let lines = try InputLines.decode(data, source: source)
        let predictions: [String]
        do {
            predictions = try InferenceMode.run { try task.predict(checkpoint, inputs: lines) }
        } catch let error as DataError {
            throw error.named(source)
        }
        for p in predictions { print(p) }
    }
}

/// `rnn sample MODEL --length N --temperature T --prime TEXT`
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate text from a trained character language model.",
        discussion: "Example: rnn sample lm.safetensors --length 300 --temperature 0.8 --prime 'ROMEO:'")

    @Argument(help: "A charlm model.") var model: String
    @Option(help: "Characters to generate.") var length = 300
    @Option(help: "Softmax temperature (> 0; lower is more conservative).") var temperature = 0.8
    @Option(name: .customLong("top-k"), help: "Sample only among the k most likely characters.") var topK: Int?
    @Option(help: "Text to start from.") var prime = "\n"
    @Option(help: "Random seed.") var seed: UInt64 = 0

    func run() throws {
        try requireFile(model)
        guard temperature > 0 && temperature.isFinite else { throw ValidationError("--temperature must be positive and finite, got \(temperature)") }
        guard length >= 0 else { throw ValidationError("--length must not be negative") }
        if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1, got \(topK)") }
        let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: model))
        let (lm, vocab) = try CharLMTask.load(checkpoint)
        var rng = RandomGenerator(seed: seed)
        // Written as it is drawn, 4096 characters at a time, so a long sample neither waits
        // to the end nor keeps every character in memory.
        let primeIDs = try vocab.encode(prime)
        FileHandle.standardOutput.write(Data(prime.utf8))
        var pending: [Int32] = []
        pending.reserveCapacity(4096)
        try lm.sample(prime: primeIDs, length: length, temperature: temperature, topK: topK,
                      excluding: vocab.unknownID, using: &rng) { id in
            pending.append(id)
            if pending.count == 4096 {
                FileHandle.standardOutput.write(Data(vocab.decode(pending).utf8))
                pending.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data((vocab.decode(pending) + "\n").utf8))
    }
}

/// `--beam` of `rnn eval` and `rnn predict`: decode a seq2seq model with another beam width
/// than the one it was saved with.
struct DecodingOptions: ParsableArguments {
    @Option(help: "Seq2seq: decode with this beam width instead of the model's (1 = greedy).") var beam: Int?

    func validate() throws {
        if let beam, !(1...Seq2Seq.maximumBeamWidth).contains(beam) {
            throw ValidationError("--beam must be in 1…\(Seq2Seq.maximumBeamWidth), got \(beam)")
        }
    }

    /// Sets the model's beam width; only seq2seq models decode with a beam.
    func apply(to checkpoint: inout Checkpoint, task: String) throws {
        guard let beam else { return }
        guard task == Seq2SeqTask.name else { throw CLIError("--beam applies to seq2seq models, not \(task)") }
        checkpoint.metadata["beam_width"] = String(beam)
    }
}
