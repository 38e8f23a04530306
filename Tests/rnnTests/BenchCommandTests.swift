import Foundation
import Testing

/// `rnn bench cells`, end to end through the built binary: the JSON lines its comparison with
/// `Scripts/bench_torch.py` reads, and clear errors for options it cannot run.
@Suite struct BenchCommandTests {
    @Test
    func cellsJSONHasOneLinePerCellModeAndShape() throws {
        let r = try CLI.run(["bench", "cells", "--shapes", "2:3:4:5,1:2:3:4", "--cells", "lstm,gru", "--modes", "infer,train",
                             "--seconds", "0.01", "--threads", "2", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 8, "\(r.stdout)")
        var seen: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["cell", "mode", "batch", "seq", "input", "hidden", "threads", "ms", "gflops",
                                         "peak_gflops"])
            let ms = try #require(object["ms"] as? Double), gflops = try #require(object["gflops"] as? Double)
            #expect(ms > 0 && ms.isFinite && gflops > 0 && gflops.isFinite)
            #expect(object["threads"] as? Int == 2)
            let (b, t, i, h) = try (#require(object["batch"] as? Int), #require(object["seq"] as? Int),
                                    #require(object["input"] as? Int), #require(object["hidden"] as? Int))
            let gates = object["cell"] as? String == "lstm" ? 4.0 : 3.0
            let forward = 2 * gates * Double(h * (i + h) * b * t)
            let flops = forward * (object["mode"] as? String == "train" ? 3 : 1)
            // Both figures are printed to 4 significant digits.
            #expect(abs(flops / (ms * 1e-3) / 1e9 - gflops) <= 2e-3 * gflops, "FLOP count of \(line)")
            seen.append("\(object["cell"]!) \(object["mode"]!) \(b):\(t):\(i):\(h)")
        }
        #expect(seen == ["lstm infer 2:3:4:5", "lstm train 2:3:4:5", "lstm infer 1:2:3:4", "lstm train 1:2:3:4",
                         "gru infer 2:3:4:5", "gru train 2:3:4:5", "gru infer 1:2:3:4", "gru train 1:2:3:4"])
    }

    @Test(arguments: [
        (["--cells", "transformer"], "unknown cell 'transformer'"),
        (["--modes", "bar"], "unknown mode 'bar'"),
        (["--cells", ","], "name at least one of rnn, lstm, gru"),
        (["--threads", "0"], "--threads must be at least 1"),
        (["--seconds", "nan"], "--seconds must be a positive number"),
        (["--shapes", "1:2:3"], "'1:2:3' is not B:T:I:H"),
        (["--shapes", "0:2:3:4"], "'0:2:3:4' is not B:T:I:H"),
        (["--shapes", ""], "give at least one B:T:I:H"),
    ])
    func cellsRejectsOptionsItCannotRun(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(["bench", "cells", "--seconds", "0.01"] + arguments)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty, "nothing is measured before the error: \(r.stdout)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test
    func trainRejectsMissingAndNonUTF8Text() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["bench", "train", "--steps", "1", "--text", dir.appendingPathComponent("none.txt").path])
        #expect(missing.status != 0 && missing.stderr.contains("none.txt: no such file"), "\(missing.stderr)")
        let binary = dir.appendingPathComponent("bad.txt")
        try Data([0x61, 0xFF, 0xFE, 0x0A]).write(to: binary)
        let bad = try CLI.run(["bench", "train", "--steps", "1", "--text", binary.path])
        #expect(bad.status != 0 && bad.stderr.contains("bad.txt: not UTF-8 text"), "\(bad.stderr)")
        let zero = try CLI.run(["bench", "train", "--steps", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--steps must be at least 1"), "\(zero.stderr)")
    }
}
