/// A right-hand matrix op(B) (K×N) packed once into the GEMM kernel's panel layout,
/// so that many products `C = α·A·op(B) + β·C` reuse it without re-packing — the
/// recurrent weight W_hh is multiplied at every time step.
///
/// The buffer is allocated once and can be re-packed in place when the weights change.
public final class PackedMatrix<S: TensorScalar> {
    /// K, the rows of op(B).
    public let k: Int
    /// N, the columns of op(B).
    public let n: Int
    @usableFromInline let buffer: UnsafeMutablePointer<S>
    let capacity: Int

    /// Allocates room for a K×N packed operand.
    public init(k: Int, n: Int) {
        self.k = k
        self.n = n
        capacity = S.packedSize(k, n)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(capacity, 1) * MemoryLayout<S>.stride, alignment: 64)
        buffer = raw.bindMemory(to: S.self, capacity: max(capacity, 1))
    }

    /// Packs op(B) from a row-major buffer (B is K×N, or N×K when `transpose`).
    public func pack(_ b: UnsafePointer<S>, ld: Int, transpose: Bool) {
        S.packB(transpose, k, n, b, ld, buffer)
    }

    /// Packs op(B) from a tensor.
    public func pack(_ b: Tensor<S>, transpose: Transpose) {
        precondition(b.rank == 2, "PackedMatrix.pack needs a matrix, got \(b.shape)")
        let expected: Shape = transpose == .none ? [k, n] : [n, k]
        precondition(b.shape == expected, "PackedMatrix.pack: expected \(expected), got \(b.shape)")
        b.withUnsafeBufferPointer { pack($0.baseAddress!, ld: b.shape[1], transpose: transpose == .transposed) }
    }

    /// C (M×N, leading dimension ldc) = α·op(A)·op(B) + β·C, op(A) M×K.
    @inlinable @inline(__always)
    public func multiply(_ a: UnsafePointer<S>, lda: Int, transposeA: Bool = false, m: Int,
                         into c: UnsafeMutablePointer<S>, ldc: Int, alpha: S = 1, beta: S = 0) {
        S.gemmPacked(transposeA, m, n, k, alpha, a, lda, UnsafePointer(buffer), beta, c, ldc)
    }

    deinit { UnsafeMutableRawPointer(buffer).deallocate() }
}
