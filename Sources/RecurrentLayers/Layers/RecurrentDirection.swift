import RecurrentCore

/// One direction of one recurrent layer, as the layer holds it (called once per sequence).
protocol UnrollingDirection<Scalar>: AnyObject {
    associatedtype Scalar: TensorScalar
    var finalSlot: Int { get }
    func hiddenState(slot s: Int) -> UnsafeMutablePointer<Scalar>
    func cellState(slot s: Int) -> UnsafeMutablePointer<Scalar>
    func forward(x: UnsafePointer<Scalar>, steps T: Int, batch B: Int, lengths: UnsafePointer<Int32>?,
                 h0: UnsafePointer<Scalar>?, c0: UnsafePointer<Scalar>?, output: UnsafeMutablePointer<Scalar>,
                 outputStride: Int, keepForBackward: Bool)
    func backward(dy: UnsafePointer<Scalar>?, ldy: Int, lengths: UnsafePointer<Int32>?,
                  dhN: UnsafePointer<Scalar>?, dcN: UnsafePointer<Scalar>?, x: UnsafePointer<Scalar>,
                  dx: UnsafeMutablePointer<Scalar>?, dh0: UnsafeMutablePointer<Scalar>?, dc0: UnsafeMutablePointer<Scalar>?,
                  truncation: Int?, record: GradientRecorder<Scalar>?)
    /// A cell of this direction's type sharing its parameters (with workspaces of its own).
    func makeCell() -> any RecurrentCell<Scalar>
}

/// One direction of one recurrent layer: the unrolled forward pass and its BPTT, for any cell.
///
/// Layout (time-major, see ``UnrolledSequence``): x (T·B, I), input projections xp (T·B, G·H),
/// states hs/cs ((T+1)·B, H). The unroller computes the input projections of all steps in one
/// GEMM, runs the cell's time loop, and after the cell's backward loop forms the weight
/// gradients in large GEMMs (`accumulateParameterGradients`). What
/// differs between cells is the cell's (``UnrolledCell``); this type never asks which it runs.
final class RecurrentDirection<Cell: UnrolledCell>: UnrollingDirection {
    typealias S = Cell.Scalar
    let cell: Cell
    let reverse: Bool

    private let bias = Workspace<S>()          // b_ih (+ b_hh where the cell folds it in)
    let biasGradient = Workspace<S>()  // Σ_k of the (input-side) gate gradients
    private let xp = Workspace<S>()            // input projections; the cell's use after forward
    private let hs = Workspace<S>()
    private let cs = Workspace<S>()
    let dGates = Workspace<S>()        // gate gradients of every step (input side)
    private let dh = Workspace<S>()
    private let dc = Workspace<S>()

    private(set) var steps = 0
    private(set) var batch = 0

    init(cell: Cell, reverse: Bool) {
        self.cell = cell
        self.reverse = reverse
    }

    var parameters: CellParameters<S> { cell.cellParameters }
    private var inputSize: Int { parameters.inputSize }
    private var hiddenSize: Int { parameters.hiddenSize }
    var gateWidth: Int { Cell.gateCount * hiddenSize }

    /// The final state slot (after the last processed step).
    var finalSlot: Int { reverse ? 0 : steps }

    /// Hidden state at slot `s` (B×H).
    func hiddenState(slot s: Int) -> UnsafeMutablePointer<S> { hs.pointer + s * batch * hiddenSize }
    func cellState(slot s: Int) -> UnsafeMutablePointer<S> { cs.pointer + s * batch * hiddenSize }

    func makeCell() -> any RecurrentCell<S> { cell.sharingParameters() }

    func sequence(x: UnsafePointer<S>, lengths: UnsafePointer<Int32>?) -> UnrolledSequence<S> {
        UnrolledSequence(steps: steps, batch: batch, hidden: hiddenSize, inputSize: inputSize, reverse: reverse,
                         lengths: lengths, x: x, xp: xp.pointer, hs: hs.pointer, cs: Cell.hasCellState ? cs.pointer : nil)
    }

    /// Runs the direction over x (T·B, I). h0/c0: B×H (nil = zeros). Each step's states also
    /// go to `output` (row t·B + b at output + (t·B + b)·outputStride, H values; zeros past a
    /// sequence's end). `keepForBackward` false: inference only (`backward` must not follow).
    func forward(x: UnsafePointer<S>, steps T: Int, batch B: Int, lengths: UnsafePointer<Int32>?,
                 h0: UnsafePointer<S>?, c0: UnsafePointer<S>?, output: UnsafeMutablePointer<S>, outputStride: Int,
                 keepForBackward: Bool) {
        steps = T
        batch = B
        let H = hiddenSize, G = gateWidth, BH = B * H
        let xpP = xp.reserve(T * B * G)
        let hsP = hs.reserve((T + 1) * BH)
        let biasP = bias.reserve(G)

        // Input projections of all time steps in one GEMM. The biases: the fused loops add them
        // to each step's rows as they reach them (while they come into cache).
        parameters.weightIH.value.withUnsafeBufferPointer { w in
            S.gemm(false, true, T * B, G, inputSize, 1, x, inputSize, w.baseAddress!, inputSize, 0, xpP, G)
        }
        parameters.biasIH.value.withUnsafeBufferPointer { biasP.update(from: $0.baseAddress!, count: G) }
        if Cell.foldsRecurrentBias {
            parameters.biasHH.value.withUnsafeBufferPointer { S.axpy(G, 1, $0.baseAddress!, biasP) }
        }

        let start = reverse ? T : 0
        if let h0 { (hsP + start * BH).update(from: h0, count: BH) } else { (hsP + start * BH).update(repeating: 0, count: BH) }
        if Cell.hasCellState {
            let csP = cs.reserve((T + 1) * BH)
            if let c0 { (csP + start * BH).update(from: c0, count: BH) } else { (csP + start * BH).update(repeating: 0, count: BH) }
        }
        cell.forwardSequence(sequence(x: x, lengths: lengths), bias: parameters.hasBias ? UnsafePointer(biasP) : nil,
                             output: output, outputStride: outputStride, keepForBackward: keepForBackward)
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
        let T = steps, B = batch, G = gateWidth, BH = B * hiddenSize
        let dhP = dh.reserve(BH)
        let dcP = dc.reserve(BH)
        if let dhN { dhP.update(from: dhN, count: BH) } else { dhP.update(repeating: 0, count: BH) }
        if let dcN { dcP.update(from: dcN, count: BH) } else { dcP.update(repeating: 0, count: BH) }
        let dgP = dGates.reserve(T * B * G)
        let u = sequence(x: x, lengths: lengths)
        cell.reserveBackward(u)
        if record == nil {
            // The whole time loop in one call where the cell has one: cell passes and products
            // fused per step, the bias gradients summed there too (while each step's gate
            // gradients are in cache), ∂x too where that pays.
            let sum = biasGradient.reserve(G)
            sum.update(repeating: 0, count: G)
            let g = SequenceGradients(dy: dy, ldy: ldy, truncation: truncation ?? 0, dh: dhP, dc: dcP, dGates: dgP,
                                      biasSum: parameters.hasBias ? sum : nil, dx: dx)
            if let addedDx = cell.fusedBackward(u, g) {
                finishBackward(x: x, dx: addedDx ? nil : dx, dh0: dh0, dc0: dc0, biasSumFromLoop: sum)
                return
            }
        }
        let g = SequenceGradients(dy: dy, ldy: ldy, truncation: truncation ?? 0, dh: dhP, dc: dcP, dGates: dgP,
                                  biasSum: nil, dx: nil)
        stepwiseBackward(u, g, record: record)
        finishBackward(x: x, dx: dx, dh0: dh0, dc0: dc0, biasSumFromLoop: nil)
    }

    /// The time loop of BPTT step by step: for cells without a fused backward loop, and with
    /// the per-step hooks of a gradient recorder.
    private func stepwiseBackward(_ u: UnrolledSequence<S>, _ g: SequenceGradients<S>, record: GradientRecorder<S>?) {
        let T = steps, B = batch, H = hiddenSize, G = gateWidth, BH = B * H
        let dghP = cell.recurrentGateGradients ?? g.dGates
        cell.prepareBackwardSteps(u)
        record?.begin(steps: T)
        for s in 0..<T {
            let t = reverse ? s : T - 1 - s
            let dyT = g.dy.map { $0 + t * B * g.ldy }
            record?.recordHidden(time: t, dh: g.dh, dy: dyT, ldy: g.ldy, batch: B, hidden: H, lengths: u.lengths)
            cell.backwardStep(t: t, u, g, dy: dyT)
            record?.recordContribution(time: t, dGates: dghP + t * B * G, dGatesInput: g.dGates + t * B * G,
                                       hPrev: u.hPrev(t), nBlockInput: cell.nBlockInput(t: t, u),
                                       x: u.x + t * B * inputSize, batch: B, gateWidth: G, hidden: H, input: inputSize)
            // Truncated BPTT: the state entering each chunk of `k` steps is detached.
            if g.truncation > 0 {
                let processed = reverse ? T - 1 - t : t
                if processed > 0 && processed % g.truncation == 0 {
                    g.dh.update(repeating: 0, count: BH)
                    g.dc.update(repeating: 0, count: BH)
                }
            }
        }
    }

    /// ∂L/∂initial state, the parameter gradients and (unless the fused loop added it already,
    /// dx = nil) ∂L/∂x = Σ over the gates of δ_k·W_ih, from the gate gradients of every step.
    private func finishBackward(x: UnsafePointer<S>, dx: UnsafeMutablePointer<S>?, dh0: UnsafeMutablePointer<S>?,
                                dc0: UnsafeMutablePointer<S>?, biasSumFromLoop: UnsafeMutablePointer<S>?) {
        let T = steps, B = batch, G = gateWidth, BH = B * hiddenSize
        if let dh0 { dh0.update(from: dh.pointer, count: BH) }
        if let dc0, Cell.hasCellState { dc0.update(from: dc.pointer, count: BH) }
        accumulateParameterGradients(x: x, biasSumFromLoop: biasSumFromLoop)
        if let dx {
            parameters.weightIH.value.withUnsafeBufferPointer { w in
                S.gemm(false, false, T * B, inputSize, G, 1, dGates.pointer, G, w.baseAddress!, inputSize, 1, dx, inputSize)
            }
        }
    }
}
