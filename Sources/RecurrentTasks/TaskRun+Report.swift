import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

extension TaskRun {
    /// The self-contained HTML report of this run: the training history's charts, then the
    /// task's own section (samples, confusion matrix, forecast, per-tag accuracy, translations).
    public func report(title: String, clipNorm: Double?) -> TrainingReport {
        var summary: [(String, String)] = [("task", task), ("steps", "\(steps)"), ("epochs", "\(epochs)"),
                                           ("training seconds", String(format: "%.1f", seconds))]
        for (k, v) in test.sorted(by: { $0.key < $1.key }) { summary.append(("test \(k)", String(format: "%.4f", v))) }
        var report = TrainingReport(title: title, summary: summary, history: history, clipNorm: clipNorm)
        let a = artifacts
        if !a.samples.isEmpty { report.sections.append(.textSamples(a.samples.map { TextSample(text: $0) })) }
        if !a.confusion.isEmpty { report.sections.append(.confusionMatrix(labels: a.confusionLabels, counts: a.confusion)) }
        if !a.forecast.isEmpty { report.sections.append(.forecast(actual: a.actual, predicted: a.forecast)) }
        if !a.perTagAccuracy.isEmpty {
            report.sections.append(.tagAccuracy(a.perTagAccuracy.map { TagAccuracy(tag: $0.tag, accuracy: $0.accuracy, count: $0.count) }))
        }
        if !a.examples.isEmpty {
            report.sections.append(.translations(a.examples.map { Translation(source: $0.source, reference: $0.reference, hypothesis: $0.prediction) }))
        }
        return report
    }
}
