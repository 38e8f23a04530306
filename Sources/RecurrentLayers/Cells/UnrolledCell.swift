import RecurrentCore

/// What the unroller (`RecurrentDirection`) needs of a cell: its passes over one direction's
/// sequence, in the unroller's layout. A new cell is a new conforming type; the unroller never
/// asks which cell it runs.
///
/// The unroller owns the buffers every cell has (input projections xp, states hs/cs, gate
/// gradients, ∂h/∂c carried back); the cell owns what only it keeps for backward (the GRU's
/// activated gates and W_hh·h products, the reset-before GRU's r⊙h), its packed W_hh for the
/// step-by-step backward, and the calls into its fused kernels.
package protocol UnrolledCell<Scalar>: RecurrentCell {
    /// Whether b_hh enters the same pre-activations as b_ih (RNN, LSTM): then the unroller adds
    /// b_ih + b_hh to the input projections; otherwise only b_ih, and the cell adds b_hh.
    static var foldsRecurrentBias: Bool { get }

    /// Rows of the gate gradients (out of G·H) that W_ih and W_hh both see with the same
    /// inputs x_k and h_{k−1}: all of them, or the GRU's r and z rows (its n rows differ).
    var sharedGateRows: Int { get }

    /// The recurrent side's gate gradients, (T·B, G·H), where they differ from the input
    /// side's (the GRU with the reset gate after the product); nil where they are the same.
    var recurrentGateGradients: UnsafeMutablePointer<Scalar>? { get }

    /// A new cell of the same type sharing these parameters (its own workspaces).
    func sharingParameters() -> Self

    /// The forward time loop over `u`: xp holds X·W_ihᵀ, `bias` is to be added to each step's
    /// input projections (nil: no biases), hs/cs hold the initial state in their start slot.
    /// Writes every state and each step's h_t to `output` (zeros past a sequence's end).
    /// `keepForBackward` false: backward will not follow (keep nothing beyond the states).
    func forwardSequence(_ u: UnrolledSequence<Scalar>, bias: UnsafePointer<Scalar>?,
                         output: UnsafeMutablePointer<Scalar>, outputStride: Int, keepForBackward: Bool)

    /// Reserves the cell's own backward buffers for `u` (called before either backward path).
    func reserveBackward(_ u: UnrolledSequence<Scalar>)

    /// The whole BPTT time loop in one fused call, where the cell has one: fills the gate
    /// gradients, carries ∂h/∂c back to the start, sums the bias gradients into `g.biasSum`
    /// (b_hh's own, if separate, straight into its gradient) and may add ∂x. Returns whether
    /// it added ∂x, or nil when the cell has no fused backward (the unroller then steps).
    func fusedBackward(_ u: UnrolledSequence<Scalar>, _ g: SequenceGradients<Scalar>) -> Bool?

    /// Prepares the step-by-step backward (packs W_hh for δ·W_hh).
    func prepareBackwardSteps(_ u: UnrolledSequence<Scalar>)

    /// One BPTT step at time t: from ∂L/∂h_t (carried `g.dh` + `dy`) and ∂L/∂c_t, writes the
    /// gate gradients of step t and leaves ∂L/∂h_{t−1}, ∂L/∂c_{t−1} in `g.dh`, `g.dc`.
    func backwardStep(t: Int, _ u: UnrolledSequence<Scalar>, _ g: SequenceGradients<Scalar>,
                      dy: UnsafePointer<Scalar>?)

    /// For the rows past ``sharedGateRows``: the recurrent side's gate gradients and the
    /// (T·B, H) block W_hh's rows multiply (h_{k−1}, or r⊙h_{k−1}).
    func unsharedRecurrentOperands(_ u: UnrolledSequence<Scalar>, gateGradients: UnsafeMutablePointer<Scalar>)
        -> (gradients: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>)

    /// What W_hn multiplies at step t in place of h_{t−1} (the gradient recorder's n block),
    /// or nil where it is h_{t−1}.
    func nBlockInput(t: Int, _ u: UnrolledSequence<Scalar>) -> UnsafePointer<Scalar>?
}

extension UnrolledCell {
    package func sharingParameters() -> Self { Self(cellParameters) }
    package var sharedGateRows: Int { Self.gateCount * hiddenSize }
    package var recurrentGateGradients: UnsafeMutablePointer<Scalar>? { nil }
    package func reserveBackward(_ u: UnrolledSequence<Scalar>) {}
    package func nBlockInput(t: Int, _ u: UnrolledSequence<Scalar>) -> UnsafePointer<Scalar>? { nil }
    package func unsharedRecurrentOperands(_ u: UnrolledSequence<Scalar>, gateGradients: UnsafeMutablePointer<Scalar>)
        -> (gradients: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>) {
        preconditionFailure("\(Self.self) shares all its gate rows between W_ih and W_hh")
    }
}

/// One direction's sequence as the unroller lays it out (time-major): x (T·B, I), input
/// projections xp (T·B, G·H), states hs/cs ((T+1)·B, H). The forward direction reads state
/// slot t and writes t+1; the reverse one reads t+1 and writes t, so the previous states of all
/// steps form one contiguous (T·B, H) block (for the weight-gradient GEMMs).
package struct UnrolledSequence<S: TensorScalar> {
    package let steps: Int
    package let batch: Int
    package let hidden: Int
    package let inputSize: Int
    package let reverse: Bool
    package let lengths: UnsafePointer<Int32>?
    package let x: UnsafePointer<S>
    package let xp: UnsafeMutablePointer<S>
    package let hs: UnsafeMutablePointer<S>
    /// nil for cells without a memory cell.
    package let cs: UnsafeMutablePointer<S>?

    @inline(__always) package func prevSlot(_ t: Int) -> Int { reverse ? t + 1 : t }
    @inline(__always) package func nextSlot(_ t: Int) -> Int { reverse ? t : t + 1 }
    /// h_{t−1} of step t (B×H).
    @inline(__always) package func hPrev(_ t: Int) -> UnsafeMutablePointer<S> { hs + prevSlot(t) * batch * hidden }
    /// The previous states of all steps, one (T·B, H) block.
    package var hPrevBlock: UnsafeMutablePointer<S> { hs + (reverse ? batch * hidden : 0) }
}

/// The backward buffers of one direction's sequence.
package struct SequenceGradients<S: TensorScalar> {
    package let dy: UnsafePointer<S>?
    package let ldy: Int
    /// 0: full BPTT; k: the state entering each chunk of k steps is detached.
    package let truncation: Int
    /// ∂L/∂h carried back (B×H), ∂L/∂c (B×H).
    package let dh: UnsafeMutablePointer<S>
    package let dc: UnsafeMutablePointer<S>
    /// Gate gradients of every step (T·B, G·H); the input side's where the sides differ.
    package let dGates: UnsafeMutablePointer<S>
    /// Where a fused backward sums the (input-side) bias gradients; nil without biases.
    package let biasSum: UnsafeMutablePointer<S>?
    /// Where a fused backward may add ∂L/∂x.
    package let dx: UnsafeMutablePointer<S>?
}

extension UnrolledCell {
    /// The fused forward time loop (`rk_recurrence.h`) for the cell `code` (`RK_CELL_*`).
    func recurrenceForward(_ code: Int32, _ u: UnrolledSequence<Scalar>, bias: UnsafePointer<Scalar>?,
                           products hp: UnsafeMutablePointer<Scalar>?, gates: UnsafeMutablePointer<Scalar>?,
                           output: UnsafeMutablePointer<Scalar>, outputStride: Int) {
        let p = cellParameters
        p.weightHH.value.withUnsafeBufferPointer { w in
            p.biasHH.value.withUnsafeBufferPointer { bhh in
                Scalar.recurrenceForward(code, u.steps, u.batch, u.hidden, u.reverse, u.lengths, w.baseAddress!,
                                          bhh.baseAddress!, bias, u.xp, hp, gates, u.hs, u.cs, output, outputStride)
            }
        }
    }

    /// The fused BPTT time loop for the cell `code`; returns whether it added ∂x.
    func recurrenceBackward(_ code: Int32, _ u: UnrolledSequence<Scalar>, _ g: SequenceGradients<Scalar>,
                            products hp: UnsafePointer<Scalar>?, gates: UnsafePointer<Scalar>?,
                            recurrentGradients dgh: UnsafeMutablePointer<Scalar>?) -> Bool {
        let p = cellParameters
        return p.weightHH.value.withUnsafeBufferPointer { w in
            p.weightIH.value.withUnsafeBufferPointer { wih in
                p.biasHH.gradient.withUnsafeMutableBufferPointer { dbhh in
                    Scalar.recurrenceBackward(code, u.steps, u.batch, u.hidden, u.reverse, u.lengths, w.baseAddress!,
                                               u.xp, hp, gates, u.hs, u.cs.map { UnsafePointer($0) }, g.dy, g.ldy,
                                               g.truncation, g.dh, u.cs == nil ? nil : g.dc, g.dGates, dgh, g.biasSum,
                                               dgh != nil && g.biasSum != nil ? dbhh.baseAddress! : nil,
                                               wih.baseAddress!, u.inputSize, g.dx)
                }
            }
        }
    }
}

/// W_hh packed once per backward for the step-by-step loop: ∂L/∂h_{t−1} += δ_t·W_hh.
package final class PackedRecurrentWeight<S: TensorScalar> {
    private let packed: PackedMatrix<S>
    private let width: Int
    private let hidden: Int

    package init(gates: Int, hidden: Int) {
        width = gates * hidden
        self.hidden = hidden
        packed = PackedMatrix(k: width, n: hidden)
    }

    package func pack(_ weight: Parameter<S>) {
        weight.value.withUnsafeBufferPointer { packed.pack($0.baseAddress!, ld: hidden, transpose: false) }
    }

    /// dh (B×H) += δ (B×G·H) · W_hh.
    @inline(__always)
    package func accumulate(_ dGates: UnsafePointer<S>, batch: Int, into dh: UnsafeMutablePointer<S>) {
        packed.multiply(dGates, lda: width, m: batch, into: dh, ldc: hidden, beta: 1)
    }
}
