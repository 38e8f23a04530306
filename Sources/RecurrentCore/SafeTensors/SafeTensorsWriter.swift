import Foundation

/// The values of one tensor to be written: a shape and row-major scalars of one dtype.
public enum AnyTensorPayload: Sendable, Equatable {
    case float32(shape: [Int], scalars: [Float])
    case float64(shape: [Int], scalars: [Double])
    case int64(shape: [Int], scalars: [Int64])

    /// A `Float` tensor becomes F32, a `Double` tensor F64.
    public init<S: TensorScalar>(_ tensor: Tensor<S>) {
        if let t = tensor as? Tensor<Float> {
            self = .float32(shape: t.shape.dimensions, scalars: t.scalars)
        } else {
            self = .float64(shape: tensor.shape.dimensions, scalars: tensor.scalars.map(Double.init))
        }
    }

    /// The dtype the payload is written as.
    public var dtype: SafeTensorsDType {
        switch self {
        case .float32: return .float32
        case .float64: return .float64
        case .int64: return .int64
        }
    }

    /// The tensor's dimensions.
    public var shape: [Int] {
        switch self {
        case .float32(let shape, _), .float64(let shape, _), .int64(let shape, _): return shape
        }
    }

    var scalarCount: Int {
        switch self {
        case .float32(_, let s): return s.count
        case .float64(_, let s): return s.count
        case .int64(_, let s): return s.count
        }
    }

    func appendBytes(to out: inout [UInt8]) {
        func append<T: FixedWidthInteger>(_ values: some Sequence<T>) {
            for v in values { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        }
        switch self {
        case .float32(_, let s): append(s.lazy.map(\.bitPattern))
        case .float64(_, let s): append(s.lazy.map(\.bitPattern))
        case .int64(_, let s): append(s)
        }
    }
}

/// Writes safetensors files that the reference implementation (and ``SafeTensorsFile``) reads.
public enum SafeTensorsWriter {
    /// The file's bytes: tensors in the given order and contiguous, the JSON header padded with
    /// spaces so that the data section starts at a multiple of 8 bytes (as the reference
    /// implementation does), metadata keys sorted.
    public static func encode(
        tensors: [(String, AnyTensorPayload)], metadata: [String: String] = [:], name: String = "<memory>"
    ) throws(SafeTensorsError) -> Data {
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key.jsonQuoted):\($0.value.jsonQuoted)" }
            entries.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
        }
        var seen = Set<String>()
        var offset = 0
        for (tensorName, payload) in tensors {
            guard tensorName != "__metadata__", seen.insert(tensorName).inserted else {
                throw SafeTensorsError(.invalidName, file: name, tensor: tensorName,
                    tensorName == "__metadata__" ? "the name is reserved for metadata" : "the name is given twice")
            }
            guard checkedByteCount(payload.shape, elementSize: 1) == payload.scalarCount else {
                throw SafeTensorsError(.sizeMismatch, file: name, tensor: tensorName,
                    "\(payload.scalarCount) scalars do not fill shape \(payload.shape)")
            }
            let end = offset + payload.scalarCount * payload.dtype.byteSize
            let shape = payload.shape.map(String.init).joined(separator: ",")
            entries.append(tensorName.jsonQuoted
                + ":{\"dtype\":\"\(payload.dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: header)
        for (_, payload) in tensors { payload.appendBytes(to: &bytes) }
        return Data(bytes)
    }

    /// Encodes the tensors (see ``encode(tensors:metadata:name:)``) and replaces the file at
    /// `url` atomically (see ``atomicWrite(_:to:)``).
    public static func write(
        tensors: [(String, AnyTensorPayload)], metadata: [String: String] = [:], to url: URL
    ) throws {
        try atomicWrite(encode(tensors: tensors, metadata: metadata, name: url.lastPathComponent), to: url)
    }
}
