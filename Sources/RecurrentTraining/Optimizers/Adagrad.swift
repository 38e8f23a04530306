import RecurrentCore
import RecurrentLayers

/// Adagrad, as `torch.optim.Adagrad`. At step t, for each parameter θ with gradient g:
///
///     γ̃ ← γ / (1 + (t − 1)η)                       (learning-rate decay η)
///     g ← g + λθ                                   (weight decay λ ≠ 0)
///     s ← s + g²                                   (s starts at the initial accumulator value)
///     θ ← θ − γ̃·g / (√s + ε)
///
/// Defaults as PyTorch: γ = 1e-2, η = 0, λ = 0, initial accumulator 0, ε = 1e-10.
/// State: `sum.<i>`.
public final class Adagrad<Scalar: TensorScalar>: Optimizer {
    public let parameters: [Parameter<Scalar>]
    public var learningRate: Double
    /// η, the learning-rate decay: step t uses γ / (1 + (t − 1)η) (default 0).
    public let learningRateDecay: Double
    /// λ, the L2 weight decay (default 0).
    public let weightDecay: Double
    /// The initial value of the sum of squared gradients (default 0).
    public let initialAccumulatorValue: Double
    /// ε, added to the denominator (default 1e-10).
    public let epsilon: Double
    public private(set) var stepCount = 0
    private var sums: [Tensor<Scalar>]

    /// Throws for a negative γ, η, λ, initial accumulator or ε.
    public init(_ parameters: [Parameter<Scalar>], learningRate: Double = 1e-2, learningRateDecay: Double = 0,
                weightDecay: Double = 0, initialAccumulatorValue: Double = 0, epsilon: Double = 1e-10) throws {
        try requireHyperparameter(learningRate >= 0, "Adagrad learning rate \(learningRate) < 0")
        try requireHyperparameter(learningRateDecay >= 0, "Adagrad learning-rate decay \(learningRateDecay) < 0")
        try requireHyperparameter(weightDecay >= 0, "Adagrad weight decay \(weightDecay) < 0")
        try requireHyperparameter(initialAccumulatorValue >= 0, "Adagrad initial accumulator value \(initialAccumulatorValue) < 0")
        try requireHyperparameter(epsilon >= 0, "Adagrad epsilon \(epsilon) < 0")
        self.parameters = parameters.uniqued()
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        sums = self.parameters.map { Tensor(shape: $0.value.shape, repeating: Scalar(initialAccumulatorValue)) }
    }

    public func step() {
        stepCount += 1
        let clr = Scalar(learningRate / (1 + Double(stepCount - 1) * learningRateDecay))
        let (wd, eps) = (Scalar(weightDecay), Scalar(epsilon))
        for (i, p) in parameters.enumerated() where p.requiresGradient {
            p.value.withUnsafeMutableBufferPointer { w in
                p.gradient.withUnsafeBufferPointer { g in
                    sums[i].withUnsafeMutableBufferPointer { s in adagradUpdate(w, g, s, clr, wd, eps) }
                }
            }
        }
    }

    public var state: OptimizerState<Scalar> {
        OptimizerState(stepCount: stepCount, learningRate: learningRate, buffers: [("sum", sums)])
    }

    public func load(state: OptimizerState<Scalar>) throws {
        sums = try state.buffers(["sum"], for: parameters)["sum"]!
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}

/// Float goes to the loop's Float specialization: `step()`, a method of a generic class
/// reached through `any Optimizer`, runs unspecialized, and so would the loop (a
/// witness-table call per arithmetic operation, ≈10× slower).
func adagradUpdate<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                    _ s: UnsafeMutableBufferPointer<S>, _ clr: S, _ weightDecay: S, _ epsilon: S) {
    if S.self == Float.self {
        typealias FloatArguments = (UnsafeMutableBufferPointer<Float>, UnsafeBufferPointer<Float>,
                                     UnsafeMutableBufferPointer<Float>, Float, Float, Float)
        let a = unsafeBitCast((w, g, s, clr, weightDecay, epsilon), to: FloatArguments.self)
        return adagradUpdateLoop(a.0, a.1, a.2, a.3, a.4, a.5)
    }
    adagradUpdateLoop(w, g, s, clr, weightDecay, epsilon)
}

private func adagradUpdateLoop<S: TensorScalar>(_ w: UnsafeMutableBufferPointer<S>, _ g: UnsafeBufferPointer<S>,
                                                _ s: UnsafeMutableBufferPointer<S>, _ clr: S, _ weightDecay: S, _ epsilon: S) {
    for j in w.indices {
        var d = g[j]
        if weightDecay != 0 { d.addProduct(weightDecay, w[j]) }
        s[j] += d * d
        w[j] -= clr * d / (s[j].squareRoot() + epsilon)
    }
}
