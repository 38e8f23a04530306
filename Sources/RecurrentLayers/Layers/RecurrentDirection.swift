import RecurrentCore
import _RecurrentKernels

/// One direction of one recurrent layer: the unrolled forward pass and its BPTT.
///
/// Layout (time-major): x (T·B, I), input projections xp (T·B, G·H), states
/// hs/cs ((T+1)·B, H). Forward direction reads state slot t and writes t+1; the reverse
/// direction reads t+1 and writes t, so in both cases the "previous state" of every time
/// step forms one contiguous (T·B, H) block for the weight-gradient GEMM.
final class RecurrentDirection<S: TensorScalar> {
    let cell: CellKind
    let inputSize: Int
    let hiddenSize: Int
    let reverse: Bool
    /// GRU only: reset gate applied after the recurrent product (PyTorch) or before it.
    let gruResetAfter: Bool
    let weightIH: Parameter<S>  // (G·H, I)
    let weightHH: Parameter<S>  // (G·H, H)
    let biasIH: Parameter<S>    // (G·H)
    let biasHH: Parameter<S>    // (G·H)
    /// False for a layer without biases: b_ih = b_hh = 0 stay zero (no gradients kept).
    let hasBias: Bool

    private let packedHH: PackedMatrix<S>   // W_hh: δgates·W_hh in a step-by-step backward
    private let bias = Workspace<S>()       // b_ih + b_hh (RNN, LSTM) or b_ih (GRU)
    private let biasGradient = Workspace<S>()  // Σ gate gradients (RNN, LSTM: both biases')
    private let xp = Workspace<S>()         // pre-activations, then gates (LSTM/RNN) / input side (GRU)
    private let gates = Workspace<S>()      // GRU gates r, z, n
    private let hp = Workspace<S>()         // GRU W_hh·h + b_hh
    private let hs = Workspace<S>()
    private let cs = Workspace<S>()
    private let dGates = Workspace<S>()     // gate gradients (GRU: input side)
    private let dGatesHH = Workspace<S>()   // GRU recurrent-side gate gradients
    private let dh = Workspace<S>()
    private let dc = Workspace<S>()
    // GRU with the reset gate before the product: W_h{r,z} and W_hn are used separately.
    private let packedRZT: PackedMatrix<S>
    private let packedNT: PackedMatrix<S>
    private let packedRZ: PackedMatrix<S>
    private let packedN: PackedMatrix<S>
    private let rh = Workspace<S>()         // r ⊙ h_{t−1}
    private let drh = Workspace<S>()

    private(set) var steps = 0
    private(set) var batch = 0

    init(cell: CellKind, inputSize: Int, hiddenSize: Int, reverse: Bool, gruResetAfter: Bool = true,
         weightIH: Parameter<S>, weightHH: Parameter<S>, biasIH: Parameter<S>, biasHH: Parameter<S>, hasBias: Bool = true) {
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.reverse = reverse
        self.gruResetAfter = gruResetAfter
        self.weightIH = weightIH
        self.weightHH = weightHH
        self.biasIH = biasIH
        self.biasHH = biasHH
        self.hasBias = hasBias
        let g = cell.gateCount * hiddenSize
        packedHH = PackedMatrix(k: g, n: hiddenSize)
        let split = cell == .gru && !gruResetAfter
        packedRZT = PackedMatrix(k: split ? hiddenSize : 0, n: split ? 2 * hiddenSize : 0)
        packedNT = PackedMatrix(k: split ? hiddenSize : 0, n: split ? hiddenSize : 0)
        packedRZ = PackedMatrix(k: split ? 2 * hiddenSize : 0, n: split ? hiddenSize : 0)
        packedN = PackedMatrix(k: split ? hiddenSize : 0, n: split ? hiddenSize : 0)
    }

    private var resetBefore: Bool { cell == .gru && !gruResetAfter }

    var gateWidth: Int { cell.gateCount * hiddenSize }

    /// The GRU (reset after the product) has gate gradients of its own on the recurrent side;
    /// the other cells' recurrent and input sides share one pre-activation.
    private var separateRecurrentGradients: Bool { cell == .gru && !resetBefore }
    /// Gradients of the recurrent-side pre-activations (those W_hh and b_hh see).
    private var recurrentGateGradients: UnsafeMutablePointer<S> {
        separateRecurrentGradients ? dGatesHH.pointer : dGates.pointer
    }

    /// The cell's code in the fused recurrence (`rk_recurrence.h`).
    private var recurrenceCode: Int32 {
        switch cell {
        case .rnnTanh: Int32(RK_CELL_RNN_TANH)
        case .rnnReLU: Int32(RK_CELL_RNN_RELU)
        case .lstm: Int32(RK_CELL_LSTM)
        case .gru: Int32(RK_CELL_GRU)
        }
    }

    @inline(__always) private func prevSlot(_ t: Int) -> Int { reverse ? t + 1 : t }
    @inline(__always) private func nextSlot(_ t: Int) -> Int { reverse ? t : t + 1 }

    /// The final state slot (after the last processed step).
    var finalSlot: Int { reverse ? 0 : steps }

    /// Hidden state at slot `s` (B×H).
    func hiddenState(slot s: Int) -> UnsafeMutablePointer<S> { hs.pointer + s * batch * hiddenSize }
    func cellState(slot s: Int) -> UnsafeMutablePointer<S> { cs.pointer + s * batch * hiddenSize }

    /// Runs the direction over x (T·B, I). h0/c0: B×H (nil = zeros). Each step's states also
    /// go to `output` (row t·B + b at output + (t·B + b)·outputStride, H values; zeros past a
    /// sequence's end). `keepForBackward` false: inference only (the GRU keeps no per-step
    /// gates or recurrent products; `backward` must not follow).
    func forward(x: UnsafePointer<S>, steps T: Int, batch B: Int, lengths: UnsafePointer<Int32>?,
                 h0: UnsafePointer<S>?, c0: UnsafePointer<S>?, output: UnsafeMutablePointer<S>, outputStride: Int,
                 keepForBackward: Bool = true) {
        steps = T
        batch = B
        let H = hiddenSize, G = gateWidth, BH = B * H
        let xpP = xp.reserve(T * B * G)
        let hsP = hs.reserve((T + 1) * BH)
        let biasP = bias.reserve(G)

        // Input projections of all time steps in one GEMM. The biases: the fused loop adds them
        // to each step's rows as it reaches them (while they come into cache, by the thread that
        // reads them); the step-by-step loop here needs them first.
        weightIH.value.withUnsafeBufferPointer { w in
            S.gemm(false, true, T * B, G, inputSize, 1, x, inputSize, w.baseAddress!, inputSize, 0, xpP, G)
        }
        biasIH.value.withUnsafeBufferPointer { biasP.update(from: $0.baseAddress!, count: G) }
        if cell != .gru {
            biasHH.value.withUnsafeBufferPointer { S.axpy(G, 1, $0.baseAddress!, biasP) }
        }
        if resetBefore && hasBias { S.addBiasActivate(T * B, G, biasP, xpP, .identity) }

        let start = reverse ? T : 0
        if let h0 { (hsP + start * BH).update(from: h0, count: BH) } else { (hsP + start * BH).update(repeating: 0, count: BH) }
        var csP = hsP
        if cell == .lstm {
            csP = cs.reserve((T + 1) * BH)
            if let c0 { (csP + start * BH).update(from: c0, count: BH) } else { (csP + start * BH).update(repeating: 0, count: BH) }
        }
        if resetBefore {
            let gatesP = gates.reserve(T * B * G)
            let hpP = hp.reserve(T * B * G)
            let rhP = rh.reserve(T * BH)
            weightHH.value.withUnsafeBufferPointer { w in
                packedRZT.pack(w.baseAddress!, ld: H, transpose: true)
                packedNT.pack(w.baseAddress! + 2 * H * H, ld: H, transpose: true)
            }
            biasHH.value.withUnsafeBufferPointer { bhh in
                for s in 0..<T {
                    let t = reverse ? T - 1 - s : s
                    let hPrev = hsP + prevSlot(t) * BH
                    let (hpT, gT, rhT, xpT) = (hpP + t * B * G, gatesP + t * B * G, rhP + t * BH, xpP + t * B * G)
                    packedRZT.multiply(hPrev, lda: H, m: B, into: hpT, ldc: G, beta: 0)
                    S.gruResetBeforeForward(1, B, H, t, lengths, xpT, hpT, bhh.baseAddress!, gT, hPrev, rhT)
                    packedNT.multiply(rhT, lda: H, m: B, into: hpT + 2 * H, ldc: G, beta: 0)
                    S.gruResetBeforeForward(2, B, H, t, lengths, xpT, hpT, bhh.baseAddress!, gT, hPrev,
                                             hsP + nextSlot(t) * BH)
                    let h = hsP + nextSlot(t) * BH
                    for b in 0..<B {
                        let dst = output + (t * B + b) * outputStride
                        if let lengths, Int(lengths[b]) <= t { dst.update(repeating: 0, count: H) } else { dst.update(from: h + b * H, count: H) }
                    }
                }
            }
        } else {
            // The whole time loop in one call: products and cell passes fused per step.
            let stepsKept = cell == .gru && keepForBackward
            let gatesP: UnsafeMutablePointer<S>? = stepsKept ? gates.reserve(T * B * G) : nil
            let hpP: UnsafeMutablePointer<S>? = stepsKept ? hp.reserve(T * B * G) : nil
            weightHH.value.withUnsafeBufferPointer { w in
                biasHH.value.withUnsafeBufferPointer { bhh in
                    S.recurrenceForward(recurrenceCode, T, B, H, reverse, lengths, w.baseAddress!, bhh.baseAddress!,
                                         hasBias ? UnsafePointer(biasP) : nil, xpP, hpP, gatesP, hsP,
                                         cell == .lstm ? csP : nil, output, outputStride)
                }
            }
        }
    }

    /// BPTT over the last forward pass.
    /// - dy: gradient of this direction's outputs, row t·B+b at dy + (t·B+b)·ldy (nil = none).
    /// - dhN/dcN: gradient of the final state (nil = none). dh0/dc0 receive ∂L/∂initial state.
    /// - dx: ∂L/∂x is *added* into it (T·B, I).
    /// - truncation: gradients cross at most `truncation` steps (chunk boundaries detach).
    func backward(dy: UnsafePointer<S>?, ldy: Int, lengths: UnsafePointer<Int32>?,
                  dhN: UnsafePointer<S>?, dcN: UnsafePointer<S>?, x: UnsafePointer<S>,
                  dx: UnsafeMutablePointer<S>?, dh0: UnsafeMutablePointer<S>?, dc0: UnsafeMutablePointer<S>?,
                  truncation: Int?, record: GradientRecorder<S>?) {
        let T = steps, B = batch, H = hiddenSize, G = gateWidth, BH = B * H
        let dhP = dh.reserve(BH)
        let dcP = dc.reserve(BH)
        if let dhN { dhP.update(from: dhN, count: BH) } else { dhP.update(repeating: 0, count: BH) }
        if let dcN { dcP.update(from: dcN, count: BH) } else { dcP.update(repeating: 0, count: BH) }
        let dgP = dGates.reserve(T * B * G)
        if separateRecurrentGradients { dGatesHH.reserve(T * B * G) }
        let dghP = recurrentGateGradients
        let xpP = xp.pointer, hsP = hs.pointer, csP = cs.pointer
        if record == nil && !resetBefore {
            // The whole time loop in one call: cell passes and products fused per step, the
            // bias gradients summed there too (while each step's gate gradients are in cache).
            // ∂x too where that pays (dx_t += dg_t · W_ih while dg_t is in cache).
            let sum = biasGradient.reserve(G)
            sum.update(repeating: 0, count: G)
            let addedDx = weightHH.value.withUnsafeBufferPointer { w in
                weightIH.value.withUnsafeBufferPointer { wih in
                    biasHH.gradient.withUnsafeMutableBufferPointer { dbhh in
                        S.recurrenceBackward(recurrenceCode, T, B, H, reverse, lengths, w.baseAddress!, xpP,
                                              cell == .gru ? hp.pointer : nil, cell == .gru ? gates.pointer : nil,
                                              hsP, cell == .lstm ? csP : nil, dy, ldy, truncation ?? 0, dhP,
                                              cell == .lstm ? dcP : nil, dgP, separateRecurrentGradients ? dghP : nil,
                                              hasBias ? sum : nil, separateRecurrentGradients && hasBias ? dbhh.baseAddress! : nil,
                                              wih.baseAddress!, inputSize, dx)
                    }
                }
            }
            if hasBias { addBiasGradients(inputSide: sum, recurrentSideToo: !separateRecurrentGradients) }
            finishBackward(x: x, dx: addedDx ? nil : dx, dh0: dh0, dc0: dc0)
        } else {
            stepwiseBackward(dy: dy, ldy: ldy, lengths: lengths, x: x, truncation: truncation, record: record)
            if hasBias { sumBiasGradients() }
            finishBackward(x: x, dx: dx, dh0: dh0, dc0: dc0)
        }
    }

    /// b_ih += sum (the input-side gate gradients summed over all rows); b_hh too when both
    /// biases enter the same pre-activations (RNN, LSTM, GRU with the reset gate before).
    private func addBiasGradients(inputSide sum: UnsafeMutablePointer<S>, recurrentSideToo: Bool) {
        let G = gateWidth
        biasIH.gradient.withUnsafeMutableBufferPointer { S.axpy(G, 1, sum, $0.baseAddress!) }
        if recurrentSideToo { biasHH.gradient.withUnsafeMutableBufferPointer { S.axpy(G, 1, sum, $0.baseAddress!) } }
    }

    /// The bias gradients from the gate gradients of every step, after a step-by-step loop.
    private func sumBiasGradients() {
        let T = steps, B = batch, G = gateWidth
        let sum = biasGradient.reserve(G)
        sum.update(repeating: 0, count: G)
        S.sumRows(T * B, G, dGates.pointer, sum)
        addBiasGradients(inputSide: sum, recurrentSideToo: !separateRecurrentGradients)
        if separateRecurrentGradients {
            biasHH.gradient.withUnsafeMutableBufferPointer { S.sumRows(T * B, G, recurrentGateGradients, $0.baseAddress!) }
        }
    }

    /// The time loop of BPTT step by step, with the per-step hooks of a gradient recorder
    /// (and the GRU with the reset gate before the product, which has two products a step).
    private func stepwiseBackward(dy: UnsafePointer<S>?, ldy: Int, lengths: UnsafePointer<Int32>?,
                                  x: UnsafePointer<S>, truncation: Int?, record: GradientRecorder<S>?) {
        let T = steps, B = batch, H = hiddenSize, G = gateWidth, BH = B * H
        let dhP = dh.pointer, dcP = dc.pointer, dgP = dGates.pointer, dghP = recurrentGateGradients
        let xpP = xp.pointer, hsP = hs.pointer, csP = cs.pointer
        if resetBefore {
            weightHH.value.withUnsafeBufferPointer { w in
                packedRZ.pack(w.baseAddress!, ld: H, transpose: false)
                packedN.pack(w.baseAddress! + 2 * H * H, ld: H, transpose: false)
            }
        } else {
            weightHH.value.withUnsafeBufferPointer { packedHH.pack($0.baseAddress!, ld: H, transpose: false) }
        }
        let drhP = resetBefore ? drh.reserve(BH) : dhP
        record?.begin(steps: T)

        for s in 0..<T {
            let t = reverse ? s : T - 1 - s
            let dyT = dy.map { $0 + t * B * ldy }
            let hPrev = hsP + prevSlot(t) * BH
            record?.recordHidden(time: t, dh: dhP, dy: dyT, ldy: ldy, batch: B, hidden: H, lengths: lengths)
            switch cell {
            case .lstm:
                LSTMCell.backward(batch: B, hidden: H, t: t, lengths: lengths, gates: xpP + t * B * G,
                                  cPrev: csP + prevSlot(t) * BH, c: csP + nextSlot(t) * BH, dy: dyT, ldy: ldy,
                                  dh: dhP, dc: dcP, dGates: dgP + t * B * G)
            case .rnnTanh, .rnnReLU:
                RNNCell.backward(batch: B, hidden: H, t: t, lengths: lengths, relu: cell == .rnnReLU,
                                 h: hsP + nextSlot(t) * BH, dy: dyT, ldy: ldy, dh: dhP, dPre: dgP + t * B * G)
            case .gru where resetBefore:
                let dgT = dgP + t * B * G
                S.gruResetBeforeBackwardN(B, H, t, lengths, gates.pointer + t * B * G, hPrev, dyT, ldy, dhP, dgT)
                packedN.multiply(dgT + 2 * H, lda: G, m: B, into: drhP, ldc: H, beta: 0)
                S.gruResetBeforeBackwardRZ(B, H, t, lengths, gates.pointer + t * B * G, hPrev, drhP, dhP, dgT)
            case .gru:
                GRUCell.backward(batch: B, hidden: H, t: t, lengths: lengths, gates: gates.pointer + t * B * G,
                                 hp: hp.pointer + t * B * G, hPrev: hPrev, dy: dyT, ldy: ldy, dh: dhP,
                                 dInput: dgP + t * B * G, dHidden: dghP + t * B * G)
            }
            if resetBefore {
                packedRZ.multiply(dgP + t * B * G, lda: G, m: B, into: dhP, ldc: H, beta: 1)
            } else {
                packedHH.multiply(dghP + t * B * G, lda: G, m: B, into: dhP, ldc: H, beta: 1)
            }
            record?.recordContribution(time: t, dGates: dghP + t * B * G, dGatesInput: dgP + t * B * G,
                                       hPrev: hPrev, nBlockInput: resetBefore ? rh.pointer + t * BH : nil,
                                       x: x + t * B * inputSize, batch: B, gateWidth: G,
                                       hidden: H, input: inputSize)
            // Truncated BPTT: the state entering each chunk of `k` steps is detached.
            if let k = truncation, k > 0 {
                let processed = reverse ? T - 1 - t : t
                if processed > 0 && processed % k == 0 {
                    dhP.update(repeating: 0, count: BH)
                    dcP.update(repeating: 0, count: BH)
                }
            }
        }
    }

    /// ∂L/∂initial state, the weight gradients and (unless the fused loop added it already,
    /// dx = nil) ∂L/∂x, from the gate gradients of every step (the bias gradients are summed
    /// before, by the fused loop or `sumBiasGradients`).
    private func finishBackward(x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>?,
                                dh0: UnsafeMutablePointer<S>?, dc0: UnsafeMutablePointer<S>?) {
        let T = steps, B = batch, H = hiddenSize, G = gateWidth, BH = B * H
        let dhP = dh.pointer, dcP = dc.pointer, dgP = dGates.pointer, dghP = recurrentGateGradients
        let hsP = hs.pointer
        if let dh0 { dh0.update(from: dhP, count: BH) }
        if let dc0, cell == .lstm { dc0.update(from: dcP, count: BH) }

        // Weight gradients: large GEMMs over all time steps, not T small ones.
        let hPrevBlock = hsP + (reverse ? BH : 0)
        // W_ih and W_hh see the same gate gradients (all of them, or the GRU's r and z rows,
        // which are equal on the two sides): those rows are one product, their packing shared.
        // The GRU's n rows differ: reset after the product, W_hn sees r ⊙ ∂/∂n (the recurrent
        // side's own rows); reset before it, W_hn multiplies r ⊙ h_{t−1} instead of h_{t−1}.
        let shared = cell == .gru ? 2 * H : G
        weightIH.gradient.withUnsafeMutableBufferPointer { gi in
            weightHH.gradient.withUnsafeMutableBufferPointer { gh in
                let gi0 = gi.baseAddress!, gh0 = gh.baseAddress!
                S.gemmSharedA(true, shared, T * B, 1, dgP, G, inputSize, x, inputSize, gi0, inputSize,
                               H, hPrevBlock, H, gh0, H, 1)
                if cell == .gru {
                    let (dgN, hN) = resetBefore ? (dgP + shared, UnsafePointer(rh.pointer)) : (dghP + shared, UnsafePointer(hPrevBlock))
                    S.gemm(true, false, H, inputSize, T * B, 1, dgP + shared, G, x, inputSize, 1,
                            gi0 + shared * inputSize, inputSize)
                    S.gemm(true, false, H, H, T * B, 1, dgN, G, hN, H, 1, gh0 + shared * H, H)
                }
            }
        }
        if let dx {
            weightIH.value.withUnsafeBufferPointer { w in
                S.gemm(false, false, T * B, inputSize, G, 1, dgP, G, w.baseAddress!, inputSize, 1, dx, inputSize)
            }
        }
    }
}
