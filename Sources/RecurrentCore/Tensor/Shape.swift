/// The dimensions of a row-major ``Tensor``, outermost first.
public struct Shape: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible,
    RandomAccessCollection
{
    /// The size of each axis, outermost first.
    public var dimensions: [Int]

    /// A shape of the given axis sizes.
    public init(_ dimensions: [Int]) {
        precondition(dimensions.allSatisfy { $0 >= 0 }, "negative dimension in \(dimensions)")
        self.dimensions = dimensions
    }

    /// A shape written as an array literal, `[T, B, I]`.
    public init(arrayLiteral elements: Int...) { self.init(elements) }

    /// The number of elements (1 for a scalar shape `[]`).
    public var elementCount: Int { dimensions.reduce(1, *) }
    /// The number of axes.
    public var rank: Int { dimensions.count }

    /// 0, the first axis.
    public var startIndex: Int { 0 }
    /// The number of axes (one past the last).
    public var endIndex: Int { dimensions.count }
    /// The size of axis `i`.
    public subscript(i: Int) -> Int {
        get { dimensions[i] }
        set { dimensions[i] = newValue }
    }

    /// Row-major strides in elements.
    public var strides: [Int] {
        var s = [Int](repeating: 1, count: dimensions.count)
        var acc = 1
        for i in dimensions.indices.reversed() {
            s[i] = acc
            acc *= dimensions[i]
        }
        return s
    }

    /// The sizes in parentheses, `(T, B, I)`.
    public var description: String { "(" + dimensions.map(String.init).joined(separator: ", ") + ")" }
}

/// A shape mismatch: the message names the operation and both shapes.
public struct ShapeError: Error, CustomStringConvertible, Equatable {
    /// What was wrong, naming the operation and the shapes.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    /// An error saying that `operation` expected the shape `expected` and got `got`.
    public init(_ operation: String, expected: Shape, got: Shape) {
        message = "\(operation): expected shape \(expected), got \(got)"
    }
    /// The message.
    public var description: String { message }
}
