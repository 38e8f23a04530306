import RealModule

/// The element types a ``Tensor`` can hold: `Float` (the fast path) and `Double`
/// (the exact path used by gradient checks).
///
/// The kernels are reached through `package` entry points (`Kernels/`);
/// they are not part of the public API.
public protocol TensorScalar: Real, BinaryFloatingPoint, Sendable
where Self.RawSignificand: FixedWidthInteger {
    /// The safetensors dtype name ("F32" / "F64").
    static var dtypeName: String { get }
}

extension Float: TensorScalar {
    public static var dtypeName: String { "F32" }
}

extension Double: TensorScalar {
    public static var dtypeName: String { "F64" }
}
