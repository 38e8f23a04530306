import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A standalone SVG drawing of an ``UnfoldedGraph``, laid out here (no Graphviz): one column
/// per step (h₀, c₀ on the left), rows from the loss at the top to the input at the bottom.
/// Gradient edges curve beside the forward ones they retrace. Beyond `maxColumns` steps the
/// middle steps are elided ("⋯"): the first three and the last two are drawn.
extension UnfoldedGraph {
    /// The drawing, with at most `maxColumns` step columns before the middle steps are elided.
    public func svgDocument(maxColumns: Int = 10) -> SVGDocument {
        let layout = UnfoldLayout(self, maxColumns: maxColumns)
        var (edgeElements, labels) = edgeDrawings(layout)
        let (stubs, ellipses) = elisionDrawings(layout)
        edgeElements += stubs
        labels += ellipses
        // Row captions on the left edge of each step column header.
        var header: [SVGElement] = []
        for t in layout.visible {
            guard let col = layout.column[t] else { continue }
            header.append(.text("t = \(t)", x: layout.left + Double(col) * layout.colWidth, y: layout.top - 34,
                                anchor: "middle", size: 11, fill: "#666666"))
        }
        let title = "\(cellName) unrolled over \(steps) step\(steps == 1 ? "" : "s")"
        let body: [SVGElement] = [
            SVGElement("defs", children: Self.arrowMarkers),
            .rect(x: 0, y: 0, width: layout.width, height: layout.height, fill: "#ffffff"),
            .text(title, x: 20, y: 24, size: 15, fill: "#222222", weight: "600", [("class", "title")]),
            .group(header), .group(edgeElements, [("fill", "none")]), .group(nodeDrawings(layout)), .group(labels),
            .group(legendDrawings(layout), [("class", "legend")]),
        ]
        return SVGDocument(width: max(layout.width, 620), height: layout.height, title: title, content: body,
                           attributes: [("font-family", "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"), ("class", "unfolded")])
    }

    /// Where everything goes: one column per visible step (0 = the initial state, a gap
    /// column after the elided point), one row per kind of node.
    private struct UnfoldLayout {
        let visible: [Int]
        let elidedAfter: Int?
        let rows: [NodeKind]
        let colWidth = 150.0, rowHeight = 92.0, r = 19.0
        let left = 70.0, top = 92.0
        /// Column index of each visible step.
        let column: [Int: Int]
        let width: Double, height: Double

        init(_ graph: UnfoldedGraph, maxColumns: Int) {
            let steps = graph.steps
            visible = steps <= maxColumns ? Array(1...steps) : [1, 2, 3, steps - 1, steps]
            elidedAfter = steps <= maxColumns ? nil : 3
            rows = graph.cell == .lstm ? [.loss, .output, .hidden, .memory, .input] : [.loss, .output, .hidden, .input]
            var column: [Int: Int] = [0: 0]
            var c = 1
            for t in visible {
                column[t] = c
                c += 1
                if t == elidedAfter { c += 1 }
            }
            self.column = column
            width = left + Double(c - 1) * colWidth + 90
            height = top + Double(rows.count - 1) * rowHeight + 150
        }

        func position(_ n: Node) -> (x: Double, y: Double)? {
            guard let col = column[n.step], let row = rows.firstIndex(of: n.kind) else { return nil }
            return (left + Double(col) * colWidth, top + Double(row) * rowHeight)
        }
    }

    /// One arrowhead marker per edge kind, in its colour.
    private static var arrowMarkers: [SVGElement] {
        EdgeKind.allCases.map { kind in
            SVGElement("marker", [("id", "unfold-arrow-\(kind.rawValue)"), ("viewBox", "0 0 10 10"), ("refX", "9"),
                                  ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"),
                                  ("orient", "auto-start-reverse")],
                       children: [.path("M0 0L10 5L0 10z", fill: color(kind))])
        }
    }

    /// The edges between visible nodes, and the labels of the first step's forward edges and
    /// the last step's gradient edges.
    private func edgeDrawings(_ layout: UnfoldLayout) -> (edges: [SVGElement], labels: [SVGElement]) {
        let r = layout.r
        var edgeElements: [SVGElement] = []
        var labels: [SVGElement] = []
        for e in edges {
            guard let a = node(e.from), let b = node(e.to), let p = layout.position(a), let q = layout.position(b) else { continue }
            let color = Self.color(e.kind)
            let dx = q.x - p.x, dy = q.y - p.y
            let len = (dx * dx + dy * dy).squareRoot()
            guard len > 0 else { continue }
            let (ux, uy) = (dx / len, dy / len)
            var attrs: [(String, String)] = [("marker-end", "url(#unfold-arrow-\(e.kind.rawValue))"), ("class", "edge \(e.kind.rawValue)"),
                                             ("data-from", e.from), ("data-to", e.to)]
            let mid: (x: Double, y: Double)
            // A forward edge whose straight line would cross another node (x_t → h_t through
            // c_t in an LSTM) bows around it.
            let crosses = e.kind == .forward && nodes.contains { n in
                guard n.id != a.id, n.id != b.id, let o = layout.position(n) else { return false }
                let t = ((o.x - p.x) * ux + (o.y - p.y) * uy)
                guard t > 0, t < len else { return false }
                let px = p.x + ux * t - o.x, py = p.y + uy * t - o.y
                return (px * px + py * py).squareRoot() < r
            }
            if e.kind == .forward && !crosses {
                var path = SVGPath()
                path.move(p.x + ux * r, p.y + uy * r)
                path.line(q.x - ux * (r + 1), q.y - uy * (r + 1))
                edgeElements.append(.path(path.d, stroke: color, width: 1.4, attrs))
                mid = ((p.x + q.x) / 2, (p.y + q.y) / 2)
            } else {
                // A curve bowing to the right of the direction of travel (forward edges around a
                // node: to the left, wider).
                let bow = crosses ? -34.0 : 22.0
                let ctrl = ((p.x + q.x) / 2 - uy * bow, (p.y + q.y) / 2 + ux * bow)
                func toward(_ from: (x: Double, y: Double), _ to: (Double, Double), _ d: Double) -> (Double, Double) {
                    let vx = to.0 - from.x, vy = to.1 - from.y, l = (vx * vx + vy * vy).squareRoot()
                    return (from.x + vx / l * d, from.y + vy / l * d)
                }
                let s = toward(p, ctrl, r), t = toward(q, ctrl, r + 1)
                let d = "M\(svgNumber(s.0)) \(svgNumber(s.1))Q\(svgNumber(ctrl.0)) \(svgNumber(ctrl.1)) \(svgNumber(t.0)) \(svgNumber(t.1))"
                if !crosses { attrs.append(("stroke-dasharray", "5 3")) }
                edgeElements.append(.path(d, stroke: color, width: 1.4, attrs))
                mid = ((s.0 + 2 * ctrl.0 + t.0) / 4, (s.1 + 2 * ctrl.1 + t.1) / 4)
            }
            // Label the forward edges of the first step and the gradient edges of the last.
            let labelled = e.kind == .forward ? (a.step <= 1 && b.step == 1) : a.step == steps
            if labelled, let text = e.label {
                let horizontal = abs(dy) < 1
                // Horizontal edges: forward labels below the line, gradient labels above their curve.
                let x = horizontal ? mid.x : mid.x + (crosses ? -6 : 6)
                let y = horizontal ? (e.kind == .forward ? mid.y + 14 : mid.y - 6) : mid.y + 4
                labels.append(.text(subscriptDigits(text), x: x, y: y, anchor: horizontal ? "middle" : (crosses ? "end" : "start"),
                                    size: 10, fill: color, [("class", "edge-label \(e.kind.rawValue)")]))
            }
        }
        return (edgeElements, labels)
    }

    /// Stubs and ellipses for the elided steps (none when every step is drawn).
    private func elisionDrawings(_ layout: UnfoldLayout) -> (stubs: [SVGElement], ellipses: [SVGElement]) {
        guard let gapAfter = layout.elidedAfter, let gc = layout.column[gapAfter] else { return ([], []) }
        let colWidth = layout.colWidth, r = layout.r
        var stubs: [SVGElement] = [], ellipses: [SVGElement] = []
        let gx = layout.left + Double(gc + 1) * colWidth
        for (row, kind) in layout.rows.enumerated() {
            let y = layout.top + Double(row) * layout.rowHeight
            ellipses.append(.text("⋯", x: gx, y: y + 6, anchor: "middle", size: 22, fill: "#666666", [("class", "ellipsis")]))
            if kind == .hidden || kind == .memory {
                let forward = Self.color(.forward), implicit = Self.color(.implicitGradient)
                stubs.append(.line(x1: gx - colWidth + r, y1: y, x2: gx - 16, y2: y, stroke: forward, width: 1.4))
                stubs.append(.line(x1: gx + 16, y1: y, x2: gx + colWidth - r - 1, y2: y, stroke: forward,
                                   width: 1.4, [("marker-end", "url(#unfold-arrow-forward)")]))
                // The implicit gradient keeps flowing back through the elided steps.
                let dash: [(String, String)] = [("stroke-dasharray", "5 3")]
                stubs.append(.path("M\(svgNumber(gx + colWidth - r))  \(svgNumber(y - 6))Q\(svgNumber(gx + colWidth / 2)) \(svgNumber(y - 18)) \(svgNumber(gx + 16)) \(svgNumber(y - 12))",
                                   stroke: implicit, width: 1.4, dash))
                stubs.append(.path("M\(svgNumber(gx - 16)) \(svgNumber(y - 12))Q\(svgNumber(gx - colWidth / 2)) \(svgNumber(y - 18)) \(svgNumber(gx - colWidth + r + 1)) \(svgNumber(y - 6))",
                                   stroke: implicit, width: 1.4, dash + [("marker-end", "url(#unfold-arrow-implicit)")]))
            }
        }
        return (stubs, ellipses)
    }

    /// A circle with its symbol and step for every visible node.
    private func nodeDrawings(_ layout: UnfoldLayout) -> [SVGElement] {
        nodes.compactMap { n in
            guard let p = layout.position(n) else { return nil }
            let label = SVGElement("text", [("x", svgNumber(p.x)), ("y", svgNumber(p.y + 5)), ("text-anchor", "middle"),
                                            ("font-size", "16"), ("font-style", "italic")],
                                   children: [SVGElement("tspan", text: n.symbol),
                                              SVGElement("tspan", [("dy", "5"), ("font-size", "10"), ("font-style", "normal")],
                                                         text: String(n.step))])
            return .group([.circle(cx: p.x, cy: p.y, r: layout.r, fill: Self.fill(n.kind), [("stroke", "#555555")]), label],
                          [("class", "node \(n.kind.rawValue)"), ("data-node", n.id)])
        }
    }

    /// The key to the edge styles, and the note on elided steps.
    private func legendDrawings(_ layout: UnfoldLayout) -> [SVGElement] {
        var legend: [SVGElement] = []
        let ly = layout.top + Double(layout.rows.count - 1) * layout.rowHeight + 56
        for (i, (kind, text)) in Self.legend.enumerated() {
            let y = ly + Double(i) * 18
            var a: [(String, String)] = [("marker-end", "url(#unfold-arrow-\(kind.rawValue))")]
            if kind != .forward { a.append(("stroke-dasharray", "5 3")) }
            legend.append(.line(x1: 20, y1: y, x2: 56, y2: y, stroke: Self.color(kind), width: 1.4, a))
            legend.append(.text(subscriptDigits(text), x: 64, y: y + 4, size: 11, fill: "#333333"))
        }
        if layout.elidedAfter != nil {
            legend.append(.text("Steps 4 … \(steps - 2) are elided (⋯); the DOT output has all \(steps).",
                                x: 20, y: ly + 3 * 18 + 4, size: 11, fill: "#666666"))
        }
        return legend
    }
}

/// "∂L_4/∂y_4" → "∂L₄/∂y₄": digits after an underscore as Unicode subscripts.
func subscriptDigits(_ s: String) -> String {
    let sub: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
    var out = ""
    var chars = Array(s)[...]
    while let c = chars.popFirst() {
        if c == "_", let next = chars.first, sub[next] != nil {
            while let d = chars.first, let m = sub[d] {
                out.append(m)
                chars.removeFirst()
            }
        } else {
            out.append(c)
        }
    }
    return out
}
