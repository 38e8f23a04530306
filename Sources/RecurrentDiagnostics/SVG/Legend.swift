import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Lays out legend entries left to right, wrapping to new rows within `width`.
struct Legend {
    static let rowHeight = 16.0
    let entries: [LegendEntry]

    /// Each entry's offset from the legend's top-left corner, and the rows used.
    func layout(width: Double) -> (positions: [(x: Double, y: Double)], rows: Int) {
        var x = 0.0, row = 0
        var positions: [(x: Double, y: Double)] = []
        for e in entries {
            let w = 22 + SVGElement.textWidth(e.label, size: 11) + 14
            if x > 0 && x + w > width {
                x = 0
                row += 1
            }
            positions.append((x, Double(row) * Self.rowHeight))
            x += w
        }
        return (positions, entries.isEmpty ? 0 : row + 1)
    }

    func render(x: Double, y: Double, width: Double) -> SVGElement {
        let (positions, _) = layout(width: width)
        var items: [SVGElement] = []
        for (e, p) in zip(entries, positions) {
            let sx = x + p.x, sy = y + p.y + 8
            let swatch: SVGElement
            switch e.swatch {
            case .line: swatch = .line(x1: sx, y1: sy, x2: sx + 18, y2: sy, stroke: e.color, width: 2)
            case .dashedLine: swatch = .line(x1: sx, y1: sy, x2: sx + 18, y2: sy, stroke: e.color, width: 2, [("stroke-dasharray", "5 3")])
            case .marker: swatch = .group([.line(x1: sx, y1: sy, x2: sx + 18, y2: sy, stroke: e.color, width: 1),
                                           .circle(cx: sx + 9, cy: sy, r: 3, fill: e.color)])
            case .box: swatch = .rect(x: sx + 3, y: sy - 5, width: 12, height: 10, fill: e.color)
            }
            items.append(.group([swatch, .text(e.label, x: sx + 22, y: sy + 4, size: 11, fill: "#333333")]))
        }
        return .group(items, [("class", "legend")])
    }
}
