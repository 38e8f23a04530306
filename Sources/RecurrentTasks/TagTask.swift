import Foundation
import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// `rnn train tag`: sequence tagging of CoNLL files (`token<TAB>tag`, a blank line after each
/// sentence) — part-of-speech tags, syllable boundaries, named entities.
///
/// Tokens seen fewer than twice in training become `<unk>` (so its embedding is trained, as
/// in the PyTorch reference), and rare tokens are dropped to `<unk>` during training (see
/// `RareWordDropout`). A tag of the test file that never occurs in training is an error
/// naming the file and line (the model cannot predict it), raised before training starts.
/// Test metrics: token `accuracy`, and `accuracy_unseen` on test tokens never seen in
/// training; artifacts: the accuracy of each gold tag.
///
/// Training: 5 % of the sentences held out; evaluated every epoch; the learning rate halved
/// after two epochs without a better validation accuracy; stopped after 5 such epochs or at
/// the 120-second budget, ending with the parameters of the best validation accuracy.
public enum TagTask: RNNTask {
    public static let name = "tag"
    /// The task-specific options it reads (see ``RNNTask/taskSpecificOptions``).
    public static let taskSpecificOptions: Set<TaskOption> = [.embedding]

    /// Defaults: the reference architecture, Emb 64 → BiLSTM 128 → Linear, no dropout
    /// (`--dropout p` applies to the embeddings and the RNN outputs); batch 32 sentences
    /// bucketed by length, Adam 3e-3, clip 5.
    static func configuration(_ o: TaskOptions, vocabularySize: Int, tagCount: Int) -> SequenceTaggerConfiguration {
        var c = SequenceTaggerConfiguration(vocabularySize: vocabularySize, tagCount: tagCount)
        o.setArchitecture(of: &c, embedding: 64, hidden: 128)
        c.bidirectional = o.bidirectional ?? true
        return c
    }

    /// Tokens seen fewer times than this in training map to `<unk>`.
    static let minimumTokenCount = 2

    public static func train(_ o: TaskOptions, progress: ((TrainingProgress) -> Void)?) throws -> TaskRun {
        let sentences = try TaggedSentence.read(o.train)
        try checkSentenceLengths(sentences, in: o.train)
        let vocabulary = Vocabulary(counting: sentences.map(\.tokens), minCount: minimumTokenCount)
        let tags = tagVocabulary(sentences)
        // Read and check the test file before training, so a bad one fails at once.
        let test = try o.test.map { url in try checkedTestSentences(url, tags: tags) }

        let encoded = try sentences.map { try encode($0, vocabulary, tags) }
        let (trainIndices, validationIndices) = holdOut(count: encoded.count, fraction: o.validationFraction ?? 0.05,
                                                         minimum: 20, seed: o.seed)
        let trainSet = trainIndices.map { encoded[$0] }
        let validation = try chunked(validationIndices.map { encoded[$0] }, size: 256).map(makeBatch)
        let batchSize = min(o.batch ?? 32, trainSet.count)
        let sampler = BatchSampler(count: trainSet.count, batchSize: batchSize, seed: o.seed,
                                   bucketingBy: trainSet.map(\.tokens.count))
        let dropout = RareWordDropout(counting: sentences.map(\.tokens), vocabulary: vocabulary)
        let batches = SampledBatches(sampler) { indices, epoch, index in
            var rng = RandomGenerator(seed: o.seed ^ 0x7A6_D80 &+ UInt64(epoch) &* 0x9E37_79B9 &+ UInt64(index))
            return try makeBatch(indices.map { dropout.apply(trainSet[$0], using: &rng) })
        }

        let config = configuration(o, vocabularySize: vocabulary.count, tagCount: tags.count)
        let model = try SequenceTagger(config, seed: o.seed)
        let learningRate = o.learningRate ?? 3e-3
        let optimizer = try o.makeOptimizer(model.parameters, learningRate: learningRate)
        // Patience 10 evaluations (epochs). Generous: the best parameters are restored at the
        // end, and on saturated validation sets (accuracy 0.999+) the last errors go late,
        // under the halved rates.
        var options = try o.trainingOptions(defaultBudget: 120, defaultClip: 5, maximizing: "accuracy", defaultPatience: 10,
                                            halvingFrom: learningRate)
        options.tieBreakMonitor = "loss"  // small validation sets saturate at one accuracy
        let trainer = try fit(model, optimizer: optimizer, options: options, metadata: metadata(config, vocabulary, tags),
                              resume: o.resume, progress: progress, on: batches, validation: validation)

        var run = TaskRun(task: name, trainer: trainer)
        if let test {
            let seen = Set(sentences.flatMap(\.tokens))
            let result = try score(model, test, vocabulary: vocabulary, tags: tags, seen: seen)
            run.test = result.metrics
            run.artifacts.perTagAccuracy = result.perTag
        }
        return run
    }

    /// The tags of the training sentences, by descending frequency.
    /// The longest sentence accepted. Without blank lines between sentences (e.g. a TSV
    /// given by mistake) a whole file reads as one "sentence": reject it rather than train on it.
    static let maximumSentenceLength = 1000

    static func checkSentenceLengths(_ sentences: [TaggedSentence], in url: URL) throws {
        if let long = sentences.first(where: { $0.tokens.count > maximumSentenceLength }) {
            throw DataError(file: url.lastPathComponent, "a sentence of \(long.tokens.count) tokens (at most \(maximumSentenceLength)): "
                            + "is this CoNLL, token<TAB>tag with a blank line after each sentence?")
        }
        if let bad = sentences.lazy.flatMap(\.tags).first(where: { $0.contains(where: \.isWhitespace) || $0.isEmpty }) {
            throw DataError(file: url.lastPathComponent, "tag '\(bad)' is empty or contains a space: is this CoNLL, token<TAB>tag?")
        }
    }

    static func tagVocabulary(_ sentences: [TaggedSentence]) -> Vocabulary {
        Vocabulary(counting: sentences.map(\.tags), specials: [])
    }

    static func metadata(_ c: SequenceTaggerConfiguration, _ v: Vocabulary, _ tags: Vocabulary) -> [String: String] {
        ["task": name, "config": encodeJSON(c), "vocabulary": encodeJSON(v.tokens), "tags": encodeJSON(tags.tokens)]
    }

    /// Reads a test file and checks that every tag in it occurs in training; errors name the
    /// file, the line and the tag.
    static func checkedTestSentences(_ url: URL, tags: Vocabulary) throws -> [TaggedSentence] {
        let sentences = try TaggedSentence.read(url)
        for (i, s) in sentences.enumerated() {
            if let bad = s.tags.first(where: { tags.id(of: $0) == nil }) {
                let line = lineOfTag(sentence: i, tag: bad, in: url)
                let known = tags.tokens.sorted().joined(separator: " ")
                throw DataError(file: url.lastPathComponent, line: line,
                                "tag '\(bad)' does not occur in the training data, so the model cannot predict it (known tags: \(known))")
            }
        }
        return sentences
    }

    /// The 1-based line of the first `tag` in sentence `index` (nil if it cannot be found).
    private static func lineOfTag(sentence index: Int, tag: String, in url: URL) -> Int? {
        guard let text = try? TextFile.read(url) else { return nil }
        var sentence = 0, inSentence = false
        for numbered in TextFile.splitLines(TextFile.withoutByteOrderMark(text)) {
            let line = numbered.text
            if numbered.isBlank {
                if inSentence { sentence += 1 }
                inSentence = false
                continue
            }
            if line.hasPrefix("#") && !line.contains("\t") { continue }
            inSentence = true
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            let gold = columns.count == 10 ? columns[3] : columns[columns.count - 1]
            if sentence == index, gold.trimmingCharacters(in: .whitespaces) == tag { return numbered.number }
        }
        return nil
    }

    struct Encoded {
        let tokens: [Int32]
        let tags: [Int32]
    }

    static func encode(_ s: TaggedSentence, _ vocabulary: Vocabulary, _ tags: Vocabulary) throws -> Encoded {
        Encoded(tokens: try vocabulary.encode(s.tokens), tags: try tags.encode(s.tags))
    }

    static func makeBatch(_ sentences: [Encoded]) throws -> TaggingBatch {
        try TaggingBatch(sentences: sentences.map(\.tokens), tags: sentences.map(\.tags))
    }

    /// Word dropout for rare words (Kiperwasser & Goldberg 2016): in training, a token seen c
    /// times is replaced by `<unk>` with probability α / (α + c), α = 0.25. Rare words then
    /// teach the `<unk>` embedding to tag from context — what the many test tokens never seen in
    /// training need — while frequent tokens are practically never dropped.
    struct RareWordDropout {
        static let alpha = 0.25
        /// The drop probability of each id (0 for `<pad>` and `<unk>`).
        let probability: [Double]
        let unknown: Int32

        init(counting sentences: [[String]], vocabulary: Vocabulary) {
            var counts = [Int](repeating: 0, count: vocabulary.count)
            for s in sentences { for t in s { if let id = vocabulary.id(of: t) { counts[Int(id)] += 1 } } }
            unknown = vocabulary.unknownID!
            probability = counts.enumerated().map { id, c in
                id == Int(vocabulary.paddingID!) || id == Int(vocabulary.unknownID!) || c == 0 ? 0 : Self.alpha / (Self.alpha + Double(c))
            }
        }

        func apply(_ s: Encoded, using rng: inout RandomGenerator) -> Encoded {
            Encoded(tokens: s.tokens.map { rng.nextUnit() < probability[Int($0)] ? unknown : $0 }, tags: s.tags)
        }
    }

    /// The tagger, its vocabulary and its tags from a saved tag model.
    public static func load(_ model: Checkpoint) throws -> (SequenceTagger, Vocabulary, Vocabulary) {
        try Tasks.check(model, is: name)
        let config: SequenceTaggerConfiguration = try decodeJSON(model.require("config"), from: model)
        let vocabulary = try Vocabulary(tokens: decodeJSON(model.require("vocabulary"), from: model))
        let tags = try Vocabulary(tokens: decodeJSON(model.require("tags"), from: model))
        guard vocabulary.count == config.vocabularySize, tags.count == config.tagCount else {
            throw CheckpointError("\(model.source): the vocabularies (\(vocabulary.count) tokens, \(tags.count) tags) do not fit the model (\(config.vocabularySize), \(config.tagCount))")
        }
        let tagger = try SequenceTagger(config)
        try loadParameters(tagger, from: model)
        tagger.isTraining = false
        return (tagger, vocabulary, tags)
    }

    /// Gradients through time over the first 32 sentences of a CoNLL file.
    public static func gradientsThroughTime(_ checkpoint: Checkpoint, data: URL) throws -> [GradientThroughTime] {
        let (model, vocabulary, tags) = try load(checkpoint)
        let sentences = try checkedTestSentences(data, tags: tags).filter { !$0.tokens.isEmpty }
        guard !sentences.isEmpty else { throw DataError(file: data.lastPathComponent, "no sentences") }
        let b = try makeBatch(sentences.prefix(32).map { try encode($0, vocabulary, tags) })
        return try recordGradients(model) { _ = try $0.trainStep(b) }
    }

    /// Accuracy (all tokens and tokens never seen in training, when `seen` is given) and the
    /// accuracy of each gold tag.
    static func score(_ model: SequenceTagger, _ sentences: [TaggedSentence], vocabulary: Vocabulary, tags: Vocabulary,
                      seen: Set<String>?) throws -> (metrics: [String: Double], perTag: [(tag: String, accuracy: Double, count: Int)]) {
        let predicted = try tag(model, sentences.map(\.tokens), vocabulary: vocabulary, tags: tags)
        var correct = 0, total = 0, unseenCorrect = 0, unseenTotal = 0
        var perTag: [String: (correct: Int, count: Int)] = [:]
        for (s, p) in zip(sentences, predicted) {
            for (i, gold) in s.tags.enumerated() {
                let ok = p[i] == gold
                total += 1
                if ok { correct += 1 }
                perTag[gold, default: (0, 0)].count += 1
                if ok { perTag[gold]!.correct += 1 }
                if let seen, !seen.contains(s.tokens[i]) {
                    unseenTotal += 1
                    if ok { unseenCorrect += 1 }
                }
            }
        }
        var metrics = ["accuracy": Double(correct) / Double(max(total, 1))]
        if seen != nil { metrics["accuracy_unseen"] = unseenTotal == 0 ? .nan : Double(unseenCorrect) / Double(unseenTotal) }
        let table = perTag.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            .map { (tag: $0.key, accuracy: Double($0.value.correct) / Double($0.value.count), count: $0.value.count) }
        return (metrics, table)
    }

    /// The predicted tags of each token sequence (empty sequences give no tags).
    public static func tag(_ model: SequenceTagger, _ sentences: [[String]], vocabulary: Vocabulary, tags: Vocabulary) throws -> [[String]] {
        var result = [[String]](repeating: [], count: sentences.count)
        let order = sentences.indices.filter { !sentences[$0].isEmpty }.sorted { (sentences[$0].count, $0) < (sentences[$1].count, $1) }
        for chunk in chunked(order, size: 256) {
            let ids = try chunk.map { try vocabulary.encode(sentences[$0]) }
            let batch = PaddedBatch(ids, padding: 0)
            let predicted = try model.predict(batch)
            for (j, i) in chunk.enumerated() {
                result[i] = (0..<ids[j].count).map { t in tags.tokens[Int(predicted[t * chunk.count + j])] }
            }
        }
        return result
    }

    public static func evaluate(_ checkpoint: Checkpoint, test: URL) throws -> [String: Double] {
        let (model, vocabulary, tags) = try load(checkpoint)
        return try score(model, checkedTestSentences(test, tags: tags), vocabulary: vocabulary, tags: tags, seen: nil).metrics
    }

    /// One sentence per line, tokens separated by whitespace → their tags, separated by spaces.
    public static func predict(_ checkpoint: Checkpoint, inputs: [String]) throws -> [String] {
        let (model, vocabulary, tags) = try load(checkpoint)
        let sentences = inputs.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        return try tag(model, sentences, vocabulary: vocabulary, tags: tags).map { $0.joined(separator: " ") }
    }
}


/// Splits `0..<count` into training and held-out indices: a seeded random `fraction` (at least
/// `minimum` examples) is held out when there are at least `4 · minimum` examples, else none.
func holdOut(count: Int, fraction: Double, minimum: Int, seed: UInt64) -> (train: [Int], heldOut: [Int]) {
    guard fraction > 0, count >= 4 * minimum else { return (Array(0..<count), []) }
    var order = Array(0..<count)
    var rng = RandomGenerator(seed: seed ^ 0x5EED_0F_5A11)
    rng.shuffle(&order)
    let n = min(count / 2, max(minimum, Int(Double(count) * fraction)))
    return (order[n...].sorted(), order[..<n].sorted())
}

/// `items` cut into consecutive pieces of at most `size`.
func chunked<T>(_ items: [T], size: Int) -> [[T]] {
    stride(from: 0, to: items.count, by: size).map { Array(items[$0..<min($0 + size, items.count)]) }
}

/// Batches drawn by a ``BatchSampler`` (seeded, bucketed by length, resumable) and built by
/// `make` from example indices; the current epoch's order is computed once.
final class SampledBatches<Batch>: BatchSource {
    let sampler: BatchSampler
    /// Builds a batch from example indices, its epoch and its index in the epoch (to seed any
    /// randomness reproducibly).
    let make: ([Int], Int, Int) throws -> Batch
    private var cache: (epoch: Int, batches: [[Int]])?

    init(_ sampler: BatchSampler, make: @escaping ([Int], Int, Int) throws -> Batch) {
        self.sampler = sampler
        self.make = make
    }

    convenience init(_ sampler: BatchSampler, make: @escaping ([Int]) throws -> Batch) {
        self.init(sampler) { indices, _, _ in try make(indices) }
    }

    var batchesPerEpoch: Int { sampler.batchesPerEpoch }

    func batch(epoch: Int, index: Int) throws -> Batch {
        if cache?.epoch != epoch { cache = (epoch, sampler.batches(epoch: epoch)) }
        return try make(cache!.batches[index], epoch, index)
    }
}
