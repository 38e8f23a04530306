import RecurrentCore

extension CellKind {
    /// The cell type of this kind — the one place a saved ``CellKind`` (and a GRU's reset
    /// placement) becomes a cell: RNN tanh/relu → ``RNNCell``, LSTM → ``LSTMCell``, GRU →
    /// ``GRUCell`` (reset gate after the product, PyTorch) or ``GRUResetBeforeCell`` (Keras'
    /// `reset_after=False`).
    package func makeCell<S: TensorScalar>(_ parameters: CellParameters<S>, gruResetAfter: Bool = true) -> any UnrolledCell<S> {
        switch self {
        case .rnnTanh: RNNCell(parameters, nonlinearity: .tanh)
        case .rnnReLU: RNNCell(parameters, nonlinearity: .relu)
        case .lstm: LSTMCell(parameters)
        case .gru: gruResetAfter ? GRUCell(parameters) : GRUResetBeforeCell(parameters)
        }
    }
}
