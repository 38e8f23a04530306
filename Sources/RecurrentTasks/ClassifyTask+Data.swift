import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// Words as the PyTorch reference scripts split them (`common.simple_tokenize`): the text is
/// lower-cased; a word is a run of ASCII letters and digits, optionally followed by one
/// apostrophe and more letters (`don't`, `film's`); every other non-space character is a
/// token of its own: `"Don't stop -- it's 2 good!"` → `don't stop - - it's 2 good !`.
public struct SimpleWordTokenizer: Tokenizer {
    /// The tokenizer (it has no settings).
    public init() {}

    public func tokenize(_ text: String) -> [String] {
        let s = Array(text.lowercased().unicodeScalars)
        func alnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) }
        var tokens: [String] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace {
                i += 1
            } else if alnum(c) {
                var j = i
                while j < s.count && alnum(s[j]) { j += 1 }
                if j + 1 < s.count && s[j] == "'" && letter(s[j + 1]) {
                    j += 1
                    while j < s.count && letter(s[j]) { j += 1 }
                }
                var word = String.UnicodeScalarView()
                word.append(contentsOf: s[i..<j])
                tokens.append(String(word))
                i = j
            } else {
                tokens.append(String(c))
                i += 1
            }
        }
        return tokens
    }
}

/// Encoded examples of one split: token ids or standardised features, and class ids.
struct LabelledExamples {
    var tokens: [[Int32]] = []
    var features: [[Float]] = []
    var featureCount = 0
    var labels: [Int32]

    init(tokens: [[Int32]], labels: [Int32]) {
        self.tokens = tokens
        self.labels = labels
    }

    init(features: [[Float]], featureCount: Int, labels: [Int32]) {
        self.features = features
        self.featureCount = featureCount
        self.labels = labels
    }

    var count: Int { labels.count }

    func length(_ i: Int) -> Int { featureCount == 0 ? tokens[i].count : features[i].count / featureCount }

    func batch(_ ids: [Int]) throws -> ClassificationBatch {
        let input = featureCount == 0
            ? try SequenceInput(tokens: ids.map { tokens[$0] })
            : try SequenceInput(features: ids.map { features[$0] }, featureCount: featureCount)
        return try ClassificationBatch(input: input, labels: ids.map { labels[$0] })
    }
}

/// What a classify model knows about its data — the kind, the class labels, the text
/// vocabulary or the series' feature columns and standardisation — and the encoded training
/// examples. Saved with the model as checkpoint metadata.
public struct ClassifyData {
    /// Whether the examples are labelled series or labelled texts.
    public let kind: ClassifyTask.Kind
    /// The class labels; class id i is `labels[i]`.
    public let labels: [String]
    /// Text: the word vocabulary (`<pad>` = 0, `<unk>` = 1, words seen at least twice).
    public let vocabulary: Vocabulary?
    /// Series: the feature columns, in order, and their standardisation.
    public let featureNames: [String]
    /// Series: the standardisation of the features, fitted on the training split (nil for text).
    public let standardizer: Standardizer?
    let tokenizer = SimpleWordTokenizer()
    /// The training examples (empty for a loaded model).
    var examples: LabelledExamples
    private let labelIDs: [String: Int32]

    /// Labels sorted as the reference scripts sort them: shorter first, then lexicographically
    /// (so "2" comes before "10").
    static func sortedLabels(_ labels: some Sequence<String>) -> [String] {
        Set(labels).sorted { ($0.count, $0) < ($1.count, $1) }
    }

    /// Reads and encodes a training file (the kind from its extension).
    public init(training url: URL) throws {
        let file = url.lastPathComponent
        kind = try ClassifyTask.kind(of: url)
        switch kind {
        case .series:
            let series = try LabelledSeries.read(url)
            labels = Self.sortedLabels(series.map(\.label))
            featureNames = series[0].featureNames
            let s = Standardizer(fitting: series.map(\.values), featureCount: featureNames.count, minimumStd: 1e-6)
            standardizer = s
            vocabulary = nil
            let ids = Self.ids(of: labels)
            labelIDs = ids
            examples = LabelledExamples(features: series.map { s.apply($0.values).map(Float.init) },
                                        featureCount: s.featureCount, labels: series.map { ids[$0.label]! })
        case .text:
            let texts = try LabelledText.read(url)
            labels = Self.sortedLabels(texts.map(\.label))
            let tokenizer = SimpleWordTokenizer()
            let tokenized = texts.map { tokenizer.tokenize($0.text) }
            let v = Vocabulary(counting: tokenized, minCount: 2)
            vocabulary = v
            featureNames = []
            standardizer = nil
            let ids = Self.ids(of: labels)
            labelIDs = ids
            examples = LabelledExamples(tokens: try tokenized.map { try Self.ids($0, v) }, labels: texts.map { ids[$0.label]! })
        }
        guard labels.count >= 2 else {
            throw DataError(file: file, "classification needs at least two labels, found only '\(labels.first ?? "")'")
        }
    }

    /// Restores the data description saved with a model.
    init(checkpoint c: Checkpoint) throws {
        guard let k = Kind(rawValue: try c.require("kind")) else { throw CheckpointError("\(c.source): unknown classify kind") }
        kind = k
        labels = try decodeJSON(c.require("labels"), from: c)
        switch kind {
        case .series:
            featureNames = try decodeJSON(c.require("features"), from: c)
            let s: SavedStandardizer = try decodeJSON(c.require("standardizer"), from: c)
            do { standardizer = try Standardizer(mean: s.mean, std: s.std) } catch {
                throw CheckpointError("\(c.source): \(error)")
            }
            vocabulary = nil
            guard featureNames.count == s.mean.count else { throw CheckpointError("\(c.source): feature columns and standardizer disagree") }
        case .text:
            do { vocabulary = try Vocabulary(tokens: decodeJSON(c.require("vocabulary"), from: c)) } catch let e as DataError {
                throw CheckpointError("\(c.source): \(e)")
            }
            featureNames = []
            standardizer = nil
        }
        guard Set(labels).count == labels.count else { throw CheckpointError("\(c.source): the labels repeat") }
        labelIDs = Self.ids(of: labels)
        examples = LabelledExamples(tokens: [], labels: [])
    }

    typealias Kind = ClassifyTask.Kind

    private static func ids(of labels: [String]) -> [String: Int32] {
        Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, Int32($0)) })
    }

    private struct SavedStandardizer: Codable {
        var mean: [Double]
        var std: [Double]
    }

    /// The checkpoint metadata describing this data.
    func metadata(_ config: SequenceClassifierConfiguration) -> [String: String] {
        var m = ["task": ClassifyTask.name, "kind": kind.rawValue, "config": encodeJSON(config), "labels": encodeJSON(labels)]
        if let vocabulary { m["vocabulary"] = encodeJSON(vocabulary.tokens) }
        if let standardizer {
            m["features"] = encodeJSON(featureNames)
            m["standardizer"] = encodeJSON(SavedStandardizer(mean: standardizer.mean, std: standardizer.std))
        }
        return m
    }

    private static func ids(_ tokens: [String], _ v: Vocabulary) throws -> [Int32] {
        let ids = try v.encode(tokens)
        return ids.isEmpty ? [v.unknownID!] : ids  // an empty text reads as one unknown word
    }

    /// The word ids of a sentence (unknown words as `<unk>`; an empty one as one `<unk>`).
    func encodeText(_ text: String) -> [Int32] { (try? Self.ids(tokenizer.tokenize(text), vocabulary!)) ?? [1] }

    /// A series' values standardised with the training statistics.
    func standardize(_ s: LabelledSeries) -> [Float] { standardizer!.apply(s.values).map(Float.init) }

    /// Reads and encodes a test file of the same kind; a label not seen in training is an
    /// error naming the file, the line and the label.
    func encode(_ url: URL) throws -> LabelledExamples {
        let file = url.lastPathComponent
        let k = try ClassifyTask.kind(of: url)
        guard k == kind else {
            throw DataError(file: file, "this model classifies \(kind == .series ? "series (.csv)" : "text (.tsv)"), not \(k == .series ? "series (.csv)" : "text (.tsv)")")
        }
        switch kind {
        case .series:
            let series = try LabelledSeries.read(url, featureColumns: featureNames)
            return LabelledExamples(features: series.map { standardize($0) }, featureCount: featureNames.count,
                                    labels: try series.map { try id(of: $0.label, url) })
        case .text:
            let texts = try LabelledText.read(url)
            return LabelledExamples(tokens: texts.map { encodeText($0.text) }, labels: try texts.map { try id(of: $0.label, url) })
        }
    }

    private func id(of label: String, _ url: URL) throws -> Int32 {
        if let id = labelIDs[label] { return id }
        let file = url.lastPathComponent
        let text = try TextFile.read(url)
        let table = try kind == .series ? Table.csv(text, file: file) : Table.tsv(text, file: file)
        let column = try table.requiredColumn("label")
        let line = table.rows.first { table.field($0, column) == label }?.line
        throw DataError(file: file, line: line,
            "label '\(label)' does not occur in the training data (its labels: \(labels.joined(separator: ", ")))")
    }

    /// Parses long-format series for prediction; the `label` column is optional.
    func parseUnlabelledSeries(_ text: String, file: String) throws -> [LabelledSeries] {
        let table = try Table.csv(text, file: file)
        guard table.column("label") == nil else { return try LabelledSeries.parse(text, file: file, featureColumns: featureNames) }
        // Add an empty-label column so that the reader's checks (columns, contiguity, t) apply.
        var lines = TextFile.splitLines(text[...]).map { String($0.text) }
        var first = true
        for i in lines.indices where !lines[i].allSatisfy(\.isWhitespace) {
            lines[i] += first ? ",label" : ",?"
            first = false
        }
        return try LabelledSeries.parse(lines.joined(separator: "\n"), file: file, featureColumns: featureNames)
    }
}
