import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// One observation of a univariate time series (forecasting data): a date label and a value.
public struct DatedValue: Equatable, Sendable {
    /// The date as written in the file (`1949-01`, `1700`, …); only compared for order.
    public let date: String
    /// The observed value.
    public let value: Double

    /// An observation of `value` at `date`.
    public init(date: String, value: Double) {
        self.date = date
        self.value = value
    }

    /// Reads a CSV series in time order. The value column is `valueColumn` when given,
    /// else the column named `value`, else the second of exactly two columns; the date column
    /// is the one named `date`, else the first other column. Dates written as numbers or year
    /// first (ISO 8601) must strictly increase down the file, or strictly decrease (the series
    /// is then reversed); other date formats are kept in file order, uninterpreted.
    public static func read(_ url: URL, valueColumn: String? = nil) throws(DataError) -> [DatedValue] {
        try parse(TextFile.read(url), file: url.lastPathComponent, valueColumn: valueColumn)
    }

    /// Parses CSV text; `file` names it in error messages (see ``read(_:valueColumn:)``).
    public static func parse(_ text: String, file: String = "<string>", valueColumn: String? = nil) throws(DataError) -> [DatedValue] {
        let table = try Table.csv(text, file: file)
        let valueIndex: Int
        if let valueColumn {
            valueIndex = try table.requiredColumn(valueColumn)
        } else if let named = table.column("value") {
            valueIndex = named
        } else if table.header.count == 2 {
            valueIndex = 1
        } else {
            throw DataError(file: file, line: table.headerLine,
                "no column named 'value' among \(table.header.count) columns; say which holds the values")
        }
        guard let dateIndex = table.column("date") ?? table.header.indices.first(where: { $0 != valueIndex }) else {
            throw DataError(file: file, line: table.headerLine, "expected a date column besides '\(table.header[valueIndex])'")
        }
        var series: [DatedValue] = []
        for row in table.rows {
            series.append(DatedValue(date: table.field(row, dateIndex), value: try table.number(row, valueIndex)))
        }
        return try inTimeOrder(series, lines: table.rows.map(\.line), file: file)
    }
}
