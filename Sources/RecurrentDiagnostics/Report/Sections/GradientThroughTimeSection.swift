import RealModule
import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// The gradient-through-time heatmap — time step k (rows) × training progress (columns),
    /// colour log‖∂L/∂h_k‖ — and the per-step factor fitted to each snapshot.
    public static func gradientThroughTime(_ snapshots: [GradientSnapshot], title: String = "Gradient through time",
                                           maxColumns: Int = 160, maxRows: Int = 100) -> ReportSection {
        let picked = evenlySpaced(snapshots, maxCount: maxColumns)
        let T = picked.map(\.hiddenGradientNorms.count).max() ?? 0
        let rowBuckets = min(T, maxRows)
        // rows[r][c]: geometric mean of the norms of time steps in bucket r at snapshot c.
        var rows = [[Double]](repeating: [Double](repeating: .nan, count: picked.count), count: rowBuckets)
        for (c, s) in picked.enumerated() {
            for r in 0..<rowBuckets {
                let lo = r * T / rowBuckets, hi = min((r + 1) * T / rowBuckets, s.hiddenGradientNorms.count)
                guard lo < hi else { continue }
                let v = s.hiddenGradientNorms[lo..<hi].filter { $0 > 0 && $0.isFinite }
                if !v.isEmpty { rows[r][c] = Double.exp(v.reduce(0) { $0 + Double.log($1) } / Double(v.count)) }
            }
        }
        let first = Double(picked.first?.step ?? 0), last = Double(picked.last?.step ?? 0)
        let half = picked.count > 1 ? (last - first) / Double(picked.count - 1) / 2 : 0.5
        var heat = Chart(title: "‖∂L/∂h_k‖ over training", height: 300, xLabel: "training step",
                         yLabel: "time step k", id: "gradient-through-time")
        heat.series.append(HeatmapSeries(values: rows, xSpan: (first - half)...(last + half), ySpan: 0.5...(Double(T) + 0.5),
                                         logColors: true, valueLabel: "‖∂L/∂h_k‖ (log)"))

        let fits = picked.compactMap { s in
            GradientFlow(GradientThroughTime(layer: 0, direction: 0, hiddenGradientNorms: s.hiddenGradientNorms,
                                             recurrentWeightContributionNorms: [], inputWeightContributionNorms: []))
                .decay.map { (x: Double(s.step), y: $0.factorPerStep) }
        }
        var blocks: [ReportBlock] = [.chart(heat)]
        if !fits.isEmpty {
            var factor = Chart(title: "Factor per step travelled back in time", height: 200, xLabel: "training step",
                               yLabel: "q", id: "gradient-factor")
            factor.series.append(LineSeries("fitted q", points: fits, color: Palette.color(0), markers: fits.count <= 60))
            factor.series.append(RuleSeries("q = 1", at: 1))
            blocks.append(.chart(factor))
        }
        return ReportSection(title, id: "gradient-through-time",
                             note: "Rows: time step k of the sequence (the loss enters at the top, k = T, for a loss at the end); "
                                 + "columns: training progress. Dark rows far from the loss mean the gradient vanishes before "
                                 + "reaching them. q < 1: vanishing per step; q > 1: exploding.",
                             blocks: blocks)
    }
}

/// At most `maxCount` elements, evenly spaced, first and last included.
func evenlySpaced<T>(_ a: [T], maxCount: Int) -> [T] {
    guard a.count > maxCount, maxCount >= 2 else { return a }
    return (0..<maxCount).map { a[$0 * (a.count - 1) / (maxCount - 1)] }
}
