import RecurrentCore

/// The vanilla (Elman) RNN cell:
///
///     h_t = act(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh),   act ∈ {tanh, relu}
///
/// Backward step, with δh = ∂L/∂h_t:
///
///     δa = δh ⊙ act′   (tanh′ = 1 − h_t², relu′ = [h_t > 0])
///     ∂L/∂h_{t−1} = W_hhᵀ·δa,   ∂W_hh += δa·h_{t−1}ᵀ,   ∂W_ih += δa·x_tᵀ
///
/// Repeated multiplication by W_hhᵀ·diag(act′) is what makes these gradients vanish or
/// explode over long sequences.
public enum RNNCell {
    @inline(__always)
    static func forward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, relu: Bool,
        pre: UnsafePointer<S>, hPrev: UnsafePointer<S>, h: UnsafeMutablePointer<S>
    ) {
        S.rnnForward(batch, hidden, t, lengths, relu ? 2 : 1, pre, hPrev, h)
    }

    @inline(__always)
    static func backward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, relu: Bool,
        h: UnsafePointer<S>, dy: UnsafePointer<S>?, ldy: Int, dh: UnsafeMutablePointer<S>,
        dPre: UnsafeMutablePointer<S>
    ) {
        S.rnnBackward(batch, hidden, t, lengths, relu ? 2 : 1, h, dy, ldy, dh, dPre)
    }
}
