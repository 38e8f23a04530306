import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A text with a class label (and optionally a real-valued score): many-to-one text classification.
public struct LabelledText: Equatable, Sendable, TextFileRecord {
    /// The class label.
    public let label: String
    /// The `score` column, when the file has one.
    public let score: Double?
    /// The text.
    public let text: String

    /// A labelled text, with an optional real-valued score.
    public init(label: String, score: Double? = nil, text: String) {
        self.label = label
        self.score = score
        self.text = text
    }

    /// Parses a TSV file with a header naming the columns `label` and `text` (and optionally
    /// `score`), in any order: `label<TAB>score<TAB>text` or `label<TAB>text`; `file` names
    /// it in error messages (``TextFileRecord/read(_:)`` reads one).
    public static func parse(_ text: String, file: String = "<string>") throws(DataError) -> [LabelledText] {
        let table = try Table.tsv(text, file: file)
        let labelColumn = try table.requiredColumn("label")
        let textColumn = try table.requiredColumn("text")
        let scoreColumn = table.column("score")
        var examples: [LabelledText] = []
        for row in table.rows {
            let label = table.field(row, labelColumn)
            guard !label.isEmpty else { throw DataError(file: file, line: row.line, "empty label") }
            examples.append(LabelledText(
                label: label, score: try scoreColumn.map { c throws(DataError) in try table.number(row, c) },
                text: row.fields[textColumn]))
        }
        return examples
    }
}
