// A character language model on a slice of Shakespeare: text → character ids → contiguous
// streams cut into BPTT chunks (truncated backpropagation through time, the hidden state
// carried from chunk to chunk) → the built-in LanguageModel → bits per character and a sample.
//   swift run -c release example-charlm [text file, default Examples/Data/shakespeare.txt]
import Foundation
import Recurrent

let url = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data/shakespeare.txt")
let corpus = try TextCorpus(contentsOf: url)
let vocabulary = CharacterVocabulary(training: corpus.scalars)
let ids = try vocabulary.encode(corpus)
let split = ids.count * 9 / 10                                  // the last tenth is held out
let train = try batchify(Array(ids[..<split]), batchSize: 16).chunks(bptt: 64)
let validation = Array(try batchify(Array(ids[split...]), batchSize: 4).chunks(bptt: 64))
print("\(ids.count) characters, \(vocabulary.count) symbols, \(train.count) chunks an epoch")

var config = LanguageModelConfiguration(vocabularySize: vocabulary.count)
(config.embeddingSize, config.hiddenSize, config.layers) = (16, 128, 1)
let model = try LanguageModel(config, seed: 1)
var options = TrainingOptions()
(options.epochs, options.clipNorm) = (6, 1)
let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 4e-3), options: options)
trainer.onProgress = { p in
    if let e = p.lastEvaluation, p.batchIndex == p.batchesPerEpoch - 1 {
        print(String(format: "epoch %d  train loss %.3f  validation %.3f bpc", p.epoch, p.loss, e["bpc"]!))
    }
}
try trainer.fit(train, validation: validation)                  // keeps the best epoch's parameters
print(String(format: "held-out: %.3f bits per character", try model.evaluate(validation)["bpc"]!))

// Sampling: prime the state with a name, then draw each next character at temperature 0.7.
var rng = RandomGenerator(seed: 7)
let prime = "ROMEO:\n".unicodeScalars.compactMap { vocabulary.id(of: $0) }
let sample = try model.sample(prime: prime, length: 240, temperature: 0.7, using: &rng)
print("ROMEO:\n" + String(String.UnicodeScalarView(sample.map { vocabulary.symbols[Int($0)] })))
