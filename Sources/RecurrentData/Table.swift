import CSV
import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A header and data rows read from a delimited file, checked so that every row has one field
/// per column. Blank lines (anywhere) are skipped; each row keeps its line number for errors.
package struct Table {
    let file: String
    let headerLine: Int
    /// Column names, trimmed of surrounding whitespace.
    let header: [String]
    package let rows: [(line: Int, fields: [String])]

    /// Comma-separated values with an obligatory header; quoted fields (RFC 4180) are allowed.
    package static func csv(_ text: String, file: String) throws(DataError) -> Table {
        let body = try TextFile.content(text, file: file)
        guard let reader = try? CSVReader(string: String(body), hasHeaderRow: false) else {
            throw DataError(file: file, "cannot parse the file as CSV")
        }
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        while let fields = reader.next() {
            rows.append((line, fields))
            // A quoted field may span lines; the reader keeps its line breaks.
            line += 1 + fields.reduce(0) { $0 + $1.utf8.count { $0 == UInt8(ascii: "\n") } }
        }
        return try Table(file: file, rows: rows)
    }

    /// Tab-separated values with an obligatory header; no quoting (fields hold no tabs or newlines).
    package static func tsv(_ text: String, file: String) throws(DataError) -> Table {
        let lines = try TextFile.lines(text, file: file)
        return try Table(file: file, rows: lines.map {
            ($0.number, $0.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        })
    }

    private init(file: String, rows allRows: [(line: Int, fields: [String])]) throws(DataError) {
        var rows = allRows.filter { !($0.fields.count == 1 && $0.fields[0].allSatisfy(\.isWhitespace)) }
        guard !rows.isEmpty else { throw DataError(file: file, "file is empty") }
        let (headerLine, names) = rows.removeFirst()
        let header = names.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for name in header {
            guard !name.isEmpty else { throw DataError(file: file, line: headerLine, "the header has an empty column name") }
            guard seen.insert(name.lowercased()).inserted else {
                throw DataError(file: file, line: headerLine, "column '\(name)' appears twice in the header")
            }
        }
        for row in rows where row.fields.count != header.count {
            throw DataError(file: file, line: row.line, "expected \(header.count) fields, found \(row.fields.count)")
        }
        guard !rows.isEmpty else { throw DataError(file: file, line: headerLine, "no data rows after the header") }
        self.file = file
        self.headerLine = headerLine
        self.header = header
        self.rows = rows
    }

    /// The index of the column called `name` (case-insensitive), if there is one.
    package func column(_ name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The index of the column called `name`; throws naming the columns that exist.
    package func requiredColumn(_ name: String) throws(DataError) -> Int {
        guard let c = column(name) else {
            throw DataError(file: file, line: headerLine,
                "missing column '\(name)' (the header has: \(header.joined(separator: ", ")))")
        }
        return c
    }

    /// The field at `column` of `row`, trimmed of surrounding whitespace.
    package func field(_ row: (line: Int, fields: [String]), _ column: Int) -> String {
        row.fields[column].trimmingCharacters(in: .whitespaces)
    }

    /// The field as a finite number; throws naming the line and the column.
    func number(_ row: (line: Int, fields: [String]), _ column: Int) throws(DataError) -> Double {
        let text = field(row, column)
        guard let value = Double(text) else {
            throw DataError(file: file, line: row.line, "column '\(header[column])': '\(text)' is not a number")
        }
        guard value.isFinite else {
            throw DataError(file: file, line: row.line, "column '\(header[column])': \(text) is not a finite number")
        }
        return value
    }
}
