import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The lines of a prediction input (a file or standard input), decoded like training files:
/// UTF-8 with invalid bytes reported by line, a leading byte-order mark dropped, `\n` or
/// `\r\n` line ends. Blank lines are kept, since every input line gets one output line; the
/// empty remainder after a final line end is not a line, and empty input gives no lines.
public enum InputLines {
    /// Decodes `data`; `source` names it in errors (a file name, or `<stdin>`).
    public static func decode(_ data: Data, source: String) throws(DataError) -> [String] {
        let body = TextFile.withoutByteOrderMark(try TextFile.decode(data, file: source))
        guard !body.isEmpty else { return [] }
        var lines = TextFile.splitLines(body).map { String($0.text) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
