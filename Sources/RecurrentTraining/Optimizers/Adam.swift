import RecurrentCore
import RecurrentLayers
import _RecurrentKernels

/// Adam, with L2 weight decay (`torch.optim.Adam`) or decoupled weight decay
/// (`torch.optim.AdamW`, see ``adamW(_:learningRate:beta1:beta2:epsilon:weightDecay:amsgrad:)``),
/// and the AMSGrad variant. At step t, for each parameter θ with gradient g:
///
///     θ ← θ(1 − γλ)                 (AdamW)      g ← g + λθ      (Adam, λ ≠ 0)
///     m ← β₁m + (1 − β₁)g           v ← β₂v + (1 − β₂)g²
///     v̂ ← max(v̂, v)  (AMSGrad)      else v̂ ← v
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
///
/// Defaults as PyTorch: γ = 1e-3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0 (Adam) / 1e-2 (AdamW).
/// State: `exp_avg.<i>`, `exp_avg_sq.<i>`, and `max_exp_avg_sq.<i>` with AMSGrad.
public final class Adam<Scalar: TensorScalar>: Optimizer {
    public let parameters: [Parameter<Scalar>]
    public var learningRate: Double
    /// β₁, the decay of the gradient average m (default 0.9).
    public let beta1: Double
    /// β₂, the decay of the squared-gradient average v (default 0.999).
    public let beta2: Double
    /// ε, added to the denominator (default 1e-8).
    public let epsilon: Double
    /// λ: an L2 term added to the gradient, or (``decoupledWeightDecay``) a shrink of θ.
    public let weightDecay: Double
    /// AdamW's decoupled weight decay.
    public let decoupledWeightDecay: Bool
    /// Whether the AMSGrad variant keeps the running maximum v̂ of v (default false).
    public let amsgrad: Bool
    public private(set) var stepCount = 0
    private var expAvg: [Tensor<Scalar>]
    private var expAvgSq: [Tensor<Scalar>]
    private var maxExpAvgSq: [Tensor<Scalar>]

    /// Throws for a negative γ, ε or λ, or a β outside [0, 1).
    public init(_ parameters: [Parameter<Scalar>], learningRate: Double = 1e-3, beta1: Double = 0.9,
                beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
                decoupledWeightDecay: Bool = false, amsgrad: Bool = false) throws {
        try requireHyperparameter(learningRate >= 0, "Adam learning rate \(learningRate) < 0")
        try requireHyperparameter(epsilon >= 0, "Adam epsilon \(epsilon) < 0")
        try requireHyperparameter((0..<1).contains(beta1) && (0..<1).contains(beta2), "Adam betas (\(beta1), \(beta2)) outside [0, 1)")
        try requireHyperparameter(weightDecay >= 0, "Adam weight decay \(weightDecay) < 0")
        self.parameters = parameters.uniqued()
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.amsgrad = amsgrad
        expAvg = self.parameters.zeroBuffers()
        expAvgSq = self.parameters.zeroBuffers()
        maxExpAvgSq = amsgrad ? self.parameters.zeroBuffers() : []
    }

    /// AdamW (`torch.optim.AdamW`): Adam with decoupled weight decay, λ = 1e-2 by default.
    public static func adamW(_ parameters: [Parameter<Scalar>], learningRate: Double = 1e-3, beta1: Double = 0.9,
                             beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 1e-2,
                             amsgrad: Bool = false) throws -> Adam {
        try Adam(parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                 weightDecay: weightDecay, decoupledWeightDecay: true, amsgrad: amsgrad)
    }

    public func step() {
        stepCount += 1
        let t = Double(stepCount)
        let h = AdamHyper<Scalar>(
            oneMinusBeta1: Scalar(1 - beta1), beta2: Scalar(beta2), oneMinusBeta2: Scalar(1 - beta2), epsilon: Scalar(epsilon),
            l2: decoupledWeightDecay ? 0 : Scalar(weightDecay),
            shrink: decoupledWeightDecay ? Scalar(1 - learningRate * weightDecay) : 1,
            stepSize: Scalar(learningRate / (1 - Double.pow(beta1, t))),
            biasCorrection2Sqrt: Scalar((1 - Double.pow(beta2, t)).squareRoot()))
        for (i, p) in parameters.enumerated() where p.requiresGradient {
            p.value.withUnsafeMutableBufferPointer { w in
                p.gradient.withUnsafeBufferPointer { g in
                    expAvg[i].withUnsafeMutableBufferPointer { m in
                        expAvgSq[i].withUnsafeMutableBufferPointer { v in
                            withOptionalBuffer(&maxExpAvgSq, i) { vmax in adamUpdate(w, g, m, v, vmax, h) }
                        }
                    }
                }
            }
        }
    }

    private var bufferNames: [String] { ["exp_avg", "exp_avg_sq"] + (amsgrad ? ["max_exp_avg_sq"] : []) }

    public var state: OptimizerState<Scalar> {
        OptimizerState(stepCount: stepCount, learningRate: learningRate,
                       buffers: zip(bufferNames, [expAvg, expAvgSq, maxExpAvgSq]).map { ($0, $1) })
    }

    public func load(state: OptimizerState<Scalar>) throws {
        let b = try state.buffers(bufferNames, for: parameters)
        expAvg = b["exp_avg"]!
        expAvgSq = b["exp_avg_sq"]!
        maxExpAvgSq = b["max_exp_avg_sq"] ?? []
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}

struct AdamHyper<S: TensorScalar> {
    // Coefficients are rounded from Double once (1 − β in Double, as PyTorch's Python floats).
    var oneMinusBeta1, beta2, oneMinusBeta2, epsilon, l2, shrink, stepSize, biasCorrection2Sqrt: S
}

/// Float runs the C kernel (`rk_s_adam_update`: vectorised, FMA where the CPU has it, the
/// same rounding); Double, the exactness path, the Swift loop.
func adamUpdate<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                 _ m: UnsafeMutableBufferPointer<S>, _ v: UnsafeMutableBufferPointer<S>,
                                 _ vmax: UnsafeMutablePointer<S>?, _ h: AdamHyper<S>) {
    if S.self == Float.self {
        let f = unsafeBitCast(h, to: AdamHyper<Float>.self)
        var c = rk_adam_hyper(one_minus_beta1: f.oneMinusBeta1, beta2: f.beta2, one_minus_beta2: f.oneMinusBeta2,
                              epsilon: f.epsilon, l2: f.l2, shrink: f.shrink, step_size: f.stepSize,
                              bias_correction2_sqrt: f.biasCorrection2Sqrt)
        let raw = { (p: UnsafeMutablePointer<S>?) in UnsafeMutableRawPointer(p)?.assumingMemoryBound(to: Float.self) }
        rk_s_adam_update(w.count, raw(w.baseAddress), UnsafeRawPointer(g.baseAddress)?.assumingMemoryBound(to: Float.self),
                         raw(m.baseAddress), raw(v.baseAddress), raw(vmax), &c)
        return
    }
    adamUpdateLoop(w, g, m, v, vmax, h)
}

private func adamUpdateLoop<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                             _ m: UnsafeMutableBufferPointer<S>, _ v: UnsafeMutableBufferPointer<S>,
                                             _ vmax: UnsafeMutablePointer<S>?, _ h: AdamHyper<S>) {
    for j in w.indices {
        if h.shrink != 1 { w[j] *= h.shrink }
        var d = g[j]
        if h.l2 != 0 { d.addProduct(h.l2, w[j]) }
        m[j].addProduct(h.oneMinusBeta1, d - m[j])
        v[j] = h.beta2 * v[j] + h.oneMinusBeta2 * d * d
        var second = v[j]
        if let vmax {
            vmax[j] = max(vmax[j], v[j])
            second = vmax[j]
        }
        w[j] -= h.stepSize * m[j] / (second.squareRoot() / h.biasCorrection2Sqrt + h.epsilon)
    }
}
