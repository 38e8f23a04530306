import RecurrentCore

extension RecurrentLayer {
    /// The cell of stacked layer `layer` (0 = bottom) and `direction` (0 forward, 1 reverse),
    /// sharing this layer's parameters: stepping it, or training it through its
    /// ``RecurrentCell/backwardStep(_:state:gradient:)``, reads and updates the layer's weights.
    /// Its type follows ``cell`` (and ``gruResetAfter``): ``RNNCell``, ``LSTMCell``, ``GRUCell``
    /// or ``GRUResetBeforeCell``.
    public func cell(layer l: Int, direction d: Int = 0) -> any RecurrentCell<S> {
        precondition(l >= 0 && l < numLayers && d >= 0 && d < numDirections,
                     "cell(layer: \(l), direction: \(d)) of a layer with \(numLayers) layers and \(numDirections) directions")
        return directions[l][d].makeCell()
    }

    /// The cells of a unidirectional layer, to step it one time step at a time (a decoder's
    /// loop). Throws for a bidirectional layer (its reverse direction needs the whole sequence).
    public func cellStack() throws -> CellStack<S> {
        guard !bidirectional else { throw ShapeError("\(cell.pytorchMode): a bidirectional layer cannot be stepped one time step at a time") }
        return CellStack(cells: (0..<numLayers).map { cell(layer: $0) })
    }
}

/// The cells of a stacked unidirectional ``RecurrentLayer`` (``RecurrentLayer/cellStack()``),
/// stepped one time step at a time: layer l's h_t is layer l+1's input. The results are those of
/// the layer's `forward` over one step, bit for bit, in evaluation mode (no dropout between
/// layers).
public struct CellStack<S: TensorScalar> {
    /// Bottom to top.
    public let cells: [any RecurrentCell<S>]

    /// One step of every layer: x (B, I) and the state (numLayers, B, H) (and c), nil = zeros.
    /// Returns the top layer's h_t (B, H) and the new state.
    public func step(_ input: Tensor<S>, state: RecurrentState<S>?) throws -> (output: Tensor<S>, state: RecurrentState<S>) {
        guard input.rank == 2 else { throw ShapeError("cell stack input must be (B, I), got \(input.shape)") }
        let (L, B) = (cells.count, input.shape[0])
        let H = cells[0].hiddenSize
        if let state {
            try state.h.checkShape([L, B, H], "cell stack state h")
            if let c = state.c { try c.checkShape([L, B, H], "cell stack state c") }
        }
        var hs: [Tensor<S>] = [], cs: [Tensor<S>] = []
        var x = input
        for (l, cell) in cells.enumerated() {
            let previous = state.map { CellState(h: Self.slice($0.h, l), c: $0.c.map { Self.slice($0, l) }) }
            let next = try cell.step(x, state: previous)
            hs.append(next.h)
            if let c = next.c { cs.append(c) }
            x = next.h
        }
        return (x, RecurrentState(h: Self.stack(hs), c: cs.isEmpty ? nil : Self.stack(cs)))
    }

    /// Slice `l` of axis 0 of a rank-3 tensor.
    private static func slice(_ t: Tensor<S>, _ l: Int) -> Tensor<S> {
        let n = t.shape[1] * t.shape[2]
        var out = Tensor<S>(uninitialized: [t.shape[1], t.shape[2]])
        t.withUnsafeBufferPointer { src in out.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: src.baseAddress! + l * n, count: n) } }
        return out
    }

    /// Rank-2 tensors of one shape stacked along a new axis 0.
    private static func stack(_ ts: [Tensor<S>]) -> Tensor<S> {
        let n = ts[0].count
        var out = Tensor<S>(uninitialized: Shape([ts.count] + ts[0].shape.dimensions))
        out.withUnsafeMutableBufferPointer { dst in
            for (l, t) in ts.enumerated() { t.withUnsafeBufferPointer { (dst.baseAddress! + l * n).update(from: $0.baseAddress!, count: n) } }
        }
        return out
    }
}
