import ArgumentParser
import Recurrent

@main
struct RNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnn",
        abstract: "Recurrent neural networks trained with backpropagation through time.",
        version: RecurrentLibrary.version,
        subcommands: [Train.self, Eval.self, Predict.self, Sample.self, Demo.self, Gradients.self, Unfold.self, Bench.self]
    )
}
