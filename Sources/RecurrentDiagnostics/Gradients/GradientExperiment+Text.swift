import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The terminal output of `rnn gradients`.
extension GradientExperiment {
    /// The heading: task, sizes, optimizer, scaling and clipping.
    public func heading() -> [String] {
        let c = configuration
        return [
            "rnn gradients — \(c.task.summary(steps: c.steps))",
            "hidden \(c.hiddenSize), batch \(c.batchSize), \(c.optimizer.rawValue.uppercased()) lr \(plain(c.learningRate)), "
                + "\(c.trainSteps) training steps, W_hh × \(plain(c.recurrentScale)), "
                + (c.clipNorm.map { "clip-norm \(plain($0))" } ?? "no clipping") + ", seed \(c.seed)",
        ]
    }

    /// Charts, tables and update norms for finished results.
    public func summary(_ results: [CellGradientResult]) -> [String] {
        let T = configuration.steps
        var out: [String] = []
        func rows(_ values: (GradientFlow) -> [Double]) -> [(label: String, values: [Double])] {
            results.flatMap { r in r.profiles.map { ("\(r.cell.shortName) \($0.label)", values($0.flow)) } }
        }
        for (title, values) in [
            ("‖∂L/∂h_k‖", { (f: GradientFlow) in f.record.hiddenGradientNorms }),
            ("‖step k's term of ∂L/∂W_hh‖", { (f: GradientFlow) in f.record.recurrentWeightContributionNorms }),
        ] {
            let chart = TerminalLogChart(rows: rows(values))
            out.append("")
            out.append("\(title), k = 1 … \(T)   (left: farthest from the loss; right: step \(T), where it enters)")
            out += chart.lines()
            if let legend = chart.legend() { out.append(legend) }
        }

        out.append("")
        var table = TextTable(header: ["cell", "when", "ρ(W_hh)", "loss", "‖∂L/∂h_1‖/‖∂L/∂h_T‖", "factor/step", "fit R²", "‖∂L/∂h_1‖"],
                              labelColumns: 2)
        for r in results {
            for p in r.profiles {
                let fit = p.flow.decay
                table.append([r.cell.shortName, p.label, fixed(p.spectralRadius, 2), compact(p.loss), scientific(p.flow.endToEndRatio),
                              fit.map { compact($0.factorPerStep) } ?? "–", fit.map { fixed($0.rSquared, 2) } ?? "–",
                              scientific(p.flow.record.hiddenGradientNorms.first ?? .nan)])
            }
        }
        out += table.lines()
        out.append("ρ(W_hh): spectral radius of the recurrent weights (largest gate block); explosion needs ρ > 1.")
        if results.contains(where: { $0.initialWithGateBias != nil }) {
            out.append("gate bias: +\(plain(configuration.comparisonGateBias ?? 0)) on the LSTM forget / GRU update gate bias (Keras' unit_forget_bias; "
                       + "Jozefowicz et al. 2015); at PyTorch's init those gates sit near ½ and forget almost as fast as an RNN.")
        }
        out.append("factor/step: q fitted to ‖∂L/∂h_k‖ ≈ C·q^(T−k) over k < T; q < 1 vanishes, q > 1 explodes. Chance loss \(compact(configuration.task.chanceLoss)).")

        out.append("")
        out += summaryUpdateTable(results)
        return out
    }

    private func summaryUpdateTable(_ results: [CellGradientResult]) -> [String] {
        let clip = configuration.clipNorm
        return ["updates ‖Δθ‖ = size of one \(configuration.optimizer.rawValue.uppercased()) step over all parameters"
                + (clip.map { ", without and with clipping the gradient norm to \(plain($0))" } ?? "")] + updateTable(results).lines()
    }

    /// The update norms per cell: at initialisation, and the largest during training.
    func updateTable(_ results: [CellGradientResult]) -> TextTable {
        let clip = configuration.clipNorm
        var header = ["cell", "‖g‖ at init", "‖Δθ‖ at init"]
        if let clip { header += ["clipped to \(plain(clip))"] }
        header += ["max ‖g‖ training", "max ‖Δθ‖ unclipped"]
        if clip != nil { header += ["max ‖Δθ‖ applied", "clipped steps"] }
        header += ["skipped"]
        var table = TextTable(header: header)
        for r in results {
            var row = [r.cell.shortName, scientific(r.initialUpdate.gradientNorm), scientific(r.initialUpdate.unclipped)]
            if clip != nil { row.append(scientific(r.initialUpdate.applied)) }
            row += [r.updates.isEmpty ? "–" : scientific(r.updates.map(\.gradientNorm).max()!),
                    r.updates.isEmpty ? "–" : scientific(r.updates.map(\.unclipped).max()!)]
            if clip != nil {
                row += [r.updates.isEmpty ? "–" : scientific(r.updates.map(\.applied).max()!),
                        "\(r.history.clippedCount)/\(r.history.steps.count)"]
            }
            row.append("\(r.history.skippedCount)")
            table.append(row)
        }
        return table
    }
}
