import Foundation
@testable import Recurrent

/// Locates committed fixture folders relative to this source file (works on a clean clone).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func files(in folder: String, extension ext: String = "safetensors") -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }
}

/// A minimal safetensors reader for test fixtures.
struct FixtureFile {
    let metadata: [String: String]
    let entries: [String: (dtype: String, shape: [Int], range: Range<Int>)]
    let data: Data
    let name: String

    init(_ url: URL) throws {
        name = url.lastPathComponent
        data = try Data(contentsOf: url)
        let n = data.prefix(8).enumerated().reduce(0) { $0 | (Int($1.element) << (8 * $1.offset)) }
        let header = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<(8 + n))) as! [String: Any]
        metadata = header["__metadata__"] as? [String: String] ?? [:]
        var e: [String: (String, [Int], Range<Int>)] = [:]
        for (k, v) in header where k != "__metadata__" {
            let d = v as! [String: Any]
            let off = d["data_offsets"] as! [Int]
            e[k] = (d["dtype"] as! String, d["shape"] as! [Int], (8 + n + off[0])..<(8 + n + off[1]))
        }
        entries = e
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    func tensor<S: TensorScalar>(_ key: String, as: S.Type = S.self) -> Tensor<S> {
        guard let e = entries[key] else { fatalError("\(name): no tensor \(key)") }
        let bytes = data.subdata(in: e.range)
        let values: [S] = bytes.withUnsafeBytes { raw in
            switch e.dtype {
            case "F32": return raw.bindMemory(to: Float.self).map { S($0) }
            case "F64": return raw.bindMemory(to: Double.self).map { S($0) }
            case "I64": return raw.bindMemory(to: Int64.self).map { S($0) }
            default: fatalError("dtype \(e.dtype)")
            }
        }
        return try! Tensor(shape: Shape(e.shape), scalars: values)
    }

    func ints(_ key: String) -> [Int] {
        let bytes = data.subdata(in: entries[key]!.range)
        return bytes.withUnsafeBytes { $0.bindMemory(to: Int64.self).map { Int($0) } }
    }
}
