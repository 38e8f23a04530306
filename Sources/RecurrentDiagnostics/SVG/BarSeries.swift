import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Vertical bars from the baseline (0, or the bottom of a log axis) to each value, centred
/// on their x with a width in x units. Several bar series side by side: give each an
/// ``offset`` (x units) and a narrower width.
public struct BarSeries: ChartSeries {
    /// The legend label (nil: none).
    public var name: String?
    /// Bar centres and heights.
    public var bars: [(x: Double, value: Double)]
    /// Fill colour.
    public var color: String
    /// Bar width in x units.
    public var width: Double
    /// Shift of every bar along x, in x units (for grouped bars).
    public var offset: Double
    /// One tooltip per bar (empty: the value).
    public var tooltips: [String]

    /// Bars, optionally named and offset.
    public init(_ name: String?, bars: [(x: Double, value: Double)], color: String, width: Double = 0.8,
                offset: Double = 0, tooltips: [String] = []) {
        precondition(tooltips.isEmpty || tooltips.count == bars.count, "BarSeries: one tooltip per bar")
        self.name = name
        self.bars = bars
        self.color = color
        self.width = width
        self.offset = offset
        self.tooltips = tooltips
    }

    public var legend: LegendEntry? { name.map { LegendEntry($0, color: color, swatch: .box) } }
    public var xExtent: [Double] { bars.flatMap { [$0.x + offset - width / 2, $0.x + offset + width / 2] } }
    public var yExtent: [Double] { bars.map(\.value) + [0] }

    public func render(x: Scale, y: Scale) -> SVGElement {
        let base = y.kind == .log ? y.domain.lowerBound : 0
        let rects = bars.enumerated().compactMap { i, b -> SVGElement? in
            guard let x0 = x(b.x + offset - width / 2), let x1 = x(b.x + offset + width / 2),
                  let y0 = y.clamped(base), let y1 = y.clamped(b.value) else { return nil }
            return SVGElement.rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0), fill: color)
                .adding(.title(tooltips.isEmpty ? compact(b.value) : tooltips[i]))
        }
        return .group(rects, seriesAttributes("bar", name))
    }
}

extension SVGElement {
    /// A copy with one more child.
    public func adding(_ child: SVGElement) -> SVGElement {
        var e = self
        e.children.append(child)
        return e
    }
}
