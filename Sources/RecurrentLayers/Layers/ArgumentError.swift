import RecurrentCore

/// An argument out of its range or an input of the wrong form given to a layer's or a
/// model's initialiser (a size of zero, an empty sequence, a probability above 1), with a
/// message that says what was wrong.
public struct ArgumentError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was wrong, for the user.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }

    /// Throws `ArgumentError(message())` unless `condition` holds.
    @inlinable
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ArgumentError(message()) }
    }
}
