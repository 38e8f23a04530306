import Foundation
import Testing

@Suite(.serialized) struct CharLMCommandTests {
    static let text = String(repeating: "To be, or not to be, that is the question.\nWhether 'tis nobler in the mind to suffer.\n", count: 40)

    @Test func trainEvalPredictSampleRoundTrip() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = dir.appendingPathComponent("train.txt"), test = dir.appendingPathComponent("test.txt")
        try Self.text.write(to: train, atomically: true, encoding: .utf8)
        try String(Self.text.prefix(600)).write(to: test, atomically: true, encoding: .utf8)
        let model = dir.appendingPathComponent("lm.safetensors"), metrics = dir.appendingPathComponent("m.json")

        let r = try CLI.run(["train", "charlm", "--train", train.path, "--test", test.path, "--out", model.path,
                             "--hidden", "32", "--layers", "1", "--embedding", "8", "--batch", "8", "--bptt", "20",
                             "--epochs", "3", "--metrics", metrics.path, "--threads", "1", "--validation-fraction", "0.1",
                             "--report", dir.appendingPathComponent("r.html").path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: metrics)) as! [String: Any]
        #expect(json["task"] as? String == "charlm")
        for key in ["seconds", "epochs", "steps", "test"] { #expect(json[key] != nil, "metrics lack \(key)") }
        let bpc = (json["test"] as! [String: Any])["bpc"] as! Double
        #expect(bpc < 4.5, "bpc \(bpc) is no better than uniform")
        // charlm averages its parameters by default: every evaluation scores both.
        let splits = (json["validation"] as! [[String: Any]]).compactMap { $0["split"] as? String }
        #expect(splits.count >= 2 && splits.filter { $0 == "validation" }.count == splits.filter { $0 == "validation (averaged)" }.count, "\(splits)")

        let e = try CLI.run(["eval", model.path, "--test", test.path])
        #expect(e.status == 0 && e.stdout.contains("bpc"), "\(e.stderr)")
        let beam = try CLI.run(["eval", model.path, "--test", test.path, "--beam", "3"])
        #expect(beam.status != 0 && beam.stderr.contains("--beam applies to seq2seq models, not charlm"), "\(beam.stderr)")
        let p = try CLI.run(["predict", model.path], stdin: "To be\nWhether\n")
        #expect(p.status == 0 && p.stdout.split(separator: "\n").count == 2, "\(p.stderr)")
        let s = try CLI.run(["sample", model.path, "--length", "50", "--prime", "To"])
        #expect(s.status == 0 && s.stdout.count >= 50, "\(s.stderr)")

        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Gradient through time") && !html.contains("<script"))
        let g = try CLI.run(["gradients", model.path, "--data", test.path])
        #expect(g.status == 0 && g.stdout.contains("layer 0") && g.stdout.contains("‖∂L/∂h_1‖/‖∂L/∂h_T‖"), "\(g.stderr)")
    }

    @Test func missingFileFailsWithOneClearLine() throws {
        let r = try CLI.run(["train", "charlm", "--train", "/nonexistent/train.txt"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/nonexistent/train.txt") && r.stderr.contains("no such file"))
        #expect(!r.stderr.contains("Fatal error") && r.stderr.split(separator: "\n").count <= 3)
    }

    @Test func emptyFileIsRejected() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let r = try CLI.run(["train", "charlm", "--train", empty.path, "--out", dir.appendingPathComponent("m").path])
        #expect(r.status != 0 && r.stderr.contains("empty.txt"), "\(r.stderr)")
    }

    @Test func corruptModelIsRejectedAndNotOverwritten() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.safetensors")
        try Data("garbage, not a model".utf8).write(to: bad)
        let test = dir.appendingPathComponent("t.txt")
        try "hello".write(to: test, atomically: true, encoding: .utf8)
        let r = try CLI.run(["eval", bad.path, "--test", test.path])
        #expect(r.status != 0 && r.stderr.contains("bad.safetensors"), "\(r.stderr)")
        #expect(try Data(contentsOf: bad) == Data("garbage, not a model".utf8))
        let t = try CLI.run(["sample", bad.path])
        #expect(t.status != 0 && !t.stderr.contains("Fatal error"))
    }

    @Test func unknownTaskAndBadOptionsAreValidationErrors() throws {
        let r = try CLI.run(["train", "dance", "--train", "x"])
        #expect(r.status != 0 && r.stderr.contains("unknown task"))
        let d = try CLI.run(["train", "charlm", "--train", "x", "--dropout", "1.5"])
        #expect(d.status != 0 && d.stderr.contains("--dropout"))
        let a = try CLI.run(["train", "charlm", "--train", "x", "--average", "1"])
        #expect(a.status != 0 && a.stderr.contains("--average must be in [0, 1)"), "\(a.stderr)")
    }
}
