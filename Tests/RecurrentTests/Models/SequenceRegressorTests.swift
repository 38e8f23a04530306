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

@Suite struct SequenceRegressorTests {
    /// Windows of a sine (phase-shifted) → the next `h` values.
    static func sineBatch(window: Int, horizon: Int) throws -> RegressionBatch {
        var inputs: [[Float]] = []
        var targets: [Float] = []
        for k in 0..<48 {
            let s: [Float] = (0..<(window + horizon)).map { t in
                let phase: Double = Double(k) * 0.37 + Double(t) * 0.5
                return Float(sin(phase))
            }
            inputs.append(Array(s[..<window]))
            targets += s[window...]
        }
        return RegressionBatch(input: try SequenceInput(features: inputs, featureCount: 1), targets: targets)
    }

    func train(_ model: SequenceRegressor, _ batch: RegressionBatch, steps: Int) throws {
        let adam = try Adam<Float>(model.parameters, learningRate: 0.02)
        var options = TrainingOptions()
        options.maxSteps = steps
        try Trainer(model: model, optimizer: adam, options: options).fit(FixedBatches([batch]))
        model.isTraining = false
    }

    /// Direct multi-step (3 values at once) and recursive forecasts of a sine.
    @Test func forecastsASineDirectlyAndRecursively() throws {
        var config = SequenceRegressorConfiguration(featureCount: 1, outputs: 3)
        config.hiddenSize = 16
        let direct = try SequenceRegressor(config, seed: 1)
        let batch = try Self.sineBatch(window: 8, horizon: 3)
        let before = try direct.evaluate([batch])["mse"]!
        try train(direct, batch, steps: 150)
        let after = try direct.evaluate([batch])["mse"]!
        #expect(after < 0.05 * before, "mse \(before) → \(after)")

        config.outputs = 1
        let oneStep = try SequenceRegressor(config, seed: 1)
        try train(oneStep, Self.sineBatch(window: 8, horizon: 1), steps: 150)
        let history = (0..<8).map { Float(sin(Double($0) * 0.5)) }
        let forecast = try oneStep.recursiveForecast(history, window: 8, steps: 4)
        #expect(forecast.count == 4)
        for (i, v) in forecast.enumerated() { #expect(abs(v - Float(sin(Double(8 + i) * 0.5))) < 0.2) }
        // Direct: three values per window, fed back three at a time.
        #expect(try direct.recursiveForecast(history, window: 8, steps: 7).count == 7)
        #expect(throws: TrainingError.self) { try oneStep.recursiveForecast([1, 2], window: 8, steps: 1) }
    }

    /// Many-to-many: a prediction at every step; steps past a sequence's end are ignored by the loss.
    @Test func manyToManyMasksPaddedSteps() throws {
        var config = SequenceRegressorConfiguration(featureCount: 1, outputs: 1)
        (config.hiddenSize, config.manyToMany, config.loss) = (8, true, .huber)
        let model = try SequenceRegressor(config, seed: 2)
        // Target: the running sum of the inputs.
        let seqs: [[Float]] = [[0.1, 0.2, -0.3, 0.4], [0.5, -0.1], [0.2, 0.2, 0.2]]
        let input = try SequenceInput(features: seqs, featureCount: 1)
        var targets = [Float](repeating: 0, count: input.steps * input.batchSize)
        for (b, s) in seqs.enumerated() {
            var acc: Float = 0
            for (t, v) in s.enumerated() { acc += v; targets[t * 3 + b] = acc }
        }
        var batch = RegressionBatch(input: input, targets: targets)
        #expect(try model.forward(input).shape == [4, 3, 1])
        let loss = try model.evaluate([batch])["loss"]!
        batch.targets[3 * 3 + 1] = 100  // step 3 of sequence 1 is padding
        #expect(try model.evaluate([batch])["loss"]! == loss)
        batch.targets[3 * 3 + 1] = 0
        try train(model, batch, steps: 120)
        #expect(try model.evaluate([batch])["mse"]! < 0.01)
        #expect(try model.predictNext([[0.1, 0.2]])[0].count == 1)
    }
}
