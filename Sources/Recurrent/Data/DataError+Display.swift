/// Error messages quote what the input held (a field, a label, a token, a metadata value);
/// a malformed file can hold 200 000 characters there, which would make the one clear line
/// a screenful. Any run of more than `longestRun` non-space characters keeps its head and
/// tail around "…", and the whole message is capped at `longestMessage` characters.
enum ErrorText {
    static let longestRun = 120
    static let longestMessage = 2000

    static func abbreviated(_ message: String) -> String {
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
}
