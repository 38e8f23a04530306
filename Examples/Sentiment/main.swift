// Sentiment of movie-review snippets: the built-in SequenceClassifier (Embedding → BiLSTM →
// max over time → Linear) trained by the Trainer on array-backed, length-bucketed batches,
// saved whole, reloaded and asked about new sentences.
//   swift run -c release example-sentiment [data folder, default Examples/Data]
import Foundation
import Recurrent

let data = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data")
let words = SimpleWordTokenizer()
let train = try LabelledText.read(data.appendingPathComponent("sentiment_train.tsv"))
let test = try LabelledText.read(data.appendingPathComponent("sentiment_test.tsv"))
let vocabulary = Vocabulary(counting: train.map { words.tokenize($0.text) }, minCount: 2)
let labels = Set(train.map(\.label)).sorted()
func ids(_ text: String) throws -> [Int32] {
    let w = try vocabulary.encode(words.tokenize(text))
    return w.isEmpty ? [vocabulary.unknownID!] : w
}
func classes(_ rows: [LabelledText]) -> [Int32] { rows.map { Int32(labels.firstIndex(of: $0.label)!) } }

var config = SequenceClassifierConfiguration(classes: labels.count, vocabularySize: vocabulary.count)
(config.embeddingSize, config.hiddenSize, config.bidirectional, config.pooling) = (32, 32, true, .max)
(config.dropout, config.embeddingDropout, config.labelSmoothing) = (0.25, 0.25, 0.1)
let model = try SequenceClassifier(config, seed: 1)
print("\(train.count) training snippets, \(vocabulary.count) words, \(model.parameterCount) parameters")

var options = TrainingOptions()
(options.epochs, options.clipNorm) = (10, 5)
let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 2e-3), options: options)
trainer.onProgress = { p in
    if p.batchIndex == p.batchesPerEpoch - 1 { print(String(format: "epoch %d  loss %.3f", p.epoch, p.loss)) }
}
try trainer.fit(ExampleBatches(tokens: train.map { try ids($0.text) }, labels: classes(train), batchSize: 32, seed: 1))

let testBatches = try ClassificationBatch.sequential(tokens: test.map { try ids($0.text) }, labels: classes(test))
let metrics = try model.evaluate(testBatches)
print(String(format: "test accuracy %.3f, loss %.4f", metrics["accuracy"]!, metrics["loss"]!))

// The whole model in one file, the vocabulary and labels in its metadata.
let file = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment.safetensors")
try model.save(to: file, metadata: ["vocabulary": vocabulary.tokens.joined(separator: "\n"),
                                    "labels": labels.joined(separator: "\n")])
let (reloaded, metadata) = try SequenceClassifier.load(contentsOf: file)
let again = try reloaded.evaluate(testBatches)
precondition(again == metrics, "a reloaded model scores the same")
let savedLabels = metadata["labels"]!.split(separator: "\n").map(String.init)
let sentences = ["A gorgeous, moving film.", "Dull, tedious and far too long."]
let predicted = try reloaded.predict(SequenceInput(tokens: sentences.map(ids)))
for (s, p) in zip(sentences, predicted) { print("\(savedLabels[p] == "1" ? "positive" : "negative"): \(s)") }
