import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// How well one tag was predicted (tag): correct predictions among the tokens that carry it.
public struct TagAccuracy: Sendable, Equatable {
    /// The tag ("NOUN").
    public var tag: String
    /// Tokens with this gold tag that the model tagged correctly.
    public var correct: Int
    /// Tokens with this gold tag.
    public var total: Int

    /// The counts of one tag.
    public init(tag: String, correct: Int, total: Int) {
        self.tag = tag
        self.correct = correct
        self.total = total
    }

    /// From an accuracy in [0, 1] over `count` tokens (correct = accuracy·count, rounded).
    public init(tag: String, accuracy: Double, count: Int) {
        self.init(tag: tag, correct: accuracy.isFinite ? Int((accuracy * Double(count)).rounded()) : 0, total: count)
    }

    /// correct / total (NaN without tokens).
    public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : .nan }
}

extension ReportSection {
    /// Per-tag accuracy (tag), most frequent tags first: a bar chart and a table, with the
    /// overall token accuracy.
    public static func tagAccuracy(_ tags: [TagAccuracy], title: String = "Per-tag accuracy") -> ReportSection {
        let sorted = tags.sorted { ($0.total, $1.tag) > ($1.total, $0.tag) }
        var chart = Chart(title: "Accuracy per tag (most frequent first)", width: max(420, min(900, Double(sorted.count) * 26 + 120)),
                          height: 260, yLabel: "accuracy %", id: "tag-accuracy")
        chart.xCategories = sorted.map(\.tag)
        chart.yDomain = 0...100
        chart.series.append(BarSeries(nil, bars: sorted.enumerated().map { (x: Double($0.offset), value: 100 * $0.element.accuracy) },
                                      color: Palette.color(4),
                                      tooltips: sorted.map { "\($0.tag): \($0.correct) of \($0.total) (\(percent($0.accuracy)))" }))
        let correct = tags.reduce(0) { $0 + $1.correct }, total = tags.reduce(0) { $0 + $1.total }
        return ReportSection(title, id: "tag-accuracy", blocks: [
            .figures([("token accuracy", percent(total > 0 ? Double(correct) / Double(total) : .nan)), ("tokens", grouped(total)),
                      ("tags", grouped(tags.count))]),
            .chart(chart),
            .table(ReportTable(header: ["tag", "tokens", "correct", "accuracy"],
                               rows: sorted.map { [$0.tag, grouped($0.total), grouped($0.correct), percent($0.accuracy)] },
                               numericColumns: [1, 2, 3])),
        ])
    }
}
