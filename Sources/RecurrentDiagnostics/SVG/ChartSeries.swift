import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Something a ``Chart`` draws inside its plot area.
public protocol ChartSeries: Sendable {
    /// The entry in the chart's legend (nil: none).
    var legend: LegendEntry? { get }
    /// Values the x axis must cover.
    var xExtent: [Double] { get }
    /// Values the y axis must cover.
    var yExtent: [Double] { get }
    /// The series' elements for the chart's scales.
    func render(x: Scale, y: Scale) -> SVGElement
}

/// One entry of a legend: a swatch and a label.
public struct LegendEntry: Sendable, Equatable {
    /// How the legend draws the entry's sample.
    public enum Swatch: Sendable, Equatable { case line, dashedLine, marker, box }
    /// The entry's text.
    public var label: String
    /// The CSS colour of its sample.
    public var color: String
    /// The kind of sample drawn.
    public var swatch: Swatch

    /// An entry labelled `label`, drawn in `color` as `swatch`.
    public init(_ label: String, color: String, swatch: Swatch) {
        self.label = label
        self.color = color
        self.swatch = swatch
    }
}

/// Attributes identifying a series in the markup (tests and readers of the file use them).
func seriesAttributes(_ kind: String, _ name: String?) -> [(String, String)] {
    [("class", "series " + kind)] + (name.map { [("data-series", $0)] } ?? [])
}
