import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A plain-text table with left-aligned first column(s) and right-aligned numbers, columns
/// separated by two spaces.
public struct TextTable: Sendable {
    /// The column titles.
    public var header: [String]
    /// The rows, one string per column.
    public var rows: [[String]] = []
    /// How many leading columns are left-aligned (labels); the rest are right-aligned.
    public var labelColumns: Int

    /// An empty table with these column titles and `labelColumns` left-aligned columns (default 1).
    public init(header: [String], labelColumns: Int = 1) {
        self.header = header
        self.labelColumns = labelColumns
    }

    /// Adds a row (one string per column).
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "TextTable row has \(row.count) cells, header \(header.count)")
        rows.append(row)
    }

    /// The header and rows, one line each, without trailing spaces.
    public func lines() -> [String] {
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c < labelColumns ? cell + pad : pad + cell
            }.joined(separator: "  ").replacing(/\s+$/, with: "")
        }
    }
}
