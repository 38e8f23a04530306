// Packing into the layouts the micro-kernels read sequentially (see gemm_internal.h):
// A into k-major panels of mr rows, B into k x NR panels zero-padded past N.
#include "gemm_internal.h"
#include <string.h>

/* Rows ahead that the transposed A packing prefetches. */
#define PREFETCH_ROWS 8

/* 4-element vectors for the in-register transposes of A panels. */
typedef float sv4 __attribute__((vector_size(16)));
typedef double dv4 __attribute__((vector_size(32)));
/* Macros, not functions: 32-byte vectors passed by value would change the ABI without AVX. */
#define RK_LOAD4(V, p) ({ V v_; memcpy(&v_, (p), sizeof v_); v_; })
#define RK_STORE4(V, p, v) do { V v_ = (v); memcpy((p), &v_, sizeof v_); } while (0)
/* Elements j, j + 1 of a 4-vector to p. */
#define RK_STORE2(P, p, v, j) do { P##_pair2 v_ = {(v)[(j)], (v)[(j) + 1]}; memcpy((p), &v_, sizeof v_); } while (0)
typedef float s_pair2 __attribute__((vector_size(8)));
typedef double d_pair2 __attribute__((vector_size(16)));

#define RK_DEFINE_PACK(T, P)                                                                \
    /* Fixed-size copies for the tile widths and panel heights in use (B: 4-32 wide;        \
       balanced A panels: MR or MR - 1 rows) become a few vector moves (memcpy with a       \
       constant size is not enough: clang folds the cases back into one memcpy call). */    \
    static inline void copy_##P(T *dst, const T *src, int n) {                              \
        switch (n) {                                                                        \
        case 4: __builtin_memcpy_inline(dst, src, 4 * sizeof(T)); return;                   \
        case 5: __builtin_memcpy_inline(dst, src, 5 * sizeof(T)); return;                   \
        case 6: __builtin_memcpy_inline(dst, src, 6 * sizeof(T)); return;                   \
        case 11: __builtin_memcpy_inline(dst, src, 11 * sizeof(T)); return;                 \
        case 12: __builtin_memcpy_inline(dst, src, 12 * sizeof(T)); return;                 \
        case 8: __builtin_memcpy_inline(dst, src, 8 * sizeof(T)); return;                   \
        case 16: __builtin_memcpy_inline(dst, src, 16 * sizeof(T)); return;                 \
        case 32: __builtin_memcpy_inline(dst, src, 32 * sizeof(T)); return;                 \
        default: memcpy(dst, src, (size_t)n * sizeof(T));                                   \
        }                                                                                   \
    }                                                                                       \
    /* Panel p holds rows rows[p] ..< rows[p+1] of op(A), for k columns. */                 \
    void rk_##P##pack_a(int transA, const long *rows, long panels, long k, const T *A,      \
                        long lda, T *dst) {                                                 \
        if (transA) {                                                                       \
            /* op(A) row i is column i of A. Row p of A is read once, contiguously, for     \
               all panels: panel by panel it would revisit each cache line, and rows lda    \
               apart alias to a few cache sets. */                                          \
            long first = rows[0], width = rows[panels] - rows[0];                           \
            for (long p = 0; p < k; p++) {                                                  \
                const T *src = A + p * lda;                                                 \
                /* Each row segment lies in its own page, where hardware prefetchers stop:  \
                   fetch the segment PREFETCH_ROWS rows ahead. */                           \
                if (p + PREFETCH_ROWS < k)                                                  \
                    for (long j = 0; j < width; j += 64 / (long)sizeof(T))                  \
                        __builtin_prefetch(src + PREFETCH_ROWS * lda + first + j);          \
                /* A panel's group of row p is copied 8 or 16 wide when the excess lands   \
                   in its own group of row p + 1 (rewritten next) and the read stays in     \
                   the rows being packed: one fixed-size move instead of a size switch. */  \
                const int last = p + 1 == k;                                                \
                for (long q = 0; q < panels; q++) {                                         \
                    long r0 = rows[q], mr = rows[q + 1] - r0;                               \
                    T *d = dst + (r0 - first) * k + p * mr;                                 \
                    if (!last && mr >= 4 && mr <= 8 && r0 + 8 <= first + width)             \
                        __builtin_memcpy_inline(d, src + r0, 8 * sizeof(T));                \
                    else if (!last && mr >= 8 && mr <= 16 && r0 + 16 <= first + width)      \
                        __builtin_memcpy_inline(d, src + r0, 16 * sizeof(T));               \
                    else                                                                    \
                        copy_##P(d, src + r0, (int)mr);                                     \
                }                                                                           \
            }                                                                               \
            return;                                                                         \
        }                                                                                   \
        /* Rows are contiguous: 4 x 4 blocks are transposed in registers (4 loads and 4     \
           stores for 16 elements), the rows past a multiple of 4 copied one by one. */     \
        for (long q = 0; q < panels; q++) {                                                 \
            long r0 = rows[q], mr = rows[q + 1] - r0, p = 0;                                \
            const T *src = A + r0 * lda;                                                    \
            for (; p + 4 <= k; p += 4) {                                                    \
                T *d = dst + p * mr;                                                        \
                long i = 0;                                                                 \
                for (; i + 4 <= mr; i += 4) {                                               \
                    const T *s0 = src + i * lda + p;                                        \
                    P##v4 a0 = RK_LOAD4(P##v4, s0), a1 = RK_LOAD4(P##v4, s0 + lda);         \
                    P##v4 a2 = RK_LOAD4(P##v4, s0 + 2 * lda), a3 = RK_LOAD4(P##v4, s0 + 3 * lda); \
                    P##v4 t0 = __builtin_shufflevector(a0, a1, 0, 4, 1, 5);                 \
                    P##v4 t1 = __builtin_shufflevector(a0, a1, 2, 6, 3, 7);                 \
                    P##v4 t2 = __builtin_shufflevector(a2, a3, 0, 4, 1, 5);                 \
                    P##v4 t3 = __builtin_shufflevector(a2, a3, 2, 6, 3, 7);                 \
                    RK_STORE4(P##v4, d + i, __builtin_shufflevector(t0, t2, 0, 1, 4, 5));   \
                    RK_STORE4(P##v4, d + mr + i, __builtin_shufflevector(t0, t2, 2, 3, 6, 7)); \
                    RK_STORE4(P##v4, d + 2 * mr + i, __builtin_shufflevector(t1, t3, 0, 1, 4, 5)); \
                    RK_STORE4(P##v4, d + 3 * mr + i, __builtin_shufflevector(t1, t3, 2, 3, 6, 7)); \
                }                                                                           \
                if (i + 2 <= mr) {                                                          \
                    /* Two rows: interleaved, each pair is one 2-element move. */           \
                    const T *s0 = src + i * lda + p;                                        \
                    P##v4 a0 = RK_LOAD4(P##v4, s0), a1 = RK_LOAD4(P##v4, s0 + lda);         \
                    P##v4 lo = __builtin_shufflevector(a0, a1, 0, 4, 1, 5);                 \
                    P##v4 hi = __builtin_shufflevector(a0, a1, 2, 6, 3, 7);                 \
                    RK_STORE2(P, d + i, lo, 0); RK_STORE2(P, d + mr + i, lo, 2);            \
                    RK_STORE2(P, d + 2 * mr + i, hi, 0); RK_STORE2(P, d + 3 * mr + i, hi, 2); \
                    i += 2;                                                                 \
                }                                                                           \
                for (; i < mr; i++) {                                                       \
                    P##v4 a0 = RK_LOAD4(P##v4, src + i * lda + p);                          \
                    d[i] = a0[0]; d[mr + i] = a0[1]; d[2 * mr + i] = a0[2]; d[3 * mr + i] = a0[3]; \
                }                                                                           \
            }                                                                               \
            for (; p < k; p++)                                                              \
                for (long i = 0; i < mr; i++) dst[p * mr + i] = src[i * lda + p];           \
            dst += mr * k;                                                                  \
        }                                                                                   \
    }                                                                                       \
    /* B is k x n row-major: each panel row is nr contiguous values of one B row. */        \
    void rk_##P##pack_b(long k, long n, int nr, const T *B, long ldb, T *dst) {             \
        long panels = (n + nr - 1) / nr, tail = n - (panels - 1) * nr;                      \
        for (long p = 0; p < k; p++) {                                                      \
            const T *src = B + p * ldb;                                                     \
            T *d = dst + p * nr;                                                            \
            for (long q = 0; q + 1 < panels; q++) copy_##P(d + q * k * nr, src + q * nr, nr); \
            d += (panels - 1) * k * nr;                                                     \
            if (tail == nr) { copy_##P(d, src + (panels - 1) * nr, nr); continue; }         \
            memcpy(d, src + (panels - 1) * nr, (size_t)tail * sizeof(T));                   \
            memset(d + tail, 0, (size_t)(nr - tail) * sizeof(T));                           \
        }                                                                                   \
    }                                                                                       \
    /* B is n x k row-major: reads each B row contiguously, writes a column of the panel. */ \
    void rk_##P##pack_b_trans_generic(long k, long n, int nr, const T *B, long ldb, T *dst) { \
        for (long j0 = 0; j0 < n; j0 += nr, dst += k * nr) {                                \
            long w = n - j0 < nr ? n - j0 : nr;                                             \
            for (long j = 0; j < w; j++) {                                                  \
                const T *src = B + (j0 + j) * ldb;                                          \
                for (long p = 0; p < k; p++) dst[p * nr + j] = src[p];                      \
            }                                                                               \
            for (long j = w; j < nr; j++)                                                   \
                for (long p = 0; p < k; p++) dst[p * nr + j] = 0;                           \
        }                                                                                   \
    }

RK_DEFINE_PACK(float, s)
RK_DEFINE_PACK(double, d)
