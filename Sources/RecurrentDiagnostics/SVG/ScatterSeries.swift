import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Dots at (x, y) points, each with an optional tooltip.
public struct ScatterSeries: ChartSeries {
    /// The legend's name for the points (nil: not in the legend).
    public var name: String?
    /// The points.
    public var points: [(x: Double, y: Double)]
    /// The CSS fill colour.
    public var color: String
    /// The marker radius in pixels (default 3).
    public var radius: Double
    /// One tooltip per point (empty: none).
    public var tooltips: [String]

    /// Markers at `points`.
    public init(_ name: String?, points: [(x: Double, y: Double)], color: String, radius: Double = 3,
                tooltips: [String] = []) {
        precondition(tooltips.isEmpty || tooltips.count == points.count, "ScatterSeries: one tooltip per point")
        self.name = name
        self.points = points
        self.color = color
        self.radius = radius
        self.tooltips = tooltips
    }

    public var legend: LegendEntry? { name.map { LegendEntry($0, color: color, swatch: .marker) } }
    public var xExtent: [Double] { points.map(\.x) }
    public var yExtent: [Double] { points.map(\.y) }

    public func render(x: Scale, y: Scale) -> SVGElement {
        let dots = points.enumerated().compactMap { i, p -> SVGElement? in
            guard let px = x(p.x), let py = y(p.y) else { return nil }
            var c = SVGElement.circle(cx: px, cy: py, r: radius, fill: color)
            if !tooltips.isEmpty { c.children = [.title(tooltips[i])] }
            return c
        }
        return .group(dots, seriesAttributes("scatter", name))
    }
}
