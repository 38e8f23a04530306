import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct DiagnosticsReportTests {
    /// A report with every kind of section, as `rnn train … --report` will fill it.
    static func fullReport(history: TrainingHistory = syntheticHistory()) -> TrainingReport {
        var r = TrainingReport(title: "charlm <shakespeare.txt> & co", summary: [("model", "LSTM 2×512 \"tied\""), ("data", "a\u{1}b")],
                               history: history, clipNorm: 1)
        r.sections.append(.textSamples([
            TextSample(prompt: "ROMEO:", text: " What <light> through & yonder\nwindow breaks?\u{7}", temperature: 0.8, step: 50_000),
            TextSample(text: "plain"),
        ]))
        r.sections.append(.confusionMatrix(labels: ["neg", "pos", "<neutral>"], counts: [[50, 3, 2], [4, 40, 6], [1, 2, 12]]))
        r.sections.append(.forecast(actual: (0..<200).map { Foundation.sin(Double($0) / 10) }, predicted: (0..<40).map { Foundation.sin(Double($0 + 160) / 10) + 0.05 },
                                    predictionStart: 160, valueLabel: "passengers"))
        r.sections.append(.tagAccuracy([TagAccuracy(tag: "NOUN", correct: 950, total: 1000), TagAccuracy(tag: "VERB", correct: 400, total: 500),
                                        TagAccuracy(tag: "X", correct: 0, total: 3)]))
        r.sections.append(.translations([Translation(source: "cat", reference: "K AE T", hypothesis: "K AE T"),
                                         Translation(source: "<unk>", reference: "X", hypothesis: "Y"), Translation(source: "dog", hypothesis: "D AO G")]))
        return r
    }

    @Test func reportOfFiftyThousandStepsIsUnderTwoMegabytes() {
        let html = Self.fullReport().html
        let bytes = html.utf8.count
        #expect(bytes < 2_000_000, "report is \(bytes) bytes")
        #expect(bytes < 700_000, "report is \(bytes) bytes (budget check)")
    }

    @Test func everyPolylineKeepsAtMostTwoThousandPoints() throws {
        let report = Self.fullReport()
        for section in report.allSections {
            for case .chart(let chart) in section.blocks {
                for series in chart.series {
                    if let line = series as? LineSeries { #expect(line.points.count <= 2000, "\(section.title): \(line.points.count)") }
                }
                for path in chart.element.descendants where path.name == "path" && path["stroke"] != nil {
                    let vertices = path["d"]!.filter { $0 == "L" || $0 == "M" }.count
                    #expect(vertices <= 2000)
                }
            }
        }
    }

    @Test func reportIsWellFormedSelfContainedAndEscaped() {
        let html = Self.fullReport().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        let (error, check) = XMLCheck.parse(html)
        #expect(error == nil)
        #expect((check.counts["svg"] ?? 0) >= 10)
        #expect(check.counts["script"] == nil)
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("url(http") && !html.contains("<link"))
        #expect(html.contains("charlm &lt;shakespeare.txt&gt; &amp; co"))
        #expect(html.contains("What &lt;light&gt; through &amp; yonder"))
        #expect(!html.contains("\u{7}") && !html.contains("\u{1}"))
    }

    @Test func historySectionsAppearWithTheirCharts() {
        let html = Self.fullReport().html
        for id in ["loss", "metric-accuracy", "metric-bpc", "learning-rate", "gradient-norm", "clip-rate", "gradient-through-time",
                   "gradient-factor", "confusion-matrix", "forecast", "tag-accuracy"] {
            #expect(html.contains("data-chart=\"\(id)\""), "missing chart \(id)")
        }
        for id in ["loss", "metrics", "learning-rate", "gradient-norm", "gradient-through-time", "samples", "confusion-matrix",
                   "forecast", "tag-accuracy", "translations"] {
            #expect(html.contains("data-section=\"\(id)\""), "missing section \(id)")
        }
    }

    @Test func lossSectionReportsBestValidationAndSkippedSteps() {
        var h = TrainingHistory()
        for s in 0..<10 {
            h.steps.append(StepRecord(step: s, epoch: 0, loss: 2 - Double(s) / 10, learningRate: 0.1, gradientNorm: nil, clipped: false,
                                      skipped: s == 3, seconds: Double(s)))
        }
        h.evaluations = [EvaluationRecord(step: 4, epoch: 0, split: "validation", metrics: ["loss": 1.5]),
                         EvaluationRecord(step: 9, epoch: 0, split: "validation", metrics: ["loss": 1.7])]
        let section = ReportSection.loss(h)
        guard case .figures(let f) = section.blocks[0] else { Issue.record("no figures"); return }
        #expect(f.contains { $0.label == "best validation loss (step 4)" && $0.value == "1.500" })
        #expect(f.contains { $0.label == "skipped steps (non-finite)" && $0.value == "1" })
        // Without gradient norms there is no gradient section; a constant rate is a sentence.
        let all = ReportSection.history(h)
        #expect(all.map(\.id) == ["loss", "learning-rate"])
        guard case .paragraph(let p) = all[1].blocks[0] else { Issue.record("no paragraph"); return }
        #expect(p == "Constant at 0.1 for all 10 steps.")
    }

    @Test func confusionMatrixComputesAccuracyAndPerClassScores() {
        let s = ReportSection.confusionMatrix(labels: ["a", "b"], counts: [[8, 2], [1, 9]])
        guard case .figures(let f) = s.blocks[0], case .table(let t) = s.blocks[2] else { Issue.record("layout"); return }
        #expect(f[0].value == "85.0 %")
        #expect(t.rows[0] == ["a", "10", "88.9 %", "80.0 %", "84.2 %"])
    }

    @Test func tagAccuracyFromRatesAndCounts() {
        #expect(TagAccuracy(tag: "NOUN", accuracy: 0.95, count: 1000) == TagAccuracy(tag: "NOUN", correct: 950, total: 1000))
        #expect(TagAccuracy(tag: "X", accuracy: .nan, count: 0).accuracy.isNaN)
    }

    @Test func emptyHistoryAndEmptySectionsStillRender() {
        let r = TrainingReport(title: "empty", history: TrainingHistory(), sections: [.textSamples([]), .tagAccuracy([])])
        #expect(XMLCheck.parse(r.html).error == nil)
        let snapshotsOnly = ReportSection.gradientThroughTime([GradientSnapshot(step: 0, hiddenGradientNorms: [])])
        #expect(XMLCheck.parse(TrainingReport(title: "x", sections: [snapshotsOnly]).html).error == nil)
    }

    @Test func writesAtomicallyToAFile() throws {
        let dir = try ExternalProcess.temporaryDirectory("report")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.html").path
        let r = TrainingReport(title: "t", sections: [ReportSection("s", blocks: [.paragraph("hello")])])
        try r.write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == r.html)
    }
}
