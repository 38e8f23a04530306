import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A source text and its target text: one example of sequence-to-sequence learning.
public struct TextPair: Equatable, Sendable, TextFileRecord {
    /// The source text.
    public let source: String
    /// The target text.
    public let target: String

    /// A pair of `source` and `target`.
    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }

    /// Parses a TSV file whose header names the columns `source` and `target`, or has exactly
    /// two columns of other names (taken as source, then target); `file` names it in error
    /// messages (``TextFileRecord/read(_:)`` reads one).
    public static func parse(_ text: String, file: String = "<string>") throws(DataError) -> [TextPair] {
        let table = try Table.tsv(text, file: file)
        let (sourceColumn, targetColumn): (Int, Int)
        if table.header.count == 2 && table.column("source") == nil && table.column("target") == nil {
            (sourceColumn, targetColumn) = (0, 1)
        } else {
            (sourceColumn, targetColumn) = (try table.requiredColumn("source"), try table.requiredColumn("target"))
        }
        var pairs: [TextPair] = []
        for row in table.rows {
            let pair = TextPair(source: row.fields[sourceColumn], target: row.fields[targetColumn])
            guard !pair.source.allSatisfy(\.isWhitespace) else { throw DataError(file: file, line: row.line, "empty source") }
            guard !pair.target.allSatisfy(\.isWhitespace) else { throw DataError(file: file, line: row.line, "empty target") }
            pairs.append(pair)
        }
        return pairs
    }
}
