// AVX-512 kernels: 12x32 float and 12x16 double register tiles (24 zmm accumulators,
// two B vectors; A is broadcast straight from memory into the FMAs).
#include "gemm_internal.h"

#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,fma,avx2"))), apply_to = function)

#define UK_FN skernel_avx512
#define UK_T float
typedef float v16f __attribute__((vector_size(64)));
#define UK_V v16f
#define UK_MR 12
#define UK_NV 2
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#include "microkernel_vec.h"

#define UK_FN dkernel_avx512
#define UK_T double
typedef double v8d __attribute__((vector_size(64)));
#define UK_V v8d
#define UK_MR 12
#define UK_NV 2
#define UK_FOR_EACH_MR(X) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12)
#include "microkernel_vec.h"

#include "pack_simd.h"
static void spack_b_trans_avx512(long k, long n, const float *B, long ldb, float *dst) {
    rk_pack_b_trans_f32(k, n, B, ldb, dst, 32);
}
static void dpack_b_trans_avx512(long k, long n, const double *B, long ldb, double *dst) {
    rk_dpack_b_trans_generic(k, n, 16, B, ldb, dst);
}

#define BURN_FN rk_fma_burn_avx512
#define BURN_V v16f
#define BURN_ACC 16
#include "fma_burn_vec.h"

#pragma clang attribute pop

// Float blocking measured on a 16-core Xeon (48 KiB L1d, 2 MiB L2; RECURRENT_GEMM_BLOCKING
// sweep of KC 192-512 x MC 96-480 over five RNN shapes, noisy VM): KC = 384, MC = 144 had
// the best worst case (63 % of peak) and a 70 % mean; the former 192 x 240 averaged 64 %.
// The MC x KC A block (216 KiB) sits in L2 (>= 1 MiB on AVX-512 CPUs).
const rk_sgemm_impl rk_sgemm_avx512 = {RK_ISA_AVX512, 12, 32, 384, 144, 4096, skernel_avx512, skernel_avx512_rows, spack_b_trans_avx512, NULL, NULL};
const rk_dgemm_impl rk_dgemm_avx512 = {RK_ISA_AVX512, 12, 16, 192, 120, 4096, dkernel_avx512, dkernel_avx512_rows, dpack_b_trans_avx512, NULL, NULL};
#endif
