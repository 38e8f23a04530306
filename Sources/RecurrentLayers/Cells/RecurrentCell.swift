import RecurrentCore

/// One recurrent cell: the step from (x_t, h_{t−1}[, c_{t−1}]) to h_t[, c_t] and its BPTT
/// step — PyTorch's `nn.RNNCell` / `nn.LSTMCell` / `nn.GRUCell`.
///
/// Conforming types: ``RNNCell``, ``LSTMCell``, ``GRUCell`` and ``GRUResetBeforeCell``; each
/// documents its equations. Parameters carry PyTorch's names and shapes (`weight_ih`
/// (G·H, I), `weight_hh` (G·H, H), `bias_ih`, `bias_hh` (G·H), G = ``gateCount``), so a cell
/// loads a PyTorch cell's `state_dict`. A ``RecurrentLayer`` hands out the cell of each of its
/// layers and directions (``RecurrentLayer/cell(layer:direction:)``), sharing its parameters.
public protocol RecurrentCell<Scalar>: Module {
    /// Rows of W_ih / W_hh per hidden unit (1 RNN, 4 LSTM, 3 GRU).
    static var gateCount: Int { get }
    /// Whether the cell carries a memory cell c next to h (the LSTM).
    static var hasCellState: Bool { get }
    /// The parameters, shared by reference (with the layer the cell came from, if any).
    var cellParameters: CellParameters<Scalar> { get }
    /// A cell over `parameters` (shared by reference).
    init(_ parameters: CellParameters<Scalar>)

    /// One step: x (B, I) and the state h_{t−1} (and c_{t−1}), each (B, H); nil = zeros.
    /// Returns h_t (and c_t). Throws a ``ShapeError`` on mismatched shapes.
    func step(_ input: Tensor<Scalar>, state: CellState<Scalar>?) throws -> CellState<Scalar>

    /// The BPTT step of ``step(_:state:)`` at the same input and state: given ∂L/∂h_t (and
    /// ∂L/∂c_t; nil = 0) in `gradient`, returns ∂L/∂x_t and ∂L/∂h_{t−1} (and ∂L/∂c_{t−1}), and
    /// *adds* ∂L/∂W_ih, ∂L/∂W_hh, ∂L/∂b_ih, ∂L/∂b_hh into the parameters' gradients.
    func backwardStep(_ input: Tensor<Scalar>, state: CellState<Scalar>?,
                      gradient: CellState<Scalar>) throws -> CellStepGradients<Scalar>
}

/// What every cell type shares: its parameters, ``Module``'s training flag, and the public
/// step API, which runs the cell's own unroller over one step (T = 1: the same GEMM and fused
/// kernels as a layer's forward over one step, so the same results, bit for bit). The cell types
/// (``RNNCell``, ``LSTMCell``, ``GRUCell``, ``GRUResetBeforeCell``) subclass it.
public class CellModule<S: TensorScalar> {
    /// The parameters, shared by reference (with the layer the cell came from, if any).
    public let cellParameters: CellParameters<S>
    /// Unused (a cell has no dropout); kept for ``Module``.
    public var isTraining = true
    private var stepper: (any CellStepping<S>)?

    init(sharing parameters: CellParameters<S>) { cellParameters = parameters }

    /// A stepper over a cell of the subclass's type sharing these parameters (overridden).
    func makeStepper() -> any CellStepping<S> { preconditionFailure("\(Self.self) must override makeStepper()") }

    private var cellStepper: any CellStepping<S> {
        if let stepper { return stepper }
        let made = makeStepper()
        stepper = made
        return made
    }

    /// One step: x (B, I) and the state h_{t−1} (and c_{t−1}), each (B, H); nil = zeros.
    /// Returns h_t (and c_t). Throws a ``ShapeError`` on mismatched shapes.
    public func step(_ input: Tensor<S>, state: CellState<S>? = nil) throws -> CellState<S> {
        try cellStepper.step(input, state: state)
    }

    /// The BPTT step of ``step(_:state:)`` at the same input and state: given ∂L/∂h_t (and
    /// ∂L/∂c_t; nil = 0), returns ∂L/∂x_t and ∂L/∂h_{t−1} (and ∂L/∂c_{t−1}), and *adds* the
    /// parameter gradients (see each cell's equations) into the parameters' gradients.
    public func backwardStep(_ input: Tensor<S>, state: CellState<S>?, gradient: CellState<S>) throws -> CellStepGradients<S> {
        try cellStepper.backwardStep(input, state: state, gradient: gradient)
    }
}

/// The state a cell carries between steps: h (B, H), and c (B, H) for an LSTM.
public struct CellState<S: TensorScalar>: Equatable {
    /// h, (B, H).
    public var h: Tensor<S>
    /// c, (B, H): the LSTM's memory cell; nil for other cells.
    public var c: Tensor<S>?
    /// A state of `h` and, for an LSTM, `c`.
    public init(h: Tensor<S>, c: Tensor<S>? = nil) {
        self.h = h
        self.c = c
    }
}

/// What ``RecurrentCell/backwardStep(_:state:gradient:)`` returns.
public struct CellStepGradients<S: TensorScalar> {
    /// ∂L/∂x_t, (B, I).
    public var input: Tensor<S>
    /// ∂L/∂h_{t−1} (and ∂L/∂c_{t−1}), (B, H).
    public var state: CellState<S>
}

/// The four parameters of one cell (one layer and direction of a ``RecurrentLayer``), held by
/// reference: a cell and the layer it came from train the same tensors.
public struct CellParameters<S: TensorScalar> {
    /// I, the features per input step.
    public let inputSize: Int
    /// H, the hidden units.
    public let hiddenSize: Int
    /// W_ih, (G·H, I): PyTorch's `weight_ih`.
    public let weightIH: Parameter<S>
    /// W_hh, (G·H, H): PyTorch's `weight_hh`.
    public let weightHH: Parameter<S>
    /// b_ih, (G·H): PyTorch's `bias_ih` (zero and never updated without biases).
    public let biasIH: Parameter<S>
    /// b_hh, (G·H): PyTorch's `bias_hh` (zero and never updated without biases).
    public let biasHH: Parameter<S>
    /// False for PyTorch's `bias=False`: b_ih = b_hh = 0, not parameters of the module.
    public let hasBias: Bool

    /// Parameters of the given tensors (W_ih (G·H, I), W_hh (G·H, H), biases (G·H)), shared by reference.
    public init(inputSize: Int, hiddenSize: Int, weightIH: Parameter<S>, weightHH: Parameter<S>,
                biasIH: Parameter<S>, biasHH: Parameter<S>, hasBias: Bool = true) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.weightIH = weightIH
        self.weightHH = weightHH
        self.biasIH = biasIH
        self.biasHH = biasHH
        self.hasBias = hasBias
    }

    /// PyTorch's initialisation: every parameter U(−1/√H, 1/√H), drawn in the order
    /// W_ih, W_hh, b_ih, b_hh from `seed`.
    public init(inputSize: Int, hiddenSize: Int, gates: Int, bias: Bool = true, seed: UInt64 = 0) {
        precondition(inputSize > 0 && hiddenSize > 0, "cell sizes must be positive")
        var rng = RandomGenerator(seed: seed)
        let G = gates * hiddenSize
        let bound = S(1 / Double(hiddenSize).squareRoot())
        func draw(_ shape: Shape) -> Parameter<S> { Parameter(.uniform(shape, low: -bound, high: bound, using: &rng)) }
        let wih = draw([G, inputSize]), whh = draw([G, hiddenSize])
        self.init(inputSize: inputSize, hiddenSize: hiddenSize, weightIH: wih, weightHH: whh,
                  biasIH: bias ? draw([G]) : Parameter(Tensor(zeros: [G])),
                  biasHH: bias ? draw([G]) : Parameter(Tensor(zeros: [G])), hasBias: bias)
    }
}

extension RecurrentCell {
    /// PyTorch's `nn.RNNCell` / `nn.LSTMCell` / `nn.GRUCell(inputSize, hiddenSize, bias)`: a
    /// new cell initialised U(−1/√H, 1/√H) from `seed` (see ``CellParameters``).
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, seed: UInt64 = 0) {
        self.init(CellParameters(inputSize: inputSize, hiddenSize: hiddenSize, gates: Self.gateCount, bias: bias, seed: seed))
    }

    /// I, the features per input step.
    public var inputSize: Int { cellParameters.inputSize }
    /// H, the hidden units.
    public var hiddenSize: Int { cellParameters.hiddenSize }

    /// `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh` (no biases with `bias: false`), as in
    /// PyTorch's cell modules.
    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        let p = cellParameters
        let weights = [("weight_ih", p.weightIH), ("weight_hh", p.weightHH)]
        return p.hasBias ? weights + [("bias_ih", p.biasIH), ("bias_hh", p.biasHH)] : weights
    }
}
