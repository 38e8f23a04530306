import RealModule

/// The element types a ``Tensor`` can hold: `Float` (the fast path) and `Double`
/// (the exact path used by gradient checks).
///
/// The kernel hooks (`_gemm`, `_sigmoid`, …) live in ``_KernelScalar``; they are
/// implemented once per type in `Kernels/` and are not meant to be called directly.
public protocol TensorScalar: Real, BinaryFloatingPoint, _KernelScalar, _CellKernelScalar, Sendable
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
