import Testing
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The encoder–decoder: metrics, batches, the whole backward pass, and decoding.
@Suite struct Seq2SeqModelTests {
    @Test func editDistance() {
        #expect(RecurrentModels.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(RecurrentModels.editDistance(Array("flaw"), Array("lawn")) == 2)
        #expect(RecurrentModels.editDistance([Int](), [1, 2, 3]) == 3)
        #expect(RecurrentModels.editDistance([1, 2, 3], [Int]()) == 3)
        #expect(RecurrentModels.editDistance([Int](), [Int]()) == 0)
        #expect(RecurrentModels.editDistance(["AH0", "B"], ["AH0", "B"]) == 0)
        #expect(RecurrentModels.editDistance(["a", "b", "c"], ["c", "b", "a"]) == 2)
        #expect(RecurrentModels.editDistance(Array("abc"), Array("xabcx")) == 2)
    }

    @Test func sequenceScores() {
        var s = SequenceScores()
        s.add(["a", "b"], ["a", "b"])
        s.add(["a"], ["a", "b", "c"])
        s.add(["x", "y"], ["a"])
        #expect(s.exactMatch == 1.0 / 3)
        #expect(s.tokenErrorRate == Double(0 + 2 + 2) / Double(2 + 3 + 1))
        #expect(SequenceScores().exactMatch.isNaN)
    }

    @Test func batchLayout() throws {
        let b = try Seq2SeqBatch(sources: [[5, 6, 7], [8]], targets: [[4], [5, 6]], beginID: 2, endID: 3)
        #expect(b.source.values == [5, 8, 6, 0, 7, 0])
        #expect(b.targetInput.values == [2, 2, 4, 5, 0, 6])
        #expect(b.targetOutput == [4, 5, 3, 6, -100, 3])
        #expect(b.targets == [[4], [5, 6]])
    }

    static func model(_ attention: AttentionKind, bidirectional: Bool, layers: Int = 1, seed: UInt64 = 4) throws -> Seq2Seq {
        var c = Seq2SeqConfiguration(sourceVocabularySize: 9, targetVocabularySize: 8, beginID: 2, endID: 3)
        (c.embeddingSize, c.hiddenSize, c.layers, c.maxOutputLength) = (5, 6, layers, 7)
        c.attention = attention
        c.bidirectionalEncoder = bidirectional
        return try Seq2Seq(c, seed: seed)
    }

    static let batch = try! Seq2SeqBatch(sources: [[4, 5, 6, 7], [8, 1], [3, 3, 5]], targets: [[4, 5], [6, 7, 4, 5], [1]],
                                    beginID: 2, endID: 3)

    /// The directional derivative of the loss along a random direction of all parameters
    /// (central differences in Float) agrees with the backward pass: the bridge of a
    /// bidirectional encoder, attention, and both RNNs are wired correctly.
    @Test(arguments: [(AttentionKind.none, false, 1), (.none, true, 2), (.dot, false, 1), (.general, true, 1)])
    func backwardMatchesADirectionalDerivative(_ attention: AttentionKind, _ bidirectional: Bool, _ layers: Int) throws {
        let m = try Self.model(attention, bidirectional: bidirectional, layers: layers)
        m.zeroGradients()
        _ = try m.trainStep(Self.batch)
        var rng = RandomGenerator(seed: 77)
        let directions = m.parameters.map { Tensor<Float>.normal($0.value.shape, using: &rng) }
        let analytic = zip(m.parameters, directions).reduce(0.0) { acc, pd in
            acc + zip(pd.0.gradient.scalars, pd.1.scalars).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        func loss(_ scale: Float) throws -> Double {
            let saved = m.parameters.map(\.value)
            defer { for (p, v) in zip(m.parameters, saved) { p.value = v } }
            for (p, d) in zip(m.parameters, directions) { try p.value.add(d, scaledBy: scale) }
            return try softmaxCrossEntropy(logits: m.logits(Self.batch), targets: Self.batch.targetOutput,
                                           ignoreIndex: Seq2Seq.ignoredTarget).loss
        }
        let h: Float = 1e-2
        let numeric = (try loss(h) - loss(-h)) / Double(2 * h)
        #expect(abs(analytic - numeric) <= 2e-2 * max(abs(numeric), 1e-3), "analytic \(analytic), numeric \(numeric)")
    }

    @Test func beamOfWidthOneIsGreedyAndOutputsRespectTheLengthLimit() throws {
        let m = try Self.model(.general, bidirectional: true)
        let sources: [[Int32]] = [[4, 5, 6, 7], [8, 1], [3, 3, 5]]
        let greedy = try m.greedy(sources)
        #expect(try m.beamSearch(sources, width: 1) == greedy)
        #expect(try m.translate(sources, width: 1, chunk: 2) == greedy)
        for width in [2, 4] {
            let beam = try m.beamSearch(sources, width: width)
            #expect(beam.count == 3)
            #expect(beam.allSatisfy { $0.count <= 7 && !$0.contains(3) })
            #expect(try m.translate(sources, width: width, chunk: 2) == beam)
        }
        // A width beyond the maximum is an error, not an allocation of width × batch rows.
        #expect(throws: TrainingError("beam width 1001 is above the maximum of 1000")) {
            try m.beamSearch(sources, width: Seq2Seq.maximumBeamWidth + 1)
        }
    }

    @Test func greedyDecodingIsIndependentOfTheBatch() throws {
        let m = try Self.model(.dot, bidirectional: false)
        let sources: [[Int32]] = [[4, 5, 6, 7], [8, 1], [3, 3, 5]]
        let together = try m.greedy(sources)
        for (i, s) in sources.enumerated() { #expect(try m.greedy([s]) == [together[i]]) }
    }
}
