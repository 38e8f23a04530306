import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A grid of coloured cells (viridis): `values[row][column]`, rows along y and columns
/// along x, spread evenly over the ``xSpan`` and ``ySpan`` of the data axes. Missing values
/// (not finite, or ≤ 0 with logarithmic colours) are left blank.
///
/// Large grids are drawn compactly, one `<path>` per colour level with runs of equal colour
/// merged; small ones (``showValues``) as one rectangle per cell with its value written in
/// it and as tooltip.
public struct HeatmapSeries: ChartSeries {
    /// The cells' values, `values[row][column]`.
    public var values: [[Double]]
    /// x from the left edge of column 0 to the right edge of the last column.
    public var xSpan: ClosedRange<Double>
    /// y from the edge of row 0 to the far edge of the last row.
    public var ySpan: ClosedRange<Double>
    /// Colours on a log10 scale of the values.
    public var logColors: Bool
    /// The values mapped to the ends of the colour map (default: the data's range).
    public var colorDomain: ClosedRange<Double>
    /// Colour levels (the drawing quantises to this many).
    public var levels: Int
    /// Write each value in its cell (for small grids such as confusion matrices).
    public var showValues: Bool
    /// The label of the colour bar.
    public var valueLabel: String
    /// Text written in each cell instead of its value, when ``showValues`` (same shape as
    /// ``values``), e.g. counts in a matrix coloured by rates.
    public var cellLabels: [[String]]?

    public init(values: [[Double]], xSpan: ClosedRange<Double>, ySpan: ClosedRange<Double>, logColors: Bool = false,
                colorDomain: ClosedRange<Double>? = nil, levels: Int = 48, showValues: Bool = false, valueLabel: String = "",
                cellLabels: [[String]]? = nil) {
        precondition(levels >= 2, "HeatmapSeries needs at least two colour levels")
        self.values = values
        self.xSpan = xSpan
        self.ySpan = ySpan
        self.logColors = logColors
        self.levels = levels
        self.showValues = showValues
        self.valueLabel = valueLabel
        self.cellLabels = cellLabels
        let usable = values.joined().filter { $0.isFinite && (!logColors || $0 > 0) }
        let lo = usable.min() ?? (logColors ? 1 : 0), hi = usable.max() ?? (logColors ? 10 : 1)
        self.colorDomain = colorDomain ?? (lo...(hi > lo ? hi : (logColors ? lo * 10 : lo + 1)))
    }

    public var legend: LegendEntry? { nil }
    public var xExtent: [Double] { [xSpan.lowerBound, xSpan.upperBound] }
    public var yExtent: [Double] { [ySpan.lowerBound, ySpan.upperBound] }

    /// The position of `v` in the colour domain, 0…1 (nil for a missing value).
    public func colorPosition(_ v: Double) -> Double? {
        guard v.isFinite, !logColors || v > 0 else { return nil }
        let t: (Double) -> Double = logColors ? { Double.log10($0) } : { $0 }
        let a = t(colorDomain.lowerBound), b = t(colorDomain.upperBound)
        return b > a ? min(max((t(v) - a) / (b - a), 0), 1) : 0.5
    }

    private func level(_ v: Double) -> Int? {
        colorPosition(v).map { min(Int($0 * Double(levels)), levels - 1) }
    }

    private func levelColor(_ l: Int) -> String { Palette.viridis((Double(l) + 0.5) / Double(levels)) }

    public func render(x: Scale, y: Scale) -> SVGElement {
        let rows = values.count, cols = values.map(\.count).max() ?? 0
        guard rows > 0, cols > 0 else { return .group([], seriesAttributes("heatmap", nil)) }
        let dx = (xSpan.upperBound - xSpan.lowerBound) / Double(cols)
        let dy = (ySpan.upperBound - ySpan.lowerBound) / Double(rows)
        func box(_ r: Int, _ c0: Int, _ c1: Int) -> (x: Double, y: Double, w: Double, h: Double)? {
            guard let xa = x(xSpan.lowerBound + Double(c0) * dx), let xb = x(xSpan.lowerBound + Double(c1) * dx),
                  let ya = y(ySpan.lowerBound + Double(r) * dy), let yb = y(ySpan.lowerBound + Double(r + 1) * dy) else { return nil }
            return (min(xa, xb), min(ya, yb), abs(xb - xa), abs(yb - ya))
        }
        if showValues {
            var cells: [SVGElement] = []
            for (r, row) in values.enumerated() {
                for (c, v) in row.enumerated() {
                    guard let l = level(v), let b = box(r, c, c + 1) else { continue }
                    let label = cellLabels.flatMap { r < $0.count && c < $0[r].count ? $0[r][c] : nil } ?? compact(v)
                    cells.append(.rect(x: b.x, y: b.y, width: b.w, height: b.h, fill: levelColor(l)).adding(.title(label)))
                    cells.append(.text(label, x: b.x + b.w / 2, y: b.y + b.h / 2 + 4, anchor: "middle", size: min(11, b.h * 0.5),
                                       fill: Double(l) / Double(levels) > 0.6 ? "#222222" : "#ffffff"))
                }
            }
            return .group(cells, seriesAttributes("heatmap", nil))
        }
        // One path per colour level; horizontal runs of one level merged into one rectangle.
        var paths = [SVGPath](repeating: SVGPath(), count: levels)
        for (r, row) in values.enumerated() {
            var c = 0
            while c < row.count {
                guard let l = level(row[c]) else { c += 1; continue }
                var end = c + 1
                while end < row.count, level(row[end]) == l { end += 1 }
                if let b = box(r, c, end) { paths[l].rect(x: b.x, y: b.y, width: b.w, height: b.h) }
                c = end
            }
        }
        let elements = paths.enumerated().compactMap { l, p in p.isEmpty ? nil : SVGElement.path(p.d, fill: levelColor(l)) }
        return .group(elements, seriesAttributes("heatmap", nil) + [("shape-rendering", "crispEdges")])
    }

    /// A vertical colour bar with ticks on its right, `height` tall, its top-left at (x, y).
    public func colorBar(x: Double, y: Double, height: Double, width: Double = 12) -> SVGElement {
        var parts: [SVGElement] = []
        let step = height / Double(levels)
        for l in 0..<levels {
            parts.append(.rect(x: x, y: y + height - Double(l + 1) * step, width: width, height: step + 0.5, fill: levelColor(l)))
        }
        let scale = Scale(logColors ? .log : .linear, domain: colorDomain, start: y + height, end: y)
        let ticks = scale.ticks(count: 5)
        for t in ticks {
            guard let py = scale(t) else { continue }
            parts.append(.line(x1: x + width, y1: py, x2: x + width + 3, y2: py, stroke: "#555555"))
            parts.append(.text(scale.label(t, ticks: ticks), x: x + width + 5, y: py + 3.5, size: 10, fill: "#333333"))
        }
        if !valueLabel.isEmpty {
            parts.append(.text(valueLabel, x: x + width + 44, y: y + height / 2, anchor: "middle", size: 10, fill: "#333333",
                               rotate: 90))
        }
        return .group(parts, [("class", "colorbar")])
    }
}
