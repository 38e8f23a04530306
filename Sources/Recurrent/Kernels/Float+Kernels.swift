import _RecurrentKernels

extension Float: _KernelScalar {
    @inlinable @inline(__always)
    public static func _gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                             _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                             _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        rk_sgemm(ta ? 1 : 0, tb ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
    public static func _gemmSharedA(_ ta: Bool, _ m: Int, _ k: Int, _ alpha: Float, _ a: UnsafePointer<Float>, _ lda: Int,
                                    _ n1: Int, _ b1: UnsafePointer<Float>, _ ldb1: Int, _ c1: UnsafeMutablePointer<Float>, _ ldc1: Int,
                                    _ n2: Int, _ b2: UnsafePointer<Float>, _ ldb2: Int, _ c2: UnsafeMutablePointer<Float>, _ ldc2: Int,
                                    _ beta: Float) {
        rk_sgemm_shared_a(ta ? 1 : 0, m, k, alpha, a, lda, n1, b1, ldb1, c1, ldc1, n2, b2, ldb2, c2, ldc2, beta)
    }
    public static func _packedSize(_ k: Int, _ n: Int) -> Int { Int(rk_sgemm_packed_b_size(k, n)) }
    public static func _packB(_ tb: Bool, _ k: Int, _ n: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                              _ packed: UnsafeMutablePointer<Float>) {
        rk_sgemm_pack_b(tb ? 1 : 0, k, n, b, ldb, packed)
    }
    @inlinable @inline(__always)
    public static func _gemmPacked(_ ta: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                                   _ a: UnsafePointer<Float>, _ lda: Int, _ packed: UnsafePointer<Float>,
                                   _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        rk_sgemm_packed(ta ? 1 : 0, m, n, k, alpha, a, lda, packed, beta, c, ldc)
    }

    public static func _activate(_ kind: ActivationKind, _ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        switch kind {
        case .identity: if UnsafePointer(y) != x { y.update(from: x, count: n) }
        case .tanh: rk_s_tanh(n, x, y)
        case .relu: rk_s_relu(n, x, y)
        case .sigmoid: rk_s_sigmoid(n, x, y)
        }
    }
    public static func _activationBackward(_ kind: ActivationKind, _ n: Int, _ y: UnsafePointer<Float>, _ g: UnsafeMutablePointer<Float>) {
        switch kind {
        case .identity: break
        case .tanh: rk_s_tanh_backward(n, y, g)
        case .relu: rk_s_relu_backward(n, y, g)
        case .sigmoid: rk_s_sigmoid_backward(n, y, g)
        }
    }
    public static func _addBiasActivate(_ rows: Int, _ cols: Int, _ bias: UnsafePointer<Float>?, _ x: UnsafeMutablePointer<Float>, _ act: ActivationKind) {
        rk_s_add_bias_act(rows, cols, bias, x, act.rawValue)
    }
    public static func _sumRows(_ rows: Int, _ cols: Int, _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        rk_s_sum_rows(rows, cols, x, out)
    }
    public static func _axpy(_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) { rk_s_axpy(n, a, x, y) }
    public static func _scale(_ n: Int, _ a: Float, _ x: UnsafeMutablePointer<Float>) { rk_s_scale(n, a, x) }
    public static func _sum(_ n: Int, _ x: UnsafePointer<Float>) -> Double { rk_s_sum(n, x) }
    public static func _dot(_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Double { rk_s_dot(n, x, y) }
    public static func _sumsq(_ n: Int, _ x: UnsafePointer<Float>) -> Double { rk_s_sumsq(n, x) }
    public static func _maxabs(_ n: Int, _ x: UnsafePointer<Float>) -> Double { rk_s_maxabs(n, x) }
}
