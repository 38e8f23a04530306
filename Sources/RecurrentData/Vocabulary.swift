import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// Maps tokens (words, characters, tags, labels) to ids 0, 1, 2, … and back.
///
/// The reserved tokens come first, in the order given (by default `<pad>` = 0 and `<unk>` = 1;
/// add `<bos>` and `<eos>` for sequence-to-sequence targets), then the training tokens by
/// descending frequency, ties in lexicographic order, so the same data always gives the same
/// ids. Tokens not in the vocabulary encode as `<unk>` when it is reserved; otherwise encoding
/// them throws.
public struct Vocabulary: Equatable, Sendable {
    /// Pads sequences to a batch's length.
    public static let padding = "<pad>"
    /// Stands for tokens not in the vocabulary.
    public static let unknown = "<unk>"
    /// Starts a target sequence (the decoder's first input).
    public static let beginning = "<bos>"
    /// Ends a target sequence.
    public static let end = "<eos>"
    /// The reserved tokens for inputs: `<pad>`, `<unk>`.
    public static let textSpecials = [padding, unknown]
    /// The reserved tokens for sequence-to-sequence: `<pad>`, `<unk>`, `<bos>`, `<eos>`.
    public static let sequenceSpecials = [padding, unknown, beginning, end]

    /// The tokens in id order.
    public let tokens: [String]
    private let ids: [String: Int32]

    /// Counts the tokens of `sequences`; tokens seen fewer than `minCount` times are left out.
    public init(counting sequences: some Sequence<[String]>, minCount: Int = 1, specials: [String] = Vocabulary.textSpecials) {
        precondition(Set(specials).count == specials.count, "reserved tokens must be distinct")
        var counts: [String: Int] = [:]
        for sequence in sequences {
            for token in sequence { counts[token, default: 0] += 1 }
        }
        let reserved = Set(specials)
        let frequent = counts.filter { $0.value >= minCount && !reserved.contains($0.key) }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map(\.key)
        self.init(validated: specials + frequent)
    }

    /// Restores a vocabulary saved as ``tokens``.
    public init(tokens: [String]) throws(DataError) {
        guard Set(tokens).count == tokens.count else {
            let duplicate = tokens.enumerated().first { i, t in tokens[..<i].contains(t) }!.element
            throw DataError("vocabulary lists '\(duplicate)' twice")
        }
        self.init(validated: tokens)
    }

    private init(validated tokens: [String]) {
        self.tokens = tokens
        ids = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, Int32($0)) })
    }

    /// The number of tokens (reserved ones included).
    public var count: Int { tokens.count }

    /// The id of `token`, or nil when it is not in the vocabulary.
    public func id(of token: String) -> Int32? { ids[token] }

    /// The ids of the reserved tokens, when reserved.
    public var paddingID: Int32? { ids[Self.padding] }
    /// The id of `<unk>`, if reserved.
    public var unknownID: Int32? { ids[Self.unknown] }
    /// The id of `<bos>`, if reserved.
    public var beginningID: Int32? { ids[Self.beginning] }
    /// The id of `<eos>`, if reserved.
    public var endID: Int32? { ids[Self.end] }

    /// The ids of `tokens` (unknown ones as `<unk>`); throws for an unknown token when there
    /// is no `<unk>`.
    public func encode(_ tokens: [String]) throws(DataError) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            guard let id = ids[token] ?? unknownID else {
                throw DataError("'\(token)' is not in the vocabulary (which has no \(Self.unknown))")
            }
            out.append(id)
        }
        return out
    }

    /// The tokens of `ids`.
    public func decode(_ ids: some Sequence<Int32>) -> [String] {
        ids.map { id in
            precondition(id >= 0 && Int(id) < count, "id \(id) out of range for a vocabulary of \(count)")
            return tokens[Int(id)]
        }
    }
}
