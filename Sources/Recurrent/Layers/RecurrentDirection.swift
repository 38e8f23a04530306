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
    let weightIH: Parameter<S>  // (G·H, I)
    let weightHH: Parameter<S>  // (G·H, H)
    let biasIH: Parameter<S>    // (G·H)
    let biasHH: Parameter<S>    // (G·H)

    private let packedHHT: PackedMatrix<S>  // W_hhᵀ: h·W_hhᵀ in forward
    private let packedHH: PackedMatrix<S>   // W_hh: δgates·W_hh in backward
    private let bias = Workspace<S>()       // b_ih + b_hh (RNN, LSTM) or b_ih (GRU)
    private let xp = Workspace<S>()         // pre-activations, then gates (LSTM/RNN) / input side (GRU)
    private let gates = Workspace<S>()      // GRU gates r, z, n
    private let hp = Workspace<S>()         // GRU W_hh·h + b_hh
    private let hs = Workspace<S>()
    private let cs = Workspace<S>()
    private let dGates = Workspace<S>()     // gate gradients (GRU: input side)
    private let dGatesHH = Workspace<S>()   // GRU recurrent-side gate gradients
    private let dh = Workspace<S>()
    private let dc = Workspace<S>()
    private let scratch = Workspace<S>()    // diagnostics only

    private(set) var steps = 0
    private(set) var batch = 0

    init(cell: CellKind, inputSize: Int, hiddenSize: Int, reverse: Bool,
         weightIH: Parameter<S>, weightHH: Parameter<S>, biasIH: Parameter<S>, biasHH: Parameter<S>) {
        self.cell = cell
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.reverse = reverse
        self.weightIH = weightIH
        self.weightHH = weightHH
        self.biasIH = biasIH
        self.biasHH = biasHH
        let g = cell.gateCount * hiddenSize
        packedHHT = PackedMatrix(k: hiddenSize, n: g)
        packedHH = PackedMatrix(k: g, n: hiddenSize)
    }

    var gateWidth: Int { cell.gateCount * hiddenSize }

    @inline(__always) private func prevSlot(_ t: Int) -> Int { reverse ? t + 1 : t }
    @inline(__always) private func nextSlot(_ t: Int) -> Int { reverse ? t : t + 1 }

    /// The final state slot (after the last processed step).
    var finalSlot: Int { reverse ? 0 : steps }

    /// Hidden state at slot `s` (B×H).
    func hiddenState(slot s: Int) -> UnsafeMutablePointer<S> { hs.pointer + s * batch * hiddenSize }
    func cellState(slot s: Int) -> UnsafeMutablePointer<S> { cs.pointer + s * batch * hiddenSize }
    /// The state written by time step t (its output before masking).
    func stateAfter(time t: Int) -> UnsafeMutablePointer<S> { hiddenState(slot: nextSlot(t)) }

    /// Runs the direction over x (T·B, I). h0/c0: B×H (nil = zeros).
    func forward(x: UnsafePointer<S>, steps T: Int, batch B: Int, lengths: UnsafePointer<Int32>?,
                 h0: UnsafePointer<S>?, c0: UnsafePointer<S>?) {
        steps = T
        batch = B
        let H = hiddenSize, G = gateWidth, BH = B * H
        let xpP = xp.reserve(T * B * G)
        let hsP = hs.reserve((T + 1) * BH)
        let biasP = bias.reserve(G)

        // Input projections of all time steps in one GEMM, then the biases.
        weightIH.value.withUnsafeBufferPointer { w in
            S._gemm(false, true, T * B, G, inputSize, 1, x, inputSize, w.baseAddress!, inputSize, 0, xpP, G)
        }
        biasIH.value.withUnsafeBufferPointer { biasP.update(from: $0.baseAddress!, count: G) }
        if cell != .gru {
            biasHH.value.withUnsafeBufferPointer { S._axpy(G, 1, $0.baseAddress!, biasP) }
        }
        S._addBiasActivate(T * B, G, biasP, xpP, .identity)

        let start = reverse ? T : 0
        if let h0 { (hsP + start * BH).update(from: h0, count: BH) } else { (hsP + start * BH).update(repeating: 0, count: BH) }
        var csP = hsP
        if cell == .lstm {
            csP = cs.reserve((T + 1) * BH)
            if let c0 { (csP + start * BH).update(from: c0, count: BH) } else { (csP + start * BH).update(repeating: 0, count: BH) }
        }
        weightHH.value.withUnsafeBufferPointer { packedHHT.pack($0.baseAddress!, ld: H, transpose: true) }

        switch cell {
        case .lstm:
            for s in 0..<T {
                let t = reverse ? T - 1 - s : s
                let g = xpP + t * B * G
                let hPrev = hsP + prevSlot(t) * BH
                packedHHT.multiply(hPrev, lda: H, m: B, into: g, ldc: G, beta: 1)
                LSTMCell.forward(batch: B, hidden: H, t: t, lengths: lengths, gates: g,
                                 cPrev: csP + prevSlot(t) * BH, hPrev: hPrev,
                                 c: csP + nextSlot(t) * BH, h: hsP + nextSlot(t) * BH)
            }
        case .rnnTanh, .rnnReLU:
            let relu = cell == .rnnReLU
            for s in 0..<T {
                let t = reverse ? T - 1 - s : s
                let pre = xpP + t * B * G
                let hPrev = hsP + prevSlot(t) * BH
                packedHHT.multiply(hPrev, lda: H, m: B, into: pre, ldc: G, beta: 1)
                RNNCell.forward(batch: B, hidden: H, t: t, lengths: lengths, relu: relu, pre: pre,
                                hPrev: hPrev, h: hsP + nextSlot(t) * BH)
            }
        case .gru:
            let gatesP = gates.reserve(T * B * G)
            let hpP = hp.reserve(T * B * G)
            biasHH.value.withUnsafeBufferPointer { bhh in
                for s in 0..<T {
                    let t = reverse ? T - 1 - s : s
                    let hPrev = hsP + prevSlot(t) * BH
                    packedHHT.multiply(hPrev, lda: H, m: B, into: hpP + t * B * G, ldc: G, beta: 0)
                    GRUCell.forward(batch: B, hidden: H, t: t, lengths: lengths, xp: xpP + t * B * G,
                                    hp: hpP + t * B * G, biasHH: bhh.baseAddress!, gates: gatesP + t * B * G,
                                    hPrev: hPrev, h: hsP + nextSlot(t) * BH)
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
        let dghP = cell == .gru ? dGatesHH.reserve(T * B * G) : dgP
        let xpP = xp.pointer, hsP = hs.pointer, csP = cs.pointer
        weightHH.value.withUnsafeBufferPointer { packedHH.pack($0.baseAddress!, ld: H, transpose: false) }
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
            case .gru:
                GRUCell.backward(batch: B, hidden: H, t: t, lengths: lengths, gates: gates.pointer + t * B * G,
                                 hp: hp.pointer + t * B * G, hPrev: hPrev, dy: dyT, ldy: ldy, dh: dhP,
                                 dInput: dgP + t * B * G, dHidden: dghP + t * B * G)
            }
            packedHH.multiply(dghP + t * B * G, lda: G, m: B, into: dhP, ldc: H, beta: 1)
            record?.recordContribution(time: t, dGates: dghP + t * B * G, dGatesInput: dgP + t * B * G,
                                       hPrev: hPrev, x: x + t * B * inputSize, batch: B, gateWidth: G,
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
        if let dh0 { dh0.update(from: dhP, count: BH) }
        if let dc0, cell == .lstm { dc0.update(from: dcP, count: BH) }

        // Weight gradients: two large GEMMs over all time steps, not T small ones.
        let hPrevBlock = hsP + (reverse ? BH : 0)
        weightIH.gradient.withUnsafeMutableBufferPointer { g in
            S._gemm(true, false, G, inputSize, T * B, 1, dgP, G, x, inputSize, 1, g.baseAddress!, inputSize)
        }
        weightHH.gradient.withUnsafeMutableBufferPointer { g in
            S._gemm(true, false, G, H, T * B, 1, dghP, G, hPrevBlock, H, 1, g.baseAddress!, H)
        }
        biasIH.gradient.withUnsafeMutableBufferPointer { S._sumRows(T * B, G, dgP, $0.baseAddress!) }
        biasHH.gradient.withUnsafeMutableBufferPointer { S._sumRows(T * B, G, dghP, $0.baseAddress!) }
        if let dx {
            weightIH.value.withUnsafeBufferPointer { w in
                S._gemm(false, false, T * B, inputSize, G, 1, dgP, G, w.baseAddress!, inputSize, 1, dx, inputSize)
            }
        }
    }
}
