import Foundation
import RealModule
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// `rnn train forecast`: univariate forecasting of a `date,value` CSV series (many-to-one, one
/// step ahead, or `horizon` steps at once with `--horizon`).
///
/// The preprocessing is chosen from the training series (``ForecastTransform/analyse(_:)``):
/// log when the series is positive and its spread grows with the level, first differences when
/// a trend dominates, the seasonal period from the autocorrelation; the input window is one
/// period when the period is at least 12 steps, else two (at least 12 in any case, `--window`
/// overrides). The most recent windows (one period, at least 10 %) are held out for early
/// stopping (patience 100 epochs, best parameters kept); the model is then trained again on
/// every window for the best number of epochs. Ten such models (seeds s, s+1, …) form an
/// ensemble whose model-space predictions are averaged: these sets are tiny and a single
/// network's test error varies a lot with its seed. Each member: LSTM 32 → last state →
/// Linear, MSE, Adam 1e-3, batch 16; all share a 120-second budget. Not resumable (a run
/// takes seconds).
///
/// Test metrics, in original units, over the whole test file (which continues the training
/// series): `rmse` (one step ahead, each forecast from the true history), `rmse_recursive`
/// (from the end of the training series only, forecasts fed back), the baselines
/// `persistence_rmse` and `seasonal_naive_rmse`, and the choices made (`window`, `period`,
/// `log`, `difference`).
public enum ForecastTask: RNNTask {
    public static let name = "forecast"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.window, .horizon, .pooling]

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

    static func configuration(_ o: TaskOptions, horizon: Int) throws -> SequenceRegressorConfiguration {
        var c = SequenceRegressorConfiguration(featureCount: 1, outputs: horizon)
        o.setArchitecture(of: &c, hidden: 32)
        c.bidirectional = o.bidirectional ?? false
        if let p = try o.parsedPooling() { c.pooling = p }
        return c
    }

    /// (window, targets) pairs of a model-space series: each window of `w` values → the next
    /// `h` values.
    static func windows(_ z: [Double], window w: Int, horizon h: Int) -> [(input: [Float], target: [Float])] {
        guard z.count >= w + h else { return [] }
        return (0...(z.count - w - h)).map { i in (z[i..<(i + w)].map(Float.init), z[(i + w)..<(i + w + h)].map(Float.init)) }
    }

    static func batch(_ pairs: [(input: [Float], target: [Float])], _ ids: [Int]) throws -> RegressionBatch {
        RegressionBatch(input: try SequenceInput(features: ids.map { pairs[$0].input }, featureCount: 1),
                        targets: ids.flatMap { pairs[$0].target })
    }

    /// The values of a `date,value` file; other extensions than `.csv` are an error naming the file.
    static func read(_ url: URL) throws -> [Double] {
        let ext = url.pathExtension.lowercased()
        guard ext == "csv" else {
            throw DataError(file: url.lastPathComponent,
                "forecast reads a date,value .csv series, not " + (ext.isEmpty ? "a file without an extension" : "a .\(ext) file"))
        }
        return try DatedValue.read(url).map(\.value)
    }

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let file = o.train.lastPathComponent
        let values = try read(o.train)
        let test = try o.test.map { try read($0) }
        guard values.count >= 8 else { throw DataError(file: file, "\(values.count) values are too few to forecast from (at least 8)") }
        let transform = ForecastTransform.analyse(values)
        let horizon = o.horizon ?? 1
        let w = window(o, transform, count: values.count)
        let pairs = windows(transform.series(values), window: w, horizon: horizon)
        guard pairs.count >= 2 else {
            throw DataError(file: file, "\(values.count) values are too few for windows of \(w) and a horizon of \(horizon)")
        }
        if let test, let bad = transform.firstInadmissible(test) {
            throw DataError(file: o.test!.lastPathComponent, line: bad.index + 2,
                "value \(bad.value) is not \(transform.scale.requirement), but the training series was modelled on a \(transform.scale) scale")
        }

        guard o.resume == nil else {
            throw TaskOptionError(.resume, .unsupported(explanation: "forecast runs take seconds and are not resumable"))
        }
        // Hold out the most recent windows (one period, at least 10 %) for early stopping.
        let held = pairs.count >= 20 ? min(max(transform.period ?? 0, pairs.count / 10), pairs.count / 4) : 0
        let trainCount = pairs.count - held
        let config = try configuration(o, horizon: horizon)
        let batchSize = min(o.batch ?? 16, trainCount)
        let setup = Setup(transform: transform, window: w, horizon: horizon, history: Array(values.suffix(w + 1)))
        var options = o.trainingOptions(defaultBudget: 120, defaultClip: nil)
        options.earlyStoppingPatience = o.patience ?? 100
        options.checkpoint = nil  // the ensemble is written once at the end
        let ensemble = try trainEnsemble(o, config: config, pairs: pairs, held: held, batchSize: batchSize,
                                         options: options, progress: progress)
        let forecaster = Forecaster(members: ensemble.members, setup: setup)
        if let out = o.out { try forecaster.checkpoint(config: config).write(to: out) }

        var run = TaskRun(task: name, seconds: ensemble.seconds, epochs: ensemble.epochs, steps: ensemble.steps, test: [:],
                          history: ensemble.history)
        if let test {
            let f = try forecaster.forecast(test)
            run.test = f.metrics
            run.artifacts.actual = test
            run.artifacts.forecast = f.oneStep
        }
        run.chosen["window"] = Double(w)
        run.chosen["log"] = transform.scale == .log ? 1 : 0
        run.chosen["difference"] = transform.difference ? 1 : 0
        run.chosen["period"] = Double(transform.period ?? 0)
        return run
    }

    /// The members of a trained ensemble, the first member's history and what training them
    /// all took.
    struct Ensemble {
        var members: [SequenceRegressor] = []
        var history = TrainingHistory()
        var seconds = 0.0, steps = 0, epochs = 0
    }

    /// Trains the ten members (seeds s, s+1, …) on `pairs`, the last `held` held out for early
    /// stopping, each then trained again on every window for the best number of epochs; each
    /// member gets an equal share of what is left of the time budget.
    static func trainEnsemble(_ o: TaskOptions, config: SequenceRegressorConfiguration,
                              pairs: [(input: [Float], target: [Float])], held: Int, batchSize: Int,
                              options: TrainingOptions, progress: ((TrainingProgress) -> Void)?) throws -> Ensemble {
        let trainCount = pairs.count - held
        let validation = held > 0 ? [try batch(pairs, Array(trainCount..<pairs.count))] : []
        let memberCount = 10
        func fit(seed: UInt64, count: Int, options: TrainingOptions, validation: [RegressionBatch]) throws -> (SequenceRegressor, Trainer<SequenceRegressor>) {
            let model = try SequenceRegressor(config, seed: seed)
            let optimizer = try o.makeOptimizer(model.parameters, learningRate: 1e-3)
            let batches = ExampleBatches(sampler: BatchSampler(count: count, batchSize: batchSize, seed: seed)) { try batch(pairs, $0) }
            let trainer = try Self.fit(model, optimizer: optimizer, options: options, progress: progress,
                                       on: batches, validation: validation)
            return (model, trainer)
        }
        var ensemble = Ensemble()
        for k in 0..<memberCount {
            let seed = o.seed &+ UInt64(k)
            var memberOptions = options
            // Each member gets an equal share of what is left of the budget.
            memberOptions.timeBudget = options.timeBudget.map { max(($0 - ensemble.seconds) / Double(memberCount - k), 0.5) }
            var (model, trainer) = try fit(seed: seed, count: trainCount, options: memberOptions, validation: validation)
            if k == 0 { ensemble.history = trainer.history }
            ensemble.seconds += trainer.state.elapsed
            ensemble.steps += trainer.state.step
            // Refit on every window, for as many epochs as the best validation score took.
            if held > 0, let bestStep = trainer.state.bestStep {
                let again = memberOptions.refit(bestStep: bestStep, batchesPerEpoch: (trainCount + batchSize - 1) / batchSize,
                                                spent: trainer.state.elapsed, minimumBudget: 0.5)
                (model, trainer) = try fit(seed: seed, count: pairs.count, options: again, validation: [])
                ensemble.seconds += trainer.state.elapsed
                ensemble.steps += trainer.state.step
            }
            ensemble.epochs += trainer.state.epoch
            ensemble.members.append(model)
        }
        return ensemble
    }

    static func rmse(_ a: [Double], _ b: [Double]) -> Double {
        (zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(max(a.count, 1))).squareRoot()
    }

    /// The forecaster saved in a forecast model file.
    public static func load(_ checkpoint: Checkpoint) throws -> Forecaster {
        try Tasks.check(checkpoint, is: name)
        let config: SequenceRegressorConfiguration = try decodeJSON(checkpoint.require("config"), from: checkpoint)
        let setup: Setup = try decodeJSON(checkpoint.require("setup"), from: checkpoint)
        guard let count = Int(try checkpoint.require("members")), count >= 1, count <= 1000 else {
            throw CheckpointError("\(checkpoint.source): corrupt model metadata (members)")
        }
        guard setup.window > 0, setup.history.count == setup.window + 1, setup.horizon == config.outputs,
              setup.transform.std > 0 else {
            throw CheckpointError("\(checkpoint.source): the forecast setup does not match the model")
        }
        let all = checkpoint.stateDict
        let members = try (0..<count).map { k in
            let model = try SequenceRegressor(config)
            let prefix = "member\(k)."
            do {
                try model.load(stateDict: Dictionary(uniqueKeysWithValues: all.compactMap { name, value in
                    name.hasPrefix(prefix) ? (String(name.dropFirst(prefix.count)), value) : nil
                }))
            } catch {
                throw CheckpointError("\(checkpoint.source): the parameters do not fit the model (\(error))")
            }
            model.isTraining = false
            return model
        }
        return Forecaster(members: members, setup: setup)
    }

    /// Test metrics for a file that continues the training series.
    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let forecaster = try load(checkpoint)
        return try forecaster.forecast(read(test, for: forecaster)).metrics
    }

    /// The values of a series file for `forecaster`; a value its scale cannot take (a
    /// non-positive one on a log scale) is an error naming its line.
    static func read(_ url: URL, for forecaster: Forecaster) throws -> [Double] {
        let values = try read(url)
        let t = forecaster.setup.transform
        if let bad = t.firstInadmissible(values) {
            throw DataError(file: url.lastPathComponent, line: bad.index + 2,
                "value \(bad.value) is not \(t.scale.requirement), but the model works on a \(t.scale) scale")
        }
        return values
    }

    /// Gradients through time of the first ensemble member over up to 32 windows of a series
    /// file (transformed as in training).
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let forecaster = try load(checkpoint)
        let values = try read(data, for: forecaster)
        let t = forecaster.setup.transform
        let pairs = windows(t.series(values), window: forecaster.setup.window, horizon: forecaster.setup.horizon)
        guard !pairs.isEmpty else {
            throw DataError(file: data.lastPathComponent, "too short: a window of \(forecaster.setup.window) values and \(forecaster.setup.horizon) to predict are needed")
        }
        let b = try batch(pairs, Array(0..<min(32, pairs.count)))
        return try recordGradients(forecaster.members[0]) { _ = try $0.trainStep(b) }
    }

    /// Each input line is a history of comma-separated values (at least the window, plus one
    /// when the model differences); the output line is the next `horizon` values (one step
    /// unless trained with `--horizon`), comma-separated.
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let forecaster = try load(checkpoint)
        let t = forecaster.setup.transform
        let need = forecaster.setup.window + (t.difference ? 1 : 0)
        return try inputs.enumerated().map { i, line in
            var values: [Double] = []
            for f in line.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let v = Double(f), v.isFinite else { throw DataError(file: DataError.predictionInput, line: i + 1, "'\(f)' is not a number") }
                guard t.scale.admits(v) else {
                    throw DataError(file: DataError.predictionInput, line: i + 1, "value \(f) is not \(t.scale.requirement), but the model works on a \(t.scale) scale")
                }
                values.append(v)
            }
            guard values.count >= need else {
                throw DataError(file: DataError.predictionInput, line: i + 1, "\(values.count) values given; the model needs at least \(need)")
            }
            return try forecaster.continuation(of: values, steps: forecaster.setup.horizon)
                .map { String(format: "%.6g", $0) }.joined(separator: ",")
        }
    }
}

/// A trained forecaster: an ensemble of ``SequenceRegressor``s (their model-space predictions
/// averaged) with the preprocessing they were trained under and the end of the training series.
public struct Forecaster {
    /// The ensemble's models.
    public let members: [SequenceRegressor]
    let setup: ForecastTask.Setup

    init(members: [SequenceRegressor], setup: ForecastTask.Setup) {
        precondition(!members.isEmpty, "a forecaster needs a model")
        self.members = members
        self.setup = setup
    }

    /// The preprocessing (log, differences, period, standardisation).
    public var transform: ForecastTransform { setup.transform }
    /// The input window, in model-space steps.
    public var window: Int { setup.window }

    /// The mean of the members' next values after each model-space window.
    func predictNext(_ windows: [[Float]]) throws -> [[Float]] {
        var sum = try members[0].predictNext(windows)
        for m in members.dropFirst() {
            for (i, row) in try m.predictNext(windows).enumerated() {
                for j in row.indices { sum[i][j] += row[j] }
            }
        }
        let n = Float(members.count)
        return sum.map { $0.map { $0 / n } }
    }

    /// The next `steps` values (original units) after `values`, predictions fed back.
    public func continuation(of values: [Double], steps: Int) throws -> [Double] {
        let t = setup.transform
        var z = t.series(values).map(Float.init)
        guard z.count >= window else {
            throw TrainingError("a forecast needs \(window + (t.difference ? 1 : 0)) values, got \(values.count)")
        }
        var out: [Double] = []
        var previous = values.last!
        while out.count < steps {
            for v in try predictNext([Array(z.suffix(window))])[0] where out.count < steps {
                z.append(v)
                previous = t.invert(Double(v), previous: previous)
                out.append(previous)
            }
        }
        return out
    }

    /// One-step and recursive forecasts of `test`, which continues the training series, with
    /// their RMSEs and the naive baselines'.
    func forecast(_ test: [Double]) throws -> (metrics: [String: Double], oneStep: [Double], recursive: [Double]) {
        let t = setup.transform, w = setup.window
        let full = setup.history + test
        let n = setup.history.count
        let z = t.series(full)
        let offset = t.difference ? 1 : 0  // z[k] is the step into full[k + offset]
        // One-step: full[i] from the w model-space values before it.
        let inputs = (n..<full.count).map { i in z[(i - offset - w)..<(i - offset)].map(Float.init) }
        var oneStep: [Double] = []
        for chunk in stride(from: 0, to: inputs.count, by: 256) {
            for (k, p) in try predictNext(Array(inputs[chunk..<min(chunk + 256, inputs.count)])).enumerated() {
                oneStep.append(t.invert(Double(p[0]), previous: full[n + chunk + k - 1]))
            }
        }
        let recursive = try continuation(of: setup.history, steps: test.count)
        let rmse = ForecastTask.rmse
        var metrics = ["rmse": rmse(oneStep, test), "rmse_recursive": rmse(recursive, test),
                       "persistence_rmse": rmse([setup.history.last!] + test.dropLast(), test)]
        if let p = t.period, p <= setup.history.count {
            let season = Array(setup.history.suffix(p))
            metrics["seasonal_naive_rmse"] = rmse(test.indices.map { season[$0 % p] }, test)
        }
        return (metrics, oneStep, recursive)
    }

    /// The model file: every member's parameters under `member<k>.`, the configuration and setup.
    func checkpoint(config: SequenceRegressorConfiguration) -> Checkpoint {
        Checkpoint(parameters: members.enumerated().flatMap { k, m in m.namedParameters.map { ("member\(k)." + $0.name, $0.parameter.value) } },
                   metadata: ["task": ForecastTask.name, "config": encodeJSON(config), "setup": encodeJSON(setup),
                              "members": String(members.count)])
    }
}
