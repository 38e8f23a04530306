import RecurrentCore

/// The GRU cell, PyTorch's formulation and gate order (r, z, n):
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
///     input side  [δr δz δn̂]       → ∂W_ih, ∂b_ih, ∂x
///     recurrent   [δr δz δn̂ ⊙ r]   → ∂W_hh, ∂b_hh
///     ∂L/∂h_{t−1} = δh ⊙ z + W_hhᵀ·[δr δz δn̂⊙r]
public enum GRUCell {
    /// Adds b_hh into `hp` (= W_hh·h_{t−1}, B×3H) and writes the gates and h_t.
    @inline(__always)
    static func forward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, xp: UnsafePointer<S>,
        hp: UnsafeMutablePointer<S>, biasHH: UnsafePointer<S>, gates: UnsafeMutablePointer<S>,
        hPrev: UnsafePointer<S>, h: UnsafeMutablePointer<S>
    ) {
        S.gruForward(batch, hidden, t, lengths, xp, 3 * hidden, hp, biasHH, gates, hPrev, h)
    }

    /// Writes the input-side and recurrent-side gate gradients; leaves δh ⊙ z in `dh`.
    @inline(__always)
    static func backward<S: TensorScalar>(
        batch: Int, hidden: Int, t: Int, lengths: UnsafePointer<Int32>?, gates: UnsafePointer<S>,
        hp: UnsafePointer<S>, hPrev: UnsafePointer<S>, dy: UnsafePointer<S>?, ldy: Int,
        dh: UnsafeMutablePointer<S>, dInput: UnsafeMutablePointer<S>, dHidden: UnsafeMutablePointer<S>
    ) {
        S.gruBackward(batch, hidden, t, lengths, gates, hp, hPrev, dy, ldy, dh, dInput, dHidden)
    }
}
