import ArgumentParser
import Recurrent

/// Cells on the command line: `rnn`/`rnn-tanh`, `rnn-relu`, `lstm`, `gru`.
extension CellKind: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "rnn", "rnn-tanh": self = .rnnTanh
        case "rnn-relu": self = .rnnReLU
        case "lstm": self = .lstm
        case "gru": self = .gru
        default: return nil
        }
    }
    public static var allValueStrings: [String] { ["rnn", "rnn-relu", "lstm", "gru"] }
}
