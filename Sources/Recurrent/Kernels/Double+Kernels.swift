import _RecurrentKernels

extension Double: _KernelScalar {
    @inlinable @inline(__always)
    public static func _gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
                             _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
                             _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
        rk_dgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    public static func _gemmSharedA(_ ta: Bool, _ m: Int, _ k: Int, _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
                                    _ n1: Int, _ b1: UnsafePointer<Double>, _ ldb1: Int, _ c1: UnsafeMutablePointer<Double>, _ ldc1: Int,
                                    _ n2: Int, _ b2: UnsafePointer<Double>, _ ldb2: Int, _ c2: UnsafeMutablePointer<Double>, _ ldc2: Int,
                                    _ beta: Double) {
        rk_dgemm_shared_a(ta ? 1 : 0, m, k, alpha, a, lda, n1, b1, ldb1, c1, ldc1, n2, b2, ldb2, c2, ldc2, beta)
    }
    public static func _packedSize(_ k: Int, _ n: Int) -> Int { Int(rk_dgemm_packed_b_size(k, n)) }
    public static func _packB(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Double>, _ ldb: Int,
                              _ packed: UnsafeMutablePointer<Double>) {
        rk_dgemm_pack_b(tb ? 1 : 0, k, n, b, ldb, packed)
    }
    @inlinable @inline(__always)
    public static func _gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
                                   _ a: UnsafePointer<Double>, _ lda: Int, _ packed: UnsafePointer<Double>,
                                   _ beta: Double, _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
        rk_dgemm_packed(ta ? 1 : 0, m, n, k, alpha, a, lda, packed, beta, c, ldc)
    }

    public static func _activate(_ kind: ActivationKind, _ n: Int, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        switch kind {
        case .identity: if UnsafePointer(y) != x { y.update(from: x, count: n) }
        case .tanh: rk_d_tanh(n, x, y)
        case .relu: rk_d_relu(n, x, y)
        case .sigmoid: rk_d_sigmoid(n, x, y)
        }
    }
    public static func _activationBackward(_ kind: ActivationKind, _ n: Int, _ y: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>) {
        switch kind {
        case .identity: break
        case .tanh: rk_d_tanh_backward(n, y, g)
        case .relu: rk_d_relu_backward(n, y, g)
        case .sigmoid: rk_d_sigmoid_backward(n, y, g)
        }
    }
    public static func _addBiasActivate(_ rows: Int, _ cols: Int, _ bias: UnsafePointer<Double>?, _ x: UnsafeMutablePointer<Double>, _ act: ActivationKind) {
        rk_d_add_bias_act(rows, cols, bias, x, act.rawValue)
    }
    public static func _sumRows(_ rows: Int, _ cols: Int, _ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        rk_d_sum_rows(rows, cols, x, out)
    }
    public static func _axpy(_ n: Int, _ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) { rk_d_axpy(n, a, x, y) }
    public static func _scale(_ n: Int, _ a: Double, _ x: UnsafeMutablePointer<Double>) { rk_d_scale(n, a, x) }
    public static func _sum(_ n: Int, _ x: UnsafePointer<Double>) -> Double { rk_d_sum(n, x) }
    public static func _dot(_ n: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double { rk_d_dot(n, x, y) }
    public static func _sumsq(_ n: Int, _ x: UnsafePointer<Double>) -> Double { rk_d_sumsq(n, x) }
    public static func _maxabs(_ n: Int, _ x: UnsafePointer<Double>) -> Double { rk_d_maxabs(n, x) }
}
