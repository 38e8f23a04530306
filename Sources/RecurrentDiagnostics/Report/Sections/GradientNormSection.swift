import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// The global gradient norm before clipping per step (log scale, with the threshold), and
    /// the fraction of steps in each stretch of training on which clipping fired.
    public static func gradientNorm(_ h: TrainingHistory, clipNorm: Double? = nil) -> ReportSection {
        let norms = h.steps.compactMap { s in s.gradientNorm.map { (x: Double(s.step), y: $0) } }
        var chart = Chart(title: "Gradient norm before clipping", xLabel: "step", yLabel: "‖g‖",
                          yKind: scaleKind(for: norms.map(\.y), ratio: 10), id: "gradient-norm")
        chart.series.append(LineSeries("‖g‖", points: norms, color: Palette.color(2), width: 1))
        if let clipNorm { chart.series.append(RuleSeries("clip threshold \(plain(clipNorm))", at: clipNorm, color: "#333333")) }

        let clipped = h.clippedCount, n = h.steps.count
        var blocks: [ReportBlock] = []
        let sorted = norms.map(\.y).filter(\.isFinite).sorted()
        var figures: [(label: String, value: String)] = []
        if !sorted.isEmpty {
            figures.append(("median ‖g‖", compact(sorted[sorted.count / 2])))
            figures.append(("max ‖g‖", compact(sorted.last!)))
        }
        figures.append(("steps clipped", "\(grouped(clipped)) of \(grouped(n)) (\(fixed(n > 0 ? 100 * Double(clipped) / Double(n) : 0, 1)) %)"))
        blocks.append(.figures(figures))
        blocks.append(.chart(chart))
        if clipped > 0 {
            let bins = min(100, n)
            var bars: [(x: Double, value: Double)] = []
            var tips: [String] = []
            for b in 0..<bins {
                let part = h.steps[(b * n / bins)..<((b + 1) * n / bins)]
                guard let first = part.first, let last = part.last else { continue }
                let k = part.filter(\.clipped).count
                bars.append((x: Double(first.step + last.step) / 2, value: 100 * Double(k) / Double(part.count)))
                tips.append("steps \(first.step)–\(last.step): \(k) of \(part.count) clipped")
            }
            let width = bars.count > 1 ? (bars[1].x - bars[0].x) * 0.9 : 1
            var rate = Chart(title: "How often clipping fired", height: 180, xLabel: "step", yLabel: "% of steps", id: "clip-rate")
            rate.yIncludesZero = true
            rate.series.append(BarSeries(nil, bars: bars, color: Palette.color(1), width: width, tooltips: tips))
            blocks.append(.chart(rate))
        }
        return ReportSection("Gradient norm and clipping", id: "gradient-norm", blocks: blocks)
    }
}
