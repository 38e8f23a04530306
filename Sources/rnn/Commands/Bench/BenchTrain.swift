import ArgumentParser
import Foundation
import Recurrent

/// `rnn bench train`: the training loop's overhead against the model's own work, for the
/// charlm configuration (Emb 64 → 2-layer LSTM 256 → Linear, batch 32, bptt 100).
struct BenchTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Split of a charlm training step: model forward/backward vs loss, batching, clipping, optimizer.",
        discussion: "Example: rnn bench train --steps 100 --threads 2")

    @Option(help: "Training steps to time.") var steps = 100
    @Option(help: "Kernel threads.") var threads = 1
    @Option(help: "Text file (default: the embedded demo text).") var text: String?

    func validate() throws {
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        KernelConfiguration.threads = threads
        let corpus = try text.map(readTextFile) ?? DemoCorpus.text
        let vocab = CharacterVocabulary(training: corpus.unicodeScalars, addUnknown: true)
        let chunks = try batchify(vocab.encode(corpus), batchSize: 32).chunks(bptt: 100)
        let model = try LanguageModel(LanguageModelConfiguration(vocabularySize: vocab.count), seed: 1)
        let optimizer = try Adam<Float>(model.parameters, learningRate: 2e-3)
        var options = TrainingOptions()
        options.maxSteps = steps
        options.clipNorm = 5
        let trainer = Trainer(model: model, optimizer: optimizer, options: options)
        _ = try trainer.fit(chunks)  // warm-up run (allocations, packing buffers)
        let t0 = monotonicSeconds()
        trainer.options.maxSteps = 2 * steps
        _ = try trainer.fit(chunks)
        let perStep = (monotonicSeconds() - t0) / Double(steps)

        // Each loop component in isolation, on the same sizes.
        let n = chunks.count
        var i = 0
        let batching = medianSeconds(minRuns: 20, minSeconds: 0.2) { _ = chunks[i % n]; i += 1 }
        var rng = RandomGenerator(seed: 3)
        let logits = Tensor<Float>.normal([100, 32, vocab.count], using: &rng)
        let targets = chunks[0].target
        let loss = try medianSeconds(minRuns: 20, minSeconds: 0.2) { _ = try softmaxCrossEntropy(logits: logits, targets: targets) }
        let parameters = model.parameters
        let clipping = medianSeconds(minRuns: 20, minSeconds: 0.2) { _ = clipGradientNorm(parameters, maxNorm: 5) }
        let stepping = medianSeconds(minRuns: 20, minSeconds: 0.2) { optimizer.step() }
        let zeroing = medianSeconds(minRuns: 20, minSeconds: 0.2) { optimizer.zeroGradients() }
        let overhead = batching + loss + clipping + stepping + zeroing
        func line(_ name: String, _ s: Double) {
            print("  " + name.padding(toLength: 28, withPad: " ", startingAt: 0)
                  + String(format: "%9.3f ms  %5.1f %%", s * 1e3, 100 * s / perStep))
        }
        print("charlm step (\(model.parameterCount) parameters, batch 32 × bptt 100, \(threads) thread(s)): \(String(format: "%.2f", perStep * 1e3)) ms")
        line("batching", batching)
        line("loss (softmax CE + grad)", loss)
        line("gradient clipping", clipping)
        line("optimizer step (Adam)", stepping)
        line("zero gradients", zeroing)
        line("overhead total", overhead)
        line("model forward/backward", perStep - overhead)
    }
}
