import Foundation
import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

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
    @Test(arguments: [false, true])
    func resumingReproducesAnUninterruptedRunBitForBit(averaging: Bool) throws {
        try KernelPathLock.exclusive { try resumeAndCompare(averaging: averaging) }
    }

    /// With averaging: a jittery rate and validation every 10 steps, so that when the first
    /// run stops (step 70) the best parameters, which it ends with, are not the ones it
    /// reached (the average scores better there): the checkpoint must hold both, and the
    /// average itself.
    private func resumeAndCompare(averaging: Bool) throws {
        let (total, stop) = averaging ? (120, 70) : (12, 6)
        func configure(_ t: Trainer<LanguageModel>) {
            t.options.maxSteps = total
            guard averaging else { return }
            t.options.averageDecay = 0.9
            t.options.evaluateEvery = 10
            t.optimizer.learningRate = 0.05
        }
        let validation = averaging ? [try makeRun().2.batch(epoch: 0, index: 2)] : []
        let (straight, t1, chunks) = try makeRun()
        configure(t1)
        try t1.fit(chunks, validation: validation)

        let (first, t2, _) = try makeRun()
        configure(t2)
        t2.options.maxSteps = stop
        try t2.fit(chunks, validation: validation)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try t2.saveCheckpoint(to: url)
        _ = first

        let (resumed, t3, _) = try makeRun(seed: 99)  // different init: everything must come from the file
        configure(t3)
        try t3.resume(from: Checkpoint.read(from: url))
        try t3.fit(chunks, validation: validation)
        #expect(t3.state.step == total)
        for ((n1, p1), (n2, p2)) in zip(straight.namedParameters, resumed.namedParameters) {
            #expect(n1 == n2)
            #expect(p1.value == p2.value, "parameter \(n1) differs after resume")
        }
        #expect(t1.history.steps.map(\.loss) == t3.history.steps.map(\.loss))
        #expect(t1.history.evaluations == t3.history.evaluations)
    }

    /// Every evaluation also scores the parameter average, and the parameters kept at the end
    /// are the best of all that were scored, averaged or not.
    @Test func averagingScoresTheAverageAndKeepsTheBest() throws {
        let (model, trainer, chunks) = try makeRun()
        // A rate high enough that the last step's parameters jitter: at step 120 the average
        // scores ≈ 0.55 against ≈ 0.72 for them (and ≈ 0.76 / 0.78 at step 60), so the
        // parameters kept are the averaged ones.
        trainer.options.maxSteps = 120
        trainer.options.evaluateEvery = 60
        trainer.options.averageDecay = 0.9
        trainer.optimizer.learningRate = 0.05
        let validation = [try chunks.batch(epoch: 0, index: 2)]
        let history = try trainer.fit(chunks, validation: validation)
        let raw = history.evaluations.filter { $0.split == "validation" }
        let averaged = history.evaluations.filter { $0.split == "validation (averaged)" }
        #expect(raw.map(\.step) == [60, 120] && averaged.map(\.step) == [60, 120])
        let best = history.evaluations.compactMap { $0.metrics["loss"] }.min()!
        #expect(averaged[1].metrics["loss"] == best, "\(history.evaluations)")
        model.isTraining = false
        let final = try model.evaluate(validation)["loss"]!
        #expect(abs(final - best) <= 1e-9 * (1 + best), "kept parameters score \(final), best evaluation \(best)")
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
