import RecurrentCore

/// What BPTT did at each time step of one direction of one layer.
///
/// BPTT writes the weight gradient as a sum over time steps,
/// ∂L/∂W_hh = Σ_k δ_k·h_{k−1}ᵀ with δ_k = ∂L/∂(pre-activations at k), where the
/// gradient reaching step k has travelled ∂h_T/∂h_k through every later step. These
/// per-step terms are what vanish (or explode) over long sequences.
public struct GradientThroughTime: Sendable, Equatable {
    /// The stacked layer (0 = bottom).
    public var layer: Int
    /// 0 = forward, 1 = reverse.
    public var direction: Int
    /// ‖∂L/∂h_k‖ (Frobenius over the batch) for k in time order.
    public var hiddenGradientNorms: [Double]
    /// ‖δ_kᵀ·h_{k−1}‖_F: the norm of step k's term of ∂L/∂W_hh.
    public var recurrentWeightContributionNorms: [Double]
    /// ‖δ_kᵀ·x_k‖_F: the norm of step k's term of ∂L/∂W_ih.
    public var inputWeightContributionNorms: [Double]

    /// A record of these norms.
    public init(layer: Int, direction: Int, hiddenGradientNorms: [Double],
                recurrentWeightContributionNorms: [Double], inputWeightContributionNorms: [Double]) {
        self.layer = layer
        self.direction = direction
        self.hiddenGradientNorms = hiddenGradientNorms
        self.recurrentWeightContributionNorms = recurrentWeightContributionNorms
        self.inputWeightContributionNorms = inputWeightContributionNorms
    }
}

/// Collects ``GradientThroughTime`` during one backward pass (the slower, optional path:
/// one small GEMM per step for each weight's term).
final class GradientRecorder<S: TensorScalar> {
    let layer: Int
    let direction: Int
    private(set) var record: GradientThroughTime
    /// Σ_k of the per-step terms, kept so tests can check they add up to the gradient.
    private(set) var recurrentSum: Tensor<S>
    private(set) var inputSum: Tensor<S>
    private let term = Workspace<S>()

    init(layer: Int, direction: Int, gateWidth: Int, hidden: Int, input: Int) {
        self.layer = layer
        self.direction = direction
        record = GradientThroughTime(layer: layer, direction: direction, hiddenGradientNorms: [],
                                     recurrentWeightContributionNorms: [], inputWeightContributionNorms: [])
        recurrentSum = Tensor(zeros: [gateWidth, hidden])
        inputSum = Tensor(zeros: [gateWidth, input])
    }

    func begin(steps: Int) {
        record.hiddenGradientNorms = Array(repeating: 0, count: steps)
        record.recurrentWeightContributionNorms = Array(repeating: 0, count: steps)
        record.inputWeightContributionNorms = Array(repeating: 0, count: steps)
        recurrentSum.fill(0)
        inputSum.fill(0)
    }

    func recordHidden(time t: Int, dh: UnsafePointer<S>, dy: UnsafePointer<S>?, ldy: Int,
                      batch: Int, hidden: Int, lengths: UnsafePointer<Int32>?) {
        var sum = 0.0
        for b in 0..<batch where lengths == nil || Int(lengths![b]) > t {
            for j in 0..<hidden {
                let v = Double(dh[b * hidden + j]) + Double(dy.map { $0[b * ldy + j] } ?? 0)
                sum += v * v
            }
        }
        record.hiddenGradientNorms[t] = sum.squareRoot()
    }

    func recordContribution(time t: Int, dGates: UnsafePointer<S>, dGatesInput: UnsafePointer<S>,
                            hPrev: UnsafePointer<S>, nBlockInput: UnsafePointer<S>?, x: UnsafePointer<S>,
                            batch: Int, gateWidth g: Int, hidden: Int, input: Int) {
        let p = term.reserve(g * max(hidden, input))
        if let nBlockInput {  // GRU, reset before the product: W_hn multiplies r ⊙ h_{t−1}
            S.gemm(true, false, g - hidden, hidden, batch, 1, dGates, g, hPrev, hidden, 0, p, hidden)
            S.gemm(true, false, hidden, hidden, batch, 1, dGates + g - hidden, g, nBlockInput, hidden, 0,
                    p + (g - hidden) * hidden, hidden)
        } else {
            S.gemm(true, false, g, hidden, batch, 1, dGates, g, hPrev, hidden, 0, p, hidden)
        }
        record.recurrentWeightContributionNorms[t] = S.sumsq(g * hidden, p).squareRoot()
        recurrentSum.withUnsafeMutableBufferPointer { S.axpy(g * hidden, 1, p, $0.baseAddress!) }
        S.gemm(true, false, g, input, batch, 1, dGatesInput, g, x, input, 0, p, input)
        record.inputWeightContributionNorms[t] = S.sumsq(g * input, p).squareRoot()
        inputSum.withUnsafeMutableBufferPointer { S.axpy(g * input, 1, p, $0.baseAddress!) }
    }
}
