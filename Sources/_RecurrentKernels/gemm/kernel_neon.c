// NEON (AArch64 Advanced SIMD) kernels: 8x12 float and 8x6 double register tiles, as BLIS
// and OpenBLAS block for ARMv8: 24 accumulators of 128 bits, three B vectors and the step's
// eight A elements in two (float) or four (double) vectors, whose lanes the FMAs read by
// element (`fmla v.4s, v.4s, v.s[lane]`; UK_A_LANES in microkernel_vec.h): 29 / 31 of the
// 32 vector registers, and 5 (float) or 7 (double) loads per 24 FMAs.
// Advanced SIMD is part of the AArch64 base architecture: no target attribute is needed.
#include "gemm_internal.h"

#if defined(__aarch64__)

#define UK_FN skernel_neon
#define UK_T float
typedef float v4f __attribute__((vector_size(16)));
#define UK_V v4f
#define UK_MR 8
#define UK_NV 3
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8)
#define UK_MR1_SPLAT4 v4f
#define UK_A_LANES 1
#include "microkernel_vec.h"

#define UK_FN dkernel_neon
#define UK_T double
typedef double v2d __attribute__((vector_size(16)));
#define UK_V v2d
#define UK_MR 8
#define UK_NV 3
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8)
#define UK_A_LANES 1
#include "microkernel_vec.h"

/// dst[kk * NR + j] = src[j * ldb + kk] for j, kk < 4: one 4x4 transpose in registers.
static inline __attribute__((always_inline)) void transpose_4x4(const float *src, long ldb, float *dst, long NR) {
    v4f r[4];
    for (int i = 0; i < 4; i++) __builtin_memcpy(&r[i], src + i * ldb, sizeof r[i]);
    v4f t0 = __builtin_shufflevector(r[0], r[1], 0, 4, 1, 5), t1 = __builtin_shufflevector(r[0], r[1], 2, 6, 3, 7);
    v4f t2 = __builtin_shufflevector(r[2], r[3], 0, 4, 1, 5), t3 = __builtin_shufflevector(r[2], r[3], 2, 6, 3, 7);
    v4f o[4] = {__builtin_shufflevector(t0, t2, 0, 1, 4, 5), __builtin_shufflevector(t0, t2, 2, 3, 6, 7),
                __builtin_shufflevector(t1, t3, 0, 1, 4, 5), __builtin_shufflevector(t1, t3, 2, 3, 6, 7)};
    for (int kk = 0; kk < 4; kk++) __builtin_memcpy(dst + kk * NR, &o[kk], sizeof o[kk]);
}

/// Panels of Bᵀ (B is n x k row-major), 12 wide: every B row read contiguously and
/// transposed in registers 4 x 4 at a time; the last partial panel by the generic packing.
static void spack_b_trans_neon(long k, long n, const float *B, long ldb, float *dst) {
    enum { NR = 12 };
    long full = n / NR * NR;
    for (long j0 = 0; j0 < full; j0 += NR, dst += k * NR) {
        const float *src = B + j0 * ldb;
        long p = 0;
        for (; p + 4 <= k; p += 4)
            for (int jb = 0; jb < NR; jb += 4) transpose_4x4(src + jb * ldb + p, ldb, dst + p * NR + jb, NR);
        for (; p < k; p++)
            for (int j = 0; j < NR; j++) dst[p * NR + j] = src[j * ldb + p];
    }
    if (full < n) rk_spack_b_trans_generic(k, n - full, NR, B + full * ldb, ldb, dst);
}
static void dpack_b_trans_neon(long k, long n, const double *B, long ldb, double *dst) {
    rk_dpack_b_trans_generic(k, n, 6, B, ldb, dst);
}

/// Dot products of a with four rows of W at a time, four vectors of each row per step
/// (sixteen independent sums, so that the FMAs do not wait on one another's latency).
static void sgemv_rows_neon(long n, long k, const float *W, long ldw, const float *a, float *y, float alpha,
                            float beta) {
    for (long j = 0; j < n; j += 4) {
        const int rows = n - j < 4 ? (int)(n - j) : 4;
        const float *w[4];
        for (int r = 0; r < 4; r++) w[r] = W + (j + (r < rows ? r : 0)) * ldw;
        v4f s[4][4] = {{{0}}};
        long p = 0;
        for (; p + 16 <= k; p += 16) {
            v4f av[4];
            for (int u = 0; u < 4; u++) __builtin_memcpy(&av[u], a + p + 4 * u, sizeof av[u]);
            for (int r = 0; r < 4; r++)
                for (int u = 0; u < 4; u++) {
                    v4f wv;
                    __builtin_memcpy(&wv, w[r] + p + 4 * u, sizeof wv);
                    s[r][u] = __builtin_elementwise_fma(wv, av[u], s[r][u]);
                }
        }
        for (int r = 0; r < rows; r++) {
            v4f v = (s[r][0] + s[r][1]) + (s[r][2] + s[r][3]);
            float sum = (v[0] + v[2]) + (v[1] + v[3]);
            for (long q = p; q < k; q++) sum += w[r][q] * a[q];
            float out = alpha * sum;
            y[j + r] = beta == 0 ? out : out + beta * y[j + r];
        }
    }
}

#define BURN_FN rk_fma_burn_neon
#define BURN_V v4f
#define BURN_ACC 16
#include "fma_burn_vec.h"

// Blocking from the cache sizes (not measured on hardware): a KC x 12 B panel (15 KiB at
// KC = 320) stays in L1 (64 KiB on Neoverse V1/N1, 128 KiB on Apple M1) while the MC x KC
// A block (160 KiB float, MC = 128) streams from L2 (1 MiB and up).
const rk_sgemm_impl rk_sgemm_neon = {RK_ISA_NEON, 8, 12, 320, 128, 4080, skernel_neon, skernel_neon_rows,
                                     spack_b_trans_neon, skernel_neon_row_panels, sgemv_rows_neon};
const rk_dgemm_impl rk_dgemm_neon = {RK_ISA_NEON, 8, 6, 256, 96, 4080, dkernel_neon, dkernel_neon_rows,
                                     dpack_b_trans_neon, NULL, NULL};
#endif
