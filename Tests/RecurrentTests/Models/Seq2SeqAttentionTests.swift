import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// Luong attention: finite-difference gradient checks in Double and the masking of padded
/// source positions.
@Suite struct Seq2SeqAttentionTests {
    static let (T, B, S, H) = (3, 3, 5, 4)

    static func inputs(keySize K: Int, seed: UInt64) -> (Tensor<Double>, Tensor<Double>, Tensor<Double>) {
        var rng = RandomGenerator(seed: seed)
        let q = Tensor<Double>.normal([T, B, H], using: &rng)
        let e = Tensor<Double>.normal([S, B, K], using: &rng)
        let r = Tensor<Double>.normal([T, B, H], using: &rng)  // dL/dy of the loss L = Σ y ⊙ r
        return (q, e, r)
    }

    @Test(arguments: [(AttentionKind.dot, 4), (.general, 4), (.general, 6)])
    func gradientsMatchFiniteDifferences(_ kind: AttentionKind, _ keySize: Int) throws {
        var rng = RandomGenerator(seed: 3)
        let attention = try LuongAttention<Double>(kind, querySize: Self.H, keySize: keySize, rng: &rng)
        let (q, e, r) = Self.inputs(keySize: keySize, seed: 5)
        let lengths = [5, 2, 4]
        func loss(_ q: Tensor<Double>, _ e: Tensor<Double>) throws -> Double {
            weightedSum(try attention.forward(query: q, keys: e, keyLengths: lengths), r)
        }
        _ = try attention.forward(query: q, keys: e, keyLengths: lengths)
        attention.zeroGradients()
        let (dq, de) = try attention.backward(r)

        #expect(relativeError(dq, try numericalGradient(q) { try loss($0, e) }) <= gradientTolerance)
        #expect(relativeError(de, try numericalGradient(e) { try loss(q, $0) }) <= gradientTolerance)
        for (name, p) in attention.namedParameters {
            let numeric = try numericalGradient(of: p) { try loss(q, e) }
            #expect(relativeError(p.gradient, numeric) <= gradientTolerance, "\(kind) \(name)")
        }
    }

    @Test func paddedSourcePositionsGetNoWeightAndNoGradient() throws {
        var rng = RandomGenerator(seed: 8)
        let attention = try LuongAttention<Double>(.general, querySize: Self.H, keySize: Self.H, rng: &rng)
        let (q, e, r) = Self.inputs(keySize: Self.H, seed: 9)
        let lengths = [5, 2, 4]
        let y = try attention.forward(query: q, keys: e, keyLengths: lengths)
        let weights = attention.weights
        let de = try attention.backward(r).keys
        for t in 0..<Self.T {
            for b in 0..<Self.B {
                let row = (0..<Self.S).map { weights[t, b, $0] }
                #expect(abs(row.reduce(0, +) - 1) < 1e-12)
                for s in lengths[b]..<Self.S {
                    #expect(row[s] == 0)
                }
            }
        }
        for b in 0..<Self.B {
            for s in lengths[b]..<Self.S {
                for k in 0..<Self.H { #expect(de[s, b, k] == 0) }
            }
        }
        // Whatever the padded keys hold, the output is the same.
        var garbage = e
        for b in 0..<Self.B {
            for s in lengths[b]..<Self.S {
                for k in 0..<Self.H { garbage[s, b, k] = 1e3 * Double(s + k + 1) }
            }
        }
        #expect(try attention.forward(query: q, keys: garbage, keyLengths: lengths) == y)
    }

    @Test func dotAttentionNeedsMatchingWidthsAndLengthsAreChecked() throws {
        var rng = RandomGenerator(seed: 1)
        #expect(throws: TrainingError.self) { try LuongAttention<Double>(.dot, querySize: 4, keySize: 8, rng: &rng) }
        let attention = try LuongAttention<Double>(.dot, querySize: Self.H, keySize: Self.H, rng: &rng)
        let (q, e, _) = Self.inputs(keySize: Self.H, seed: 2)
        #expect(throws: ShapeError.self) { try attention.forward(query: q, keys: e, keyLengths: [5, 0, 4]) }
        #expect(throws: ShapeError.self) { try attention.forward(query: q, keys: e, keyLengths: [5, 6, 4]) }
        #expect(throws: TrainingError.self) { try AttentionKind(option: "bahdanau") }
    }
}
