import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A text read as one long stream of Unicode scalars (character-level language modelling).
///
/// `\r\n` line ends become `\n` and a leading byte-order mark is dropped, so the same text
/// saved on different systems gives the same stream.
public struct TextCorpus: Equatable, Sendable {
    /// The file's name, for error messages.
    public let file: String
    /// The text as Unicode scalars.
    public let scalars: [Unicode.Scalar]

    /// Reads a UTF-8 text file; throws on unreadable, empty or invalid UTF-8 input.
    public init(contentsOf url: URL) throws(DataError) {
        try self.init(TextFile.read(url), file: url.lastPathComponent)
    }

    /// A corpus from a string; throws when it is empty.
    public init(_ text: String, file: String = "<string>") throws(DataError) {
        let body = try TextFile.content(text, file: file).unicodeScalars
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(body.count)
        var previous: Unicode.Scalar = "\0"
        for s in body {
            if s == "\n" && previous == "\r" { scalars[scalars.count - 1] = s } else { scalars.append(s) }
            previous = s
        }
        self.file = file
        self.scalars = scalars
    }
}
