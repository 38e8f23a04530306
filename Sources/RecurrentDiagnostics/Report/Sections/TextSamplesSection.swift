import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A generated text (charlm, generate) with what produced it.
public struct TextSample: Sendable, Equatable {
    /// The text the generation was primed with, if any.
    public var prompt: String?
    /// The generated text (after the prompt).
    public var text: String
    /// Sampling temperature, if any.
    public var temperature: Double?
    /// The training step the sample was taken at, if any.
    public var step: Int?

    /// A sample and what produced it.
    public init(prompt: String? = nil, text: String, temperature: Double? = nil, step: Int? = nil) {
        self.prompt = prompt
        self.text = text
        self.temperature = temperature
        self.step = step
    }
}

extension ReportSection {
    /// Generated texts, monospaced, each captioned with its step, temperature and prompt.
    public static func textSamples(_ samples: [TextSample], title: String = "Samples") -> ReportSection {
        let blocks = samples.map { s -> ReportBlock in
            var caption: [String] = []
            if let step = s.step { caption.append("step \(grouped(step))") }
            if let t = s.temperature { caption.append("temperature \(compact(t))") }
            if let p = s.prompt { caption.append("prompt “\(p)”") }
            return .preformatted((s.prompt ?? "") + s.text, caption: caption.isEmpty ? nil : caption.joined(separator: " · "))
        }
        return ReportSection(title, id: "samples", blocks: blocks.isEmpty ? [.paragraph("No samples.")] : blocks)
    }
}
