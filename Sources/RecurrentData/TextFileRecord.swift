import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A record of a text data file (a labelled text, a text pair, a tagged sentence): the type
/// parses a file's text, and ``read(_:)`` reads a file the way every reader does
/// (`TextFile`: UTF-8, byte-order mark, line ends), errors naming the file.
public protocol TextFileRecord {
    /// The records in the text of a file; `file` names it in error messages.
    static func parse(_ text: String, file: String) throws(DataError) -> [Self]
}

extension TextFileRecord {
    /// The records of the file at `url` (see ``parse(_:file:)`` for its format); errors
    /// name the file.
    public static func read(_ url: URL) throws(DataError) -> [Self] {
        try parse(TextFile.read(url), file: url.lastPathComponent)
    }
}
