import Foundation
import Testing
@testable import Recurrent

@Suite struct TrainerTests {
    static let text = String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 30)

    func makeRun(seed: UInt64 = 1) throws -> (LanguageModel, Trainer<LanguageModel>, BPTTChunks) {
        let vocab = CharacterVocabulary(training: Self.text.unicodeScalars)
        let ids = try vocab.encode(Self.text)
        var config = LanguageModelConfiguration(vocabularySize: vocab.count)
        (config.embeddingSize, config.hiddenSize, config.layers, config.dropout) = (8, 16, 2, 0.2)
        let model = try LanguageModel(config, seed: seed)
        let adam = try Adam<Float>(model.parameters, learningRate: 0.01)
        var options = TrainingOptions()
        options.maxSteps = 12
        options.clipNorm = 1
        let trainer = Trainer(model: model, optimizer: adam, options: options)
        return (model, trainer, try batchify(ids, batchSize: 4).chunks(bptt: 10))
    }

    /// (No other test may force a kernel path meanwhile: see KernelPathLock.)
    @Test func resumingReproducesAnUninterruptedRunBitForBit() throws {
        try KernelPathLock.exclusive { try resumeAndCompare() }
    }

    private func resumeAndCompare() throws {
        let (straight, t1, chunks) = try makeRun()
        try t1.fit(chunks)

        let (first, t2, _) = try makeRun()
        t2.options.maxSteps = 6
        try t2.fit(chunks)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try t2.saveCheckpoint(to: url)
        _ = first

        let (resumed, t3, _) = try makeRun(seed: 99)  // different init: everything must come from the file
        try t3.resume(from: Checkpoint.read(from: url))
        t3.options.maxSteps = 12
        try t3.fit(chunks)
        #expect(t3.state.step == 12)
        for ((n1, p1), (n2, p2)) in zip(straight.namedParameters, resumed.namedParameters) {
            #expect(n1 == n2)
            #expect(p1.value == p2.value, "parameter \(n1) differs after resume")
        }
        #expect(t1.history.steps.map(\.loss) == t3.history.steps.map(\.loss))
    }

    @Test func annealingFollowsTheFractionOfTheRun() throws {
        let (_, trainer, chunks) = try makeRun()
        trainer.options.maxSteps = 20
        trainer.options.annealing = try RunAnnealing(baseLearningRate: 0.01, warmupFraction: 0.1, finalFraction: 0)
        let rates = try trainer.fit(chunks).steps.map(\.learningRate)
        #expect(rates.count == 20)
        #expect(abs(rates[2] - 0.01) < 1e-9)  // step 2 starts at 10 % of the run: warm-up done
        for k in 3..<20 { #expect(rates[k] < rates[k - 1], "step \(k): \(rates[k - 1]) → \(rates[k])") }
        #expect(rates[19] < 0.001)
    }

    @Test func trainingReducesTheLoss() throws {
        let (_, trainer, chunks) = try makeRun()
        trainer.options.maxSteps = 60
        let history = try trainer.fit(chunks)
        let first = history.steps.prefix(5).map(\.loss).reduce(0, +) / 5
        let last = history.steps.suffix(5).map(\.loss).reduce(0, +) / 5
        #expect(last < 0.6 * first, "loss \(first) → \(last)")
    }

    @Test func nonFiniteLossStopsWithTheStepNumber() throws {
        let (model, trainer, chunks) = try makeRun()
        trainer.options.nonFinitePolicy = .stop
        model.decoder.bias!.value[flat: 0] = .nan
        #expect(throws: NonFiniteError.self) { try trainer.fit(chunks) }
        do { try trainer.fit(chunks) } catch let e as NonFiniteError { #expect(e.step == 1) } catch { Issue.record("\(error)") }
    }

    @Test func nonFiniteStepsAreSkippedNotApplied() throws {
        let (model, trainer, chunks) = try makeRun()
        model.decoder.bias!.value[flat: 0] = .nan
        let before = model.rnn.namedParameters[0].parameter.value
        trainer.options.maxSteps = 3
        let h = try trainer.fit(chunks)
        #expect(h.skippedCount == 3)
        #expect(model.rnn.namedParameters[0].parameter.value == before)
    }

    @Test func corruptCheckpointIsRejectedClearly() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("not a model".utf8).write(to: url)
        #expect(throws: CheckpointError.self) { try Checkpoint.read(from: url) }
    }
}
