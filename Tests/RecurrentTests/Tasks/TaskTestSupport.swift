import Foundation
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A committed task fixture under Tests/RecurrentTests/Fixtures/tasks/.
func taskFixture(_ path: String) -> URL { Fixtures.folder("tasks").appendingPathComponent(path) }

/// A fresh temporary file path with the given extension (not created).
func temporaryFile(_ ext: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("task-\(UUID().uuidString).\(ext)")
}

/// Writes `text` to a temporary file with the given extension.
func temporaryFile(_ ext: String, containing text: String) throws -> URL {
    let url = temporaryFile(ext)
    try Data(text.utf8).write(to: url)
    return url
}

/// Task options for a quick run: a few epochs, small models.
func quickOptions(train: URL, test: URL?, out: URL? = nil, epochs: Int, hidden: Int = 16) -> TaskOptions {
    var o = TaskOptions(train: train)
    o.test = test
    o.out = out
    o.epochs = epochs
    o.hidden = hidden
    return o
}

/// The same batches every epoch, in order (for model tests).
struct FixedBatches<Batch>: BatchSource {
    let batches: [Batch]
    init(_ batches: [Batch]) { self.batches = batches }
    var batchesPerEpoch: Int { batches.count }
    func batch(epoch: Int, index: Int) throws -> Batch { batches[index] }
}
