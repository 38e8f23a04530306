import RecurrentCore

/// Steps a cell one time step at a time through its own unroller with T = 1: the same GEMM
/// and fused kernels as a layer's forward over one step, so a cell's step gives the layer's
/// results, bit for bit. The backward step recomputes the forward step (keeping what backward
/// needs) and runs the unroller's BPTT over it.
/// A cell's step and backward step, as ``CellModule`` calls them (once per step).
protocol CellStepping<Scalar>: AnyObject {
    associatedtype Scalar: TensorScalar
    func step(_ input: Tensor<Scalar>, state: CellState<Scalar>?) throws -> CellState<Scalar>
    func backwardStep(_ input: Tensor<Scalar>, state: CellState<Scalar>?, gradient: CellState<Scalar>) throws -> CellStepGradients<Scalar>
}

final class CellStepper<Cell: UnrolledCell>: CellStepping {
    typealias S = Cell.Scalar
    private let direction: RecurrentDirection<Cell>

    init(_ cell: Cell) { direction = RecurrentDirection(cell: cell, reverse: false) }

    private var sizes: (input: Int, hidden: Int) {
        (direction.parameters.inputSize, direction.parameters.hiddenSize)
    }

    /// The batch size of `input`, after checking it and the state's shapes.
    private func checkedBatch(_ input: Tensor<S>, _ state: CellState<S>?, _ what: String) throws -> Int {
        let (I, H) = sizes
        guard input.rank == 2, input.shape[1] == I, input.shape[0] > 0 else {
            throw ShapeError("\(Cell.self) input", expected: [input.rank == 2 ? input.shape[0] : 1, I], got: input.shape)
        }
        let B = input.shape[0]
        if let state {
            try state.h.checkShape([B, H], "\(Cell.self) \(what) h")
            if Cell.hasCellState {
                guard let c = state.c else { throw ShapeError("\(Cell.self) \(what) needs c as well as h") }
                try c.checkShape([B, H], "\(Cell.self) \(what) c")
            }
        }
        return B
    }

    /// Runs the step; `x` must outlive a following backward.
    private func forward(_ x: UnsafePointer<S>, batch B: Int, state: CellState<S>?, output: UnsafeMutablePointer<S>,
                         keepForBackward: Bool) {
        withPointers(state?.h, state?.c) { h0, c0 in
            direction.forward(x: x, steps: 1, batch: B, lengths: nil, h0: h0, c0: Cell.hasCellState ? c0 : nil,
                              output: output, outputStride: sizes.hidden, keepForBackward: keepForBackward)
        }
    }

    func step(_ input: Tensor<S>, state: CellState<S>?) throws -> CellState<S> {
        let B = try checkedBatch(input, state, "state")
        let H = sizes.hidden
        var h = Tensor<S>(uninitialized: [B, H])
        h.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { forward($0.baseAddress!, batch: B, state: state, output: out.baseAddress!, keepForBackward: false) }
        }
        return CellState(h: h, c: Cell.hasCellState ? cellState(batch: B) : nil)
    }

    private func cellState(batch B: Int) -> Tensor<S> {
        var c = Tensor<S>(uninitialized: [B, sizes.hidden])
        c.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: direction.cellState(slot: direction.finalSlot), count: $0.count) }
        return c
    }

    func backwardStep(_ input: Tensor<S>, state: CellState<S>?, gradient: CellState<S>) throws -> CellStepGradients<S> {
        let B = try checkedBatch(input, state, "state")
        let (I, H) = sizes
        try gradient.h.checkShape([B, H], "\(Cell.self) gradient of h")
        if let c = gradient.c { try c.checkShape([B, H], "\(Cell.self) gradient of c") }
        var dx = Tensor<S>(zeros: [B, I]), dh0 = Tensor<S>(zeros: [B, H])
        var dc0: Tensor<S>? = Cell.hasCellState ? Tensor<S>(zeros: [B, H]) : nil
        var h = Tensor<S>(uninitialized: [B, H])
        input.withUnsafeBufferPointer { xb in
            let x = xb.baseAddress!
            h.withUnsafeMutableBufferPointer { forward(x, batch: B, state: state, output: $0.baseAddress!, keepForBackward: true) }
            withPointers(gradient.h, gradient.c) { dhN, dcN in
                dx.withUnsafeMutableBufferPointer { dxb in
                    dh0.withUnsafeMutableBufferPointer { dh0b in
                        withMutablePointer(&dc0) { dc0p in
                            direction.backward(dy: nil, ldy: H, lengths: nil, dhN: dhN, dcN: dcN, x: x, dx: dxb.baseAddress!,
                                               dh0: dh0b.baseAddress!, dc0: dc0p, truncation: nil, record: nil)
                        }
                    }
                }
            }
        }
        return CellStepGradients(input: dx, state: CellState(h: dh0, c: dc0))
    }
}

/// Calls `body` with the base addresses of two optional tensors.
private func withPointers<S: TensorScalar, R>(_ a: Tensor<S>?, _ b: Tensor<S>?,
                                              _ body: (UnsafePointer<S>?, UnsafePointer<S>?) -> R) -> R {
    func second(_ p: UnsafePointer<S>?) -> R {
        guard let b else { return body(p, nil) }
        return b.withUnsafeBufferPointer { body(p, $0.baseAddress!) }
    }
    guard let a else { return second(nil) }
    return a.withUnsafeBufferPointer { second($0.baseAddress!) }
}

private func withMutablePointer<S: TensorScalar, R>(_ t: inout Tensor<S>?, _ body: (UnsafeMutablePointer<S>?) -> R) -> R {
    guard t != nil else { return body(nil) }
    return t!.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
