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

/// Truncated and corrupted versions of every fixture must be parsed or rejected with a
/// ``DataError``; no input may trap.
@Suite struct DataFuzzTests {
    static let readers: [(fixture: String, parse: @Sendable (String) throws -> Any)] = [
        ("series.csv", { try LabelledSeries.parse($0) }),
        ("series_variant.csv", { try LabelledSeries.parse($0, featureColumns: ["c1"]) }),
        ("airline.csv", { try DatedValue.parse($0) }),
        ("sunspots_named.csv", { try DatedValue.parse($0, valueColumn: "spots") }),
        ("sentiment.tsv", { try LabelledText.parse($0) }),
        ("sentiment_plain.tsv", { try LabelledText.parse($0) }),
        ("g2p.tsv", { try TextPair.parse($0) }),
        ("pos.conll", { try TaggedSentence.parse($0) }),
        ("ud.conllu", { try TaggedSentence.parse($0) }),
        ("corpus_bom_crlf.txt", { try TextCorpus($0) }),
    ]

    private func attempt(_ parse: @Sendable (String) throws -> Any, _ bytes: some Collection<UInt8>) {
        do {
            _ = try parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            #expect(error is DataError, "\(error)")
        }
    }

    @Test(arguments: 0..<readers.count) func truncatedAndCorruptedInputsThrowOrParse(_ i: Int) throws {
        let (fixture, parse) = Self.readers[i]
        let bytes = [UInt8](try Data(contentsOf: dataFixture(fixture)))
        for length in 0...bytes.count { attempt(parse, bytes.prefix(length)) }
        let specials = Array(",\t\n\r\"#-.0 ".utf8) + [0xFF, 0xEF]
        var rng = RandomGenerator(seed: UInt64(i))
        for _ in 0..<500 {
            var corrupt = bytes
            for _ in 0...rng.index(below: 3) {
                corrupt[rng.index(below: corrupt.count)] = specials[rng.index(below: specials.count)]
            }
            attempt(parse, corrupt)
        }
    }
}
