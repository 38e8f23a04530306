// Backpropagation through time by hand, as the lecture derives it. An LSTM layer's forward and
// backward; the same unrolling one LSTMCell step at a time (the layer's own weights), carrying
// ∂L/∂h and ∂L/∂c back through the steps and summing ∂L/∂W = Σ_k δ_k·inputᵀ; a finite-difference
// check of one weight; and ‖∂L/∂h_k‖ per step, the gradient flowing back through time.
//   swift run -c release example-manual-bptt
import Recurrent

let (T, B, I, H) = (12, 2, 3, 5)
var rng = RandomGenerator(seed: 0)
let lstm = LSTM<Double>(inputSize: I, hiddenSize: H, seed: 1)
let x = Tensor<Double>.normal([T, B, I], using: &rng)
let target = Tensor<Double>.normal([B, H], using: &rng)

// L = ½‖h_T − target‖²: only the last step's output feeds the loss.
func loss(_ lstm: LSTM<Double>, _ x: Tensor<Double>, _ target: Tensor<Double>) throws -> Double {
    0.5 * (try lstm.forward(x).state.h.reshaped(target.shape.dimensions).subtracting(target)).sumOfSquares
}
let (output, final) = try lstm.forward(x)
let dhT = try final.h.reshaped([B, H]).subtracting(target)       // ∂L/∂h_T
print("L =", try loss(lstm, x, target), "; output", output.shape)

// 1. The layer: backward from ∂L/∂h_n, recording ‖∂L/∂h_k‖ for every step k.
lstm.zeroGradients()
lstm.recordsGradientsThroughTime = true
_ = try lstm.backward(gradOutput: nil, gradFinalState: RecurrentState(h: dhT.reshaped([1, B, H]), c: Tensor(zeros: [1, B, H])))
let layerGradient = lstm.parameter(named: "weight_hh_l0")!.gradient
print("‖∂L/∂h_k‖, k = 1…T:", lstm.gradientsThroughTime[0].hiddenGradientNorms.map { String(format: "%.4f", $0) }.joined(separator: " "))
lstm.recordsGradientsThroughTime = false

// 2. By hand: step forward keeping every state, then backward step by step.
let cell = lstm.cell(layer: 0)                                    // an LSTMCell<Double>
var states: [CellState<Double>?] = [nil]
for t in 0..<T { states.append(try cell.step(x[row: t], state: states[t])) }
lstm.zeroGradients()
var carried = CellState(h: dhT, c: Tensor<Double>(zeros: [B, H]))   // (∂L/∂h_t, ∂L/∂c_t)
for t in (0..<T).reversed() {
    carried = try cell.backwardStep(x[row: t], state: states[t], gradient: carried).state
}
let byHand = lstm.parameter(named: "weight_hh_l0")!.gradient
print("by hand vs the layer: max |Δ ∂L/∂W_hh| =", try byHand.maxAbsDifference(layerGradient))

// 3. A central difference on one element of W_hh.
let w = lstm.parameter(named: "weight_hh_l0")!
let (row, column, epsilon) = (7, 2, 1e-6)
let original = w.value[row, column]
var plus = w.value, minus = w.value
plus.withUnsafeMutableBufferPointer { $0[row * H + column] = original + epsilon }
minus.withUnsafeMutableBufferPointer { $0[row * H + column] = original - epsilon }
w.value = plus
let lossPlus = try loss(lstm, x, target)
w.value = minus
let lossMinus = try loss(lstm, x, target)
w.value.withUnsafeMutableBufferPointer { $0[row * H + column] = original }
let numerical = (lossPlus - lossMinus) / (2 * epsilon)
print("∂L/∂W_hh[\(row), \(column)]: BPTT \(byHand[row, column]), finite difference \(numerical)")
let handDifference = try byHand.maxAbsDifference(layerGradient)
precondition(handDifference < 1e-12 && abs(numerical - byHand[row, column]) < 1e-6)
