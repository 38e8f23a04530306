// Grapheme to phoneme (CMU dictionary): letters in, ARPAbet phones out, with the built-in
// Seq2Seq encoder–decoder (LSTM, dot-product attention), teacher forcing, then greedy decoding.
//   swift run -c release example-seq2seq [data folder, default Examples/Data]
import Foundation
import Recurrent

let data = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data")
let train = try TextPair.read(data.appendingPathComponent("g2p_train.tsv"))
let test = try TextPair.read(data.appendingPathComponent("g2p_test.tsv"))
func letters(_ s: String) -> [String] { s.map(String.init) }
func phones(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }
let source = Vocabulary(counting: train.map { letters($0.source) }, specials: Vocabulary.sequenceSpecials)
let target = Vocabulary(counting: train.map { phones($0.target) }, specials: Vocabulary.sequenceSpecials)
func encode(_ pairs: [TextPair]) throws -> ([[Int32]], [[Int32]]) {
    (try pairs.map { try source.encode(letters($0.source)) }, try pairs.map { try target.encode(phones($0.target)) })
}
let (x, y) = try encode(train)
let (testX, testY) = try encode(test)
let (bos, eos) = (target.beginningID!, target.endID!)
print("\(train.count) pairs; \(source.count) letters → \(target.count) phones")

var config = Seq2SeqConfiguration(sourceVocabularySize: source.count, targetVocabularySize: target.count,
                                  beginID: bos, endID: eos)
(config.embeddingSize, config.hiddenSize, config.attention, config.maxOutputLength) = (32, 96, .dot, 20)
let model = try Seq2Seq(config, seed: 1)
var options = TrainingOptions()
(options.epochs, options.clipNorm) = (30, 5)
let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 5e-3), options: options)
trainer.onProgress = { p in
    if p.batchIndex == p.batchesPerEpoch - 1 && p.epoch % 5 == 4 { print(String(format: "epoch %2d  loss %.3f", p.epoch, p.loss)) }
}
try trainer.fit(ExampleBatches(sources: x, targets: y, beginID: bos, endID: eos, batchSize: 16, seed: 1))

let metrics = try model.evaluate(Seq2SeqBatch.sequential(sources: testX, targets: testY, beginID: bos, endID: eos))
print(String(format: "test: exact match %.3f, phone error rate %.3f", metrics["exact_match"]!, metrics["token_error_rate"]!))
let decoded = try model.translate(Array(testX.prefix(5)))
for (pair, ids) in zip(test, decoded) {
    print("\(pair.source) → \(target.decode(ids).joined(separator: " "))   (dictionary: \(pair.target))")
}
