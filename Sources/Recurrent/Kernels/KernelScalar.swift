import _RecurrentKernels

/// The per-type entry points into the C kernels (`_RecurrentKernels`).
///
/// Implemented once for `Float` (`rk_s…`, `rk_sgemm…`) and once for `Double`
/// (`rk_d…`, `rk_dgemm…`), so generic code over ``TensorScalar`` calls the right kernel
/// with a static dispatch. Underscored: use ``gemm(_:_:_:_:_:alpha:beta:)`` and the
/// `Tensor` operations instead.
public protocol _KernelScalar {
    static func _gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
                      _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
                      _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    /// c1 = alpha·op(a)·b1 + beta·c1 and c2 = alpha·op(a)·b2 + beta·c2, op(a) packed once.
    static func _gemmSharedA(_ ta: Bool, _ m: Int, _ k: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int,
                             _ n1: Int, _ b1: UnsafePointer<Self>, _ ldb1: Int, _ c1: UnsafeMutablePointer<Self>, _ ldc1: Int,
                             _ n2: Int, _ b2: UnsafePointer<Self>, _ ldb2: Int, _ c2: UnsafeMutablePointer<Self>, _ ldc2: Int,
                             _ beta: Self)
    static func _packedSize(_ k: Int, _ n: Int) -> Int
    static func _packB(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Self>, _ ldb: Int,
                       _ packed: UnsafeMutablePointer<Self>)
    static func _gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
                            _ a: UnsafePointer<Self>, _ lda: Int, _ packed: UnsafePointer<Self>,
                            _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int)

    static func _activate(_ kind: ActivationKind, _ n: Int, _ x: UnsafePointer<Self>, _ y: UnsafeMutablePointer<Self>)
    static func _activationBackward(_ kind: ActivationKind, _ n: Int, _ y: UnsafePointer<Self>, _ g: UnsafeMutablePointer<Self>)
    static func _addBiasActivate(_ rows: Int, _ cols: Int, _ bias: UnsafePointer<Self>?, _ x: UnsafeMutablePointer<Self>, _ act: ActivationKind)
    static func _sumRows(_ rows: Int, _ cols: Int, _ x: UnsafePointer<Self>, _ out: UnsafeMutablePointer<Self>)
    static func _axpy(_ n: Int, _ a: Self, _ x: UnsafePointer<Self>, _ y: UnsafeMutablePointer<Self>)
    static func _scale(_ n: Int, _ a: Self, _ x: UnsafeMutablePointer<Self>)
    static func _sum(_ n: Int, _ x: UnsafePointer<Self>) -> Double
    static func _dot(_ n: Int, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>) -> Double
    static func _sumsq(_ n: Int, _ x: UnsafePointer<Self>) -> Double
    static func _maxabs(_ n: Int, _ x: UnsafePointer<Self>) -> Double
}

/// Elementwise activation functions the kernels implement.
public enum ActivationKind: Int32, Sendable, CaseIterable {
    case identity = 0, tanh = 1, relu = 2, sigmoid = 3
}
