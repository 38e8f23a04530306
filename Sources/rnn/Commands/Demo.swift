import ArgumentParser
import Foundation
import Recurrent

/// `rnn demo`: trains a small character LSTM on embedded Shakespeare for about 30 seconds,
/// then prints a sample and the bits per character on held-out text.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a small character LSTM on embedded Shakespeare (~30 s), then sample from it.",
        discussion: "Example: swift run -c release rnn demo --seconds 10")

    @Option(help: "Seconds of training.") var seconds = 30.0
    @Option(help: "Kernel threads.") var threads = 2
    @Option(help: "Random seed.") var seed: UInt64 = 0

    func run() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        KernelConfiguration.threads = threads
        let text = DemoCorpus.text
        let vocab = CharacterVocabulary(training: text.unicodeScalars, addUnknown: true)
        let ids = try vocab.encode(text)
        let split = ids.count * 9 / 10
        var config = LanguageModelConfiguration(vocabularySize: vocab.count)
        (config.embeddingSize, config.hiddenSize, config.layers) = (32, 192, 1)
        let model = try LanguageModel(config, seed: seed)
        let optimizer = try Adam<Float>(model.parameters, learningRate: 3e-3)
        var options = TrainingOptions()
        options.timeBudget = seconds
        options.clipNorm = 5
        let trainer = Trainer(model: model, optimizer: optimizer, options: options)
        let bar = ProgressBar(label: "demo")
        trainer.onProgress = { bar.update($0) }
        print("Training a character LSTM (\(model.parameterCount) parameters) on \(split) characters of Shakespeare for \(Int(seconds)) s (\(KernelConfiguration.isaName), \(threads) threads)…")
        try trainer.fit(batchify(Array(ids[..<split]), batchSize: 32).chunks(bptt: 64))
        bar.finish()
        let bpc = try CharLMTask.bitsPerCharacter(model, Array(ids[split...]))["bpc"]!
        var rng = RandomGenerator(seed: seed)
        let sample = try model.sample(prime: vocab.encode("ROMEO:\n"), length: 400, temperature: 0.8,
                                      excluding: vocab.unknownID, using: &rng)
        print("\(trainer.state.step) steps in \(String(format: "%.1f", trainer.state.elapsed)) s; held-out bits per character: \(String(format: "%.3f", bpc)) (uniform: \(String(format: "%.2f", log2(Double(vocab.count)))))")
        print("Sample (temperature 0.8):\nROMEO:\n" + vocab.decode(sample))
    }
}
