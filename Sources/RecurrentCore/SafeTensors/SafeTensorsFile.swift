import Foundation

/// One tensor of a safetensors file: name, dtype, shape and its raw bytes.
public struct SafeTensorsEntry: Sendable, Equatable {
    /// The tensor's name in the file.
    public let name: String
    /// The element type.
    public let dtype: SafeTensorsDType
    /// The shape, outermost axis first.
    public let shape: [Int]
    /// Row-major, little-endian element bytes (`elementCount × dtype.byteSize` of them).
    public let bytes: [UInt8]

    /// The number of elements (1 for a scalar, shape `[]`).
    public var elementCount: Int { shape.reduce(1, *) }
}

/// A parsed, validated safetensors file (the format of Hugging Face's `safetensors`).
///
/// Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then the data
/// section. The JSON maps each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}`
/// (offsets relative to the data section) and may hold `"__metadata__": {string: string}`.
///
/// Every inconsistency throws a ``SafeTensorsError`` naming the file and the tensor; no input
/// makes the reader trap. As in the reference implementation, the tensors must cover the data
/// section exactly, without overlaps or unused bytes.
public struct SafeTensorsFile: Sendable {
    /// Headers longer than this are rejected as corrupt (the reference limit).
    public static let maxHeaderLength = 100_000_000

    /// The file name used in error messages.
    public let name: String
    /// The `__metadata__` strings (empty when the file has none).
    public let metadata: [String: String]
    /// The tensors in header order.
    public let entries: [SafeTensorsEntry]
    private let positions: [String: Int]

    /// Reads and validates the file at `url`.
    public init(contentsOf url: URL) throws(SafeTensorsError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SafeTensorsError(.fileSystem, file: url.lastPathComponent, "cannot read the file (\(error.localizedDescription))")
        }
        try self.init(data: data, name: url.lastPathComponent)
    }

    /// Parses and validates an in-memory safetensors buffer; `name` is used in error messages.
    public init(data: Data, name: String = "<memory>") throws(SafeTensorsError) {
        let bytes = [UInt8](data)
        let (members, dataStart) = try Self.header(of: bytes, file: name)
        let dataCount = bytes.count - dataStart
        var metadata: [String: String] = [:]
        var layouts: [Layout] = []
        for (key, value) in members {
            if key == "__metadata__" {
                metadata = try Self.metadata(value, file: name)
            } else {
                layouts.append(try Layout(name: key, entry: value, dataCount: dataCount, file: name))
            }
        }
        try Self.checkCoverage(layouts, dataCount: dataCount, file: name)

        self.name = name
        self.metadata = metadata
        entries = layouts.map {
            SafeTensorsEntry(name: $0.name, dtype: $0.dtype, shape: $0.shape,
                bytes: Array(bytes[(dataStart + $0.range.lowerBound)..<(dataStart + $0.range.upperBound)]))
        }
        positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
    }

    /// The header's members (in file order) and where the data section starts.
    private static func header(of bytes: [UInt8], file: String) throws(SafeTensorsError) -> ([(key: String, value: JSONValue)], Int) {
        guard bytes.count >= 8 else {
            throw SafeTensorsError(.fileTooShort, file: file, "the file has \(bytes.count) bytes, fewer than the 8-byte header length")
        }
        let declared = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard declared <= UInt64(maxHeaderLength) else {
            throw SafeTensorsError(.invalidHeaderLength, file: file, "header length \(declared) exceeds the limit of \(maxHeaderLength) bytes")
        }
        let headerLength = Int(declared)
        guard headerLength <= bytes.count - 8 else {
            throw SafeTensorsError(.invalidHeaderLength, file: file,
                "header length \(headerLength) runs past the end of the file (\(bytes.count) bytes)")
        }
        let headerBytes = Array(bytes[8..<(8 + headerLength)])
        guard String(validating: headerBytes, as: UTF8.self) != nil else {
            throw SafeTensorsError(.headerNotUTF8, file: file, "the header is not valid UTF-8")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(headerBytes)
        } catch {
            throw SafeTensorsError(.headerNotJSON, file: file, "the header is not valid JSON: \(error.message) at header byte \(error.offset)")
        }
        guard case .object(let members) = json else {
            throw SafeTensorsError(.headerNotObject, file: file, "the header is \(json.kindName), not a JSON object")
        }
        return (members, 8 + headerLength)
    }

    private static func metadata(_ value: JSONValue, file: String) throws(SafeTensorsError) -> [String: String] {
        guard case .object(let pairs) = value else {
            throw SafeTensorsError(.invalidMetadata, file: file, "__metadata__ is \(value.kindName), not an object of strings")
        }
        var metadata: [String: String] = [:]
        for (key, value) in pairs {
            guard case .string(let s) = value else {
                throw SafeTensorsError(.invalidMetadata, file: file, "__metadata__ value for '\(key)' is \(value.kindName), not a string")
            }
            metadata[key] = s
        }
        return metadata
    }

    /// As in the reference implementation, the tensors must tile the data section exactly.
    private static func checkCoverage(_ layouts: [Layout], dataCount: Int, file: String) throws(SafeTensorsError) {
        var covered = 0
        var previous = ""
        for t in layouts.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            if t.range.lowerBound < covered {
                throw SafeTensorsError(.overlappingTensors, file: file, tensor: t.name, "its bytes overlap tensor '\(previous)'")
            }
            guard t.range.lowerBound == covered else {
                throw SafeTensorsError(.unusedBytes, file: file,
                    "bytes \(covered)..<\(t.range.lowerBound) of the data section belong to no tensor")
            }
            covered = t.range.upperBound
            previous = t.name
        }
        guard covered == dataCount else {
            throw SafeTensorsError(.unusedBytes, file: file, "bytes \(covered)..<\(dataCount) of the data section belong to no tensor")
        }
    }

    /// The tensor names in header order.
    public var names: [String] { entries.map(\.name) }

    /// Whether the file holds a tensor called `name`.
    public func contains(_ name: String) -> Bool { positions[name] != nil }

    /// The entry called `name`; throws `.missingTensor`, listing the names that exist.
    public func entry(_ name: String) throws(SafeTensorsError) -> SafeTensorsEntry {
        guard let i = positions[name] else {
            let shown = names.prefix(20).joined(separator: ", ")
            let more = names.count > 20 ? ", … (\(names.count) in all)" : ""
            throw SafeTensorsError(.missingTensor, file: self.name, tensor: name,
                "no such tensor; the file has: \(names.isEmpty ? "(none)" : shown + more)")
        }
        return entries[i]
    }

    /// The tensor `name` converted to `S`; it may be stored as F64, F32, F16 or BF16.
    public func tensor<S: TensorScalar>(_ name: String, as type: S.Type = S.self) throws(SafeTensorsError) -> Tensor<S> {
        let e = try entry(name)
        let element: (UnsafeRawBufferPointer, Int) -> S
        switch e.dtype {
        case .float64: element = { S(Double(bitPattern: $0.littleEndian(UInt64.self, at: $1))) }
        case .float32: element = { S(Float(bitPattern: $0.littleEndian(UInt32.self, at: $1))) }
        case .float16: element = { S(floatFromHalf($0.littleEndian(UInt16.self, at: $1))) }
        case .bfloat16: element = { S(floatFromBFloat16($0.littleEndian(UInt16.self, at: $1))) }
        default:
            throw SafeTensorsError(.wrongDType, file: self.name, tensor: name,
                "dtype \(e.dtype.rawValue) is not a floating-point type (F64, F32, F16 or BF16)")
        }
        return e.bytes.withUnsafeBytes { raw in Tensor(shape: Shape(e.shape)) { element(raw, $0) } }
    }

    /// The integer tensor `name` as a flat row-major array; it may be stored as I64 or I32.
    public func int64Array(_ name: String) throws(SafeTensorsError) -> [Int64] {
        let e = try entry(name)
        switch e.dtype {
        case .int64: return e.bytes.withUnsafeBytes { raw in (0..<e.elementCount).map { Int64(bitPattern: raw.littleEndian(UInt64.self, at: $0)) } }
        case .int32: return e.bytes.withUnsafeBytes { raw in (0..<e.elementCount).map { Int64(Int32(bitPattern: raw.littleEndian(UInt32.self, at: $0))) } }
        default:
            throw SafeTensorsError(.wrongDType, file: self.name, tensor: name,
                "dtype \(e.dtype.rawValue) is not an integer type this reader converts (I64 or I32)")
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Element `index` of a packed little-endian array of `T`.
    fileprivate func littleEndian<T: FixedWidthInteger>(_: T.Type, at index: Int) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self))
    }
}

/// `elementSize` × the element count of `shape`, or nil when an entry is negative or the
/// product of the non-zero entries overflows (so that no partial product of the shape can
/// overflow later, whatever the order of its dimensions).
func checkedByteCount(_ shape: [Int], elementSize: Int) -> Int? {
    var product = elementSize
    for d in shape {
        guard d >= 0 else { return nil }
        let (p, overflow) = product.multipliedReportingOverflow(by: max(d, 1))
        guard !overflow else { return nil }
        product = p
    }
    return shape.contains(0) ? 0 : product
}

/// One validated header entry: where a tensor's bytes lie in the data section.
private struct Layout {
    let name: String
    let dtype: SafeTensorsDType
    let shape: [Int]
    let range: Range<Int>

    init(name: String, entry: JSONValue, dataCount: Int, file: String) throws(SafeTensorsError) {
        func fail(_ kind: SafeTensorsError.Kind, _ message: String) -> SafeTensorsError {
            SafeTensorsError(kind, file: file, tensor: name, message)
        }
        guard case .object(let fields) = entry else { throw fail(.invalidEntry, "the entry is \(entry.kindName), not an object") }
        func field(_ f: String) throws(SafeTensorsError) -> JSONValue {
            guard let v = fields.first(where: { $0.key == f })?.value else { throw fail(.invalidEntry, "the entry has no '\(f)'") }
            return v
        }
        guard case .string(let dtypeName) = try field("dtype") else { throw fail(.invalidEntry, "'dtype' is not a string") }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else { throw fail(.unknownDType, "unknown dtype '\(dtypeName)'") }
        guard case .array(let dims) = try field("shape") else { throw fail(.invalidShape, "'shape' is not a list") }
        var shape: [Int] = []
        for dim in dims {
            guard let d = dim.int, d >= 0 else { throw fail(.invalidShape, "shape entries must be non-negative integers") }
            shape.append(d)
        }
        guard let byteCount = checkedByteCount(shape, elementSize: dtype.byteSize) else {
            throw fail(.invalidShape, "the size of shape \(shape) overflows")
        }
        guard case .array(let offsets) = try field("data_offsets"), offsets.count == 2,
            let begin = offsets[0].int, let end = offsets[1].int, begin >= 0, begin <= end
        else {
            throw fail(.invalidOffsets, "'data_offsets' must be [begin, end] with 0 ≤ begin ≤ end")
        }
        guard end <= dataCount else {
            throw fail(.offsetsOutOfBounds, "data_offsets end \(end) is past the data section (\(dataCount) bytes)")
        }
        guard end - begin == byteCount else {
            throw fail(.sizeMismatch, "\(end - begin) bytes, but \(dtypeName) \(Shape(shape)) needs \(byteCount)")
        }
        self.name = name
        self.dtype = dtype
        self.shape = shape
        range = begin..<end
    }
}
