/// The dimensions of a row-major ``Tensor``, outermost first.
public struct Shape: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible,
    RandomAccessCollection
{
    public var dimensions: [Int]

    public init(_ dimensions: [Int]) {
        precondition(dimensions.allSatisfy { $0 >= 0 }, "negative dimension in \(dimensions)")
        self.dimensions = dimensions
    }

    public init(arrayLiteral elements: Int...) { self.init(elements) }

    /// The number of elements (1 for a scalar shape `[]`).
    public var elementCount: Int { dimensions.reduce(1, *) }
    public var rank: Int { dimensions.count }

    public var startIndex: Int { 0 }
    public var endIndex: Int { dimensions.count }
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

    public var description: String { "(" + dimensions.map(String.init).joined(separator: ", ") + ")" }
}

/// A shape mismatch: the message names the operation and both shapes.
public struct ShapeError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public init(_ operation: String, expected: Shape, got: Shape) {
        message = "\(operation): expected shape \(expected), got \(got)"
    }
    public var description: String { message }
}
