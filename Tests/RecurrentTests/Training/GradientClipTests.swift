import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct GradientClipAndGuardTests {
    func parameters(_ gradients: [[Double]]) -> [Parameter<Double>] {
        gradients.map { g in
            let p = Parameter<Double>(Tensor(zeros: [g.count]))
            p.gradient = try! Tensor(shape: [g.count], scalars: g)
            return p
        }
    }

    @Test func clipNormReturnsThePreClipNormAndScalesDown() {
        let ps = parameters([[3, 0], [0, 4]])  // global norm 5
        let norm = clipGradientNorm(ps, maxNorm: 1)
        #expect(norm == 5)
        let c = 1 / (5 + 1e-6)
        #expect(ps[0].gradient.scalars == [3 * c, 0] && ps[1].gradient.scalars == [0, 4 * c])
        #expect(abs(clipGradientNorm(ps, maxNorm: 1) - 5 * c) < 1e-15)
    }

    @Test func clipNormLeavesSmallGradientsAlone() {
        let ps = parameters([[0.3, 0.4]])
        #expect(abs(clipGradientNorm(ps, maxNorm: 1) - 0.5) < 1e-15)
        #expect(ps[0].gradient.scalars == [0.3, 0.4])
    }

    @Test func clipNormCountsASharedParameterOnceAndSkipsFrozenOnes() {
        let ps = parameters([[3, 4], [100]])
        ps[1].requiresGradient = false
        #expect(clipGradientNorm([ps[0], ps[0], ps[1]], maxNorm: 10) == 5)
        #expect(ps[1].gradient.scalars == [100])
    }

    @Test func clipValueClampsEveryElement() throws {
        let ps = parameters([[-3, 0.5, 2], [7]])
        try clipGradientValue(ps, limit: 1)
        #expect(ps[0].gradient.scalars == [-1, 0.5, 1] && ps[1].gradient.scalars == [1])
    }

    @Test func nonFiniteValuesAreFoundAndNamed() {
        let ps = parameters([[1, 2], [.nan]])
        let named = [("encoder.weight", ps[0]), ("decoder.bias", ps[1])].map { (name: $0.0, parameter: $0.1) }
        #expect(firstNonFinite(loss: .infinity, parameters: named) == "loss")
        #expect(firstNonFinite(loss: 1, parameters: named) == "gradient of 'decoder.bias'")
        #expect(firstNonFinite(loss: 1, parameters: Array(named.prefix(1))) == nil)
    }

    @Test func guardSkipsOrStopsByPolicy() throws {
        let ps = parameters([[1, .infinity]])
        let named = [(name: "weight", parameter: ps[0])]
        var skip = GradientGuard(policy: .skipStep)
        #expect(try skip.check(loss: 1, parameters: named, step: 4) == false)
        #expect(try skip.check(loss: .nan, parameters: [(name: String, parameter: Parameter<Double>)](), step: 5) == false)
        #expect(skip.skippedSteps == 2)

        var stop = GradientGuard(policy: .stop)
        #expect(throws: NonFiniteError(step: 7, source: "gradient of 'weight'")) {
            try stop.check(loss: 1, parameters: named, step: 7)
        }
        #expect("\(NonFiniteError(step: 7, source: "loss"))" == "non-finite loss at step 7")
        ps[0].gradient.fill(0)
        #expect(try stop.check(loss: 1, parameters: named, step: 8))
    }
}
