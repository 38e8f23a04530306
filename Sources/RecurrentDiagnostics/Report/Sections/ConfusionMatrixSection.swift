import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// A confusion matrix (classify): `counts[true][predicted]`, cells coloured by the share
    /// of the true class (recall) and labelled with counts, plus accuracy and per-class
    /// precision, recall and F1.
    public static func confusionMatrix(labels: [String], counts: [[Int]], title: String = "Confusion matrix") -> ReportSection {
        let n = labels.count
        precondition(counts.count == n && counts.allSatisfy { $0.count == n }, "confusionMatrix: counts must be \(n)×\(n)")
        let rowTotals = counts.map { $0.reduce(0, +) }
        let colTotals = (0..<n).map { j in counts.reduce(0) { $0 + $1[j] } }
        let total = rowTotals.reduce(0, +)
        let correct = (0..<n).reduce(0) { $0 + counts[$1][$1] }
        let rates = counts.enumerated().map { i, row in row.map { rowTotals[i] > 0 ? Double($0) / Double(rowTotals[i]) : .nan } }

        let side = min(640, max(260, Double(n) * 34 + 160))
        var chart = Chart(title: "Rows: true class · columns: predicted", width: max(side + 90, 420),
                          height: side, xLabel: "predicted", yLabel: "true", id: "confusion-matrix")
        chart.xCategories = labels
        chart.yCategories = labels
        chart.yReversed = true
        chart.series.append(HeatmapSeries(values: rates, xSpan: -0.5...(Double(n) - 0.5), ySpan: -0.5...(Double(n) - 0.5),
                                          colorDomain: 0...1, showValues: n <= 20, valueLabel: "share of true class",
                                          cellLabels: counts.map { $0.map(String.init) }))
        var rows: [[String]] = []
        for i in 0..<n {
            let p = colTotals[i] > 0 ? Double(counts[i][i]) / Double(colTotals[i]) : .nan
            let r = rowTotals[i] > 0 ? Double(counts[i][i]) / Double(rowTotals[i]) : .nan
            let f = p + r > 0 ? 2 * p * r / (p + r) : .nan
            rows.append([labels[i], grouped(rowTotals[i]), percent(p), percent(r), percent(f)])
        }
        let accuracy = total > 0 ? Double(correct) / Double(total) : .nan
        return ReportSection(title, id: "confusion-matrix", blocks: [
            .figures([("accuracy", percent(accuracy)), ("examples", grouped(total))]),
            .chart(chart),
            .table(ReportTable(header: ["class", "examples", "precision", "recall", "F1"], rows: rows, numericColumns: [1, 2, 3, 4])),
        ])
    }
}

/// "93.1 %", or "–" when undefined.
func percent(_ x: Double) -> String { x.isFinite ? fixed(100 * x, 1) + " %" : "–" }
