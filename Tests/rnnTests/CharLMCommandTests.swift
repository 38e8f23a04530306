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
        // Long samples are written in blocks as they are drawn: the same text, all of it.
        let long = try CLI.run(["sample", model.path, "--length", "9000", "--prime", "To", "--seed", "5"])
        let again = try CLI.run(["sample", model.path, "--length", "9000", "--prime", "To", "--seed", "5"])
        #expect(long.status == 0 && long.stdout == again.stdout && long.stdout.hasPrefix("To") && long.stdout.hasSuffix("\n"))
        #expect(long.stdout.count == 2 + 9000 + 1, "\(long.stdout.count) characters")
        for (options, message) in [(["--top-k", "0"], "--top-k must be at least 1"),
                                   (["--temperature", "inf"], "--temperature must be positive and finite"),
                                   (["--temperature", "0"], "--temperature must be positive and finite")] {
            let bad = try CLI.run(["sample", model.path] + options)
            #expect(bad.status != 0 && bad.stderr.contains(message) && bad.stdout.isEmpty, "\(options): \(bad.stderr)")
        }

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

    /// --resume continues only a run on the same kind of data: a checkpoint whose
    /// vocabulary differs (same size, other characters) would load without a shape error
    /// and scramble the embedding, so it is refused, naming the file and the difference.
    @Test func resumeRequiresTheCheckpointsVocabulary() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = dir.appendingPathComponent("train.txt"), other = dir.appendingPathComponent("other.txt")
        try Self.text.write(to: train, atomically: true, encoding: .utf8)
        // The same text with 'q' replaced by 'z': as many distinct characters, one of them new.
        try Self.text.replacingOccurrences(of: "q", with: "z").write(to: other, atomically: true, encoding: .utf8)
        let model = dir.appendingPathComponent("lm.safetensors"), next = dir.appendingPathComponent("next.safetensors")
        let common = ["--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "8", "--bptt", "20", "--threads", "1"]
        let r = try CLI.run(["train", "charlm", "--train", train.path, "--out", model.path, "--epochs", "1"] + common)
        #expect(r.status == 0, "\(r.stderr)")
        let saved = try Data(contentsOf: model)

        let same = try CLI.run(["train", "charlm", "--train", train.path, "--resume", model.path, "--out", next.path,
                                "--epochs", "2"] + common)
        #expect(same.status == 0, "\(same.stderr)")
        let bad = try CLI.run(["train", "charlm", "--train", other.path, "--resume", model.path, "--out", model.path,
                               "--epochs", "2"] + common)
        #expect(bad.status != 0 && bad.stderr.contains("lm.safetensors") && bad.stderr.contains("other vocabulary")
                    && bad.stderr.contains("\"z\" is new"), "\(bad.stderr)")
        #expect(try Data(contentsOf: model) == saved, "the checkpoint was overwritten")
        // Other sizes: the message says which option differs, not only a tensor's shape.
        let sizes = try CLI.run(["train", "charlm", "--train", train.path, "--resume", model.path, "--out", next.path,
                                 "--epochs", "2"] + common.map { $0 == "16" ? "24" : $0 })
        #expect(sizes.status != 0 && sizes.stderr.contains("cannot resume: this run's model differs from the checkpoint's")
                    && sizes.stderr.contains("hiddenSize 16 in the checkpoint, 24 in this run"), "\(sizes.stderr)")
    }

    /// A model file whose tensors hold NaN is rejected by name (sampling from it printed
    /// garbage), and the file is left as it was.
    @Test func modelWithNaNWeightsIsRejected() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = dir.appendingPathComponent("train.txt"), model = dir.appendingPathComponent("lm.safetensors")
        try Self.text.write(to: train, atomically: true, encoding: .utf8)
        let r = try CLI.run(["train", "charlm", "--train", train.path, "--out", model.path, "--epochs", "1", "--hidden", "16",
                             "--layers", "1", "--embedding", "8", "--batch", "8", "--bptt", "20", "--threads", "1"])
        #expect(r.status == 0, "\(r.stderr)")
        var bytes = try Data(contentsOf: model)
        let headerLength = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + headerLength))) as! [String: Any]
        let entry = try #require(header["rnn.weight_hh_l0"] as? [String: Any])
        let begin = 8 + headerLength + ((entry["data_offsets"] as! [Int])[0])
        bytes.replaceSubrange(begin..<(begin + 4), with: [0x00, 0x00, 0xC0, 0x7F])  // a quiet NaN, little-endian
        try bytes.write(to: model)
        let s = try CLI.run(["sample", model.path, "--length", "20"])
        #expect(s.status != 0 && s.stderr.contains("'rnn.weight_hh_l0' holds NaN or infinite values"), "\(s.stderr)")
        #expect(!s.stderr.contains("Fatal error") && s.stdout.isEmpty)
        #expect(try Data(contentsOf: model) == bytes)
    }

    @Test func unknownTaskAndBadOptionsAreValidationErrors() throws {
        let r = try CLI.run(["train", "dance", "--train", "x"])
        #expect(r.status != 0 && r.stderr.contains("unknown task"))
        let d = try CLI.run(["train", "charlm", "--train", "x", "--dropout", "1.5"])
        #expect(d.status != 0 && d.stderr.contains("--dropout"))
        let a = try CLI.run(["train", "charlm", "--train", "x", "--average", "1"])
        #expect(a.status != 0 && a.stderr.contains("--average must be in [0, 1)"), "\(a.stderr)")
        for (options, message) in [(["--clip-norm", "0"], "--clip-norm must be positive"),
                                   (["--clip-norm", "nan"], "--clip-norm must be positive"),
                                   (["--patience=-1"], "--patience must not be negative"),
                                   (["--optimizer", "foo"], "--optimizer must be one of adam, adamw, sgd, rmsprop, adagrad, got 'foo'"),
                                   (["--pooling", "foo"], "--pooling must be one of"),
                                   (["--attention", "foo"], "--attention must be one of none, dot, general"),
                                   // Options another task reads would be ignored without a word.
                                   (["--window", "12"], "--window applies to forecast, not charlm"),
                                   (["--attention", "dot"], "--attention applies to seq2seq, not charlm"),
                                   (["--pooling", "max"], "--pooling applies to classify and forecast, not charlm")] {
            let r = try CLI.run(["train", "charlm", "--train", "x"] + options)
            #expect(r.status != 0 && r.stderr.contains(message) && !r.stderr.contains("Fatal error"), "\(options): \(r.stderr)")
        }
        let e = try CLI.run(["train", "forecast", "--train", "x", "--embedding", "8"])
        #expect(e.status != 0 && e.stderr.contains("--embedding applies to charlm and classify and generate and seq2seq and tag, not forecast"), "\(e.stderr)")
    }

    /// Output paths that cannot be written fail before training (they failed after it, losing
    /// the run), naming the option and the folder.
    @Test func unwritableOutputsFailBeforeTraining() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = dir.appendingPathComponent("train.txt")
        try Self.text.write(to: train, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("no/such/folder").path
        for (options, message) in [(["--out", missing + "/m.safetensors"], "--out \(missing)/m.safetensors: the folder \(missing) does not exist"),
                                   (["--out", dir.path], "--out \(dir.path): is a folder; give a file name"),
                                   (["--metrics", missing + "/m.json"], "--metrics \(missing)/m.json: the folder"),
                                   (["--report", missing + "/r.html"], "--report \(missing)/r.html: the folder")] {
            let r = try CLI.run(["train", "charlm", "--train", train.path, "--epochs", "50", "--hidden", "8", "--threads", "1"] + options)
            #expect(r.status == 1 && r.stderr.contains(message) && !r.stdout.contains("trained"), "\(options): \(r.stderr)")
        }
        let u = try CLI.run(["unfold", "--out", missing + "/u.svg"])
        #expect(u.status == 1 && u.stderr.contains("--out \(missing)/u.svg: the folder"), "\(u.stderr)")
        let g = try CLI.run(["gradients", "--report", missing + "/g.html"])
        #expect(g.status == 1 && g.stderr.contains("--report \(missing)/g.html: the folder"), "\(g.stderr)")
    }

    /// Sizes that cannot fit in memory fail before anything is allocated (they crashed in
    /// the allocator, or woke the OOM killer), naming the options.
    @Test func modelTooLargeForMemoryIsRefused() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = dir.appendingPathComponent("train.txt")
        try Self.text.write(to: train, atomically: true, encoding: .utf8)
        for options in [["--hidden", "100000000"], ["--embedding", "1000000000"], ["--layers", "100000", "--hidden", "2000"]] {
            let r = try CLI.run(["train", "charlm", "--train", train.path, "--out", dir.appendingPathComponent("m").path] + options)
            let named = stride(from: 0, to: options.count, by: 2).allSatisfy { r.stderr.contains("\(options[$0]) \(options[$0 + 1])") }
            #expect(r.status == 1 && named && r.stderr.contains("of memory")
                        && !r.stderr.contains("Fatal error"), "\(options): \(r.stderr)")
        }
    }
}
