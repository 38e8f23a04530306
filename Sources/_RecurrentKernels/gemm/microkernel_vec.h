// Template for a register-blocked micro-kernel written with vector extensions, so the
// compiler emits the ISA of the enclosing target region (the including file wraps it in
// `#pragma clang attribute push(target(...))`). Define before including:
//   UK_FN        name of the generated kernel (signature of rk_*gemm_impl.kernel)
//   UK_T, UK_V   element and vector types
//   UK_MR        rows of the register tile; UK_NV vectors per row (NR = UK_NV * lanes)
//   UK_FOR_EACH_MR(X)  X(1) ... X(UK_MR): the row counts to specialise
//   UK_MR1_SPLAT4  optional, x86 with 8-lane UK_V, or AArch64 with 4-lane UK_V: a 4-lane
//                  vector type; the one-row tile then splats A from registers (see there),
//                  and UK_FN##_row_panels, a one-row kernel over many panels, is defined too
//   UK_A_LANES   optional (AArch64): packed A panels whose height is a whole number of
//                vectors are loaded a vector at a time and each element is used from its
//                lane (`fmla v.4s, v.4s, v.s[lane]`), as BLIS and OpenBLAS do on ARMv8,
//                instead of one load-and-splat per row
// Every row count gets its own fully unrolled body so that the accumulators stay in
// registers; edge panels of M then cost no wasted flops. One tile body, two kernels: UK_FN
// reads a packed A panel (element (i, p) at a[p·mr + i]), UK_FN##_rows A's rows where
// they are (at a[i·lda + p]); the same arithmetic in the same order either way.
#define UK_CAT_(a, b) a##b
#define UK_CAT(a, b) UK_CAT_(a, b)
#define UK_VL ((int)(sizeof(UK_V) / sizeof(UK_T)))
#define UK_NR (UK_NV * UK_VL)
#define UK_TILE UK_CAT(UK_FN, _tile)

static inline __attribute__((always_inline)) UK_V UK_CAT(UK_FN, _load)(const UK_T *p) {
    UK_V v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}
static inline __attribute__((always_inline)) void UK_CAT(UK_FN, _store)(UK_T *p, UK_V v) {
    __builtin_memcpy(p, &v, sizeof v);
}

#if defined(UK_MR1_SPLAT4)
/// a[0..<4], each splatted across a vector, for one-row products. The four elements come in
/// with one 128-bit load, copied into both halves, and are splatted by in-lane shuffles: a
/// broadcast load per element would make three loads per two FMAs, and the loads, not the
/// FMAs, would then set the pace (in L1: 26 -> 30 GFLOP/s on Zen 1). The empty asm keeps
/// clang from turning the shuffles back into broadcast loads.
static inline __attribute__((always_inline)) void UK_CAT(UK_FN, _splat4)(const UK_T *a, UK_V av[4]) {
#if defined(__aarch64__)
    // 4-lane vectors: one load, and each element splat from its lane, which clang folds into
    // the by-element FMAs (fmla v.4s, v.4s, v.s[u]): no shuffle instructions at all.
    UK_MR1_SPLAT4 a4;
    __builtin_memcpy(&a4, a, sizeof a4);
    for (int u = 0; u < 4; u++) av[u] = a4[u] - (UK_V){};
#else
    UK_MR1_SPLAT4 a4;
    __builtin_memcpy(&a4, a, sizeof a4);
    UK_V a44 = __builtin_shufflevector(a4, a4, 0, 1, 2, 3, 0, 1, 2, 3);
    __asm__("" : "+x"(a44));
    av[0] = __builtin_shufflevector(a44, a44, 0, 0, 0, 0, 4, 4, 4, 4);
    av[1] = __builtin_shufflevector(a44, a44, 1, 1, 1, 1, 5, 5, 5, 5);
    av[2] = __builtin_shufflevector(a44, a44, 2, 2, 2, 2, 6, 6, 6, 6);
    av[3] = __builtin_shufflevector(a44, a44, 3, 3, 3, 3, 7, 7, 7, 7);
#endif
}
#endif

/// A's element (i, p) at a[i·rs + p·cs]: (1, mr) packed, (lda, 1) in place. Callers pass
/// constants for the packed layout, so its loop compiles as a plain walk of the panel.
static inline __attribute__((always_inline)) void
UK_TILE(long k, const UK_T *restrict a, long rs, long cs, const UK_T *restrict b, UK_T *restrict c,
        long ldc, UK_T alpha, UK_T beta, int nr, const int mr) {
    UK_V acc[UK_MR][UK_NV];
    // Zeros clang cannot see through: zeroing with a constant, it turns the loop into a
    // memset of the whole array (12 x 2 zmm for AVX-512) on the stack and reloads it.
    UK_V zero = (UK_V){};
#if defined(__x86_64__)
    __asm__("" : "+v"(zero));
#endif
    for (int i = 0; i < mr; i++) {
        for (int j = 0; j < UK_NV; j++) acc[i][j] = zero;
        __builtin_prefetch(c + i * ldc, 1);
        __builtin_prefetch(c + i * ldc + UK_NR - 1, 1);
    }
    if (mr == 1) {
        // One row (batch 1: a vector-matrix product; contiguous in both layouts): four
        // interleaved partial sums per accumulator so that the FMAs do not wait on one
        // another's latency.
        UK_V part[4][UK_NV];
        for (int u = 0; u < 4; u++)
            for (int j = 0; j < UK_NV; j++) part[u][j] = (UK_V){};
        long p = 0;
#if defined(UK_MR1_SPLAT4)
        // Same products and sums as the loop below: bit-identical results.
        for (; p + 4 <= k; p += 4) {
            UK_V av[4];
            UK_CAT(UK_FN, _splat4)(a + p, av);
            for (int u = 0; u < 4; u++)
                for (int j = 0; j < UK_NV; j++)
                    part[u][j] = __builtin_elementwise_fma(av[u], UK_CAT(UK_FN, _load)(b + (p + u) * UK_NR + j * UK_VL), part[u][j]);
        }
#endif
        for (; p + 4 <= k; p += 4) {
            for (int u = 0; u < 4; u++) {
                UK_V av = a[p + u] - (UK_V){};
                for (int j = 0; j < UK_NV; j++)
                    part[u][j] = __builtin_elementwise_fma(av, UK_CAT(UK_FN, _load)(b + (p + u) * UK_NR + j * UK_VL), part[u][j]);
            }
        }
        for (; p < k; p++) {
            UK_V av = a[p] - (UK_V){};
            for (int j = 0; j < UK_NV; j++)
                part[0][j] = __builtin_elementwise_fma(av, UK_CAT(UK_FN, _load)(b + p * UK_NR + j * UK_VL), part[0][j]);
        }
        for (int j = 0; j < UK_NV; j++) acc[0][j] = (part[0][j] + part[1][j]) + (part[2][j] + part[3][j]);
    } else {
        // One step of K: the NR-wide row of B times each row's element of A.
#define UK_K_LOOP(UNROLL)                                                                    \
    UNROLL for (long p = 0; p < k; p++) {                                                    \
        UK_V bv[UK_NV];                                                                      \
        for (int j = 0; j < UK_NV; j++) bv[j] = UK_CAT(UK_FN, _load)(b + j * UK_VL);         \
        for (int i = 0; i < mr; i++) {                                                       \
            UK_V av = a[i * rs + p * cs] - (UK_V){}; /* splat (x - 0 folds away; 0 + x: -0) */ \
            for (int j = 0; j < UK_NV; j++) acc[i][j] = __builtin_elementwise_fma(av, bv[j], acc[i][j]); \
        }                                                                                    \
        b += UK_NR;                                                                          \
    }
#if defined(UK_A_LANES)
        if (cs == mr && mr % UK_VL == 0) {
            // Packed A, mr a multiple of the lanes (constant per specialisation): the step's
            // mr elements of A come in as mr / UK_VL vector loads, and each row's element
            // is taken from its lane, which the FMA reads by element. (Same products, same
            // order as the loop below.)
            _Pragma("clang loop unroll_count(2)") for (long p = 0; p < k; p++) {
                UK_V bv[UK_NV], avec[UK_MR / UK_VL + 1];
                for (int j = 0; j < UK_NV; j++) bv[j] = UK_CAT(UK_FN, _load)(b + j * UK_VL);
                for (int v = 0; v < mr / UK_VL; v++) avec[v] = UK_CAT(UK_FN, _load)(a + p * mr + v * UK_VL);
                for (int i = 0; i < mr; i++) {
                    UK_V av = avec[i / UK_VL][i % UK_VL] - (UK_V){};
                    for (int j = 0; j < UK_NV; j++) acc[i][j] = __builtin_elementwise_fma(av, bv[j], acc[i][j]);
                }
                b += UK_NR;
            }
        } else
#endif
#if UK_MR > 8
        // Rows in place with more than 8 of them (AVX-512's 12): not unrolled. Unrolled, clang
        // loads the next steps' broadcasts of all rows early and spills them to the stack.
        if (cs == 1) {
            UK_K_LOOP(_Pragma("clang loop unroll(disable)"))
        } else
#endif
        {
            UK_K_LOOP(_Pragma("clang loop unroll_count(4)"))
        }
#undef UK_K_LOOP
    }
    // The loops over the accumulators are unrolled in full (one case of beta each): rolled,
    // the 24 AVX-512 accumulators would be stored to the stack to be indexed.
    if (nr == UK_NR) {
#define UK_STORE_ALL(UPDATE)                                                                 \
    _Pragma("clang loop unroll(full)") for (int i = 0; i < mr; i++)                          \
        _Pragma("clang loop unroll(full)") for (int j = 0; j < UK_NV; j++) {                 \
            UK_T *cij = c + i * ldc + j * UK_VL;                                             \
            UK_V r = acc[i][j] * alpha;                                                      \
            UPDATE;                                                                          \
            UK_CAT(UK_FN, _store)(cij, r);                                                   \
        }
        if (beta == 0) { UK_STORE_ALL((void)0) }
        else if (beta == 1) { UK_STORE_ALL(r += UK_CAT(UK_FN, _load)(cij)) }
        else { UK_STORE_ALL(r += UK_CAT(UK_FN, _load)(cij) * beta) }
#undef UK_STORE_ALL
    } else {
        UK_T tile[UK_MR][UK_NR];
#pragma clang loop unroll(full)
        for (int i = 0; i < mr; i++)
#pragma clang loop unroll(full)
            for (int j = 0; j < UK_NV; j++) UK_CAT(UK_FN, _store)(&tile[i][j * UK_VL], acc[i][j]);
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++) {
                UK_T r = alpha * tile[i][j];
                c[i * ldc + j] = beta == 0 ? r : r + beta * c[i * ldc + j];
            }
    }
}

static void UK_FN(long k, const UK_T *a, const UK_T *b, UK_T *c, long ldc, UK_T alpha,
                  UK_T beta, int mr, int nr) {
    switch (mr) {
#define UK_CASE(m) case m: UK_TILE(k, a, 1, m, b, c, ldc, alpha, beta, nr, m); return;
        UK_FOR_EACH_MR(UK_CASE)
#undef UK_CASE
    }
}

/// For A rows already in cache (a recurrence step's state or gate gradients), which then
/// need no packing.
static void UK_CAT(UK_FN, _rows)(long k, const UK_T *a, long lda, const UK_T *b, UK_T *c, long ldc,
                                 UK_T alpha, UK_T beta, int mr, int nr) {
    switch (mr) {
#define UK_CASE(m) case m: UK_TILE(k, a, lda, 1, b, c, ldc, alpha, beta, nr, m); return;
        UK_FOR_EACH_MR(UK_CASE)
#undef UK_CASE
    }
}

#if defined(UK_MR1_SPLAT4)
/// One row of A times all `ncols` columns of the packed B panels (panel q at b + q·k·NR):
/// a vector-matrix product (batch 1), C[0, 0:ncols] = alpha·a·B + beta·C. Four panels go
/// together, so that one splat of A feeds 4·UK_NV FMAs instead of UK_NV: the shuffles and
/// the call per panel otherwise cost a sixth of the FMA slots (in L1, 32 -> 38 GFLOP/s on
/// Zen 1). Each column sums over k in order, as the multi-row tile does; the panels left
/// over (fewer than four, or the last partial one) take the one-row tile.
static void UK_CAT(UK_FN, _row_panels)(long k, const UK_T *a, const UK_T *b, long ncols, UK_T *c,
                                       UK_T alpha, UK_T beta) {
    const long full = ncols / UK_NR, stride = k * UK_NR;
    long q = 0;
    for (; q + 4 <= full; q += 4) {
        const UK_T *bq = b + q * stride;
        UK_T *cq = c + q * UK_NR;
        UK_V acc[4][UK_NV];
        UK_V zero = (UK_V){};
#if defined(__aarch64__)
        __asm__("" : "+w"(zero));
#else
        __asm__("" : "+v"(zero));
#endif
        for (int g = 0; g < 4; g++)
            for (int j = 0; j < UK_NV; j++) acc[g][j] = zero;
        long p = 0;
        for (; p + 4 <= k; p += 4) {
            UK_V av[4];
            UK_CAT(UK_FN, _splat4)(a + p, av);
            for (int u = 0; u < 4; u++)
                for (int g = 0; g < 4; g++)
                    for (int j = 0; j < UK_NV; j++)
                        acc[g][j] = __builtin_elementwise_fma(
                            av[u], UK_CAT(UK_FN, _load)(bq + g * stride + (p + u) * UK_NR + j * UK_VL), acc[g][j]);
        }
        for (; p < k; p++) {
            UK_V av = a[p] - (UK_V){};
            for (int g = 0; g < 4; g++)
                for (int j = 0; j < UK_NV; j++)
                    acc[g][j] = __builtin_elementwise_fma(
                        av, UK_CAT(UK_FN, _load)(bq + g * stride + p * UK_NR + j * UK_VL), acc[g][j]);
        }
#pragma clang loop unroll(full)
        for (int g = 0; g < 4; g++)
#pragma clang loop unroll(full)
            for (int j = 0; j < UK_NV; j++) {
                UK_T *cij = cq + g * UK_NR + j * UK_VL;
                UK_V r = acc[g][j] * alpha;
                if (beta == 1) r += UK_CAT(UK_FN, _load)(cij);
                else if (beta != 0) r += UK_CAT(UK_FN, _load)(cij) * beta;
                UK_CAT(UK_FN, _store)(cij, r);
            }
    }
    for (; q * UK_NR < ncols; q++) {
        const int w = ncols - q * UK_NR < UK_NR ? (int)(ncols - q * UK_NR) : UK_NR;
        UK_TILE(k, a, 1, 1, b + q * stride, c + q * UK_NR, 0, alpha, beta, w, 1);
    }
}
#endif

#undef UK_TILE
#undef UK_NR
#undef UK_VL
#undef UK_FN
#undef UK_T
#undef UK_V
#undef UK_MR
#undef UK_NV
#undef UK_FOR_EACH_MR
#undef UK_MR1_SPLAT4
#undef UK_A_LANES
