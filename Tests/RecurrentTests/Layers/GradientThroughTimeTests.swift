import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct GradientThroughTimeTests {
    @Test(arguments: CellKind.allCases.map { ($0, true) } + [(.gru, false)])
    func perStepTermsSumToTheFullGradient(_ cell: CellKind, _ resetAfter: Bool) throws {
        let layer = RecurrentLayer<Double>(cell, inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true,
                                           gruResetAfter: resetAfter, seed: 2)
        layer.recordsGradientsThroughTime = true
        var rng = RandomGenerator(seed: 9)
        let x = Tensor<Double>.normal([6, 2, 3], using: &rng)
        let (out, _) = try layer.forward(x, lengths: [6, 4])
        layer.zeroGradients()
        _ = try layer.backward(gradOutput: .normal(out.shape, using: &rng))
        #expect(layer.gradientsThroughTime.count == 4)
        for (l, row) in layer.recorders.enumerated() {
            for (d, rec) in row.enumerated() {
                let suffix = "_l\(l)" + (d == 1 ? "_reverse" : "")
                let whh = layer.namedParameters.first { $0.name == "weight_hh" + suffix }!.parameter.gradient
                let wih = layer.namedParameters.first { $0.name == "weight_ih" + suffix }!.parameter.gradient
                for i in 0..<whh.count { #expect(abs(rec.recurrentSum[flat: i] - whh[flat: i]) <= 1e-12 * (1 + abs(whh[flat: i]))) }
                for i in 0..<wih.count { #expect(abs(rec.inputSum[flat: i] - wih[flat: i]) <= 1e-12 * (1 + abs(wih[flat: i]))) }
                #expect(rec.record.hiddenGradientNorms.count == 6)
                // The second sequence ends after 4 steps: steps 5 and 6 contribute nothing from it.
                #expect(rec.record.hiddenGradientNorms.allSatisfy { $0.isFinite && $0 >= 0 })
            }
        }
    }
}
