import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

extension RNNTask {
    /// One training run of a task's model, the block every task's `train` shares: a
    /// ``Trainer`` for `model` with `optimizer` and `options` whose checkpoints carry
    /// `metadata` (what ``load``-ing the model file needs), reporting each step to
    /// `progress`; resumed from the checkpoint at `resume` when given; fitted on `batches`,
    /// evaluating on `validation`; the model then left in inference mode (no dropout).
    ///
    /// Returns the trainer: its ``Trainer/state`` says how long and how far it trained (and
    /// ``TaskRun/init(task:trainer:)`` makes the run's report of it).
    static func fit<Model: TrainableModel, Source: BatchSource>(
        _ model: Model, optimizer: any Optimizer<Float>, options: TrainingOptions, metadata: [String: String] = [:],
        resume: URL? = nil, progress: ((TrainingProgress) -> Void)?, on batches: Source, validation: [Model.Batch]
    ) throws -> Trainer<Model> where Source.Batch == Model.Batch {
        let trainer = Trainer(model: model, optimizer: optimizer, options: options, synchronizer: Distributed.defaultSynchronizer)
        trainer.checkpointMetadata = metadata
        trainer.onProgress = progress
        if let resume { try trainer.resume(from: Checkpoint.read(from: resume)) }
        try trainer.fit(batches, validation: validation)
        model.isTraining = false
        return trainer
    }
}

extension TrainingOptions {
    /// Options for training again on every example (validation included), without early
    /// stopping, for as many epochs as the best evaluation of a run with these options took
    /// (at step `bestStep`, `batchesPerEpoch` steps an epoch), in what is left of the time
    /// budget after `spent` seconds (at least `minimumBudget`).
    func refit(bestStep: Int, batchesPerEpoch: Int, spent: Double, minimumBudget: Double) -> TrainingOptions {
        var again = self
        again.epochs = max(1, Int((Double(bestStep) / Double(batchesPerEpoch)).rounded()))
        again.timeBudget = timeBudget.map { max($0 - spent, minimumBudget) }
        again.earlyStoppingPatience = nil
        return again
    }
}

extension TaskRun {
    /// The report of a run of `task` that `trainer` trained: its training seconds, epochs,
    /// steps and history; no test metrics yet.
    init<Model: TrainableModel>(task: String, trainer: Trainer<Model>) {
        self.init(task: task, seconds: trainer.state.elapsed, epochs: trainer.state.epoch, steps: trainer.state.step,
                  test: [:], history: trainer.history)
    }
}
