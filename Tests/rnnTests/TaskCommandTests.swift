import Foundation
import Testing

/// Every task through the command line on small committed slices: train, eval, predict,
/// and the errors a user can cause.
@Suite(.serialized) struct TaskCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RecurrentTests/Fixtures/tasks")

    @Test func tagTrainsEvaluatesPredicts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = Self.fixtures.appendingPathComponent("tag/syllables_train.conll").path
        let test = Self.fixtures.appendingPathComponent("tag/syllables_test.conll").path
        let model = dir.appendingPathComponent("tag.safetensors").path
        let metrics = dir.appendingPathComponent("m.json").path
        let r = try CLI.run(["train", "tag", "--train", train, "--test", test, "--out", model, "--epochs", "2",
                             "--hidden", "16", "--embedding", "8", "--metrics", metrics, "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        #expect(json["task"] as? String == "tag" && (json["test"] as? [String: Any])?["accuracy"] != nil)
        let e = try CLI.run(["eval", model, "--test", test])
        #expect(e.status == 0 && e.stdout.contains("accuracy"), "\(e.stderr)")
        let p = try CLI.run(["predict", model], stdin: "k ae t\nd ao g\n")
        #expect(p.status == 0 && p.stdout.split(separator: "\n").count == 2, "\(p.stderr)")
        let wide = try CLI.run(["predict", model, "--beam", "1000000000"], stdin: "k ae t\n")
        #expect(wide.status != 0 && wide.stderr.contains("--beam must be in 1…1000, got 1000000000") && !wide.stderr.contains("Fatal"),
                "\(wide.stderr)")
        // Windows line ends give the same predictions; invalid UTF-8 is an error with its line.
        let crlf = try CLI.run(["predict", model], stdin: "k ae t\r\nd ao g\r\n")
        #expect(crlf.status == 0 && crlf.stdout == p.stdout, "\(crlf.stdout) \(crlf.stderr)")
        let inputFile = dir.appendingPathComponent("in.txt")
        try Data([0x6B, 0x0A, 0x61, 0xFF, 0x0A]).write(to: inputFile)
        let bad = try CLI.run(["predict", model, "--input", inputFile.path])
        #expect(bad.status != 0 && bad.stderr.contains("in.txt:2: invalid UTF-8") && bad.stdout.isEmpty, "\(bad.stderr)")

        // A model of another task where a charlm model is needed.
        let s = try CLI.run(["sample", model])
        #expect(s.status != 0 && s.stderr.contains("'tag'") && s.stderr.contains("charlm"), "\(s.stderr)")
        // The wrong file format for the task.
        let wrong = try CLI.run(["train", "tag", "--train", Self.fixtures.appendingPathComponent("seq2seq/g2p_train.tsv").path,
                                 "--out", dir.appendingPathComponent("x.safetensors").path, "--epochs", "1"])
        #expect(wrong.status != 0 && wrong.stderr.contains("g2p_train.tsv"), "\(wrong.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.safetensors").path))
    }

    /// Forecast end to end: the preprocessing chosen from the data is printed and written as
    /// `chosen`, apart from the test metrics; predict continues a series given on one line.
    @Test func forecastTrainsEvaluatesPredicts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = Self.fixtures.appendingPathComponent("forecast/airline_train.csv").path
        let test = Self.fixtures.appendingPathComponent("forecast/airline_test.csv").path
        let model = dir.appendingPathComponent("f.safetensors").path, metrics = dir.appendingPathComponent("m.json").path
        let r = try CLI.run(["train", "forecast", "--train", train, "--test", test, "--out", model, "--epochs", "3",
                             "--hidden", "8", "--metrics", metrics, "--threads", "1"])
        #expect(r.status == 0 && r.stdout.contains("chosen from the training data: difference ") && !r.stdout.contains("test window"),
                "\(r.stdout) \(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let chosen = try #require(json["chosen"] as? [String: Any]), results = try #require(json["test"] as? [String: Any])
        #expect(chosen["window"] != nil && chosen["period"] != nil && results["window"] == nil && results["rmse"] != nil, "\(json)")
        let series = (0..<40).map { String(300 + 40 * sin(Double($0) * .pi / 6)) }.joined(separator: ",")
        let p = try CLI.run(["predict", model], stdin: series + "\r\n")
        #expect(p.status == 0 && p.stdout.split(separator: "\n").count == 1 && Double(p.stdout.split(separator: "\n")[0]) != nil,
                "\(p.stdout) \(p.stderr)")
        // A bad line is named by where it came from: standard input, or the --input file.
        let bad = try CLI.run(["predict", model], stdin: series + "\n" + series + ",x\n")
        #expect(bad.status != 0 && bad.stderr.contains("<stdin>:2: 'x' is not a number"), "\(bad.stderr)")
        let badFile = dir.appendingPathComponent("history.txt")
        try (series + ",x\n").write(to: badFile, atomically: true, encoding: .utf8)
        let badInput = try CLI.run(["predict", model, "--input", badFile.path])
        #expect(badInput.status != 0 && badInput.stderr.contains("history.txt:1: 'x' is not a number"), "\(badInput.stderr)")
    }

    @Test func truncatedModelIsRejectedAndLeftAlone() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = Self.fixtures.appendingPathComponent("tag/syllables_train.conll").path
        let model = dir.appendingPathComponent("tag.safetensors")
        let r = try CLI.run(["train", "tag", "--train", train, "--out", model.path, "--epochs", "1", "--hidden", "8",
                             "--embedding", "4", "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: model)
        let cut = bytes.prefix(bytes.count / 2)
        try cut.write(to: model)
        let e = try CLI.run(["eval", model.path, "--test", train])
        #expect(e.status != 0 && e.stderr.contains("tag.safetensors") && !e.stderr.contains("Fatal"), "\(e.stderr)")
        #expect(try Data(contentsOf: model) == cut)
    }
}
