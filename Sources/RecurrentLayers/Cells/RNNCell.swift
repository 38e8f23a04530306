import RecurrentCore
import _RecurrentKernels

/// The vanilla (Elman) RNN cell (PyTorch `nn.RNNCell`), with tanh or relu:
///
///     h_t = act(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh),   act ∈ {tanh, relu}
///
/// Backward step, with δh = ∂L/∂h_t:
///
///     δa = δh ⊙ act′   (tanh′ = 1 − h_t², relu′ = [h_t > 0])
///     ∂L/∂h_{t−1} = W_hhᵀ·δa,   ∂L/∂x_t = W_ihᵀ·δa
///     ∂W_ih += δa·x_tᵀ,   ∂W_hh += δa·h_{t−1}ᵀ,   ∂b_ih += δa,   ∂b_hh += δa
///
/// Repeated multiplication by W_hhᵀ·diag(act′) is what makes these gradients vanish or
/// explode over long sequences. Parameters: W_ih (H, I), W_hh (H, H), b_ih, b_hh (H).
public final class RNNCell<S: TensorScalar>: CellModule<S>, UnrolledCell {
    public typealias Scalar = S
    public static var gateCount: Int { 1 }
    public static var hasCellState: Bool { false }
    package static var foldsRecurrentBias: Bool { true }

    /// tanh (PyTorch's default) or relu.
    public let nonlinearity: RNN<S>.Nonlinearity
    private let recurrentWeight: PackedRecurrentWeight<S>

    /// A tanh cell over the given parameters (shared by reference).
    public convenience init(_ parameters: CellParameters<S>) { self.init(parameters, nonlinearity: .tanh) }

    /// A cell over the given parameters (shared by reference).
    public init(_ parameters: CellParameters<S>, nonlinearity: RNN<S>.Nonlinearity) {
        self.nonlinearity = nonlinearity
        recurrentWeight = PackedRecurrentWeight(gates: 1, hidden: parameters.hiddenSize)
        super.init(sharing: parameters)
    }

    /// PyTorch's `nn.RNNCell(inputSize, hiddenSize, bias, nonlinearity)`, initialised
    /// U(−1/√H, 1/√H) from `seed`.
    public convenience init(inputSize: Int, hiddenSize: Int, bias: Bool = true,
                            nonlinearity: RNN<S>.Nonlinearity, seed: UInt64 = 0) {
        self.init(CellParameters(inputSize: inputSize, hiddenSize: hiddenSize, gates: 1, bias: bias, seed: seed),
                  nonlinearity: nonlinearity)
    }

    override func makeStepper() -> any CellStepping<S> { CellStepper(sharingParameters()) }

    package func sharingParameters() -> RNNCell { RNNCell(cellParameters, nonlinearity: nonlinearity) }

    private var code: Int32 { Int32(nonlinearity == .tanh ? RK_CELL_RNN_TANH : RK_CELL_RNN_RELU) }

    package func forwardSequence(_ u: UnrolledSequence<S>, bias: UnsafePointer<S>?, output: UnsafeMutablePointer<S>,
                                 outputStride: Int, keepForBackward: Bool) {
        recurrenceForward(code, u, bias: bias, products: nil, gates: nil, output: output, outputStride: outputStride)
    }

    package func fusedBackward(_ u: UnrolledSequence<S>, _ g: SequenceGradients<S>) -> Bool? {
        recurrenceBackward(code, u, g, products: nil, gates: nil, recurrentGradients: nil)
    }

    package func prepareBackwardSteps(_ u: UnrolledSequence<S>) { recurrentWeight.pack(cellParameters.weightHH) }

    package func backwardStep(t: Int, _ u: UnrolledSequence<S>, _ g: SequenceGradients<S>, dy: UnsafePointer<S>?) {
        let (B, H) = (u.batch, u.hidden)
        let dPre = g.dGates + t * B * H
        S.rnnBackward(B, H, t, u.lengths, nonlinearity == .tanh ? 1 : 2, u.hs + u.nextSlot(t) * B * H, dy, g.ldy,
                       g.dh, dPre)
        recurrentWeight.accumulate(dPre, batch: B, into: g.dh)
    }
}
