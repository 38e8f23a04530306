import Foundation
@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// The committed fixture folders, located relative to this source file (works on a clean clone).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// The files with extension `ext` in Fixtures/<name>, sorted.
    static func files(in name: String, extension ext: String = "safetensors") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder(name).path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder(name).appendingPathComponent($0) }
    }
}

/// The `.safetensors` file names in Tests/RecurrentTests/Fixtures/<folder>, sorted.
func fixtureNames(_ folder: String) -> [String] { Fixtures.files(in: folder).map(\.lastPathComponent) }
func fixtureFolder(_ folder: String) -> URL { Fixtures.folder(folder) }

/// A PyTorch fixture (safetensors, read by the library's own reader) with test conveniences.
struct Fixture {
    let file: SafeTensorsFile
    var name: String { file.name }
    var metadata: [String: String] { file.metadata }

    init(url: URL) throws { file = try SafeTensorsFile(contentsOf: url) }

    func has(_ key: String) -> Bool { file.contains(key) }
    func shape(_ key: String) -> Shape { Shape(try! file.entry(key).shape) }
    func tensor<S: TensorScalar>(_ key: String, as: S.Type = S.self) -> Tensor<S> {
        if let t = try? file.tensor(key, as: S.self) { return t }
        return try! Tensor(shape: shape(key), scalars: ints(key).map { S($0) })
    }
    /// The values of an F32, F64 or I64 tensor as Doubles.
    func doubles(_ key: String) -> [Double] { tensor(key, as: Double.self).scalars }
    func ints(_ key: String) -> [Int] { try! file.int64Array(key).map { Int($0) } }
    func number(_ key: String) -> Double { Double(metadata[key]!)! }
    func flag(_ key: String) -> Bool { metadata[key] == "1" }
}
func loadFixture(_ folder: String, _ name: String) throws -> Fixture {
    try Fixture(url: fixtureFolder(folder).appendingPathComponent(name))
}

/// The largest |got − expected| / max(|expected|, 1e-2·max|expected|) over the elements: a
/// relative error with a floor for entries near zero, scaled to the tensor.
func relativeDifference(_ got: [Double], _ expected: [Double]) -> Double {
    precondition(got.count == expected.count, "\(got.count) values compared with \(expected.count)")
    let floor = 1e-2 * (expected.map(abs).max() ?? 0)
    return zip(got, expected).map { abs($0 - $1) / max(abs($1), floor, .leastNormalMagnitude) }.max() ?? 0
}
