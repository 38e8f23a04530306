import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A horizontal line across the plot at one y value (a threshold, a chance level).
public struct RuleSeries: ChartSeries {
    /// The legend's name for the line (nil: not in the legend).
    public var name: String?
    /// The y value the horizontal line marks.
    public var value: Double
    /// The CSS stroke colour.
    public var color: String

    /// A horizontal rule at y = `value` (grey by default).
    public init(_ name: String?, at value: Double, color: String = "#888888") {
        self.name = name
        self.value = value
        self.color = color
    }

    public var legend: LegendEntry? { name.map { LegendEntry($0, color: color, swatch: .dashedLine) } }
    public var xExtent: [Double] { [] }
    public var yExtent: [Double] { [value] }

    public func render(x: Scale, y: Scale) -> SVGElement {
        guard let py = y(value) else { return .group([], seriesAttributes("rule", name)) }
        return .group([.line(x1: x.start, y1: py, x2: x.end, y2: py, stroke: color, width: 1, [("stroke-dasharray", "4 3")])],
                      seriesAttributes("rule", name))
    }
}
