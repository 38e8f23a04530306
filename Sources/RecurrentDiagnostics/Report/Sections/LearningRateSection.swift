import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// The learning rate per step (a sentence instead of a chart when it never changed).
    public static func learningRate(_ h: TrainingHistory) -> ReportSection {
        let rates = h.steps.map(\.learningRate)
        if let first = rates.first, rates.allSatisfy({ $0 == first }) {
            return ReportSection("Learning rate", id: "learning-rate",
                                 blocks: [.paragraph("Constant at \(plain(first)) for all \(grouped(rates.count)) steps.")])
        }
        var chart = Chart(title: "Learning rate", height: 200, xLabel: "step", yLabel: "learning rate",
                          yKind: scaleKind(for: rates, ratio: 10), id: "learning-rate")
        chart.series.append(LineSeries(nil, points: h.steps.map { (x: Double($0.step), y: $0.learningRate) }, color: Palette.color(4)))
        return ReportSection("Learning rate", id: "learning-rate", blocks: [.chart(chart)])
    }
}
