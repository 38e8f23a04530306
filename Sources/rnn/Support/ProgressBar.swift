import Foundation
import Recurrent

/// Draws training progress on stderr: a redrawn bar with ETA, loss and throughput on a
/// terminal; a plain line every few seconds otherwise (logs, CI).
final class ProgressBar {
    private let isTTY = isatty(STDERR_FILENO) == 1
    private var lastDraw = 0.0
    private let start = monotonicSeconds()
    private let label: String

    init(label: String) { self.label = label }

    func update(_ p: TrainingProgress) {
        let now = monotonicSeconds()
        guard now - lastDraw >= (isTTY ? 0.1 : 10) || p.fraction >= 1 else { return }
        lastDraw = now
        let rate = Double(p.step) / max(p.elapsed, 1e-9)
        let eta = p.fraction > 0 ? p.elapsed * (1 - p.fraction) / p.fraction : .nan
        var text = String(format: "%@ step %d epoch %d loss %.4f %.1f steps/s ETA %@", label, p.step, p.epoch, p.loss,
                          rate, Self.clock(eta))
        if let e = p.lastEvaluation, let first = e.keys.sorted().first(where: { $0 != "loss" }) ?? e.keys.sorted().first {
            text += String(format: " | val %@ %.4f", first, e[first]!)
        }
        if isTTY {
            let width = 24
            let filled = Int((p.fraction * Double(width)).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\u{1B}[2K\(bar) \(Int(p.fraction * 100))% \(text)")
        } else {
            write("[\(Int(p.fraction * 100))%] \(text) (\(Int(now - start)) s)\n")
        }
    }

    func finish() { if isTTY { write("\n") } }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// Prints one line to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
