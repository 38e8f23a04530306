import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// A loss evaluated on a recurrent layer's output: its value and its gradients with respect to
/// the output and the final state (nil where the loss does not use them).
public struct RecurrentLoss<S: TensorScalar> {
    /// L.
    public var loss: Double
    /// ∂L/∂output, the shape of the layer's output.
    public var gradOutput: Tensor<S>?
    /// ∂L/∂(final state).
    public var gradFinalState: RecurrentState<S>?

    /// A loss and the gradients it sends into the layer.
    public init(loss: Double, gradOutput: Tensor<S>?, gradFinalState: RecurrentState<S>? = nil) {
        self.loss = loss
        self.gradOutput = gradOutput
        self.gradFinalState = gradFinalState
    }
}

/// One forward and backward pass with gradient-through-time recording.
public struct GradientFlowMeasurement: Sendable {
    /// The loss of the pass.
    public var loss: Double
    /// One flow per layer and direction, in the order of ``RecurrentLayer/gradientsThroughTime``
    /// (layer 0 forward first).
    public var flows: [GradientFlow]

    /// The flow of the first layer's forward direction.
    public var first: GradientFlow { flows[0] }
}

/// Runs `layer` forward over `input`, evaluates `loss` on the output and final state, and
/// backpropagates through time recording ‖∂L/∂h_k‖ and the per-step terms of ∂L/∂W_hh and
/// ∂L/∂W_ih for every layer and direction.
///
/// The loss closure may run the backward pass of whatever follows the layer (a readout, a
/// decoder): it returns the gradient reaching the layer. Parameter gradients are *added* to
/// each ``Parameter/gradient`` as ``RecurrentLayer/backward(gradOutput:gradFinalState:)`` does,
/// so a caller can clip and step an optimizer afterwards. Recording is switched on for this
/// pass only and restored afterwards.
public func measureGradientFlow<S: TensorScalar>(
    through layer: RecurrentLayer<S>, input: Tensor<S>, lengths: [Int]? = nil,
    initialState: RecurrentState<S>? = nil,
    loss: (_ output: Tensor<S>, _ finalState: RecurrentState<S>) throws -> RecurrentLoss<S>
) throws -> GradientFlowMeasurement {
    let wasRecording = layer.recordsGradientsThroughTime
    layer.recordsGradientsThroughTime = true
    defer { layer.recordsGradientsThroughTime = wasRecording }
    let (output, state) = try layer.forward(input, lengths: lengths, initialState: initialState)
    let l = try loss(output, state)
    _ = try layer.backward(gradOutput: l.gradOutput, gradFinalState: l.gradFinalState)
    return GradientFlowMeasurement(loss: l.loss, flows: layer.gradientsThroughTime.map(GradientFlow.init))
}
