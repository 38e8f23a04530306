import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// `rnn gradients` and `rnn unfold`, end to end through the built binary.
@Suite struct DiagnosticsCommandTests {
    @Test
    func gradientsCommandPrintsRatiosAndWritesReport() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("g.html").path
        let r = try CLI.run(["gradients", "--steps", "20", "--train-steps", "4", "--hidden", "8",
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

    @Test
    func unfoldCommandWritesDotAndSVG() throws {
        let dot = try CLI.run(["unfold", "--cell", "lstm", "--steps", "3", "--format", "dot"])
        #expect(dot.status == 0)
        #expect(dot.stdout == UnfoldedGraph(cell: .lstm, steps: 3).dot)
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("g.svg").path
        let svg = try CLI.run(["unfold", "--cell", "gru", "--steps", "12", "--out", out])
        #expect(svg.status == 0 && svg.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == UnfoldedGraph(cell: .gru, steps: 12).svgDocument().standalone)
        let bad = try CLI.run(["unfold", "--cell", "transformer"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown cell 'transformer'"))
    }

    @Test
    func gradientsCommandRejectsBadOptions() throws {
        let r = try CLI.run(["gradients", "--steps", "1"])
        #expect(r.status != 0 && r.stderr.contains("--steps must be at least 2"))
        let c = try CLI.run(["gradients", "--cell", "elman"])
        #expect(c.status != 0 && c.stderr.contains("unknown cell 'elman'"))
        // Sizes that cannot fit in memory are refused before anything is allocated (they
        // crashed in the allocator).
        for options in [["--hidden", "100000000"], ["--steps", "100000000"], ["--batch", "100000000"]] {
            let m = try CLI.run(["gradients"] + options)
            #expect(m.status != 0 && m.stderr.contains("of memory") && m.stderr.contains(options.joined(separator: " "))
                        && !m.stderr.contains("Fatal error"), "\(options): \(m.stderr)")
        }
    }
}
