import RealModule
import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

extension Seq2Seq {
    /// Greedy decoding: at each step the most likely token, fed back as the next input, until
    /// `<eos>` or ``Seq2SeqConfiguration/maxOutputLength`` tokens. Returns the target ids
    /// without `<eos>`. The sources (non-empty id sequences) are decoded as one batch.
    public func greedy(_ sources: [[Int32]]) throws -> [[Int32]] {
        guard !sources.isEmpty else { return [] }
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        let source = PaddedBatch(sources, padding: 0)
        let B = sources.count
        let sourceLengths = sources.map(\.count)
        let (keys, initial) = try InferenceMode.run { try encode(source) }
        var state = initial
        var y = [Int32](repeating: configuration.beginID, count: B)
        var out = [[Int32]](repeating: [], count: B)
        var finished = [Bool](repeating: false, count: B)
        let cells = try decoder.cellStack()
        for _ in 0..<configuration.maxOutputLength {
            let step = try decodeStep(y, cells: cells, state: state, encoderOutputs: keys, sourceLengths: sourceLengths)
            state = step.state
            y = argmaxRows(step.logits)
            for b in 0..<B where !finished[b] {
                if y[b] == configuration.endID { finished[b] = true } else { out[b].append(y[b]) }
            }
            if !finished.contains(false) { break }
        }
        return out
    }

    /// The widest beam ``beamSearch(_:width:)`` takes: each hypothesis is a row of every
    /// decoding step's batch, and widths far beyond the target vocabulary gain nothing.
    public static let maximumBeamWidth = 1000

    /// Beam search with `width` hypotheses per source, scored by total log-probability divided
    /// by length (the `<eos>` included) — length normalisation, so short outputs are not
    /// favoured. A hypothesis ends at `<eos>`; a source is done when `width` hypotheses have
    /// ended, or after ``Seq2SeqConfiguration/maxOutputLength`` steps (then the live ones
    /// count too). Returns the best hypothesis of each source, without `<eos>`. Width 1 is
    /// greedy decoding; at most ``maximumBeamWidth``.
    public func beamSearch(_ sources: [[Int32]], width K: Int) throws -> [[Int32]] {
        guard K <= Self.maximumBeamWidth else {
            throw TrainingError("beam width \(K) is above the maximum of \(Self.maximumBeamWidth)")
        }
        guard K > 1 else { return try greedy(sources) }
        guard !sources.isEmpty else { return [] }
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        let B = sources.count, V = configuration.targetVocabularySize, N = B * K
        let (encoded, state0) = try InferenceMode.run { try encode(PaddedBatch(sources, padding: 0)) }
        // Each source's encoding repeated for its K beams: row b·K + k.
        let expand = (0..<N).map { $0 / K }
        let keys = gatherRows(encoded, axis1: expand)
        var state = RecurrentState(h: gatherRows(state0.h, axis1: expand), c: state0.c.map { gatherRows($0, axis1: expand) })
        let sourceLengths = expand.map { sources[$0].count }

        var score = [Double](repeating: -.infinity, count: N)  // only beam 0 is live at first
        for b in 0..<B { score[b * K] = 0 }
        var tokens = [[Int32]](repeating: [], count: N)
        var ended = [[(tokens: [Int32], score: Double)]](repeating: [], count: B)
        var done = [Bool](repeating: false, count: B)
        var y = [Int32](repeating: configuration.beginID, count: N)
        let end = Int(configuration.endID)
        let cells = try decoder.cellStack()

        for step in 0..<configuration.maxOutputLength {
            let out = try decodeStep(y, cells: cells, state: state, encoderOutputs: keys, sourceLengths: sourceLengths)
            let logProbabilities = logSoftmaxRows(out.logits)
            var parents = Array(0..<N)
            var nextTokens = y
            var nextScores = score
            var nextHypotheses = tokens
            for b in 0..<B where !done[b] {
                var candidates: [(parent: Int, token: Int, score: Double)] = []
                candidates.reserveCapacity(K * V)
                for k in 0..<K where score[b * K + k] > -.infinity {
                    let row = b * K + k
                    for v in 0..<V { candidates.append((row, v, score[row] + logProbabilities[row * V + v])) }
                }
                candidates.sort { ($0.score, $1.parent, $1.token) > ($1.score, $0.parent, $0.token) }
                var kept = 0
                for c in candidates {
                    if c.token == end {
                        ended[b].append((tokens[c.parent], c.score / Double(tokens[c.parent].count + 1)))
                        if ended[b].count >= K { break }
                        continue
                    }
                    let row = b * K + kept
                    parents[row] = c.parent
                    nextTokens[row] = Int32(c.token)
                    nextScores[row] = c.score
                    nextHypotheses[row] = tokens[c.parent] + [Int32(c.token)]
                    kept += 1
                    if kept == K { break }
                }
                if ended[b].count >= K || step == configuration.maxOutputLength - 1 {
                    done[b] = true
                    if ended[b].count < K {  // out of steps: the live hypotheses count, as they stand
                        for k in 0..<kept { ended[b].append((nextHypotheses[b * K + k], nextScores[b * K + k] / Double(configuration.maxOutputLength))) }
                    }
                }
                for k in kept..<K { nextScores[b * K + k] = -.infinity }
            }
            if !done.contains(false) { break }
            state = RecurrentState(h: gatherRows(out.state.h, axis1: parents), c: out.state.c.map { gatherRows($0, axis1: parents) })
            (y, score, tokens) = (nextTokens, nextScores, nextHypotheses)
        }
        return ended.map { e in e.max { $0.score < $1.score }?.tokens ?? [] }
    }

    /// One decoding step for a batch of the previous tokens `ids`: the decoder's cells stepped
    /// once (the same results as `decode` over one step), attention, the output layer.
    /// Logits (1, B, V) and the new state.
    private func decodeStep(_ ids: [Int32], cells: CellStack<Float>, state: RecurrentState<Float>,
                            encoderOutputs: Tensor<Float>, sourceLengths: [Int]) throws -> (logits: Tensor<Float>, state: RecurrentState<Float>) {
        let B = ids.count
        let y = try targetEmbedding.forward(ids, shape: [1, B])
        let (h, final) = try cells.step(y.reshaped([B, y.shape[2]]), state: state)
        let query = try h.reshaped([1, B, h.shape[1]])
        let a = try attention.map { try $0.forward(query: query, keys: encoderOutputs, keyLengths: sourceLengths) } ?? query
        return (try output.forward(outputDropout.forward(a)), final)
    }

    /// Decodes every source with `width` (1: greedy), in chunks of similar lengths, in the
    /// given order.
    public func translate(_ sources: [[Int32]], width: Int = 1, chunk: Int = 256) throws -> [[Int32]] {
        let order = sources.indices.sorted { (sources[$0].count, $0) < (sources[$1].count, $1) }
        var result = [[Int32]](repeating: [], count: sources.count)
        let size = max(1, width > 1 ? chunk / width : chunk)
        for start in stride(from: 0, to: order.count, by: size) {
            let idx = Array(order[start..<min(start + size, order.count)])
            let out = try beamSearch(idx.map { sources[$0] }, width: width)
            for (i, o) in zip(idx, out) { result[i] = o }
        }
        return result
    }
}

/// Rows of axis 1 of a rank-3 tensor (A, N, D), picked by `rows` (repeats allowed): (A, rows.count, D).
func gatherRows(_ t: Tensor<Float>, axis1 rows: [Int]) -> Tensor<Float> {
    let (A, N, D) = (t.shape[0], t.shape[1], t.shape[2])
    var out = Tensor<Float>(zeros: [A, rows.count, D])
    t.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for a in 0..<A {
                for (i, r) in rows.enumerated() {
                    (dst.baseAddress! + (a * rows.count + i) * D).update(from: src.baseAddress! + (a * N + r) * D, count: D)
                }
            }
        }
    }
    return out
}

/// log softmax of every row of the last axis, in Double.
func logSoftmaxRows(_ z: Tensor<Float>) -> [Double] {
    let c = z.shape[z.rank - 1]
    var out = [Double](repeating: 0, count: z.count)
    z.withUnsafeBufferPointer { p in
        for r in 0..<(z.count / c) {
            let row = p.baseAddress! + r * c
            var m = Double(row[0])
            for j in 1..<c { m = max(m, Double(row[j])) }
            var s = 0.0
            for j in 0..<c { s += Double.exp(Double(row[j]) - m) }
            let lse = m + Double.log(s)
            for j in 0..<c { out[r * c + j] = Double(row[j]) - lse }
        }
    }
    return out
}
