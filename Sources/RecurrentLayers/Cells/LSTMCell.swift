import RecurrentCore

/// The LSTM cell, PyTorch's formulation and gate order (i, f, g, o):
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
///     ∂L/∂c_{t−1} = δc ⊙ f,           ∂L/∂h_{t−1} = W_hhᵀ·[δi δf δg δo]
///
/// The matrix products run outside (all steps' input projections in one GEMM, the
/// recurrent one per step with W_hh packed once); these are the fused elementwise passes.
public enum LSTMCell {
    /// Activates the pre-activations in `gates` (B×4H) in place and writes c_t, h_t.
    @inline(__always)
    static func forward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, gates: UnsafeMutablePointer<S>,
        cPrev: UnsafePointer<S>, hPrev: UnsafePointer<S>, c: UnsafeMutablePointer<S>, h: UnsafeMutablePointer<S>
    ) {
        S.lstmForward(batch, hidden, t, lengths, gates, cPrev, hPrev, c, h)
    }

    /// Turns ∂L/∂h_t (carried `dh` + this step's `dy`) and ∂L/∂c_t into the gate
    /// gradients; leaves the part of ∂L/∂h_{t−1} not through W_hh in `dh`.
    @inline(__always)
    static func backward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, gates: UnsafePointer<S>,
        cPrev: UnsafePointer<S>, c: UnsafePointer<S>, dy: UnsafePointer<S>?, ldy: Int,
        dh: UnsafeMutablePointer<S>, dc: UnsafeMutablePointer<S>, dGates: UnsafeMutablePointer<S>
    ) {
        S.lstmBackward(batch, hidden, t, lengths, gates, cPrev, c, dy, ldy, dh, dc, dGates)
    }
}
