// Temporary naive implementation of rk_gemm.h (replaced by the packed kernels).
#include "rk_gemm.h"
#include <stdlib.h>
#include <string.h>

static int g_threads = 1;
int rk_isa_detected(void) { return RK_ISA_PORTABLE; }
int rk_isa_active(void) { return RK_ISA_PORTABLE; }
int rk_isa_force(int isa) { return isa <= 0 ? 0 : -1; }
const char *rk_isa_name(int isa) { return isa == 2 ? "avx512" : isa == 1 ? "avx2" : "portable"; }
void rk_set_threads(int n) { g_threads = n < 1 ? 1 : n; }
int rk_get_threads(void) { return g_threads; }

#define NAIVE(NAME, T)                                                                  \
void NAME(int ta, int tb, long M, long N, long K, T alpha, const T *A, long lda,         \
          const T *B, long ldb, T beta, T *C, long ldc) {                                \
    for (long i = 0; i < M; i++)                                                          \
        for (long j = 0; j < N; j++) {                                                    \
            T s = 0;                                                                      \
            for (long p = 0; p < K; p++) {                                                \
                T a = ta ? A[p * lda + i] : A[i * lda + p];                               \
                T b = tb ? B[j * ldb + p] : B[p * ldb + j];                               \
                s += a * b;                                                               \
            }                                                                             \
            C[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * C[i * ldc + j]);         \
        }                                                                                 \
}
NAIVE(rk_sgemm, float)
NAIVE(rk_dgemm, double)

#define PACKED(T, P)                                                                      \
size_t rk_##P##gemm_packed_b_size(long K, long N) { return (size_t)(K * N + 4); }         \
void rk_##P##gemm_pack_b(int tb, long K, long N, const T *B, long ldb, T *dst) {          \
    dst[0] = (T)K; dst[1] = (T)N;                                                         \
    for (long p = 0; p < K; p++)                                                          \
        for (long j = 0; j < N; j++) dst[4 + p * N + j] = tb ? B[j * ldb + p] : B[p * ldb + j]; \
}                                                                                         \
void rk_##P##gemm_packed(int ta, long M, long N, long K, T alpha, const T *A, long lda,  \
                         const T *packed, T beta, T *C, long ldc) {                       \
    rk_##P##gemm(ta, 0, M, N, K, alpha, A, lda, packed + 4, N, beta, C, ldc);             \
}
PACKED(float, s)
PACKED(double, d)

double rk_measure_fma_peak(int threads, double seconds) { (void)threads; (void)seconds; return 0; }
