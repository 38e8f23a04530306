import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A chart: axes with nice ticks (linear, logarithmic or categorical), gridlines, a title, a
/// legend and any number of series, rendered as one `<svg>`.
///
///     var chart = Chart(title: "Loss", xLabel: "step", yLabel: "loss", yKind: .log)
///     chart.series.append(LineSeries("train", points: pts, color: Palette.color(0)))
///     let svg = chart.element        // inline in HTML, or chart.document.standalone
public struct Chart: Sendable {
    /// Drawn at the top left and as the SVG title.
    public var title: String?
    /// Size of the drawing in pixels (it scales down to fit a page).
    public var width: Double
    /// Height of the drawing in pixels.
    public var height: Double
    /// Axis titles.
    public var xLabel: String?
    /// The y axis's title.
    public var yLabel: String?
    /// Linear or logarithmic axes.
    public var xKind: Scale.Kind
    /// Linear or logarithmic y axis.
    public var yKind: Scale.Kind
    /// Fixed axis ranges (default: covering the series, widened to nice ticks).
    public var xDomain: ClosedRange<Double>?
    /// A fixed y range (default: covering the series).
    public var yDomain: ClosedRange<Double>?
    /// Names for x = 0, 1, … (a categorical axis: bars, heatmap columns).
    public var xCategories: [String]?
    /// Names for y = 0, 1, …
    public var yCategories: [String]?
    /// y grows downwards (row 0 at the top, as in a matrix).
    public var yReversed = false
    /// The y axis includes 0 (bars, rates).
    public var yIncludesZero = false
    /// What is drawn, in order (later on top).
    public var series: [any ChartSeries] = []
    /// Written as `data-chart` on the root, to find the chart in a page.
    public var id: String?

    /// An empty chart (900 × 280 pixels by default, linear axes); add ``series``.
    public init(title: String? = nil, width: Double = 900, height: Double = 280, xLabel: String? = nil,
                yLabel: String? = nil, xKind: Scale.Kind = .linear, yKind: Scale.Kind = .linear, id: String? = nil) {
        self.title = title
        self.width = width
        self.height = height
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xKind = xKind
        self.yKind = yKind
        self.id = id
    }

    /// The chart as a standalone drawing.
    public var document: SVGDocument {
        let e = element
        return SVGDocument(width: width, height: height, title: title, content: e.children,
                           attributes: e.attributes.filter { !["xmlns", "width", "height", "viewBox", "role"].contains($0.name) }
                               .map { ($0.name, $0.value) })
    }

    /// The chart as an `<svg>` element.
    public var element: SVGElement {
        let heatmaps = series.compactMap { $0 as? HeatmapSeries }
        let legend = Legend(entries: series.compactMap(\.legend))
        let fontSize = 11.0

        // Vertical layout: title, legend, plot, x tick labels, x label.
        let top: Double = 8 + (title == nil ? 0 : 20) + Double(legend.layout(width: width - 80).rows) * Legend.rowHeight
        let right: Double = 14 + (heatmaps.isEmpty ? 0 : 78)
        var bottom: Double = 24 + (xLabel == nil ? 0 : 16)

        // y scale first (its tick labels set the left margin).
        let plotBottomGuess = height - bottom
        var yScale = makeScale(kind: yKind, categories: yCategories, fixed: yDomain, extent: series.flatMap(\.yExtent),
                               includeZero: yIncludesZero, nice: heatmaps.isEmpty, start: plotBottomGuess, end: top)
        let yTicks = ticks(yScale, yCategories)
        let yLabels = yTicks.map { label($0, yScale, yCategories, yTicks) }
        let left = max(40, (yLabels.map { SVGElement.textWidth($0, size: fontSize) }.max() ?? 0) + 12) + (yLabel == nil ? 0 : 18)

        var xScale = makeScale(kind: xKind, categories: xCategories, fixed: xDomain, extent: series.flatMap(\.xExtent),
                               includeZero: false, nice: heatmaps.isEmpty && xCategories == nil, start: left, end: width - right)
        let xTicks = ticks(xScale, xCategories)
        let xLabels = xTicks.map { label($0, xScale, xCategories, xTicks) }
        let columnWidth = (xScale.end - xScale.start) / Double(max(xTicks.count, 1))
        let widest = xLabels.map { SVGElement.textWidth($0, size: fontSize) }.max() ?? 0
        let rotateX = xCategories != nil && widest > columnWidth - 4
        if rotateX { bottom += min(widest, 90) * 0.6 }
        let plotBottom = height - bottom
        yScale.start = yReversed ? top : plotBottom
        yScale.end = yReversed ? plotBottom : top
        xScale.start = left
        xScale.end = width - right

        var parts: [SVGElement] = [.rect(x: left, y: top, width: xScale.end - left, height: plotBottom - top, fill: "#ffffff",
                                         [("stroke", "#cccccc")])]
        // Gridlines and y ticks.
        for (t, text) in zip(yTicks, yLabels) {
            guard let py = yScale(t) else { continue }
            if yCategories == nil { parts.append(.line(x1: left, y1: py, x2: xScale.end, y2: py, stroke: "#ececec")) }
            parts.append(.text(text, x: left - 6, y: py + 3.5, anchor: "end", size: fontSize, fill: "#444444"))
        }
        for (t, text) in zip(xTicks, xLabels) {
            guard let px = xScale(t) else { continue }
            parts.append(.line(x1: px, y1: plotBottom, x2: px, y2: plotBottom + 4, stroke: "#888888"))
            if rotateX {
                parts.append(.text(text, x: px, y: plotBottom + 14, anchor: "end", size: fontSize, fill: "#444444", rotate: -35))
            } else {
                // A label that would stick out of the drawing is aligned to its edge instead.
                let half = SVGElement.textWidth(text, size: fontSize) / 2
                let anchor = px + half > width - 2 ? "end" : (px - half < 2 ? "start" : "middle")
                let x = anchor == "end" ? min(px + half, width - 2) : (anchor == "start" ? max(px - half, 2) : px)
                parts.append(.text(text, x: x, y: plotBottom + 16, anchor: anchor, size: fontSize, fill: "#444444"))
            }
        }
        parts.append(.group(series.map { $0.render(x: xScale, y: yScale) }, [("class", "plot")]))
        if let h = heatmaps.first {
            parts.append(h.colorBar(x: xScale.end + 10, y: top, height: plotBottom - top))
        }
        if let title { parts.append(.text(title, x: left, y: 20, size: 13, fill: "#222222", weight: "600", [("class", "title")])) }
        if !legend.entries.isEmpty { parts.append(legend.render(x: left, y: top - Double(legend.layout(width: width - 80).rows) * Legend.rowHeight - 2, width: width - 80)) }
        if let xLabel { parts.append(.text(xLabel, x: (left + xScale.end) / 2, y: height - 6, anchor: "middle", size: fontSize, fill: "#444444")) }
        if let yLabel {
            parts.append(.text(yLabel, x: 12, y: (top + plotBottom) / 2, anchor: "middle", size: fontSize, fill: "#444444", rotate: -90))
        }
        var attributes: [(String, String)] = [("class", "chart"), ("font-family", "-apple-system, Segoe UI, Roboto, Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif")]
        if let id { attributes.append(("data-chart", id)) }
        return SVGDocument(width: width, height: height, title: title, content: parts, attributes: attributes).element
    }

    private func makeScale(kind: Scale.Kind, categories: [String]?, fixed: ClosedRange<Double>?, extent: [Double],
                           includeZero: Bool, nice: Bool, start: Double, end: Double) -> Scale {
        if let categories { return Scale(.linear, domain: -0.5...(Double(max(categories.count, 1)) - 0.5), start: start, end: end) }
        if let fixed { return Scale(kind, domain: fixed, start: start, end: end) }
        return Scale.covering(extent, kind: kind, start: start, end: end, includeZero: includeZero, nice: nice)
    }

    private func ticks(_ scale: Scale, _ categories: [String]?) -> [Double] {
        guard let categories else { return scale.ticks(count: 6) }
        // At most ~40 labelled categories; every k-th beyond that.
        let every = max(1, (categories.count + 39) / 40)
        return stride(from: 0, to: categories.count, by: every).map(Double.init)
    }

    private func label(_ v: Double, _ scale: Scale, _ categories: [String]?, _ ticks: [Double]) -> String {
        guard let categories else { return scale.label(v, ticks: ticks) }
        let i = Int(v.rounded())
        return categories.indices.contains(i) ? categories[i] : ""
    }
}
