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

@Suite struct ParameterAverageTests {
    /// θ̄ follows β_t = min(β, t/(t+20)) from the starting values, step after step.
    @Test func followsTheDecayScheduleFromTheStart() throws {
        let p = Parameter(try Tensor<Float>(shape: [3], scalars: [1, -2, 0.5]))
        var average = ParameterAverage([p], decay: 0.9)
        var expected: [Double] = [1, -2, 0.5]
        for t in 1...300 {
            p.value.withUnsafeMutableBufferPointer { v in for j in 0..<3 { v[j] = Float(t * (j + 1)) * 0.25 - 3 } }
            average.update([p])
            let beta = min(0.9, Double(t) / Double(t + 20))
            for j in 0..<3 { expected[j] = beta * expected[j] + (1 - beta) * (Double(t * (j + 1)) * 0.25 - 3) }
        }
        #expect(average.updates == 300)
        for j in 0..<3 {
            let a = Double(average.values[0][flat: j])
            #expect(abs(a - expected[j]) <= 1e-5 * (1 + abs(expected[j])), "element \(j): \(a) vs \(expected[j])")
        }
    }

    /// The average owns its values: later steps of the parameters do not write through.
    @Test func doesNotAliasTheParameters() throws {
        let p = Parameter(try Tensor<Float>(shape: [2], scalars: [1, 2]))
        let average = ParameterAverage([p], decay: 0.9)
        p.value.withUnsafeMutableBufferPointer { $0[0] = 100 }
        #expect(average.values[0].scalars == [1, 2])
    }

    @Test func restoreRejectsAnotherModelsAverage() throws {
        let p = Parameter(Tensor<Float>(zeros: [2, 3]))
        var average = ParameterAverage([p], decay: 0.9)
        #expect(throws: CheckpointError.self) { try average.restore(values: [], updates: 3) }
        #expect(throws: (any Error).self) { try average.restore(values: [Tensor(zeros: [3, 2])], updates: 3) }
        try average.restore(values: [Tensor(shape: [2, 3], repeating: 1)], updates: 3)
        #expect(average.updates == 3)
    }
}
