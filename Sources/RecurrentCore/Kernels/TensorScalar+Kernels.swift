import _RecurrentKernels

// The Swift face of the C kernels (`_RecurrentKernels`), one entry point per kernel for any
// ``TensorScalar``. Each picks the `Float` (`rk_s…`, `rk_sgemm…`) or `Double` (`rk_d…`,
// `rk_dgemm…`) kernel by a test of `Self` that specialised code folds away, so no
// kernel hook has to be a (public) protocol requirement. `package`: the layers of the
// library call these; users call ``gemm(_:_:_:_:_:alpha:beta:)`` and the `Tensor` operations.
extension TensorScalar {
    @inlinable @inline(__always)
    package static func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int, _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int) {
        if Self.self == Float.self {
            rk_sgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, fs(alpha), fp(a), lda, fp(b), ldb, fs(beta), fm(c), ldc)
        } else {
            rk_dgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, ds(alpha), dp(a), lda, dp(b), ldb, ds(beta), dm(c), ldc)
        }
    }

    @inlinable @inline(__always)
    package static func gemmSharedA(_ ta: Bool, _ m: Int, _ k: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int, _ n1: Int, _ b1: UnsafePointer<Self>, _ ldb1: Int, _ c1: UnsafeMutablePointer<Self>, _ ldc1: Int, _ n2: Int, _ b2: UnsafePointer<Self>, _ ldb2: Int, _ c2: UnsafeMutablePointer<Self>, _ ldc2: Int, _ beta: Self) {
        if Self.self == Float.self {
            rk_sgemm_shared_a(ta ? 1 : 0, m, k, fs(alpha), fp(a), lda, n1, fp(b1), ldb1, fm(c1), ldc1, n2, fp(b2), ldb2, fm(c2), ldc2, fs(beta))
        } else {
            rk_dgemm_shared_a(ta ? 1 : 0, m, k, ds(alpha), dp(a), lda, n1, dp(b1), ldb1, dm(c1), ldc1, n2, dp(b2), ldb2, dm(c2), ldc2, ds(beta))
        }
    }

    @inlinable @inline(__always)
    package static func packedSize(_ k: Int, _ n: Int) -> Int {
        if Self.self == Float.self {
            Int(rk_sgemm_packed_b_size(k, n))
        } else {
            Int(rk_dgemm_packed_b_size(k, n))
        }
    }

    @inlinable @inline(__always)
    package static func packB(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Self>, _ ldb: Int, _ packed: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_sgemm_pack_b(tb ? 1 : 0, k, n, fp(b), ldb, fm(packed))
        } else {
            rk_dgemm_pack_b(tb ? 1 : 0, k, n, dp(b), ldb, dm(packed))
        }
    }

    @inlinable @inline(__always)
    package static func gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self, _ a: UnsafePointer<Self>, _ lda: Int, _ packed: UnsafePointer<Self>, _ beta: Self, _ c: UnsafeMutablePointer<Self>, _ ldc: Int) {
        if Self.self == Float.self {
            rk_sgemm_packed(ta ? 1 : 0, m, n, k, fs(alpha), fp(a), lda, fp(packed), fs(beta), fm(c), ldc)
        } else {
            rk_dgemm_packed(ta ? 1 : 0, m, n, k, ds(alpha), dp(a), lda, dp(packed), ds(beta), dm(c), ldc)
        }
    }

    @inlinable @inline(__always)
    package static func activate(_ kind: ActivationKind, _ n: Int, _ x: UnsafePointer<Self>, _ y: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            switch kind {
            case .identity: if UnsafePointer(fm(y)) != fp(x) { fm(y).update(from: fp(x), count: n) }
            case .tanh: rk_s_tanh(n, fp(x), fm(y))
            case .relu: rk_s_relu(n, fp(x), fm(y))
            case .sigmoid: rk_s_sigmoid(n, fp(x), fm(y))
            }
        } else {
            switch kind {
            case .identity: if UnsafePointer(dm(y)) != dp(x) { dm(y).update(from: dp(x), count: n) }
            case .tanh: rk_d_tanh(n, dp(x), dm(y))
            case .relu: rk_d_relu(n, dp(x), dm(y))
            case .sigmoid: rk_d_sigmoid(n, dp(x), dm(y))
            }
        }
    }

    @inlinable @inline(__always)
    package static func activationBackward(_ kind: ActivationKind, _ n: Int, _ y: UnsafePointer<Self>, _ g: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            switch kind {
            case .identity: break
            case .tanh: rk_s_tanh_backward(n, fp(y), fm(g))
            case .relu: rk_s_relu_backward(n, fp(y), fm(g))
            case .sigmoid: rk_s_sigmoid_backward(n, fp(y), fm(g))
            }
        } else {
            switch kind {
            case .identity: break
            case .tanh: rk_d_tanh_backward(n, dp(y), dm(g))
            case .relu: rk_d_relu_backward(n, dp(y), dm(g))
            case .sigmoid: rk_d_sigmoid_backward(n, dp(y), dm(g))
            }
        }
    }

    @inlinable @inline(__always)
    package static func addBiasActivate(_ rows: Int, _ cols: Int, _ bias: UnsafePointer<Self>?, _ x: UnsafeMutablePointer<Self>, _ act: ActivationKind) {
        if Self.self == Float.self {
            rk_s_add_bias_act(rows, cols, fpo(bias), fm(x), act.rawValue)
        } else {
            rk_d_add_bias_act(rows, cols, dpo(bias), dm(x), act.rawValue)
        }
    }

    @inlinable @inline(__always)
    package static func sumRows(_ rows: Int, _ cols: Int, _ x: UnsafePointer<Self>, _ out: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_sum_rows(rows, cols, fp(x), fm(out))
        } else {
            rk_d_sum_rows(rows, cols, dp(x), dm(out))
        }
    }

    @inlinable @inline(__always)
    package static func axpy(_ n: Int, _ a: Self, _ x: UnsafePointer<Self>, _ y: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_axpy(n, fs(a), fp(x), fm(y))
        } else {
            rk_d_axpy(n, ds(a), dp(x), dm(y))
        }
    }

    @inlinable @inline(__always)
    package static func scale(_ n: Int, _ a: Self, _ x: UnsafeMutablePointer<Self>) {
        if Self.self == Float.self {
            rk_s_scale(n, fs(a), fm(x))
        } else {
            rk_d_scale(n, ds(a), dm(x))
        }
    }

    @inlinable @inline(__always)
    package static func sum(_ n: Int, _ x: UnsafePointer<Self>) -> Double {
        if Self.self == Float.self {
            rk_s_sum(n, fp(x))
        } else {
            rk_d_sum(n, dp(x))
        }
    }

    @inlinable @inline(__always)
    package static func dot(_ n: Int, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>) -> Double {
        if Self.self == Float.self {
            rk_s_dot(n, fp(x), fp(y))
        } else {
            rk_d_dot(n, dp(x), dp(y))
        }
    }

    @inlinable @inline(__always)
    package static func sumsq(_ n: Int, _ x: UnsafePointer<Self>) -> Double {
        if Self.self == Float.self {
            rk_s_sumsq(n, fp(x))
        } else {
            rk_d_sumsq(n, dp(x))
        }
    }

    @inlinable @inline(__always)
    package static func maxabs(_ n: Int, _ x: UnsafePointer<Self>) -> Double {
        if Self.self == Float.self {
            rk_s_maxabs(n, fp(x))
        } else {
            rk_d_maxabs(n, dp(x))
        }
    }
}

// Pointer and value views of a `Self` known (by the test above) to be `Float` or `Double`.
@usableFromInline @inline(__always) func fs<S: TensorScalar>(_ x: S) -> Float { unsafeBitCast(x, to: Float.self) }
@usableFromInline @inline(__always) func ds<S: TensorScalar>(_ x: S) -> Double { unsafeBitCast(x, to: Double.self) }
@usableFromInline @inline(__always) func fp<S>(_ p: UnsafePointer<S>) -> UnsafePointer<Float> { UnsafeRawPointer(p).assumingMemoryBound(to: Float.self) }
@usableFromInline @inline(__always) func dp<S>(_ p: UnsafePointer<S>) -> UnsafePointer<Double> { UnsafeRawPointer(p).assumingMemoryBound(to: Double.self) }
@usableFromInline @inline(__always) func fm<S>(_ p: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Float> { UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self) }
@usableFromInline @inline(__always) func dm<S>(_ p: UnsafeMutablePointer<S>) -> UnsafeMutablePointer<Double> { UnsafeMutableRawPointer(p).assumingMemoryBound(to: Double.self) }
@usableFromInline @inline(__always) func fpo<S>(_ p: UnsafePointer<S>?) -> UnsafePointer<Float>? { p.map(fp) }
@usableFromInline @inline(__always) func dpo<S>(_ p: UnsafePointer<S>?) -> UnsafePointer<Double>? { p.map(dp) }
@usableFromInline @inline(__always) func fmo<S>(_ p: UnsafeMutablePointer<S>?) -> UnsafeMutablePointer<Float>? { p.map(fm) }
@usableFromInline @inline(__always) func dmo<S>(_ p: UnsafeMutablePointer<S>?) -> UnsafeMutablePointer<Double>? { p.map(dm) }
