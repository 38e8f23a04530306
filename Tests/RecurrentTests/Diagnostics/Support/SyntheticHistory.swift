import Foundation
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A training history shaped like a 10-minute charlm run: `steps` steps with a decaying,
/// noisy loss, warm-up + cosine learning rate, gradient norms with spikes and clipping,
/// validation/test evaluations and gradient-through-time snapshots.
func syntheticHistory(steps: Int = 50_000, bptt: Int = 128, evaluateEvery: Int = 500, snapshotEvery: Int = 250,
                      clipNorm: Double = 1) -> TrainingHistory {
    var rng = RandomGenerator(seed: 7)
    var h = TrainingHistory()
    h.steps.reserveCapacity(steps)
    for s in 0..<steps {
        let progress = Double(s) / Double(steps)
        let loss = 1.2 + 3 * Foundation.exp(-8 * progress) + 0.15 * rng.normal()
        let lr = s < 1000 ? 2e-3 * Double(s + 1) / 1000 : 1e-4 + (2e-3 - 1e-4) * 0.5 * (1 + Foundation.cos(.pi * progress))
        var norm = 0.6 * Foundation.exp(0.5 * rng.normal()) + (s % 997 == 0 ? 40 : 0)
        if s == 31_337 { norm = .infinity }
        h.steps.append(StepRecord(step: s, epoch: s / 10_000, loss: s == 31_337 ? .nan : loss, learningRate: lr,
                                  gradientNorm: norm, clipped: norm > clipNorm && norm.isFinite, skipped: s == 31_337,
                                  seconds: Double(s) * 0.012))
        if s % evaluateEvery == evaluateEvery - 1 {
            let v = 1.3 + 3 * Foundation.exp(-8 * progress)
            h.evaluations.append(EvaluationRecord(step: s, epoch: s / 10_000, split: "validation",
                                                  metrics: ["loss": v, "bpc": v / Foundation.log(2.0), "accuracy": 0.7 - 0.3 * Foundation.exp(-5 * progress)]))
            if s % (evaluateEvery * 10) == evaluateEvery - 1 {
                h.evaluations.append(EvaluationRecord(step: s, epoch: s / 10_000, split: "test", metrics: ["loss": v + 0.02]))
            }
        }
        if s % snapshotEvery == 0 {
            let q = 0.8 + 0.15 * progress
            h.gradientSnapshots.append(GradientSnapshot(step: s, hiddenGradientNorms: (1...bptt).map { k in
                0.1 * Foundation.pow(q, Double(bptt - k)) * Foundation.exp(0.1 * rng.normal())
            }))
        }
    }
    return h
}
