extension Tensor {
    /// Uniform in [low, high).
    public static func uniform(_ shape: Shape, low: Scalar, high: Scalar, using rng: inout RandomGenerator) -> Tensor {
        let (l, h) = (Double(low), Double(high))
        return Tensor(shape: shape) { _ in Scalar(rng.uniform(l, h)) }
    }

    /// Normal with the given mean and standard deviation.
    public static func normal(_ shape: Shape, mean: Scalar = 0, std: Scalar = 1, using rng: inout RandomGenerator) -> Tensor {
        let (m, s) = (Double(mean), Double(std))
        return Tensor(shape: shape) { _ in Scalar(m + s * rng.normal()) }
    }

    /// Xavier/Glorot uniform for a (fanOut, fanIn) matrix: U(−a, a), a = gain·√(6/(fanIn+fanOut)).
    public static func xavierUniform(_ shape: Shape, gain: Double = 1, using rng: inout RandomGenerator) -> Tensor {
        precondition(shape.rank >= 2, "xavierUniform needs a matrix, got \(shape)")
        let fanOut = shape[0]
        let fanIn = shape.elementCount / max(fanOut, 1)
        let a = gain * (6.0 / Double(fanIn + fanOut)).squareRoot()
        return uniform(shape, low: Scalar(-a), high: Scalar(a), using: &rng)
    }

    /// A (rows, cols) matrix with orthonormal rows or columns (whichever are fewer),
    /// scaled by `gain`: Q from the QR decomposition of a Gaussian matrix, with the
    /// signs fixed by R's diagonal (as `torch.nn.init.orthogonal_`).
    public static func orthogonal(_ shape: Shape, gain: Double = 1, using rng: inout RandomGenerator) -> Tensor {
        precondition(shape.rank == 2, "orthogonal needs a matrix, got \(shape)")
        let (rows, cols) = (shape[0], shape[1])
        let transposed = rows < cols
        let (m, n) = transposed ? (cols, rows) : (rows, cols)  // m >= n: orthonormal columns
        var a = (0..<(m * n)).map { _ in rng.normal() }
        // Modified Gram–Schmidt on the n columns of the m×n matrix a (column j at a[i*n+j]).
        for j in 0..<n {
            for k in 0..<j {
                var dot = 0.0
                for i in 0..<m { dot += a[i * n + k] * a[i * n + j] }
                for i in 0..<m { a[i * n + j] -= dot * a[i * n + k] }
            }
            var norm = 0.0
            for i in 0..<m { norm += a[i * n + j] * a[i * n + j] }
            norm = norm.squareRoot()
            for i in 0..<m { a[i * n + j] /= norm }
        }
        return Tensor(shape: shape) { flat in
            let (r, c) = (flat / cols, flat % cols)
            return Scalar(gain * (transposed ? a[c * n + r] : a[r * n + c]))
        }
    }
}
