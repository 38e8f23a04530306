import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A token stream cut into `batchSize` contiguous streams, laid out time-major (T, B): the
/// layout of PyTorch's word_language_model `batchify`.
///
/// Stream `b` holds tokens `b·T ..< (b+1)·T` of the original; `ids[t * batchSize + b]` is its
/// token at step `t`. The remainder that does not fill all streams is dropped.
public struct TokenStreams: Equatable, Sendable {
    /// The (T, B) token ids, row-major.
    public let ids: [Int32]
    /// T, the length of each stream.
    public let steps: Int
    /// B, the number of streams.
    public let batchSize: Int

    package init(ids: [Int32], steps: Int, batchSize: Int) {
        self.ids = ids
        self.steps = steps
        self.batchSize = batchSize
    }

    /// The chunks of at most `bptt` steps, in order, for truncated backpropagation through time.
    public func chunks(bptt: Int) -> BPTTChunks {
        precondition(bptt > 0, "bptt must be positive")
        return BPTTChunks(streams: self, bptt: bptt)
    }
}

/// Cuts `tokens` into `batchSize` contiguous streams (see ``TokenStreams``); throws when the
/// streams would be shorter than 2 steps (no input/target pair).
public func batchify(_ tokens: [Int32], batchSize: Int) throws(DataError) -> TokenStreams {
    precondition(batchSize > 0, "batch size must be positive")
    let steps = tokens.count / batchSize
    guard steps >= 2 else {
        throw DataError("\(tokens.count) tokens are too few for \(batchSize) streams of at least 2 steps")
    }
    var ids = [Int32](repeating: 0, count: steps * batchSize)
    for b in 0..<batchSize {
        for t in 0..<steps { ids[t * batchSize + b] = tokens[b * steps + t] }
    }
    return TokenStreams(ids: ids, steps: steps, batchSize: batchSize)
}

/// One chunk of a language-model epoch: `input` and `target` are (steps, batchSize) time-major,
/// and `target` is `input` one step later in each stream.
public struct BPTTChunk: Equatable, Sendable {
    /// Input ids, (steps, batchSize) time-major.
    public let input: [Int32]
    /// Target ids: the input shifted one step ahead, same layout.
    public let target: [Int32]
    /// T, the steps of this chunk (the last chunk may be shorter).
    public let steps: Int
    /// B, the parallel streams.
    public let batchSize: Int
}

/// The chunks of a ``TokenStreams`` for truncated BPTT: chunk `k` covers steps
/// `k·bptt ..< k·bptt + bptt` (the last may be shorter), so chunk `k+1` continues chunk `k` in
/// every stream and the caller carries the hidden state from one to the next.
public struct BPTTChunks: RandomAccessCollection, Sendable {
    /// The streams cut into chunks.
    public let streams: TokenStreams
    /// The most steps per chunk.
    public let bptt: Int

    /// 0, the first chunk.
    public var startIndex: Int { 0 }
    /// ⌈(T − 1) / bptt⌉: the last step of each stream is only ever a target.
    public var endIndex: Int { (streams.steps - 1 + bptt - 1) / bptt }

    /// Chunk `k`, copied out of the streams.
    public subscript(k: Int) -> BPTTChunk {
        precondition(k >= 0 && k < endIndex, "chunk \(k) out of range 0..<\(endIndex)")
        let start = k * bptt
        let steps = Swift.min(bptt, streams.steps - 1 - start)
        let b = streams.batchSize
        return BPTTChunk(
            input: Array(streams.ids[(start * b)..<((start + steps) * b)]),
            target: Array(streams.ids[((start + 1) * b)..<((start + 1 + steps) * b)]),
            steps: steps, batchSize: b)
    }
}
