import Foundation
import Testing

@testable import RecurrentCore
@testable import RecurrentLayers
@testable import RecurrentTraining
@testable import RecurrentData
@testable import RecurrentModels
@testable import RecurrentDiagnostics
@testable import RecurrentDistributed
@testable import RecurrentTasks

/// A safetensors buffer from a header string (padded like the reference) and data bytes.
private func buffer(_ header: String, _ data: [UInt8] = [], pad: Bool = true) -> Data {
    var h = Array(header.utf8)
    if pad { h += repeatElement(UInt8(ascii: " "), count: (8 - h.count % 8) % 8) }
    return Data(withUnsafeBytes(of: UInt64(h.count).littleEndian, Array.init) + h + data)
}

private func littleEndianBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
}

/// Expects parsing `data` to fail with `kind`, the message naming the file (and `tensor`).
private func expectError(
    _ kind: SafeTensorsError.Kind, tensor: String? = nil, _ data: Data, sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try SafeTensorsFile(data: data, name: "bad.safetensors")
        Issue.record("expected \(kind), but the buffer parsed", sourceLocation: sourceLocation)
    } catch {
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("bad.safetensors: "), sourceLocation: sourceLocation)
        #expect(error.tensor == tensor, "\(error)", sourceLocation: sourceLocation)
        if let tensor { #expect(error.description.contains("'\(tensor)'"), sourceLocation: sourceLocation) }
    }
}

@Suite struct SafeTensorsTests {
    static let f32x2 = #"{"dtype":"F32","shape":[2],"data_offsets":[0,8]}"#

    @Test func roundTripsFloatDoubleInt64AndMetadata() throws {
        let w = try Tensor<Float>(shape: [2, 3], scalars: [1, -2, 3.5, .infinity, -0.0, 1e-30])
        let b = try Tensor<Double>(shape: [4], scalars: [0.1, -1e300, .pi, 42])
        let scalar = try Tensor<Double>(shape: [], scalars: [7])
        let empty = Tensor<Float>(zeros: [0, 3])
        let metadata = ["format": "pt", "note": "quote \" backslash \\ newline \n tab \t é ✓", "": "empty key"]
        let tensors: [(String, AnyTensorPayload)] = [
            ("weight", AnyTensorPayload(w)), ("bias", AnyTensorPayload(b)),
            ("lengths", .int64(shape: [3], scalars: [5, -1, .max])), ("scalar", AnyTensorPayload(scalar)),
            ("empty", AnyTensorPayload(empty)), ("name with \"quotes\" ü", .int64(shape: [1], scalars: [1])),
        ]
        let data = try SafeTensorsWriter.encode(tensors: tensors, metadata: metadata)
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect((8 + headerLength) % 8 == 0)

        let file = try SafeTensorsFile(data: data)
        #expect(file.names == tensors.map(\.0))
        #expect(file.metadata == metadata)
        #expect(try file.tensor("weight", as: Float.self) == w)
        #expect(try file.tensor("bias", as: Double.self) == b)
        #expect(try file.tensor("bias", as: Float.self) == b.converted(to: Float.self))
        #expect(try file.tensor("weight", as: Double.self) == w.converted(to: Double.self))
        #expect(try file.int64Array("lengths") == [5, -1, .max])
        #expect(try file.tensor("scalar", as: Double.self) == scalar)
        #expect(try file.tensor("empty", as: Float.self).shape == [0, 3])
        #expect(file.contains("name with \"quotes\" ü") && !file.contains("nope"))
        #expect(try file.entry("lengths").dtype == .int64 && file.entry("weight").shape == [2, 3])

        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("model.safetensors")
        try SafeTensorsWriter.write(tensors: tensors, metadata: metadata, to: url)
        #expect(try Data(contentsOf: url) == data)
        #expect(try SafeTensorsFile(contentsOf: url).tensor("weight", as: Float.self) == w)
    }

    @Test func readsAHandMadeBufferInEveryFloatAndIntegerDType() throws {
        // Header order differs from data order; the header is padded with spaces.
        let header = #"{"__metadata__":{"format":"pt"},"d":{"dtype":"F64","shape":[],"data_offsets":[8,16]},"#
            + #""f":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
            + #""h":{"dtype":"F16","shape":[2,2],"data_offsets":[16,24]},"#
            + #""bf":{"dtype":"BF16","shape":[2],"data_offsets":[24,28]},"#
            + #""i":{"dtype":"I32","shape":[2],"data_offsets":[28,36]}}"#
        let data = littleEndianBytes([Float(1.5).bitPattern, Float(-2).bitPattern])
            + littleEndianBytes([Double(3.25).bitPattern])
            + littleEndianBytes([UInt16(0x3C00), 0xC000, 0x0001, 0x7C00])  // 1, -2, 2^-24, +inf
            + littleEndianBytes([UInt16(0x3FC0), 0xC120])  // 1.5, -10
            + littleEndianBytes([Int32(-7), .max])
        let file = try SafeTensorsFile(data: buffer(header, data))
        #expect(file.names == ["d", "f", "h", "bf", "i"])
        #expect(file.metadata == ["format": "pt"])
        #expect(try file.tensor("f", as: Float.self).scalars == [1.5, -2])
        #expect(try file.tensor("d", as: Double.self).scalars == [3.25])
        #expect(try file.tensor("h", as: Float.self).scalars == [1, -2, 0x1p-24, .infinity])
        #expect(try file.tensor("bf", as: Double.self).scalars == [1.5, -10])
        #expect(try file.int64Array("i") == [-7, Int64(Int32.max)])
    }

    @Test func readsTheFixturesWrittenByThePythonScripts() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/losses/ce_mean.safetensors")
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(file.metadata["loss"] == "cross_entropy")
        #expect(file.names == file.names.sorted())
        let input = try file.tensor("input", as: Float.self)
        #expect(input.rank == 2 && input.isFinite)
        #expect(try file.int64Array("target").count == input.shape[0])
    }

    @Test func rejectsEachMalformedHeaderWithItsOwnError() {
        let ok = [UInt8](repeating: 0, count: 8)
        expectError(.fileTooShort, Data([1, 0, 0]))
        expectError(.invalidHeaderLength, Data(littleEndianBytes([UInt64(100)]) + Array("{}".utf8)))
        expectError(.invalidHeaderLength, Data(littleEndianBytes([UInt64(200_000_000)]) + Array("{}".utf8)))
        expectError(.invalidHeaderLength, Data(littleEndianBytes([UInt64.max]) + Array("{}".utf8)))
        expectError(.headerNotUTF8, Data(littleEndianBytes([UInt64(2)]) + [0xC3, 0x28]))
        expectError(.headerNotJSON, buffer(#"{"a":"#))
        expectError(.headerNotJSON, buffer(#"{"a":1,"a":2}"#))
        expectError(.headerNotJSON, buffer(#"{} x"#))
        expectError(.headerNotJSON, buffer(""))
        expectError(.headerNotObject, buffer("[1,2]"))
        expectError(.invalidMetadata, buffer(#"{"__metadata__":{"k":1}}"#))
        expectError(.invalidMetadata, buffer(#"{"__metadata__":"x"}"#))
        expectError(.invalidEntry, tensor: "a", buffer(#"{"a":5}"#))
        expectError(.invalidEntry, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[2]}}"#, ok))
        expectError(.invalidEntry, tensor: "a", buffer(#"{"a":{"dtype":4,"shape":[2],"data_offsets":[0,8]}}"#, ok))
        expectError(.unknownDType, tensor: "a", buffer(#"{"a":{"dtype":"F128","shape":[2],"data_offsets":[0,8]}}"#, ok))
        expectError(.invalidShape, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}"#, ok))
        expectError(.invalidShape, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[2.0],"data_offsets":[0,8]}}"#, ok))
        expectError(.invalidShape, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":"2","data_offsets":[0,8]}}"#, ok))
        expectError(.invalidShape, tensor: "a",
            buffer(#"{"a":{"dtype":"F64","shape":[4611686018427387904,4],"data_offsets":[0,8]}}"#, ok))
        expectError(.invalidShape, tensor: "a",
            buffer(#"{"a":{"dtype":"F32","shape":[0,4611686018427387904,4],"data_offsets":[0,0]}}"#, ok))
        expectError(.invalidShape, tensor: "a",
            buffer(#"{"a":{"dtype":"F32","shape":[99999999999999999999],"data_offsets":[0,8]}}"#, ok))
        expectError(.invalidOffsets, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}"#, ok))
        expectError(.invalidOffsets, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}"#, ok))
        expectError(.invalidOffsets, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[0],"data_offsets":[-8,0]}}"#, ok))
        expectError(.offsetsOutOfBounds, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, ok))
        expectError(.sizeMismatch, tensor: "a", buffer(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, ok))
        expectError(.overlappingTensors, tensor: "b",
            buffer(#"{"a":\#(Self.f32x2),"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#, ok + [0, 0, 0, 0]))
        expectError(.unusedBytes, buffer(#"{"a":\#(Self.f32x2)}"#, ok + [0]))
        expectError(.unusedBytes, buffer(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, ok))
    }

    @Test func lookupErrorsNameTheTensorAndWhatExists() throws {
        let file = try SafeTensorsFile(
            data: buffer(#"{"w":\#(Self.f32x2),"n":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}"#, .init(repeating: 0, count: 16)),
            name: "m.safetensors")
        #expect(throws: SafeTensorsError.self) { try file.tensor("bias", as: Float.self) }
        do {
            _ = try file.tensor("bias", as: Float.self)
        } catch {
            #expect(error.kind == .missingTensor)
            #expect(error.description == "m.safetensors: tensor 'bias': no such tensor; the file has: w, n")
        }
        do {
            _ = try file.tensor("n", as: Float.self)
        } catch {
            #expect(error.kind == .wrongDType && error.description.contains("'n'") && error.description.contains("I64"))
        }
        do {
            _ = try file.int64Array("w")
        } catch {
            #expect(error.kind == .wrongDType && error.description.contains("F32"))
        }
    }

    @Test func writerRejectsReservedRepeatedAndMisshapenTensors() {
        let one = AnyTensorPayload.int64(shape: [1], scalars: [1])
        func kind(_ tensors: [(String, AnyTensorPayload)]) -> SafeTensorsError.Kind? {
            do { _ = try SafeTensorsWriter.encode(tensors: tensors) } catch { return error.kind }
            return nil
        }
        #expect(kind([("__metadata__", one)]) == .invalidName)
        #expect(kind([("a", one), ("a", one)]) == .invalidName)
        #expect(kind([("a", .float32(shape: [2, 2], scalars: [1, 2, 3]))]) == .sizeMismatch)
        #expect(kind([("a", .float64(shape: [-1], scalars: []))]) == .sizeMismatch)
        #expect(kind([("a", .float64(shape: [1 << 40, 1 << 40, 0], scalars: []))]) == .sizeMismatch)
        #expect(kind([]) == nil)
    }

    /// Every truncation and thousands of random header corruptions must throw or parse; never trap.
    @Test func fuzzedFilesThrowOrParseButNeverTrap() throws {
        let valid = try SafeTensorsWriter.encode(
            tensors: [
                ("a", .float32(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])),
                ("b", .int64(shape: [2], scalars: [7, 8])),
                ("c", .float64(shape: [], scalars: [9])),
            ],
            metadata: ["k": "v", "unicode": "ü\u{1F600}"])
        let bytes = [UInt8](valid)
        for length in 0..<bytes.count {
            #expect(throws: SafeTensorsError.self) { try SafeTensorsFile(data: Data(bytes[..<length])) }
        }
        let headerEnd = 8 + bytes[..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        var rng = RandomGenerator(seed: 2024)
        var parsed = 0
        for _ in 0..<3000 {
            var corrupt = bytes
            for _ in 0...rng.index(below: 3) {
                let i = rng.index(below: headerEnd)
                corrupt[i] = rng.index(below: 2) == 0 ? UInt8(rng.index(below: 256)) : corrupt[i] ^ (1 << UInt8(rng.index(below: 8)))
            }
            guard let file = try? SafeTensorsFile(data: Data(corrupt)) else { continue }
            parsed += 1
            for e in file.entries {  // whatever parsed must also be readable
                if e.dtype == .int64 || e.dtype == .int32 {
                    #expect(try file.int64Array(e.name).count == e.elementCount)
                } else if let t = try? file.tensor(e.name, as: Double.self) {
                    #expect(t.count == e.elementCount)
                }
            }
        }
        #expect(parsed > 0)  // some flips (in metadata strings, padding) leave a valid file
    }
}

/// A fresh, empty directory under the system's temporary directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("recurrent-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
