import Foundation
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

/// A built-in model that saves itself whole — configuration and parameters — to one
/// safetensors file, and is built again from it with ``init(contentsOf:)``.
///
/// The file is the format of the `rnn` tool's model files and of the `Trainer`'s
/// checkpoints (a `Checkpoint`: `format` = `recurrent-checkpoint`, the parameters under their
/// PyTorch names): its metadata holds `model` (the type's ``modelType``), `config` (the
/// configuration as JSON) and whatever the caller adds — a vocabulary, label names — as
/// strings. A file written by `rnn train` for this model (charlm, classify, tag, seq2seq,
/// generate) loads too. Reloaded models give bit-identical outputs.
///
/// ```swift
/// try model.save(to: url, metadata: ["labels": "neg,pos"])
/// let (again, metadata) = try SequenceClassifier.load(contentsOf: url)
/// ```
public protocol SavableModel: TrainableModel where Scalar == Float {
    /// The model's configuration, stored as JSON in the file.
    associatedtype Configuration: Codable
    /// The name of the model type in the file's `model` entry ("SequenceClassifier", …).
    static var modelType: String { get }
    /// The `rnn train` task whose model files hold this model (nil: none).
    static var taskName: String? { get }
    /// What the model was built with.
    var configuration: Configuration { get }
    /// A new model of `configuration`, initialised from `seed`.
    init(_ configuration: Configuration, seed: UInt64) throws
}

/// The metadata keys ``SavableModel/save(to:metadata:)`` writes itself; a caller's entry
/// may not use them.
public let savedModelReservedKeys: Set<String> = ["model", "config", "format", "task", "trainer"]

extension SavableModel {
    /// Writes the configuration, the parameters and `metadata` (your own entries: a
    /// vocabulary, label names, …; the keys in `savedModelReservedKeys` are the file's own)
    /// to `url`, atomically. Throws when `metadata` uses a reserved key or the file cannot be written.
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        if let key = metadata.keys.sorted().first(where: savedModelReservedKeys.contains) {
            throw CheckpointError("the metadata key '\(key)' is reserved for the model file itself")
        }
        var meta = metadata
        meta["model"] = Self.modelType
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        meta["config"] = String(decoding: try encoder.encode(configuration), as: UTF8.self)
        try Checkpoint(parameters: namedParameters.map { ($0.name, $0.parameter.value) }, metadata: meta).write(to: url)
    }

    /// The model saved at `url` by ``save(to:metadata:)`` (or by `rnn train`), in evaluation
    /// mode. Throws a `CheckpointError` naming the file when it is missing, not a Recurrent
    /// model file, corrupt, holds another type of model, or its parameters do not fit.
    public init(contentsOf url: URL) throws {
        let (file, configuration) = try Self.readSaved(url)
        do { try self.init(configuration, seed: 0) } catch {
            throw CheckpointError("\(file.source): the saved configuration is not valid (\(error))")
        }
        try loadSavedParameters(file)
    }

    /// The model saved at `url` and the metadata saved with it (the caller's entries, and the
    /// file's own: `model`, `config`, …). Errors as ``init(contentsOf:)``.
    public static func load(contentsOf url: URL) throws -> (model: Self, metadata: [String: String]) {
        let (file, configuration) = try readSaved(url)
        let model: Self
        do { model = try Self(configuration, seed: 0) } catch {
            throw CheckpointError("\(file.source): the saved configuration is not valid (\(error))")
        }
        try model.loadSavedParameters(file)
        return (model, file.metadata)
    }

    /// The file at `url`, checked to hold this type of model, and its configuration.
    private static func readSaved(_ url: URL) throws -> (Checkpoint, Configuration) {
        let file = try Checkpoint.read(from: url)
        try checkType(of: file)
        let json = try file.require("config")
        do { return (file, try JSONDecoder().decode(Configuration.self, from: Data(json.utf8))) } catch {
            throw CheckpointError("\(file.source): the \(modelType) configuration is corrupt (\(error))")
        }
    }

    /// Loads the file's parameters (every one, exactly) and leaves the model in evaluation mode.
    private func loadSavedParameters(_ file: Checkpoint) throws {
        let names = Set(namedParameters.map(\.name))
        if let extra = file.parameters.map(\.0).first(where: { !names.contains($0) }) {
            throw CheckpointError("\(file.source): tensor '\(extra)' is not a parameter of this \(Self.modelType)")
        }
        do { try load(stateDict: file.stateDict) } catch {
            throw CheckpointError("\(file.source): the parameters do not fit the model (\(error))")
        }
        isTraining = false
    }

    /// Throws unless the file holds this type of model (its `model` entry, or for a file
    /// of the `rnn` tool its `task`).
    private static func checkType(of file: Checkpoint) throws {
        if let type = file.metadata["model"] {
            guard type == modelType else { throw CheckpointError("\(file.source) holds a \(type), not a \(modelType)") }
        } else if let task = file.metadata["task"] {
            guard task == taskName else {
                throw CheckpointError("\(file.source) holds a model of the '\(task)' task, not a \(modelType)")
            }
        } else {
            throw CheckpointError("\(file.source): not a saved model (no 'model' entry; a training checkpoint?)")
        }
    }
}

extension LanguageModel: SavableModel {
    /// "LanguageModel".
    public static var modelType: String { "LanguageModel" }
    /// "charlm".
    public static var taskName: String? { "charlm" }
}

extension SequenceClassifier: SavableModel {
    /// "SequenceClassifier".
    public static var modelType: String { "SequenceClassifier" }
    /// "classify".
    public static var taskName: String? { "classify" }
}

extension SequenceRegressor: SavableModel {
    /// "SequenceRegressor".
    public static var modelType: String { "SequenceRegressor" }
    /// nil: `rnn train forecast` saves an ensemble of regressors, not one.
    public static var taskName: String? { nil }
}

extension SequenceTagger: SavableModel {
    /// "SequenceTagger".
    public static var modelType: String { "SequenceTagger" }
    /// "tag".
    public static var taskName: String? { "tag" }
}

extension Seq2Seq: SavableModel {
    /// "Seq2Seq".
    public static var modelType: String { "Seq2Seq" }
    /// "seq2seq".
    public static var taskName: String? { "seq2seq" }
}

extension ConditionedGenerator: SavableModel {
    /// "ConditionedGenerator".
    public static var modelType: String { "ConditionedGenerator" }
    /// "generate".
    public static var taskName: String? { "generate" }
}
