import Foundation
import Testing
@testable import Recurrent

/// The built `rnn` executable, end to end. The test target does not depend on the executable
/// (and `swift test` does not relink it), so these tests run only when an `rnn` binary at
/// least as new as every file under Sources/ is found — next to the test bundle, in a sibling
/// configuration folder (`.build/release/rnn` after `.ci/run`'s release build), or at
/// `$RNN_BINARY` — and are skipped otherwise. The library-level tests cover the same functions.
@Suite struct DiagnosticsCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The modification date of the newest file under Sources/.
    static func newestSource() -> Date {
        let fm = FileManager.default
        var newest = Date.distantPast
        let sources = packageRoot.appendingPathComponent("Sources")
        guard let files = fm.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey]) else { return newest }
        for case let url as URL in files {
            if let d = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, d > newest { newest = d }
        }
        return newest
    }

    static let rnn: String? = {
        let fm = FileManager.default
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["RNN_BINARY"] { candidates.append(env) }
        for start in [CommandLine.arguments.first, Bundle.main.executablePath].compactMap({ $0 }) {
            var dir = URL(fileURLWithPath: start).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(dir.appendingPathComponent("rnn").path)
                dir = dir.deletingLastPathComponent()
            }
            // debug/ and release/ side by side (also under <triple>/).
            let configs = URL(fileURLWithPath: start).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            candidates += ["debug", "release"].map { configs.appendingPathComponent($0).appendingPathComponent("rnn").path }
        }
        let newest = newestSource()
        return candidates.first { path in
            guard fm.isExecutableFile(atPath: path),
                  let built = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return false }
            return built >= newest
        }
    }()

    @Test(.enabled(if: rnn != nil, "no rnn executable newer than the sources (swift build, or RNN_BINARY)"))
    func gradientsCommandPrintsRatiosAndWritesReport() throws {
        let dir = try ExternalProcess.temporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("g.html").path
        let r = try ExternalProcess.run(Self.rnn!, ["gradients", "--steps", "20", "--train-steps", "4", "--hidden", "8",
                                                    "--batch", "4", "--recurrent-scale", "3", "--clip-norm", "1",
                                                    "--report", report])
        #expect(r.status == 0, "\(r.stderr)")
        for needle in ["‖∂L/∂h_1‖/‖∂L/∂h_T‖", "rnn   init", "lstm  init, gate bias +1", "gru   trained", "clipped to 1",
                       "report: \(report)"] {
            #expect(r.stdout.contains(needle), "missing “\(needle)” in:\n\(r.stdout)")
        }
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("data-chart=\"ratio\""))
    }

    @Test(.enabled(if: rnn != nil, "no rnn executable newer than the sources (swift build, or RNN_BINARY)"))
    func unfoldCommandWritesDotAndSVG() throws {
        let dot = try ExternalProcess.run(Self.rnn!, ["unfold", "--cell", "lstm", "--steps", "3", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout == UnfoldedGraph(cell: .lstm, steps: 3).dot)
        let dir = try ExternalProcess.temporaryDirectory("cli-unfold")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.svg").path
        let svg = try ExternalProcess.run(Self.rnn!, ["unfold", "--cell", "gru", "--steps", "12", "--out", out])
        #expect(svg.status == 0 && svg.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == UnfoldedGraph(cell: .gru, steps: 12).svgDocument().standalone)
        let bad = try ExternalProcess.run(Self.rnn!, ["unfold", "--cell", "transformer"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown cell 'transformer'"))
    }

    @Test(.enabled(if: rnn != nil, "no rnn executable newer than the sources (swift build, or RNN_BINARY)"))
    func gradientsCommandRejectsBadOptions() throws {
        let r = try ExternalProcess.run(Self.rnn!, ["gradients", "--steps", "1"])
        #expect(r.status != 0 && r.stderr.contains("--steps must be at least 2"))
        let c = try ExternalProcess.run(Self.rnn!, ["gradients", "--cell", "elman"])
        #expect(c.status != 0 && c.stderr.contains("unknown cell 'elman'"))
    }
}
