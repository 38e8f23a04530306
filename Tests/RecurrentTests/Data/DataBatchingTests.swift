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

@Suite struct DataBatchingTests {
    @Test func batchifyMakesContiguousTimeMajorStreamsDroppingTheRemainder() throws {
        let streams = try batchify((0..<26).map(Int32.init), batchSize: 4)
        #expect(streams.steps == 6 && streams.batchSize == 4 && streams.ids.count == 24)
        for t in 0..<6 { for b in 0..<4 { #expect(streams.ids[t * 4 + b] == Int32(b * 6 + t)) } }
        #expect(thrownMessage { try batchify([1, 2, 3, 4, 5], batchSize: 3) }
            == "5 tokens are too few for 3 streams of at least 2 steps")
    }

    @Test func bpttChunksShiftTargetsByOneAndContinueEachStream() throws {
        let streams = try batchify((0..<26).map(Int32.init), batchSize: 4)
        let chunks = streams.chunks(bptt: 2)
        #expect(chunks.count == 3)  // inputs cover steps 0..<5; step 5 is only a target
        #expect(chunks.map(\.steps) == [2, 2, 1])
        #expect(chunks[0].input == [0, 6, 12, 18, 1, 7, 13, 19])
        #expect(chunks[0].target == [1, 7, 13, 19, 2, 8, 14, 20])
        #expect(chunks[2].input == [4, 10, 16, 22] && chunks[2].target == [5, 11, 17, 23])
        for b in 0..<4 {  // per stream, the chunks' inputs read the stream in order
            let stream = chunks.flatMap { c in (0..<c.steps).map { c.input[$0 * 4 + b] } }
            #expect(stream == (0..<5).map { Int32(b * 6 + $0) })
        }
        #expect(streams.chunks(bptt: 100).map(\.steps) == [5])
    }

    @Test func paddedBatchIsTimeMajorWithLengths() {
        let ids = PaddedBatch([[1, 2, 3], [4], [5, 6]], padding: Int32(0))
        #expect(ids.steps == 3 && ids.batchSize == 3 && ids.lengths == [3, 1, 2])
        #expect(ids.values == [1, 4, 5, 2, 0, 6, 3, 0, 0])
        let series = PaddedBatch([[1, 2, 3, 4], [5, 6]], featuresPerStep: 2, padding: 0.0)
        #expect(series.steps == 2 && series.lengths == [2, 1])
        #expect(series.values == [1, 2, 5, 6, 3, 4, 0, 0])
    }

    @Test func samplerCoversEveryExampleOncePerEpochReproducibly() {
        var sampler = BatchSampler(count: 10, batchSize: 3, seed: 7)
        let epoch0 = sampler.batches(epoch: 0)
        #expect(epoch0.map(\.count) == [3, 3, 3, 1])
        #expect(epoch0.flatMap { $0 }.sorted() == Array(0..<10))
        #expect(epoch0 != sampler.batches(epoch: 1))
        #expect(epoch0 == BatchSampler(count: 10, batchSize: 3, seed: 7).batches(epoch: 0))
        #expect(epoch0 != BatchSampler(count: 10, batchSize: 3, seed: 8).batches(epoch: 0))
        #expect(BatchSampler(count: 5, batchSize: 2, shuffles: false).batches(epoch: 3) == [[0, 1], [2, 3], [4]])
        #expect((0..<4).map { _ in sampler.next() } == epoch0)
        #expect(sampler.position == .init(epoch: 0, index: 4))
        #expect(sampler.next() == sampler.batches(epoch: 1)[0] && sampler.position == .init(epoch: 1, index: 1))
    }

    @Test func aResumedSamplerContinuesTheExactOrder() throws {
        var original = BatchSampler(count: 23, batchSize: 4, seed: 3)
        for _ in 0..<9 { _ = original.next() }
        let saved = try JSONEncoder().encode(original.position)
        var resumed = BatchSampler(count: 23, batchSize: 4, seed: 3, position: try JSONDecoder().decode(BatchSampler.Position.self, from: saved))
        #expect((0..<20).map { _ in original.next() } == (0..<20).map { _ in resumed.next() })
    }

    @Test func bucketingGroupsSimilarLengthsAndShufflesBatchOrder() {
        var rng = RandomGenerator(seed: 1)
        let lengths = (0..<200).map { _ in 1 + rng.index(below: 100) }
        let sampler = BatchSampler(count: 200, batchSize: 10, seed: 5, bucketingBy: lengths, bucketWindow: 5)
        let batches = sampler.batches(epoch: 0)
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<200))
        func meanSpread(_ batches: [[Int]]) -> Int {
            batches.map { b in b.map { lengths[$0] }.max()! - b.map { lengths[$0] }.min()! }.reduce(0, +) / batches.count
        }
        let unbucketed = BatchSampler(count: 200, batchSize: 10, seed: 5).batches(epoch: 0)
        #expect(meanSpread(batches) * 3 < meanSpread(unbucketed))  // ≈ 18 vs ≈ 80
        let firstLengths = batches.map { lengths[$0[0]] }
        #expect(firstLengths != firstLengths.sorted())  // batch order is shuffled
        #expect(batches == BatchSampler(count: 200, batchSize: 10, seed: 5, bucketingBy: lengths, bucketWindow: 5).batches(epoch: 0))
    }

    @Test func standardizerFitsOnTrainingDataAndInverts() throws {
        let train: [[Double]] = [[1, 10, 5], [3, 30, 5]]  // steps of (a, b, constant)
        let s = Standardizer(fitting: [[1, 10, 3, 30], [2, 20]], featureCount: 2)
        #expect(s.mean == [2, 20])
        #expect(abs(s.std[0] - (2.0 / 3).squareRoot()) < 1e-12 && abs(s.std[1] - 10 * (2.0 / 3).squareRoot()) < 1e-12)
        let z = s.apply([2, 20, 3, 30])
        #expect(z[0] == 0 && z[1] == 0 && abs(z[2] - 1.5.squareRoot()) < 1e-12)
        #expect(zip(s.invert(z), [2.0, 20, 3, 30]).allSatisfy { abs($0 - $1) < 1e-12 })
        let constant = Standardizer(fitting: train, featureCount: 3, minimumStd: 1e-6)
        #expect(constant.std[2] == 1e-6 && constant.apply([1, 10, 5])[2] == 0)
        #expect(try Standardizer(mean: s.mean, std: s.std) == s)
        #expect(thrownMessage { try Standardizer(mean: [0, 1], std: [1]) }
            == "standardizer needs one mean and one std per feature (got 2 and 1)")
        #expect(thrownMessage { try Standardizer(mean: [0], std: [0]) } == "standardizer needs finite means and positive finite stds")
    }
}
