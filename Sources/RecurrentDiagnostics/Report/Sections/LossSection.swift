import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// Training loss per step (raw and moving average) with the validation/test losses of
    /// each evaluation.
    public static func loss(_ h: TrainingHistory) -> ReportSection {
        let steps = h.steps.map { Double($0.step) }
        let losses = h.steps.map(\.loss)
        let window = max(1, h.steps.count / 100)
        let smooth = movingAverage(losses, window: window)
        let evals = h.evaluations.compactMap { e in e.metrics["loss"].map { (e.split, Double(e.step), $0) } }
        var chart = Chart(title: "Loss", xLabel: "step", yLabel: "loss",
                          yKind: scaleKind(for: losses + evals.map(\.2)), id: "loss")
        if !losses.isEmpty {
            if window > 1 {
                chart.series.append(LineSeries("train (per step)", points: Array(zip(steps, losses)).map { (x: $0.0, y: $0.1) },
                                               color: "#b8cce0", width: 1))
            }
            chart.series.append(LineSeries(window > 1 ? "train (mean of \(window) steps)" : "train",
                                           points: Array(zip(steps, smooth)).map { (x: $0.0, y: $0.1) },
                                           color: Palette.color(0), width: 1.8))
        }
        for (i, split) in orderedSplits(h.evaluations).enumerated() {
            let pts = evals.filter { $0.0 == split }.map { (x: $0.1, y: $0.2) }
            if !pts.isEmpty { chart.series.append(LineSeries(split, points: pts, color: Palette.color(i + 1), width: 1.8, markers: true)) }
        }
        var figures: [(label: String, value: String)] = [("steps", grouped(h.steps.count))]
        if let last = smooth.last(where: \.isFinite) { figures.append((window > 1 ? "final train loss (mean of \(window) steps)" : "final train loss", compact(last, significant: 4))) }
        for split in orderedSplits(h.evaluations) {
            if let best = evals.filter({ $0.0 == split && $0.2.isFinite }).min(by: { $0.2 < $1.2 }) {
                figures.append(("best \(split) loss (step \(grouped(Int(best.1))))", compact(best.2, significant: 4)))
            }
        }
        if let seconds = h.steps.last?.seconds { figures.append(("training time", duration(seconds))) }
        if h.skippedCount > 0 { figures.append(("skipped steps (non-finite)", grouped(h.skippedCount))) }
        return ReportSection("Loss", id: "loss", blocks: [.figures(figures), .chart(chart)])
    }
}

/// "2 h 05 min", "4 min 12 s", "3.2 s".
func duration(_ s: Double) -> String {
    guard s.isFinite, s >= 0 else { return "–" }
    if s < 60 { return fixed(s, 1) + " s" }
    let t = Int(s.rounded())
    if t < 3600 { return "\(t / 60) min \(t % 60 < 10 ? "0" : "")\(t % 60) s" }
    let m = (t % 3600) / 60
    return "\(t / 3600) h \(m < 10 ? "0" : "")\(m) min"
}
