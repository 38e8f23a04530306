import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct DiagnosticsUnfoldTests {
    @Test(arguments: CellKind.allCases)
    func graphHasEveryStepAndBothGradientPaths(_ cell: CellKind) {
        let g = UnfoldedGraph(cell: cell, steps: 5)
        let perStep = cell == .lstm ? 5 : 4
        #expect(g.nodes.count == perStep * 5 + (cell == .lstm ? 2 : 1))
        #expect(Set(g.nodes.map(\.id)).count == g.nodes.count)
        for e in g.edges { #expect(g.node(e.from) != nil && g.node(e.to) != nil) }
        for t in 1...5 {
            #expect(g.edges.contains { $0.kind == .forward && $0.from == "h\(t - 1)" && $0.to == "h\(t)" })
            #expect(g.edges.contains { $0.kind == .explicitGradient && $0.from == "L\(t)" && $0.to == "y\(t)" })
            #expect(g.edges.contains { $0.kind == .explicitGradient && $0.from == "y\(t)" && $0.to == "h\(t)" })
            #expect(g.edges.contains { $0.kind == .implicitGradient && $0.from == "h\(t)" && $0.to == "h\(t - 1)" })
            #expect(g.edges.contains { $0.kind == .implicitGradient && $0.from == "c\(t)" && $0.to == "c\(t - 1)" } == (cell == .lstm))
        }
        // Every gradient edge retraces a forward dependency backwards (possibly through c).
        for e in g.edges where e.kind != .forward {
            #expect(g.edges.contains { $0.kind == .forward && $0.from == e.to && $0.to == e.from }, "\(e.from)→\(e.to)")
        }
    }

    @Test func dotDeclaresNodesAndStylesEdges() {
        let dot = UnfoldedGraph(cell: .lstm, steps: 3).dot
        #expect(dot.hasPrefix("digraph \"unfolded_lstm_3\" {"))
        #expect(dot.hasSuffix("}\n"))
        #expect(dot.filter { $0 == "{" }.count == dot.filter { $0 == "}" }.count)
        #expect(dot.contains("c2 -> c1 [label=\"f_2 ⊙\", color=\"#1f77b4\""))
        #expect(dot.contains("L3 -> y3 [label=\"∂L_3/∂y_3\", color=\"#d62728\""))
        #expect(dot.contains("constraint=false"))
        #expect(dot.contains("x1 [label=<x<SUB>1</SUB>>"))
        #expect(dotQuoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test func svgIsWellFormedWithNodesEdgesAndLegend() {
        let svg = UnfoldedGraph(cell: .gru, steps: 4).svgDocument().standalone
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.counts["circle"] == 4 * 4 + 1)
        #expect(check.counts["marker"] == 3)
        #expect(check.attributesSeen.filter { $0["class"] == "edge explicit" }.count == 8)
        #expect(check.attributesSeen.filter { $0["class"] == "edge implicit" }.count == 4)
        #expect(svg.contains("GRU unrolled over 4 steps"))
        #expect(svg.contains("implicit gradient"))
    }

    @Test func longUnrollsAreElidedInSVGButCompleteInDOT() {
        let g = UnfoldedGraph(cell: .rnnTanh, steps: 100)
        let svg = g.svgDocument().standalone
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.counts["circle"] == 5 * 4 + 1)  // steps 1, 2, 3, 99, 100 and h0
        #expect(svg.contains("⋯") && svg.contains("t = 99") && !svg.contains("t = 50"))
        #expect(g.dot.contains("h99 -> h100") && g.dot.contains("L100 -> y100"))
    }

    @Test func subscriptDigitsForLabels() {
        #expect(subscriptDigits("∂L_12/∂y_3 and W_hh") == "∂L₁₂/∂y₃ and W_hh")
    }
}
