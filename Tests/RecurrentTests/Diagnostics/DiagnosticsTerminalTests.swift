import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

@Suite struct DiagnosticsTerminalTests {
    @Test func logChartSharesOneScaleAcrossRows() {
        let chart = TerminalLogChart(rows: [("a", [1e-12, 1e-6, 1]), ("bb", [1, 0, .infinity])])
        let lines = chart.lines()
        #expect(lines == ["a  ▁▅█", "bb █·!"])
        #expect(chart.legend()!.hasPrefix("▁ = 1.0e-12 … █ = 1.0e+00"))
    }

    @Test func logChartBucketsLongRowsGeometrically() {
        let chart = TerminalLogChart(rows: [("x", (0..<1000).map { Double.pow(10, -Double($0) / 100) })], maxColumns: 50)
        let row = chart.lines()[0]
        #expect(row.count == 2 + 50)
        #expect(row.hasSuffix("▁"))
        #expect(row.dropFirst(2).first == "█")
        #expect(TerminalLogChart(rows: []).legend() == nil)
    }

    @Test func textTableAlignsLabelsLeftAndNumbersRight() {
        var t = TextTable(header: ["cell", "ratio"])
        t.append(["rnn", "1.0e-10"])
        t.append(["lstm", "2"])
        #expect(t.lines() == ["cell    ratio", "rnn   1.0e-10", "lstm        2"])
    }

    @Test func numberFormats() {
        #expect(scientific(2.6e-10) == "2.6e-10")
        #expect(scientific(9.96e-3) == "1.0e-02")
        #expect(scientific(0) == "0")
        #expect(scientific(-.infinity) == "-inf")
        #expect(fixed(0.644, 3) == "0.644")
        #expect(fixed(-0.0001, 2) == "0.00")
        #expect(fixed(2.5, 0) == "3")
        #expect(compact(1.386294) == "1.39")
        #expect(compact(0.00123) == "0.00123")
        #expect(compact(12345) == "12345")
        #expect(compact(1e-7) == "1.00e-07")
        #expect(plain(1) == "1" && plain(0.1) == "0.1" && plain(2.5) == "2.5")
    }

    @Test func cellShortNamesRoundTrip() {
        for c in CellKind.allCases { #expect(CellKind(shortName: c.shortName) == c) }
        #expect(CellKind(shortName: "LSTM") == .lstm)
        #expect(CellKind(shortName: "transformer") == nil)
    }
}

import RealModule
