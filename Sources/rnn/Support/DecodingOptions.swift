import ArgumentParser
import Foundation
import Recurrent

/// `--beam` of `rnn eval` and `rnn predict`: decode a seq2seq model with another beam width
/// than the one it was saved with.
struct DecodingOptions: ParsableArguments {
    @Option(help: "Seq2seq: decode with this beam width instead of the model's (1 = greedy).") var beam: Int?

    func validate() throws {
        if let beam, !(1...Seq2Seq.maximumBeamWidth).contains(beam) {
            throw ValidationError("--beam must be in 1…\(Seq2Seq.maximumBeamWidth), got \(beam)")
        }
    }

    /// Sets the model's beam width; only seq2seq models decode with a beam.
    func apply(to checkpoint: inout Checkpoint, task: String) throws {
        guard let beam else { return }
        guard task == Seq2SeqTask.name else { throw CLIError("--beam applies to seq2seq models, not \(task)") }
        checkpoint.metadata["beam_width"] = String(beam)
    }
}
