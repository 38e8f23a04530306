import Foundation
import RecurrentCore
import RecurrentLayers

extension Checkpoint {
    /// Metadata that a resumed run must share with the checkpoint: what the parameters mean.
    /// A vocabulary with the same size but other entries (another training file) would load
    /// without a shape error and silently scramble the embedding and output rows; sizes
    /// (`config`) are checked by the parameter shapes, and options such as dropout or the
    /// beam width may change between runs.
    static let meaningKeys: [(key: String, what: String)] = [
        ("task", "task"), ("kind", "input kind"), ("vocabulary", "vocabulary"),
        ("source_vocabulary", "source vocabulary"), ("target_vocabulary", "target vocabulary"),
        ("target_unit", "target unit"), ("labels", "labels"), ("tags", "tags"), ("features", "features"),
    ]

    /// Throws when this checkpoint cannot continue a run whose checkpoints carry `metadata`
    /// (the task's `checkpointMetadata`): another task, or vocabularies, labels or features
    /// derived from other training data. Keys the run does not set are not compared.
    public func checkCanResume(runWith metadata: [String: String]) throws {
        for (key, what) in Self.meaningKeys {
            guard let ours = metadata[key] else { continue }
            guard let theirs = self.metadata[key] else {
                throw CheckpointError("\(source): cannot resume: the checkpoint has no \(what) ('\(key)' metadata)")
            }
            if ours == theirs { continue }
            if key == "task" {
                throw CheckpointError("\(source): cannot resume a '\(ours)' run from a '\(theirs)' checkpoint")
            }
            throw CheckpointError("\(source): cannot resume: the checkpoint was trained with other \(what) "
                                  + "than this run's training data gives (\(Self.difference(theirs, ours))); "
                                  + "resume with the training data it was trained on")
        }
    }

    /// The entries of the `config` metadata (the model's sizes and options) that differ from
    /// this run's, as "hiddenSize 16 in the checkpoint, 32 in this run"; empty when either
    /// is missing or not a JSON object.
    public func configDifferences(runWith metadata: [String: String]) -> [String] {
        func object(_ json: String?) -> [String: Any]? {
            json.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        guard let saved = object(self.metadata["config"]), let run = object(metadata["config"]) else { return [] }
        return Set(saved.keys).union(run.keys).sorted().compactMap { key in
            let a = saved[key].map { "\($0)" } ?? "none", b = run[key].map { "\($0)" } ?? "none"
            return a == b ? nil : "\(key) \(a) in the checkpoint, \(b) in this run"
        }
    }

    /// "62 entries vs 64; 'é' is new" for two JSON lists of strings; otherwise a short note.
    private static func difference(_ saved: String, _ run: String) -> String {
        let decoder = JSONDecoder()
        guard let a = try? decoder.decode([String].self, from: Data(saved.utf8)),
              let b = try? decoder.decode([String].self, from: Data(run.utf8))
        else { return "they differ" }
        var parts = ["\(a.count) entries in the checkpoint, \(b.count) in this run"]
        let known = Set(a), wanted = Set(b)
        if let new = b.first(where: { !known.contains($0) }) {
            parts.append("\(String(reflecting: new)) is new")
        } else if let gone = a.first(where: { !wanted.contains($0) }) {
            parts.append("\(String(reflecting: gone)) is missing")
        } else if a != b {
            parts.append("the same entries in another order")
        }
        return parts.joined(separator: "; ")
    }
}
