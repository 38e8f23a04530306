import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct DiagnosticsSVGTests {
    @Test func escapesMarkupCharactersAndDropsInvalidControls() {
        #expect(xmlEscaped("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(xmlEscaped("tab\tnew\nline\u{0}\u{1B}[31m\u{FFFE}") == "tab\tnew\nline[31m")
        #expect(xmlEscaped("∂L/∂h₁ — é") == "∂L/∂h₁ — é")
    }

    @Test func elementsRenderEscapedAndWellFormed() throws {
        let svg = SVGDocument(width: 100, height: 50, title: "a < b & \"c\"", content: [
            .text("</svg><script>alert(1)</script>", x: 1, y: 2),
            .rect(x: 0, y: 0, width: 10, height: 5, fill: "#fff", [("data-x", "'\"&")]),
            .group([.circle(cx: 1.005, cy: 2, r: 3, fill: "red")]),
        ])
        let markup = svg.standalone
        #expect(!markup.contains("<script>"))
        #expect(markup.contains("&lt;/svg&gt;&lt;script&gt;"))
        #expect(markup.contains("viewBox=\"0 0 100 50\""))
        let (error, check) = XMLCheck.parse(markup)
        #expect(error == nil)
        #expect(check.counts["svg"] == 1 && check.counts["rect"] == 1 && check.counts["circle"] == 1)
    }

    @Test func numbersAreShortAndFinite() {
        #expect(svgNumber(12) == "12")
        #expect(svgNumber(12.5) == "12.5")
        #expect(svgNumber(-0.254) == "-0.25")
        #expect(svgNumber(0.049) == "0.05")
        #expect(svgNumber(0.001) == "0")
        #expect(svgNumber(-0.004) == "0")
        #expect(svgNumber(.nan) == "0")
        #expect(svgNumber(1e300) == "9e15")
    }

    @Test func linearScaleMapsAndInverts() throws {
        let s = Scale(.linear, domain: 0...10, start: 100, end: 0)
        #expect(s(0) == 100)
        #expect(s(10) == 0)
        #expect(s(2.5) == 75)
        #expect(s(.nan) == nil)
        #expect(s.clamped(20) == 0)
    }

    @Test func logScaleMapsDecadesEvenlyAndRejectsNonPositive() throws {
        let s = Scale(.log, domain: 1e-3...1e1, start: 0, end: 400)
        #expect(abs(s(1e-3)! - 0) < 1e-9)
        #expect(abs(s(1e-1)! - 200) < 1e-9)
        #expect(abs(s(10)! - 400) < 1e-9)
        #expect(s(0) == nil)
        #expect(s(-1) == nil)
        #expect(s.ticks() == [1e-3, 1e-2, 1e-1, 1, 10])
        #expect(s.ticks().map { s.label($0, ticks: s.ticks()) } == ["10⁻³", "0.01", "0.1", "1", "10"])
    }

    @Test func niceTicksUseOneTwoFiveSteps() {
        #expect(NiceTicks.linear(0, 1).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.linear(0, 97).ticks == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.linear(-3.2, 7.9).ticks == [-5, 0, 5, 10] && NiceTicks.linear(-3.2, 7.9).step == 5)
        #expect(NiceTicks.linear(5, 5).ticks.count >= 2)
        #expect(NiceTicks.niceNumber(0.0037, round: true) == 0.005)
        #expect(NiceTicks.niceNumber(7.5, round: false) == 10)
        #expect(NiceTicks.logarithmic(1e-12, 1) == [1e-12, 1e-9, 1e-6, 1e-3, 1])
        #expect(NiceTicks.logarithmic(2, 40) == [2, 5, 10, 20])
        let wide = NiceTicks.logarithmic(1e-30, 1e3)
        #expect(wide.count <= 7 && wide.last! == 1e3 && wide.first! >= 1e-30)
        #expect(NiceTicks.logarithmic(3, 4) == [3, 4])
        #expect(NiceTicks.logarithmic(0.5, 0.5) == [0.5])
    }

    @Test func coveringScaleWidensToNiceBounds() {
        let s = Scale.covering([0.3, 9.2, .nan, .infinity], kind: .linear, start: 0, end: 1)
        #expect(s.domain == 0...10)
        let l = Scale.covering([3e-11, 0.2, 0, -1], kind: .log, start: 0, end: 1)
        #expect(l.domain == 1e-11...1)
        let empty = Scale.covering([.nan], kind: .log, start: 0, end: 1)
        #expect(empty.domain == 1...10)
    }

    @Test func linearLabelsUseTheDecimalsOfTheStep() {
        let s = Scale(.linear, domain: 0...1, start: 0, end: 1)
        let t = s.ticks()
        #expect(t.map { s.label($0, ticks: t) } == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let big = Scale(.linear, domain: 0...5e7, start: 0, end: 1)
        #expect(big.label(2e7, ticks: big.ticks()) == "2.0e+07")
    }

    @Test func decimationKeepsEnvelopeAndCap() {
        var points: [(x: Double, y: Double)] = (0..<100_000).map { (Double($0), Double(($0 * 7919) % 1000) / 1000) }
        points[54_321].y = 50      // a spike
        points[12_345].y = -20     // a dip
        let d = minMaxDecimated(points, maxPoints: 2000)
        #expect(d.count <= 2000)
        #expect(d.first!.x == 0 && d.last!.x == 99_999)
        #expect(d.contains { $0.y == 50 && $0.x == 54_321 })
        #expect(d.contains { $0.y == -20 && $0.x == 12_345 })
        #expect(zip(d, d.dropFirst()).allSatisfy { $0.x < $1.x })
        let short = Array(points.prefix(100))
        #expect(minMaxDecimated(short, maxPoints: 2000).count == 100)
    }

    @Test func decimationDropsNonFiniteOnlyWhenReducing() {
        let pts: [(x: Double, y: Double)] = (0..<10).map { (Double($0), $0 == 5 ? .nan : Double($0)) }
        #expect(minMaxDecimated(pts, maxPoints: 20).count == 10)
        let long: [(x: Double, y: Double)] = (0..<5000).map { (Double($0), $0 % 100 == 0 ? .nan : 1) }
        #expect(minMaxDecimated(long, maxPoints: 100).allSatisfy { $0.y.isFinite })
    }

    @Test func lineSeriesBreaksAtGapsAndCapsPoints() {
        let line = LineSeries("loss", values: [1, 2, .nan, 4, 5], color: "#000")
        let x = Scale(.linear, domain: 1...5, start: 0, end: 100), y = Scale(.linear, domain: 0...5, start: 100, end: 0)
        let d = line.render(x: x, y: y).children[0]["d"]!
        #expect(d.filter { $0 == "M" }.count == 2)
        let long = LineSeries("x", values: (0..<50_000).map { Double($0 % 37) }, color: "#000")
        #expect(long.points.count <= 2000)
        // On a log axis, values ≤ 0 are gaps too.
        let logY = Scale(.log, domain: 1...10, start: 100, end: 0)
        let d2 = LineSeries(nil, values: [1, 0, 2, 3], color: "#000").render(x: x, y: logY).children[0]["d"]!
        #expect(d2.filter { $0 == "M" }.count == 2)
    }

    @Test func chartHasAxesLegendAndSeriesAndIsWellFormed() {
        var chart = Chart(title: "Loss & <things>", xLabel: "step", yLabel: "loss", yKind: .log, id: "loss")
        chart.series.append(LineSeries("train", values: (1...100).map { 1 / Double($0) }, color: Palette.color(0)))
        chart.series.append(ScatterSeries("eval", points: [(10, 0.1), (50, 0.02)], color: Palette.color(1), tooltips: ["a", "b"]))
        chart.series.append(RuleSeries("chance", at: 0.5))
        let e = chart.element
        #expect(e["data-chart"] == "loss")
        let markup = e.markup
        #expect(markup.contains("Loss &amp; &lt;things&gt;"))
        #expect(markup.contains("data-series=\"train\"") && markup.contains("class=\"series scatter\""))
        #expect(markup.contains("class=\"legend\""))
        #expect(e.descendants.filter { $0.name == "text" }.contains { $0.text == "10⁻³" || $0.text == "0.01" })
        #expect(XMLCheck.parse(markup).error == nil)
        #expect(XMLCheck.parse(chart.document.standalone).error == nil)
    }

    @Test func categoricalBarsAndReversedHeatmapWithLabels() {
        var bars = Chart(title: "per tag", id: "bars")
        bars.xCategories = ["NOUN", "VERB", "ADJ"]
        bars.yDomain = 0...100
        bars.series.append(BarSeries(nil, bars: [(0, 90), (1, 80), (2, 70)], color: "#123456"))
        let b = bars.element
        #expect(b.descendants.filter { $0.name == "rect" && $0["fill"] == "#123456" }.count == 3)
        #expect(b.descendants.contains { $0.text == "VERB" })

        var m = Chart(title: "confusion", width: 400, height: 360, id: "m")
        m.xCategories = ["a", "b"]
        m.yCategories = ["a", "b"]
        m.yReversed = true
        m.series.append(HeatmapSeries(values: [[0.9, 0.1], [0.3, 0.7]], xSpan: -0.5...1.5, ySpan: -0.5...1.5,
                                      colorDomain: 0...1, showValues: true, cellLabels: [["9", "1"], ["3", "7"]]))
        let me = m.element
        let cells = me.descendants.filter { $0.name == "rect" && $0.children.first?.name == "title" }
        #expect(cells.count == 4)
        #expect(me.descendants.contains { $0.text == "9" } && me.descendants.contains { $0.text == "7" })
        // Row 0 (true "a") is at the top: its cells have the smallest y.
        let ys = cells.map { Double($0["y"]!)! }
        #expect(ys[0] < ys[2])
        #expect(me.descendants.contains { $0["class"] == "colorbar" })
    }

    @Test func largeHeatmapIsOnePathPerColourLevel() {
        let values = (0..<100).map { r in (0..<160).map { c in Double.pow(10, -Double(r) / 10) * (1 + Double(c % 3) * 0.01) } }
        let h = HeatmapSeries(values: values, xSpan: 0...160, ySpan: 0...100, logColors: true, levels: 48)
        let e = h.render(x: Scale(.linear, domain: 0...160, start: 0, end: 800), y: Scale(.linear, domain: 0...100, start: 300, end: 0))
        #expect(e.children.count <= 48)
        #expect(e.children.allSatisfy { $0.name == "path" })
        // Runs of one colour merge: far fewer rectangles than the 16,000 cells.
        let rects = e.children.map { $0["d"]!.filter { $0 == "z" }.count }.reduce(0, +)
        #expect(rects <= 1000)
        #expect(h.colorPosition(.nan) == nil && h.colorPosition(0) == nil)
    }

    @Test func viridisEndsAndHex() {
        #expect(Palette.viridis(0) == "#440154")
        #expect(Palette.viridis(1) == "#fde725")
        #expect(Palette.viridis(-3) == Palette.viridis(0))
        #expect(Palette.hex(255, 0, 16) == "#ff0010")
        #expect(Palette.color(10) == Palette.color(0))
    }
}

import RealModule
