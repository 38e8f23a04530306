import RecurrentCore
import RecurrentLayers

/// How per-element losses become one number (as PyTorch's `reduction`).
public enum Reduction: String, Sendable, CaseIterable, Codable {
    /// The mean over the elements that count (non-ignored rows, unmasked elements).
    /// With none counting, the loss and gradient are zero (PyTorch would return NaN).
    case mean
    /// The sum over the elements that count.
    case sum
}

/// A target or hyperparameter a loss cannot use.
public enum LossError: Error, CustomStringConvertible, Equatable {
    /// A class id outside 0..<classes that is not the ignore index.
    case targetOutOfRange(position: Int, target: Int, classes: Int)
    /// A hyperparameter outside its domain (the message names it).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .targetOutOfRange(position, target, classes):
            return "cross-entropy: target \(target) at row \(position) is out of range 0..<\(classes) and is not the ignore index"
        case let .invalidArgument(message): return message
        }
    }
}
