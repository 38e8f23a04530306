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

@Suite struct DataVocabularyTests {
    @Test func characterVocabularyEncodesDecodesAndSerialises() throws {
        let corpus = try TextCorpus("hello\nhé", file: "train.txt")
        let vocab = CharacterVocabulary(training: corpus.scalars)
        #expect(vocab.symbols == ["\n", "e", "h", "l", "o", "é"] && vocab.count == 6 && vocab.unknownID == nil)
        let ids = try vocab.encode(corpus)
        #expect(ids == [2, 1, 3, 3, 4, 0, 2, 5])
        #expect(vocab.decode(ids) == "hello\nhé")
        #expect(try CharacterVocabulary(tokens: vocab.tokens) == vocab)
        #expect(thrownMessage { try vocab.encode(TextCorpus("he\nhi", file: "test.txt")) }
            == "test.txt:2: character 'i' (U+0069) does not occur in the training text")
        #expect(thrownMessage { try vocab.encode("!") } == "character '!' (U+0021) does not occur in the training text")
    }

    @Test func characterVocabularyWithAnUnknownToken() throws {
        let vocab = CharacterVocabulary(training: "abca".unicodeScalars, addUnknown: true)
        #expect(vocab.count == 4 && vocab.unknownID == 3)
        #expect(try vocab.encode("cxa") == [2, 3, 0])
        #expect(vocab.decode([2, 3, 0]) == "c\u{FFFD}a")
        #expect(vocab.tokens == ["a", "b", "c", "<unk>"])
        #expect(try CharacterVocabulary(tokens: vocab.tokens) == vocab)
        #expect(thrownMessage { try CharacterVocabulary(tokens: ["a", "bc"]) }
            == "character vocabulary entry 1 is 'bc', not a single character")
        #expect(thrownMessage { try CharacterVocabulary(tokens: ["a", "a"]) } == "character vocabulary lists a character twice")
    }

    @Test func vocabularyOrdersByFrequencyThenLexicographically() throws {
        let sentences = [["the", "cat", "sat"], ["the", "dog", "sat"], ["a", "cat"], ["zebra"]]
        let vocab = Vocabulary(counting: sentences)
        #expect(vocab.tokens == ["<pad>", "<unk>", "cat", "sat", "the", "a", "dog", "zebra"])
        #expect(vocab.paddingID == 0 && vocab.unknownID == 1 && vocab.beginningID == nil)
        #expect(try vocab.encode(["the", "bird", "sat"]) == [4, 1, 3])
        #expect(vocab.decode([4, 1, 3]) == ["the", "<unk>", "sat"])
        #expect(try Vocabulary(tokens: vocab.tokens) == vocab)

        let frequent = Vocabulary(counting: sentences, minCount: 2)
        #expect(frequent.tokens == ["<pad>", "<unk>", "cat", "sat", "the"])
        let seq2seq = Vocabulary(counting: [["AH0", "B"]], specials: Vocabulary.sequenceSpecials)
        #expect(seq2seq.tokens == ["<pad>", "<unk>", "<bos>", "<eos>", "AH0", "B"])
        #expect(seq2seq.beginningID == 2 && seq2seq.endID == 3)
    }

    @Test func vocabularyWithoutUnknownRejectsUnseenTokens() {
        let tags = Vocabulary(counting: [["NOUN", "VERB", "NOUN"]], specials: [])
        #expect(tags.tokens == ["NOUN", "VERB"] && tags.paddingID == nil)
        #expect(thrownMessage { try tags.encode(["ADJ"]) } == "'ADJ' is not in the vocabulary (which has no <unk>)")
        #expect(thrownMessage { try Vocabulary(tokens: ["a", "b", "a"]) } == "vocabulary lists 'a' twice")
    }

    @Test func wordTokenizerSeparatesPunctuation() {
        let tokenizer = WordTokenizer()
        #expect(tokenizer.tokenize("Don't stop!  The 21st-century café,\tnaïve…")
            == ["don", "'", "t", "stop", "!", "the", "21st", "-", "century", "café", ",", "naïve", "…"])
        #expect(tokenizer.tokenize("cafe\u{301} ''Conan''") == ["cafe\u{301}", "'", "'", "conan", "'", "'"])
        #expect(WordTokenizer(lowercases: false).tokenize("İstanbul'da Ali") == ["İstanbul", "'", "da", "Ali"])
        #expect(tokenizer.tokenize(" \n ").isEmpty)
    }

    @Test func characterTokenizerSplitsUnicodeScalars() {
        #expect(CharacterTokenizer().tokenize("a's é") == ["a", "'", "s", " ", "é"])
        #expect(CharacterTokenizer().tokenize("e\u{301}") == ["e", "\u{301}"])
    }
}
