import Foundation
import RecurrentCore
import RecurrentLayers

/// How long and how a ``Trainer`` trains.
public struct TrainingOptions: Sendable {
    /// Stop after this many epochs (nil: no limit).
    public var epochs: Int?
    /// Stop after this many seconds of training (evaluation not counted; nil: no limit).
    public var timeBudget: Double?
    /// Stop after this many optimizer steps (nil: no limit).
    public var maxSteps: Int?
    /// Clip the global gradient norm to this (nil: no clipping; the norm is still recorded).
    public var clipNorm: Double?
    /// What to do with a non-finite loss or gradient.
    public var nonFinitePolicy: NonFinitePolicy = .skipStep
    /// Evaluate on the validation batches every this many steps (nil: at every epoch end).
    public var evaluateEvery: Int?
    /// Stop after this many evaluations without improvement (nil: never).
    public var earlyStoppingPatience: Int?
    /// Restore the parameters of the best evaluation at the end.
    public var keepBest = true
    /// The metric that decides "best" and early stopping, and whether larger is better:
    /// a key of the model's `evaluate` (documented there: "loss" for every built-in model;
    /// "accuracy" and "score" for a classifier, "bpc", "mse", "exact_match", …). Default "loss".
    public var monitor = "loss"
    /// Whether a larger ``monitor`` value is better (default false: lower is better, as for "loss").
    public var monitorMaximizes = false
    /// Decides between evaluations whose `monitor` values are equal (minimised; nil: none).
    /// A saturated metric — validation accuracy at its ceiling — then still lets training
    /// go on, and the best parameters be chosen, while this one (e.g. "loss") improves.
    public var tieBreakMonitor: String?
    /// A learning-rate schedule over optimizer steps (nil: constant).
    public var schedule: (any LearningRateSchedule)?
    /// Anneal the learning rate over the fraction of the run done (time budget, epochs or
    /// steps); applied after `schedule`, and `plateau` can only lower it further.
    public var annealing: RunAnnealing?
    /// Reduce the learning rate when the monitored metric plateaus.
    public var plateau: ReduceOnPlateau?
    /// Write a resumable checkpoint here at every evaluation and at the end.
    public var checkpoint: URL?
    /// Sample the probe layer's gradient-through-time every this many steps (nil: never).
    public var gradientSnapshotEvery: Int?
    /// Keep an exponential moving average of the parameters with this decay (see
    /// ``ParameterAverage``; nil: none). Each evaluation then also scores the average (split
    /// "validation (averaged)"), and the best parameters kept may be the averaged ones.
    public var averageDecay: Double?

    /// Default options: no limit (set at least one of `epochs`, `timeBudget`, `maxSteps`), no
    /// clipping, evaluation at every epoch end, `keepBest` on, monitoring "loss".
    public init() {}
}

/// Progress reported after every step.
///
/// Epochs count from 0 here as in every record of a run (``StepRecord``, ``EvaluationRecord``)
/// and in ``BatchSource/batch(epoch:index:)``: `epoch` is the epoch the step's batch belongs
/// to, so the last step of the first epoch, and an evaluation after it, say epoch 0.
/// (``TrainerState/epoch`` instead counts the epochs completed: 1 after that step.)
public struct TrainingProgress: Sendable {
    /// The steps taken so far, this one included (from 1).
    public var step: Int
    /// The epoch of this step's batch, from 0.
    public var epoch: Int
    /// The index of this step's batch within its epoch, from 0.
    public var batchIndex: Int
    /// Batches in one epoch.
    public var batchesPerEpoch: Int
    /// The step's training loss (the batch's mean).
    public var loss: Double
    /// Fraction of the run done (by time budget, epochs or steps, whichever ends first), 0…1.
    public var fraction: Double
    /// Seconds of training so far (evaluation not counted).
    public var elapsed: Double
    /// The metrics of the most recent evaluation, if any.
    public var lastEvaluation: [String: Double]?
}

/// The trainer's own position, saved in checkpoints.
public struct TrainerState: Codable, Sendable, Equatable {
    /// Optimizer steps taken.
    public var step = 0
    /// The epochs completed (the epoch of the next batch, from 0); records count from 0 (see ``TrainingProgress``).
    public var epoch = 0
    /// The index of the next batch within its epoch.
    public var batchIndex = 0
    /// Seconds of training so far (evaluation not counted).
    public var elapsed = 0.0
    /// The best value of the monitored metric so far (nil before the first evaluation).
    public var best: Double?
    /// The step of the best evaluation.
    public var bestStep: Int?
    /// The tie-break metric at the best evaluation (see ``TrainingOptions/tieBreakMonitor``).
    public var bestTieBreak: Double?
    /// Evaluations since the monitored metric last improved (for early stopping).
    public var evaluationsWithoutImprovement = 0
    /// Every step and evaluation so far.
    public var history = TrainingHistory()
    /// The plateau schedule's state, when ``TrainingOptions/plateau`` is set.
    public var plateau: ReduceOnPlateau?
    /// Optimizer steps folded into the parameter average (nil: no average); written into
    /// checkpoints, where the average is.
    public var averageUpdates: Int?
    /// The state of a trainer that has not started.
    public init() {}

    /// This state as JSON, as a checkpoint stores it (its "trainer" metadata entry).
    public func json() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    /// Reads back the JSON of ``json()``; throws when it is not a trainer state.
    public init(json: String) throws {
        self = try JSONDecoder().decode(TrainerState.self, from: Data(json.utf8))
    }
}

/// Runs the training loop: batches in a resumable order, zero → forward/backward → guard
/// against non-finite values → clip → schedule → step; periodic evaluation with early
/// stopping and the best parameters kept; resumable checkpoints.
public final class Trainer<Model: TrainableModel> {
    /// The model trained.
    public let model: Model
    /// The optimizer over the model's parameters.
    public let optimizer: any Optimizer<Float>
    /// How long and how to train; may be changed between calls to ``fit(_:validation:)``.
    public var options: TrainingOptions
    /// The trainer's position (steps, epoch, best evaluation, history), saved in checkpoints.
    public private(set) var state = TrainerState()
    /// Called after every step (the CLI draws its progress bar from this).
    public var onProgress: ((TrainingProgress) -> Void)?
    /// Extra metadata written into every checkpoint (task, configuration, vocabularies).
    public var checkpointMetadata: [String: String] = [:]
    /// How the processes of a data-parallel job agree (see ``GradientSynchronizer``); given
    /// to the initialiser (by default ``NoSynchronization``: one process).
    public var synchronizer: any GradientSynchronizer
    private var bestParameters: [String: Tensor<Float>]?
    /// The parameters training had reached when `fit` ended with the best ones loaded:
    /// where a resumed run (or the next `fit`) continues from.
    private var lastParameters: [String: Tensor<Float>]?
    private var average: ParameterAverage?
    private var guardrail: GradientGuard
    /// The epoch (from 0) and batch index of the step being taken: what every record and
    /// progress report of the step says.
    private var stepEpoch = 0, stepBatchIndex = 0

    /// A trainer of `model` with `optimizer`, trained as `options` say; `synchronizer` makes
    /// the processes of a data-parallel job agree (default: one process, nothing to agree).
    public init(model: Model, optimizer: any Optimizer<Float>, options: TrainingOptions,
                synchronizer: any GradientSynchronizer = NoSynchronization.shared) {
        self.model = model
        self.optimizer = optimizer
        self.options = options
        self.synchronizer = synchronizer
        guardrail = GradientGuard(policy: options.nonFinitePolicy)
        state.plateau = options.plateau
    }

    /// Every step and evaluation so far (``TrainerState/history``).
    public var history: TrainingHistory { state.history }

    /// Trains until the first limit (epochs, time budget, steps, early stopping) is reached.
    /// With `validation`, evaluates periodically (in evaluation mode); with `keepBest`, ends
    /// with the parameters of the best evaluation. The model trains in training mode and is
    /// left in the mode it was in when `fit` was called.
    @discardableResult
    public func fit<Source: BatchSource>(_ source: Source, validation: [Model.Batch] = []) throws -> TrainingHistory
    where Source.Batch == Model.Batch {
        guard source.batchesPerEpoch > 0 else { throw TrainingError("no training batches (the training data is too small for one batch)") }
        guard options.epochs != nil || options.timeBudget != nil || options.maxSteps != nil else {
            throw TrainingError("set epochs, a time budget or a step limit")
        }
        let named = model.namedParameters
        let parameters = model.parameters
        var lastEvaluation: [String: Double]?
        guardrail.policy = options.nonFinitePolicy
        let wasTraining = model.isTraining
        model.isTraining = true
        defer { model.isTraining = wasTraining }
        try synchronizer.beginTraining(parameters: named, optimizer: optimizer)
        if let last = lastParameters { try model.load(stateDict: last) }
        lastParameters = nil
        if let decay = options.averageDecay, average == nil { average = ParameterAverage(parameters, decay: decay) }
        while try !synchronizer.agree(finished) {
            if state.batchIndex == 0 { model.beginEpoch() }
            (stepEpoch, stepBatchIndex) = (state.epoch, state.batchIndex)
            let (batch, share) = try synchronizer.localBatch(source.batch(epoch: state.epoch, index: state.batchIndex))
            let start = Date()
            optimizer.zeroGradients()
            if let schedule = options.schedule { optimizer.learningRate = schedule.learningRate(at: state.step) }
            if let annealing = options.annealing { optimizer.learningRate = annealing.learningRate(atProgress: fraction) }
            if let lr = state.plateau?.learningRate { optimizer.learningRate = min(optimizer.learningRate, lr) }
            let probe = options.gradientSnapshotEvery.flatMap { state.step % $0 == 0 ? model.gradientProbe : nil }
            probe?.recordsGradientsThroughTime = true
            let loss = try synchronizer.synchronize(loss: model.trainStep(batch), share: share, parameters: parameters)
            probe?.recordsGradientsThroughTime = false
            let ok = try guardrail.check(loss: loss, parameters: named, step: state.step + 1)
            var norm: Double?
            var clipped = false
            if ok {
                if let maxNorm = options.clipNorm {
                    norm = clipGradientNorm(parameters, maxNorm: maxNorm)
                    clipped = norm! > maxNorm
                } else {
                    norm = parameters.reduce(0) { $0 + $1.gradient.sumOfSquares }.squareRoot()
                }
                optimizer.step()
                average?.update(parameters)
            }
            state.elapsed += Date().timeIntervalSince(start)
            state.step += 1
            state.history.steps.append(StepRecord(step: state.step, epoch: stepEpoch, loss: loss,
                                                  learningRate: optimizer.learningRate, gradientNorm: norm,
                                                  clipped: clipped, skipped: !ok, seconds: state.elapsed))
            if let probe, let first = probe.gradientsThroughTime.first {
                state.history.gradientSnapshots.append(GradientSnapshot(step: state.step, hiddenGradientNorms: first.hiddenGradientNorms))
            }
            state.batchIndex += 1
            let epochEnded = state.batchIndex == source.batchesPerEpoch
            if epochEnded {
                state.batchIndex = 0
                state.epoch += 1
            }
            let due = options.evaluateEvery.map { state.step % $0 == 0 } ?? epochEnded
            if try !validation.isEmpty && (due || synchronizer.agree(finished)) {
                lastEvaluation = try evaluate(validation)
            }
            onProgress?(TrainingProgress(step: state.step, epoch: stepEpoch, batchIndex: stepBatchIndex,
                                         batchesPerEpoch: source.batchesPerEpoch, loss: loss, fraction: fraction,
                                         elapsed: state.elapsed, lastEvaluation: lastEvaluation))
        }
        if options.keepBest, let best = bestParameters {
            lastParameters = model.stateDict
            try model.load(stateDict: best)
        }
        if let url = options.checkpoint { try saveCheckpoint(to: url) }
        try synchronizer.endTraining(parameters: named)
        return state.history
    }

    private func evaluate(_ validation: [Model.Batch]) throws -> [String: Double] {
        try model.inEvaluationMode { try evaluateInEvaluationMode(validation) }
    }

    private func evaluateInEvaluationMode(_ validation: [Model.Batch]) throws -> [String: Double] {
        let saved = model.resumableState()  // evaluation must not disturb carried state
        // Nothing is kept for backward meanwhile (the GRU's per-step gates stay in cache).
        var metrics = try InferenceMode.run { try model.evaluate(validation) }
        try model.restore(saved)
        state.history.evaluations.append(EvaluationRecord(step: state.step, epoch: stepEpoch, split: "validation", metrics: metrics))
        var candidate: [String: Tensor<Float>]?  // the averaged parameters, when they score better
        if let average {
            let current = model.stateDict
            let averaged = Dictionary(uniqueKeysWithValues: zip(model.namedParameters.map(\.name), average.values))
            try model.load(stateDict: averaged)
            let m = try model.evaluate(validation)
            try model.load(stateDict: current)
            try model.restore(saved)
            state.history.evaluations.append(EvaluationRecord(step: state.step, epoch: stepEpoch, split: "validation (averaged)", metrics: m))
            if let a = m[options.monitor], a.isFinite,
               metrics[options.monitor].map({ !$0.isFinite || (options.monitorMaximizes ? a > $0 : a < $0) }) ?? true {
                metrics = m
                candidate = averaged
            }
        }
        guard let value = metrics[options.monitor], value.isFinite else { return metrics }
        let tie = options.tieBreakMonitor.flatMap { metrics[$0] }.flatMap { $0.isFinite ? $0 : nil }
        var improved = state.best.map { options.monitorMaximizes ? value > $0 : value < $0 } ?? true
        if !improved, value == state.best, let tie { improved = tie < (state.bestTieBreak ?? .infinity) }
        if improved {
            state.bestTieBreak = tie
            state.best = value
            state.bestStep = state.step
            state.evaluationsWithoutImprovement = 0
            if options.keepBest { bestParameters = candidate ?? model.stateDict }
        } else {
            state.evaluationsWithoutImprovement += 1
        }
        if state.plateau != nil {
            optimizer.learningRate = state.plateau!.step(metric: options.monitorMaximizes ? -value : value)
        }
        if let url = options.checkpoint { try saveCheckpoint(to: url) }
        return metrics
    }

    private var finished: Bool {
        if let e = options.epochs, state.epoch >= e { return true }
        if let b = options.timeBudget, state.elapsed >= b { return true }
        if let s = options.maxSteps, state.step >= s { return true }
        if let p = options.earlyStoppingPatience, state.evaluationsWithoutImprovement >= p { return true }
        return false
    }

    private var fraction: Double {
        var f = 0.0
        if let e = options.epochs { f = max(f, Double(state.epoch) / Double(max(e, 1))) }
        if let b = options.timeBudget { f = max(f, state.elapsed / max(b, 1e-9)) }
        if let s = options.maxSteps { f = max(f, Double(state.step) / Double(max(s, 1))) }
        return min(1, f)
    }

    // MARK: Checkpoints

    /// Everything needed to resume: parameters, optimizer, model state, trainer position.
    public func makeCheckpoint() -> Checkpoint {
        var extra = model.resumableState()
        if let best = bestParameters { for (k, v) in best { extra.tensors["best." + k] = v } }
        if let average { for (i, v) in average.values.enumerated() { extra.tensors["average.\(i)"] = v } }
        if let last = lastParameters { for (k, v) in last { extra.tensors["current." + k] = v } }
        var trainer = state
        trainer.averageUpdates = average?.updates
        return Checkpoint(parameters: model.namedParameters.map { ($0.name, $0.parameter.value) },
                          metadata: checkpointMetadata, optimizer: optimizer.state,
                          trainer: trainer, resumable: extra)
    }

    /// Writes ``makeCheckpoint()`` (under data-parallel training: called by every process,
    /// written by one).
    public func saveCheckpoint(to url: URL) throws {
        var checkpoint = makeCheckpoint()
        checkpoint.resumable = try synchronizer.gatherState(checkpoint.resumable, of: model)
        if synchronizer.writesFiles { try checkpoint.write(to: url) }
    }

    /// Restores parameters, optimizer state, model state and the trainer's position from a
    /// checkpoint written by ``saveCheckpoint(to:)``; the next `fit` continues exactly.
    public func resume(from checkpoint: Checkpoint) throws {
        guard let trainer = checkpoint.trainer, let opt = checkpoint.optimizer else {
            throw CheckpointError("\(checkpoint.source): not a resumable checkpoint (no optimizer or trainer state)")
        }
        try checkpoint.checkCanResume(runWith: checkpointMetadata)
        do {
            try model.load(stateDict: checkpoint.stateDict)
        } catch {
            // A shape or a missing parameter: say which options made this run's model differ.
            let differences = checkpoint.configDifferences(runWith: checkpointMetadata)
            guard !differences.isEmpty else { throw error }
            throw CheckpointError("\(checkpoint.source): cannot resume: this run's model differs from the checkpoint's ("
                                  + differences.joined(separator: "; ") + "); give the options it was trained with")
        }
        try optimizer.load(state: opt)
        var extra = checkpoint.resumable
        var best: [String: Tensor<Float>] = [:]
        for (k, v) in extra.tensors where k.hasPrefix("best.") { best[String(k.dropFirst(5))] = v }
        var averaged: [Tensor<Float>] = [], current: [String: Tensor<Float>] = [:]
        while let v = extra.tensors["average.\(averaged.count)"] { averaged.append(v) }
        for (k, v) in extra.tensors where k.hasPrefix("current.") { current[String(k.dropFirst(8))] = v }
        extra.tensors = extra.tensors.filter { !["best.", "average.", "current."].contains(where: $0.key.hasPrefix) }
        // A run that ended with its best parameters loaded continues from where it was.
        if !current.isEmpty { try model.load(stateDict: current) }
        lastParameters = nil
        try model.restore(synchronizer.localState(extra, of: model))
        bestParameters = best.isEmpty ? nil : best
        state = trainer
        average = nil
        if let decay = options.averageDecay, let updates = trainer.averageUpdates {
            var a = ParameterAverage(model.parameters, decay: decay)
            try a.restore(values: averaged, updates: updates)
            average = a
        }
    }
}

/// A training-loop error with a message for the user.
public struct TrainingError: Error, CustomStringConvertible, Equatable {
    /// The message, abbreviated to a readable length.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = ErrorText.abbreviated(message) }
    /// The message.
    public var description: String { message }
}
