import RecurrentCore
import RecurrentLayers

/// RMSprop, as `torch.optim.RMSprop`. At each step, for each parameter θ with gradient g:
///
///     g ← g + λθ                                   (weight decay λ ≠ 0)
///     v ← αv + (1 − α)g²
///     ḡ ← αḡ + (1 − α)g,   ṽ ← v − ḡ²              (centered)      else ṽ ← v
///     b ← μb + g / (√ṽ + ε),   θ ← θ − γb           (momentum μ > 0)
///     θ ← θ − γ·g / (√ṽ + ε)                        (otherwise)
///
/// Defaults as PyTorch: γ = 1e-2, α = 0.99, ε = 1e-8, λ = 0, μ = 0, not centered.
/// State: `square_avg.<i>`, `momentum_buffer.<i>` when μ > 0, `grad_avg.<i>` when centered.
public final class RMSprop<Scalar: TensorScalar>: Optimizer {
    public let parameters: [Parameter<Scalar>]
    public var learningRate: Double
    /// α, the decay of the squared-gradient average (default 0.99).
    public let alpha: Double
    /// ε, added to the denominator (default 1e-8).
    public let epsilon: Double
    /// λ, the L2 weight decay (default 0).
    public let weightDecay: Double
    /// μ, the momentum (default 0).
    public let momentum: Double
    /// Whether the variance is centred by the mean gradient (default false).
    public let centered: Bool
    public private(set) var stepCount = 0
    private var squareAvg: [Tensor<Scalar>]
    private var momentumBuffers: [Tensor<Scalar>]
    private var gradAvg: [Tensor<Scalar>]

    /// Throws for a negative γ, α, ε, λ or μ.
    public init(_ parameters: [Parameter<Scalar>], learningRate: Double = 1e-2, alpha: Double = 0.99,
                epsilon: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false) throws {
        try requireHyperparameter(learningRate >= 0, "RMSprop learning rate \(learningRate) < 0")
        try requireHyperparameter(alpha >= 0, "RMSprop alpha \(alpha) < 0")
        try requireHyperparameter(epsilon >= 0, "RMSprop epsilon \(epsilon) < 0")
        try requireHyperparameter(weightDecay >= 0, "RMSprop weight decay \(weightDecay) < 0")
        try requireHyperparameter(momentum >= 0, "RMSprop momentum \(momentum) < 0")
        self.parameters = parameters.uniqued()
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        squareAvg = self.parameters.zeroBuffers()
        momentumBuffers = momentum > 0 ? self.parameters.zeroBuffers() : []
        gradAvg = centered ? self.parameters.zeroBuffers() : []
    }

    public func step() {
        stepCount += 1
        let h = RMSpropHyper<Scalar>(lr: Scalar(learningRate), alpha: Scalar(alpha), oneMinusAlpha: Scalar(1 - alpha),
                                     epsilon: Scalar(epsilon), weightDecay: Scalar(weightDecay), momentum: Scalar(momentum))
        for (i, p) in parameters.enumerated() where p.requiresGradient {
            p.value.withUnsafeMutableBufferPointer { w in
                p.gradient.withUnsafeBufferPointer { g in
                    squareAvg[i].withUnsafeMutableBufferPointer { v in
                        withOptionalBuffer(&momentumBuffers, i) { b in
                            withOptionalBuffer(&gradAvg, i) { ga in rmspropUpdate(w, g, v, b, ga, h) }
                        }
                    }
                }
            }
        }
    }

    private var bufferNames: [String] {
        ["square_avg"] + (momentum > 0 ? ["momentum_buffer"] : []) + (centered ? ["grad_avg"] : [])
    }

    public var state: OptimizerState<Scalar> {
        OptimizerState(stepCount: stepCount, learningRate: learningRate,
                       buffers: [("square_avg", squareAvg), ("momentum_buffer", momentumBuffers), ("grad_avg", gradAvg)])
    }

    public func load(state: OptimizerState<Scalar>) throws {
        let b = try state.buffers(bufferNames, for: parameters)
        squareAvg = b["square_avg"]!
        momentumBuffers = b["momentum_buffer"] ?? []
        gradAvg = b["grad_avg"] ?? []
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}

struct RMSpropHyper<S: TensorScalar> {
    var lr, alpha, oneMinusAlpha, epsilon, weightDecay, momentum: S
}

/// Float goes to the loop's Float specialization: `step()`, a method of a generic class
/// reached through `any Optimizer`, runs unspecialized, and so would the loop (a
/// witness-table call per arithmetic operation, ≈10× slower).
func rmspropUpdate<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                    _ v: UnsafeMutableBufferPointer<S>, _ b: UnsafeMutablePointer<S>?,
                                    _ gradAvg: UnsafeMutablePointer<S>?, _ h: RMSpropHyper<S>) {
    if S.self == Float.self {
        typealias FloatArguments = (UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>,
                                     UnsafeMutableBufferPointer<Float>, UnsafeMutablePointer<Float>?,
                                     UnsafeMutablePointer<Float>?, RMSpropHyper<Float>)
        let a = unsafeBitCast((w, g, v, b, gradAvg, h), to: FloatArguments.self)
        return rmspropUpdateLoop(a.0, a.1, a.2, a.3, a.4, a.5)
    }
    rmspropUpdateLoop(w, g, v, b, gradAvg, h)
}

private func rmspropUpdateLoop<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                                _ v: UnsafeMutableBufferPointer<S>, _ b: UnsafeMutablePointer<S>?,
                                                _ gradAvg: UnsafeMutablePointer<S>?, _ h: RMSpropHyper<S>) {
    for j in w.indices {
        var d = g[j]
        if h.weightDecay != 0 { d.addProduct(h.weightDecay, w[j]) }
        v[j] = h.alpha * v[j] + h.oneMinusAlpha * d * d
        var centeredV = v[j]
        if let gradAvg {
            gradAvg[j].addProduct(h.oneMinusAlpha, d - gradAvg[j])
            centeredV -= gradAvg[j] * gradAvg[j]
        }
        let denominator = centeredV.squareRoot() + h.epsilon
        if let b {
            b[j] = h.momentum * b[j] + d / denominator
            w[j].addProduct(-h.lr, b[j])
        } else {
            w[j] -= h.lr * d / denominator
        }
    }
}
