import RecurrentCore
import RecurrentLayers

/// What a training loop does when a loss or gradient is NaN or infinite.
public enum NonFinitePolicy: String, Sendable, CaseIterable, Codable {
    /// Skip the optimizer step (the gradients are discarded) and go on.
    case skipStep
    /// Stop training with a ``NonFiniteError``.
    case stop
}

/// A NaN or infinity in training, naming the step and where it appeared.
public struct NonFiniteError: Error, CustomStringConvertible, Equatable {
    /// The optimizer step at which the value appeared.
    public let step: Int
    /// "loss", or "gradient of '<parameter name>'".
    public let source: String

    public var description: String { "non-finite \(source) at step \(step)" }
}

/// Where a step first went non-finite: "loss" when the loss is NaN or ±∞, else
/// "gradient of '<name>'" for the first such parameter gradient; nil when all are finite.
public func firstNonFinite<S: TensorScalar>(loss: Double, parameters: [(name: String, parameter: Parameter<S>)]) -> String? {
    if !loss.isFinite { return "loss" }
    return parameters.first { $0.parameter.requiresGradient && !$0.parameter.gradient.isFinite }
        .map { "gradient of '\($0.name)'" }
}

/// Checks every step's loss and gradients for NaN/∞ (after backward, before the optimizer
/// step) and applies a ``NonFinitePolicy``.
public struct GradientGuard: Sendable, Equatable {
    /// What a non-finite loss or gradient does (default `.skipStep`).
    public var policy: NonFinitePolicy
    /// How many steps were skipped so far.
    public private(set) var skippedSteps = 0

    /// A guard applying `policy`.
    public init(policy: NonFinitePolicy = .skipStep) { self.policy = policy }

    /// True when step `step` may update the parameters. When something is non-finite it
    /// returns false under `.skipStep` (the caller then skips `optimizer.step()`) and throws
    /// a ``NonFiniteError`` naming the step and the source under `.stop`.
    public mutating func check<S: TensorScalar>(
        loss: Double, parameters: [(name: String, parameter: Parameter<S>)], step: Int
    ) throws -> Bool {
        guard let source = firstNonFinite(loss: loss, parameters: parameters) else { return true }
        switch policy {
        case .skipStep:
            skippedSteps += 1
            return false
        case .stop:
            throw NonFiniteError(step: step, source: source)
        }
    }
}
