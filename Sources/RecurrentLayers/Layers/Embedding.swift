import RecurrentCore

/// A lookup table from token ids to vectors.
///
/// Forward, for ids i_n:   y_n = W[i_n]          W: (V, D), y: (…, D)
/// Backward, given dY:     dW[i_n] += dy_n       (for every position n; ids repeat and add)
///
/// PyTorch name `weight`; initialised N(0, 1) as `torch.nn.Embedding`. The row of
/// ``paddingIndex``, if any, is initialised to zero and never receives a gradient, so it stays
/// zero under every optimizer without weight decay. Ids are discrete: there is no input gradient.
public final class Embedding<Scalar: TensorScalar>: Module {
    /// The number of ids, 0..<vocabularySize.
    public let vocabularySize: Int
    /// The size of each id's vector.
    public let embeddingSize: Int
    /// The id whose row is zero and receives no gradient (e.g. the padding token).
    public let paddingIndex: Int?
    /// (vocabularySize, embeddingSize).
    public let weight: Parameter<Scalar>
    public var isTraining = true

    /// The last forward ids.
    private var ids: [Int32] = []

    /// A table of `vocabularySize` rows of `embeddingSize`, drawn from N(0, 1) as PyTorch's,
    /// with the row `paddingIndex` (if any) zero and kept zero by ``backward(_:)``. Throws
    /// unless both sizes are positive and `paddingIndex` is a row.
    public init(vocabularySize: Int, embeddingSize: Int, paddingIndex: Int? = nil, rng: inout RandomGenerator) throws {
        try ArgumentError.check(vocabularySize > 0 && embeddingSize > 0,
                                "Embedding sizes must be positive, got vocabulary \(vocabularySize) and embedding \(embeddingSize)")
        if let pad = paddingIndex {
            try ArgumentError.check((0..<vocabularySize).contains(pad),
                                    "Embedding padding index \(pad) is outside the vocabulary 0..<\(vocabularySize)")
        }
        self.vocabularySize = vocabularySize
        self.embeddingSize = embeddingSize
        self.paddingIndex = paddingIndex
        var w = Tensor<Scalar>.normal([vocabularySize, embeddingSize], using: &rng)
        if let pad = paddingIndex {
            w.withUnsafeMutableBufferPointer { $0[(pad * embeddingSize)..<((pad + 1) * embeddingSize)].update(repeating: 0) }
        }
        weight = Parameter(w)
    }

    public var namedParameters: [(name: String, parameter: Parameter<Scalar>)] { [("weight", weight)] }

    /// The rows of W for `ids` (row-major in `shape`, e.g. (T, B)); returns shape + (D).
    /// Throws when the count differs from the shape or an id is outside 0..<vocabularySize.
    public func forward(_ ids: [Int32], shape: Shape) throws -> Tensor<Scalar> {
        guard ids.count == shape.elementCount else {
            throw ShapeError("Embedding: \(ids.count) ids given for shape \(shape)")
        }
        if let bad = ids.firstIndex(where: { $0 < 0 || Int($0) >= vocabularySize }) {
            throw EmbeddingError.idOutOfRange(position: bad, id: Int(ids[bad]), vocabularySize: vocabularySize)
        }
        let d = embeddingSize
        var y = Tensor<Scalar>(zeros: Shape(shape.dimensions + [d]))
        weight.value.withUnsafeBufferPointer { w in
            y.withUnsafeMutableBufferPointer { out in
                for (n, id) in ids.enumerated() {
                    (out.baseAddress! + n * d).update(from: w.baseAddress! + Int(id) * d, count: d)
                }
            }
        }
        self.ids = ids
        return y
    }

    /// Scatter-adds dY (shape (…, D), one row per id of the last forward) into W's gradient,
    /// skipping ``paddingIndex``.
    public func backward(_ dy: Tensor<Scalar>) throws {
        let d = embeddingSize
        guard dy.count == ids.count * d, dy.rank >= 1, dy.shape[dy.rank - 1] == d else {
            throw ShapeError("Embedding backward: gradient must have \(ids.count) rows of \(d), got \(dy.shape)")
        }
        guard weight.requiresGradient else { return }
        let pad = paddingIndex.map(Int32.init) ?? -1
        dy.withUnsafeBufferPointer { g in
            weight.gradient.withUnsafeMutableBufferPointer { dw in
                for (n, id) in ids.enumerated() where id != pad {
                    Scalar.axpy(d, 1, g.baseAddress! + n * d, dw.baseAddress! + Int(id) * d)
                }
            }
        }
    }
}

/// A token id the embedding table has no row for.
public enum EmbeddingError: Error, CustomStringConvertible, Equatable {
    /// An id outside 0..<vocabularySize at a position of the input.
    case idOutOfRange(position: Int, id: Int, vocabularySize: Int)

    /// The message, naming the position and the id.
    public var description: String {
        switch self {
        case let .idOutOfRange(position, id, v):
            return "Embedding: token id \(id) at position \(position) is out of range 0..<\(v)"
        }
    }
}
