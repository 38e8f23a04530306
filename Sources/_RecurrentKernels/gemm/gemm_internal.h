// Internal interface of the GEMM implementation: per-ISA kernel tables, the thread
// pool and per-thread scratch buffers. Not part of the public C API.
#ifndef RK_GEMM_INTERNAL_H
#define RK_GEMM_INTERNAL_H
#include "rk_gemm.h"
#include <stddef.h>

/// One ISA's GEMM for one element type.
/// - kernel: C[0:mr, 0:nr] = alpha * Apanel·Bpanel + beta * C (beta == 0: C not read), where
///   Apanel is mr x k stored k-major (a[p*mr + i]) and Bpanel is k x NR (b[p*NR + j], zero
///   padded past nr). mr <= MR and nr <= NR.
/// - kernel_rows: the same with A's rows read in place (row i of the panel at a + i·lda),
///   for A that is already in cache and would cost more to pack than to read strided.
/// - pack_b_trans: packs NR-wide panels of op(B) = Bᵀ (B is n x k) for n columns, zero
///   padding the last panel, panel after panel (k*NR elements each).
/// - kernel_row_panels (optional, NULL where the one-row tile is as fast): one row of A
///   (contiguous, k long) times all the B panels covering ncols columns, into C's row:
///   the batch-1 vector-matrix product, without a call and a splat of A per panel.
/// - gemv_rows (optional): y[j] = alpha·Σ_p W[j·ldw + p]·a[p] + beta·y[j] for j < n (beta 0:
///   y not read), W's rows read where they are: one row times Wᵀ without packing W, for a
///   product that runs once (one time step of batch 1: sampling, step-by-step decoding),
///   where packing W would cost as much as the product itself.
#define RK_DECLARE_IMPL(T, P)                                                             \
    typedef struct {                                                                      \
        int isa;                                                                          \
        int mr, nr;     /* register tile */                                               \
        int kc, mc, nc; /* cache blocking (upper bounds; mc, nc multiples of mr, nr) */   \
        void (*kernel)(long k, const T *a, const T *b, T *c, long ldc, T alpha, T beta,   \
                       int mr, int nr);                                                   \
        void (*kernel_rows)(long k, const T *a, long lda, const T *b, T *c, long ldc,     \
                            T alpha, T beta, int mr, int nr);                             \
        void (*pack_b_trans)(long k, long n, const T *B, long ldb, T *dst);               \
        void (*kernel_row_panels)(long k, const T *a, const T *b, long ncols, T *c,        \
                                  T alpha, T beta); /* optional (NULL) */                 \
        void (*gemv_rows)(long n, long k, const T *W, long ldw, const T *a, T *y,          \
                          T alpha, T beta); /* optional (NULL) */                         \
    } rk_##P##gemm_impl;
RK_DECLARE_IMPL(float, s)
RK_DECLARE_IMPL(double, d)

extern const rk_sgemm_impl rk_sgemm_portable, rk_sgemm_avx2, rk_sgemm_avx512;
extern const rk_dgemm_impl rk_dgemm_portable, rk_dgemm_avx2, rk_dgemm_avx512;
extern const rk_sgemm_impl rk_sgemm_neon; /* AArch64 builds only */
extern const rk_dgemm_impl rk_dgemm_neon;

/// Best rate (flop/s) over RK_PEAK_WINDOW-second windows of a register-resident FMA
/// loop run for about `seconds` (per ISA).
#define RK_PEAK_WINDOW 0.002
double rk_fma_burn_portable(double seconds);
double rk_fma_burn_avx2(double seconds);
double rk_fma_burn_avx512(double seconds);
double rk_fma_burn_neon(double seconds);

/// Monotonic clock in seconds.
double rk_seconds(void);

/// Whether this CPU (and OS) supports `isa`.
int rk_isa_supported(int isa);

/// Largest register-tile width over all ISAs: packed-B sizes use it so that they do
/// not depend on the ISA active when the size is asked for.
enum { RK_MAX_NR_S = 32, RK_MAX_NR_D = 16 };

/// Generic packing shared by every ISA (pack.c).
#define RK_DECLARE_PACK(T, P)                                                             \
    void rk_##P##pack_a(int transA, const long *rows, long panels, long k, const T *A,    \
                        long lda, T *dst);                                                \
    void rk_##P##pack_b(long k, long n, int nr, const T *B, long ldb, T *dst);            \
    void rk_##P##pack_b_trans_generic(long k, long n, int nr, const T *B, long ldb, T *dst);
RK_DECLARE_PACK(float, s)
RK_DECLARE_PACK(double, d)

/// Runs task(ctx, i, count) for i in 0..<count, on the pool's threads and the caller
/// (which runs i == 0). Falls back to running all of them on the caller when the pool
/// is in use by another thread.
typedef void (*rk_task)(void *ctx, int index, int count);
void rk_parallel(int count, rk_task task, void *ctx);

/// Like rk_parallel, but the participants always run concurrently (tasks may wait for one
/// another, e.g. at a barrier): when the pool is in use by another thread, the caller runs
/// the whole job alone as task(ctx, 0, 1).
void rk_parallel_concurrent(int count, rk_task task, void *ctx);

/// A reusable barrier for the participants of one rk_parallel_concurrent job.
typedef struct {
    _Atomic int arrived;
    _Atomic unsigned generation;
} rk_barrier;
/// Returns once all `count` participants have called it (spins, then yields).
void rk_barrier_wait(rk_barrier *barrier, int count);

/// Micro-kernels over packed A panels (rows[0...panels] of C, k deep) times the packed B
/// panels that cover ncols columns: the inner loops of the GEMM, shared with the fused
/// recurrence.
void rk_sgemm_macro_kernel(const rk_sgemm_impl *im, long k, const float *pa, const long *rows, long panels,
                           const float *pb, long ncols, float *C, long ldc, float alpha, float beta);
void rk_dgemm_macro_kernel(const rk_dgemm_impl *im, long k, const double *pa, const long *rows, long panels,
                           const double *pb, long ncols, double *C, long ldc, double alpha, double beta);
/// The same with A's rows read in place (rows[p] of C from A + rows[p]·lda, k deep).
void rk_sgemm_macro_kernel_rows(const rk_sgemm_impl *im, long k, const float *A, long lda, const long *rows,
                                long panels, const float *pb, long ncols, float *C, long ldc, float alpha, float beta);
void rk_dgemm_macro_kernel_rows(const rk_dgemm_impl *im, long k, const double *A, long lda, const long *rows,
                                long panels, const double *pb, long ncols, double *C, long ldc, double alpha,
                                double beta);

/// The kernel table of the active ISA, and the K chunk its blocking gives a depth of K.
const rk_sgemm_impl *rk_sgemm_active_impl(void);
const rk_dgemm_impl *rk_dgemm_active_impl(void);
long rk_sgemm_depth_chunk(const rk_sgemm_impl *im, long K);
long rk_dgemm_depth_chunk(const rk_dgemm_impl *im, long K);

/// Per-thread scratch memory (64-byte aligned, kept between calls, freed at thread exit).
/// `slot` selects one of three independent buffers (the GEMM uses 0 and 1; the fused
/// recurrence also 2, for the packed W_ih of its ∂x products).
void *rk_scratch(int slot, size_t bytes);

#endif
