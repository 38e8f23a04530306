import RecurrentCore
import RecurrentLayers

/// Updates a fixed list of parameters from their accumulated gradients.
///
/// Every optimizer follows PyTorch's update rule and defaults exactly (the doc comment of each
/// gives the equations), counts steps t = 1, 2, … from its first ``step()``, leaves the
/// gradients in place (call ``zeroGradients()`` before the next backward pass), and skips
/// parameters whose `requiresGradient` is false. Coefficients are computed in Double and rounded
/// once, and the elementwise arithmetic rounds as ATen's CPU kernels do (fused multiply-add where
/// they use one): on the float32 fixtures SGD and Adam match PyTorch bit for bit, RMSprop and
/// Adagrad within a few ulp.
public protocol Optimizer<Scalar>: AnyObject {
    /// The element type of the parameters.
    associatedtype Scalar: TensorScalar
    /// The parameters updated, each once (a parameter given twice, e.g. a tied weight, is kept once).
    var parameters: [Parameter<Scalar>] { get }
    /// γ; a schedule may change it between steps.
    var learningRate: Double { get set }
    /// The number of steps taken.
    var stepCount: Int { get }
    /// Applies one update to every parameter from its current gradient.
    func step()
    /// Everything needed to resume bit-exactly: step count, learning rate and the per-parameter
    /// buffers (keys "<buffer>.<parameter index>", e.g. "exp_avg.3").
    var state: OptimizerState<Scalar> { get }
    /// Restores a ``state`` exported by an optimizer of the same kind and configuration over
    /// parameters of the same shapes; throws when a key is missing or extra or a shape differs.
    func load(state: OptimizerState<Scalar>) throws
}

extension Optimizer {
    /// Sets every parameter's gradient to zero.
    public func zeroGradients() { for p in parameters { p.zeroGradient() } }
}

/// An optimizer's resumable state, as named tensors and scalars (for checkpoints).
public struct OptimizerState<Scalar: TensorScalar>: Equatable, Sendable {
    /// Steps taken so far.
    public var stepCount: Int
    /// The learning rate at export time.
    public var learningRate: Double
    /// Per-parameter buffers, keyed "<buffer>.<parameter index>" with PyTorch's buffer names
    /// (`momentum_buffer`, `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`, `square_avg`,
    /// `grad_avg`, `sum`).
    public var tensors: [String: Tensor<Scalar>]

    /// A state of these values.
    public init(stepCount: Int, learningRate: Double, tensors: [String: Tensor<Scalar>]) {
        self.stepCount = stepCount
        self.learningRate = learningRate
        self.tensors = tensors
    }

    /// The state of `buffers` (name → one tensor per parameter).
    init(stepCount: Int, learningRate: Double, buffers: [(name: String, tensors: [Tensor<Scalar>])]) {
        var tensors: [String: Tensor<Scalar>] = [:]
        for (name, list) in buffers {
            for (i, t) in list.enumerated() { tensors["\(name).\(i)"] = t }
        }
        self.init(stepCount: stepCount, learningRate: learningRate, tensors: tensors)
    }

    /// The buffers `names`, one tensor per parameter with its shape; throws unless the keys
    /// are exactly those.
    func buffers(_ names: [String], for parameters: [Parameter<Scalar>]) throws -> [String: [Tensor<Scalar>]] {
        guard stepCount >= 0 else { throw OptimizerError.invalidState("negative step count \(stepCount)") }
        var result: [String: [Tensor<Scalar>]] = [:]
        for name in names {
            result[name] = try parameters.enumerated().map { i, p in
                guard let t = tensors["\(name).\(i)"] else { throw OptimizerError.invalidState("missing tensor '\(name).\(i)'") }
                try t.checkShape(p.value.shape, "optimizer state '\(name).\(i)'")
                return t
            }
        }
        if tensors.count != names.count * parameters.count {
            let expected = Set(names.flatMap { n in parameters.indices.map { "\(n).\($0)" } })
            let extra = tensors.keys.filter { !expected.contains($0) }.sorted()
            throw OptimizerError.invalidState("unexpected tensors \(extra) (expected buffers \(names))")
        }
        return result
    }
}

extension OptimizerState {
    /// This state as a checkpoint stores it: the buffers as ``tensors``, and the strings
    /// "step_count" and "learning_rate" (a checkpoint files both under "optimizer.").
    public var savedStrings: [String: String] {
        ["step_count": String(stepCount), "learning_rate": "\(learningRate)"]
    }

    /// Reads back a state saved as ``tensors`` and ``savedStrings``; nil when the step count
    /// or the learning rate is missing or not a number (no optimizer state saved).
    public init?(savedTensors: [String: Tensor<Scalar>], strings: [String: String]) {
        guard let steps = strings["step_count"].flatMap(Int.init), let lr = strings["learning_rate"].flatMap(Double.init) else {
            return nil
        }
        self.init(stepCount: steps, learningRate: lr, tensors: savedTensors)
    }
}

/// A bad hyperparameter or an optimizer state that does not fit.
public enum OptimizerError: Error, CustomStringConvertible, Equatable {
    /// A hyperparameter out of its range (message names it).
    case invalidHyperparameter(String)
    /// A saved state that does not fit the optimizer (message says why).
    case invalidState(String)

    /// The message.
    public var description: String {
        switch self {
        case .invalidHyperparameter(let m): return "invalid optimizer hyperparameter: \(m)"
        case .invalidState(let m): return "optimizer state does not fit: \(m)"
        }
    }
}

/// Throws ``OptimizerError/invalidHyperparameter(_:)`` with `message` unless `condition` holds.
func requireHyperparameter(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw OptimizerError.invalidHyperparameter(message()) }
}

/// Calls `body` with the base address of `buffers[i]`, or nil when the optimizer keeps no such buffers.
func withOptionalBuffer<S: TensorScalar>(_ buffers: inout [Tensor<S>], _ i: Int,
                                         _ body: (UnsafeMutablePointer<S>?) -> Void) {
    if buffers.isEmpty { body(nil) } else { buffers[i].withUnsafeMutableBufferPointer { body($0.baseAddress) } }
}

extension Array {
    /// The parameters with duplicates (the same instance) removed, first occurrence kept.
    package func uniqued<S>() -> [Parameter<S>] where Element == Parameter<S> {
        var seen = Set<ObjectIdentifier>()
        return filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// A zero tensor shaped like each parameter.
    func zeroBuffers<S>() -> [Tensor<S>] where Element == Parameter<S> {
        map { Tensor(zeros: $0.value.shape) }
    }
}
