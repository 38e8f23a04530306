/// A trainable tensor and its accumulated gradient, shared by reference between a
/// module (which reads `value` and adds into `gradient`) and an optimizer (which
/// updates `value` from `gradient`).
public final class Parameter<Scalar: TensorScalar> {
    public var value: Tensor<Scalar>
    public var gradient: Tensor<Scalar>
    /// Excluded from training (e.g. a frozen embedding) when false.
    public var requiresGradient = true

    public init(_ value: Tensor<Scalar>) {
        self.value = value
        gradient = Tensor(zeros: value.shape)
    }

    /// Sets the gradient to zero (keeps its storage).
    public func zeroGradient() { gradient.fill(0) }
}

/// Something with named parameters: layers, composed models.
///
/// Names follow PyTorch's `state_dict` conventions (`weight_ih_l0`, `embedding.weight`,
/// `decoder.bias`, …) so that weights move both ways through safetensors.
public protocol Module<Scalar>: AnyObject {
    associatedtype Scalar: TensorScalar
    /// Every parameter with its stable name, in a stable order.
    var namedParameters: [(name: String, parameter: Parameter<Scalar>)] { get }
    /// Training mode enables dropout; evaluation mode disables it.
    var isTraining: Bool { get set }
}

extension Module {
    public var parameters: [Parameter<Scalar>] { namedParameters.map(\.parameter) }

    public func zeroGradients() { for p in parameters { p.zeroGradient() } }

    /// The parameter values by name.
    public var stateDict: [String: Tensor<Scalar>] {
        Dictionary(uniqueKeysWithValues: namedParameters.map { ($0.name, $0.parameter.value) })
    }

    /// Loads values by name; every parameter must be present with its exact shape.
    public func load(stateDict: [String: Tensor<Scalar>]) throws {
        for (name, p) in namedParameters {
            guard let v = stateDict[name] else { throw ModuleError.missingParameter(name) }
            try v.checkShape(p.value.shape, "parameter '\(name)'")
            p.value = v
        }
    }

    /// Total number of scalars in all parameters.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}

/// Errors about a module's parameters.
public enum ModuleError: Error, CustomStringConvertible, Equatable {
    case missingParameter(String)
    public var description: String {
        switch self {
        case .missingParameter(let n): return "missing parameter '\(n)'"
        }
    }
}

/// Prefixes every parameter name of `module` with `prefix.` (for composed models).
public func prefixed<M: Module>(_ prefix: String, _ module: M) -> [(name: String, parameter: Parameter<M.Scalar>)] {
    module.namedParameters.map { (prefix + "." + $0.name, $0.parameter) }
}
