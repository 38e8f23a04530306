import RecurrentCore
import RecurrentLayers

/// A model the ``Trainer`` can drive: one batch in, its mean loss out, gradients
/// accumulated into the parameters.
public protocol TrainableModel<Batch>: Module where Scalar == Float {
    /// What one training step takes.
    associatedtype Batch
    /// Forward and backward over one batch; returns the batch's mean loss. Gradients are
    /// *added* to the parameters' gradients (the trainer zeroes them before each step).
    func trainStep(_ batch: Batch) throws -> Double
    /// Metrics over held-out batches in evaluation mode; must include "loss" (lower is better).
    func evaluate(_ batches: [Batch]) throws -> [String: Double]
    /// Called before the first batch of every epoch (e.g. to reset a carried hidden state).
    func beginEpoch()
    /// What beyond parameters and optimizer a bit-exact resume needs (carried state, RNGs).
    /// Default: the random generators of the model and its children
    /// (``Module/namedRandomGenerators``) under "rng.<name>".
    func resumableState() -> ResumableState
    /// Restores a ``resumableState()``. Default: the random generators; throws when one is
    /// missing or malformed.
    func restore(_ state: ResumableState) throws
    /// The recurrent layer whose gradient-through-time is sampled for reports (nil: none).
    var gradientProbe: RecurrentLayer<Float>? { get }
}

extension TrainableModel {
    public func beginEpoch() {}
    public var gradientProbe: RecurrentLayer<Float>? { nil }
    public func resumableState() -> ResumableState { ResumableState(randomGeneratorsOf: self) }
    public func restore(_ state: ResumableState) throws { try state.restoreRandomGenerators(of: self) }
}

/// Model state saved with a checkpoint for resuming: tensors and short strings.
public struct ResumableState: Sendable, Equatable {
    /// Tensors by name (saved as `state.<name>`).
    public var tensors: [String: Tensor<Float>]
    /// Short strings by name (random-generator states, …).
    public var strings: [String: String]
    /// A state of these tensors and strings.
    public init(tensors: [String: Tensor<Float>] = [:], strings: [String: String] = [:]) {
        self.tensors = tensors
        self.strings = strings
    }

    /// Stores a random generator's state.
    public mutating func set(_ key: String, _ rng: RandomGenerator) {
        strings[key] = rng.stateWords.map(String.init).joined(separator: ",")
    }

    /// The random generators of `module` and its descendants
    /// (``Module/namedRandomGenerators``), each under "rng.<name>".
    public init<M: Module>(randomGeneratorsOf module: M) {
        self.init()
        for (name, generator) in module.namedRandomGenerators { set("rng." + name, generator) }
    }

    /// Sets every random generator of `module` and its descendants from its "rng.<name>"
    /// entry; throws when one is missing or malformed.
    public func restoreRandomGenerators<M: Module>(of module: M) throws {
        for (name, _) in module.namedRandomGenerators {
            module.setRandomGenerator(named: name, to: try generator("rng." + name))
        }
    }

    /// Reads back a random generator stored by ``set(_:_:)``.
    public func generator(_ key: String) throws -> RandomGenerator {
        guard let s = strings[key] else { throw CheckpointError("checkpoint has no random state '\(key)'") }
        let words = s.split(separator: ",").compactMap { UInt64($0) }
        guard words.count == 4 else { throw CheckpointError("random state '\(key)' is malformed") }
        return RandomGenerator(state: words)
    }
}

/// Where a trainer gets its batches: `batchesPerEpoch` batches per epoch, addressed by
/// (epoch, index) so that a resumed run continues in exactly the same order.
public protocol BatchSource<Batch> {
    /// The batch type the trainer's model takes.
    associatedtype Batch
    /// Batches in one epoch (the same every epoch).
    var batchesPerEpoch: Int { get }
    /// Batch `index` (0..<batchesPerEpoch) of `epoch`: the same for the same arguments, so a resumed run continues in order.
    func batch(epoch: Int, index: Int) throws -> Batch
}
