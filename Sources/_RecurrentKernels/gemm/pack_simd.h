// SIMD packing of panels of Bᵀ for the x86 kernels (included inside their target
// regions). B is n x k row-major: every B row is read contiguously and transposed in
// registers, 8 rows x 4 columns at a time, instead of gathering strided elements.
#ifndef RK_PACK_SIMD_H
#define RK_PACK_SIMD_H

typedef float rk_v4f __attribute__((vector_size(16)));
typedef float rk_v8f __attribute__((vector_size(32)));

static inline __attribute__((always_inline)) rk_v4f rk_load4f(const float *p) {
    rk_v4f v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

/// dst[kk * dstride + j] = src[j * ldb + kk] for j < 8, kk < 4.
static inline __attribute__((always_inline)) void
rk_transpose_8x4(const float *src, long ldb, float *dst, long dstride) {
    // Row i in the low 128-bit lane, row i + 4 in the high lane: one 4x4 transpose per
    // lane then yields whole output rows, with no cross-lane shuffles.
    rk_v8f r[4];
    for (int i = 0; i < 4; i++)
        r[i] = __builtin_shufflevector(rk_load4f(src + i * ldb), rk_load4f(src + (i + 4) * ldb),
                                       0, 1, 2, 3, 4, 5, 6, 7);
    rk_v8f t0 = __builtin_shufflevector(r[0], r[1], 0, 8, 1, 9, 4, 12, 5, 13);
    rk_v8f t1 = __builtin_shufflevector(r[0], r[1], 2, 10, 3, 11, 6, 14, 7, 15);
    rk_v8f t2 = __builtin_shufflevector(r[2], r[3], 0, 8, 1, 9, 4, 12, 5, 13);
    rk_v8f t3 = __builtin_shufflevector(r[2], r[3], 2, 10, 3, 11, 6, 14, 7, 15);
    rk_v8f o[4] = {
        __builtin_shufflevector(t0, t2, 0, 1, 8, 9, 4, 5, 12, 13),
        __builtin_shufflevector(t0, t2, 2, 3, 10, 11, 6, 7, 14, 15),
        __builtin_shufflevector(t1, t3, 0, 1, 8, 9, 4, 5, 12, 13),
        __builtin_shufflevector(t1, t3, 2, 3, 10, 11, 6, 7, 14, 15),
    };
    for (int kk = 0; kk < 4; kk++) __builtin_memcpy(dst + kk * dstride, &o[kk], sizeof o[kk]);
}

/// Packs NR-wide panels of Bᵀ (see rk_sgemm_impl.pack_b_trans); NR is a multiple of 8.
static inline __attribute__((always_inline)) void
rk_pack_b_trans_f32(long k, long n, const float *B, long ldb, float *dst, const int NR) {
    long full = n / NR * NR;
    for (long j0 = 0; j0 < full; j0 += NR, dst += k * NR) {
        const float *src = B + j0 * ldb;
        long p = 0;
        for (; p + 4 <= k; p += 4)
            for (int jb = 0; jb < NR; jb += 8) rk_transpose_8x4(src + jb * ldb + p, ldb, dst + p * NR + jb, NR);
        for (; p < k; p++)
            for (int j = 0; j < NR; j++) dst[p * NR + j] = src[j * ldb + p];
    }
    if (full < n) rk_spack_b_trans_generic(k, n - full, NR, B + full * ldb, ldb, dst);
}
#endif
