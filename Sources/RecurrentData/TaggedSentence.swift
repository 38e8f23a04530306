import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A sentence of tokens, each with a tag: one example of sequence tagging.
public struct TaggedSentence: Equatable, Sendable, TextFileRecord {
    /// The tokens, in order.
    public let tokens: [String]
    /// One tag per token.
    public let tags: [String]

    /// A sentence of `tokens` with one tag each.
    public init(tokens: [String], tags: [String]) {
        precondition(tokens.count == tags.count, "one tag per token")
        self.tokens = tokens
        self.tags = tags
    }

    /// Parses a CoNLL file: one `token<TAB>tag` line per token, a blank line after each
    /// sentence (several blank lines, or none after the last sentence, are fine).
    ///
    /// Lines starting with `#` that contain no tab are comments. Lines of 10 columns are
    /// CoNLL-U: the token is FORM (column 2), the tag UPOS (column 4), and multi-word-token
    /// ranges (`1-2`) and empty nodes (`1.1`) are skipped. Lines of other widths give the
    /// first column as token and the last as tag. Every token line has as many columns as
    /// the first (a stray tab would otherwise turn part of a token into its tag).
    ///
    /// `file` names it in error messages (``TextFileRecord/read(_:)`` reads one).
    public static func parse(_ text: String, file: String = "<string>") throws(DataError) -> [TaggedSentence] {
        var sentences: [TaggedSentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        var width: (columns: Int, line: Int)?
        func endSentence() {
            if !tokens.isEmpty { sentences.append(TaggedSentence(tokens: tokens, tags: tags)) }
            tokens = []
            tags = []
        }
        for line in try TextFile.lines(text, file: file) {
            if line.isBlank {
                endSentence()
                continue
            }
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.count == 1 {
                if line.text.hasPrefix("#") { continue }
                throw DataError(file: file, line: line.number, "expected token<TAB>tag, found no tab")
            }
            if let width, columns.count != width.columns {
                throw DataError(file: file, line: line.number,
                                "\(columns.count) tab-separated columns, but line \(width.line) has \(width.columns)")
            }
            if width == nil { width = (columns.count, line.number) }
            let (token, tag): (Substring, Substring)
            if columns.count == 10 {
                if columns[0].contains("-") || columns[0].contains(".") { continue }
                (token, tag) = (columns[1], columns[3])
            } else {
                (token, tag) = (columns[0], columns[columns.count - 1])
            }
            tokens.append(token.trimmingCharacters(in: .whitespaces))
            tags.append(tag.trimmingCharacters(in: .whitespaces))
            guard !tokens[tokens.count - 1].isEmpty else { throw DataError(file: file, line: line.number, "empty token") }
            guard !tags[tags.count - 1].isEmpty else { throw DataError(file: file, line: line.number, "empty tag") }
        }
        endSentence()
        guard !sentences.isEmpty else { throw DataError(file: file, "no sentences (only comments)") }
        return sentences
    }
}
