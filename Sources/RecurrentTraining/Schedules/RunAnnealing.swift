import RealModule
import RecurrentCore
import RecurrentLayers

/// A learning rate as a function of the fraction of the run done, p ∈ [0, 1] (by time
/// budget, epochs or steps — whichever limit ends the run first), so that a run with a
/// wall-clock budget still ends with a small learning rate:
///
///     γ(p) = γ₀·p / w                                          p < w   (warm-up)
///     γ(p) = γ₀·(f + (1 − f)·½(1 + cos(π·(p − w)/(1 − w))))   p ≥ w
///
/// with γ₀ the base rate, w the warm-up fraction and f the final fraction of γ₀.
/// Cosine annealing to the end of a fixed budget lowers the final loss of short runs
/// noticeably compared with a constant rate.
public struct RunAnnealing: Codable, Equatable, Sendable {
    /// γ₀, the base learning rate.
    public let baseLearningRate: Double
    /// w, the fraction of the run spent warming up linearly.
    public let warmupFraction: Double
    /// f, the fraction of γ₀ reached at the end of the run.
    public let finalFraction: Double

    /// Throws unless baseLearningRate > 0, 0 ≤ warmupFraction < 1 and 0 ≤ finalFraction ≤ 1.
    public init(baseLearningRate: Double, warmupFraction: Double = 0.02, finalFraction: Double = 0.05) throws {
        try requireHyperparameter(baseLearningRate > 0 && baseLearningRate.isFinite,
                                  "RunAnnealing base learning rate \(baseLearningRate) must be positive")
        try requireHyperparameter(warmupFraction >= 0 && warmupFraction < 1,
                                  "RunAnnealing warm-up fraction \(warmupFraction) must be in [0, 1)")
        try requireHyperparameter(finalFraction >= 0 && finalFraction <= 1,
                                  "RunAnnealing final fraction \(finalFraction) must be in [0, 1]")
        self.baseLearningRate = baseLearningRate
        self.warmupFraction = warmupFraction
        self.finalFraction = finalFraction
    }

    /// The learning rate at fraction `progress` of the run (clamped to [0, 1]).
    public func learningRate(atProgress progress: Double) -> Double {
        let p = min(1, max(0, progress))
        if p < warmupFraction { return baseLearningRate * max(p / warmupFraction, 0.01) }
        let q = (p - warmupFraction) / (1 - warmupFraction)  // warmupFraction < 1 (init)
        return baseLearningRate * (finalFraction + (1 - finalFraction) * 0.5 * (1 + Double.cos(.pi * q)))
    }
}
