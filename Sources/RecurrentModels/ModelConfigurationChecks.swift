import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentTraining

extension TrainingError {
    /// Throws "<model> sizes must be positive" unless every one of `sizes` is.
    static func requirePositive(_ model: String, sizes: Int...) throws {
        guard sizes.allSatisfy({ $0 > 0 }) else { throw TrainingError("\(model) sizes must be positive") }
    }

    /// Throws "dropout must be in [0, 1), got p" for the first probability outside [0, 1).
    static func requireDropout(_ probabilities: Double...) throws {
        if let p = probabilities.first(where: { !(0..<1).contains($0) }) {
            throw TrainingError("dropout must be in [0, 1), got \(p)")
        }
    }
}
