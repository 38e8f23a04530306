import RecurrentCore
import RecurrentLayers

/// Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight
/// decay, as `torch.optim.SGD`. At step t, for each parameter θ with gradient g:
///
///     g ← g + λθ                                  (weight decay λ ≠ 0)
///     b ← g                       if t = 1        (momentum μ ≠ 0)
///     b ← μb + (1 − τ)g           otherwise       (dampening τ)
///     g ← g + μb  (Nesterov)   or   g ← b
///     θ ← θ − γg
///
/// Defaults as PyTorch: γ = 1e-3, μ = 0, τ = 0, λ = 0, no Nesterov.
/// State: `momentum_buffer.<i>` when μ ≠ 0.
public final class SGD<Scalar: TensorScalar>: Optimizer {
    public let parameters: [Parameter<Scalar>]
    public var learningRate: Double
    /// μ, the momentum (default 0: none).
    public let momentum: Double
    /// τ, the dampening of the momentum (default 0).
    public let dampening: Double
    /// λ, the L2 weight decay (default 0).
    public let weightDecay: Double
    /// Whether the momentum is Nesterov's (default false).
    public let nesterov: Bool
    public private(set) var stepCount = 0
    private var momentumBuffers: [Tensor<Scalar>]

    /// Throws for a negative γ, μ or λ, or Nesterov without momentum or with dampening.
    public init(_ parameters: [Parameter<Scalar>], learningRate: Double = 1e-3, momentum: Double = 0,
                dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false) throws {
        try requireHyperparameter(learningRate >= 0, "SGD learning rate \(learningRate) < 0")
        try requireHyperparameter(momentum >= 0, "SGD momentum \(momentum) < 0")
        try requireHyperparameter(weightDecay >= 0, "SGD weight decay \(weightDecay) < 0")
        try requireHyperparameter(!nesterov || (momentum > 0 && dampening == 0), "SGD Nesterov momentum needs momentum > 0 and zero dampening")
        self.parameters = parameters.uniqued()
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        momentumBuffers = momentum != 0 ? self.parameters.zeroBuffers() : []
    }

    public func step() {
        stepCount += 1
        let h = SGDHyper<Scalar>(lr: Scalar(learningRate), momentum: Scalar(momentum), oneMinusDampening: Scalar(1 - dampening),
                                 weightDecay: Scalar(weightDecay), nesterov: nesterov, first: stepCount == 1)
        for (i, p) in parameters.enumerated() where p.requiresGradient {
            p.value.withUnsafeMutableBufferPointer { w in
                p.gradient.withUnsafeBufferPointer { g in
                    withOptionalBuffer(&momentumBuffers, i) { b in sgdUpdate(w, g, b, h) }
                }
            }
        }
    }

    public var state: OptimizerState<Scalar> {
        OptimizerState(stepCount: stepCount, learningRate: learningRate,
                       buffers: momentumBuffers.isEmpty ? [] : [("momentum_buffer", momentumBuffers)])
    }

    public func load(state: OptimizerState<Scalar>) throws {
        let b = try state.buffers(momentumBuffers.isEmpty ? [] : ["momentum_buffer"], for: parameters)
        momentumBuffers = b["momentum_buffer"] ?? []
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}

struct SGDHyper<S: TensorScalar> {
    var lr, momentum, oneMinusDampening, weightDecay: S
    var nesterov, first: Bool
}

/// Float goes to the loop's Float specialization: `step()`, a method of a generic class
/// reached through `any Optimizer`, runs unspecialized, and so would the loop (a
/// witness-table call per arithmetic operation, ≈10× slower).
func sgdUpdate<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                _ b: UnsafeMutablePointer<S>?, _ h: SGDHyper<S>) {
    if S.self == Float.self {
        typealias FloatArguments = (UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>,
                                     UnsafeMutablePointer<Float>?, SGDHyper<Float>)
        let a = unsafeBitCast((w, g, b, h), to: FloatArguments.self)
        return sgdUpdateLoop(a.0, a.1, a.2, a.3)
    }
    sgdUpdateLoop(w, g, b, h)
}

private func sgdUpdateLoop<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                            _ b: UnsafeMutablePointer<S>?, _ h: SGDHyper<S>) {
    for j in w.indices {
        var d = g[j]
        if h.weightDecay != 0 { d.addProduct(h.weightDecay, w[j]) }
        if let b {
            b[j] = h.first ? d : (h.momentum * b[j]).addingProduct(h.oneMinusDampening, d)
            d = h.nesterov ? d.addingProduct(h.momentum, b[j]) : b[j]
        }
        w[j].addProduct(-h.lr, d)
    }
}
