import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The settings of a ``GradientExperiment``: which cells, which task, how long, how scaled.
public struct GradientExperimentConfiguration: Sendable, Equatable {
    /// The optimizer used for the training phase.
    public enum OptimizerKind: String, Sendable, CaseIterable, Codable {
        /// Plain SGD: the update is −lr·g, so its norm is lr·‖g‖ (clipped: at most lr·clipNorm).
        case sgd
        /// Adam with PyTorch's defaults apart from the learning rate.
        case adam
    }

    /// The task the loss comes from.
    public var task: LongRangeTask = .recall
    /// The cells compared, one row each (default: tanh RNN, LSTM, GRU).
    public var cells: [CellKind] = [.rnnTanh, .lstm, .gru]
    /// T, the sequence length.
    public var steps = 50
    /// Hidden units of the one recurrent layer.
    public var hiddenSize = 32
    /// Sequences per batch (probe and training).
    public var batchSize = 32
    /// Optimisation steps between the "initialisation" and "trained" measurements.
    public var trainSteps = 150
    /// The optimizer of the training phase.
    public var optimizer: OptimizerKind = .sgd
    /// Its learning rate.
    public var learningRate = 0.1
    /// Multiplies W_hh after the default initialisation (> 1 to provoke exploding gradients).
    public var recurrentScale = 1.0
    /// Added to the bias of the LSTM's forget gate and the GRU's update gate after the default
    /// initialisation (0: PyTorch's initialisation; 1: the LSTM forget-gate bias of Jozefowicz
    /// et al. 2015, Keras' `unit_forget_bias`).
    public var memoryGateBias = 0.0
    /// When ``memoryGateBias`` is 0, LSTM and GRU are also measured at initialisation with
    /// this memory-gate bias (nil: not): at PyTorch's initialisation their gates sit near
    /// σ(0) = ½ and they forget almost as fast as a plain RNN; the comparison shows what the
    /// usual +1 changes.
    public var comparisonGateBias: Double? = 1
    /// Clip the global gradient norm to this before each update (nil: no clipping).
    public var clipNorm: Double?
    /// Gradient-through-time snapshots kept during training (evenly spaced, for the heatmap).
    public var snapshots = 60
    /// Seeds the weights, the probe batch and the training batches.
    public var seed: UInt64 = 1

    /// The defaults: recall over 50 steps, hidden 32, batch 32, 150 SGD steps at 0.1, tanh RNN, LSTM and GRU.
    public init() {}

    /// Throws a ``GradientExperimentError`` naming the setting for settings that cannot run.
    public func validate() throws {
        func check(_ ok: Bool, _ setting: GradientExperimentError.Setting, _ requirement: String) throws {
            if !ok { throw GradientExperimentError(.outOfRange(setting, requirement: requirement)) }
        }
        try check(steps >= 2, .steps, "must be at least 2, got \(steps)")
        try check(hiddenSize >= 1, .hiddenSize, "must be positive, got \(hiddenSize)")
        try check(batchSize >= 1, .batchSize, "must be positive, got \(batchSize)")
        try check(trainSteps >= 0, .trainSteps, "must not be negative, got \(trainSteps)")
        try check(learningRate > 0 && learningRate.isFinite, .learningRate, "must be positive, got \(learningRate)")
        try check(recurrentScale.isFinite, .recurrentScale, "must be finite, got \(recurrentScale)")
        try check(memoryGateBias.isFinite, .memoryGateBias, "must be finite, got \(memoryGateBias)")
        try check(clipNorm.map { $0 > 0 && $0.isFinite } ?? true, .clipNorm, "must be positive, got \(clipNorm ?? 0)")
        try check(!cells.isEmpty, .cells, "must name at least one cell")
        try check(snapshots >= 0, .snapshots, "must not be negative")
        let needed = minimumBytes, available = Double(ProcessInfo.processInfo.physicalMemory)
        if needed > available {
            throw GradientExperimentError(.needsMoreMemory(hiddenSize: hiddenSize, steps: steps, batchSize: batchSize,
                                                           neededBytes: needed, availableBytes: available))
        }
    }

    /// A lower bound on the memory one cell's run needs (input width taken as 1): weights with
    /// their gradients and two optimizer moments, and what the forward pass keeps for BPTT
    /// (the gates and the hidden and cell states of every step). Checked before allocating,
    /// where sizes that cannot fit would crash or wake the OOM killer.
    var minimumBytes: Double {
        let g = Double(cells.map(\.gateCount).max() ?? 1), h = Double(hiddenSize)
        let tb = Double(steps) * Double(batchSize)
        return 4 * (4 * g * h * (h + 3) + tb * ((g + 3) * h + 1))
    }
}

/// Settings a ``GradientExperiment`` cannot run with. The message names the settings by
/// their ``GradientExperimentConfiguration`` property names; ``description(naming:)`` lets
/// a front end name them its own way (the `rnn` tool: `--hidden`, `--steps`, …).
public struct GradientExperimentError: Error, CustomStringConvertible, Equatable {
    /// A setting of ``GradientExperimentConfiguration``, by its property name.
    public enum Setting: String, Sendable, CaseIterable {
        /// Each the ``GradientExperimentConfiguration`` property of the same name.
        case steps, hiddenSize, batchSize, trainSteps, learningRate, recurrentScale, memoryGateBias, clipNorm, cells, snapshots
    }

    /// What is wrong.
    public enum Reason: Equatable, Sendable {
        /// `setting` is out of range; `requirement` says what it must be and what it was
        /// ("must be at least 2, got 1").
        case outOfRange(Setting, requirement: String)
        /// These sizes need more memory than the machine has (bytes).
        case needsMoreMemory(hiddenSize: Int, steps: Int, batchSize: Int, neededBytes: Double, availableBytes: Double)
    }

    /// What is wrong.
    public let reason: Reason

    /// An error for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// The message with each setting named by `name`.
    public func description(naming name: (Setting) -> String) -> String {
        switch reason {
        case let .outOfRange(setting, requirement):
            return "\(name(setting)) \(requirement)"
        case let .needsMoreMemory(hiddenSize, steps, batchSize, needed, available):
            return "\(name(.hiddenSize)) \(hiddenSize) \(name(.steps)) \(steps) \(name(.batchSize)) \(batchSize) need at least "
                + String(format: "%.3g GB of memory, more than this machine's %.3g GB", needed / 1e9, available / 1e9)
        }
    }

    /// The message with the settings named by their property names ("steps must be at
    /// least 2, got 1").
    public var description: String { description(naming: \.rawValue) }
}
