import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct LossTests {
    /// Checks a loss's analytic gradient against central differences in Double.
    func checkGradient(_ x: Tensor<Double>, _ loss: (Tensor<Double>) throws -> (loss: Double, gradient: Tensor<Double>)) throws {
        let analytic = try loss(x).gradient
        let numeric = try numericalGradient(x) { try loss($0).loss }
        #expect(relativeError(analytic, numeric) <= gradientTolerance)
    }

    struct CrossEntropyCase: Sendable, CustomTestStringConvertible {
        var shape: [Int], targets: [Int32], ignoreIndex: Int, smoothing: Double, reduction: Reduction
        var testDescription: String { "\(shape) ignore \(ignoreIndex) ε \(smoothing) \(reduction)" }
    }

    @Test(arguments: [
        CrossEntropyCase(shape: [4, 5], targets: [0, 4, 2, 2], ignoreIndex: -100, smoothing: 0, reduction: .mean),
        CrossEntropyCase(shape: [4, 5], targets: [0, 4, 2, 2], ignoreIndex: -100, smoothing: 0, reduction: .sum),
        CrossEntropyCase(shape: [4, 5], targets: [0, -100, 2, -100], ignoreIndex: -100, smoothing: 0, reduction: .mean),
        CrossEntropyCase(shape: [4, 5], targets: [1, 3, 0, 4], ignoreIndex: -100, smoothing: 0.1, reduction: .mean),
        CrossEntropyCase(shape: [3, 2, 5], targets: [1, 0, 0, 4, 2, 0], ignoreIndex: 0, smoothing: 0.2, reduction: .mean),
        CrossEntropyCase(shape: [3, 2, 5], targets: [1, 0, 0, 4, 2, 0], ignoreIndex: 0, smoothing: 0.2, reduction: .sum),
    ])
    func crossEntropyGradient(_ c: CrossEntropyCase) throws {
        var rng = RandomGenerator(seed: 1)
        let x = Tensor<Double>.normal(Shape(c.shape), std: 2, using: &rng)
        try checkGradient(x) {
            try softmaxCrossEntropy(logits: $0, targets: c.targets, ignoreIndex: c.ignoreIndex,
                                    labelSmoothing: c.smoothing, reduction: c.reduction)
        }
        let ignored = try softmaxCrossEntropy(logits: x, targets: c.targets, ignoreIndex: c.ignoreIndex,
                                              labelSmoothing: c.smoothing, reduction: c.reduction).gradient
        let classes = c.shape.last!
        for (row, t) in c.targets.enumerated() where Int(t) == c.ignoreIndex {
            #expect((0..<classes).allSatisfy { ignored[flat: row * classes + $0] == 0 })
        }
    }

    @Test func crossEntropyMatchesTheDefinition() throws {
        let x = try Tensor<Double>(shape: [2, 3], scalars: [1, 2, 3, 0, 0, 0])
        let (loss, _) = try softmaxCrossEntropy(logits: x, targets: [2, 0], labelSmoothing: 0.3)
        func lse(_ z: [Double]) -> Double { Double.log(z.map { Double.exp($0) }.reduce(0, +)) }
        let row0 = 0.7 * (lse([1, 2, 3]) - 3) + 0.3 * (lse([1, 2, 3]) - 2)
        let row1 = 0.7 * lse([0, 0, 0]) + 0.3 * lse([0, 0, 0])
        #expect(abs(loss - (row0 + row1) / 2) < 1e-14)
    }

    @Test func crossEntropyIsStableForHugeLogits() throws {
        let x = try Tensor<Float>(shape: [1, 3], scalars: [10_000, 9_999, -10_000])
        let (loss, gradient) = try softmaxCrossEntropy(logits: x, targets: [1])
        #expect(abs(loss - (1 + Double.log(1 + Double.exp(-1)))) < 1e-5)
        #expect(gradient.isFinite)
    }

    @Test func crossEntropyRejectsBadTargets() {
        let x = Tensor<Float>(zeros: [2, 3])
        #expect(throws: LossError.targetOutOfRange(position: 1, target: 3, classes: 3)) {
            try softmaxCrossEntropy(logits: x, targets: [0, 3])
        }
        #expect(throws: ShapeError.self) { try softmaxCrossEntropy(logits: x, targets: [0]) }
        #expect(throws: LossError.self) { try softmaxCrossEntropy(logits: x, targets: [0, 1], labelSmoothing: 1.5) }
    }

    @Test func allIgnoredGivesZeroLossAndGradient() throws {
        let (loss, gradient) = try softmaxCrossEntropy(logits: Tensor<Float>(shape: [2, 3], repeating: 1), targets: [-100, -100])
        #expect(loss == 0 && gradient.maxAbs == 0)
    }

    enum Elementwise: String, CaseIterable, Sendable { case bce, mse, huber }

    func elementwise(_ kind: Elementwise, _ x: Tensor<Double>, _ y: Tensor<Double>, mask: Tensor<Double>?,
                     _ reduction: Reduction) throws -> (loss: Double, gradient: Tensor<Double>) {
        switch kind {
        case .bce: try binaryCrossEntropyWithLogits(logits: x, targets: y, mask: mask, reduction: reduction)
        case .mse: try meanSquaredError(predictions: x, targets: y, mask: mask, reduction: reduction)
        case .huber: try huberLoss(predictions: x, targets: y, delta: 0.7, mask: mask, reduction: reduction)
        }
    }

    @Test(arguments: Elementwise.allCases, Reduction.allCases)
    func elementwiseGradients(_ kind: Elementwise, _ reduction: Reduction) throws {
        var rng = RandomGenerator(seed: 2)
        var x = Tensor<Double>.normal([3, 2, 4], std: 2, using: &rng)
        let y = kind == .bce ? .uniform([3, 2, 4], low: 0, high: 1, using: &rng) : Tensor<Double>.normal([3, 2, 4], using: &rng)
        if kind == .huber {  // keep |x − y| away from the kinks at ±δ
            for i in 0..<x.count where abs(abs(x[flat: i] - y[flat: i]) - 0.7) < 0.05 { x[flat: i] += 0.2 }
        }
        let rowMask = try Tensor<Double>(shape: [3, 2], scalars: [1, 1, 0, 1, 1, 0])
        let elementMask = Tensor<Double>(shape: [3, 2, 4]) { $0 % 3 == 0 ? 0 : 1 }
        for mask in [nil, rowMask, elementMask] {
            try checkGradient(x) { try elementwise(kind, $0, y, mask: mask, reduction) }
        }
    }

    /// Masked positions count for nothing: the masked loss equals the loss of the kept rows.
    @Test(arguments: Elementwise.allCases)
    func maskedMeanIsTheMeanOverKeptRows(_ kind: Elementwise) throws {
        var rng = RandomGenerator(seed: 3)
        let x = Tensor<Double>.normal([4, 3], using: &rng)
        let y = Tensor<Double>.uniform([4, 3], low: 0, high: 1, using: &rng)
        let masked = try elementwise(kind, x, y, mask: try Tensor(shape: [4], scalars: [1, 0, 1, 0]), .mean)
        let keep = { (t: Tensor<Double>) in try Tensor<Double>(shape: [2, 3], scalars: Array(t.scalars[0..<3] + t.scalars[6..<9])) }
        let kept = try elementwise(kind, try keep(x), try keep(y), mask: nil, .mean)
        #expect(abs(masked.loss - kept.loss) < 1e-14)
        #expect(masked.gradient.scalars[3..<6].allSatisfy { $0 == 0 })
        #expect(throws: ShapeError.self) { try elementwise(kind, x, y, mask: Tensor(zeros: [3]), .mean) }
    }

    @Test func binaryCrossEntropyIsStableForExtremeLogits() throws {
        let x = try Tensor<Float>(shape: [4], scalars: [100, -100, 100, -100])
        let y = try Tensor<Float>(shape: [4], scalars: [1, 0, 0, 1])
        let (loss, gradient) = try binaryCrossEntropyWithLogits(logits: x, targets: y, reduction: .sum)
        #expect(abs(loss - 200) < 1e-9)
        #expect(zip(gradient.scalars, [0, 0, 1, -1]).allSatisfy { abs($0 - $1) < 1e-30 })  // σ(−100) ≈ 3.7e-44
    }

    @Test func huberIsQuadraticInsideDeltaAndLinearOutside() throws {
        let x = try Tensor<Double>(shape: [2], scalars: [0.3, 3])
        let (loss, gradient) = try huberLoss(predictions: x, targets: Tensor(zeros: [2]), delta: 1, reduction: .sum)
        #expect(abs(loss - (0.045 + 2.5)) < 1e-15 && gradient.scalars == [0.3, 1])
        #expect(throws: LossError.self) { try huberLoss(predictions: x, targets: x, delta: 0) }
    }

    // MARK: PyTorch parity

    @Test func lossFixturesExist() { #expect(!fixtureNames("losses").isEmpty) }

    @Test(arguments: fixtureNames("losses"))
    func lossFixtureParity(_ file: String) throws {
        let f = try loadFixture("losses", file)
        let got: (loss: Double, gradient: [Double])
        if f.metadata["dtype"] == "float64" {
            let r = try fixtureLoss(f, Double.self)
            got = (r.loss, r.gradient.scalars)
        } else {
            let r = try fixtureLoss(f, Float.self)
            got = (r.loss, r.gradient.scalars.map(Double.init))
        }
        let tolerance = f.metadata["dtype"] == "float64" ? 1e-12 : 1e-5
        let lossError = relativeDifference([got.loss], f.doubles("expected.loss"))
        let gradientError = relativeDifference(got.gradient, f.doubles("expected.grad_input"))
        #expect(lossError <= tolerance, "\(file): loss \(got.loss) vs \(f.doubles("expected.loss")[0])")
        #expect(gradientError <= tolerance, "\(file): gradient relative difference \(gradientError)")
    }

    func fixtureLoss<S: TensorScalar>(_ f: Fixture, _: S.Type) throws -> (loss: Double, gradient: Tensor<S>) {
        let input: Tensor<S> = f.tensor("input")
        let reduction = Reduction(rawValue: f.metadata["reduction"]!)!
        switch f.metadata["loss"] {
        case "cross_entropy":
            return try softmaxCrossEntropy(logits: input, targets: f.doubles("target").map { Int32($0) },
                                           ignoreIndex: Int(f.metadata["ignore_index"]!)!,
                                           labelSmoothing: f.number("label_smoothing"), reduction: reduction)
        case "bce_with_logits":
            return try binaryCrossEntropyWithLogits(logits: input, targets: f.tensor("target"), reduction: reduction)
        case "mse":
            return try meanSquaredError(predictions: input, targets: f.tensor("target"), reduction: reduction)
        case "huber":
            return try huberLoss(predictions: input, targets: f.tensor("target"), delta: f.number("delta"), reduction: reduction)
        default:
            Issue.record("\(f.name): unknown loss \(f.metadata["loss"] ?? "nil")")
            return (0, input)
        }
    }
}
