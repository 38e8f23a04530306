import RecurrentCore
import RecurrentLayers

/// Lowers the learning rate when a metric stops improving, as
/// `torch.optim.lr_scheduler.ReduceLROnPlateau` (threshold mode "rel").
///
/// After each evaluation, with metric a and the best value so far b:
///
///     improved  ⇔  a < b·(1 − threshold)   (mode min)   or   a > b·(1 + threshold)   (mode max)
///     improved: b ← a, bad ← 0;   otherwise bad ← bad + 1
///     in cool-down (cooldownRemaining > 0): cooldownRemaining −= 1, bad ← 0
///     bad > patience: γ ← max(γ·factor, γ_min) (only if that lowers γ by more than 1e-8),
///                     cooldownRemaining ← cooldown, bad ← 0
///
/// The whole state is stored properties, so `Codable` saves and restores it exactly.
public struct ReduceOnPlateau: Codable, Equatable, Sendable {
    /// Whether the monitored metric should fall or rise.
    public enum Mode: String, Codable, Sendable {
        /// Lower is better (a loss).
        case min
        /// Higher is better (an accuracy).
        case max
    }

    /// Whether lower (`.min`, default) or higher (`.max`) is better.
    public let mode: Mode
    /// The factor each reduction multiplies the learning rate by (default 0.1).
    public let factor: Double
    /// Evaluations without improvement tolerated before a reduction (default 10).
    public let patience: Int
    /// The relative improvement that counts (default 1e-4).
    public let threshold: Double
    /// Evaluations after a reduction during which none follows (default 0).
    public let cooldown: Int
    /// γ_min, the floor of the learning rate (default 0).
    public let minimumLearningRate: Double
    /// The current learning rate.
    public private(set) var learningRate: Double
    /// The best metric so far, nil before the first.
    public private(set) var best: Double?
    /// Evaluations since the last improvement (reset by a reduction and during cool-down).
    public private(set) var badEvaluations = 0
    /// Evaluations of cool-down left.
    public private(set) var cooldownRemaining = 0

    /// PyTorch's defaults; throws unless 0 < factor < 1 and patience, threshold, cooldown and
    /// the minimum are non-negative.
    public init(learningRate: Double, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, cooldown: Int = 0, minimumLearningRate: Double = 0) throws {
        try requireHyperparameter(factor > 0 && factor < 1, "ReduceOnPlateau factor \(factor) must be in (0, 1)")
        try requireHyperparameter(patience >= 0 && cooldown >= 0 && threshold >= 0 && minimumLearningRate >= 0,
                    "ReduceOnPlateau patience, cooldown, threshold and minimum must be non-negative")
        self.learningRate = learningRate
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.cooldown = cooldown
        self.minimumLearningRate = minimumLearningRate
    }

    /// Records one evaluation's metric and returns the learning rate to use from now on.
    @discardableResult
    public mutating func step(metric: Double) -> Double {
        if isImprovement(metric) {
            best = metric
            badEvaluations = 0
        } else {
            badEvaluations += 1
        }
        if cooldownRemaining > 0 {
            cooldownRemaining -= 1
            badEvaluations = 0
        }
        if badEvaluations > patience {
            let reduced = max(learningRate * factor, minimumLearningRate)
            if learningRate - reduced > 1e-8 { learningRate = reduced }
            cooldownRemaining = cooldown
            badEvaluations = 0
        }
        return learningRate
    }

    private func isImprovement(_ metric: Double) -> Bool {
        guard let best else { return !metric.isNaN }
        switch mode {
        case .min: return metric < best * (1 - threshold)
        case .max: return metric > best * (1 + threshold)
        }
    }
}
