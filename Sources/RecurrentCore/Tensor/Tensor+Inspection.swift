/// Reductions and elementwise operations for looking at values and gradients (norms,
/// extremes, differences against a numerical gradient). Not a hot path; reductions
/// accumulate in Double.
extension Tensor {
    /// The L2 norm of all elements, √Σx² (the Frobenius norm of a matrix); what
    /// `clipGradientNorm(_:maxNorm:)` measures, over one tensor.
    public var norm: Double { sumOfSquares.squareRoot() }

    /// The mean of all elements (0 for an empty tensor).
    public var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The smallest element (nil for an empty tensor).
    public var minimum: Scalar? { withUnsafeBufferPointer { $0.min() } }

    /// The largest element (nil for an empty tensor).
    public var maximum: Scalar? { withUnsafeBufferPointer { $0.max() } }

    /// Combines two tensors of the same shape element by element; throws when the shapes differ.
    public func zipped(with other: Tensor, _ f: (Scalar, Scalar) -> Scalar) throws -> Tensor {
        try other.checkShape(shape, "elementwise operation")
        return withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in Tensor(shape: shape) { f(a[$0], b[$0]) } } }
    }

    /// self + other, element by element (same shape, else throws).
    public func adding(_ other: Tensor) throws -> Tensor { try zipped(with: other, +) }

    /// self − other, element by element (same shape, else throws).
    public func subtracting(_ other: Tensor) throws -> Tensor { try zipped(with: other, -) }

    /// self ⊙ other, the elementwise (Hadamard) product (same shape, else throws).
    public func multiplying(_ other: Tensor) throws -> Tensor { try zipped(with: other, *) }

    /// alpha · self, as a new tensor (see ``scale(by:)`` for the in-place form).
    public func scaled(by alpha: Scalar) -> Tensor {
        var copy = self
        copy.scale(by: alpha)
        return copy
    }

    /// max |self − other| (same shape, else throws): how far two tensors are apart, e.g. an
    /// analytic gradient and a finite-difference one.
    public func maxAbsDifference(_ other: Tensor) throws -> Double { try subtracting(other).maxAbs }
}
