import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Escapes text for XML character data and attribute values (`&`, `<`, `>`, `"`, `'`), and
/// drops the characters XML 1.0 forbids (C0 controls other than tab, newline and carriage
/// return; U+FFFE, U+FFFF), so any string — a generated sample, a file name — yields
/// well-formed SVG and HTML.
public func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            let v = scalar.value
            if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
