import Foundation
import Testing
@testable import Recurrent

/// The built `rnn` executable, end to end. The test target does not depend on the executable,
/// so these run when a build has put `rnn` next to the test bundle (as `swift build` followed
/// by `swift test`, or `swift test` after any full build, does) or where `RNN_BINARY` points,
/// and are skipped otherwise. The library-level tests cover the same functions.
@Suite struct DiagnosticsCommandTests {
    static let rnn: String? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["RNN_BINARY"], fm.isExecutableFile(atPath: env) { return env }
        let starts = [CommandLine.arguments.first, Bundle.main.executablePath].compactMap { $0 }
        for start in starts {
            var dir = URL(fileURLWithPath: start).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("rnn").path
                if fm.isExecutableFile(atPath: candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        return nil
    }()

    @Test(.enabled(if: rnn != nil, "the rnn executable is not built next to the tests"))
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

    @Test(.enabled(if: rnn != nil, "the rnn executable is not built next to the tests"))
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

    @Test(.enabled(if: rnn != nil, "the rnn executable is not built next to the tests"))
    func gradientsCommandRejectsBadOptions() throws {
        let r = try ExternalProcess.run(Self.rnn!, ["gradients", "--steps", "1"])
        #expect(r.status != 0 && r.stderr.contains("--steps must be at least 2"))
        let c = try ExternalProcess.run(Self.rnn!, ["gradients", "--cell", "elman"])
        #expect(c.status != 0 && c.stderr.contains("unknown cell 'elman'"))
    }
}
