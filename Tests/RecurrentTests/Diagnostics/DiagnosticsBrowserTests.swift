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

/// End to end in a real browser: headless Chromium loads the report and the unfolded graph,
/// and the test checks the DOM it built and the pixels it drew. Skipped where Chromium is not
/// installed (`Scripts/ensure-chromium.sh` installs it).
@Suite(.serialized) struct DiagnosticsBrowserTests {
    static let chromium = ExternalProcess.find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])

    static func headless(_ args: [String]) throws -> ExternalProcess.Result {
        let profile = try ExternalProcess.temporaryDirectory("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ExternalProcess.run(chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                   "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile.path)",
                                                   "--enable-logging=stderr", "--v=0"] + args, timeout: 120)
    }

    /// Copies a test's page and screenshot to `$RECURRENT_TEST_ARTIFACTS` (if set), for people
    /// and CI to look at.
    static func keep(_ files: [URL]) {
        guard let dir = ProcessInfo.processInfo.environment["RECURRENT_TEST_ARTIFACTS"] else { return }
        let target = URL(fileURLWithPath: dir)
        try? FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for f in files {
            let to = target.appendingPathComponent(f.lastPathComponent)
            try? FileManager.default.removeItem(at: to)
            try? FileManager.default.copyItem(at: f, to: to)
        }
    }

    /// Messages that mean the page did not load cleanly (console errors, failed requests).
    static func pageErrors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("net::ERR_") || $0.contains("ERR_FILE_NOT_FOUND")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func reportLoadsWithItsChartsAndDrawsThem() throws {
        let dir = try ExternalProcess.temporaryDirectory("browser")
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        try DiagnosticsReportTests.fullReport().write(to: page.path)

        let dom = try Self.headless(["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "chromium exited \(dom.status): \(dom.stderr.suffix(500))")
        #expect(Self.pageErrors(dom.stderr).isEmpty, "\(Self.pageErrors(dom.stderr))")
        #expect(dom.stdout.contains("<h1>charlm &lt;shakespeare.txt&gt; &amp; co</h1>"))
        for id in ["loss", "learning-rate", "gradient-norm", "clip-rate", "gradient-through-time", "confusion-matrix",
                   "forecast", "tag-accuracy"] {
            #expect(dom.stdout.contains("data-chart=\"\(id)\""), "chart \(id) missing from the DOM")
        }
        // The parser kept every inline <svg> (none was swallowed by a markup error).
        let svgs = dom.stdout.components(separatedBy: "<svg ").count - 1
        #expect(svgs == DiagnosticsReportTests.fullReport().html.components(separatedBy: "<svg ").count - 1)
        #expect(!dom.stdout.contains("parsererror"))

        let shot = dir.appendingPathComponent("report.png")
        let s = try Self.headless(["--window-size=1000,1400", "--screenshot=\(shot.path)", page.absoluteString])
        #expect(s.status == 0)
        Self.keep([page, shot])
        let image = try PNGImage(contentsOf: shot)
        #expect(image.width == 1000 && image.height == 1400)
        #expect(image.distinctColors > 100, "only \(image.distinctColors) colours: blank page?")
        #expect(image.nonBackgroundFraction > 0.2)
        #expect(image.saturatedPixels > 2000, "no coloured chart lines drawn")
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed"))
    func unfoldedGraphSVGRendersStandalone() throws {
        let dir = try ExternalProcess.temporaryDirectory("browser-svg")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lstm.svg")
        try UnfoldedGraph(cell: .lstm, steps: 4).svgDocument().standalone.write(to: file, atomically: true, encoding: .utf8)
        let dom = try Self.headless(["--dump-dom", file.absoluteString])
        #expect(dom.status == 0)
        #expect(Self.pageErrors(dom.stderr).isEmpty)
        #expect(dom.stdout.contains("data-node=\"c4\""))
        #expect(!dom.stdout.contains("parsererror") && !dom.stdout.contains("error on line"))
        let shot = dir.appendingPathComponent("lstm.png")
        _ = try Self.headless(["--window-size=900,600", "--screenshot=\(shot.path)", file.absoluteString])
        Self.keep([file, shot])
        let image = try PNGImage(contentsOf: shot)
        #expect(image.distinctColors > 50)
        #expect(image.saturatedPixels > 500)
    }
}

@Suite struct DiagnosticsPNGDecoderTests {
    /// A 2×2 RGB PNG written with zlib level 9 (fixed Huffman), filters 1 and 2.
    @Test func decodesSmallPNG() throws {
        // Built with Python: zlib.compress(b"\x01\xff\x00\x00\x00\x00\x00" + b"\x02\x00\xff\x00\x00\x00\x00", 9)
        let png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0,
                            253, 212, 154, 115, 0, 0, 0, 16, 73, 68, 65, 84, 120, 218, 99, 252, 207, 0, 2, 76, 12, 96, 26, 0,
                            18, 24, 2, 2, 37, 231, 84, 91, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130]
        let image = try PNGImage(data: png)
        #expect(image.width == 2 && image.height == 2)
        #expect(Array(image.pixels[0..<8]) == [255, 0, 0, 255, 255, 0, 0, 255])
        #expect(Array(image.pixels[8..<16]) == [255, 255, 0, 255, 255, 0, 0, 255])
        #expect(image.distinctColors == 2)
    }
}
