import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// One sequence-to-sequence example (seq2seq): the input, the expected output and the
/// model's.
public struct Translation: Sendable, Equatable {
    /// The input sequence.
    public var source: String
    /// The expected output, if known.
    public var reference: String?
    /// The model's output.
    public var hypothesis: String

    /// One example.
    public init(source: String, reference: String? = nil, hypothesis: String) {
        self.source = source
        self.reference = reference
        self.hypothesis = hypothesis
    }
}

extension ReportSection {
    /// Example translations (seq2seq) as a table, with exact-match accuracy when references
    /// are given.
    public static func translations(_ examples: [Translation], title: String = "Example translations") -> ReportSection {
        let withReference = examples.filter { $0.reference != nil }
        var blocks: [ReportBlock] = []
        if !withReference.isEmpty {
            let exact = withReference.filter { $0.reference == $0.hypothesis }.count
            blocks.append(.figures([("exact matches", "\(exact) of \(withReference.count) (\(percent(Double(exact) / Double(withReference.count))))")]))
        }
        blocks.append(.table(ReportTable(
            header: ["source", "reference", "model", ""],
            rows: examples.map { e in
                [e.source, e.reference ?? "–", e.hypothesis, e.reference.map { $0 == e.hypothesis ? "✓" : "✗" } ?? ""]
            })))
        return ReportSection(title, id: "translations", blocks: blocks)
    }
}
