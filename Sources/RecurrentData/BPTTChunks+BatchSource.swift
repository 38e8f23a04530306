import RecurrentCore
import RecurrentLayers
import RecurrentTraining

extension BPTTChunks: BatchSource {
    /// One pass over the streams is one epoch, chunks in order (the hidden state carries).
    public var batchesPerEpoch: Int { count }
    public func batch(epoch: Int, index: Int) throws -> BPTTChunk { self[index] }
}
