import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension ReportSection {
    /// A forecast against the actual series (forecast): the actual values, the predictions
    /// for positions `predictionStart…` and their error.
    ///
    /// - Parameters:
    ///   - actual: the observed series, context included.
    ///   - predicted: predictions; `predicted[i]` is for `actual[predictionStart + i]` (it may
    ///     run past the end of `actual` for a forecast beyond the data).
    public static func forecast(actual: [Double], predicted: [Double], predictionStart: Int = 0,
                                title: String = "Forecast", valueLabel: String = "value") -> ReportSection {
        var chart = Chart(title: "Forecast against actuals", xLabel: "time step", yLabel: valueLabel, id: "forecast")
        chart.series.append(LineSeries("actual", values: actual, color: "#444444", width: 1.4))
        chart.series.append(LineSeries("forecast", points: predicted.enumerated().map { (x: Double(predictionStart + $0.offset + 1), y: $0.element) },
                                       color: Palette.color(1), width: 1.8, dashed: true))
        var se = 0.0, ae = 0.0, n = 0
        for (i, p) in predicted.enumerated() where predictionStart + i < actual.count {
            let d = p - actual[predictionStart + i]
            guard d.isFinite else { continue }
            se += d * d
            ae += abs(d)
            n += 1
        }
        var figures: [(label: String, value: String)] = [("predicted steps", grouped(predicted.count))]
        if n > 0 {
            figures.append(("RMSE", compact((se / Double(n)).squareRoot(), significant: 4)))
            figures.append(("MAE", compact(ae / Double(n), significant: 4)))
        }
        return ReportSection(title, id: "forecast", blocks: [.figures(figures), .chart(chart)])
    }
}
