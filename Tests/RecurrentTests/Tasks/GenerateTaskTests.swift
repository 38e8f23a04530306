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

@Suite struct GenerateTaskTests {
    /// bpc of the test texts falls with training; save → eval; samples and predict per label.
    @Test func endToEnd() throws {
        let out = temporaryFile("safetensors")
        defer { try? FileManager.default.removeItem(at: out) }
        func run(epochs: Int) throws -> TaskRun {
            var o = quickOptions(train: taskFixture("generate/train.tsv"), test: taskFixture("generate/test.tsv"), out: out,
                                 epochs: epochs, hidden: 32)
            o.embedding = 8
            o.learningRate = 0.01
            o.patience = 100
            return try GenerateTask.train(o, progress: nil)
        }
        let short = try run(epochs: 1)
        let long = try run(epochs: 12)
        #expect(Set(long.test.keys) == ["bpc", "loss"])
        #expect(long.test["bpc"]! < short.test["bpc"]! - 0.5, "bpc \(short.test["bpc"]!) → \(long.test["bpc"]!)")
        #expect(long.test["bpc"]! < 4.8)  // a uniform guess over the ~45 symbols costs 5.5
        #expect(long.artifacts.samples.count == 2 && long.artifacts.samples[0].hasPrefix("0\t"))

        let model = try Checkpoint.read(from: out)
        let again = try GenerateTask.evaluate(model, test: taskFixture("generate/test.tsv"))
        #expect(abs(again["bpc"]! - long.test["bpc"]!) < 1e-9)
        let texts = try GenerateTask.predict(model, inputs: ["1", "0"])
        #expect(texts.count == 2 && texts.allSatisfy { !$0.contains("\n") && $0.unicodeScalars.count <= 300 })
        #expect(try GenerateTask.predict(model, inputs: ["1", "0"]) == texts)  // seeded per line
        #expect(thrownMessage { try GenerateTask.predict(model, inputs: ["1", "5"]) }
                == "<input>:2: unknown label '5' (the model's labels: 0, 1)")
    }

    @Test func unseenLabelInTheTestFile() throws {
        let test = try temporaryFile("tsv", containing: "label\ttext\n1\tfine\n2\tso-so\n")
        defer { try? FileManager.default.removeItem(at: test) }
        let o = quickOptions(train: taskFixture("generate/train.tsv"), test: test, epochs: 1)
        #expect(thrownMessage { try GenerateTask.train(o, progress: nil) }
                == "\(test.lastPathComponent):3: label '2' does not occur in the training data (its labels: 0, 1)")
    }
}
