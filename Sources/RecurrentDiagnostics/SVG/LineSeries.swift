import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A polyline through (x, y) points, sorted by x; gaps where y is not finite (or ≤ 0 on a
/// log axis). Long series are reduced with ``minMaxDecimated(_:maxPoints:)``.
public struct LineSeries: ChartSeries {
    /// The legend's name for the line (nil: not in the legend).
    public var name: String?
    /// The (x, y) points.
    public var points: [(x: Double, y: Double)]
    /// The CSS stroke colour.
    public var color: String
    /// The stroke width in pixels (default 1.5).
    public var width: Double
    /// Whether the line is dashed.
    public var dashed: Bool
    /// Also draw a dot at each point (for sparse series such as evaluations).
    public var markers: Bool

    /// - Parameter maxPoints: the most points kept (default 2,000).
    public init(_ name: String?, points: [(x: Double, y: Double)], color: String, width: Double = 1.5,
                dashed: Bool = false, markers: Bool = false, maxPoints: Int = 2000) {
        self.name = name
        self.points = minMaxDecimated(points, maxPoints: maxPoints)
        self.color = color
        self.width = width
        self.dashed = dashed
        self.markers = markers
    }

    /// y_i at x = i + 1 (i = 0…n−1).
    public init(_ name: String?, values: [Double], color: String, width: Double = 1.5, dashed: Bool = false,
                markers: Bool = false, maxPoints: Int = 2000) {
        self.init(name, points: values.enumerated().map { (Double($0.offset + 1), $0.element) }, color: color,
                  width: width, dashed: dashed, markers: markers, maxPoints: maxPoints)
    }

    public var legend: LegendEntry? {
        name.map { LegendEntry($0, color: color, swatch: dashed ? .dashedLine : (markers ? .marker : .line)) }
    }
    public var xExtent: [Double] { points.map(\.x) }
    public var yExtent: [Double] { points.map(\.y) }

    public func render(x: Scale, y: Scale) -> SVGElement {
        var path = SVGPath()
        var dots: [SVGElement] = []
        for p in points {
            guard let px = x(p.x), let py = y(p.y) else {
                path.lift()
                continue
            }
            path.line(px, py)
            if markers { dots.append(.circle(cx: px, cy: py, r: 2.5, fill: color)) }
        }
        var line: [(String, String)] = [("stroke-linejoin", "round")]
        if dashed { line.append(("stroke-dasharray", "5 3")) }
        let body = path.isEmpty ? [] : [SVGElement.path(path.d, stroke: color, width: width, line)]
        return .group(body + dots, seriesAttributes("line", name))
    }
}
