/// A trainable tensor and its accumulated gradient, shared by reference between a
/// module (which reads `value` and adds into `gradient`) and an optimizer (which
/// updates `value` from `gradient`).
public final class Parameter<Scalar: TensorScalar> {
    /// The current value.
    public var value: Tensor<Scalar>
    /// ∂L/∂value accumulated by backward passes, the shape of ``value``; zeroed by ``zeroGradient()``.
    public var gradient: Tensor<Scalar>
    /// Excluded from training (e.g. a frozen embedding) when false.
    public var requiresGradient = true

    /// A parameter of `value`, its gradient zero.
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
///
/// A composed model declares its parts once, in ``namedChildren``; from them come its
/// parameter list (``namedParameters``, each child's names under the child's name), the
/// training mode (``propagateTrainingMode()``) and its random generators
/// (``namedRandomGenerators``, saved with resumable checkpoints).
public protocol Module<Scalar>: AnyObject {
    /// The element type of the parameters (`Float` or `Double`).
    associatedtype Scalar: TensorScalar
    /// Every parameter with its stable name, in a stable order. Default: the children's
    /// parameters in the order of ``Module/namedChildren``, each name prefixed with the child's
    /// name and a dot (no prefix for a child named "").
    var namedParameters: [(name: String, parameter: Parameter<Scalar>)] { get }
    /// Training mode enables dropout; evaluation mode disables it. A composed model passes
    /// it on to its children with ``Module/propagateTrainingMode()``.
    var isTraining: Bool { get set }
    /// The modules this one is built from, each with the name its parameters are listed
    /// under (PyTorch's attribute name, e.g. "embedding", "rnn"). Default: none (a leaf).
    var namedChildren: [(name: String, module: any Module<Scalar>)] { get }
    /// The random generator this module itself draws from in training mode (dropout masks,
    /// input noise), not its children's; nil (the default) when it has none. Setting it
    /// restores a saved state.
    var randomGenerator: RandomGenerator? { get set }
    /// The name of ``randomGenerator`` within this module ("" by default; e.g. a recurrent
    /// layer's is "dropout"): its key in ``namedRandomGenerators``.
    var randomGeneratorName: String { get }
}

extension Module {
    /// No children: a leaf module (a layer).
    public var namedChildren: [(name: String, module: any Module<Scalar>)] { [] }

    /// The children's parameters, in the order of ``namedChildren``, each under
    /// "<child name>.<its name>" (its own name alone for a child named "").
    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        namedChildren.flatMap { child in
            child.module.namedParameters.map { (Self.join(child.name, $0.name, "."), $0.parameter) }
        }
    }

    /// None: the module draws no random numbers itself (setting it does nothing).
    public var randomGenerator: RandomGenerator? {
        get { nil }
        set {}
    }

    /// "": the generator's key is its owner's path alone.
    public var randomGeneratorName: String { "" }

    /// Sets every child's ``Module/isTraining`` to this module's (and so, through theirs, every
    /// descendant's). A composed model calls it from its `isTraining` observer:
    /// `public var isTraining = true { didSet { propagateTrainingMode() } }`.
    public func propagateTrainingMode() {
        for child in namedChildren { child.module.isTraining = isTraining }
    }

    /// Runs `body` in evaluation mode (dropout and noise off), then restores the mode this
    /// module was in, also when `body` throws.
    public func inEvaluationMode<R>(_ body: () throws -> R) rethrows -> R {
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        return try body()
    }

    /// The random generators of this module and all its descendants, each keyed by the
    /// names on its path (children's names, then the generator's own name), the empty ones
    /// left out, joined by "_": a child "rnn" whose generator is "dropout" gives
    /// "rnn_dropout", a dropout child "output_dropout" gives "output_dropout".
    public var namedRandomGenerators: [(name: String, generator: RandomGenerator)] {
        generatorOwners.map { ($0.name, $0.module.randomGenerator!) }
    }

    /// Sets the generator named `name` in ``namedRandomGenerators``; returns false when
    /// there is none of that name.
    @discardableResult
    public func setRandomGenerator(named name: String, to generator: RandomGenerator) -> Bool {
        guard let owner = generatorOwners.first(where: { $0.name == name }) else { return false }
        owner.module.randomGenerator = generator
        return true
    }

    /// The modules (this one and its descendants) that own a generator, by generator key.
    private var generatorOwners: [(name: String, module: any Module<Scalar>)] {
        var owners: [(name: String, module: any Module<Scalar>)] = []
        if randomGenerator != nil { owners.append((randomGeneratorName, self)) }
        for child in namedChildren {
            owners += child.module.generatorOwners.map { (Self.join(child.name, $0.name, "_"), $0.module) }
        }
        return owners
    }

    private static func join(_ prefix: String, _ name: String, _ separator: String) -> String {
        prefix.isEmpty ? name : name.isEmpty ? prefix : prefix + separator + name
    }

    /// Every parameter, in the order of ``Module/namedParameters``.
    public var parameters: [Parameter<Scalar>] { namedParameters.map(\.parameter) }

    /// Sets every parameter's gradient to zero.
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
    /// A parameter that a state dict or file lacks, by name.
    case missingParameter(String)
    /// The message, naming the parameter.
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
