import RecurrentCore

/// Layer normalisation over the last axis (size D), with a learned scale and shift.
///
/// Forward, for each row x (D elements):
///
///     μ = (1/D) Σ x_j     σ² = (1/D) Σ (x_j − μ)²     r = 1/√(σ² + ε)
///     x̂ = (x − μ)·r       y = γ ⊙ x̂ + β
///
/// Backward, given dy:
///
///     dγ += Σ_rows dy ⊙ x̂      dβ += Σ_rows dy
///     g = dy ⊙ γ               dx = r·(g − mean(g) − x̂·mean(g ⊙ x̂))
///
/// PyTorch names `weight` (γ, ones) and `bias` (β, zeros); ε = 1e-5 and the biased variance,
/// as `torch.nn.LayerNorm`.
public final class LayerNorm<Scalar: TensorScalar>: Module {
    /// The size of the normalised last axis.
    public let size: Int
    /// ε, added to the variance (default 1e-5).
    public let epsilon: Double
    /// γ, (size).
    public let weight: Parameter<Scalar>
    /// β, (size).
    public let bias: Parameter<Scalar>
    public var isTraining = true

    /// x̂ of the last forward, (N, size), and r per row.
    private var normalized: Tensor<Scalar>?
    private var inverseStd: [Scalar] = []

    /// Normalises over a last axis of `size` (γ = 1, β = 0), adding `epsilon` to the
    /// variance; throws unless `size` is positive and `epsilon` finite and non-negative.
    public init(size: Int, epsilon: Double = 1e-5) throws {
        try ArgumentError.check(size > 0, "LayerNorm size must be positive, got \(size)")
        try ArgumentError.check(epsilon >= 0 && epsilon.isFinite, "LayerNorm epsilon must be finite and non-negative, got \(epsilon)")
        self.size = size
        self.epsilon = epsilon
        weight = Parameter(Tensor(shape: [size], repeating: 1))
        bias = Parameter(Tensor(zeros: [size]))
    }

    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] {
        [("weight", weight), ("bias", bias)]
    }

    /// y = γ ⊙ x̂ + β over the last axis of x (…, size); keeps x̂ and r for ``backward(_:)``.
    public func forward(_ x: Tensor<Scalar>) throws -> Tensor<Scalar> {
        guard x.rank >= 1, x.shape[x.rank - 1] == size else {
            throw ShapeError("LayerNorm(\(size)): input must have last dimension \(size), got \(x.shape)")
        }
        let rows = x.count / size
        var xhat = Tensor<Scalar>(zeros: [rows, size])
        var r = [Scalar](repeating: 0, count: rows)
        var y = Tensor<Scalar>(zeros: x.shape)
        x.withUnsafeBufferPointer { src in
            xhat.withUnsafeMutableBufferPointer { xh in
                r.withUnsafeMutableBufferPointer { rp in
                    normalizeRows(rows, size, epsilon, src.baseAddress!, xh.baseAddress!, rp.baseAddress!)
                }
            }
        }
        weight.value.withUnsafeBufferPointer { g in
            bias.value.withUnsafeBufferPointer { b in
                xhat.withUnsafeBufferPointer { xh in
                    y.withUnsafeMutableBufferPointer { out in
                        scaleShiftRows(rows, size, xh.baseAddress!, g.baseAddress!, b.baseAddress!, out.baseAddress!)
                    }
                }
            }
        }
        normalized = xhat
        inverseStd = r
        return y
    }

    /// Adds dγ and dβ into the gradients and returns dx (the shape of dy).
    public func backward(_ dy: Tensor<Scalar>) throws -> Tensor<Scalar> {
        guard let xhat = normalized else { preconditionFailure("LayerNorm.backward called before forward") }
        let rows = xhat.shape[0]
        guard dy.count == xhat.count, dy.rank >= 1, dy.shape[dy.rank - 1] == size else {
            throw ShapeError("LayerNorm(\(size)) backward: gradient must have \(rows) rows of \(size), got \(dy.shape)")
        }
        var dx = Tensor<Scalar>(zeros: dy.shape)
        dy.withUnsafeBufferPointer { g in
            xhat.withUnsafeBufferPointer { xh in
                if weight.requiresGradient {
                    weight.gradient.withUnsafeMutableBufferPointer { dw in
                        accumulateProductRows(rows, size, g.baseAddress!, xh.baseAddress!, dw.baseAddress!)
                    }
                }
                if bias.requiresGradient {
                    bias.gradient.withUnsafeMutableBufferPointer { Scalar.sumRows(rows, size, g.baseAddress!, $0.baseAddress!) }
                }
                weight.value.withUnsafeBufferPointer { gamma in
                    inverseStd.withUnsafeBufferPointer { r in
                        dx.withUnsafeMutableBufferPointer { out in
                            layerNormInputGradient(rows, size, g.baseAddress!, xh.baseAddress!, gamma.baseAddress!,
                                                   r.baseAddress!, out.baseAddress!)
                        }
                    }
                }
            }
        }
        return dx
    }
}

/// x̂ = (x − μ)·r and r = 1/√(σ² + ε) for each of `rows` rows of `d` elements.
@_specialize(where S == Float)
@_specialize(where S == Double)
private func normalizeRows<S: TensorScalar>(_ rows: Int, _ d: Int, _ eps: Double, _ x: UnsafePointer<S>,
                                            _ xhat: UnsafeMutablePointer<S>, _ r: UnsafeMutablePointer<S>) {
    for row in 0..<rows {
        let xr = x + row * d, out = xhat + row * d
        let mean = S.sum(d, xr) / Double(d)
        var variance = 0.0
        for j in 0..<d {
            let c = Double(xr[j]) - mean
            variance += c * c
        }
        let inv = 1 / (variance / Double(d) + eps).squareRoot()
        for j in 0..<d { out[j] = S((Double(xr[j]) - mean) * inv) }
        r[row] = S(inv)
    }
}

/// y = γ ⊙ x̂ + β, row by row.
@_specialize(where S == Float)
@_specialize(where S == Double)
private func scaleShiftRows<S: TensorScalar>(_ rows: Int, _ d: Int, _ xhat: UnsafePointer<S>, _ gamma: UnsafePointer<S>,
                                             _ beta: UnsafePointer<S>, _ y: UnsafeMutablePointer<S>) {
    for row in 0..<rows {
        let xr = xhat + row * d, out = y + row * d
        for j in 0..<d { out[j] = gamma[j] * xr[j] + beta[j] }
    }
}

/// out[j] += Σ_rows a[row, j]·b[row, j].
@_specialize(where S == Float)
@_specialize(where S == Double)
private func accumulateProductRows<S: TensorScalar>(_ rows: Int, _ d: Int, _ a: UnsafePointer<S>, _ b: UnsafePointer<S>,
                                                    _ out: UnsafeMutablePointer<S>) {
    for row in 0..<rows {
        let ar = a + row * d, br = b + row * d
        for j in 0..<d { out[j] += ar[j] * br[j] }
    }
}

/// dx = r·(g − mean(g) − x̂·mean(g ⊙ x̂)) with g = dy ⊙ γ, row by row.
@_specialize(where S == Float)
@_specialize(where S == Double)
private func layerNormInputGradient<S: TensorScalar>(_ rows: Int, _ d: Int, _ dy: UnsafePointer<S>, _ xhat: UnsafePointer<S>,
                                                     _ gamma: UnsafePointer<S>, _ r: UnsafePointer<S>,
                                                     _ dx: UnsafeMutablePointer<S>) {
    for row in 0..<rows {
        let g = dy + row * d, xr = xhat + row * d, out = dx + row * d
        var sumG = 0.0, sumGX = 0.0
        for j in 0..<d {
            let gj = Double(g[j] * gamma[j])
            sumG += gj
            sumGX += gj * Double(xr[j])
        }
        let meanG = S(sumG / Double(d)), meanGX = S(sumGX / Double(d))
        for j in 0..<d { out[j] = r[row] * (g[j] * gamma[j] - meanG - xr[j] * meanGX) }
    }
}
