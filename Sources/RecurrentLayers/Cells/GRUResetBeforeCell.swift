import RecurrentCore

/// The GRU cell with the reset gate before the recurrent product (Keras' `reset_after=False`,
/// the original formulation of Cho et al. 2014); gate order (r, z, n) as in ``GRUCell``:
///
///     r_t = σ(W_ir·x_t + b_ir + W_hr·h_{t−1} + b_hr)
///     z_t = σ(W_iz·x_t + b_iz + W_hz·h_{t−1} + b_hz)
///     n_t = tanh(W_in·x_t + b_in + W_hn·(r_t ⊙ h_{t−1}) + b_hn)
///     h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}
///
/// Backward step, with δh = ∂L/∂h_t:
///
///     δn̂ = δh ⊙ (1−z) ⊙ (1−n²),   δ(r⊙h) = W_hnᵀ·δn̂
///     δz = δh ⊙ (h_{t−1} − n) ⊙ z(1−z),   δr = δ(r⊙h) ⊙ h_{t−1} ⊙ r(1−r)
///     δ = [δr δz δn̂]   (the same on the input and recurrent sides)
///     ∂L/∂h_{t−1} = δh ⊙ z + δ(r⊙h) ⊙ r + W_h{r,z}ᵀ·[δr δz],   ∂L/∂x_t = W_ihᵀ·δ
///     ∂W_ih += δ·x_tᵀ,   ∂W_h{r,z} += [δr δz]·h_{t−1}ᵀ,   ∂W_hn += δn̂·(r_t ⊙ h_{t−1})ᵀ
///     ∂b_ih += δ,   ∂b_hh += δ
///
/// Two products a step (W_h{r,z}·h, then W_hn·(r⊙h)), so its time loop runs here, step by step,
/// with W_hh's two blocks packed once per sequence. It keeps every step's gates, its products
/// and r⊙h_{t−1} for backward. Parameters: W_ih (3H, I), W_hh (3H, H), b_ih, b_hh (3H).
public final class GRUResetBeforeCell<S: TensorScalar>: CellModule<S>, UnrolledCell {
    public typealias Scalar = S
    public static var gateCount: Int { 3 }
    public static var hasCellState: Bool { false }
    package static var foldsRecurrentBias: Bool { false }

    private let gates = Workspace<S>()     // r, z, n of every step
    private let products = Workspace<S>()  // W_h{r,z}·h_{t−1}, W_hn·(r⊙h_{t−1}) of every step
    private let resetHidden = Workspace<S>()   // r ⊙ h_{t−1} of every step
    private let resetHiddenGradient = Workspace<S>()  // ∂L/∂(r ⊙ h_{t−1}) of one step
    // W_h{r,z} and W_hn packed apart: transposed for the forward products, as is for backward.
    private let packedRZT: PackedMatrix<S>
    private let packedNT: PackedMatrix<S>
    private let packedRZ: PackedMatrix<S>
    private let packedN: PackedMatrix<S>

    /// A cell over the given parameters (shared by reference).
    public init(_ parameters: CellParameters<S>) {
        let H = parameters.hiddenSize
        packedRZT = PackedMatrix(k: H, n: 2 * H)
        packedNT = PackedMatrix(k: H, n: H)
        packedRZ = PackedMatrix(k: 2 * H, n: H)
        packedN = PackedMatrix(k: H, n: H)
        super.init(sharing: parameters)
    }

    override func makeStepper() -> any CellStepping<S> { CellStepper(sharingParameters()) }

    /// r and z rows: W_ih and W_hh see the same δ and x_k, h_{k−1}; W_hn sees r ⊙ h_{k−1}.
    package var sharedGateRows: Int { 2 * hiddenSize }

    package func unsharedRecurrentOperands(_ u: UnrolledSequence<S>, gateGradients: UnsafeMutablePointer<S>)
        -> (gradients: UnsafePointer<S>, input: UnsafePointer<S>) {
        (UnsafePointer(gateGradients + sharedGateRows), UnsafePointer(resetHidden.pointer))
    }

    package func nBlockInput(t: Int, _ u: UnrolledSequence<S>) -> UnsafePointer<S>? {
        UnsafePointer(resetHidden.pointer + t * u.batch * u.hidden)
    }

    /// The step-by-step loop (it keeps what backward needs whatever `keepForBackward` says).
    package func forwardSequence(_ u: UnrolledSequence<S>, bias: UnsafePointer<S>?, output: UnsafeMutablePointer<S>,
                                 outputStride: Int, keepForBackward: Bool) {
        let (T, B, H) = (u.steps, u.batch, u.hidden)
        let (G, BH) = (3 * H, B * H)
        if let bias { S.addBiasActivate(T * B, G, bias, u.xp, .identity) }
        let gatesP = gates.reserve(T * B * G), hpP = products.reserve(T * B * G), rhP = resetHidden.reserve(T * BH)
        cellParameters.weightHH.value.withUnsafeBufferPointer { w in
            packedRZT.pack(w.baseAddress!, ld: H, transpose: true)
            packedNT.pack(w.baseAddress! + 2 * H * H, ld: H, transpose: true)
        }
        cellParameters.biasHH.value.withUnsafeBufferPointer { bhh in
            for s in 0..<T {
                let t = u.reverse ? T - 1 - s : s
                let hPrev = u.hPrev(t), h = u.hs + u.nextSlot(t) * BH
                let (hpT, gT, rhT, xpT) = (hpP + t * B * G, gatesP + t * B * G, rhP + t * BH, u.xp + t * B * G)
                packedRZT.multiply(hPrev, lda: H, m: B, into: hpT, ldc: G, beta: 0)
                S.gruResetBeforeForward(1, B, H, t, u.lengths, xpT, hpT, bhh.baseAddress!, gT, hPrev, rhT)
                packedNT.multiply(rhT, lda: H, m: B, into: hpT + 2 * H, ldc: G, beta: 0)
                S.gruResetBeforeForward(2, B, H, t, u.lengths, xpT, hpT, bhh.baseAddress!, gT, hPrev, h)
                for b in 0..<B {
                    let dst = output + (t * B + b) * outputStride
                    if let lengths = u.lengths, Int(lengths[b]) <= t {
                        dst.update(repeating: 0, count: H)
                    } else {
                        dst.update(from: h + b * H, count: H)
                    }
                }
            }
        }
    }

    /// No fused backward: two products a step.
    package func fusedBackward(_ u: UnrolledSequence<S>, _ g: SequenceGradients<S>) -> Bool? { nil }

    package func prepareBackwardSteps(_ u: UnrolledSequence<S>) {
        let H = u.hidden
        cellParameters.weightHH.value.withUnsafeBufferPointer { w in
            packedRZ.pack(w.baseAddress!, ld: H, transpose: false)
            packedN.pack(w.baseAddress! + 2 * H * H, ld: H, transpose: false)
        }
        resetHiddenGradient.reserve(u.batch * H)
    }

    package func backwardStep(t: Int, _ u: UnrolledSequence<S>, _ g: SequenceGradients<S>, dy: UnsafePointer<S>?) {
        let (B, H) = (u.batch, u.hidden)
        let G = 3 * H
        let (dgT, gT, hPrev, drh) = (g.dGates + t * B * G, gates.pointer + t * B * G, u.hPrev(t), resetHiddenGradient.pointer)
        S.gruResetBeforeBackwardN(B, H, t, u.lengths, gT, hPrev, dy, g.ldy, g.dh, dgT)
        packedN.multiply(dgT + 2 * H, lda: G, m: B, into: drh, ldc: H, beta: 0)
        S.gruResetBeforeBackwardRZ(B, H, t, u.lengths, gT, hPrev, drh, g.dh, dgT)
        packedRZ.multiply(dgT, lda: G, m: B, into: g.dh, ldc: H, beta: 1)
    }
}
