import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// The regression loss of a ``SequenceRegressor``.
public enum RegressionLoss: String, Codable, Sendable, CaseIterable {
    /// Mean squared error.
    case mse
    /// Huber loss with threshold ``SequenceRegressorConfiguration/huberDelta``.
    case huber
}

/// The configuration of a ``SequenceRegressor`` (stored in checkpoints as JSON).
public struct SequenceRegressorConfiguration: Codable, Sendable, Equatable {
    /// Inputs per step.
    public var featureCount = 1
    /// Values predicted per sequence (many-to-one; a direct forecast of this many steps) or
    /// per step (many-to-many).
    public var outputs = 1
    public var hiddenSize = 32
    public var layers = 1
    public var cell: CellKind = .lstm
    /// Whether the encoder is bidirectional (default false).
    public var bidirectional = false
    /// Many-to-one read-out (ignored when ``manyToMany``).
    public var pooling: SequencePooling = .last
    /// Predict at every step instead of once per sequence.
    public var manyToMany = false
    /// The training loss (default `.mse`).
    public var loss: RegressionLoss = .mse
    /// δ of the Huber loss (default 1; used with `loss = .huber`).
    public var huberDelta = 1.0
    /// Dropout before the output layer and between stacked layers.
    public var dropout = 0.0

    /// A regressor of `featureCount` values per step onto `outputs` values (defaults 1 and 1; hidden 32, one LSTM layer, last-state pooling).
    public init(featureCount: Int = 1, outputs: Int = 1) {
        self.featureCount = featureCount
        self.outputs = outputs
    }
}

/// A regression batch: sequences of features and their targets — (B, outputs) for a
/// many-to-one model, (T, B, outputs) time-major for a many-to-many one (steps past a
/// sequence's end are ignored).
public struct RegressionBatch: Sendable, Equatable {
    /// The feature sequences.
    public var input: SequenceInput
    /// The targets: (B, outputs) row-major, or (T, B, outputs) time-major when many-to-many.
    public var targets: [Float]

    /// A batch of `input` and its `targets` (laid out as ``targets`` says).
    public init(input: SequenceInput, targets: [Float]) {
        self.input = input
        self.targets = targets
    }
}

/// A sequence regressor / forecaster:
/// - **many-to-one**: `features → RNN/LSTM/GRU → pooling (last state by default) → Dropout →
///   Linear(outputs)` — one-step forecasts (outputs = 1, fed back for **recursive** multi-step
///   forecasts, ``recursiveForecast(_:window:steps:)``) or **direct** multi-step forecasts
///   (outputs = horizon, all at once);
/// - **many-to-many**: `features → RNN → Dropout → Linear(outputs)` at every step.
///
/// Loss: MSE or Huber, the mean over the targets that count.
public final class SequenceRegressor: TrainableModel {
    /// The scalar type of the model's parameters (`Float`).
    public typealias Scalar = Float
    /// The batch a training step takes.
    public typealias Batch = RegressionBatch

    /// The configuration the model was built from.
    public let configuration: SequenceRegressorConfiguration
    /// The recurrent encoder and its pooling.
    public let encoder: SequenceEncoder<Float>
    /// Dropout before the output layer.
    public let outputDropout: Dropout<Float>
    /// The output layer: encoding → predicted values.
    public let output: Linear<Float>
    public var isTraining = true { didSet { propagateTrainingMode() } }

    /// A new model as configured, initialised from `seed`; throws for an invalid configuration.
    public init(_ c: SequenceRegressorConfiguration, seed: UInt64 = 0) throws {
        try TrainingError.requirePositive("sequence regressor", sizes: c.featureCount, c.outputs, c.hiddenSize, c.layers)
        try TrainingError.requireDropout(c.dropout)
        guard c.huberDelta > 0 else { throw TrainingError("the Huber threshold must be positive") }
        configuration = c
        var rng = RandomGenerator(seed: seed)
        let rnn = RecurrentLayer<Float>(c.cell, inputSize: c.featureCount, hiddenSize: c.hiddenSize, numLayers: c.layers,
                                        bidirectional: c.bidirectional, dropout: c.dropout, seed: rng.next())
        encoder = try SequenceEncoder(rnn: rnn, pooling: c.pooling)
        outputDropout = try Dropout(probability: c.dropout, seed: rng.next())
        output = try Linear(inputSize: encoder.outputSize, outputSize: c.outputs, rng: &rng)
    }

    /// rnn (the encoder), output_dropout, output (parameters: `rnn.*`, `output.*`).
    public var namedChildren: [(name: String, module: any Module<Float>)] {
        [("rnn", encoder), ("output_dropout", outputDropout), ("output", output)]
    }

    public var gradientProbe: RecurrentLayer<Float>? { encoder.rnn }

    private func features(_ input: SequenceInput) throws -> Tensor<Float> {
        guard case .features(let v, let k) = input.values else { throw TrainingError("a regressor reads numeric features, not tokens") }
        guard k == configuration.featureCount else {
            throw TrainingError("the regressor expects \(configuration.featureCount) features per step, got \(k)")
        }
        return try Tensor(shape: [input.steps, input.batchSize, k], scalars: v)
    }

    /// The predictions: (B, outputs) many-to-one, (T, B, outputs) many-to-many.
    public func forward(_ input: SequenceInput) throws -> Tensor<Float> {
        let x = try features(input)
        if configuration.manyToMany {
            let (out, _) = try encoder.rnn.forward(x, lengths: input.variableLengths)
            return try output.forward(outputDropout.forward(out))
        }
        return try output.forward(outputDropout.forward(encoder.forward(x, lengths: input.variableLengths)))
    }

    /// The (T, B) 0/1 mask of valid steps (many-to-many), nil when all are valid.
    private func mask(_ input: SequenceInput) -> Tensor<Float>? {
        guard configuration.manyToMany, input.variableLengths != nil else { return nil }
        let B = input.batchSize
        return Tensor(shape: [input.steps, B]) { i in i / B < input.lengths[i % B] ? 1 : 0 }
    }

    private func loss(_ y: Tensor<Float>, _ batch: RegressionBatch, reduction: Reduction) throws -> (loss: Double, gradient: Tensor<Float>) {
        let t = try Tensor(shape: y.shape, scalars: batch.targets)
        switch configuration.loss {
        case .mse: return try meanSquaredError(predictions: y, targets: t, mask: mask(batch.input), reduction: reduction)
        case .huber: return try huberLoss(predictions: y, targets: t, delta: configuration.huberDelta, mask: mask(batch.input), reduction: reduction)
        }
    }

    public func trainStep(_ batch: RegressionBatch) throws -> Double {
        let y = try forward(batch.input)
        let (l, dy) = try loss(y, batch, reduction: .mean)
        let dh = try outputDropout.backward(output.backward(dy))
        if configuration.manyToMany {
            _ = try encoder.rnn.backward(gradOutput: dh)
        } else {
            _ = try encoder.backward(dh)
        }
        return l
    }

    /// "loss" (the training loss, mean over targets) and "mse" (mean squared error) over the
    /// batches, in evaluation mode.
    public func evaluate(_ batches: [RegressionBatch]) throws -> [String: Double] {
        try inEvaluationMode { try score(batches) }
    }

    private func score(_ batches: [RegressionBatch]) throws -> [String: Double] {
        var total = 0.0, squared = 0.0, count = 0.0
        for b in batches {
            let y = try forward(b.input)
            let m = mask(b.input)
            let n = m.map { $0.sum * Double(configuration.outputs) } ?? Double(y.count)
            total += try loss(y, b, reduction: .sum).loss
            squared += try meanSquaredError(predictions: y, targets: Tensor(shape: y.shape, scalars: b.targets), mask: m, reduction: .sum).loss
            count += n
        }
        return ["loss": total / max(count, 1), "mse": squared / max(count, 1)]
    }

    /// The next `outputs` values after each window (the last valid step's prediction of a
    /// many-to-many model), in evaluation mode: one row per window.
    public func predictNext(_ windows: [[Float]]) throws -> [[Float]] {
        let input = try SequenceInput(features: windows, featureCount: configuration.featureCount)
        let y = try inEvaluationMode { try InferenceMode.run { try forward(input) } }.scalars
        let k = configuration.outputs, B = input.batchSize
        return (0..<B).map { b in
            let row = configuration.manyToMany ? (input.lengths[b] - 1) * B + b : b
            return Array(y[(row * k)..<((row + 1) * k)])
        }
    }

    /// A recursive multi-step forecast of a univariate series: predicts the next value(s) from
    /// the last `window` values of `history`, appends them, and repeats until `steps` values.
    public func recursiveForecast(_ history: [Float], window: Int, steps: Int) throws -> [Float] {
        guard configuration.featureCount == 1 else { throw TrainingError("recursive forecasts need a univariate model") }
        guard window > 0, history.count >= window else {
            throw TrainingError("a forecast needs at least \(window) values of history, got \(history.count)")
        }
        var series = history
        var out: [Float] = []
        while out.count < steps {
            for v in try predictNext([Array(series.suffix(window))])[0] where out.count < steps {
                out.append(v)
                series.append(v)
            }
        }
        return out
    }
}
