/// The element types of the safetensors format, with their header names.
public enum SafeTensorsDType: String, CaseIterable, Sendable {
    /// Booleans, one byte each.
    case bool = "BOOL"
    /// Unsigned 8-bit integers.
    case uint8 = "U8"
    /// Signed 8-bit integers.
    case int8 = "I8"
    /// 8-bit floats with 4 exponent and 3 mantissa bits.
    case float8E4M3 = "F8_E4M3"
    /// 8-bit floats with 5 exponent and 2 mantissa bits.
    case float8E5M2 = "F8_E5M2"
    /// Signed 16-bit integers.
    case int16 = "I16"
    /// Unsigned 16-bit integers.
    case uint16 = "U16"
    /// IEEE half-precision floats (read, converted to the module's scalar).
    case float16 = "F16"
    /// bfloat16: the upper 16 bits of a float32 (read, converted).
    case bfloat16 = "BF16"
    /// Signed 32-bit integers.
    case int32 = "I32"
    /// Unsigned 32-bit integers.
    case uint32 = "U32"
    /// IEEE single-precision floats (what `Tensor<Float>` writes).
    case float32 = "F32"
    /// Signed 64-bit integers.
    case int64 = "I64"
    /// Unsigned 64-bit integers.
    case uint64 = "U64"
    /// IEEE double-precision floats (what `Tensor<Double>` writes).
    case float64 = "F64"

    /// Bytes per element.
    public var byteSize: Int {
        switch self {
        case .bool, .uint8, .int8, .float8E4M3, .float8E5M2: return 1
        case .int16, .uint16, .float16, .bfloat16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        }
    }
}

/// IEEE 754 binary16 → Float (exact; written out so that it works where `Float16` is unavailable).
func floatFromHalf(_ bits: UInt16) -> Float {
    let sign: Float = bits & 0x8000 != 0 ? -1 : 1
    let exponent = Int((bits >> 10) & 0x1F)
    let mantissa = Float(bits & 0x3FF)
    switch exponent {
    case 0: return sign * mantissa * 0x1p-24  // zero and subnormals
    case 31: return mantissa == 0 ? sign * .infinity : .nan
    default: return sign * (1 + mantissa * 0x1p-10) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
}

/// bfloat16 → Float: the top 16 bits of a binary32.
func floatFromBFloat16(_ bits: UInt16) -> Float { Float(bitPattern: UInt32(bits) << 16) }
