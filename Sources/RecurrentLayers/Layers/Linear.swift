import RecurrentCore

/// A fully connected layer, applied to the last axis of its input.
///
/// Forward, for X of shape (…, in) viewed as an (N, in) matrix (N = product of the leading
/// axes, so a (T, B, in) sequence is one GEMM over all T·B rows):
///
///     Y = X·Wᵀ + b                       W: (out, in), b: (out), Y: (…, out)
///
/// Backward, given dY:
///
///     dW += dYᵀ·X      db += Σ_rows dY      dX = dY·W
///
/// PyTorch names `weight` and `bias`; default initialisation as `torch.nn.Linear`:
/// W and b drawn from U(−1/√in, 1/√in).
///
/// **Weight tying.** ``init(sharedWeight:bias:rng:)`` makes the layer use another module's
/// weight ``Parameter`` (the same instance, typically an ``Embedding``'s (V, D) weight as the
/// output projection of a language model). Both modules then add into the one gradient, and
/// the optimizer updates it once. The module that *owns* a parameter lists it; a layer that
/// borrows one does not, so a tied layer's ``namedParameters`` holds only `bias`, and a model
/// whose ``Module/namedChildren`` are `[("embedding", e), ("decoder", d)]` lists the weight
/// once (as `embedding.weight`).
public final class Linear<Scalar: TensorScalar>: Module {
    /// The input features.
    public let inputSize: Int
    /// The output features.
    public let outputSize: Int
    /// (outputSize, inputSize).
    public let weight: Parameter<Scalar>
    /// (outputSize), or nil for a layer without bias.
    public let bias: Parameter<Scalar>?
    /// Whether ``weight`` belongs to another module (weight tying); see the type's documentation.
    public let sharesWeight: Bool
    public var isTraining = true

    /// The last forward input as an (N, in) matrix.
    private var input: Tensor<Scalar>?

    /// A layer with its own weight, initialised as PyTorch's (U(±1/√in) for W and b); throws
    /// unless both sizes are positive.
    public init(inputSize: Int, outputSize: Int, bias: Bool = true, rng: inout RandomGenerator) throws {
        try ArgumentError.check(inputSize > 0 && outputSize > 0,
                                "Linear sizes must be positive, got input \(inputSize) and output \(outputSize)")
        self.inputSize = inputSize
        self.outputSize = outputSize
        let bound = 1 / Scalar(inputSize).squareRoot()
        weight = Parameter(.uniform([outputSize, inputSize], low: -bound, high: bound, using: &rng))
        self.bias = bias ? Parameter(.uniform([outputSize], low: -bound, high: bound, using: &rng)) : nil
        sharesWeight = false
    }

    /// A layer that uses `sharedWeight` (out, in) — the same ``Parameter`` instance — as its
    /// weight (weight tying). The bias, if any, is its own, initialised as PyTorch's. Throws
    /// unless the weight is a matrix with no zero dimension.
    public init(sharedWeight: Parameter<Scalar>, bias: Bool = true, rng: inout RandomGenerator) throws {
        try ArgumentError.check(sharedWeight.value.rank == 2 && !sharedWeight.value.shape.contains(0),
                                "a Linear weight must be a non-empty matrix, got shape \(sharedWeight.value.shape)")
        outputSize = sharedWeight.value.shape[0]
        inputSize = sharedWeight.value.shape[1]
        weight = sharedWeight
        let bound = 1 / Scalar(inputSize).squareRoot()
        self.bias = bias ? Parameter(.uniform([outputSize], low: -bound, high: bound, using: &rng)) : nil
        sharesWeight = true
    }

    /// `weight` (unless shared) and `bias` (if any).
    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        (sharesWeight ? [] : [("weight", weight)]) + (bias.map { [("bias", $0)] } ?? [])
    }

    /// Y = X·Wᵀ + b for X of shape (…, in); returns (…, out). Keeps X for ``backward(_:)``.
    public func forward(_ x: Tensor<Scalar>) throws -> Tensor<Scalar> {
        guard x.rank >= 1, x.shape[x.rank - 1] == inputSize else {
            throw ShapeError("Linear(\(inputSize) → \(outputSize)): input must have last dimension \(inputSize), got \(x.shape)")
        }
        let rows = x.count / inputSize
        let x2 = try x.reshaped([rows, inputSize])
        var y = Tensor<Scalar>(zeros: [rows, outputSize])
        try gemm(x2, .none, weight.value, .transposed, &y)
        if let bias {
            bias.value.withUnsafeBufferPointer { b in
                y.withUnsafeMutableBufferPointer { Scalar.addBiasActivate(rows, outputSize, b.baseAddress!, $0.baseAddress!, .identity) }
            }
        }
        input = x2
        var outShape = x.shape.dimensions
        outShape[outShape.count - 1] = outputSize
        return try y.reshaped(outShape)
    }

    /// Given dY (the shape ``forward(_:)`` returned), adds dW = dYᵀ·X and db = Σ dY into the
    /// gradients (unless a parameter's `requiresGradient` is false) and returns dX = dY·W.
    public func backward(_ dy: Tensor<Scalar>) throws -> Tensor<Scalar> {
        guard let x2 = input else { preconditionFailure("Linear.backward called before forward") }
        let rows = x2.shape[0]
        guard dy.count == rows * outputSize, dy.rank >= 1, dy.shape[dy.rank - 1] == outputSize else {
            throw ShapeError("Linear(\(inputSize) → \(outputSize)) backward: gradient must have \(rows) rows of \(outputSize), got \(dy.shape)")
        }
        let dy2 = try dy.reshaped([rows, outputSize])
        if weight.requiresGradient {
            try gemm(dy2, .transposed, x2, .none, &weight.gradient, beta: 1)
        }
        if let bias, bias.requiresGradient {
            dy2.withUnsafeBufferPointer { g in
                bias.gradient.withUnsafeMutableBufferPointer { Scalar.sumRows(rows, outputSize, g.baseAddress!, $0.baseAddress!) }
            }
        }
        var dx = Tensor<Scalar>(zeros: [rows, inputSize])
        try gemm(dy2, .none, weight.value, .none, &dx)
        var inShape = dy.shape.dimensions
        inShape[inShape.count - 1] = inputSize
        return try dx.reshaped(inShape)
    }
}
