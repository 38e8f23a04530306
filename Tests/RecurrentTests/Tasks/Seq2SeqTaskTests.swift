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

/// `rnn train seq2seq` end to end: a toy task learnt to high exact match, a committed
/// cmudict_g2p slice saved, evaluated and used for prediction, and every bad input.
@Suite struct Seq2SeqTaskTests {
    static let folder = Fixtures.folder("tasks/seq2seq")
    static let g2pTrain = folder.appendingPathComponent("g2p_train.tsv")
    static let g2pTest = folder.appendingPathComponent("g2p_test.tsv")

    /// Random strings over a small alphabet and their reversals, as TSV.
    static func reversalPairs(_ n: Int, seed: UInt64) -> String {
        var rng = RandomGenerator(seed: seed)
        let letters = Array("abcdef")
        var lines = ["source\ttarget"]
        for _ in 0..<n {
            let word = String((0..<(2 + rng.index(below: 4))).map { _ in letters[rng.index(below: letters.count)] })
            lines.append("\(word)\t\(String(word.reversed()))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func learnsToReverseStringsWithGreedyAndBeamDecoding() throws {
        let train = try TagTaskTests.write(Self.reversalPairs(600, seed: 1), "reverse-train.tsv")
        let test = try TagTaskTests.write(Self.reversalPairs(100, seed: 2), "reverse-test.tsv")
        let out = taskTestFile("reverse-model")
        defer { for u in [train, test, out] { try? FileManager.default.removeItem(at: u) } }
        var o = TaskOptions(train: train)
        o.test = test
        o.out = out
        o.attention = "dot"
        (o.embedding, o.hidden, o.batch, o.learningRate, o.epochs, o.seed) = (16, 48, 32, 0.01, 12, 3)
        o.beamWidth = 1
        let run = try Seq2SeqTask.train(o, progress: nil)
        let greedy = try #require(run.test["exact_match"])
        #expect(greedy >= 0.9, "greedy exact match \(greedy)")
        #expect(try #require(run.test["token_error_rate"]) < 0.05)
        #expect(run.artifacts.examples.count == 10)

        var translator = try Seq2SeqTask.load(Checkpoint.read(from: out))
        #expect(translator.unit == .character)
        #expect(try translator.score(TextPair.read(test)).metrics["exact_match"] == greedy)
        translator.beamWidth = 4
        let beam = try #require(try translator.score(TextPair.read(test)).metrics["exact_match"])
        #expect(beam >= greedy, "beam \(beam) < greedy \(greedy)")
        #expect(try translator.translate(["abc", "fed"]) == ["cba", "def"])
    }

    @Test func g2pSliceRoundTripAndPredict() throws {
        // Compares a run's test metrics with a later evaluation bit for bit: no test may
        // force another kernel path in between (KernelPathLock).
        try KernelPathLock.exclusive {
            let out = taskTestFile("g2p-model")
            defer { try? FileManager.default.removeItem(at: out) }
            var o = TaskOptions(train: Self.g2pTrain)
            o.test = Self.g2pTest
            o.out = out
            o.beamWidth = 3
            o.bidirectional = true
            o.attention = "general"
            (o.embedding, o.hidden, o.epochs) = (8, 16, 2)
            let run = try Seq2SeqTask.train(o, progress: nil)
            let model = try Checkpoint.read(from: out)
            let translator = try Seq2SeqTask.load(model)
            #expect(translator.unit == .token)
            #expect(translator.beamWidth == 3)
            #expect(translator.model.configuration.maxOutputLength == 13 + 5)  // longest target in the slice: 13 phones
            let evaluated = try Seq2SeqTask.evaluate(model, test: Self.g2pTest)
            #expect(evaluated == run.test)
            let lines = try Seq2SeqTask.predict(model, inputs: ["cat", "", "zzz"])
            #expect(lines.count == 3)
            #expect(lines[1] == "")
            #expect(lines[0].split(separator: " ").allSatisfy { translator.targetVocabulary.id(of: String($0)) != nil })
        }
    }

    @Test func targetUnitIsChosenFromTheData() {
        #expect(TargetUnit(choosingFrom: ["AH0 B", "K"]) == .token)
        #expect(TargetUnit(choosingFrom: ["cba", "fed"]) == .character)
        #expect(TargetUnit.token.split("AH0 B") == ["AH0", "B"])
        #expect(TargetUnit.character.join(["a", "b"]) == "ab")
    }

    // MARK: Bad input

    @Test func badInputFiles() throws {
        let missing = TaskOptions(train: URL(fileURLWithPath: "/nonexistent/pairs.tsv"))
        let m = TagTaskTests.message { _ = try Seq2SeqTask.train(missing, progress: nil) }
        #expect(m.hasPrefix("pairs.tsv: cannot read the file"), "\(m)")

        let csv = try TagTaskTests.write("source,target\ncat,K AE1 T\n", "pairs.csv")
        let empty = try TagTaskTests.write("", "empty.tsv")
        let noRows = try TagTaskTests.write("source\ttarget\n", "header.tsv")
        defer { for u in [csv, empty, noRows] { try? FileManager.default.removeItem(at: u) } }
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.train(TaskOptions(train: csv), progress: nil) }
            == "\(csv.lastPathComponent):1: missing column 'source' (the header has: source,target)")
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.train(TaskOptions(train: empty), progress: nil) }
            == "\(empty.lastPathComponent): file is empty")
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.train(TaskOptions(train: noRows), progress: nil) }
            == "\(noRows.lastPathComponent):1: no data rows after the header")
        var o = TaskOptions(train: Self.g2pTrain)
        o.test = empty
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.train(o, progress: nil) } == "\(empty.lastPathComponent): file is empty")
        o.test = nil
        o.attention = "bahdanau"
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.train(o, progress: nil) } == "unknown attention 'bahdanau' (none, dot, general)")
    }

    @Test func modelOfAnotherTaskAndCorruptModels() throws {
        let tagModel = Checkpoint(parameters: [], metadata: ["task": "tag"])
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.evaluate(tagModel, test: Self.g2pTest) }
            == "<memory>: a model trained for 'tag', not 'seq2seq'")
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.predict(tagModel, inputs: ["cat"]) }
            == "<memory>: a model trained for 'tag', not 'seq2seq'")
        let noVocabulary = Checkpoint(parameters: [], metadata: ["task": "seq2seq", "config": "{}"])
        #expect(TagTaskTests.message { _ = try Seq2SeqTask.load(noVocabulary) }
            == "<memory>: corrupt model metadata (Seq2SeqConfiguration)")
    }
}
