/// A malformed safetensors file, a failed lookup or a failed write.
///
/// The description names the file and, where there is one, the tensor:
/// `model.safetensors: tensor 'weight_ih_l0': 48 bytes, but F32 (12, 3) needs 144`.
public struct SafeTensorsError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, for code that reacts to a specific problem.
    public enum Kind: Sendable, Equatable {
        /// Fewer than the 8 bytes of the header length.
        case fileTooShort
        /// The header length runs past the end of the file or exceeds the 100 MB limit.
        case invalidHeaderLength
        /// The header is not valid UTF-8.
        case headerNotUTF8
        /// The header is not valid JSON.
        case headerNotJSON
        /// The header is valid JSON but not an object.
        case headerNotObject
        /// `__metadata__` is not an object whose values are all strings.
        case invalidMetadata
        /// A tensor entry is not an object with `dtype`, `shape` and `data_offsets`.
        case invalidEntry
        /// A dtype this library does not know.
        case unknownDType
        /// A shape with a non-integer or negative entry, or whose byte size overflows.
        case invalidShape
        /// `data_offsets` is not `[begin, end]` with `0 ≤ begin ≤ end`.
        case invalidOffsets
        /// `data_offsets` ends past the end of the data section.
        case offsetsOutOfBounds
        /// The byte count does not equal the shape's element count × the dtype's size.
        case sizeMismatch
        /// Two tensors share bytes.
        case overlappingTensors
        /// Bytes of the data section that belong to no tensor (a gap or trailing bytes).
        case unusedBytes
        /// No tensor with the requested name.
        case missingTensor
        /// The tensor's dtype cannot be read as the requested type.
        case wrongDType
        /// A write was asked for a reserved or repeated name.
        case invalidName
        /// The file could not be read or written.
        case fileSystem
    }

    /// Which check failed.
    public let kind: Kind
    /// The file's name (or `<memory>` for a buffer).
    public let file: String
    /// The tensor concerned, when there is one.
    public let tensor: String?
    /// What is wrong, without the file and tensor prefix.
    public let message: String

    /// An error of `kind` in `file` (about `tensor`, when given).
    public init(_ kind: Kind, file: String, tensor: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.tensor = tensor
        self.message = message
    }

    public var description: String {
        if let tensor { return "\(file): tensor '\(tensor)': \(message)" }
        return "\(file): \(message)"
    }
}
