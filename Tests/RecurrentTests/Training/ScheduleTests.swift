import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct ScheduleTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

    @Test func stepScheduleMultipliesEveryStepSizeSteps() throws {
        let s = try StepSchedule(baseLearningRate: 0.1, stepSize: 3, gamma: 0.5)
        let expected = [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025]
        #expect(zip((0..<7).map(s.learningRate(at:)), expected).allSatisfy(close))
        #expect(throws: OptimizerError.self) { try StepSchedule(baseLearningRate: 0.1, stepSize: 0) }
    }

    @Test func exponentialScheduleIsGeometric() throws {
        let s = try ExponentialSchedule(baseLearningRate: 2, gamma: 0.9)
        #expect(close(s.learningRate(at: 0), 2) && close(s.learningRate(at: 1), 1.8) && close(s.learningRate(at: 3), 1.458))
    }

    @Test func warmupCosineRisesLinearlyThenFollowsTheCosineToTheMinimum() throws {
        let s = try WarmupCosineSchedule(baseLearningRate: 1, warmupSteps: 4, totalSteps: 8, minimumLearningRate: 0.1)
        // warm-up: (s+1)/4; then 0.1 + 0.9·½(1 + cos(π(s−4)/4))
        let expected = [0.25, 0.5, 0.75, 1, 1, 0.1 + 0.45 * (1 + 0.5.squareRoot()), 0.55, 0.1 + 0.45 * (1 - 0.5.squareRoot()), 0.1, 0.1]
        #expect(zip((0..<10).map(s.learningRate(at:)), expected).allSatisfy(close))
        let noWarmup = try WarmupCosineSchedule(baseLearningRate: 1, warmupSteps: 0, totalSteps: 2)
        #expect(close(noWarmup.learningRate(at: 0), 1) && close(noWarmup.learningRate(at: 1), 0.5))
        #expect(throws: OptimizerError.self) { try WarmupCosineSchedule(baseLearningRate: 1, warmupSteps: 5, totalSteps: 5) }
    }

    /// Hand-traced PyTorch ReduceLROnPlateau(factor 0.5, patience 2, cooldown 1, min_lr 0.02).
    @Test func runAnnealingWarmsUpThenFollowsTheCosineToTheFinalFraction() throws {
        let a = try RunAnnealing(baseLearningRate: 0.01, warmupFraction: 0.1, finalFraction: 0.05)
        #expect(abs(a.learningRate(atProgress: 0.05) - 0.005) < 1e-12)
        #expect(abs(a.learningRate(atProgress: 0.1) - 0.01) < 1e-12)
        #expect(abs(a.learningRate(atProgress: 0.55) - 0.01 * (0.05 + 0.95 * 0.5)) < 1e-12)
        #expect(abs(a.learningRate(atProgress: 1) - 0.0005) < 1e-12)
        #expect(abs(a.learningRate(atProgress: 7) - 0.0005) < 1e-12)  // clamped
        #expect(a.learningRate(atProgress: 0) > 0)  // never exactly zero
        #expect(throws: (any Error).self) { try RunAnnealing(baseLearningRate: 0) }
        #expect(throws: (any Error).self) { try RunAnnealing(baseLearningRate: 1, warmupFraction: 1) }
        #expect(throws: (any Error).self) { try RunAnnealing(baseLearningRate: 1, finalFraction: 1.5) }
    }

    @Test func reduceOnPlateauFollowsPyTorch() throws {
        var s = try ReduceOnPlateau(learningRate: 0.1, factor: 0.5, patience: 2, cooldown: 1, minimumLearningRate: 0.02)
        let metrics = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.93, 0.94, 0.8, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85]
        let expected = [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.02, 0.02]
        // Bad evaluations: 0 0 1 2 3 → cut to 0.05 (cool-down 1, reset); 0 (cool-down) 1 2;
        // 0.8 improves: 0 1 2 3 → cut to 0.025; 0 (cool-down) 1 2 3 → cut to max(0.0125, 0.02).
        var got: [Double] = []
        for m in metrics { got.append(s.step(metric: m)) }
        #expect(zip(got, expected).allSatisfy(close), "\(got)")
    }

    @Test func reduceOnPlateauThresholdIsRelative() throws {
        var s = try ReduceOnPlateau(learningRate: 1, patience: 0, threshold: 0.1)
        s.step(metric: 100)
        #expect(s.step(metric: 91) == 0.1)  // 91 ≥ 100·0.9: not an improvement
        var m = try ReduceOnPlateau(learningRate: 1, mode: .max, patience: 0, threshold: 0.1)
        m.step(metric: 100)
        #expect(m.step(metric: 111) == 1 && m.best == 111)
    }

    @Test func reduceOnPlateauStateRoundTripsThroughCodable() throws {
        var s = try ReduceOnPlateau(learningRate: 0.1, patience: 1, cooldown: 2)
        for m in [1.0, 2, 3, 4] { s.step(metric: m) }
        let restored = try JSONDecoder().decode(ReduceOnPlateau.self, from: try JSONEncoder().encode(s))
        #expect(restored == s && restored.cooldownRemaining > 0)
    }
}
