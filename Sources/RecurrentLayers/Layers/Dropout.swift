import RecurrentCore

/// Inverted dropout: in training mode each element is zeroed with probability p and the
/// survivors are scaled by 1/(1 − p), so evaluation needs no rescaling.
///
/// Forward (training):   m_i = [u_i ≥ p] / (1 − p),  u_i ~ U[0, 1)  (m_i = 0 when p = 1)
///                       y = x ⊙ m
/// Backward:             dx = dy ⊙ m  (the mask of the last forward)
///
/// In evaluation mode, or with p = 0, both are the identity. The generator is owned and
/// seeded, so masks are reproducible; ``rng`` can be saved and restored with a checkpoint.
public final class Dropout<Scalar: TensorScalar>: Module {
    /// The probability p of zeroing an element, in [0, 1].
    public let probability: Double
    /// The source of the masks.
    public var rng: RandomGenerator
    public var isTraining = true

    /// The scaled mask of the last forward, nil when it was the identity.
    private var mask: Tensor<Scalar>?

    /// Dropout with probability p drawing its masks from `rng`; throws unless p is in [0, 1].
    public init(probability: Double, rng: RandomGenerator) throws {
        try ArgumentError.check((0...1).contains(probability), "dropout probability must be in [0, 1], got \(probability)")
        self.probability = probability
        self.rng = rng
    }

    /// Dropout with probability p and a generator seeded with `seed`; throws unless p is in [0, 1].
    public convenience init(probability: Double, seed: UInt64) throws {
        try self.init(probability: probability, rng: RandomGenerator(seed: seed))
    }

    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] { [] }

    /// ``rng``, saved with resumable checkpoints.
    public var randomGenerator: RandomGenerator? {
        get { rng }
        set { if let newValue { rng = newValue } }
    }

    /// y = x ⊙ m with a fresh mask (training, p > 0), else y = x.
    public func forward(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        guard isTraining, probability > 0 else {
            mask = nil
            return x
        }
        var m = Tensor<Scalar>(zeros: x.shape)
        m.withUnsafeMutableBufferPointer { fillDropoutMask($0, probability, &rng) }
        mask = m
        return multiplied(x, m)
    }

    /// dx = dy ⊙ m with the last forward's mask (the identity if it had none).
    public func backward(_ dy: Tensor<Scalar>) throws -> Tensor<Scalar> {
        guard let mask else { return dy }
        try dy.checkShape(mask.shape, "Dropout backward gradient")
        return multiplied(dy, mask)
    }
}

/// m_i = [u_i ≥ p] / (1 − p) with u_i uniform in [0, 1) (0 when p = 1).
@_specialize(where S == Float)
@_specialize(where S == Double)
private func fillDropoutMask<S: TensorScalar>(_ m: UnsafeMutableBufferPointer<S>, _ p: Double, _ rng: inout RandomGenerator) {
    let keep: S = p < 1 ? S(1 / (1 - p)) : 0
    for i in m.indices { m[i] = rng.nextUnit() >= p ? keep : 0 }
}

/// The elementwise product a ⊙ b of two tensors of one shape.
@_specialize(where S == Float)
@_specialize(where S == Double)
private func multiplied<S: TensorScalar>(_ a: Tensor<S>, _ b: Tensor<S>) -> Tensor<S> {
    var out = a
    b.withUnsafeBufferPointer { m in
        out.withUnsafeMutableBufferPointer { y in
            for i in y.indices { y[i] *= m[i] }
        }
    }
    return out
}
