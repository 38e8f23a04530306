import RecurrentCore
import RecurrentData
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

extension LanguageModel: BatchShardedState {
    /// The carried hidden state, (layers, B, H): one column per stream.
    public var batchShardedState: [String: Int] { ["carried.h": 1, "carried.c": 1] }
}
