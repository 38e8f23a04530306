import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Maps the Unicode scalars of a training text to ids 0, 1, 2, … (in scalar order), and back.
///
/// With an unknown token, scalars not seen in training encode as ``unknownID`` (the last id)
/// and decode as U+FFFD; without one, encoding them throws.
public struct CharacterVocabulary: Equatable, Sendable {
    /// How the unknown token is written in ``tokens``.
    public static let unknownToken = "<unk>"

    /// The known scalars; scalar `symbols[i]` has id `i`.
    public let symbols: [Unicode.Scalar]
    /// The id of the unknown token (`symbols.count`), when there is one.
    public let unknownID: Int32?
    private let ids: [Unicode.Scalar: Int32]

    /// The distinct scalars of `training`, sorted, plus an unknown token when `addUnknown`.
    public init(training: some Sequence<Unicode.Scalar>, addUnknown: Bool = false) {
        self.init(symbols: Set(training).sorted(), addUnknown: addUnknown)
    }

    /// Restores a vocabulary saved as ``tokens``.
    public init(tokens: [String]) throws(DataError) {
        var symbols: [Unicode.Scalar] = []
        for (i, token) in tokens.enumerated() {
            if token == Self.unknownToken && i == tokens.count - 1 { break }
            guard token.unicodeScalars.count == 1, let s = token.unicodeScalars.first else {
                throw DataError("character vocabulary entry \(i) is '\(token)', not a single character")
            }
            symbols.append(s)
        }
        guard Set(symbols).count == symbols.count else { throw DataError("character vocabulary lists a character twice") }
        self.init(symbols: symbols, addUnknown: tokens.last == Self.unknownToken)
    }

    private init(symbols: [Unicode.Scalar], addUnknown: Bool) {
        self.symbols = symbols
        unknownID = addUnknown ? Int32(symbols.count) : nil
        ids = Dictionary(uniqueKeysWithValues: symbols.enumerated().map { ($1, Int32($0)) })
    }

    /// The vocabulary as strings, in id order (the unknown token last), for checkpoints.
    public var tokens: [String] { symbols.map { String($0) } + (unknownID == nil ? [] : [Self.unknownToken]) }

    /// The number of ids (the unknown token included).
    public var count: Int { symbols.count + (unknownID == nil ? 0 : 1) }

    /// The id of `scalar`, or nil when it was not seen in training.
    public func id(of scalar: Unicode.Scalar) -> Int32? { ids[scalar] }

    /// Encodes a corpus; an unseen scalar without an unknown token throws naming its line.
    public func encode(_ corpus: TextCorpus) throws(DataError) -> [Int32] {
        try encode(corpus.scalars, file: corpus.file)
    }

    /// Encodes a string (e.g. a generation prompt).
    public func encode(_ text: String) throws(DataError) -> [Int32] {
        try encode(text.unicodeScalars, file: nil)
    }

    private func encode(_ scalars: some Sequence<Unicode.Scalar>, file: String?) throws(DataError) -> [Int32] {
        var out: [Int32] = []
        var line = 1
        for s in scalars {
            guard let id = ids[s] ?? unknownID else {
                let hex = String(s.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                throw DataError(file: file, line: file == nil ? nil : line,
                    "character '\(s.escaped(asASCII: false))' (\(code)) does not occur in the training text")
            }
            out.append(id)
            if s == "\n" { line += 1 }
        }
        return out
    }

    /// The text for `ids`; the unknown id decodes as U+FFFD.
    public func decode(_ ids: some Sequence<Int32>) -> String {
        var text = String.UnicodeScalarView()
        for id in ids {
            precondition(id >= 0 && Int(id) < count, "id \(id) out of range for a vocabulary of \(count)")
            text.append(id == unknownID ? "\u{FFFD}" : symbols[Int(id)])
        }
        return String(text)
    }
}
