import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Splits text into tokens.
public protocol Tokenizer: Sendable {
    /// The tokens of `text`, in order.
    func tokenize(_ text: String) -> [String]
}

/// Words: runs of letters, digits and combining marks; every other non-space character
/// (punctuation, symbols) is a token of its own: `"Don't stop!"` → `don ' t stop !`.
public struct WordTokenizer: Tokenizer {
    /// Whether tokens are lower-cased.
    public var lowercases: Bool

    /// A word tokenizer that lower-cases by default.
    public init(lowercases: Bool = true) { self.lowercases = lowercases }

    public func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func endWord() {
            if !word.isEmpty { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        for s in (lowercases ? text.lowercased() : text).unicodeScalars {
            let p = s.properties
            if p.isWhitespace {
                endWord()
            } else if p.isAlphabetic || p.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory)
            {
                word.append(s)
            } else {
                endWord()
                tokens.append(String(s))
            }
        }
        endWord()
        return tokens
    }
}

/// Characters as Unicode scalars, one token each (whitespace included).
public struct CharacterTokenizer: Tokenizer {
    /// A character tokenizer.
    public init() {}

    public func tokenize(_ text: String) -> [String] { text.unicodeScalars.map { String($0) } }
}
