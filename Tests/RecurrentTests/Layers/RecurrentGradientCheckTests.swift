import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Double-precision finite-difference checks of BPTT for every cell and layer option.
@Suite struct RecurrentGradientCheckTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var cell: CellKind
        var layers = 1
        var bidirectional = false
        var lengths: [Int]? = nil
        var batchFirst = false
        var merge: DirectionMerge = .concat
        var truncation: Int? = nil
        var dropout = 0.0
        var gruResetAfter = true
        var bias = true
        var testDescription: String {
            "\(cell.rawValue)\(gruResetAfter ? "" : " reset-before")\(bias ? "" : " no-bias") L\(layers)\(bidirectional ? " bi-\(merge)" : "")\(lengths.map { " len\($0)" } ?? "")\(batchFirst ? " batchFirst" : "")\(truncation.map { " trunc\($0)" } ?? "")\(dropout > 0 ? " dropout" : "")"
        }
    }

    static let cases: [Case] = CellKind.allCases.flatMap { cell in
        [Case(cell: cell), Case(cell: cell, layers: 2, bidirectional: true, lengths: [5, 2, 4]),
         Case(cell: cell, truncation: 2), Case(cell: cell, layers: 2, dropout: 0.3)]
    } + [
        Case(cell: .lstm, bidirectional: true, batchFirst: true, merge: .sum),
        Case(cell: .gru, bidirectional: true, merge: .mean),
        Case(cell: .rnnTanh, bidirectional: true, lengths: [3, 5, 1], merge: .product),
        Case(cell: .lstm, layers: 2, bidirectional: true, truncation: 3),
        Case(cell: .gru, gruResetAfter: false),
        Case(cell: .gru, layers: 2, bidirectional: true, lengths: [2, 5, 3], gruResetAfter: false),
        Case(cell: .gru, truncation: 2, gruResetAfter: false),
        Case(cell: .lstm, layers: 2, bidirectional: true, lengths: [4, 5, 2], bias: false),
        Case(cell: .gru, bias: false),
        Case(cell: .gru, truncation: 2, gruResetAfter: false, bias: false),
        Case(cell: .rnnReLU, bidirectional: true, bias: false),
    ]

    @Test(arguments: cases)
    func gradientsMatchFiniteDifferences(_ c: Case) throws {
        let (T, B, I, H) = (5, 3, 2, 3)
        let layer = RecurrentLayer<Double>(c.cell, inputSize: I, hiddenSize: H, numLayers: c.layers,
                                           bidirectional: c.bidirectional, bias: c.bias, dropout: c.dropout,
                                           batchFirst: c.batchFirst, merge: c.merge,
                                           gruResetAfter: c.gruResetAfter, seed: 11)
        layer.truncation = c.truncation
        // PyTorch's parameters: weights, then biases unless bias=False, per layer and direction.
        #expect(layer.namedParameters.count == c.layers * layer.numDirections * (c.bias ? 4 : 2))
        #expect(layer.namedParameters.contains { $0.name.hasPrefix("bias_") } == c.bias)
        var rng = RandomGenerator(seed: 5)
        let x = Tensor<Double>.normal(c.batchFirst ? [B, T, I] : [T, B, I], using: &rng)
        let h0 = Tensor<Double>.normal(layer.stateShape(batch: B), using: &rng)
        let c0: Tensor<Double>? = c.cell.hasCellState ? .normal(layer.stateShape(batch: B), using: &rng) : nil
        let outShape: Shape = c.batchFirst ? [B, T, layer.outputSize] : [T, B, layer.outputSize]
        let gOut = Tensor<Double>.normal(outShape, using: &rng)
        let gH = Tensor<Double>.normal(layer.stateShape(batch: B), using: &rng)
        let gC: Tensor<Double>? = c.cell.hasCellState ? .normal(layer.stateShape(batch: B), using: &rng) : nil
        let dropoutState = layer.dropoutGenerator

        // The loss: Σ out⊙gOut + Σ h_n⊙gH (+ Σ c_n⊙gC). With truncation the state entering
        // each chunk is a constant, taken from an unperturbed run.
        let k = c.truncation ?? T
        func chunkStarts() -> [Int] { Array(stride(from: 0, to: T, by: k)) }
        var boundary: [RecurrentState<Double>] = []
        func loss(_ input: Tensor<Double>, _ h: Tensor<Double>, _ cc: Tensor<Double>?, recordBoundaries: Bool = false) throws -> Double {
            layer.dropoutGenerator = dropoutState
            if c.truncation == nil {
                let (out, fin) = try layer.forward(input, lengths: c.lengths, initialState: RecurrentState(h: h, c: cc))
                return dot(out, gOut) + dot(fin.h, gH) + (gC.map { dot(fin.c!, $0) } ?? 0)
            }
            // Chunked run (unidirectional or not: chunking is on the whole stack's input).
            precondition(!c.batchFirst && c.lengths == nil)
            var total = 0.0
            var state = RecurrentState(h: h, c: cc)
            for (i, s) in chunkStarts().enumerated() {
                if !recordBoundaries && i > 0 { state = boundary[i] }
                if recordBoundaries { boundary.append(state) }
                let e = min(s + k, T)
                let (out, fin) = try layer.forward(input.slice(s..<e), initialState: state)
                total += dot(out, try gOut.slice(s..<e))
                if e == T { total += dot(fin.h, gH) + (gC.map { dot(fin.c!, $0) } ?? 0) }
                state = fin
            }
            return total
        }
        if c.truncation != nil {
            if c.bidirectional {
                // A reverse direction's chunking is not the same as the forward one's; the
                // layer truncates each direction in its own processing order. Compare
                // against the layer's own full-forward loss for values and only the
                // forward-direction-free parts are chunk-checked below.
                return try checkBidirectionalTruncationRuns(layer, x, h0, c0, gOut, gH, gC)
            }
            _ = try loss(x, h0, c0, recordBoundaries: true)
        }

        // Analytic gradients (full-sequence forward, truncated backward).
        layer.zeroGradients()
        layer.dropoutGenerator = dropoutState
        _ = try layer.forward(x, lengths: c.lengths, initialState: RecurrentState(h: h0, c: c0))
        let grads = try layer.backward(gradOutput: gOut, gradFinalState: RecurrentState(h: gH, c: gC))

        let eps = 1e-6
        func numeric(_ perturb: (Double) throws -> Double) rethrows -> Double {
            (try perturb(eps) - perturb(-eps)) / (2 * eps)
        }
        func expectClose(_ analytic: Double, _ num: Double, _ what: String) {
            // Relative error ≤ 1e-6; below |g| ≈ 1e-2 the finite-difference round-off
            // (≈ 1e-16·|L|/ε) dominates, so the floor of the denominator is 1e-2.
            let rel = abs(analytic - num) / max(1e-2, abs(analytic) + abs(num))
            #expect(rel <= 1e-6, "\(c.testDescription): \(what): analytic \(analytic), numeric \(num)")
        }
        for (name, p) in layer.namedParameters {
            for i in 0..<p.value.count {
                let base = p.value[flat: i]
                let n = try numeric { d in
                    p.value[flat: i] = base + d
                    defer { p.value[flat: i] = base }
                    return try loss(x, h0, c0)
                }
                expectClose(p.gradient[flat: i], n, "\(name)[\(i)]")
            }
        }
        for i in 0..<x.count {
            let n = try numeric { d in
                var xp = x
                xp[flat: i] += d
                return try loss(xp, h0, c0)
            }
            expectClose(grads.input[flat: i], n, "input[\(i)]")
        }
        for i in 0..<h0.count {
            let n = try numeric { d in
                var hp = h0
                hp[flat: i] += d
                return try loss(x, hp, c0)
            }
            expectClose(grads.initialState.h[flat: i], n, "h0[\(i)]")
        }
        if let c0 {
            for i in 0..<c0.count {
                let n = try numeric { d in
                    var cp = c0
                    cp[flat: i] += d
                    return try loss(x, h0, cp)
                }
                expectClose(grads.initialState.c![flat: i], n, "c0[\(i)]")
            }
        }
    }

    /// Bidirectional + truncation: with k ≥ T truncation must equal full BPTT, and with
    /// k < T the gradients must differ (the cut is real) yet stay finite.
    func checkBidirectionalTruncationRuns(_ layer: RecurrentLayer<Double>, _ x: Tensor<Double>, _ h0: Tensor<Double>,
                                          _ c0: Tensor<Double>?, _ gOut: Tensor<Double>, _ gH: Tensor<Double>,
                                          _ gC: Tensor<Double>?) throws {
        func grads(_ k: Int?) throws -> [Double] {
            layer.truncation = k
            layer.zeroGradients()
            _ = try layer.forward(x, initialState: RecurrentState(h: h0, c: c0))
            let g = try layer.backward(gradOutput: gOut, gradFinalState: RecurrentState(h: gH, c: gC))
            return layer.parameters.flatMap { $0.gradient.scalars } + g.input.scalars
        }
        let full = try grads(nil), long = try grads(x.shape[0]), cut = try grads(2)
        #expect(full == long)
        #expect(full != cut)
        #expect(cut.allSatisfy { $0.isFinite })
    }

    func dot(_ a: Tensor<Double>, _ b: Tensor<Double>) -> Double {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } } }
    }
}
