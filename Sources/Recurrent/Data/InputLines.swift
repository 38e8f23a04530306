import Foundation

/// The lines of a prediction input (a file or standard input), decoded like training files:
/// UTF-8 with invalid bytes reported by line, a leading byte-order mark dropped, `\n` or
/// `\r\n` line ends. Blank lines are kept, since every input line gets one output line; the
/// empty remainder after a final line end is not a line, and empty input gives no lines.
public enum InputLines {
    /// Decodes `data`; `source` names it in errors (a file name, or `<stdin>`).
    public static func decode(_ data: Data, source: String) throws(DataError) -> [String] {
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            throw DataError(file: source, line: bad + 1, "invalid UTF-8")
        }
        guard !text.isEmpty else { return [] }
        let body = text.unicodeScalars.first == "\u{FEFF}" ? Substring(text.unicodeScalars.dropFirst()) : text[...]
        // Split the bytes, not the Characters: "\r\n" is one Character and would not split at "\n".
        var lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            String(Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line))
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
