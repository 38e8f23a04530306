import Foundation
import Recurrent

extension TrainOptions {
    /// A lower bound on the bytes training needs for the sizes given on the command line:
    /// parameters, their gradients and two optimizer moments (4 × 4 bytes per parameter),
    /// counting only the recurrent layers and the embedding of a two-token vocabulary and
    /// taking 1 for every size left to the task's default (and the
    /// one-gate tanh RNN for the cell). Activations are not counted.
    var minimumTrainingBytes: Double {
        let e = embedding ?? 1
        let recurrent = RecurrentLayer<Float>.parameterCount(cell ?? .rnnTanh, inputSize: e, hiddenSize: hidden ?? 1,
                                                             numLayers: layers ?? 1, bidirectional: bidirectional == true)
        return 16 * (2 * Double(e) + Double(recurrent))
    }

    /// Fails before anything is allocated when the sizes asked for cannot fit in this
    /// machine's memory (allocating them would crash or summon the OOM killer).
    func checkModelFitsInMemory() throws {
        let needed = minimumTrainingBytes, available = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed > available else { return }
        let sizes = [("hidden", hidden), ("layers", layers), ("embedding", embedding)]
            .compactMap { name, v in v.map { "--\(name) \($0)" } }.joined(separator: " ")
        throw CLIError("\(sizes): the model needs at least \(Self.gigabytes(needed)) for its parameters, gradients and "
                       + "optimizer state, more than this machine's \(Self.gigabytes(available)) of memory")
    }

    private static func gigabytes(_ bytes: Double) -> String {
        bytes >= 1e12 ? String(format: "%.3g TB", bytes / 1e12) : String(format: "%.3g GB", bytes / 1e9)
    }
}
