import ArgumentParser
import Foundation
import Recurrent

/// `rnn unfold`: the unrolled computation graph with its gradient paths, as DOT or SVG.
struct Unfold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unfold",
        abstract: "Draw a recurrent cell unrolled over N steps, with the explicit and implicit gradient paths.",
        discussion: """
            Forward edges are solid; the explicit gradient (from each step's loss through y_t \
            into h_t) is red dashed; the implicit gradient (back through h_{t−1} → h_t, and c for \
            an LSTM) is blue dashed. SVG is laid out without Graphviz; DOT can be rendered with \
            `dot -Tpng`.
            Examples:
              rnn unfold --cell lstm --steps 4 --format svg --out lstm.svg
              rnn unfold --cell gru --steps 3 --format dot | dot -Tpng > gru.png
            """)

    @Option(help: "Cell: rnn, rnn-relu, lstm, gru.") var cell = "rnn"
    @Option(help: "Steps to unroll.") var steps = 4
    @Option(help: "Output format: svg or dot.") var format = "svg"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func validate() throws {
        guard CellKind(shortName: cell) != nil else { throw ValidationError("unknown cell '\(cell)' (rnn, rnn-relu, lstm, gru)") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard steps <= 10_000 else { throw ValidationError("--steps must be at most 10000, got \(steps)") }
        guard ["svg", "dot"].contains(format) else { throw ValidationError("unknown format '\(format)' (svg, dot)") }
    }

    func run() throws {
        try requireWritableOutput(out, option: "out")
        let graph = UnfoldedGraph(cell: CellKind(shortName: cell)!, steps: steps)
        let text = format == "dot" ? graph.dot : graph.svgDocument().standalone
        if let out {
            try atomicWrite(Data(text.utf8), to: URL(fileURLWithPath: out))
        } else {
            print(text, terminator: "")
        }
    }
}
