import RecurrentCore
import RecurrentLayers

/// One optimisation step as the ``Trainer`` saw it.
public struct StepRecord: Codable, Sendable, Equatable {
    /// The step's number, from 1.
    public var step: Int
    /// The epoch of the step's batch, from 0 (as in ``TrainingProgress``).
    public var epoch: Int
    /// Mean training loss of the step's batch.
    public var loss: Double
    /// The learning rate the step used (after schedules).
    public var learningRate: Double
    /// Global gradient norm before clipping (nil when not computed).
    public var gradientNorm: Double?
    /// Whether clipping scaled the gradient down.
    public var clipped: Bool
    /// Whether the step was skipped (non-finite loss or gradient).
    public var skipped: Bool
    /// Seconds since training started (training time only).
    public var seconds: Double

    /// A record of one step.
    public init(step: Int, epoch: Int, loss: Double, learningRate: Double, gradientNorm: Double?,
                clipped: Bool, skipped: Bool, seconds: Double) {
        self.step = step
        self.epoch = epoch
        self.loss = loss
        self.learningRate = learningRate
        self.gradientNorm = gradientNorm
        self.clipped = clipped
        self.skipped = skipped
        self.seconds = seconds
    }
}

/// An evaluation on a held-out split.
public struct EvaluationRecord: Codable, Sendable, Equatable {
    /// The steps taken before the evaluation.
    public var step: Int
    /// The epoch of the last step before the evaluation, from 0 (as in ``TrainingProgress``
    /// and ``StepRecord``): an evaluation at the end of the first epoch says 0.
    public var epoch: Int
    /// "validation" or "test".
    public var split: String
    /// Metric name → value ("loss", "bpc", "accuracy", "rmse", …).
    public var metrics: [String: Double]

    /// A record of one evaluation.
    public init(step: Int, epoch: Int, split: String, metrics: [String: Double]) {
        self.step = step
        self.epoch = epoch
        self.split = split
        self.metrics = metrics
    }
}

/// ‖∂L/∂h_k‖ for k = 1…T of the first recurrent layer at one training step: one column of
/// the gradient-through-time heatmap (time step × training progress).
public struct GradientSnapshot: Codable, Sendable, Equatable {
    /// The step after which the snapshot was taken.
    public var step: Int
    /// ‖∂L/∂h_k‖ for k = 1…T, of the first recurrent layer.
    public var hiddenGradientNorms: [Double]

    /// A snapshot of one step's gradient through time.
    public init(step: Int, hiddenGradientNorms: [Double]) {
        self.step = step
        self.hiddenGradientNorms = hiddenGradientNorms
    }
}

/// Everything a training run measured, for metrics files and reports.
public struct TrainingHistory: Codable, Sendable, Equatable {
    /// One record per optimizer step, in order.
    public var steps: [StepRecord] = []
    /// One record per evaluation and split, in order.
    public var evaluations: [EvaluationRecord] = []
    /// Gradient-through-time snapshots (with ``TrainingOptions/gradientSnapshotEvery``).
    public var gradientSnapshots: [GradientSnapshot] = []

    /// An empty history.
    public init() {}

    /// How many steps clipping fired.
    public var clippedCount: Int { steps.filter(\.clipped).count }
    /// The number of steps skipped for a non-finite loss or gradient.
    public var skippedCount: Int { steps.filter(\.skipped).count }
}
