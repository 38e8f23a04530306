import RecurrentCore

extension RecurrentLayer {
    /// Runs the layer over a batch of sequences.
    /// - Parameters:
    ///   - input: (T, B, inputSize), or (B, T, inputSize) when `batchFirst`.
    ///   - lengths: valid steps per sequence (1…T, any order); nil = all T.
    ///   - initialState: h0 (and c0) of shape (numLayers·D, B, H); nil = zeros.
    /// - Returns: the output (T, B, outputSize) (batch-first if `batchFirst`) and the
    ///   final state, h_n (and c_n).
    public func forward(_ input: Tensor<S>, lengths: [Int]? = nil,
                        initialState: RecurrentState<S>? = nil) throws -> (output: Tensor<S>, state: RecurrentState<S>) {
        let (T, B) = try validate(input, lengths: lengths, initialState: initialState)
        let lengths32 = lengths.flatMap { l in l.allSatisfy({ $0 == T }) ? nil : l.map { Int32($0) } }
        cachedSteps = T
        cachedBatch = B
        cachedLengths = lengths32
        cachedDropout = isTraining && dropout > 0 && numLayers > 1
        hasForward = true
        forwardKeptForBackward = !(inferenceMode || InferenceMode.isActive)

        let D = numDirections, H = hiddenSize, BH = B * H, W = outputSize
        // Layer 0 reads the input itself when it is time-major (held, not copied: copy-on-write
        // keeps it unchanged for ∂W_ih), else a time-major copy.
        if batchFirst {
            cachedInput = nil
            let x0 = layerInputs[0].reserve(T * B * inputSize)
            input.withUnsafeBufferPointer { src in
                for b in 0..<B {
                    for t in 0..<T {
                        (x0 + (t * B + b) * inputSize).update(from: src.baseAddress! + (b * T + t) * inputSize, count: inputSize)
                    }
                }
            }
        } else {
            cachedInput = input
        }
        // The last layer writes straight into the returned tensor when its rows are the output's
        // (every element: each direction its half of every row, zeros past a sequence's end).
        let directOutput = !batchFirst && (D == 1 || merge == .concat)
        var output = directOutput ? Tensor<S>(uninitialized: [T, B, W]) : Tensor<S>(zeros: [0])
        var hN = Tensor<S>(zeros: stateShape(batch: B))
        var cN: Tensor<S>? = cell.hasCellState ? Tensor<S>(zeros: stateShape(batch: B)) : nil

        withOptionalLengths(lengths32) { lens in
            for l in 0..<numLayers {
                let x = layerInput(l)
                let out = directOutput && l == numLayers - 1
                    ? output.storage.pointer : layerOutputs[l].reserve(T * B * D * H)
                for d in 0..<D {
                    let dir = directions[l][d]
                    let slot = l * D + d
                    let h0 = initialState.map { s in s.h.withUnsafeBufferPointer { $0.baseAddress! + slot * BH } }
                    let c0 = initialState?.c.map { c in c.withUnsafeBufferPointer { $0.baseAddress! + slot * BH } }
                    // Outputs (zero past each sequence's end), interleaved by direction: written
                    // by the time loop as it goes.
                    dir.forward(x: x, steps: T, batch: B, lengths: lens, h0: h0.map { UnsafePointer($0) },
                                c0: c0.map { UnsafePointer($0) }, output: out + d * H, outputStride: D * H,
                                keepForBackward: forwardKeptForBackward)
                    hN.withUnsafeMutableBufferPointer { ($0.baseAddress! + slot * BH).update(from: dir.hiddenState(slot: dir.finalSlot), count: BH) }
                    if cN != nil {
                        cN!.withUnsafeMutableBufferPointer { ($0.baseAddress! + slot * BH).update(from: dir.cellState(slot: dir.finalSlot), count: BH) }
                    }
                }
                if l + 1 < numLayers && cachedDropout { applyDropout(layer: l, count: T * B * D * H) }
            }
        }
        if !directOutput { output = makeOutput(steps: T, batch: B) }
        return (output, RecurrentState(h: hN, c: cN))
    }

    /// The checks of ``forward(_:lengths:initialState:)``'s arguments; returns (T, B).
    private func validate(_ input: Tensor<S>, lengths: [Int]?, initialState: RecurrentState<S>?) throws -> (Int, Int) {
        guard input.rank == 3 else {
            throw ShapeError("\(cell.pytorchMode) input must have rank 3 (\(batchFirst ? "B, T, I" : "T, B, I")), got \(input.shape)")
        }
        let T = batchFirst ? input.shape[1] : input.shape[0]
        let B = batchFirst ? input.shape[0] : input.shape[1]
        guard input.shape[2] == inputSize else {
            throw ShapeError("\(cell.pytorchMode) input", expected: batchFirst ? [B, T, inputSize] : [T, B, inputSize], got: input.shape)
        }
        guard T > 0, B > 0 else { throw ShapeError("\(cell.pytorchMode) input has an empty dimension: \(input.shape)") }
        if let lengths {
            guard lengths.count == B else {
                throw ShapeError("\(cell.pytorchMode): \(lengths.count) lengths for a batch of \(B)")
            }
            if let bad = lengths.first(where: { $0 < 1 || $0 > T }) {
                throw ShapeError("\(cell.pytorchMode): sequence length \(bad) outside 1…\(T)")
            }
        }
        if let s = initialState {
            try s.h.checkShape(stateShape(batch: B), "\(cell.pytorchMode) initial h")
            if cell.hasCellState {
                guard let c = s.c else { throw ShapeError("LSTM initial state needs c as well as h") }
                try c.checkShape(stateShape(batch: B), "LSTM initial c")
            }
        }
        return (T, B)
    }

    /// Input of layer l: the copy of the user's input, the previous layer's output, or
    /// its dropped-out version.
    func layerInput(_ l: Int) -> UnsafeMutablePointer<S> {
        if l == 0 { return cachedInput?.storage.pointer ?? layerInputs[0].pointer }
        return cachedDropout ? layerInputs[l].pointer : layerOutputs[l - 1].pointer
    }

    /// Inverted dropout of layer l's output into layer l+1's input; the mask is kept.
    private func applyDropout(layer l: Int, count n: Int) {
        let mask = dropoutMasks[l].reserve(n)
        let dst = layerInputs[l + 1].reserve(n)
        let src = layerOutputs[l].pointer
        let keep = 1 - dropout
        let scale = S(1 / keep)
        for i in 0..<n {
            mask[i] = dropoutGenerator.nextUnit() < keep ? scale : 0
            dst[i] = src[i] * mask[i]
        }
    }

    func dropoutMask(_ l: Int) -> UnsafeMutablePointer<S> { dropoutMasks[l].pointer }
    /// The last layer's interleaved output (only filled when it is not written straight into
    /// the returned tensor: batch-first, or bidirectional with a merge other than concat).
    var lastOutput: UnsafeMutablePointer<S> { layerOutputs[numLayers - 1].pointer }
    var forwardShape: (steps: Int, batch: Int, lengths: [Int32]?, dropout: Bool, valid: Bool) {
        (cachedSteps, cachedBatch, cachedLengths, cachedDropout, hasForward)
    }

    /// The last layer's output in the user's layout, directions merged.
    private func makeOutput(steps T: Int, batch B: Int) -> Tensor<S> {
        let D = numDirections, H = hiddenSize, W = outputSize
        let src = lastOutput
        var out = Tensor<S>(zeros: batchFirst ? [B, T, W] : [T, B, W])
        out.withUnsafeMutableBufferPointer { dstBuf in
            let dst = dstBuf.baseAddress!
            for t in 0..<T {
                for b in 0..<B {
                    let row = src + (t * B + b) * D * H
                    let o = dst + (batchFirst ? (b * T + t) : (t * B + b)) * W
                    if D == 1 || merge == .concat {
                        o.update(from: row, count: W)
                    } else {
                        for j in 0..<H {
                            let (f, r) = (row[j], row[H + j])
                            switch merge {
                            case .sum: o[j] = f + r
                            case .mean: o[j] = (f + r) / 2
                            case .product: o[j] = f * r
                            case .concat: break
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

@inline(__always)
func withOptionalLengths<R>(_ lengths: [Int32]?, _ body: (UnsafePointer<Int32>?) throws -> R) rethrows -> R {
    guard let lengths else { return try body(nil) }
    return try lengths.withUnsafeBufferPointer { try body($0.baseAddress) }
}
