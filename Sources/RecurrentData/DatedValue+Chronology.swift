import Foundation
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension DatedValue {
    /// A sortable key for a date written as a number (`1700`, `1700.5`) or year first in
    /// ISO 8601 style (`1949`, `1949-01`, `2020-01-31`, `2020-01-31 12:00:00`, `…T12:00Z`);
    /// nil for anything else (`01/31/2020`, `Jan 1949`), which is left uninterpreted.
    static func chronologicalKey(_ date: String) -> [Double]? {
        let trimmed = date.trimmingCharacters(in: .whitespaces)
        if let x = Double(trimmed), x.isFinite { return [x] }
        let body = trimmed.hasSuffix("Z") ? String(trimmed.dropLast()) : trimmed
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { "-/.:T ".contains($0) })
        guard (1...7).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return parts.map { Double($0)! } + Array(repeating: 0, count: 7 - parts.count)
    }

    /// The rows in time order. When every date can be read (``chronologicalKey(_:)``) they
    /// must strictly increase down the file — or strictly decrease (newest first, as many
    /// exports write them), and then the series is reversed. A repeated date, or dates out
    /// of order, are an error naming both lines: read in file order they would be a
    /// different series, silently.
    static func inTimeOrder(_ series: [DatedValue], lines: [Int], file: String) throws(DataError) -> [DatedValue] {
        guard series.count >= 2 else { return series }
        var keys: [[Double]] = []
        keys.reserveCapacity(series.count)
        for s in series {
            guard let k = chronologicalKey(s.date) else { return series }
            keys.append(k)
        }
        let increasing = !keys[1].lexicographicallyPrecedes(keys[0])
        for i in 1..<keys.count {
            let (earlier, later) = increasing ? (keys[i - 1], keys[i]) : (keys[i], keys[i - 1])
            if earlier == later {
                throw DataError(file: file, line: lines[i], "date '\(series[i].date)' repeats line \(lines[i - 1])")
            }
            if !earlier.lexicographicallyPrecedes(later) {
                let direction = increasing ? "before" : "after"
                throw DataError(file: file, line: lines[i],
                                "date '\(series[i].date)' comes \(direction) '\(series[i - 1].date)' on line \(lines[i - 1]), "
                                    + "but the dates above it \(increasing ? "increase" : "decrease"); sort the file by date")
            }
        }
        return increasing ? series : series.reversed()
    }
}
