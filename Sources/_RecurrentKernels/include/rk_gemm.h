#ifndef RK_GEMM_H
#define RK_GEMM_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction-set paths of the kernels. The best supported one is chosen at run time;
/// `rk_isa_force` (or the environment variable RECURRENT_ISA=portable|avx2|avx512|neon)
/// pins one, e.g. so that tests can exercise every path on one machine. AVX2 and AVX-512
/// exist on x86-64 builds, NEON on AArch64 builds (where it is always supported).
enum { RK_ISA_PORTABLE = 0, RK_ISA_AVX2 = 1, RK_ISA_AVX512 = 2, RK_ISA_NEON = 3 };

/// The best ISA this CPU supports.
int rk_isa_detected(void);
/// The ISA the kernels use now.
int rk_isa_active(void);
/// Pins the ISA (-1 = automatic). Returns 0 on success, -1 when the CPU lacks it.
int rk_isa_force(int isa);
const char *rk_isa_name(int isa);

/// Threads used by large GEMMs (a persistent pool; small products always run on the caller).
void rk_set_threads(int n);
int rk_get_threads(void);

/// C = alpha * op(A) * op(B) + beta * C, row-major.
/// op(A) is M x K (A is K x M when transA), op(B) is K x N (B is N x K when transB).
/// beta == 0 means C is written without being read (NaN in C does not propagate).
void rk_sgemm(int transA, int transB, long M, long N, long K,
              float alpha, const float *A, long lda, const float *B, long ldb,
              float beta, float *C, long ldc);
void rk_dgemm(int transA, int transB, long M, long N, long K,
              double alpha, const double *A, long lda, const double *B, long ldb,
              double beta, double *C, long ldc);

/// Two products with one left operand, packed once for both (B1, B2 not transposed):
///     C1 = alpha * op(A) * B1 + beta * C1    (C1: M x N1)
///     C2 = alpha * op(A) * B2 + beta * C2    (C2: M x N2)
/// e.g. a recurrent layer's ∂W_ih and ∂W_hh from the same gate gradients (what two rk_?gemm
/// calls compute, with half the packing of A).
void rk_sgemm_shared_a(int transA, long M, long K, float alpha, const float *A, long lda,
                       long N1, const float *B1, long ldb1, float *C1, long ldc1,
                       long N2, const float *B2, long ldb2, float *C2, long ldc2, float beta);
void rk_dgemm_shared_a(int transA, long M, long K, double alpha, const double *A, long lda,
                       long N1, const double *B1, long ldb1, double *C1, long ldc1,
                       long N2, const double *B2, long ldb2, double *C2, long ldc2, double beta);

/// Packing op(B) (K x N) once for reuse across many products with different A.
/// The size is in elements and includes a small header recording the layout, so a
/// packed buffer is self-describing (ISA and blocking it was packed for).
size_t rk_sgemm_packed_b_size(long K, long N);
void rk_sgemm_pack_b(int transB, long K, long N, const float *B, long ldb, float *packed);
void rk_sgemm_packed(int transA, long M, long N, long K, float alpha,
                     const float *A, long lda, const float *packed,
                     float beta, float *C, long ldc);

size_t rk_dgemm_packed_b_size(long K, long N);
void rk_dgemm_pack_b(int transB, long K, long N, const double *B, long ldb, double *packed);
void rk_dgemm_packed(int transA, long M, long N, long K, double alpha,
                     const double *A, long lda, const double *packed,
                     double beta, double *C, long ldc);

/// Measures the FMA peak (GFLOP/s) of `threads` threads with a short register-resident
/// FMA loop of the active ISA, running for about `seconds`.
double rk_measure_fma_peak(int threads, double seconds);

#ifdef __cplusplus
}
#endif
#endif
