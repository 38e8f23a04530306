import RecurrentCore

extension RecurrentDirection {
    /// The BPTT weight-gradient step. A weight enters every step, so its gradient is the sum
    /// over the steps k of what passes through it there:
    ///
    ///     ∂L/∂W = Σ_k ∂L/∂h_k⁺ · ∂h_k⁺/∂W
    ///
    /// (h_k⁺: the pre-activations of step k, ∂L/∂h_k⁺ = δ_k the gate gradients BPTT left in
    /// `dGates`). With h_k⁺ = W_ih·x_k + b_ih + W_hh·h_{k−1} + b_hh:
    ///
    ///     ∂L/∂W_ih = Σ_k δ_k·x_kᵀ,   ∂L/∂W_hh = Σ_k δ_k·h_{k−1}ᵀ,   ∂L/∂b_ih = ∂L/∂b_hh = Σ_k δ_k
    ///
    /// over all T·B rows at once — each sum one large GEMM (or row sum), not T small ones. Rows
    /// where the recurrent side sees another δ or another input (the GRU's n rows: δn̂ ⊙ r, or
    /// r ⊙ h_{k−1}) come from the cell (`UnrolledCell.unsharedRecurrentOperands`).
    /// `biasSumFromLoop`: Σ_k δ_k already summed by the fused loop (nil: sum here). Gradients
    /// are *added* into the parameters'.
    func accumulateParameterGradients(x: UnsafePointer<S>, biasSumFromLoop: UnsafeMutablePointer<S>?) {
        let T = steps, B = batch, H = parameters.hiddenSize, I = parameters.inputSize, G = gateWidth
        let dg = dGates.pointer
        let u = sequence(x: x, lengths: nil)
        let recurrentSide = cell.recurrentGateGradients
        // ∂b_ih += Σ_k δ_k (the input side's); ∂b_hh += Σ_k δʰ_k (the same, or the recurrent side's own).
        if parameters.hasBias {
            let sum = biasSumFromLoop ?? biasSum(dg, rows: T * B)
            parameters.biasIH.gradient.withUnsafeMutableBufferPointer { S.axpy(G, 1, sum, $0.baseAddress!) }
            if recurrentSide == nil {
                parameters.biasHH.gradient.withUnsafeMutableBufferPointer { S.axpy(G, 1, sum, $0.baseAddress!) }
            } else if biasSumFromLoop == nil {
                parameters.biasHH.gradient.withUnsafeMutableBufferPointer { S.sumRows(T * B, G, recurrentSide!, $0.baseAddress!) }
            }
        }
        let shared = cell.sharedGateRows
        parameters.weightIH.gradient.withUnsafeMutableBufferPointer { gi in
            parameters.weightHH.gradient.withUnsafeMutableBufferPointer { gh in
                let gi0 = gi.baseAddress!, gh0 = gh.baseAddress!
                // ∂W_ih[shared rows] += Σ_k δ_k·x_kᵀ and ∂W_hh[shared rows] += Σ_k δ_k·h_{k−1}ᵀ:
                // one product with δ (A) packed once for both.
                S.gemmSharedA(true, shared, T * B, 1, dg, G, I, x, I, gi0, I, H, u.hPrevBlock, H, gh0, H, 1)
                guard shared < G else { return }
                let rows = G - shared
                // ∂W_ih[other rows] += Σ_k δ_k·x_kᵀ
                S.gemm(true, false, rows, I, T * B, 1, dg + shared, G, x, I, 1, gi0 + shared * I, I)
                // ∂W_hh[other rows] += Σ_k δʰ_k·h'_{k−1}ᵀ, with the cell's δʰ and h' (h or r ⊙ h)
                let (dgh, hIn) = cell.unsharedRecurrentOperands(u, gateGradients: dg)
                S.gemm(true, false, rows, H, T * B, 1, dgh, G, hIn, H, 1, gh0 + shared * H, H)
            }
        }
    }

    /// Σ over `rows` rows of the gate gradients `dg` (G wide), in the bias-gradient workspace.
    private func biasSum(_ dg: UnsafePointer<S>, rows: Int) -> UnsafeMutablePointer<S> {
        let G = gateWidth
        let sum = biasGradient.reserve(G)
        sum.update(repeating: 0, count: G)
        S.sumRows(rows, G, dg, sum)
        return sum
    }
}
