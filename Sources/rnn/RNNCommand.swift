import ArgumentParser
import Recurrent

@main
struct RNNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rnn",
        abstract: "Recurrent neural networks trained with backpropagation through time.",
        version: RecurrentLibrary.version,
        subcommands: [Bench.self, Gradients.self, Unfold.self]
    )
}
