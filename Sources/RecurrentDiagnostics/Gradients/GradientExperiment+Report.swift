import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The HTML report of `rnn gradients --report`.
extension GradientExperiment {
    /// The experiment's charts as a ``TrainingReport``: the gradient profiles of every cell,
    /// the end-to-end ratios, the update norms, and per cell its training history with the
    /// gradient-through-time heatmap.
    public func report(_ results: [CellGradientResult]) -> TrainingReport {
        let c = configuration
        var report = TrainingReport(title: "Gradients through time — \(results.map(\.cell.shortName).joined(separator: ", "))")
        report.summary = [
            ("task", c.task.summary(steps: c.steps)),
            ("model", "one layer, hidden \(c.hiddenSize), linear readout of h_T; batch \(c.batchSize); Float64"),
            ("initialisation", "PyTorch's" + (c.recurrentScale != 1 ? ", W_hh × \(plain(c.recurrentScale))" : "")
                + (c.memoryGateBias != 0 ? ", forget/update-gate bias + \(plain(c.memoryGateBias))" : "")),
            ("training", "\(c.trainSteps) steps of \(c.optimizer.rawValue.uppercased()), lr \(plain(c.learningRate))"
                + (c.clipNorm.map { ", gradient norm clipped to \(plain($0))" } ?? ", no clipping")),
            ("seed", "\(c.seed)"),
        ]
        report.sections.append(profileSection(results, title: "‖∂L/∂h_k‖ across the sequence", id: "hidden-gradient",
                                              yLabel: "‖∂L/∂h_k‖") { $0.record.hiddenGradientNorms })
        report.sections.append(profileSection(results, title: "Each step's term of ∂L/∂W_hh", id: "recurrent-weight-terms",
                                              yLabel: "‖δ_k·h_{k−1}ᵀ‖") { $0.record.recurrentWeightContributionNorms })
        report.sections.append(ratioSection(results))
        if results.contains(where: { !$0.updates.isEmpty }) { report.sections.append(updateSection(results)) }
        for r in results where !r.history.steps.isEmpty {
            var loss = ReportSection.loss(r.history)
            loss.title = "\(r.cell.shortName): training loss"
            loss.id = "loss-" + r.cell.shortName
            loss.blocks.append(.paragraph("Chance level: \(compact(c.task.chanceLoss))."))
            report.sections.append(loss)
            if !r.history.gradientSnapshots.isEmpty {
                report.sections.append(.gradientThroughTime(r.history.gradientSnapshots, title: "\(r.cell.shortName): gradient through time"))
            }
        }
        return report
    }

    private func profileSection(_ results: [CellGradientResult], title: String, id: String, yLabel: String,
                                _ values: (GradientFlow) -> [Double]) -> ReportSection {
        var chart = Chart(title: title, height: 320, xLabel: "time step k (the loss enters at k = \(configuration.steps))",
                          yLabel: yLabel, yKind: .log, id: id)
        for (i, r) in results.enumerated() {
            for p in r.profiles {
                chart.series.append(LineSeries("\(r.cell.shortName) \(p.label)", values: values(p.flow), color: Palette.color(i),
                                               width: p.label == "init" ? 1.8 : 1.2, dashed: p.label == "trained",
                                               markers: p.label.hasPrefix("init, "), maxPoints: 2000))
            }
        }
        return ReportSection(title, id: id, note: "Log scale. A straight line is geometric decay (or growth) per step.",
                             blocks: [.chart(chart)])
    }

    private func ratioSection(_ results: [CellGradientResult]) -> ReportSection {
        let labels = results.flatMap { $0.profiles.map(\.label) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var chart = Chart(title: "‖∂L/∂h_1‖ / ‖∂L/∂h_T‖", width: 560, height: 280, yLabel: "ratio", yKind: .log, id: "ratio")
        chart.xCategories = results.map(\.cell.shortName)
        let w = 0.8 / Double(labels.count)
        for (j, label) in labels.enumerated() {
            let bars = results.enumerated().compactMap { i, r in
                r.profiles.first { $0.label == label }.map { (x: Double(i), value: $0.flow.endToEndRatio, cell: r.cell.shortName) }
            }
            chart.series.append(BarSeries(label, bars: bars.map { (x: $0.x, value: $0.value) }, color: Palette.color(j), width: w,
                                          offset: (Double(j) - Double(labels.count - 1) / 2) * w,
                                          tooltips: bars.map { "\($0.cell) \(label): \(scientific($0.value))" }))
        }
        var rows: [[String]] = []
        for r in results {
            for p in r.profiles {
                let fit = p.flow.decay
                rows.append([r.cell.shortName, p.label, fixed(p.spectralRadius, 2), compact(p.loss), scientific(p.flow.endToEndRatio),
                             fit.map { compact($0.factorPerStep) } ?? "–", fit.map { fixed($0.rSquared, 2) } ?? "–"])
            }
        }
        return ReportSection("End-to-end ratio and factor per step", id: "ratio",
                             note: "q is fitted to ‖∂L/∂h_k‖ ≈ C·q^(T−k) over k < T: q < 1 vanishes, q > 1 explodes. "
                                 + "ρ(W_hh) is the spectral radius of the recurrent weights (largest gate block).",
                             blocks: [.chart(chart), .table(ReportTable(
                                header: ["cell", "when", "ρ(W_hh)", "loss", "‖∂L/∂h_1‖/‖∂L/∂h_T‖", "factor/step q", "fit R²"],
                                rows: rows, numericColumns: [2, 3, 4, 5, 6]))])
    }

    private func updateSection(_ results: [CellGradientResult]) -> ReportSection {
        let clip = configuration.clipNorm
        var chart = Chart(title: "Update norm ‖Δθ‖ per training step", height: 300, xLabel: "training step", yLabel: "‖Δθ‖",
                          yKind: .log, id: "update-norm")
        for (i, r) in results.enumerated() {
            let steps = r.history.steps.filter { !$0.skipped }.map { Double($0.step) }
            chart.series.append(LineSeries("\(r.cell.shortName)" + (clip == nil ? "" : " unclipped"),
                                           points: zip(steps, r.updates.map(\.unclipped)).map { (x: $0.0, y: $0.1) },
                                           color: Palette.color(i), width: 1, dashed: clip != nil))
            if clip != nil {
                chart.series.append(LineSeries("\(r.cell.shortName) clipped", points: zip(steps, r.updates.map(\.applied)).map { (x: $0.0, y: $0.1) },
                                               color: Palette.color(i), width: 1.6))
            }
        }
        let table = updateTable(results)
        if let clip, configuration.optimizer == .sgd {
            chart.series.append(RuleSeries("lr × clip-norm", at: configuration.learningRate * clip, color: "#333333"))
        }
        return ReportSection("Updates with and without clipping", id: "updates",
                             note: "‖Δθ‖ over all parameters. The unclipped update is computed from the same gradient and optimizer "
                                 + "state and undone" + (clip == nil ? "." : "; training applies the clipped one."),
                             blocks: [.chart(chart), .table(ReportTable(header: table.header, rows: table.rows,
                                                                        numericColumns: Set(1..<table.header.count)))])
    }
}
