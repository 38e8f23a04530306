import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Malformed or unusable input data, located as precisely as possible:
/// `train.csv:17: expected 15 fields, found 14`, `train.txt: file is empty`, or just the message
/// when no file is involved (e.g. encoding a string with a vocabulary).
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's name, when the problem is in a file.
    public let file: String?
    /// The 1-based line number, when the problem is on one line.
    public let line: Int?
    /// What is wrong.
    public let message: String

    /// An error at `file`:`line`, or in `file`, or with no location.
    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = ErrorText.abbreviated(message)
    }

    /// The file name that errors in the input lines of a task's `predict` carry; a caller
    /// that knows where the lines came from puts that in its place (`named(_:)`).
    public static let predictionInput = "<input>"

    /// This error with `source` in place of `DataError.predictionInput`; others unchanged.
    public func named(_ source: String) -> DataError {
        file == DataError.predictionInput ? DataError(file: source, line: line, message) : self
    }

    public var description: String {
        let location = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
