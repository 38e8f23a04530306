/// Error messages quote what the input held (a field, a label, a token, a metadata value);
/// a malformed file can hold 200 000 characters there, which would make the one clear line
/// a screenful. Any run of more than `longestRun` non-space characters keeps its head and
/// tail around "…", and the whole message is capped at `longestMessage` characters.
/// Control characters other than line feeds are shown escaped (`\r`, `\t`, `\u{0}`): a
/// carriage return inside a quoted value would otherwise overwrite the line on a terminal.
package enum ErrorText {
    static let longestRun = 120
    static let longestMessage = 2000

    package static func abbreviated(_ raw: String) -> String {
        let message = escapingControlCharacters(raw)
        guard message.count > longestRun else { return message }
        var out = ""
        var run = ""
        func flush() {
            if run.count > longestRun {
                out += "\(run.prefix(60))…\(run.suffix(20)) (\(run.count) characters)"
            } else {
                out += run
            }
            run = ""
        }
        for ch in message {
            if ch.isWhitespace {
                flush()
                out.append(ch)
            } else {
                run.append(ch)
            }
        }
        flush()
        if out.count > longestMessage { out = "\(out.prefix(longestMessage))… (\(out.count) characters)" }
        return out
    }

    static func escapingControlCharacters(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isEscaped) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            guard isEscaped(u) else { out.append(u); continue }
            switch u {
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(u.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(out)
    }

    private static func isEscaped(_ u: Unicode.Scalar) -> Bool {
        u != "\n" && u.properties.generalCategory == .control
    }
}
