import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// One line of a text file: its 1-based number and its text without the line end.
package struct Line {
    package let number: Int
    package let text: Substring

    package var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// Loading text files the same way for every reader: UTF-8 (invalid bytes are reported with
/// their line), a leading byte-order mark dropped, `\n` or `\r\n` line ends, empty input rejected.
package enum TextFile {
    /// The file's contents as a string; throws when it cannot be read or is not UTF-8.
    package static func read(_ url: URL) throws(DataError) -> String {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataError(file: file, "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(data, file: file)
    }

    /// `data` as UTF-8 text; invalid bytes are an error naming their line.
    static func decode(_ data: Data, file: String) throws(DataError) -> String {
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            throw DataError(file: file, line: bad + 1, "invalid UTF-8")
        }
        return text
    }

    /// `text` without a leading byte-order mark.
    package static func withoutByteOrderMark(_ text: String) -> Substring {
        text.unicodeScalars.first == "\u{FEFF}" ? Substring(text.unicodeScalars.dropFirst()) : text[...]
    }

    /// `text` without a leading byte-order mark; throws "file is empty" when nothing is left.
    static func content(_ text: String, file: String) throws(DataError) -> Substring {
        let body = withoutByteOrderMark(text)
        guard !body.isEmpty else { throw DataError(file: file, "file is empty") }
        return body
    }

    /// Every line of `text`, numbered from 1, split at `\n` or `\r\n`. The bytes are split,
    /// not the Characters: "\r\n" is one Character and would not split at "\n".
    package static func splitLines(_ text: Substring) -> [Line] {
        text.utf8
            .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
            .map { i, bytes in Line(number: i + 1, text: Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)) }
    }

    /// The lines of `text`, trailing blank lines dropped; throws "file is empty" when none remain.
    static func lines(_ text: String, file: String) throws(DataError) -> [Line] {
        var lines = splitLines(try content(text, file: file))
        while lines.last?.isBlank == true { lines.removeLast() }
        guard !lines.isEmpty else { throw DataError(file: file, "file is empty") }
        return lines
    }
}
