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

/// A small input file under Tests/RecurrentTests/Fixtures/data/.
func dataFixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/data").appendingPathComponent(name)
}

/// The description of the error `body` throws, or nil when it does not throw.
func thrownMessage(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite struct DataReaderTests {
    @Test func readsACorpusAsUnicodeScalars() throws {
        let corpus = try TextCorpus(contentsOf: dataFixture("shakespeare.txt"))
        #expect(corpus.file == "shakespeare.txt")
        #expect(String(String.UnicodeScalarView(corpus.scalars)).hasPrefix("BERNARDO:\nWho's there?\n\nFRANCISCO:"))
        #expect(corpus.scalars.count == 79)
    }

    @Test func corpusDropsTheByteOrderMarkAndNormalisesCRLF() throws {
        let corpus = try TextCorpus(contentsOf: dataFixture("corpus_bom_crlf.txt"))
        #expect(corpus.scalars == Array("Hello,\nworld!\n\n".unicodeScalars))
        #expect(try TextCorpus("a\r\nb\rc\u{00E9}").scalars == ["a", "\n", "b", "\r", "c", "\u{00E9}"])
        #expect(thrownMessage { try TextCorpus(contentsOf: dataFixture("bom_only.txt")) } == "bom_only.txt: file is empty")
    }

    @Test func readsLongFormatLabelledSeries() throws {
        let series = try LabelledSeries.read(dataFixture("series.csv"))
        #expect(series.map(\.id) == ["0", "1", "2"])
        #expect(series.map(\.label) == ["1", "2", "1"])
        #expect(series.map(\.length) == [3, 2, 1])
        #expect(series[0].featureNames == ["c1", "c2"] && series[0].featureCount == 2)
        #expect(series[0].values == [1.5, -0.25, 1.75, -0.5, 2.0, -0.75])
        #expect(series[1][1, 0] == -1 && series[1][0, 1] == 0.03)
    }

    @Test func findsLabelledSeriesColumnsByNameInAnyOrderWithQuotesBOMAndCRLF() throws {
        let url = dataFixture("series_variant.csv")
        let series = try LabelledSeries.read(url)
        #expect(series.map(\.id) == ["a", "b"] && series.map(\.label) == ["speaker, one", "2"])
        #expect(series[0].featureNames == ["c2", "c1"])
        #expect(series[0].values == [-0.25, 1.5, -0.5, 1.75])
        let reordered = try LabelledSeries.read(url, featureColumns: ["c1", "c2"])
        #expect(reordered[0].featureNames == ["c1", "c2"] && reordered[0].values == [1.5, -0.25, 1.75, -0.5])
        #expect(thrownMessage { try LabelledSeries.read(url, featureColumns: ["c1", "c3"]) }
            == "series_variant.csv:1: missing column 'c3' (the header has: c2, label, c1, id)")
    }

    @Test func readsDatedValuesWithBOMOrCRLF() throws {
        let airline = try DatedValue.read(dataFixture("airline.csv"))
        #expect(airline == [.init(date: "1949-01", value: 112), .init(date: "1949-02", value: 118), .init(date: "1949-03", value: 132)])
        let url = dataFixture("sunspots_named.csv")
        let spots = try DatedValue.read(url, valueColumn: "spots")
        #expect(spots.map(\.date) == ["1700", "1701", "1702"] && spots.map(\.value) == [5, 11, 16.5])
        #expect(thrownMessage { try DatedValue.read(url) }
            == "sunspots_named.csv:1: no column named 'value' among 3 columns; say which holds the values")
        let twoColumns = try DatedValue.parse("month,passengers\n1,2.5\n2,3\n")
        #expect(twoColumns == [.init(date: "1", value: 2.5), .init(date: "2", value: 3)])
    }

    @Test func readsLabelledTextWithAndWithoutScoresBOMAndCRLF() throws {
        let scored = try LabelledText.read(dataFixture("sentiment.tsv"))
        #expect(scored.count == 2)
        #expect(scored[0] == LabelledText(label: "1", score: 2.26667, text: "The Rock is destined to be the 21st Century's new ''Conan''."))
        #expect(scored[1].label == "0" && scored[1].score == -0.6)
        let plain = try LabelledText.read(dataFixture("sentiment_plain.tsv"))
        #expect(plain == [
            LabelledText(label: "pos", text: "A gorgeous, witty film."),
            LabelledText(label: "neg", text: "Dull \"drama\", badly acted."),
        ])
    }

    @Test func readsSourceTargetPairs() throws {
        let pairs = try TextPair.read(dataFixture("g2p.tsv"))
        #expect(pairs.map(\.source) == ["a", "a's", "aaa"])
        #expect(pairs[2].target == "T R IH2 P AH0 L EY1")
        #expect(try TextPair.parse("word\tphones\nab\tAE1 B\n") == [TextPair(source: "ab", target: "AE1 B")])
        #expect(thrownMessage { try TextPair.parse("word\tphones\tx\nab\tAE1 B\t1\n", file: "p.tsv") }
            == "p.tsv:1: missing column 'source' (the header has: word, phones, x)")
    }

    @Test func readsCoNLLWithBOMCommentsRepeatedBlankLinesAndNoFinalBlankLine() throws {
        let sentences = try TaggedSentence.read(dataFixture("pos.conll"))
        #expect(sentences == [
            TaggedSentence(tokens: ["Burda", "da", "#", "."], tags: ["PRON", "PRT", "X", "PUNCT"]),
            TaggedSentence(tokens: ["Kitap", "okudum"], tags: ["NOUN", "VERB"]),
        ])
        #expect(try TaggedSentence.parse("# comment\r\na\tB\r\n\r\n") == [TaggedSentence(tokens: ["a"], tags: ["B"])])
    }

    @Test func readsCoNLLUFormAndUPOSSkippingRangesAndEmptyNodes() throws {
        let sentences = try TaggedSentence.read(dataFixture("ud.conllu"))
        #expect(sentences == [TaggedSentence(tokens: ["Ankara'da", "yım", "."], tags: ["NOUN", "VERB", "PUNCT"])])
    }

    @Test func linesAreCountedThroughQuotedLineBreaksBlankLinesAndCRLF() {
        let text = "id,label,t,c1\r\n\r\n0,\"multi\nline\",0,1\r\n0,\"multi\nline\",1,x\r\n"
        #expect(thrownMessage { try LabelledSeries.parse(text, file: "q.csv") } == "q.csv:5: column 'c1': 'x' is not a number")
    }
}
