import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// One chart per evaluation metric other than the loss (accuracy, bpc, rmse, …), a line
    /// per split; nil when there is none.
    public static func evaluationMetrics(_ h: TrainingHistory) -> ReportSection? {
        let names = Set(h.evaluations.flatMap(\.metrics.keys)).subtracting(["loss"]).sorted()
        guard !names.isEmpty else { return nil }
        let splits = orderedSplits(h.evaluations)
        var blocks: [ReportBlock] = []
        for name in names {
            var chart = Chart(title: name, height: 220, xLabel: "step", yLabel: name, id: "metric-" + name)
            for (i, split) in splits.enumerated() {
                let pts = h.evaluations.filter { $0.split == split }.compactMap { e in e.metrics[name].map { (x: Double(e.step), y: $0) } }
                if !pts.isEmpty { chart.series.append(LineSeries(split, points: pts, color: Palette.color(i + 1), width: 1.8, markers: true)) }
            }
            blocks.append(.chart(chart))
        }
        var rows: [[String]] = []
        for split in splits {
            guard let last = h.evaluations.last(where: { $0.split == split }) else { continue }
            rows.append([split, grouped(last.step)] + names.map { last.metrics[$0].map { compact($0, significant: 4) } ?? "–" })
        }
        blocks.append(.table(ReportTable(header: ["split", "step"] + names, rows: rows, numericColumns: Set(1...(names.count + 1)),
                                         caption: "Last evaluation")))
        return ReportSection("Evaluation metrics", id: "metrics", blocks: blocks)
    }
}
