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
            ("initialisation", "PyTorch's" + (c.recurrentScale != 1 ? ", W_hh × \(compact(c.recurrentScale))" : "")
                + (c.memoryGateBias != 0 ? ", forget/update-gate bias + \(compact(c.memoryGateBias))" : "")),
            ("training", "\(c.trainSteps) steps of \(c.optimizer.rawValue.uppercased()), lr \(compact(c.learningRate))"
                + (c.clipNorm.map { ", gradient norm clipped to \(compact($0))" } ?? ", no clipping")),
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
            chart.series.append(LineSeries("\(r.cell.shortName) at init", values: values(r.initial), color: Palette.color(i)))
            if let t = r.trained {
                chart.series.append(LineSeries("\(r.cell.shortName) trained", values: values(t), color: Palette.color(i), dashed: true))
            }
        }
        return ReportSection(title, id: id, note: "Log scale. A straight line is geometric decay (or growth) per step.",
                             blocks: [.chart(chart)])
    }

    private func ratioSection(_ results: [CellGradientResult]) -> ReportSection {
        let hasTrained = results.contains { $0.trained != nil }
        var chart = Chart(title: "‖∂L/∂h_1‖ / ‖∂L/∂h_T‖", width: 480, height: 260, yLabel: "ratio", yKind: .log, id: "ratio")
        chart.xCategories = results.map(\.cell.shortName)
        let w = hasTrained ? 0.38 : 0.7
        chart.series.append(BarSeries("at init", bars: results.enumerated().map { (x: Double($0.offset), value: $0.element.initial.endToEndRatio) },
                                      color: Palette.color(0), width: w, offset: hasTrained ? -0.2 : 0,
                                      tooltips: results.map { "\($0.cell.shortName) at init: \(scientific($0.initial.endToEndRatio))" }))
        if hasTrained {
            let trained = results.enumerated().compactMap { i, r in r.trained.map { (x: Double(i), value: $0.endToEndRatio) } }
            chart.series.append(BarSeries("trained", bars: trained, color: Palette.color(1), width: w, offset: 0.2,
                                          tooltips: trained.map { "\(results[Int($0.x)].cell.shortName) trained: \(scientific($0.value))" }))
        }
        var rows: [[String]] = []
        for r in results {
            for (when, flow, loss) in [("init", r.initial, r.initialLoss)] + (r.trained.map { [("trained", $0, r.trainedLoss!)] } ?? []) {
                let fit = flow.decay
                rows.append([r.cell.shortName, when, when == "init" ? fixed(r.spectralRadius, 2) : "", compact(loss),
                             scientific(flow.endToEndRatio), fit.map { compact($0.factorPerStep) } ?? "–",
                             fit.map { fixed($0.rSquared, 2) } ?? "–"])
            }
        }
        return ReportSection("End-to-end ratio and factor per step", id: "ratio",
                             note: "q is fitted to ‖∂L/∂h_k‖ ≈ C·q^(T−k) over k < T: q < 1 vanishes, q > 1 explodes. "
                                 + "ρ(W_hh) is the spectral radius of the recurrent weights at initialisation (largest gate block).",
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
