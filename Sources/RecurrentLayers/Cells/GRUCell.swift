import RecurrentCore
import _RecurrentKernels

/// The GRU cell (PyTorch `nn.GRUCell`), PyTorch's formulation and gate order (r, z, n), the
/// reset gate applied after the recurrent product:
///
///     r_t = σ(W_ir·x_t + b_ir + W_hr·h_{t−1} + b_hr)
///     z_t = σ(W_iz·x_t + b_iz + W_hz·h_{t−1} + b_hz)
///     n_t = tanh(W_in·x_t + b_in + r_t ⊙ (W_hn·h_{t−1} + b_hn))
///     h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
///
/// Backward step, with δh = ∂L/∂h_t:
///
///     δn̂ = δh ⊙ (1−z) ⊙ (1−n²)           (pre-activation of n)
///     δz = δh ⊙ (h_{t−1} − n) ⊙ z(1−z)
///     δr = δn̂ ⊙ (W_hn·h_{t−1} + b_hn) ⊙ r(1−r)
///     input side  δˣ = [δr δz δn̂],   recurrent side  δʰ = [δr δz δn̂ ⊙ r]
///     ∂L/∂h_{t−1} = δh ⊙ z + W_hhᵀ·δʰ,   ∂L/∂x_t = W_ihᵀ·δˣ
///     ∂W_ih += δˣ·x_tᵀ,   ∂b_ih += δˣ,   ∂W_hh += δʰ·h_{t−1}ᵀ,   ∂b_hh += δʰ
///
/// (the r and z rows of δˣ and δʰ are equal: W_ih and W_hh share them). Parameters: W_ih (3H, I),
/// W_hh (3H, H), b_ih, b_hh (3H). In a layer the time loop is fused in C (`RK_CELL_GRU`); for
/// backward the cell keeps every step's gates and W_hh·h_{t−1} + b_hh. Keras' variant with the
/// reset gate before the product is ``GRUResetBeforeCell``.
public final class GRUCell<S: TensorScalar>: CellModule<S>, UnrolledCell {
    public typealias Scalar = S
    public static var gateCount: Int { 3 }
    public static var hasCellState: Bool { false }
    package static var foldsRecurrentBias: Bool { false }

    private let recurrentWeight: PackedRecurrentWeight<S>
    private let gates = Workspace<S>()           // r, z, n of every step
    private let products = Workspace<S>()        // W_hh·h_{t−1} + b_hh of every step
    private let recurrentGradients = Workspace<S>()  // δʰ of every step

    /// A cell over the given parameters (shared by reference).
    public init(_ parameters: CellParameters<S>) {
        recurrentWeight = PackedRecurrentWeight(gates: 3, hidden: parameters.hiddenSize)
        super.init(sharing: parameters)
    }

    override func makeStepper() -> any CellStepping<S> { CellStepper(sharingParameters()) }

    /// r and z rows: the same δ on both sides; the n rows differ.
    package var sharedGateRows: Int { 2 * hiddenSize }
    package var recurrentGateGradients: UnsafeMutablePointer<S>? { recurrentGradients.pointer }

    /// W_hn sees δn̂ ⊙ r (the recurrent side's own rows) times h_{k−1}.
    package func unsharedRecurrentOperands(_ u: UnrolledSequence<S>, gateGradients: UnsafeMutablePointer<S>)
        -> (gradients: UnsafePointer<S>, input: UnsafePointer<S>) {
        (UnsafePointer(recurrentGradients.pointer + sharedGateRows), UnsafePointer(u.hPrevBlock))
    }

    /// Keeps the gates and products only for backward (inference: one step of them stays in cache).
    package func forwardSequence(_ u: UnrolledSequence<S>, bias: UnsafePointer<S>?, output: UnsafeMutablePointer<S>,
                                 outputStride: Int, keepForBackward: Bool) {
        let n = u.steps * u.batch * 3 * u.hidden
        recurrenceForward(Int32(RK_CELL_GRU), u, bias: bias, products: keepForBackward ? products.reserve(n) : nil,
                          gates: keepForBackward ? gates.reserve(n) : nil, output: output, outputStride: outputStride)
    }

    package func reserveBackward(_ u: UnrolledSequence<S>) { recurrentGradients.reserve(u.steps * u.batch * 3 * u.hidden) }

    package func fusedBackward(_ u: UnrolledSequence<S>, _ g: SequenceGradients<S>) -> Bool? {
        recurrenceBackward(Int32(RK_CELL_GRU), u, g, products: products.pointer, gates: gates.pointer,
                           recurrentGradients: recurrentGradients.pointer)
    }

    package func prepareBackwardSteps(_ u: UnrolledSequence<S>) { recurrentWeight.pack(cellParameters.weightHH) }

    package func backwardStep(t: Int, _ u: UnrolledSequence<S>, _ g: SequenceGradients<S>, dy: UnsafePointer<S>?) {
        let (B, H) = (u.batch, u.hidden)
        let rows = t * B * 3 * H
        let dHidden = recurrentGradients.pointer + rows
        S.gruBackward(B, H, t, u.lengths, gates.pointer + rows, products.pointer + rows, u.hPrev(t), dy, g.ldy, g.dh,
                       g.dGates + rows, dHidden)
        recurrentWeight.accumulate(dHidden, batch: B, into: g.dh)
    }
}
