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

/// The real datasets of `../shared/data` (relative to the package root), when they are there.
private let sharedData = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/data").standardizedFileURL

private let haveSharedData = FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("README.md").path)

/// Reads every file of the shared datasets and checks the counts its README gives.
@Suite(.enabled(if: haveSharedData, "needs ../shared/data")) struct DataSharedDatasetTests {
    private func url(_ path: String) -> URL { sharedData.appendingPathComponent(path) }

    @Test func shakespeare() throws {
        let train = try TextCorpus(contentsOf: url("charlm/shakespeare/train.txt"))
        let test = try TextCorpus(contentsOf: url("charlm/shakespeare/test.txt"))
        #expect(train.scalars.count == 1_209_958 && test.scalars.count == 109_353)
        let vocab = CharacterVocabulary(training: train.scalars)
        #expect(vocab.count == 63)
        #expect(try vocab.encode(test).count == test.scalars.count)
    }

    @Test func japaneseVowels() throws {
        let train = try LabelledSeries.read(url("classification/japanese_vowels/train.csv"))
        let test = try LabelledSeries.read(url("classification/japanese_vowels/test.csv"), featureColumns: train[0].featureNames)
        #expect(train.count == 270 && test.count == 370)
        #expect(train[0].featureNames == (1...12).map { "c\($0)" })
        #expect(Set(train.map(\.label)).count == 9)
        let lengths = (train + test).map(\.length)
        #expect(lengths.min() == 7 && lengths.max() == 29)
    }

    @Test func movieSentiment() throws {
        let train = try LabelledText.read(url("classification/movie_sentiment/train.tsv"))
        let test = try LabelledText.read(url("classification/movie_sentiment/test.tsv"))
        #expect(train.count == 8_039 && test.count == 2_004)
        #expect(Set(train.map(\.label)) == ["0", "1"] && train.allSatisfy { abs($0.score!) > 0.5 })
    }

    @Test func forecasting() throws {
        #expect(try DatedValue.read(url("forecasting/airline/train.csv")).count == 120)
        #expect(try DatedValue.read(url("forecasting/airline/test.csv")).first?.date == "1959-01")
        #expect(try DatedValue.read(url("forecasting/sunspots/train.csv")).count == 221)
        #expect(try DatedValue.read(url("forecasting/sunspots/test.csv")).count == 88)
    }

    @Test func turkishPOS() throws {
        let train = try TaggedSentence.read(url("tagging/turkish_ud_pos/train.conll"))
        let test = try TaggedSentence.read(url("tagging/turkish_ud_pos/test.conll"))
        #expect(train.count == 4_366 && train.reduce(0) { $0 + $1.tokens.count } == 72_736)
        #expect(test.count == 485 && test.reduce(0) { $0 + $1.tokens.count } == 8_634)
        #expect(Set(train.flatMap(\.tags)).count == 14)
        #expect(train.map(\.tokens.count).max() == 88 || test.map(\.tokens.count).max() == 88)
    }

    @Test func cmuSyllables() throws {
        let train = try TaggedSentence.read(url("tagging/cmu_syllables/train.conll"))
        let test = try TaggedSentence.read(url("tagging/cmu_syllables/test.conll"))
        #expect(train.count == 19_066 && train.reduce(0) { $0 + $1.tokens.count } == 119_206)
        #expect(test.count == 2_178 && test.reduce(0) { $0 + $1.tokens.count } == 13_517)
        #expect(Set(train.flatMap(\.tags)) == ["B", "I"])
    }

    @Test func graphemeToPhoneme() throws {
        let train = try TextPair.read(url("seq2seq/cmudict_g2p/train.tsv"))
        let test = try TextPair.read(url("seq2seq/cmudict_g2p/test.tsv"))
        #expect(train.count == 112_424 && test.count == 12_487)
        let graphemes = CharacterVocabulary(training: train.lazy.flatMap(\.source.unicodeScalars))
        #expect(graphemes.count == 27)
        let phones = Vocabulary(counting: train.map { WordTokenizer(lowercases: false).tokenize($0.target) },
            specials: Vocabulary.sequenceSpecials)
        #expect(phones.count == 69 + 4)
    }
}
