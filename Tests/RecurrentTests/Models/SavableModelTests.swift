import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentTasks

/// Whole-model files: `save(to:)` / `init(contentsOf:)` round trips give bit-identical
/// outputs, and wrong, missing or corrupt files are clear errors.
@Suite struct SavableModelTests {
    func temporaryURL(_ name: String = "model.safetensors") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("savable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    /// Saves `model`, loads it back, and checks parameters and evaluation metrics are identical.
    func roundTrip<M: SavableModel>(_ model: M, on batches: [M.Batch]) throws where M.Configuration: Equatable {
        let url = try temporaryURL()
        try model.save(to: url, metadata: ["labels": "[\"a\",\"b\"]"])
        let (again, metadata) = try M.load(contentsOf: url)
        #expect(metadata["labels"] == "[\"a\",\"b\"]")
        #expect(metadata["model"] == M.modelType)
        #expect(again.configuration == model.configuration)
        #expect(again.stateDict == model.stateDict)
        #expect(again.isTraining == false)
        #expect(try again.evaluate(batches) == model.evaluate(batches))
        let viaInit = try M(contentsOf: url)
        #expect(viaInit.stateDict == model.stateDict)
    }

    @Test func everyModelRoundTrips() throws {
        var classifier = SequenceClassifierConfiguration(classes: 3, vocabularySize: 9)
        (classifier.hiddenSize, classifier.embeddingSize, classifier.bidirectional, classifier.dropout) = (5, 4, true, 0.2)
        try roundTrip(try SequenceClassifier(classifier, seed: 7),
                      on: ClassificationBatch.sequential(tokens: [[1, 2, 3], [4, 5], [8]], labels: [0, 2, 1]))

        var lm = LanguageModelConfiguration(vocabularySize: 6)
        (lm.hiddenSize, lm.embeddingSize, lm.layers) = (5, 4, 1)
        let chunks = try batchify([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5], batchSize: 2).chunks(bptt: 3)
        try roundTrip(try LanguageModel(lm, seed: 7), on: Array(chunks))

        var regressor = SequenceRegressorConfiguration(featureCount: 2, outputs: 1)
        regressor.hiddenSize = 4
        try roundTrip(try SequenceRegressor(regressor, seed: 7),
                      on: RegressionBatch.sequential(inputs: [[1, 2, 3, 4], [0.5, 0.1]], featureCount: 2, targets: [[1], [-1]]))

        var tagger = SequenceTaggerConfiguration(vocabularySize: 7, tagCount: 3)
        (tagger.hiddenSize, tagger.embeddingSize) = (4, 3)
        try roundTrip(try SequenceTagger(tagger, seed: 7),
                      on: TaggingBatch.sequential(sentences: [[1, 2, 3], [4, 5]], tags: [[0, 1, 2], [2, 1]]))

        var s2s = Seq2SeqConfiguration(sourceVocabularySize: 6, targetVocabularySize: 6, beginID: 1, endID: 2)
        (s2s.hiddenSize, s2s.embeddingSize, s2s.attention, s2s.maxOutputLength) = (4, 3, .dot, 5)
        try roundTrip(try Seq2Seq(s2s, seed: 7),
                      on: Seq2SeqBatch.sequential(sources: [[3, 4], [5]], targets: [[4, 3], [5, 5]], beginID: 1, endID: 2))

        var generator = ConditionedGeneratorConfiguration(vocabularySize: 5, conditionSize: 2)
        (generator.hiddenSize, generator.embeddingSize) = (4, 3)
        try roundTrip(try ConditionedGenerator(generator, seed: 7),
                      on: GenerationBatch.sequential(conditions: [[1, 0], [0, 1]], sequences: [[1, 2], [3]], start: 0, end: 0))
    }

    @Test func predictionsAreBitIdenticalAfterReload() throws {
        var c = SequenceClassifierConfiguration(classes: 2, featureCount: 2)
        c.hiddenSize = 6
        let model = try SequenceClassifier(c, seed: 3)
        let url = try temporaryURL()
        try model.save(to: url)
        let again = try SequenceClassifier(contentsOf: url)
        let input = try SequenceInput(features: [[0.1, 0.2, 0.3, 0.4], [1, -1]], featureCount: 2)
        model.isTraining = false
        let (a, b) = (try model.logits(input).scalars, try again.logits(input).scalars)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
    }

    /// A model file of `rnn train classify` loads as a SequenceClassifier (and as nothing else).
    @Test func aClassifyTaskFileLoads() throws {
        let out = temporaryFile("safetensors")
        defer { try? FileManager.default.removeItem(at: out) }
        var o = quickOptions(train: taskFixture("classify/text_train.tsv"), test: nil, out: out, epochs: 1)
        o.embedding = 8
        _ = try ClassifyTask.train(o, progress: nil)
        let model = try SequenceClassifier(contentsOf: out)
        let (taskModel, _) = try ClassifyTask.load(Checkpoint.read(from: out))
        #expect(model.stateDict == taskModel.stateDict)
        #expect(model.configuration == taskModel.configuration)
        #expect(throws: CheckpointError.self) { try SequenceTagger(contentsOf: out) }
    }

    @Test func wrongMissingAndCorruptFilesAreClearErrors() throws {
        var c = SequenceTaggerConfiguration(vocabularySize: 5, tagCount: 2)
        (c.hiddenSize, c.embeddingSize) = (3, 2)
        let url = try temporaryURL()
        try SequenceTagger(c).save(to: url)

        func message(_ body: () throws -> Void) -> String {
            do { try body() } catch { return "\(error)" }
            return "no error"
        }
        #expect(message { _ = try SequenceClassifier(contentsOf: url) }.contains("holds a SequenceTagger, not a SequenceClassifier"))
        let missing = url.deletingLastPathComponent().appendingPathComponent("none.safetensors")
        #expect(message { _ = try SequenceTagger(contentsOf: missing) }.contains("no such file"))
        let garbage = url.deletingLastPathComponent().appendingPathComponent("garbage.safetensors")
        try Data("not a safetensors file at all".utf8).write(to: garbage)
        #expect(message { _ = try SequenceTagger(contentsOf: garbage) }.contains("not a valid model file"))
        var truncated = try Data(contentsOf: url)
        truncated.removeLast(8)
        try truncated.write(to: garbage)
        #expect(message { _ = try SequenceTagger(contentsOf: garbage) } != "no error")
        // A Recurrent file that is not a saved model (a bare checkpoint without 'model').
        try Checkpoint(parameters: [], metadata: [:]).write(to: garbage)
        #expect(message { _ = try SequenceTagger(contentsOf: garbage) }.contains("not a saved model"))
        #expect(message { try SequenceTagger(c).save(to: url, metadata: ["config": "x"]) }.contains("reserved"))
        // A configuration that does not match the parameters.
        var file = try Checkpoint.read(from: url)
        var bigger = c
        bigger.hiddenSize = 4
        file.metadata["config"] = String(decoding: try JSONEncoder().encode(bigger), as: UTF8.self)
        try file.write(to: garbage)
        #expect(message { _ = try SequenceTagger(contentsOf: garbage) }.contains("do not fit"))
    }
}

@Suite struct LibraryInspectionTests {
    @Test func parameterNamedFindsPyTorchNames() throws {
        var c = SequenceClassifierConfiguration(classes: 2, vocabularySize: 5)
        (c.hiddenSize, c.embeddingSize) = (3, 2)
        let model = try SequenceClassifier(c)
        let w = try #require(model.parameter(named: "rnn.weight_hh_l0"))
        #expect(w.value.shape == [12, 3])
        #expect(model.parameter(named: "no.such") == nil)
        #expect(model.parameterNames.first == "embedding.weight")
    }

    @Test func tensorNormsAndElementOperations() throws {
        let a = try Tensor<Float>(shape: [2, 2], scalars: [3, -4, 0, 1])
        let b = try Tensor<Float>(shape: [2, 2], scalars: [1, 1, 1, 1])
        #expect(abs(a.norm - 26.0.squareRoot()) < 1e-12)
        #expect(a.maxAbs == 4)
        #expect(a.mean == 0)
        #expect(a.minimum == -4 && a.maximum == 3)
        #expect(try a.subtracting(b).scalars == [2, -5, -1, 0])
        #expect(try a.adding(b).scalars == [4, -3, 1, 2])
        #expect(try a.multiplying(b.scaled(by: 2)).scalars == [6, -8, 0, 2])
        #expect(try a.maxAbsDifference(b) == 5)
        #expect(throws: (any Error).self) { try a.subtracting(Tensor<Float>(zeros: [4])) }
    }
}

@Suite struct ExampleBatchesTests {
    @Test func classifierBatchesCoverEveryExampleOncePerEpochBucketed() throws {
        let tokens: [[Int32]] = (0..<10).map { [Int32](repeating: 1, count: 1 + $0 % 4) }
        let labels: [Int32] = (0..<10).map { Int32($0 % 2) }
        let batches = try ExampleBatches(tokens: tokens, labels: labels, batchSize: 3, seed: 5)
        #expect(batches.batchesPerEpoch == 4)
        var seen = 0
        for i in 0..<batches.batchesPerEpoch {
            let b = try batches.batch(epoch: 1, index: i)
            seen += b.labels.count
        }
        #expect(seen == 10)
        // The same seed gives the same batches; the evaluation batches keep the order.
        let again = try ExampleBatches(tokens: tokens, labels: labels, batchSize: 3, seed: 5)
        #expect(try again.batch(epoch: 1, index: 2) == batches.batch(epoch: 1, index: 2))
        #expect(try ClassificationBatch.sequential(tokens: tokens, labels: labels, batchSize: 4).flatMap(\.labels) == labels)
        #expect(throws: ArgumentError.self) { try ExampleBatches(tokens: tokens, labels: [0], batchSize: 3) }
        #expect(throws: ArgumentError.self) { try ExampleBatches(tokens: [], labels: [], batchSize: 3) }
    }

    @Test func trainsAClassifierWithoutHandWrittenBatching() throws {
        // Class = whether the sequence holds token 2.
        let tokens: [[Int32]] = (0..<40).map { i in (0..<(2 + i % 3)).map { Int32($0 == 1 && i % 2 == 0 ? 2 : 3) } }
        let labels: [Int32] = (0..<40).map { Int32($0 % 2 == 0 ? 1 : 0) }
        var c = SequenceClassifierConfiguration(classes: 2, vocabularySize: 4)
        (c.hiddenSize, c.embeddingSize) = (8, 4)
        let model = try SequenceClassifier(c, seed: 1)
        var options = TrainingOptions()
        options.epochs = 30
        let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 0.02), options: options)
        let test = try ClassificationBatch.sequential(tokens: tokens, labels: labels)
        try trainer.fit(ExampleBatches(tokens: tokens, labels: labels, batchSize: 8, seed: 1), validation: test)
        #expect(try model.evaluate(test)["accuracy"] == 1)
    }
}

@Suite struct EpochNumberingTests {
    /// Progress, step records and evaluation records all count epochs from 0: the epoch of
    /// the step's batch (the evaluation at the end of the first epoch says 0).
    @Test func progressAndRecordsAgree() throws {
        let tokens: [[Int32]] = (0..<6).map { [Int32(1 + $0 % 3)] }
        let labels: [Int32] = (0..<6).map { Int32($0 % 2) }
        var c = SequenceClassifierConfiguration(classes: 2, vocabularySize: 4)
        (c.hiddenSize, c.embeddingSize) = (3, 2)
        let model = try SequenceClassifier(c)
        var options = TrainingOptions()
        options.epochs = 2
        let trainer = Trainer(model: model, optimizer: try Adam(model.parameters, learningRate: 0.01), options: options)
        var progress: [(Int, Int)] = []
        trainer.onProgress = { progress.append(($0.epoch, $0.batchIndex)) }
        let history = try trainer.fit(ExampleBatches(tokens: tokens, labels: labels, batchSize: 3),
                                      validation: ClassificationBatch.sequential(tokens: tokens, labels: labels))
        #expect(progress.map(\.0) == [0, 0, 1, 1])
        #expect(progress.map(\.1) == [0, 1, 0, 1])
        #expect(history.steps.map(\.epoch) == [0, 0, 1, 1])
        #expect(history.evaluations.map(\.epoch) == [0, 1])
        #expect(history.evaluations.map(\.step) == [2, 4])
        #expect(trainer.state.epoch == 2)
    }
}
