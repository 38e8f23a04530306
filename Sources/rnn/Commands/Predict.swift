import ArgumentParser
import Foundation
import Recurrent

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
