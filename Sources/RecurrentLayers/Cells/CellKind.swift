import RecurrentCore

/// The recurrent cell a layer unrolls. PyTorch's gate order and names are used
/// throughout, so weights move both ways.
///
/// Precision: `Double` layers evaluate σ and tanh with libm (the exactness path of the
/// gradient checks). `Float` layers evaluate the gates with a rational tanh,
/// σ(x) = (1 + tanh(x/2))/2, accurate to 4e-7 absolute — a few roundings of the sum that
/// feeds each gate — and twice as fast as an exp-based tanh.
public enum CellKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)
    case rnnTanh = "RNN_TANH"
    /// h_t = relu(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh)
    case rnnReLU = "RNN_RELU"
    /// Long short-term memory: gates i, f, g, o (see ``LSTMCell``).
    case lstm = "LSTM"
    /// Gated recurrent unit: gates r, z, n (see ``GRUCell``).
    case gru = "GRU"

    /// Rows of W_ih / W_hh per hidden unit: 1, 4 or 3.
    public var gateCount: Int {
        switch self {
        case .rnnTanh, .rnnReLU: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    /// Whether the cell carries a memory cell c next to h.
    public var hasCellState: Bool { self == .lstm }

    /// PyTorch's module name (`RNN_TANH`, `RNN_RELU`, `LSTM`, `GRU`).
    public var pytorchMode: String { rawValue }
}
