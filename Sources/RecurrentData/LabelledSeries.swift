import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A multivariate time series with a class label: one example of many-to-one classification.
///
/// Read from long-format CSV, one row per time step: `id,label,t,c1,…,cK`. The columns are
/// found by their header names, so `id`, `label` and `t` may be anywhere; every other column
/// is a feature. `t` is optional; when present it must count 0, 1, 2, … within each series.
public struct LabelledSeries: Equatable, Sendable {
    /// The series' identifier (the `id` column).
    public let id: String
    /// The class label.
    public let label: String
    /// The feature columns' names, in the order of ``values``' columns.
    public let featureNames: [String]
    /// The (T, K) values in row-major order: step `t`, feature `k` at `t * featureCount + k`.
    public internal(set) var values: [Double]

    /// K, the number of features per step.
    public var featureCount: Int { featureNames.count }
    /// T, the number of steps.
    public var length: Int { values.count / featureCount }

    /// The value of feature `k` at step `t`.
    public subscript(t: Int, k: Int) -> Double { values[t * featureCount + k] }

    /// Reads a long-format CSV file; `featureColumns` picks and orders the features (for
    /// example a test file's columns in the training file's order), otherwise all columns
    /// other than `id`, `label` and `t` are features, in file order.
    public static func read(_ url: URL, featureColumns: [String]? = nil) throws(DataError) -> [LabelledSeries] {
        try parse(TextFile.read(url), file: url.lastPathComponent, featureColumns: featureColumns)
    }

    /// Parses long-format CSV text; `file` names it in error messages (see ``read(_:featureColumns:)``).
    public static func parse(_ text: String, file: String = "<string>", featureColumns: [String]? = nil) throws(DataError) -> [LabelledSeries] {
        let table = try Table.csv(text, file: file)
        let idColumn = try table.requiredColumn("id")
        let labelColumn = try table.requiredColumn("label")
        let timeColumn = table.column("t")
        var features: [Int] = []
        if let featureColumns {
            for name in featureColumns { features.append(try table.requiredColumn(name)) }
        } else {
            features = table.header.indices.filter { $0 != idColumn && $0 != labelColumn && $0 != timeColumn }
        }
        guard !features.isEmpty else {
            throw DataError(file: file, line: table.headerLine, "no feature columns besides id, label and t")
        }
        let names = features.map { table.header[$0] }

        var series: [LabelledSeries] = []
        var startLines: [String: Int] = [:]
        for row in table.rows {
            func fail(_ message: String) -> DataError { DataError(file: file, line: row.line, message) }
            let id = table.field(row, idColumn)
            let label = table.field(row, labelColumn)
            guard !id.isEmpty else { throw fail("empty id") }
            guard !label.isEmpty else { throw fail("empty label") }
            if series.last?.id != id {
                if let start = startLines[id] {
                    throw fail("rows of series '\(id)' are not contiguous (the series started at line \(start))")
                }
                startLines[id] = row.line
                series.append(LabelledSeries(id: id, label: label, featureNames: names, values: []))
            } else if label != series[series.count - 1].label {
                throw fail("label '\(label)' differs from '\(series[series.count - 1].label)' earlier in series '\(id)'")
            }
            let step = series[series.count - 1].length
            if let timeColumn {
                let text = table.field(row, timeColumn)
                guard let t = Int(text) else { throw fail("column 't': '\(text)' is not an integer") }
                guard t == step else {
                    throw fail("t is \(t), expected \(step) (t counts 0, 1, 2, … within each series)")
                }
            }
            for c in features { series[series.count - 1].values.append(try table.number(row, c)) }
        }
        return series
    }
}
