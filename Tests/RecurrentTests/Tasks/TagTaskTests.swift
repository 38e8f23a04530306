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

/// `rnn train tag` end to end on a committed slice of cmu_syllables, and every bad input.
@Suite struct TagTaskTests {
    static let folder = Fixtures.folder("tasks/tag")
    static let train = folder.appendingPathComponent("syllables_train.conll")
    static let test = folder.appendingPathComponent("syllables_test.conll")

    static func options(bidirectional: Bool = true, out: URL? = nil) -> TaskOptions {
        var o = TaskOptions(train: train)
        o.test = test
        o.out = out
        o.bidirectional = bidirectional
        (o.embedding, o.hidden, o.batch, o.learningRate, o.epochs, o.seed) = (16, 24, 16, 0.02, 10, 1)
        return o
    }

    /// Most frequent tag of each token in training (unseen tokens: the most frequent tag).
    static func baselineAccuracy() throws -> Double {
        var counts: [String: [String: Int]] = [:]
        var all: [String: Int] = [:]
        for s in try TaggedSentence.read(train) {
            for (w, t) in zip(s.tokens, s.tags) { counts[w, default: [:]][t, default: 0] += 1; all[t, default: 0] += 1 }
        }
        func top(_ c: [String: Int]) -> String { c.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        let fallback = top(all)
        var correct = 0, total = 0
        for s in try TaggedSentence.read(test) {
            for (w, t) in zip(s.tokens, s.tags) {
                total += 1
                if (counts[w].map(top) ?? fallback) == t { correct += 1 }
            }
        }
        return Double(correct) / Double(total)
    }

    @Test func bidirectionalTaggerBeatsBaselineAndUnidirectional_roundTripAndPredict() throws {
        let url = taskTestFile("tag-model")
        defer { try? FileManager.default.removeItem(at: url) }
        let bi = try TagTask.train(Self.options(out: url), progress: nil)
        let uni = try TagTask.train(Self.options(bidirectional: false), progress: nil)
        let baseline = try Self.baselineAccuracy()
        let accuracy = try #require(bi.test["accuracy"])
        #expect(accuracy > baseline + 0.05, "bidirectional \(accuracy), most-frequent-tag baseline \(baseline)")
        let unidirectional = try #require(uni.test["accuracy"])
        #expect(accuracy > unidirectional, "syllable boundaries need right context")
        #expect(bi.artifacts.perTagAccuracy.map(\.tag).sorted() == ["B", "I"])
        #expect(bi.test["accuracy_unseen"] != nil)

        // Save → eval reproduces the test accuracy; predict tags each token.
        let model = try Checkpoint.read(from: url)
        #expect(try TagTask.evaluate(model, test: Self.test)["accuracy"] == accuracy)
        let lines = try TagTask.predict(model, inputs: ["k ae t", "", "  s t r ey n jh er  "])
        #expect(lines.count == 3)
        #expect(lines[0].split(separator: " ").count == 3)
        #expect(lines[1] == "")
        #expect(lines[2].split(separator: " ").allSatisfy { $0 == "B" || $0 == "I" })
        #expect(lines[2].split(separator: " ").count == 7)
        #expect(lines[2].hasPrefix("B"))
    }

    @Test func vocabularyKeepsTokensSeenTwice() throws {
        let sentences = try TaggedSentence.parse("a\tX\nb\tY\n\na\tX\nc\tY\n")
        let vocabulary = Vocabulary(counting: sentences.map(\.tokens), minCount: TagTask.minimumTokenCount)
        #expect(vocabulary.tokens == ["<pad>", "<unk>", "a"])
        #expect(TagTask.tagVocabulary(sentences).tokens.sorted() == ["X", "Y"])
    }

    @Test func trainsOnTurkishWithUnicodeTokens() throws {
        var o = TaskOptions(train: Self.folder.appendingPathComponent("turkish_train.conll"))
        o.test = o.train
        (o.embedding, o.hidden, o.epochs) = (8, 8, 1)
        let run = try TagTask.train(o, progress: nil)
        #expect((0...1).contains(try #require(run.test["accuracy"])))
    }

    // MARK: Bad input

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return "no error"
    }

    static func write(_ text: String, _ name: String) throws -> URL {
        let url = taskTestFile(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func missingTrainingFile() {
        let o = TaskOptions(train: URL(fileURLWithPath: "/nonexistent/train.conll"))
        let m = Self.message { _ = try TagTask.train(o, progress: nil) }
        #expect(m.hasPrefix("train.conll: cannot read the file"), "\(m)")
    }

    @Test func csvGivenToTag() throws {
        let url = try Self.write("token,tag\nthe,DET\n", "pos.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let m = Self.message { _ = try TagTask.train(TaskOptions(train: url), progress: nil) }
        #expect(m == "\(url.lastPathComponent):1: expected token<TAB>tag, found no tab")
    }

    @Test func emptyFiles() throws {
        let empty = try Self.write("", "empty.conll")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(Self.message { _ = try TagTask.train(TaskOptions(train: empty), progress: nil) }
            == "\(empty.lastPathComponent): file is empty")
        var o = Self.options()
        o.test = empty
        #expect(Self.message { _ = try TagTask.train(o, progress: nil) } == "\(empty.lastPathComponent): file is empty")
    }

    @Test func tagUnseenInTrainingIsReportedBeforeTraining() throws {
        let bad = try Self.write("k\tB\nae\tI\n\nt\tB\nae\tSTRESS\n\n", "unseen.conll")
        defer { try? FileManager.default.removeItem(at: bad) }
        var o = Self.options()
        o.test = bad
        o.epochs = 1000  // would take long: the error must come first
        let m = Self.message { _ = try TagTask.train(o, progress: nil) }
        #expect(m.hasPrefix("\(bad.lastPathComponent):5: tag 'STRESS' does not occur in the training data"), "\(m)")
        #expect(m.contains("known tags: B I"))
        #expect(!m.contains("\n"))
        // The same file with Windows line ends: the same line number.
        let crlf = try Self.write("k\tB\r\nae\tI\r\n\r\nt\tB\r\nae\tSTRESS\r\n\r\n", "unseen_crlf.conll")
        defer { try? FileManager.default.removeItem(at: crlf) }
        o.test = crlf
        let c = Self.message { _ = try TagTask.train(o, progress: nil) }
        #expect(c.hasPrefix("\(crlf.lastPathComponent):5: tag 'STRESS' does not occur in the training data"), "\(c)")
    }

    @Test func modelOfAnotherTaskAndCorruptModels() throws {
        let wrong = Checkpoint(parameters: [], metadata: ["task": "seq2seq"])
        #expect(Self.message { _ = try TagTask.evaluate(wrong, test: Self.test) }
            == "<memory>: a model trained for 'seq2seq', not 'tag'")
        #expect(Self.message { _ = try TagTask.predict(Checkpoint(parameters: [], metadata: [:]), inputs: ["a"]) }
            == "<memory>: not a Recurrent model file (no 'task' entry)")
        let broken = Checkpoint(parameters: [], metadata: ["task": "tag", "config": "{", "vocabulary": "[]", "tags": "[]"])
        #expect(Self.message { _ = try TagTask.load(broken) } == "<memory>: corrupt model metadata (SequenceTaggerConfiguration)")

        // A real model file, truncated, and one whose parameters are missing.
        let url = taskTestFile("tag-truncated")
        defer { try? FileManager.default.removeItem(at: url) }
        var c = SequenceTaggerConfiguration(vocabularySize: 4, tagCount: 2)
        (c.embeddingSize, c.hiddenSize) = (2, 2)
        let tagger = try SequenceTagger(c)
        let meta = TagTask.metadata(c, Vocabulary(counting: [["a", "b"]]), try Vocabulary(tokens: ["B", "I"]))
        try Checkpoint(parameters: tagger.namedParameters.map { ($0.name, $0.parameter.value) }, metadata: meta).write(to: url)
        _ = try TagTask.load(Checkpoint.read(from: url))
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 2).write(to: url)
        let m = Self.message { _ = try Checkpoint.read(from: url) }
        #expect(m.hasPrefix("\(url.path): not a valid model file"), "\(m)")
        let missing = Checkpoint(parameters: [], metadata: meta)
        #expect(Self.message { _ = try TagTask.load(missing) }
            == "<memory>: the parameters do not fit the model (missing parameter 'embedding.weight')")
    }
}

/// A fresh path in the temporary directory.
func taskTestFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
}
