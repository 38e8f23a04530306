import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A piece of a ``ReportSection``.
public enum ReportBlock: Sendable {
    /// A chart, inlined as SVG.
    case chart(Chart)
    /// Any SVG drawing, inlined.
    case svg(SVGElement)
    /// A paragraph of plain text.
    case paragraph(String)
    /// A table.
    case table(ReportTable)
    /// Monospaced text with an optional caption (a generated sample, a log excerpt).
    case preformatted(String, caption: String?)
    /// Key figures shown large: (label, value).
    case figures([(label: String, value: String)])
}

/// A table of text cells; numeric columns are right-aligned.
public struct ReportTable: Sendable {
    /// Column titles.
    public var header: [String]
    /// Cells, one array per row, as many as the header.
    public var rows: [[String]]
    /// Indices of right-aligned (numeric) columns.
    public var numericColumns: Set<Int>
    /// Shown above the table.
    public var caption: String?

    /// A table; every row must have as many cells as the header.
    public init(header: [String], rows: [[String]], numericColumns: Set<Int> = [], caption: String? = nil) {
        precondition(rows.allSatisfy { $0.count == header.count }, "ReportTable: every row needs \(header.count) cells")
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.caption = caption
    }
}
