import RecurrentCore
import RecurrentLayers

/// What a ``Trainer`` asks of the other processes of a data-parallel job, at the few points
/// of its loop where processes must agree. The default, ``NoSynchronization``, does nothing
/// (one process); `DataParallel` (in the distributed part of the library) splits each
/// global batch over the processes of a `ProcessGroup` and all-reduces the gradients.
///
/// The trainer calls, on every process, in this order:
/// - ``beginTraining(parameters:optimizer:)`` at the start of `fit` (after any resume);
/// - per step: ``localBatch(_:)`` → the model's forward/backward on that part →
///   ``synchronize(loss:share:parameters:)`` → (guard, clip, optimizer step, identical on
///   every process) → ``agree(_:)`` whenever it decides to stop or evaluate;
/// - ``gatherState(_:of:)`` for each checkpoint (only a ``writesFiles`` process writes it),
///   ``localState(_:of:)`` when resuming;
/// - ``endTraining(parameters:)`` when `fit` returns.
public protocol GradientSynchronizer: AnyObject {
    /// True on the one process that prints progress and writes checkpoints and metrics.
    var writesFiles: Bool { get }
    /// Makes every process start from the root's parameter values and optimizer state.
    func beginTraining(parameters: [(name: String, parameter: Parameter<Float>)], optimizer: any Optimizer<Float>) throws
    /// This process's part of the global `batch`, and its share of the global loss (the
    /// fraction of the loss terms it holds; 1 for one process).
    func localBatch<Batch>(_ batch: Batch) throws -> (batch: Batch, share: Double)
    /// Turns this process's gradients of its part's mean loss into the gradients of the global
    /// batch's mean loss, identical on every process, and returns the global mean loss.
    func synchronize(loss: Double, share: Double, parameters: [Parameter<Float>]) throws -> Double
    /// The root's `decision`, on every process (stop, evaluate: every process must take the
    /// same branch, or one would wait forever in the next collective).
    func agree(_ decision: Bool) throws -> Bool
    /// The model's resumable state for a checkpoint, with per-example state (e.g. a carried
    /// hidden state, see ``BatchShardedState``) gathered from all processes: the checkpoint
    /// is the same as one process training on the whole batch would write.
    func gatherState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState
    /// This process's part of resumable state read from a checkpoint.
    func localState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState
    /// Checks that every process ends with the same parameters (bit for bit).
    func endTraining(parameters: [(name: String, parameter: Parameter<Float>)]) throws
}

/// One process: every hook returns its input. A ``Trainer``'s synchronizer unless it is
/// given another.
public final class NoSynchronization: GradientSynchronizer, @unchecked Sendable {
    /// The one instance trainers share by default.
    public static let shared = NoSynchronization()
    /// A synchronizer that does nothing.
    public init() {}
    public var writesFiles: Bool { true }
    public func beginTraining(parameters: [(name: String, parameter: Parameter<Float>)], optimizer: any Optimizer<Float>) throws {}
    public func localBatch<Batch>(_ batch: Batch) throws -> (batch: Batch, share: Double) { (batch, 1) }
    public func synchronize(loss: Double, share: Double, parameters: [Parameter<Float>]) throws -> Double { loss }
    public func agree(_ decision: Bool) throws -> Bool { decision }
    public func gatherState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState { state }
    public func localState(_ state: ResumableState, of model: AnyObject) throws -> ResumableState { state }
    public func endTraining(parameters: [(name: String, parameter: Parameter<Float>)]) throws {}
}

/// A model whose resumable state holds one slice per example of the batch (the hidden state a
/// language model carries between chunks): under `DataParallel` each process holds its
/// examples' slice; checkpoints hold the whole batch's.
public protocol BatchShardedState: AnyObject {
    /// Keys of ``ResumableState/tensors`` that are per-example, with the axis of the examples.
    var batchShardedState: [String: Int] { get }
}
