import RecurrentCore

/// A multi-layer Elman RNN (PyTorch `nn.RNN`): h_t = act(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh).
public final class RNN<S: TensorScalar>: RecurrentLayer<S> {
    /// The RNN's non-linearity.
    public enum Nonlinearity: String, Sendable { case tanh, relu }

    /// PyTorch's `nn.RNN(input_size, hidden_size, num_layers, nonlinearity, bias, batch_first, dropout, bidirectional)`, initialised from `seed`.
    public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, nonlinearity: Nonlinearity = .tanh,
                bidirectional: Bool = false, bias: Bool = true, dropout: Double = 0, batchFirst: Bool = false,
                initialization: RecurrentInitialization = .pytorchDefault, seed: UInt64 = 0) {
        super.init(nonlinearity == .tanh ? .rnnTanh : .rnnReLU, inputSize: inputSize, hiddenSize: hiddenSize,
                   numLayers: numLayers, bidirectional: bidirectional, bias: bias, dropout: dropout, batchFirst: batchFirst,
                   initialization: initialization, seed: seed)
    }
}

/// A multi-layer LSTM (PyTorch `nn.LSTM`); the equations are on ``LSTMCell``.
public final class LSTM<S: TensorScalar>: RecurrentLayer<S> {
    /// PyTorch's `nn.LSTM(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional)`, initialised from `seed`.
    public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false,
                bias: Bool = true, dropout: Double = 0, batchFirst: Bool = false,
                initialization: RecurrentInitialization = .pytorchDefault, seed: UInt64 = 0) {
        super.init(.lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers,
                   bidirectional: bidirectional, bias: bias, dropout: dropout, batchFirst: batchFirst,
                   initialization: initialization, seed: seed)
    }
}

/// A multi-layer GRU (PyTorch `nn.GRU`); the equations are on ``GRUCell``.
/// `resetAfter: false` gives Keras' `reset_after=False` variant.
public final class GRU<S: TensorScalar>: RecurrentLayer<S> {
    /// PyTorch's `nn.GRU(input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional)`, initialised from `seed`; `resetAfter: false` applies the reset gate before the recurrent product.
    public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false,
                bias: Bool = true, dropout: Double = 0, batchFirst: Bool = false, resetAfter: Bool = true,
                initialization: RecurrentInitialization = .pytorchDefault, seed: UInt64 = 0) {
        super.init(.gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers,
                   bidirectional: bidirectional, bias: bias, dropout: dropout, batchFirst: batchFirst,
                   gruResetAfter: resetAfter, initialization: initialization, seed: seed)
    }
}
