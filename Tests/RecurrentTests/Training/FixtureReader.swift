import Foundation
@testable import Recurrent

/// A minimal, test-only safetensors reader for the PyTorch fixtures: an 8-byte little-endian
/// header length, a JSON header (`dtype`, `shape`, `data_offsets`, `__metadata__`), raw data.
struct Fixture {
    let name: String
    let metadata: [String: String]
    private let entries: [String: (dtype: String, shape: [Int], bytes: Data)]

    init(url: URL) throws {
        name = url.lastPathComponent
        let data = try Data(contentsOf: url)
        let headerLength = Int(data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) })
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + headerLength))) as! [String: Any]
        metadata = header["__metadata__"] as? [String: String] ?? [:]
        var entries: [String: (String, [Int], Data)] = [:]
        for (key, value) in header where key != "__metadata__" {
            let info = value as! [String: Any]
            let offsets = info["data_offsets"] as! [Int]
            let start = 8 + headerLength
            entries[key] = (info["dtype"] as! String, info["shape"] as! [Int],
                            data.subdata(in: (start + offsets[0])..<(start + offsets[1])))
        }
        self.entries = entries
    }

    func shape(_ key: String) -> Shape { Shape(entries[key]!.shape) }

    /// The values of an F32, F64 or I64 tensor as Doubles.
    func doubles(_ key: String) -> [Double] {
        guard let e = entries[key] else { fatalError("\(name): no tensor '\(key)'") }
        return e.bytes.withUnsafeBytes { raw in
            switch e.dtype {
            case "F32": return (0..<(raw.count / 4)).map { Double(raw.loadUnaligned(fromByteOffset: 4 * $0, as: Float.self)) }
            case "F64": return (0..<(raw.count / 8)).map { raw.loadUnaligned(fromByteOffset: 8 * $0, as: Double.self) }
            case "I64": return (0..<(raw.count / 8)).map { Double(raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
            default: fatalError("\(name): unsupported dtype \(e.dtype)")
            }
        }
    }

    func tensor<S: TensorScalar>(_ key: String, as: S.Type = S.self) -> Tensor<S> {
        try! Tensor(shape: shape(key), scalars: doubles(key).map { S($0) })
    }

    func number(_ key: String) -> Double { Double(metadata[key]!)! }
    func flag(_ key: String) -> Bool { metadata[key] == "1" }
}

/// The `.safetensors` file names in Tests/RecurrentTests/Fixtures/<folder>, sorted.
func fixtureNames(_ folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder(folder).path)) ?? []
    return names.filter { $0.hasSuffix(".safetensors") }.sorted()
}

func fixtureFolder(_ folder: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(folder)
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
