/// A dense, row-major, n-dimensional array with value semantics.
///
/// Copies are cheap: storage is shared until one copy is mutated (copy-on-write).
/// `Float` is the fast path; `Double` gives exact gradient checks.
public struct Tensor<Scalar: TensorScalar> {
    @usableFromInline package var storage: TensorStorage<Scalar>
    /// The tensor's dimensions.
    public private(set) var shape: Shape

    /// A tensor of the given shape filled with `value`.
    public init(shape: Shape, repeating value: Scalar = 0) {
        self.shape = shape
        storage = TensorStorage(repeating: value, count: shape.elementCount)
    }

    /// A tensor of zeros.
    public init(zeros shape: Shape) { self.init(shape: shape, repeating: 0) }

    /// A tensor whose elements the caller writes, every one, before anything reads them
    /// (a kernel's output buffer: no zero fill first).
    package init(uninitialized shape: Shape) {
        self.shape = shape
        storage = TensorStorage(count: shape.elementCount)
    }

    /// A tensor from row-major scalars; throws when the count does not match the shape.
    public init(shape: Shape, scalars: [Scalar]) throws {
        guard scalars.count == shape.elementCount else {
            throw ShapeError("Tensor(shape: \(shape)): \(scalars.count) scalars given, \(shape.elementCount) needed")
        }
        self.shape = shape
        storage = TensorStorage(count: scalars.count)
        scalars.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { storage.pointer.initialize(from: base, count: scalars.count) }
        }
    }

    /// A tensor whose elements are produced by `body` in row-major order.
    public init(shape: Shape, generating body: (Int) throws -> Scalar) rethrows {
        self.shape = shape
        storage = TensorStorage(count: shape.elementCount)
        for i in 0..<shape.elementCount { (storage.pointer + i).initialize(to: try body(i)) }
    }

    /// The number of elements.
    @inlinable public var count: Int { storage.count }
    public var rank: Int { shape.rank }

    /// The elements in row-major order.
    public var scalars: [Scalar] { withUnsafeBufferPointer { Array($0) } }

    /// Reads the elements without copying.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// Mutates the elements in place, first copying the storage if it is shared.
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Scalar>) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// Identifies the underlying buffer (two tensors with equal ids share storage).
    package var storageID: ObjectIdentifier { ObjectIdentifier(storage) }

    // MARK: Element access

    @inlinable func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == shape.rank, "index \(index) has rank \(index.count), tensor has rank \(shape.rank)")
        var flat = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "index \(index) out of range for shape \(shape)")
            flat = flat * shape[axis] + i
        }
        return flat
    }

    /// The element at a multi-dimensional index.
    public subscript(index: Int...) -> Scalar {
        get { storage.pointer[flatIndex(index)] }
        set {
            let i = flatIndex(index)
            withUnsafeMutableBufferPointer { $0[i] = newValue }
        }
    }

    /// The element at a row-major flat index.
    public subscript(flat i: Int) -> Scalar {
        get {
            precondition(i >= 0 && i < count, "flat index \(i) out of range for \(count) elements")
            return storage.pointer[i]
        }
        set {
            precondition(i >= 0 && i < count, "flat index \(i) out of range for \(count) elements")
            withUnsafeMutableBufferPointer { $0[i] = newValue }
        }
    }

    // MARK: Shape manipulation

    /// The same elements under another shape (shares storage; no copy).
    /// One dimension may be -1 and is inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var dims = newShape
        if let hole = dims.firstIndex(of: -1) {
            let known = dims.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            guard known > 0, count % known == 0, dims.filter({ $0 == -1 }).count == 1 else {
                throw ShapeError("reshape: cannot infer -1 in \(newShape) for shape \(shape)")
            }
            dims[hole] = count / known
        }
        guard dims.allSatisfy({ $0 >= 0 }), dims.reduce(1, *) == count else {
            throw ShapeError("reshape: cannot view shape \(shape) (\(count) elements) as \(Shape(dims.map { max($0, 0) }))")
        }
        var t = self
        t.shape = Shape(dims)
        return t
    }

    /// Rows `range` of the outermost axis, as a new tensor (copies those elements).
    public func slice(_ range: Range<Int>) throws -> Tensor {
        guard rank >= 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
            throw ShapeError("slice: range \(range) out of bounds for shape \(shape)")
        }
        var dims = shape.dimensions
        dims[0] = range.count
        let inner = rank > 1 ? Shape(Array(shape.dimensions.dropFirst())).elementCount : 1
        var out = Tensor(zeros: Shape(dims))
        out.withUnsafeMutableBufferPointer { dst in
            guard let d = dst.baseAddress else { return }
            d.update(from: storage.pointer + range.lowerBound * inner, count: range.count * inner)
        }
        return out
    }

    /// The sub-tensor at position `i` of the outermost axis (copies).
    public subscript(row i: Int) -> Tensor {
        precondition(rank >= 1 && i >= 0 && i < shape[0], "row \(i) out of range for shape \(shape)")
        var r = try! slice(i..<(i + 1))
        r.shape = Shape(Array(shape.dimensions.dropFirst()))
        return r
    }

    /// Throws a ``ShapeError`` naming `operation` unless the shape is `expected`.
    public func checkShape(_ expected: Shape, _ operation: String) throws {
        if shape != expected { throw ShapeError(operation, expected: expected, got: shape) }
    }
}

extension Tensor: Equatable {
    public static func == (a: Tensor, b: Tensor) -> Bool {
        a.shape == b.shape && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor\(shape)[\(shown)\(count > 8 ? ", …" : "")]"
    }
}

extension Tensor: @unchecked Sendable {}
