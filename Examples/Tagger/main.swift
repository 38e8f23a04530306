// Syllable boundaries as sequence tagging: each phone of a word (CMU dictionary) is tagged B
// (begins a syllable) or I. The built-in SequenceTagger: Embedding → BiLSTM → Linear per phone.
//   swift run -c release example-tagger [data folder, default Examples/Data]
import Foundation
import Recurrent

let data = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data")
let train = try TaggedSentence.read(data.appendingPathComponent("syllables_train.conll"))
let test = try TaggedSentence.read(data.appendingPathComponent("syllables_test.conll"))
let phones = Vocabulary(counting: train.map(\.tokens))          // <pad> = 0, <unk> = 1, then the phones
let tags = Vocabulary(counting: train.map(\.tags), specials: [])  // B, I
func encode(_ words: [TaggedSentence]) throws -> (tokens: [[Int32]], tags: [[Int32]]) {
    (try words.map { try phones.encode($0.tokens) }, try words.map { try tags.encode($0.tags) })
}
let (x, y) = try encode(train)
let (testX, testY) = try encode(test)
print("\(train.count) words, \(phones.count) phones, tags \(tags.tokens)")

var config = SequenceTaggerConfiguration(vocabularySize: phones.count, tagCount: tags.count)
(config.embeddingSize, config.hiddenSize) = (16, 32)
let model = try SequenceTagger(config, seed: 1)
var options = TrainingOptions()
(options.epochs, options.clipNorm, options.keepBest) = (12, 5, false)  // test scores shown, not chosen from
let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 1e-2), options: options)
let testBatches = try TaggingBatch.sequential(sentences: testX, tags: testY)
try trainer.fit(ExampleBatches(sentences: x, tags: y, batchSize: 16, seed: 1), validation: testBatches)
for e in trainer.history.evaluations where e.epoch % 3 == 2 {
    print(String(format: "epoch %2d  accuracy %.3f  loss %.3f", e.epoch, e.metrics["accuracy"]!, e.metrics["loss"]!))
}
print(String(format: "test accuracy per phone: %.3f", try model.evaluate(testBatches)["accuracy"]!))

// Tag a few test words and show the syllables.
let words = Array(test.prefix(4))
let batch = try TaggingBatch.sequential(sentences: Array(testX.prefix(4)), tags: Array(testY.prefix(4)))[0]
let predicted = try model.predict(batch.tokens)                  // (T, B) time-major
for (b, word) in words.enumerated() {
    let t = word.tokens.indices.map { tags.tokens[Int(predicted[$0 * words.count + b])] }
    let syllables = zip(word.tokens, t).map { $1 == "B" && $0 != word.tokens[0] ? "· " + $0 : $0 }
    print(word.tokens.joined(separator: " "), "→", syllables.joined(separator: " "))
}
