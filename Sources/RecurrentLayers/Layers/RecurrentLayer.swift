import RecurrentCore

/// The recurrent state of a (possibly stacked, bidirectional) layer:
/// h (and c for an LSTM) of shape (numLayers·numDirections, B, H), PyTorch's layout.
public struct RecurrentState<S: TensorScalar>: Equatable {
    /// h_n (or h_0): (numLayers·numDirections, B, H).
    public var h: Tensor<S>
    /// c_n (or c_0), the LSTM's memory cells, same shape as `h`; nil for RNN and GRU.
    public var c: Tensor<S>?
    /// A state of `h` and, for an LSTM, `c`.
    public init(h: Tensor<S>, c: Tensor<S>? = nil) {
        self.h = h
        self.c = c
    }
}

/// How a bidirectional layer combines its two directions' outputs.
/// PyTorch concatenates (forward first); Keras also offers sum, mean and product.
/// Between stacked layers directions are always concatenated (PyTorch); the merge
/// applies to the final output.
public enum DirectionMerge: String, Sendable, Codable, CaseIterable {
    /// `concat`: [forward ; reverse] (2H, PyTorch); `sum`, `mean`, `product`: element-wise (H).
    case concat, sum, mean, product
}

/// How recurrent parameters are initialised.
public enum RecurrentInitialization: Sendable {
    /// PyTorch's default: every parameter U(−1/√H, 1/√H).
    case pytorchDefault
    /// As `pytorchDefault`, but each gate's H×H block of W_hh orthogonal.
    case orthogonalRecurrent
}

/// Gradients returned by ``RecurrentLayer/backward(gradOutput:gradFinalState:)``.
public struct RecurrentGradients<S: TensorScalar> {
    /// ∂L/∂input, in the input's layout.
    public var input: Tensor<S>
    /// ∂L/∂(initial state).
    public var initialState: RecurrentState<S>
}

/// A multi-layer RNN, LSTM or GRU unrolled over time, trained by exact, hand-derived
/// backpropagation through time (PyTorch's `nn.RNN` / `nn.LSTM` / `nn.GRU`).
///
/// - Input (T, B, I), or (B, T, I) with `batchFirst`; output (T, B, D·H) (D = 2 when
///   bidirectional; H with a non-concat merge).
/// - Variable-length batches: `lengths` (one per sequence, any order, 1…T). Outputs past a
///   sequence's end are zero and its final state is the state at its last valid step —
///   PyTorch's packed-sequence semantics, without sorting or packing.
/// - Truncated BPTT: with `truncation = k`, gradients flow back through at most the `k`
///   steps of each chunk (the state entering a chunk is treated as a constant), as when
///   a long stream is trained in detached chunks of k steps.
/// - Dropout between stacked layers in training mode.
/// - `bias: false` (PyTorch's `bias=False`): no b_ih, b_hh parameters (b = 0 in the equations).
///
/// `forward` keeps what `backward` needs; `backward` returns ∂L/∂input and ∂L/∂(initial
/// state) and *accumulates* ∂L/∂parameters into each ``Parameter/gradient``.
public class RecurrentLayer<S: TensorScalar>: Module {
    /// The scalar type of the layer's parameters.
    public typealias Scalar = S

    /// The cell the layer unrolls (RNN tanh/ReLU, LSTM or GRU).
    public let cell: CellKind
    /// I, the features per input step.
    public let inputSize: Int
    /// H, the hidden units per layer and direction.
    public let hiddenSize: Int
    /// Stacked layers (PyTorch's `num_layers`, default 1).
    public let numLayers: Int
    /// Whether each layer also runs a reverse direction (default false).
    public let bidirectional: Bool
    /// Whether the layer has the biases b_ih and b_hh (PyTorch's `bias`). Without them the
    /// equations hold with b = 0, and the `bias_*` parameters do not exist (state dicts
    /// neither contain nor accept them).
    public let hasBias: Bool
    /// Dropout probability on the outputs of every layer but the last, in training mode (default 0).
    public let dropout: Double
    /// Whether input and output are (B, T, …) instead of (T, B, …) (default false).
    public let batchFirst: Bool
    /// How a bidirectional layer combines its directions' final outputs (default `.concat`).
    public let merge: DirectionMerge
    /// GRU only: PyTorch's placement of the reset gate (after the recurrent product) when
    /// true; Keras' `reset_after=False` (n = tanh(W_in·x + b_in + W_hn·(r⊙h) + b_hn)) when false.
    public let gruResetAfter: Bool
    public var isTraining = true
    /// When true, `forward` keeps only what inference needs, as PyTorch's
    /// `torch.inference_mode()`: the GRU then stores no per-step gates and recurrent
    /// products (one step of them stays in cache instead of T steps going out to memory:
    /// GRU inference 4–13 % faster measured), and `backward` after such a forward throws.
    /// Outputs and final states are the same, bit for bit. Independent of `isTraining`
    /// (which only switches dropout). Default false; ``InferenceMode/run(_:)`` switches it
    /// on for every layer within a scope.
    public var inferenceMode = false
    /// Backpropagate through at most this many steps (nil: full BPTT).
    public var truncation: Int?
    /// Record ``GradientThroughTime`` for every layer and direction during `backward`.
    public var recordsGradientsThroughTime = false
    /// The records of the last `backward` with ``recordsGradientsThroughTime`` on: one per layer and direction, layer 0 forward first.
    public internal(set) var gradientsThroughTime: [GradientThroughTime] = []
    /// The generator of dropout masks (saved in checkpoints for exact resumption).
    public var dropoutGenerator: RandomGenerator

    public let namedParameters: [(name: String, parameter: Parameter<S>)]
    let directions: [[any UnrollingDirection<S>]]
    var recorders: [[GradientRecorder<S>]] = []

    let layerInputs: [Workspace<S>]
    let layerOutputs: [Workspace<S>]
    let dropoutMasks: [Workspace<S>]
    let gradA = Workspace<S>()
    let gradB = Workspace<S>()
    let stateScratch = Workspace<S>()
    var cachedSteps = 0
    var cachedBatch = 0
    var cachedLengths: [Int32]?
    var cachedDropout = false
    var hasForward = false
    /// Whether the last forward kept what backward needs (`inferenceMode` was false).
    var forwardKeptForBackward = false
    /// The last forward's time-major input, held instead of copied (layer 0 reads it, and
    /// backward needs it for ∂W_ih); nil when it was batch-first and copied into layerInputs[0].
    var cachedInput: Tensor<S>?

    /// D: 2 when bidirectional, else 1.
    public var numDirections: Int { bidirectional ? 2 : 1 }
    /// Width of the output's last dimension.
    public var outputSize: Int { bidirectional && merge == .concat ? 2 * hiddenSize : hiddenSize }
    func layerInputSize(_ l: Int) -> Int { l == 0 ? inputSize : numDirections * hiddenSize }

    /// A layer of `cell` (PyTorch's `mode`), initialised from `seed` as `initialization` says; the defaults are PyTorch's (one layer, unidirectional, biases, no dropout, time-major).
    public init(_ cell: CellKind, inputSize: Int, hiddenSize: Int, numLayers: Int = 1,
                bidirectional: Bool = false, bias: Bool = true, dropout: Double = 0, batchFirst: Bool = false,
                merge: DirectionMerge = .concat, gruResetAfter: Bool = true, initialization: RecurrentInitialization = .pytorchDefault,
                seed: UInt64 = 0) {
        precondition(inputSize > 0 && hiddenSize > 0 && numLayers > 0, "RecurrentLayer sizes must be positive")
        precondition(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)")
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.bidirectional = bidirectional
        self.hasBias = bias
        self.dropout = dropout
        self.batchFirst = batchFirst
        self.merge = merge
        self.gruResetAfter = gruResetAfter
        var rng = RandomGenerator(seed: seed)
        dropoutGenerator = RandomGenerator(seed: seed ^ 0xD1CE_5EED)
        let G = cell.gateCount * hiddenSize
        let bound = S(1 / Double(hiddenSize).squareRoot())
        var named: [(String, Parameter<S>)] = []
        var dirs: [[any UnrollingDirection<S>]] = []
        for l in 0..<numLayers {
            var row: [any UnrollingDirection<S>] = []
            let inSize = l == 0 ? inputSize : (bidirectional ? 2 : 1) * hiddenSize
            for d in 0..<(bidirectional ? 2 : 1) {
                let suffix = "_l\(l)" + (d == 1 ? "_reverse" : "")
                let wih = Parameter(Tensor<S>.uniform([G, inSize], low: -bound, high: bound, using: &rng))
                var whhValue = Tensor<S>.uniform([G, hiddenSize], low: -bound, high: bound, using: &rng)
                if case .orthogonalRecurrent = initialization {
                    whhValue = Self.orthogonalBlocks(gates: cell.gateCount, hidden: hiddenSize, using: &rng)
                }
                let whh = Parameter(whhValue)
                named += [("weight_ih" + suffix, wih), ("weight_hh" + suffix, whh)]
                // Without biases the directions still read b = 0 (never exposed, never updated).
                let bih = Parameter(bias ? Tensor<S>.uniform([G], low: -bound, high: bound, using: &rng) : Tensor(zeros: [G]))
                let bhh = Parameter(bias ? Tensor<S>.uniform([G], low: -bound, high: bound, using: &rng) : Tensor(zeros: [G]))
                if bias { named += [("bias_ih" + suffix, bih), ("bias_hh" + suffix, bhh)] }
                let parameters = CellParameters(inputSize: inSize, hiddenSize: hiddenSize, weightIH: wih, weightHH: whh,
                                                biasIH: bih, biasHH: bhh, hasBias: bias)
                row.append(Self.unroller(cell.makeCell(parameters, gruResetAfter: gruResetAfter), reverse: d == 1))
            }
            dirs.append(row)
        }
        namedParameters = named
        directions = dirs
        layerInputs = (0..<numLayers).map { _ in Workspace() }
        layerOutputs = (0..<numLayers).map { _ in Workspace() }
        dropoutMasks = (0..<numLayers).map { _ in Workspace() }
    }

    /// One direction unrolling `cell` (generic over its type: no dispatch inside the time loop).
    private static func unroller<Cell: UnrolledCell<S>>(_ cell: Cell, reverse: Bool) -> any UnrollingDirection<S> {
        RecurrentDirection(cell: cell, reverse: reverse)
    }

    private static func orthogonalBlocks(gates: Int, hidden: Int, using rng: inout RandomGenerator) -> Tensor<S> {
        var w = Tensor<S>(zeros: [gates * hidden, hidden])
        for g in 0..<gates {
            let q = Tensor<S>.orthogonal([hidden, hidden], using: &rng)
            w.withUnsafeMutableBufferPointer { dst in
                q.withUnsafeBufferPointer { (dst.baseAddress! + g * hidden * hidden).update(from: $0.baseAddress!, count: hidden * hidden) }
            }
        }
        return w
    }

    /// The shape of the initial/final state: (numLayers·numDirections, B, H).
    public func stateShape(batch: Int) -> Shape { [numLayers * numDirections, batch, hiddenSize] }

    /// A zero initial state for a batch.
    public func zeroState(batch: Int) -> RecurrentState<S> {
        RecurrentState(h: Tensor(zeros: stateShape(batch: batch)),
                       c: cell.hasCellState ? Tensor(zeros: stateShape(batch: batch)) : nil)
    }
}
