import ArgumentParser
import Foundation
import Recurrent

/// `rnn sample MODEL --length N --temperature T --prime TEXT`
struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate text from a trained character language model.",
        discussion: "Example: rnn sample lm.safetensors --length 300 --temperature 0.8 --prime 'ROMEO:'")

    @Argument(help: "A charlm model.") var model: String
    @Option(help: "Characters to generate.") var length = 300
    @Option(help: "Softmax temperature (> 0; lower is more conservative).") var temperature = 0.8
    @Option(name: .customLong("top-k"), help: "Sample only among the k most likely characters.") var topK: Int?
    @Option(help: "Text to start from.") var prime = "\n"
    @Option(help: "Random seed.") var seed: UInt64 = 0

    func run() throws {
        try requireFile(model)
        guard temperature > 0 && temperature.isFinite else { throw ValidationError("--temperature must be positive and finite, got \(temperature)") }
        guard length >= 0 else { throw ValidationError("--length must not be negative") }
        if let topK, topK < 1 { throw ValidationError("--top-k must be at least 1, got \(topK)") }
        let checkpoint = try Checkpoint.read(from: URL(fileURLWithPath: model))
        let (lm, vocab) = try CharLMTask.load(checkpoint)
        var rng = RandomGenerator(seed: seed)
        // Written as it is drawn, 4096 characters at a time, so a long sample neither waits
        // to the end nor keeps every character in memory.
        let primeIDs = try vocab.encode(prime)
        FileHandle.standardOutput.write(Data(prime.utf8))
        var pending: [Int32] = []
        pending.reserveCapacity(4096)
        try lm.sample(prime: primeIDs, length: length, temperature: temperature, topK: topK,
                      excluding: vocab.unknownID, using: &rng) { id in
            pending.append(id)
            if pending.count == 4096 {
                FileHandle.standardOutput.write(Data(vocab.decode(pending).utf8))
                pending.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data((vocab.decode(pending) + "\n").utf8))
    }
}
