import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Rows of positive values drawn one character per column with the eight Unicode lower
/// blocks ▁▂▃▄▅▆▇█, on a logarithmic scale shared by all rows — a compact terminal chart of
/// quantities spanning many orders of magnitude.
///
/// Zero is drawn as `·` and a value that is not finite (an exploded gradient) as `!`. Rows
/// longer than ``maxColumns`` are averaged in log space into that many columns.
public struct TerminalLogChart: Sendable {
    /// The characters, lowest level first.
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The labelled rows of values, one chart line each.
    public var rows: [(label: String, values: [Double])]
    /// The most characters a row is drawn with (default 100).
    public var maxColumns: Int

    /// A chart of `rows`, each at most `maxColumns` characters wide.
    public init(rows: [(label: String, values: [Double])], maxColumns: Int = 100) {
        precondition(maxColumns >= 1, "TerminalLogChart needs at least one column")
        self.rows = rows
        self.maxColumns = maxColumns
    }

    /// log10 of the smallest and largest positive finite value over all rows (nil if none).
    public var log10Range: ClosedRange<Double>? {
        let logs = rows.flatMap(\.values).filter { $0 > 0 && $0.isFinite }.map { Double.log10($0) }
        guard let lo = logs.min(), let hi = logs.max() else { return nil }
        return lo...hi
    }

    /// The character for one value on the scale `range` (log10).
    public static func character(for value: Double, in range: ClosedRange<Double>?) -> Character {
        if value == 0 { return "·" }
        guard value.isFinite, value > 0, let range else { return "!" }
        let span = range.upperBound - range.lowerBound
        let f = span > 0 ? (Double.log10(value) - range.lowerBound) / span : 1
        let i = Int((f * Double(levels.count - 1)).rounded())
        return levels[min(max(i, 0), levels.count - 1)]
    }

    /// The values of one row bucketed into at most ``maxColumns`` columns (geometric mean of
    /// the positive values of a bucket; non-finite if any value of it is).
    public func columns(_ values: [Double]) -> [Double] {
        guard values.count > maxColumns else { return values }
        return (0..<maxColumns).map { c in
            let bucket = values[(c * values.count / maxColumns)..<((c + 1) * values.count / maxColumns)]
            if bucket.contains(where: { !$0.isFinite }) { return .infinity }
            let positive = bucket.filter { $0 > 0 }
            guard !positive.isEmpty else { return 0 }
            return Double.exp(positive.reduce(0) { $0 + Double.log($1) } / Double(positive.count))
        }
    }

    /// One line per row: the label padded to the longest, a space, the chart.
    public func lines() -> [String] {
        let range = log10Range
        let width = rows.map(\.label.count).max() ?? 0
        return rows.map { row in
            let chart = String(columns(row.values).map { Self.character(for: $0, in: range) })
            return row.label.padding(toLength: width, withPad: " ", startingAt: 0) + " " + chart
        }
    }

    /// "▁ = 1.0e-14 … █ = 2.5e-01 (log scale, ×10^1.8 per level)", or nil without data.
    public func legend() -> String? {
        guard let r = range else { return nil }
        let perLevel = (r.upperBound - r.lowerBound) / Double(Self.levels.count - 1)
        return "\(Self.levels.first!) = \(scientific(Double.pow(10, r.lowerBound))) … \(Self.levels.last!) = "
            + "\(scientific(Double.pow(10, r.upperBound))) (log scale shared by all rows, ×10^\(fixed(perLevel, 1)) per level)"
    }

    private var range: ClosedRange<Double>? { log10Range }
}
