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

/// Each kind of malformed input gives one `file:line: what is wrong` message.
@Suite struct DataMalformedInputTests {
    let header = "id,label,t,c1,c2\n"

    @Test func wrongFieldCount() {
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,1,2\n0,1,1,1\n", file: "train.csv") }
            == "train.csv:3: expected 5 fields, found 4")
        #expect(thrownMessage { try LabelledText.parse("label\ttext\n1\tgood\n0\tbad\textra\n", file: "train.tsv") }
            == "train.tsv:3: expected 2 fields, found 3")
    }

    @Test func nonNumericAndNonFiniteValues() {
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,1,abc\n", file: "train.csv") }
            == "train.csv:2: column 'c2': 'abc' is not a number")
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,nan,1\n", file: "train.csv") }
            == "train.csv:2: column 'c1': nan is not a finite number")
        #expect(thrownMessage { try DatedValue.parse("date,value\n1700,5\n1701,\n", file: "train.csv") }
            == "train.csv:3: column 'value': '' is not a number")
        #expect(thrownMessage { try LabelledText.parse("label\tscore\ttext\n1\thigh\tgood\n", file: "t.tsv") }
            == "t.tsv:2: column 'score': 'high' is not a number")
    }

    @Test func timeStepsOutOfOrder() {
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,1,2\n0,1,2,1,2\n", file: "train.csv") }
            == "train.csv:3: t is 2, expected 1 (t counts 0, 1, 2, … within each series)")
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,1,1,2\n", file: "train.csv") }
            == "train.csv:2: t is 1, expected 0 (t counts 0, 1, 2, … within each series)")
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0.5,1,2\n", file: "train.csv") }
            == "train.csv:2: column 't': '0.5' is not an integer")
    }

    @Test func seriesRowsNotContiguousOrChangingLabel() {
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,1,2\n1,1,0,1,2\n0,1,1,1,2\n", file: "train.csv") }
            == "train.csv:4: rows of series '0' are not contiguous (the series started at line 2)")
        #expect(thrownMessage { try LabelledSeries.parse(header + "0,1,0,1,2\n0,2,1,1,2\n", file: "train.csv") }
            == "train.csv:3: label '2' differs from '1' earlier in series '0'")
    }

    @Test func emptyFiles() {
        #expect(thrownMessage { try LabelledSeries.read(dataFixture("empty.csv")) } == "empty.csv: file is empty")
        #expect(thrownMessage { try TaggedSentence.parse("\n\r\n\n", file: "train.conll") } == "train.conll: file is empty")
        #expect(thrownMessage { try TextCorpus("", file: "train.txt") } == "train.txt: file is empty")
        #expect(thrownMessage { try LabelledSeries.parse(header + "\n\n", file: "train.csv") }
            == "train.csv:1: no data rows after the header")
        #expect(thrownMessage { try TaggedSentence.parse("# only a comment\n", file: "train.conll") }
            == "train.conll: no sentences (only comments)")
    }

    @Test func missingOrDuplicateColumns() {
        #expect(thrownMessage { try LabelledSeries.parse("id,t,c1\n0,0,1\n", file: "train.csv") }
            == "train.csv:1: missing column 'label' (the header has: id, t, c1)")
        #expect(thrownMessage { try LabelledSeries.parse("id,label,t\n0,1,0\n", file: "train.csv") }
            == "train.csv:1: no feature columns besides id, label and t")
        #expect(thrownMessage { try LabelledText.parse("label\tscore\n1\t2\n", file: "train.tsv") }
            == "train.tsv:1: missing column 'text' (the header has: label, score)")
        #expect(thrownMessage { try DatedValue.parse("date,Value,value\n1,2,3\n", file: "x.csv") }
            == "x.csv:1: column 'value' appears twice in the header")
    }

    @Test func coNLLLineWithoutTab() {
        #expect(thrownMessage { try TaggedSentence.parse("Burda\tPRON\nda PRT\n", file: "train.conll") }
            == "train.conll:2: expected token<TAB>tag, found no tab")
        #expect(thrownMessage { try TaggedSentence.parse("Burda\t\n", file: "train.conll") } == "train.conll:1: empty tag")
    }

    /// A stray tab (token<TAB>tag<TAB>7) would make '7' a tag: every line has the first's width.
    @Test func coNLLLinesOfAnotherWidth() throws {
        #expect(thrownMessage { try TaggedSentence.parse("Burda\tPRON\nda\tPRT\n\nyoksa\tCONJ\t7\n", file: "train.conll") }
            == "train.conll:4: 3 tab-separated columns, but line 1 has 2")
        let fourColumns = try TaggedSentence.parse("EU\tNNP\tB-NP\tB-ORG\nrejects\tVBZ\tB-VP\tO\n")
        #expect(fourColumns == [TaggedSentence(tokens: ["EU", "rejects"], tags: ["B-ORG", "O"])])
    }

    /// Forecast rows are a series in time order: readable dates must strictly increase, or
    /// strictly decrease (newest first, reversed on reading); repeats and disorder are errors.
    @Test func forecastDatesMustBeInOrder() throws {
        #expect(try DatedValue.parse("date,value\n2020-01-03,3\n2020-01-02,2\n2020-01-01,1\n").map(\.value) == [1, 2, 3])
        #expect(try DatedValue.parse("date,value\n1949-01,1\n1949-02,2\n1950-01,3\n").map(\.value) == [1, 2, 3])
        #expect(try DatedValue.parse("year,value\n999,1\n1000,2\n").map(\.value) == [1, 2])
        #expect(try DatedValue.parse("date,value\n2020-01-01T10:00Z,1\n2020-01-01T09:30Z,2\n").map(\.value) == [2, 1])
        // Formats that are not year first are kept in file order.
        #expect(try DatedValue.parse("date,value\n02/01/2020,1\n01/01/2021,2\n").map(\.value) == [1, 2])
        #expect(thrownMessage { try DatedValue.parse("date,value\n1700,5\n1701,6\n1701,7\n", file: "s.csv") }
            == "s.csv:4: date '1701' repeats line 3")
        #expect(thrownMessage { try DatedValue.parse("date,value\n2020-01-01,1\n2020-01-03,2\n2020-01-02,3\n", file: "s.csv") }
            == "s.csv:4: date '2020-01-02' comes before '2020-01-03' on line 3, but the dates above it increase; sort the file by date")
    }

    /// A field of 200 000 characters is quoted by its head and tail, not in full.
    @Test func longValuesAreAbbreviatedInMessages() {
        let value = "0.5" + String(repeating: "x", count: 200_000)
        let message = thrownMessage { try DatedValue.parse("date,value\n1,\(value)\n", file: "x.csv") } ?? ""
        #expect(message.hasPrefix("x.csv:2: column 'value': '0.5xxx") && message.hasSuffix("xxx' (200005 characters) is not a number"), "\(message.prefix(300))")
        #expect(message.count < 200, "\(message.count) characters")
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bad.txt")
        try Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]).write(to: url)
        #expect(thrownMessage { try TextCorpus(contentsOf: url) } == "bad.txt:2: invalid UTF-8")
        #expect(thrownMessage { try TextCorpus(contentsOf: dir.appendingPathComponent("none.txt")) }?
            .hasPrefix("none.txt: cannot read the file") == true)
    }
}
