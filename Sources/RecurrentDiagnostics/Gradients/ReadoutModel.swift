import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A recurrent layer read out at its last step by a linear layer: the model of the gradient
/// experiments (the loss depends on the sequence only through h_T).
final class ReadoutModel<S: TensorScalar> {
    let layer: RecurrentLayer<S>
    let readout: Linear<S>

    init(cell: CellKind, inputSize: Int, hiddenSize: Int, outputSize: Int, seed: UInt64) throws {
        layer = RecurrentLayer<S>(cell, inputSize: inputSize, hiddenSize: hiddenSize, seed: seed)
        var rng = RandomGenerator(seed: seed ^ 0x5EAD_0A7)
        readout = try Linear<S>(inputSize: hiddenSize, outputSize: outputSize, rng: &rng)
    }

    var parameters: [Parameter<S>] { layer.parameters + readout.parameters }

    func zeroGradients() { for p in parameters { p.zeroGradient() } }

    /// Multiplies every W_hh of the layer by `scale`.
    func scaleRecurrentWeights(by scale: Double) {
        for (name, p) in layer.namedParameters where name.hasPrefix("weight_hh") { p.value.scale(by: S(scale)) }
    }

    /// Adds `bias` to the bias of the gate that keeps the memory: the LSTM's forget gate f
    /// (c_t = f⊙c_{t−1} + …) or the GRU's update gate z (h_t = (1−z)⊙n + z⊙h_{t−1}); no effect
    /// on a plain RNN. Positive values make the cell remember longer at initialisation
    /// (Gers et al. 2000; Jozefowicz et al. 2015 recommend +1 for the LSTM).
    func addMemoryGateBias(_ bias: Double) {
        let H = layer.hiddenSize
        let block: Int
        switch layer.cell {
        case .lstm: block = 1  // i, f, g, o
        case .gru: block = 1   // r, z, n
        case .rnnTanh, .rnnReLU: return
        }
        for (name, p) in layer.namedParameters where name.hasPrefix("bias_hh") {
            p.value.withUnsafeMutableBufferPointer { b in
                for j in (block * H)..<((block + 1) * H) { b[j] += S(bias) }
            }
        }
    }

    /// Forward and backward on one batch, accumulating gradients; records the flow through
    /// time when `record` is set (otherwise `flow` is nil).
    func forwardBackward(_ batch: LongRangeBatch<S>, record: Bool) throws -> (loss: Double, flow: GradientFlow?) {
        let loss = { (output: Tensor<S>, state: RecurrentState<S>) throws -> RecurrentLoss<S> in
            let hT = try state.h.reshaped([-1, self.layer.hiddenSize])
            let (value, gradient) = try batch.loss(self.readout.forward(hT))
            let dh = try self.readout.backward(gradient)
            return RecurrentLoss(loss: value, gradOutput: nil,
                                 gradFinalState: RecurrentState(h: try dh.reshaped(state.h.shape.dimensions)))
        }
        if record {
            let m = try measureGradientFlow(through: layer, input: batch.input, loss: loss)
            return (m.loss, m.first)
        }
        let (output, state) = try layer.forward(batch.input)
        let l = try loss(output, state)
        _ = try layer.backward(gradOutput: l.gradOutput, gradFinalState: l.gradFinalState)
        return (l.loss, nil)
    }
}
