import RecurrentCore
import RecurrentData
import RecurrentDiagnostics
import RecurrentDistributed
import RecurrentLayers
import RecurrentModels
import RecurrentTraining

/// Splits example indices into training and validation sets, stratified by class: every
/// class gives about `fraction` of its examples (spread evenly through its occurrences) to
/// validation, so the split depends only on the data, not on a random draw.
func stratifiedSplit(labels: [Int32], fraction: Double) -> (train: [Int], validation: [Int]) {
    guard fraction > 0 else { return (Array(labels.indices), []) }
    var byClass: [Int32: [Int]] = [:]
    for (i, y) in labels.enumerated() { byClass[y, default: []].append(i) }
    var validation = Set<Int>()
    for (_, members) in byClass where members.count >= 2 {
        let k = min(members.count - 1, Int((Double(members.count) * fraction).rounded()))
        guard k > 0 else { continue }
        for j in 0..<k { validation.insert(members[(j * members.count) / k + members.count / (2 * k)]) }
    }
    return (labels.indices.filter { !validation.contains($0) }, labels.indices.filter { validation.contains($0) })
}
