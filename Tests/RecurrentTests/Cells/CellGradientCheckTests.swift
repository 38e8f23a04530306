import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Every public cell's backward step against central finite differences in Double: every
/// parameter, the input and the state (h and c), of L = Σ h_t⊙g_h (+ Σ c_t⊙g_c).
@Suite struct CellGradientCheckTests {
    static let modules = ["RNN_TANH", "RNN_RELU", "LSTM", "GRU", "GRU_RESET_BEFORE"]

    @Test(arguments: modules, [true, false])
    func backwardStepMatchesFiniteDifferences(_ module: String, _ bias: Bool) throws {
        let (B, I, H) = (2, 3, 4)
        let cell: any RecurrentCell<Double> = CellParityTests.makeCell(module, inputSize: I, hiddenSize: H, bias: bias, seed: 5)
        var rng = RandomGenerator(seed: 17)
        let lstm = module == "LSTM"
        let x = Tensor<Double>.normal([B, I], using: &rng)
        let state = CellState<Double>(h: .normal([B, H], using: &rng), c: lstm ? Tensor<Double>.normal([B, H], using: &rng) : nil)
        let gradient = CellState<Double>(h: .normal([B, H], using: &rng), c: lstm ? Tensor<Double>.normal([B, H], using: &rng) : nil)
        func loss(_ x: Tensor<Double>, _ s: CellState<Double>) throws -> Double {
            let next = try cell.step(x, state: s)
            var l = zip(next.h.scalars, gradient.h.scalars).map(*).reduce(0, +)
            if let c = next.c { l += zip(c.scalars, gradient.c!.scalars).map(*).reduce(0, +) }
            return l
        }
        cell.zeroGradients()
        let g = try cell.backwardStep(x, state: state, gradient: gradient)

        let eps = 1e-6
        func numeric(_ value: Tensor<Double>, _ evaluate: (Tensor<Double>) throws -> Double) throws -> [Double] {
            try (0..<value.count).map { i in
                var plus = value, minus = value
                plus[flat: i] += eps
                minus[flat: i] -= eps
                return (try evaluate(plus) - evaluate(minus)) / (2 * eps)
            }
        }
        func expectClose(_ got: Tensor<Double>, _ want: [Double], _ what: String) {
            let worst = zip(got.scalars, want).map { abs($0 - $1) / (1 + abs($1)) }.max() ?? 0
            #expect(worst < 1e-7, "\(module)\(bias ? "" : " no-bias") \(what): relative error \(worst)")
        }
        expectClose(g.input, try numeric(x) { try loss($0, state) }, "∂x")
        expectClose(g.state.h, try numeric(state.h) { try loss(x, CellState(h: $0, c: state.c)) }, "∂h_{t−1}")
        if lstm { expectClose(g.state.c!, try numeric(state.c!) { try loss(x, CellState(h: state.h, c: $0)) }, "∂c_{t−1}") }
        for (name, p) in cell.namedParameters {
            let value = p.value
            let want = try numeric(value) { v in
                p.value = v
                defer { p.value = value }
                return try loss(x, state)
            }
            expectClose(p.gradient, want, name)
        }
    }
}
