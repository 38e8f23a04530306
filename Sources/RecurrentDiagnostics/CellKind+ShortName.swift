import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension CellKind {
    /// The name used on the command line: rnn, rnn-relu, lstm, gru.
    public var shortName: String {
        switch self {
        case .rnnTanh: return "rnn"
        case .rnnReLU: return "rnn-relu"
        case .lstm: return "lstm"
        case .gru: return "gru"
        }
    }

    /// The cell for a command-line name (rnn, rnn-relu, lstm, gru).
    public init?(shortName: String) {
        guard let c = Self.allCases.first(where: { $0.shortName == shortName.lowercased() }) else { return nil }
        self = c
    }
}
