import RecurrentCore
import _RecurrentKernels

/// The LSTM cell (PyTorch `nn.LSTMCell`), PyTorch's formulation and gate order (i, f, g, o):
///
///     i_t = σ(W_ii·x_t + b_ii + W_hi·h_{t−1} + b_hi)
///     f_t = σ(W_if·x_t + b_if + W_hf·h_{t−1} + b_hf)
///     g_t = tanh(W_ig·x_t + b_ig + W_hg·h_{t−1} + b_hg)
///     o_t = σ(W_io·x_t + b_io + W_ho·h_{t−1} + b_ho)
///     c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
///     h_t = o_t ⊙ tanh(c_t)
///
/// Backward step (the local Jacobian products of BPTT), with δh = ∂L/∂h_t and δc the
/// gradient carried into c_t:
///
///     δc ← δc + δh ⊙ o ⊙ (1 − tanh²c_t)
///     δo = δh ⊙ tanh c_t ⊙ o(1−o),   δi = δc ⊙ g ⊙ i(1−i)
///     δf = δc ⊙ c_{t−1} ⊙ f(1−f),    δg = δc ⊙ i ⊙ (1−g²)
///     δ = [δi δf δg δo]
///     ∂L/∂c_{t−1} = δc ⊙ f,   ∂L/∂h_{t−1} = W_hhᵀ·δ,   ∂L/∂x_t = W_ihᵀ·δ
///     ∂W_ih += δ·x_tᵀ,   ∂W_hh += δ·h_{t−1}ᵀ,   ∂b_ih += δ,   ∂b_hh += δ
///
/// Parameters: W_ih (4H, I), W_hh (4H, H), b_ih, b_hh (4H). In a layer the matrix products run
/// outside the elementwise passes (all steps' input projections in one GEMM, the recurrent one
/// per step with W_hh packed once); the time loop is fused in C (`RK_CELL_LSTM`).
public final class LSTMCell<S: TensorScalar>: CellModule<S>, UnrolledCell {
    public typealias Scalar = S
    public static var gateCount: Int { 4 }
    public static var hasCellState: Bool { true }
    package static var foldsRecurrentBias: Bool { true }

    private let recurrentWeight: PackedRecurrentWeight<S>

    /// A cell over the given parameters (shared by reference).
    public init(_ parameters: CellParameters<S>) {
        recurrentWeight = PackedRecurrentWeight(gates: 4, hidden: parameters.hiddenSize)
        super.init(sharing: parameters)
    }

    override func makeStepper() -> any CellStepping<S> { CellStepper(sharingParameters()) }

    package func forwardSequence(_ u: UnrolledSequence<S>, bias: UnsafePointer<S>?, output: UnsafeMutablePointer<S>,
                                 outputStride: Int, keepForBackward: Bool) {
        recurrenceForward(Int32(RK_CELL_LSTM), u, bias: bias, products: nil, gates: nil, output: output,
                          outputStride: outputStride)
    }

    package func fusedBackward(_ u: UnrolledSequence<S>, _ g: SequenceGradients<S>) -> Bool? {
        recurrenceBackward(Int32(RK_CELL_LSTM), u, g, products: nil, gates: nil, recurrentGradients: nil)
    }

    package func prepareBackwardSteps(_ u: UnrolledSequence<S>) { recurrentWeight.pack(cellParameters.weightHH) }

    /// The forward pass left the activated gates of step t in xp's rows of t.
    package func backwardStep(t: Int, _ u: UnrolledSequence<S>, _ g: SequenceGradients<S>, dy: UnsafePointer<S>?) {
        let (B, H) = (u.batch, u.hidden)
        let (rows, BH) = (t * B * 4 * H, B * H)
        let cs = u.cs!
        S.lstmBackward(B, H, t, u.lengths, u.xp + rows, cs + u.prevSlot(t) * BH, cs + u.nextSlot(t) * BH, dy, g.ldy,
                        g.dh, g.dc, g.dGates + rows)
        recurrentWeight.accumulate(g.dGates + rows, batch: B, into: g.dh)
    }
}
