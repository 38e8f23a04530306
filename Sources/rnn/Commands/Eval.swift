import ArgumentParser
import Foundation
import Recurrent

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
