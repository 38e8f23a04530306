// PyTorch weights in and out: an nn.LSTM(6, 8)'s state_dict saved by safetensors.torch, with an
// input, h0, c0 and PyTorch's output, h_n and c_n in the same file. Same names, shapes and gate
// order, so the weights load as they are and the outputs agree to float rounding.
//   swift run -c release example-pytorch-import [file, default Examples/Data/pytorch_lstm.safetensors]
import Foundation
import Recurrent

let url = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Examples/Data/pytorch_lstm.safetensors")
let file = try SafeTensorsFile(contentsOf: url)
print("\(url.lastPathComponent): \(file.metadata["module"] ?? "?") with", file.names.sorted().joined(separator: ", "))

let lstm = LSTM<Float>(inputSize: 6, hiddenSize: 8)
try lstm.loadSafeTensors(from: url, allowUnused: true)        // only the parameters; the rest is data
for name in lstm.parameterNames { print("  loaded \(name) \(lstm.parameter(named: name)!.value.shape)") }

let input: Tensor<Float> = try file.tensor("input")             // (T, B, I) = (10, 3, 6)
let h0: Tensor<Float> = try file.tensor("h0"), c0: Tensor<Float> = try file.tensor("c0")
let (output, final) = try lstm.forward(input, initialState: RecurrentState(h: h0, c: c0))
let differences = [
    ("output", try output.maxAbsDifference(file.tensor("output"))),
    ("h_n", try final.h.maxAbsDifference(file.tensor("h_n"))),
    ("c_n", try final.c!.maxAbsDifference(file.tensor("c_n"))),
]
for (name, d) in differences { print("  max |\(name) − PyTorch's| = \(d)") }

// The gradients agree too: PyTorch's backward from the same ∂L/∂output.
_ = try lstm.backward(gradOutput: try file.tensor("grad_output"),
                      gradFinalState: RecurrentState(h: try file.tensor("grad_h_n"), c: try file.tensor("grad_c_n")))
let gradient = try lstm.parameter(named: "weight_hh_l0")!.gradient.maxAbsDifference(file.tensor("grad.weight_hh_l0"))
print("  max |∂L/∂W_hh − PyTorch's| = \(gradient)")
precondition(differences.allSatisfy { $0.1 < 1e-5 } && gradient < 1e-4)

// And back: a file PyTorch reads with safetensors.torch.load_file (then lstm.load_state_dict).
let out = FileManager.default.temporaryDirectory.appendingPathComponent("lstm_from_swift.safetensors")
try lstm.saveSafeTensors(to: out, metadata: ["module": "LSTM"])
print("wrote \(out.path)")
