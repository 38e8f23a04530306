// AVX2 + FMA kernels: 6x16 float and 6x8 double register tiles (12 ymm accumulators,
// two B vectors and one broadcast A: 15 of the 16 ymm registers).
#include "gemm_internal.h"

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)

#define UK_FN skernel_avx2
#define UK_T float
typedef float v8f __attribute__((vector_size(32)));
#define UK_V v8f
#define UK_MR 6
#define UK_NV 2
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6)
typedef float v4f __attribute__((vector_size(16)));
#define UK_MR1_SPLAT4 v4f
#include "microkernel_vec.h"

#define UK_FN dkernel_avx2
#define UK_T double
typedef double v4d __attribute__((vector_size(32)));
#define UK_V v4d
#define UK_MR 6
#define UK_NV 2
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6)
#include "microkernel_vec.h"

#include "pack_simd.h"
static void spack_b_trans_avx2(long k, long n, const float *B, long ldb, float *dst) {
    rk_pack_b_trans_f32(k, n, B, ldb, dst, 16);
}
static void dpack_b_trans_avx2(long k, long n, const double *B, long ldb, double *dst) {
    rk_dpack_b_trans_generic(k, n, 8, B, ldb, dst);
}

/// Dot products of a with four rows of W at a time, two vectors of each row per step (eight
/// independent sums, so that the FMAs do not wait on one another's latency).
static void sgemv_rows_avx2(long n, long k, const float *W, long ldw, const float *a, float *y, float alpha,
                            float beta) {
    for (long j = 0; j < n; j += 4) {
        const int rows = n - j < 4 ? (int)(n - j) : 4;
        const float *w[4];
        for (int r = 0; r < 4; r++) w[r] = W + (j + (r < rows ? r : 0)) * ldw;
        v8f s[4][2] = {{{0}}};
        long p = 0;
        for (; p + 16 <= k; p += 16) {
            v8f a0, a1;
            __builtin_memcpy(&a0, a + p, sizeof a0);
            __builtin_memcpy(&a1, a + p + 8, sizeof a1);
            for (int r = 0; r < 4; r++) {
                v8f w0, w1;
                __builtin_memcpy(&w0, w[r] + p, sizeof w0);
                __builtin_memcpy(&w1, w[r] + p + 8, sizeof w1);
                s[r][0] = __builtin_elementwise_fma(w0, a0, s[r][0]);
                s[r][1] = __builtin_elementwise_fma(w1, a1, s[r][1]);
            }
        }
        for (int r = 0; r < rows; r++) {
            v8f v = s[r][0] + s[r][1];
            float sum = ((v[0] + v[4]) + (v[1] + v[5])) + ((v[2] + v[6]) + (v[3] + v[7]));
            for (long q = p; q < k; q++) sum += w[r][q] * a[q];
            float out = alpha * sum;
            y[j + r] = beta == 0 ? out : out + beta * y[j + r];
        }
    }
}

#define BURN_FN rk_fma_burn_avx2
#define BURN_V v8f
#define BURN_ACC 12
#include "fma_burn_vec.h"

#pragma clang attribute pop

// Zen 3 here: 32 KiB L1d and 512 KiB L2 per core. A KC x 16 B panel (24 KiB at
// KC = 384) stays in L1 while the MR x KC A panels stream from the MC x KC A block
// (144 KiB) in L2. (KC 256/384 x MC 72-144 x NC 1024-4080 measured within noise.)
const rk_sgemm_impl rk_sgemm_avx2 = {RK_ISA_AVX2, 6, 16, 384, 96, 4080, skernel_avx2, skernel_avx2_rows, spack_b_trans_avx2,
                                     skernel_avx2_row_panels, sgemv_rows_avx2};
const rk_dgemm_impl rk_dgemm_avx2 = {RK_ISA_AVX2, 6, 8, 256, 72, 4080, dkernel_avx2, dkernel_avx2_rows, dpack_b_trans_avx2, NULL, NULL};
#endif
