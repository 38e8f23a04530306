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

/// The data-parallel split, checked in one process (no MPI): the parts of a batch, and that
/// their gradients weighted by their share of the loss terms add up to the whole batch's.
@Suite struct ShardingTests {
    @Test func shardRangesCoverTheItemsContiguouslyAndEvenly() {
        for count in [1, 2, 7, 8, 64] {
            for parts in 1...min(count, 5) {
                let ranges = (0..<parts).map { shardRange(count: count, part: $0, of: parts) }
                #expect(ranges.first!.lowerBound == 0 && ranges.last!.upperBound == count)
                for (a, b) in zip(ranges, ranges.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
                let sizes = ranges.map(\.count)
                #expect(sizes.max()! - sizes.min()! <= 1 && sizes.min()! >= 1)
            }
        }
    }

    @Test func chunkPartsAreItsStreamColumns() throws {
        let chunk = try batchify((0..<40).map { Int32($0) }, batchSize: 4).chunks(bptt: 3)[1]
        let part = chunk.examples(1..<3)
        #expect(part.batchSize == 2 && part.steps == chunk.steps && part.lossTermCount == 2 * chunk.steps)
        for t in 0..<chunk.steps {
            for b in 0..<2 {
                #expect(part.input[t * 2 + b] == chunk.input[t * 4 + b + 1])
                #expect(part.target[t * 2 + b] == chunk.target[t * 4 + b + 1])
            }
        }
    }

    @Test func paddedBatchPartsKeepTheirSequencesAndLengths() {
        let batch = PaddedBatch([[1, 2, 3], [4], [5, 6]] as [[Int32]], padding: 0)
        let part = batch.examples(1..<3)
        #expect(part.lengths == [1, 2] && part.steps == 3 && part.validStepCount == 3)
        #expect(part.values == [4, 5, 0, 6, 0, 0])
    }

    @Test func weightedPartGradientsAddUpToTheWholeBatchGradient() throws {
        var config = LanguageModelConfiguration(vocabularySize: 11)
        (config.embeddingSize, config.hiddenSize, config.layers) = (6, 8, 2)
        let ids: [Int32] = (0..<300).map { i in Int32((i * 7 + i / 5) % 11) }
        let chunk = try batchify(ids, batchSize: 5).chunks(bptt: 9)[0]

        let whole = try LanguageModel(config, seed: 3)
        let wholeLoss = try whole.trainStep(chunk)

        let parts = try LanguageModel(config, seed: 3)
        var sums = parts.parameters.map { [Double](repeating: 0, count: $0.gradient.count) }
        var loss = 0.0
        for r in 0..<3 {  // streams 2 + 2 + 1: unequal shares
            let part = chunk.examples(shardRange(count: chunk.exampleCount, part: r, of: 3))
            let share = Double(part.lossTermCount) / Double(chunk.lossTermCount)
            parts.zeroGradients()
            parts.carriedState = nil
            loss += share * (try parts.trainStep(part))
            for (i, p) in parts.parameters.enumerated() {
                for (j, g) in p.gradient.scalars.enumerated() { sums[i][j] += share * Double(g) }
            }
        }
        #expect(abs(loss - wholeLoss) <= 1e-6 * abs(wholeLoss))
        for (i, p) in whole.parameters.enumerated() {
            let g = p.gradient.scalars.map(Double.init)
            let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let diff = zip(g, sums[i]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            #expect(diff <= 1e-5 * max(norm, 1e-12), "parameter \(i)")
        }
    }

    @Test func oneProcessSynchronizersChangeNothing() throws {
        let sync = DataParallel(group: .single)
        let chunk = try batchify((0..<40).map { Int32($0 % 5) }, batchSize: 4).chunks(bptt: 3)[0]
        let (local, share) = try sync.localBatch(chunk)
        #expect(local == chunk && share == 1 && sync.writesFiles)
        #expect(try sync.synchronize(loss: 2.5, share: 1, parameters: []) == 2.5)
        #expect(try sync.agree(true))
    }
}
