import RealModule
import RecurrentCore
import RecurrentLayers

/// A learning rate as a function of the step count s = 0, 1, 2, … (optimizer steps or epochs,
/// whichever the caller counts). The schedule holds only hyperparameters, so its state is the
/// step count the caller keeps (e.g. ``Optimizer/stepCount``); set
/// `optimizer.learningRate = schedule.learningRate(at: s)` before step s.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for step `step` (0, 1, 2, …).
    func learningRate(at step: Int) -> Double
}

/// γ₀·g^⌊s / stepSize⌋ — multiply by g every `stepSize` steps, as `torch.optim.lr_scheduler.StepLR`.
public struct StepSchedule: LearningRateSchedule, Codable, Equatable {
    /// γ₀, the learning rate of the first `stepSize` steps.
    public let baseLearningRate: Double
    /// Steps between reductions.
    public let stepSize: Int
    /// g, the factor of each reduction (default 0.1).
    public let gamma: Double

    /// Throws unless stepSize > 0 and gamma > 0.
    public init(baseLearningRate: Double, stepSize: Int, gamma: Double = 0.1) throws {
        try requireHyperparameter(stepSize > 0, "StepSchedule step size \(stepSize) must be positive")
        try requireHyperparameter(gamma > 0, "StepSchedule gamma \(gamma) must be positive")
        self.baseLearningRate = baseLearningRate
        self.stepSize = stepSize
        self.gamma = gamma
    }

    /// γ₀·g^⌊step / stepSize⌋.
    public func learningRate(at step: Int) -> Double {
        baseLearningRate * Double.pow(gamma, step / stepSize)
    }
}

/// γ₀·gˢ, as `torch.optim.lr_scheduler.ExponentialLR`.
public struct ExponentialSchedule: LearningRateSchedule, Codable, Equatable {
    /// γ₀, the learning rate at step 0.
    public let baseLearningRate: Double
    /// g, the factor applied at every step.
    public let gamma: Double

    /// Throws unless gamma > 0.
    public init(baseLearningRate: Double, gamma: Double) throws {
        try requireHyperparameter(gamma > 0, "ExponentialSchedule gamma \(gamma) must be positive")
        self.baseLearningRate = baseLearningRate
        self.gamma = gamma
    }

    /// γ₀·g^step.
    public func learningRate(at step: Int) -> Double { baseLearningRate * Double.pow(gamma, step) }
}

/// Linear warm-up to γ₀ over W steps, then cosine decay to γ_min at step N:
///
///     γ(s) = γ₀·(s + 1)/W                                   s < W
///     γ(s) = γ_min + (γ₀ − γ_min)·½(1 + cos(π·(s − W)/(N − W)))   W ≤ s < N
///     γ(s) = γ_min                                         s ≥ N
public struct WarmupCosineSchedule: LearningRateSchedule, Codable, Equatable {
    /// γ₀, the learning rate at the end of the warm-up.
    public let baseLearningRate: Double
    /// W, the steps of linear warm-up.
    public let warmupSteps: Int
    /// N, the step at which the cosine decay reaches the minimum.
    public let totalSteps: Int
    /// γ_min, the learning rate from step N on (default 0).
    public let minimumLearningRate: Double

    /// Throws unless 0 ≤ warmupSteps < totalSteps and 0 ≤ minimumLearningRate ≤ baseLearningRate.
    public init(baseLearningRate: Double, warmupSteps: Int, totalSteps: Int, minimumLearningRate: Double = 0) throws {
        try requireHyperparameter(warmupSteps >= 0 && warmupSteps < totalSteps,
                    "WarmupCosineSchedule needs 0 ≤ warmup steps (\(warmupSteps)) < total steps (\(totalSteps))")
        try requireHyperparameter(minimumLearningRate >= 0 && minimumLearningRate <= baseLearningRate,
                    "WarmupCosineSchedule minimum \(minimumLearningRate) must be in [0, \(baseLearningRate)]")
        self.baseLearningRate = baseLearningRate
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
        self.minimumLearningRate = minimumLearningRate
    }

    /// γ(step), as the equations above.
    public func learningRate(at step: Int) -> Double {
        if step < warmupSteps { return baseLearningRate * Double(step + 1) / Double(warmupSteps) }
        if step >= totalSteps { return minimumLearningRate }
        let progress = Double(step - warmupSteps) / Double(totalSteps - warmupSteps)
        return minimumLearningRate + (baseLearningRate - minimumLearningRate) * 0.5 * (1 + Double.cos(.pi * progress))
    }
}
