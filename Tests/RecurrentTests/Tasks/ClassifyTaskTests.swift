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

@Suite struct ClassifyTaskTests {
    /// Three speakers of the Japanese-vowels slice: above chance after a few epochs; metrics,
    /// confusion matrix, save → eval round trip, predict.
    @Test func seriesEndToEnd() throws {
        // Compares a run's test metrics with a later evaluation bit for bit: no test may
        // force another kernel path in between (KernelPathLock).
        try KernelPathLock.exclusive {
            let out = temporaryFile("safetensors")
            defer { try? FileManager.default.removeItem(at: out) }
            var o = quickOptions(train: taskFixture("classify/series_train.csv"), test: taskFixture("classify/series_test.csv"),
                                 out: out, epochs: 40)
            o.learningRate = 0.01
            let run = try ClassifyTask.train(o, progress: nil)
            #expect(Set(run.test.keys) == ["accuracy", "loss", "examples"])
            #expect(run.test["examples"] == 12)
            #expect(run.test["accuracy"]! > 0.6, "accuracy \(run.test["accuracy"]!) (chance 1/3)")
            #expect(run.artifacts.confusionLabels == ["1", "2", "3"])
            #expect(run.artifacts.confusion.flatMap { $0 }.reduce(0, +) == 12)
            #expect(run.history.evaluations.count > 0)

            let model = try Checkpoint.read(from: out)
            #expect(try Tasks.task(of: model).name == "classify")
            let again = try ClassifyTask.evaluate(model, test: taskFixture("classify/series_test.csv"))
            #expect(again == run.test)

            // Predict: a long-format CSV without a label column → one "id<TAB>label" per series.
            let lines = ["id,t,c1,c2,c3,c4", "a,0,1.8,-0.2,0.3,-0.2", "a,1,1.9,-0.2,0.2,-0.2", "b,0,1.2,0.1,0.4,0.0"]
            let predictions = try ClassifyTask.predict(model, inputs: lines)
            #expect(predictions.count == 2)
            #expect(predictions[0].hasPrefix("a\t") && predictions[1].hasPrefix("b\t"))
            #expect(["1", "2", "3"].contains(String(predictions[0].dropFirst(2))))
        }
    }

    /// Text: the pipeline on the movie-sentiment slice, and learning on a separable set.
    @Test func textEndToEnd() throws {
        // Compares a run's test metrics with a later evaluation bit for bit: no test may
        // force another kernel path in between (KernelPathLock).
        try KernelPathLock.exclusive {
            let out = temporaryFile("safetensors")
            defer { try? FileManager.default.removeItem(at: out) }
            var o = quickOptions(train: taskFixture("classify/text_train.tsv"), test: taskFixture("classify/text_test.tsv"),
                                 out: out, epochs: 2)
            o.embedding = 8
            let run = try ClassifyTask.train(o, progress: nil)
            #expect(Set(run.test.keys) == ["accuracy", "loss", "examples"])
            let model = try Checkpoint.read(from: out)
            #expect(try ClassifyTask.evaluate(model, test: taskFixture("classify/text_test.tsv")) == run.test)
            let predictions = try ClassifyTask.predict(model, inputs: ["a fine film", "", "dull and lifeless"])
            #expect(predictions.count == 3 && predictions.allSatisfy { $0 == "0" || $0 == "1" })

            // Sentences whose label is a keyword among neutral words.
            var rng = RandomGenerator(seed: 5)
            let filler = ["the", "film", "was", "a", "story", "of", "some", "people", "and", "it"]
            func sentence(_ label: Int) -> String {
                var words = (0..<5).map { _ in filler[rng.index(below: filler.count)] }
                words.insert(label == 1 ? "great" : "awful", at: rng.index(below: 6))
                return words.joined(separator: " ")
            }
            let rows = (0..<160).map { i in "\(i % 2)\t\(sentence(i % 2))" }
            let train = try temporaryFile("tsv", containing: "label\ttext\n" + rows[..<120].joined(separator: "\n"))
            let test = try temporaryFile("tsv", containing: "label\ttext\n" + rows[120...].joined(separator: "\n"))
            defer { for u in [train, test] { try? FileManager.default.removeItem(at: u) } }
            var s = quickOptions(train: train, test: test, epochs: 6)
            s.embedding = 8
            s.learningRate = 0.01
            #expect(try ClassifyTask.train(s, progress: nil).test["accuracy"]! >= 0.9)
        }
    }

    @Test func tokenizerFollowsTheReference() {
        #expect(SimpleWordTokenizer().tokenize("Don't stop -- it's 2 GOOD!  Café 'quoted'")
                == ["don't", "stop", "-", "-", "it's", "2", "good", "!", "caf", "é", "'", "quoted", "'"])
    }

    @Test func validationSplitIsStratified() {
        let labels: [Int32] = Array(repeating: 0, count: 20) + Array(repeating: 1, count: 10) + [2]
        let (train, validation) = stratifiedSplit(labels: labels, fraction: 0.2)
        #expect(validation.map { labels[$0] }.sorted() == [0, 0, 0, 0, 1, 1])
        #expect(Set(train).union(validation) == Set(labels.indices) && Set(train).isDisjoint(with: validation))
    }

    // MARK: Bad input: one clear message naming the file and the problem.

    @Test func missingFile() {
        var o = TaskOptions(train: URL(fileURLWithPath: "/nonexistent/train.csv"))
        o.epochs = 1
        let message = thrownMessage { try ClassifyTask.train(o, progress: nil) } ?? ""
        #expect(message.hasPrefix("train.csv: cannot read the file"), "\(message)")
    }

    @Test func wrongFormat() throws {
        var o = TaskOptions(train: dataFixture("pos.conll"))
        o.epochs = 1
        #expect(thrownMessage { try ClassifyTask.train(o, progress: nil) }
                == "pos.conll: classify reads labelled series (.csv: id,label,t,c1,…) or labelled text (.tsv: label<TAB>text), not a .conll file")
        // A CSV that is not long-format series.
        o.train = taskFixture("forecast/airline_train.csv")
        #expect(thrownMessage { try ClassifyTask.train(o, progress: nil) }
                == "airline_train.csv:1: missing column 'id' (the header has: date, value)")
    }

    @Test func emptyFile() throws {
        let empty = try temporaryFile("tsv", containing: "")
        defer { try? FileManager.default.removeItem(at: empty) }
        var o = TaskOptions(train: empty)
        o.epochs = 1
        #expect(thrownMessage { try ClassifyTask.train(o, progress: nil) } == "\(empty.lastPathComponent): file is empty")
    }

    @Test func unseenLabelInTheTestFile() throws {
        let text = try String(contentsOf: taskFixture("classify/text_test.tsv"), encoding: .utf8)
        let test = try temporaryFile("tsv", containing: text.replacingOccurrences(of: "\n0\t-1.625\t", with: "\nneutral\t-1.625\t"))
        defer { try? FileManager.default.removeItem(at: test) }
        let o = quickOptions(train: taskFixture("classify/text_train.tsv"), test: test, epochs: 1)
        let message = thrownMessage { try ClassifyTask.train(o, progress: nil) } ?? ""
        #expect(message.hasPrefix("\(test.lastPathComponent):"), "\(message)")
        #expect(message.contains(": label 'neutral' does not occur in the training data (its labels: 0, 1)"), "\(message)")
        #expect(message.hasPrefix("\(test.lastPathComponent):3:"), "\(message)")

        // Series: a speaker not in training.
        let series = try temporaryFile("csv", containing: "id,label,t,c1,c2,c3,c4\n0,1,0,1,2,3,4\n1,7,0,1,2,3,4\n")
        defer { try? FileManager.default.removeItem(at: series) }
        let s = quickOptions(train: taskFixture("classify/series_train.csv"), test: series, epochs: 1)
        #expect(thrownMessage { try ClassifyTask.train(s, progress: nil) }
                == "\(series.lastPathComponent):3: label '7' does not occur in the training data (its labels: 1, 2, 3)")
    }

    @Test func modelOfAnotherTaskOrKind() throws {
        let lm = temporaryFile("safetensors")
        defer { try? FileManager.default.removeItem(at: lm) }
        var o = TaskOptions(train: dataFixture("shakespeare.txt"))
        (o.out, o.epochs, o.hidden, o.layers, o.embedding) = (lm, 1, 4, 1, 4)
        _ = try CharLMTask.train(o, progress: nil)
        let checkpoint = try Checkpoint.read(from: lm)
        #expect(thrownMessage { try ClassifyTask.evaluate(checkpoint, test: taskFixture("classify/text_test.tsv")) }
                == "\(lm.path): a model trained for 'charlm', not 'classify'")
        #expect(thrownMessage { try ForecastTask.evaluate(checkpoint, test: taskFixture("forecast/airline_test.csv")) }
                == "\(lm.path): a model trained for 'charlm', not 'forecast'")
        #expect(thrownMessage { try GenerateTask.predict(checkpoint, inputs: ["1"]) }
                == "\(lm.path): a model trained for 'charlm', not 'generate'")

        // A text model given a series file.
        let textModel = temporaryFile("safetensors")
        defer { try? FileManager.default.removeItem(at: textModel) }
        _ = try ClassifyTask.train(quickOptions(train: taskFixture("classify/text_train.tsv"), test: nil, out: textModel, epochs: 1), progress: nil)
        #expect(thrownMessage { try ClassifyTask.evaluate(Checkpoint.read(from: textModel), test: taskFixture("classify/series_test.csv")) }
                == "series_test.csv: this model classifies text (.tsv), not series (.csv)")
    }

    @Test func corruptOrTruncatedModel() throws {
        let good = temporaryFile("safetensors")
        defer { try? FileManager.default.removeItem(at: good) }
        _ = try ClassifyTask.train(quickOptions(train: taskFixture("classify/series_train.csv"), test: nil, out: good, epochs: 1), progress: nil)
        let bytes = try Data(contentsOf: good)
        let truncated = try temporaryFile("safetensors", containing: "")
        defer { try? FileManager.default.removeItem(at: truncated) }
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        let message = thrownMessage { try ClassifyTask.evaluate(Checkpoint.read(from: truncated), test: taskFixture("classify/series_test.csv")) } ?? ""
        #expect(message.hasPrefix("\(truncated.path): not a valid model file"), "\(message)")

        // Valid safetensors, corrupt metadata.
        var checkpoint = try Checkpoint.read(from: good)
        checkpoint.metadata["config"] = "{not json"
        #expect(thrownMessage { try ClassifyTask.evaluate(checkpoint, test: taskFixture("classify/series_test.csv")) }
                == "\(good.path): corrupt model metadata (SequenceClassifierConfiguration)")
        // A parameter missing.
        checkpoint = try Checkpoint.read(from: good)
        checkpoint.parameters.removeLast()
        let missing = thrownMessage { try ClassifyTask.evaluate(checkpoint, test: taskFixture("classify/series_test.csv")) } ?? ""
        #expect(missing == "\(good.path): the parameters do not fit the model (missing parameter 'output.bias')", "\(missing)")
    }
}
