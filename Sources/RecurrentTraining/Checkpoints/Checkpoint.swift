import Foundation
import RecurrentCore
import RecurrentLayers

/// One self-describing safetensors file holding a model and, for resuming, everything else
/// a bit-exact continuation needs.
///
/// Layout: every parameter under its PyTorch-style name (`rnn.weight_ih_l0`, …);
/// optimizer buffers as `optimizer.<buffer>.<index>`; model state (carried hidden state,
/// best parameters) as `state.<name>`. Metadata: `format` = `recurrent-checkpoint`,
/// the caller's entries (task, configuration JSON, vocabularies), the optimizer's step count
/// and learning rate, the trainer's position (`trainer`, JSON) and random-generator states.
/// Written atomically: a crash mid-write leaves the previous file intact.
public struct Checkpoint: Sendable {
    /// The `format` metadata value that marks a checkpoint file.
    public static let format = "recurrent-checkpoint"

    /// Every parameter under its name, in the model's order.
    public var parameters: [(String, Tensor<Float>)]
    /// The caller's metadata (task, configuration JSON, vocabularies).
    public var metadata: [String: String]
    /// The optimizer's step count, learning rate and buffers (nil: parameters only).
    public var optimizer: OptimizerState<Float>?
    /// The trainer's position (nil: not written by a trainer).
    public var trainer: TrainerState?
    /// The model's own state for an exact resume (carried hidden state, random generators).
    public var resumable: ResumableState
    /// Where it was read from (for messages).
    public var source = "<memory>"

    /// A checkpoint of these parts.
    public init(parameters: [(String, Tensor<Float>)], metadata: [String: String],
                optimizer: OptimizerState<Float>? = nil, trainer: TrainerState? = nil,
                resumable: ResumableState = ResumableState()) {
        self.parameters = parameters
        self.metadata = metadata
        self.optimizer = optimizer
        self.trainer = trainer
        self.resumable = resumable
    }

    /// The parameters by name (the first of a repeated name).
    public var stateDict: [String: Tensor<Float>] { Dictionary(parameters, uniquingKeysWith: { first, _ in first }) }

    /// A metadata entry, or an error naming the file and the key.
    public func require(_ key: String) throws -> String {
        guard let v = metadata[key] else { throw CheckpointError("\(source): not a Recurrent model file (no '\(key)' entry)") }
        return v
    }

    /// Writes the checkpoint as one safetensors file, atomically.
    public func write(to url: URL) throws {
        var tensors: [(String, AnyTensorPayload)] = parameters.map { ($0.0, AnyTensorPayload($0.1)) }
        var meta = metadata
        meta["format"] = Self.format
        if let optimizer {
            for (k, v) in optimizer.tensors.sorted(by: { $0.key < $1.key }) { tensors.append(("optimizer." + k, AnyTensorPayload(v))) }
            for (k, v) in optimizer.savedStrings { meta["optimizer." + k] = v }
        }
        for (k, v) in resumable.tensors.sorted(by: { $0.key < $1.key }) { tensors.append(("state." + k, AnyTensorPayload(v))) }
        for (k, v) in resumable.strings { meta["state." + k] = v }
        if let trainer { meta["trainer"] = try trainer.json() }
        try SafeTensorsWriter.write(tensors: tensors, metadata: meta, to: url)
    }

    /// Reads and validates a checkpoint; errors name the file and what is wrong.
    public static func read(from url: URL) throws -> Checkpoint {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CheckpointError("\(url.path): no such file")
        }
        let file: SafeTensorsFile
        do { file = try SafeTensorsFile(contentsOf: url) } catch {
            throw CheckpointError("\(url.path): not a valid model file (\(error))")
        }
        guard file.metadata["format"] == format else {
            throw CheckpointError("\(url.path): not a Recurrent model file (safetensors without '\(format)' metadata)")
        }
        var params: [(String, Tensor<Float>)] = []
        var opt: [String: Tensor<Float>] = [:]
        var resumable = ResumableState()
        for name in file.names {
            let t = try file.tensor(name, as: Float.self)
            // A model, optimizer or resumable tensor holding NaN or ±inf would run and print
            // garbage (or poison a resumed run); training never saves one.
            if let problem = t.nonFiniteDescription {
                throw CheckpointError("\(url.path): tensor '\(name)' \(problem); the file is corrupt")
            }
            if name.hasPrefix("optimizer.") { opt[String(name.dropFirst(10))] = t }
            else if name.hasPrefix("state.") { resumable.tensors[String(name.dropFirst(6))] = t }
            else { params.append((name, t)) }
        }
        var meta: [String: String] = [:]
        for (k, v) in file.metadata {
            if k.hasPrefix("state.") { resumable.strings[String(k.dropFirst(6))] = v } else { meta[k] = v }
        }
        var optimizerStrings: [String: String] = [:]
        for (k, v) in meta where k.hasPrefix("optimizer.") { optimizerStrings[String(k.dropFirst(10))] = v }
        let optimizer = OptimizerState(savedTensors: opt, strings: optimizerStrings)
        var trainer: TrainerState?
        if let json = meta["trainer"] {
            do { trainer = try TrainerState(json: json) } catch {
                throw CheckpointError("\(url.path): trainer state is corrupt (\(error.localizedDescription))")
            }
        }
        var c = Checkpoint(parameters: params, metadata: meta, optimizer: optimizer, trainer: trainer, resumable: resumable)
        c.source = url.path
        return c
    }
}

/// A problem with a model/checkpoint file, phrased for the user.
public struct CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The message, abbreviated to a readable length.
    public let message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = ErrorText.abbreviated(message) }
    /// The message.
    public var description: String { message }
}
