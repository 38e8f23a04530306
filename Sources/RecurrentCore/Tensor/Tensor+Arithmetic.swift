extension Tensor {
    /// Sets every element to `value`.
    public mutating func fill(_ value: Scalar) {
        withUnsafeMutableBufferPointer { buffer in
            if value == 0, value.sign == .plus, let base = buffer.baseAddress {
                // All-zero bits for Float and Double: one memset, not a generic element loop.
                UnsafeMutableRawPointer(base).initializeMemory(as: UInt8.self, repeating: 0,
                                                               count: buffer.count * MemoryLayout<Scalar>.stride)
            } else {
                buffer.update(repeating: value)
            }
        }
    }

    /// self += alpha · other (same shape).
    public mutating func add(_ other: Tensor, scaledBy alpha: Scalar = 1) throws {
        try other.checkShape(shape, "add")
        let n = count
        other.withUnsafeBufferPointer { x in
            withUnsafeMutableBufferPointer { y in Scalar.axpy(n, alpha, x.baseAddress!, y.baseAddress!) }
        }
    }

    /// self *= alpha.
    public mutating func scale(by alpha: Scalar) {
        let n = count
        withUnsafeMutableBufferPointer { Scalar.scale(n, alpha, $0.baseAddress!) }
    }

    /// Σ x² (accumulated in Double).
    public var sumOfSquares: Double { withUnsafeBufferPointer { Scalar.sumsq($0.count, $0.baseAddress!) } }
    /// Σ x (accumulated in Double).
    public var sum: Double { withUnsafeBufferPointer { Scalar.sum($0.count, $0.baseAddress!) } }
    /// max |x|, NaN when any element is NaN.
    public var maxAbs: Double { withUnsafeBufferPointer { Scalar.maxabs($0.count, $0.baseAddress!) } }
    /// Whether every element is finite.
    public var isFinite: Bool { maxAbs.isFinite }
    /// nil when every element is finite, else "holds NaN or infinite values (k of n)" for an
    /// error message about a loaded tensor (not a hot path).
    public var nonFiniteDescription: String? {
        if isFinite { return nil }
        let k = withUnsafeBufferPointer { $0.reduce(0) { $1.isFinite ? $0 : $0 + 1 } }
        return "holds NaN or infinite values (\(k) of \(count))"
    }

    /// Elementwise map into a new tensor.
    public func map(_ f: (Scalar) -> Scalar) -> Tensor {
        withUnsafeBufferPointer { src in Tensor(shape: shape) { f(src[$0]) } }
    }

    /// The same values converted to another scalar type.
    public func converted<Other: TensorScalar>(to: Other.Type = Other.self) -> Tensor<Other> {
        withUnsafeBufferPointer { src in Tensor<Other>(shape: shape) { Other(src[$0]) } }
    }
}
