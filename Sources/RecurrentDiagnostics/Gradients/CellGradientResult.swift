import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// One measured gradient profile of a cell: when it was taken, the flow and the loss.
public struct GradientProfile: Sendable {
    /// "init", "init, gate bias +1", "trained".
    public var label: String
    /// The norms through time and their summaries.
    public var flow: GradientFlow
    /// The loss on the probe batch.
    public var loss: Double
    /// ρ(W_hh) of the weights measured (largest gate block).
    public var spectralRadius: Double
}

/// The measurements of one cell in a ``GradientExperiment``.
public struct CellGradientResult: Sendable {
    /// The cell measured.
    public var cell: CellKind
    /// At initialisation (after any scaling and gate bias), on the probe batch.
    public var initial: GradientProfile
    /// For an LSTM or GRU run at PyTorch's initialisation: the same cell, seed and batch with
    /// the memory-gate bias of ``GradientExperimentConfiguration/comparisonGateBias`` (nil
    /// otherwise).
    public var initialWithGateBias: GradientProfile?
    /// On the same probe batch after training (nil when there was no training).
    public var trained: GradientProfile?
    /// The first update on the probe batch, with and without clipping (not applied).
    public var initialUpdate: UpdateNorms
    /// One record per training step (loss, gradient norm, clipping) and gradient snapshots.
    public var history: TrainingHistory
    /// The update norms of the training steps that were not skipped.
    public var updates: [UpdateNorms]

    /// The profiles in display order: init, init with gate bias, trained.
    public var profiles: [GradientProfile] { [initial] + [initialWithGateBias, trained].compactMap { $0 } }
}
