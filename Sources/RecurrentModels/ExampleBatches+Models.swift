import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

// Ready-made batch sources for the built-in models' examples, held in arrays: shuffled every
// epoch from a seed (resumable), by default bucketed by length for token sequences. Each
// model's batch type also has a `sequential` function for fixed, in-order evaluation batches.

extension ExampleBatches where Batch == ClassificationBatch {
    /// Training batches for a ``SequenceClassifier`` of token sequences: `tokens[i]` (ids, not
    /// empty) labelled `labels[i]` (class ids), `batchSize` a batch, shuffled from `seed` and,
    /// with `bucketing` (the default), bucketed by length — as `rnn train classify` batches text.
    public convenience init(tokens: [[Int32]], labels: [Int32], batchSize: Int = 32, seed: UInt64 = 0,
                            bucketing: Bool = true) throws {
        try ArgumentError.check(tokens.count == labels.count, "\(tokens.count) sequences but \(labels.count) labels")
        try self.init(count: tokens.count, batchSize: batchSize, seed: seed, bucketingBy: bucketing ? tokens.map(\.count) : nil) {
            try ClassificationBatch(input: SequenceInput(tokens: $0.map { tokens[$0] }), labels: $0.map { labels[$0] })
        }
    }

    /// Training batches for a ``SequenceClassifier`` of numeric series: `features[i]` (steps ×
    /// `featureCount` values, step-major) labelled `labels[i]`; bucketed by length only when
    /// asked (series of one dataset usually share a length).
    public convenience init(features: [[Float]], featureCount: Int, labels: [Int32], batchSize: Int = 32,
                            seed: UInt64 = 0, bucketing: Bool = false) throws {
        try ArgumentError.check(features.count == labels.count, "\(features.count) series but \(labels.count) labels")
        try ArgumentError.check(featureCount > 0, "the feature count must be positive")
        try self.init(count: features.count, batchSize: batchSize, seed: seed,
                      bucketingBy: bucketing ? features.map { $0.count / featureCount } : nil) {
            try ClassificationBatch(input: SequenceInput(features: $0.map { features[$0] }, featureCount: featureCount),
                                    labels: $0.map { labels[$0] })
        }
    }
}

extension ClassificationBatch {
    /// Token sequences and their labels cut into consecutive batches, in order (for
    /// ``SequenceClassifier/evaluate(_:)`` and ``SequenceClassifier/predict(_:)``).
    public static func sequential(tokens: [[Int32]], labels: [Int32], batchSize: Int = 256) throws -> [ClassificationBatch] {
        try ArgumentError.check(tokens.count == labels.count && batchSize > 0, "\(tokens.count) sequences but \(labels.count) labels")
        return try ExampleBatches.sequential(tokens.count, batchSize: batchSize) {
            try ClassificationBatch(input: SequenceInput(tokens: $0.map { tokens[$0] }), labels: $0.map { labels[$0] })
        }
    }

    /// Numeric series and their labels cut into consecutive batches, in order.
    public static func sequential(features: [[Float]], featureCount: Int, labels: [Int32],
                                  batchSize: Int = 256) throws -> [ClassificationBatch] {
        try ArgumentError.check(features.count == labels.count && batchSize > 0, "\(features.count) series but \(labels.count) labels")
        return try ExampleBatches.sequential(features.count, batchSize: batchSize) {
            try ClassificationBatch(input: SequenceInput(features: $0.map { features[$0] }, featureCount: featureCount),
                                    labels: $0.map { labels[$0] })
        }
    }
}

extension ExampleBatches where Batch == RegressionBatch {
    /// Training batches for a many-to-one ``SequenceRegressor``: `inputs[i]` (steps ×
    /// `featureCount` values, step-major) with `targets[i]` (the configuration's `outputs`
    /// values), shuffled from `seed`.
    public convenience init(inputs: [[Float]], featureCount: Int, targets: [[Float]], batchSize: Int = 32,
                            seed: UInt64 = 0, bucketing: Bool = false) throws {
        try ArgumentError.check(inputs.count == targets.count, "\(inputs.count) inputs but \(targets.count) targets")
        try ArgumentError.check(featureCount > 0, "the feature count must be positive")
        try self.init(count: inputs.count, batchSize: batchSize, seed: seed,
                      bucketingBy: bucketing ? inputs.map { $0.count / featureCount } : nil) {
            try RegressionBatch(input: SequenceInput(features: $0.map { inputs[$0] }, featureCount: featureCount),
                                targets: $0.flatMap { targets[$0] })
        }
    }
}

extension RegressionBatch {
    /// Many-to-one inputs and targets cut into consecutive batches, in order.
    public static func sequential(inputs: [[Float]], featureCount: Int, targets: [[Float]],
                                  batchSize: Int = 256) throws -> [RegressionBatch] {
        try ArgumentError.check(inputs.count == targets.count && batchSize > 0, "\(inputs.count) inputs but \(targets.count) targets")
        return try ExampleBatches.sequential(inputs.count, batchSize: batchSize) {
            try RegressionBatch(input: SequenceInput(features: $0.map { inputs[$0] }, featureCount: featureCount),
                                targets: $0.flatMap { targets[$0] })
        }
    }
}

extension ExampleBatches where Batch == TaggingBatch {
    /// Training batches for a ``SequenceTagger``: `sentences[i]` (token ids) with `tags[i]`
    /// (one tag id per token), shuffled from `seed` and bucketed by length.
    public convenience init(sentences: [[Int32]], tags: [[Int32]], batchSize: Int = 32, seed: UInt64 = 0,
                            bucketing: Bool = true) throws {
        try ArgumentError.check(sentences.count == tags.count, "\(sentences.count) sentences but \(tags.count) tag sequences")
        try self.init(count: sentences.count, batchSize: batchSize, seed: seed,
                      bucketingBy: bucketing ? sentences.map(\.count) : nil) {
            try TaggingBatch(sentences: $0.map { sentences[$0] }, tags: $0.map { tags[$0] })
        }
    }
}

extension TaggingBatch {
    /// Sentences and their tags cut into consecutive batches, in order.
    public static func sequential(sentences: [[Int32]], tags: [[Int32]], batchSize: Int = 256) throws -> [TaggingBatch] {
        try ArgumentError.check(sentences.count == tags.count && batchSize > 0, "\(sentences.count) sentences but \(tags.count) tag sequences")
        return try ExampleBatches.sequential(sentences.count, batchSize: batchSize) {
            try TaggingBatch(sentences: $0.map { sentences[$0] }, tags: $0.map { tags[$0] })
        }
    }
}

extension ExampleBatches where Batch == Seq2SeqBatch {
    /// Training batches for a ``Seq2Seq`` model: `sources[i]` → `targets[i]` (ids, without
    /// begin/end tokens), shuffled from `seed` and bucketed by source length.
    public convenience init(sources: [[Int32]], targets: [[Int32]], beginID: Int32, endID: Int32, batchSize: Int = 32,
                            seed: UInt64 = 0, bucketing: Bool = true) throws {
        try ArgumentError.check(sources.count == targets.count, "\(sources.count) sources but \(targets.count) targets")
        try self.init(count: sources.count, batchSize: batchSize, seed: seed, bucketingBy: bucketing ? sources.map(\.count) : nil) {
            try Seq2SeqBatch(sources: $0.map { sources[$0] }, targets: $0.map { targets[$0] }, beginID: beginID, endID: endID)
        }
    }
}

extension Seq2SeqBatch {
    /// Pairs cut into consecutive batches, in order.
    public static func sequential(sources: [[Int32]], targets: [[Int32]], beginID: Int32, endID: Int32,
                                  batchSize: Int = 256) throws -> [Seq2SeqBatch] {
        try ArgumentError.check(sources.count == targets.count && batchSize > 0, "\(sources.count) sources but \(targets.count) targets")
        return try ExampleBatches.sequential(sources.count, batchSize: batchSize) {
            try Seq2SeqBatch(sources: $0.map { sources[$0] }, targets: $0.map { targets[$0] }, beginID: beginID, endID: endID)
        }
    }
}

extension ExampleBatches where Batch == GenerationBatch {
    /// Training batches for a ``ConditionedGenerator``: `conditions[i]` → `sequences[i]`
    /// (symbol ids, without start/end symbols), shuffled from `seed`, bucketed by length.
    public convenience init(conditions: [[Float]], sequences: [[Int32]], start: Int32, end: Int32, batchSize: Int = 32,
                            seed: UInt64 = 0, bucketing: Bool = true) throws {
        try ArgumentError.check(conditions.count == sequences.count, "\(sequences.count) sequences but \(conditions.count) conditions")
        try self.init(count: sequences.count, batchSize: batchSize, seed: seed, bucketingBy: bucketing ? sequences.map(\.count) : nil) {
            try GenerationBatch(conditions: $0.map { conditions[$0] }, sequences: $0.map { sequences[$0] }, start: start, end: end)
        }
    }
}

extension GenerationBatch {
    /// Conditions and sequences cut into consecutive batches, in order.
    public static func sequential(conditions: [[Float]], sequences: [[Int32]], start: Int32, end: Int32,
                                  batchSize: Int = 256) throws -> [GenerationBatch] {
        try ArgumentError.check(conditions.count == sequences.count && batchSize > 0, "\(sequences.count) sequences but \(conditions.count) conditions")
        return try ExampleBatches.sequential(sequences.count, batchSize: batchSize) {
            try GenerationBatch(conditions: $0.map { conditions[$0] }, sequences: $0.map { sequences[$0] }, start: start, end: end)
        }
    }
}
