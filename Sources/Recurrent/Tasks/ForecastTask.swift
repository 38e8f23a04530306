import Foundation
import RealModule

/// `rnn train forecast`: univariate forecasting of a `date,value` CSV series (many-to-one, one
/// step ahead, or `horizon` steps at once with `--horizon`).
///
/// The preprocessing is chosen from the training series (``ForecastTransform/analyse(_:)``):
/// log when the spread grows with the level, first differences when a trend dominates, the
/// seasonal period from the autocorrelation; the input window is one period when the period
/// is at least 12 steps, else two (at least 12 in any case). The end of the training series
/// (one period, at least 10 % of the windows) is held out for early stopping, and the best
/// parameters are kept; then the model is trained again on all windows for the best
/// number of epochs. Defaults: LSTM 32 → last state → Linear, MSE, Adam 1e-3, batch 16, a
/// 120-second budget.
///
/// Test metrics, in original units, over the whole test file (which continues the training
/// series): `rmse` (one step ahead, each forecast from the true history), `rmse_recursive`
/// (from the end of the training series only, forecasts fed back), and the baselines
/// `persistence_rmse` and `seasonal_naive_rmse`.
public enum ForecastTask: RNNTask {
    public static let name = "forecast"

    /// Everything a saved forecaster needs besides its parameters.
    struct Setup: Codable {
        var transform: ForecastTransform
        var window: Int
        var horizon: Int
        /// The last original values of the training series (for forecasting a test file that
        /// continues it).
        var history: [Double]
    }

    static func window(_ o: TaskOptions, _ t: ForecastTransform, count: Int) -> Int {
        if let w = o.window { return w }
        let p = t.period ?? 12
        let w = p >= 12 ? p : 2 * p
        return min(max(w, 12), max(2, count / 4))
    }

    static func configuration(_ o: TaskOptions, horizon: Int) -> SequenceRegressorConfiguration {
        var c = SequenceRegressorConfiguration(featureCount: 1, outputs: horizon)
        c.hiddenSize = o.hidden ?? 32
        c.layers = o.layers ?? 1
        c.cell = o.cell ?? .lstm
        c.dropout = o.dropout ?? 0
        c.bidirectional = o.bidirectional ?? false
        if let p = o.pooling, let pooling = SequencePooling(rawValue: p.lowercased()) { c.pooling = pooling }
        return c
    }

    /// (window, targets) pairs of a model-space series: each window of `w` values → the next
    /// `h` values.
    static func windows(_ z: [Double], window w: Int, horizon h: Int) -> [(input: [Float], target: [Float])] {
        guard z.count >= w + h else { return [] }
        return (0...(z.count - w - h)).map { i in (z[i..<(i + w)].map(Float.init), z[(i + w)..<(i + w + h)].map(Float.init)) }
    }

    static func batch(_ pairs: [(input: [Float], target: [Float])], _ ids: [Int]) -> RegressionBatch {
        RegressionBatch(input: SequenceInput(features: ids.map { pairs[$0].input }, featureCount: 1),
                        targets: ids.flatMap { pairs[$0].target })
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let file = o.train.lastPathComponent
        let values = try DatedValue.read(o.train).map(\.value)
        let test = try o.test.map { try DatedValue.read($0).map(\.value) }
        guard values.count >= 8 else { throw DataError(file: file, "\(values.count) values are too few to forecast from (at least 8)") }
        let transform = ForecastTransform.analyse(values)
        let horizon = o.horizon ?? 1
        let w = window(o, transform, count: values.count)
        let pairs = windows(transform.series(values), window: w, horizon: horizon)
        guard pairs.count >= 2 else {
            throw DataError(file: file, "\(values.count) values are too few for windows of \(w) and a horizon of \(horizon)")
        }
        if transform.log, let test, let bad = test.firstIndex(where: { $0 <= 0 }) {
            throw DataError(file: o.test!.lastPathComponent, line: bad + 2, "value \(test[bad]) is not positive, but the training series was modelled in logs")
        }

        // Hold out the most recent windows for early stopping.
        let held = pairs.count >= 20 ? min(max(transform.period ?? 0, pairs.count / 10), pairs.count / 4) : 0
        let trainCount = pairs.count - held
        let config = configuration(o, horizon: horizon)
        let batchSize = min(o.batch ?? 16, trainCount)
        let validation = held > 0 ? [batch(pairs, Array(trainCount..<pairs.count))] : []
        let setup = Setup(transform: transform, window: w, horizon: horizon, history: Array(values.suffix(w + 1)))
        var options = o.trainingOptions(defaultBudget: 120, defaultClip: nil)
        options.earlyStoppingPatience = o.patience ?? 100
        let metadata = ["task": name, "config": encodeJSON(config), "setup": encodeJSON(setup)]

        func fit(count: Int, options: TrainingOptions, validation: [RegressionBatch]) throws -> (SequenceRegressor, Trainer<SequenceRegressor>) {
            let model = try SequenceRegressor(config, seed: o.seed)
            let optimizer = try o.makeOptimizer(model.parameters, learningRate: 1e-3)
            let batches = ExampleBatches(sampler: BatchSampler(count: count, batchSize: batchSize, seed: o.seed)) { batch(pairs, $0) }
            let trainer = Trainer(model: model, optimizer: optimizer, options: options)
            trainer.checkpointMetadata = metadata
            trainer.onProgress = progress
            if let resume = o.resume { try trainer.resume(from: Checkpoint.read(from: resume)) }
            try trainer.fit(batches, validation: validation)
            return (model, trainer)
        }
        var (model, trainer) = try fit(count: trainCount, options: options, validation: validation)
        let history = trainer.history
        var seconds = trainer.state.elapsed, steps = trainer.state.step
        // Refit on every window, for as many epochs as the best validation score took.
        if held > 0, o.resume == nil, let bestStep = trainer.state.bestStep {
            let perEpoch = Double((trainCount + batchSize - 1) / batchSize)
            var refit = options
            refit.epochs = max(1, Int((Double(bestStep) / perEpoch).rounded()))
            refit.timeBudget = options.timeBudget.map { max($0 - seconds, 1) }
            refit.earlyStoppingPatience = nil
            (model, trainer) = try fit(count: pairs.count, options: refit, validation: [])
            seconds += trainer.state.elapsed
            steps += trainer.state.step
        }
        model.isTraining = false

        var run = TaskRun(task: name, seconds: seconds, epochs: trainer.state.epoch, steps: steps, test: [:], history: history)
        if let test {
            let f = try forecast(model, setup, test)
            run.test = f.metrics
            run.artifacts.actual = test
            run.artifacts.forecast = f.oneStep
        }
        run.test["window"] = Double(w)
        run.test["log"] = transform.log ? 1 : 0
        run.test["difference"] = transform.difference ? 1 : 0
        run.test["period"] = Double(transform.period ?? 0)
        return run
    }

    /// One-step and recursive forecasts of `test`, which continues the series whose end is
    /// `setup.history`, with their RMSEs and the naive baselines'.
    static func forecast(_ model: SequenceRegressor, _ setup: Setup, _ test: [Double]) throws
        -> (metrics: [String: Double], oneStep: [Double], recursive: [Double]) {
        let t = setup.transform, w = setup.window
        let full = setup.history + test
        let n = setup.history.count
        let z = t.series(full)
        let offset = t.difference ? 1 : 0  // z[k] is the step into full[k + offset]
        // One-step: full[i] from the w model-space values before it.
        let inputs = (n..<full.count).map { i in z[(i - offset - w)..<(i - offset)].map(Float.init) }
        var oneStep: [Double] = []
        for chunk in stride(from: 0, to: inputs.count, by: 256) {
            let next = try model.predictNext(Array(inputs[chunk..<min(chunk + 256, inputs.count)]))
            for (k, p) in next.enumerated() {
                let i = n + chunk + k
                oneStep.append(t.invert(Double(p[0]), previous: full[i - 1]))
            }
        }
        // Recursive: from the end of the training series, predictions fed back.
        let zs = try model.recursiveForecast(t.series(setup.history).map(Float.init), window: w, steps: test.count)
        var recursive: [Double] = []
        var previous = setup.history.last!
        for v in zs {
            previous = t.invert(Double(v), previous: previous)
            recursive.append(previous)
        }
        var metrics = ["rmse": rmse(oneStep, test), "rmse_recursive": rmse(recursive, test),
                       "persistence_rmse": rmse([setup.history.last!] + test.dropLast(), test)]
        if let p = t.period, p <= setup.history.count {
            let season = Array(setup.history.suffix(p))
            metrics["seasonal_naive_rmse"] = rmse(test.indices.map { season[$0 % p] }, test)
        }
        return (metrics, oneStep, recursive)
    }

    static func rmse(_ a: [Double], _ b: [Double]) -> Double {
        (zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(max(a.count, 1))).squareRoot()
    }

    /// The model and its setup from a saved forecast model.
    static func load(_ checkpoint: Checkpoint) throws -> (SequenceRegressor, Setup) {
        try Tasks.check(checkpoint, is: name)
        let config: SequenceRegressorConfiguration = try decodeJSON(checkpoint.require("config"), from: checkpoint)
        let setup: Setup = try decodeJSON(checkpoint.require("setup"), from: checkpoint)
        guard setup.window > 0, setup.history.count == setup.window + 1, setup.horizon == config.outputs else {
            throw CheckpointError("\(checkpoint.source): the forecast setup does not match the model")
        }
        let model = try SequenceRegressor(config)
        try loadParameters(model, from: checkpoint)
        model.isTraining = false
        return (model, setup)
    }

    /// Test metrics for a file that continues the training series.
    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let (model, setup) = try load(checkpoint)
        let values = try DatedValue.read(test).map(\.value)
        if setup.transform.log, let bad = values.firstIndex(where: { $0 <= 0 }) {
            throw DataError(file: test.lastPathComponent, line: bad + 2, "value \(values[bad]) is not positive, but the model works on logs")
        }
        return try forecast(model, setup, values).metrics
    }

    /// Gradients through time over up to 32 windows of a series file (transformed as in training).
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let (model, setup) = try load(checkpoint)
        let values = try DatedValue.read(data).map(\.value)
        if setup.transform.log, let bad = values.firstIndex(where: { $0 <= 0 }) {
            throw DataError(file: data.lastPathComponent, line: bad + 2, "value \(values[bad]) is not positive, but the model works on logs")
        }
        let pairs = windows(setup.transform.series(values), window: setup.window, horizon: setup.horizon)
        guard !pairs.isEmpty else {
            throw DataError(file: data.lastPathComponent, "too short: a window of \(setup.window) values and \(setup.horizon) to predict are needed")
        }
        let b = batch(pairs, Array(0..<min(32, pairs.count)))
        return try recordGradients(model) { _ = try $0.trainStep(b) }
    }

    /// Each input line is a history of comma-separated values (at least the window, plus one
    /// when the model differences); the output line is the next `horizon` values (one step
    /// unless trained with `--horizon`), comma-separated.
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let (model, setup) = try load(checkpoint)
        let t = setup.transform
        let need = setup.window + (t.difference ? 1 : 0)
        return try inputs.enumerated().map { i, line in
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var values: [Double] = []
            for f in fields {
                guard let v = Double(f), v.isFinite else { throw DataError(file: "<input>", line: i + 1, "'\(f)' is not a number") }
                guard !t.log || v > 0 else { throw DataError(file: "<input>", line: i + 1, "value \(f) is not positive, but the model works on logs") }
                values.append(v)
            }
            guard values.count >= need else {
                throw DataError(file: "<input>", line: i + 1, "\(values.count) values given; the model needs at least \(need)")
            }
            let zs = try model.recursiveForecast(t.series(values).map(Float.init), window: setup.window, steps: setup.horizon)
            var previous = values.last!
            return zs.map { z in
                previous = t.invert(Double(z), previous: previous)
                return String(format: "%.6g", previous)
            }.joined(separator: ",")
        }
    }
}
