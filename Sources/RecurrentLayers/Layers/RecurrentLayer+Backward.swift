import RecurrentCore

extension RecurrentLayer {
    /// Backpropagation through time over the last `forward`.
    ///
    /// The loss is the caller's; its gradients arrive as `gradOutput` (shape of the output;
    /// nil = the output did not enter the loss) and `gradFinalState` (shape of the final
    /// state; nil = it did not). Parameter gradients are *added* to each parameter's
    /// `gradient`; ∂L/∂input and ∂L/∂(initial state) are returned.
    public func backward(gradOutput: Tensor<S>?, gradFinalState: RecurrentState<S>? = nil) throws -> RecurrentGradients<S> {
        let (T, B, lengths32, dropped, valid) = forwardShape
        guard valid else { throw ShapeError("\(cell.pytorchMode).backward called before forward") }
        guard forwardKeptForBackward else {
            throw ShapeError("\(cell.pytorchMode).backward after a forward in inference mode (inferenceMode = true keeps nothing for backward): run forward again with inferenceMode = false")
        }
        let D = numDirections, H = hiddenSize, BH = B * H, W = outputSize
        if let g = gradOutput {
            try g.checkShape(batchFirst ? [B, T, W] : [T, B, W], "\(cell.pytorchMode) gradient of output")
        }
        if let s = gradFinalState {
            try s.h.checkShape(stateShape(batch: B), "\(cell.pytorchMode) gradient of h_n")
            if let c = s.c { try c.checkShape(stateShape(batch: B), "LSTM gradient of c_n") }
        }
        if recordsGradientsThroughTime && recorders.count != numLayers {
            recorders = (0..<numLayers).map { l in
                (0..<D).map { d in
                    GradientRecorder<S>(layer: l, direction: d, gateWidth: cell.gateCount * H, hidden: H,
                                        input: layerInputSize(l))
                }
            }
        }
        var gradH0 = Tensor<S>(zeros: stateShape(batch: B))
        var gradC0: Tensor<S>? = cell.hasCellState ? Tensor<S>(zeros: stateShape(batch: B)) : nil

        // ∂L/∂(last layer's interleaved output), time-major (T·B, D·H): the caller's tensor
        // itself when its rows are laid out so, else a re-laid copy.
        let direct = !batchFirst && (D == 1 || merge == .concat)
        var dOut = gradA.reserve(T * B * D * H)
        if direct, let g = gradOutput { dOut = g.storage.pointer } else { fillOutputGradient(gradOutput, into: dOut, steps: T, batch: B) }
        var dIn = gradB
        var dOutHolder = gradA
        // ∂L/∂input: layer 0 writes it straight into the returned tensor when time-major.
        var gradInput = Tensor<S>(zeros: batchFirst ? [B, T, inputSize] : [T, B, inputSize])

        withOptionalLengths(lengths32) { lens in
            for l in stride(from: numLayers - 1, through: 0, by: -1) {
                let inSize = layerInputSize(l)
                let intoResult = l == 0 && !batchFirst
                let dx = intoResult ? gradInput.storage.pointer : dIn.reserve(T * B * inSize)
                if !intoResult { dx.update(repeating: 0, count: T * B * inSize) }
                for d in 0..<D {
                    let slot = l * D + d
                    let dhN = gradFinalState.map { s in s.h.withUnsafeBufferPointer { UnsafePointer($0.baseAddress! + slot * BH) } }
                    let dcN = gradFinalState?.c.map { c in c.withUnsafeBufferPointer { UnsafePointer($0.baseAddress! + slot * BH) } }
                    let recorder = recordsGradientsThroughTime ? recorders[l][d] : nil
                    gradH0.withUnsafeMutableBufferPointer { dh0 in
                        let dc0 = stateScratch.reserve(BH)
                        directions[l][d].backward(
                            dy: gradOutput == nil && l == numLayers - 1 ? nil : UnsafePointer(dOut + d * H), ldy: D * H,
                            lengths: lens, dhN: dhN, dcN: dcN, x: layerInput(l), dx: dx,
                            dh0: dh0.baseAddress! + slot * BH, dc0: dc0, truncation: truncation, record: recorder)
                        if gradC0 != nil {
                            gradC0!.withUnsafeMutableBufferPointer { ($0.baseAddress! + slot * BH).update(from: dc0, count: BH) }
                        }
                    }
                }
                if l > 0 && dropped {
                    let mask = dropoutMask(l - 1)
                    for i in 0..<(T * B * inSize) { dx[i] *= mask[i] }
                }
                swap(&dIn, &dOutHolder)
                dOut = dOutHolder.pointer
            }
        }
        gradientsThroughTime = recordsGradientsThroughTime ? recorders.flatMap { $0.map(\.record) } : []

        // Batch-first: dOut now holds ∂L/∂(layer-0 input), time-major.
        if batchFirst {
            gradInput.withUnsafeMutableBufferPointer { dst in
                for b in 0..<B {
                    for t in 0..<T {
                        (dst.baseAddress! + (b * T + t) * inputSize).update(from: dOut + (t * B + b) * inputSize, count: inputSize)
                    }
                }
            }
        }
        withExtendedLifetime(gradOutput) {}
        return RecurrentGradients(input: gradInput, initialState: RecurrentState(h: gradH0, c: gradC0))
    }

    /// Un-merges and re-lays the output gradient as the last layer's (T·B, D·H) rows.
    private func fillOutputGradient(_ g: Tensor<S>?, into dOut: UnsafeMutablePointer<S>, steps T: Int, batch B: Int) {
        let D = numDirections, H = hiddenSize, W = outputSize
        guard let g else {
            dOut.update(repeating: 0, count: T * B * D * H)
            return
        }
        let out = lastOutput
        g.withUnsafeBufferPointer { src in
            for t in 0..<T {
                for b in 0..<B {
                    let gi = src.baseAddress! + (batchFirst ? (b * T + t) : (t * B + b)) * W
                    let row = dOut + (t * B + b) * D * H
                    if D == 1 || merge == .concat {
                        row.update(from: gi, count: W)
                        continue
                    }
                    let y = out + (t * B + b) * D * H
                    for j in 0..<H {
                        switch merge {
                        case .sum: row[j] = gi[j]; row[H + j] = gi[j]
                        case .mean: row[j] = gi[j] / 2; row[H + j] = gi[j] / 2
                        case .product: row[j] = gi[j] * y[H + j]; row[H + j] = gi[j] * y[j]
                        case .concat: break
                        }
                    }
                }
            }
        }
    }
}
