import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A titled part of a ``TrainingReport``: an optional note and a list of blocks.
///
/// The task-specific constructors (``textSamples(_:title:)``,
/// ``confusionMatrix(labels:counts:title:)``, ``forecast(actual:predicted:predictionStart:title:valueLabel:)``,
/// ``tagAccuracy(_:title:)``, ``translations(_:title:)``) and ``history(_:clipNorm:)`` build
/// the usual ones; any other section is a title and blocks.
public struct ReportSection: Sendable {
    /// The heading.
    public var title: String
    /// A sentence under the heading explaining how to read the section.
    public var note: String?
    /// The content, in order.
    public var blocks: [ReportBlock]
    /// A short stable name, written as `data-section` and used for the anchor.
    public var id: String

    /// A section; `id` defaults to the title in lower case with non-alphanumerics as "-".
    public init(_ title: String, id: String? = nil, note: String? = nil, blocks: [ReportBlock]) {
        self.title = title
        self.note = note
        self.blocks = blocks
        self.id = id ?? String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
