// Portable kernels in plain C: fixed-size loops over a small register tile that the
// compiler vectorises for the baseline ISA (SSE2 on x86-64, NEON on arm64).
#include "gemm_internal.h"

#define PK_TILE(P, T, MR, NR)                                                              \
    /* A's element (i, p) at a[i·rs + p·cs]: (1, mr) packed, (lda, 1) rows in place. */    \
    static inline __attribute__((always_inline)) void P##tile_portable(                    \
        long k, const T *restrict a, long rs, long cs, const T *restrict b, T *restrict c,  \
        long ldc, T alpha, T beta, int nr, const int mr) {                                 \
        T acc[MR][NR] = {{0}};                                                             \
        for (long p = 0; p < k; p++, b += NR)                                              \
            for (int i = 0; i < mr; i++)                                                   \
                for (int j = 0; j < NR; j++) acc[i][j] += a[i * rs + p * cs] * b[j];       \
        for (int i = 0; i < mr; i++)                                                       \
            for (int j = 0; j < nr; j++) {                                                 \
                T r = alpha * acc[i][j];                                                   \
                c[i * ldc + j] = beta == 0 ? r : r + beta * c[i * ldc + j];                \
            }                                                                              \
    }                                                                                      \
    static void P##kernel_portable(long k, const T *a, const T *b, T *c, long ldc, T alpha, \
                                   T beta, int mr, int nr) {                               \
        switch (mr) {                                                                      \
        case 1: P##tile_portable(k, a, 1, 1, b, c, ldc, alpha, beta, nr, 1); return;       \
        case 2: P##tile_portable(k, a, 1, 2, b, c, ldc, alpha, beta, nr, 2); return;       \
        case 3: P##tile_portable(k, a, 1, 3, b, c, ldc, alpha, beta, nr, 3); return;       \
        case 4: P##tile_portable(k, a, 1, 4, b, c, ldc, alpha, beta, nr, 4); return;       \
        }                                                                                  \
    }                                                                                      \
    static void P##kernel_rows_portable(long k, const T *a, long lda, const T *b, T *c,     \
                                        long ldc, T alpha, T beta, int mr, int nr) {       \
        switch (mr) {                                                                      \
        case 1: P##tile_portable(k, a, lda, 1, b, c, ldc, alpha, beta, nr, 1); return;     \
        case 2: P##tile_portable(k, a, lda, 1, b, c, ldc, alpha, beta, nr, 2); return;     \
        case 3: P##tile_portable(k, a, lda, 1, b, c, ldc, alpha, beta, nr, 3); return;     \
        case 4: P##tile_portable(k, a, lda, 1, b, c, ldc, alpha, beta, nr, 4); return;     \
        }                                                                                  \
    }                                                                                      \
    static void P##pack_b_trans_portable(long k, long n, const T *B, long ldb, T *dst) {   \
        rk_##P##pack_b_trans_generic(k, n, NR, B, ldb, dst);                               \
    }

// 4 rows x 8 floats / 4 doubles: eight 128-bit accumulators.
PK_TILE(s, float, 4, 8)
PK_TILE(d, double, 4, 4)

const rk_sgemm_impl rk_sgemm_portable = {RK_ISA_PORTABLE, 4, 8, 256, 128, 4096, skernel_portable, skernel_rows_portable, spack_b_trans_portable, NULL, NULL};
const rk_dgemm_impl rk_dgemm_portable = {RK_ISA_PORTABLE, 4, 4, 256, 64, 4096, dkernel_portable, dkernel_rows_portable, dpack_b_trans_portable, NULL, NULL};

double rk_fma_burn_portable(double seconds) {
    enum { ACC = 8, LANES = 4 };
    const double flops_per_batch = 256.0 * ACC * LANES * 2;
    float acc[ACC][LANES];
    for (int i = 0; i < ACC; i++)
        for (int l = 0; l < LANES; l++) acc[i][l] = (float)(i + l);
    double start = rk_seconds(), window_start = start, now, best = 0, batches = 0;
    do {
        for (int it = 0; it < 256; it++)
            for (int i = 0; i < ACC; i++)
                for (int l = 0; l < LANES; l++) acc[i][l] = acc[i][l] * 0.999999f + 1e-6f;
        batches++;
        now = rk_seconds();
        if (now - window_start >= RK_PEAK_WINDOW) {
            double rate = batches * flops_per_batch / (now - window_start);
            best = rate > best ? rate : best;
            window_start = now;
            batches = 0;
        }
    } while (now - start < seconds || best == 0);
    float sum = 0;
    for (int i = 0; i < ACC; i++)
        for (int l = 0; l < LANES; l++) sum += acc[i][l];
    volatile float sink = sum; // the result is used, so the loop cannot be dropped
    (void)sink;
    return best;
}
