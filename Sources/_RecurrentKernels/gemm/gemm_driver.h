// Template of the blocked GEMM driver and the public entry points for one element type.
// gemm.c includes it with T (element type) and P (s or d) defined.
//
// Loop nest (BLIS style), for C[M x N] += op(A)[M x K] · op(B)[K x N]:
//   jc: NC columns   pc: KC-deep chunk (B block packed)   ic: MC rows (A block packed)
//     jr: NR-wide B panel (kept in L1)   ir: MR-row A panel -> micro-kernel.
// Rows are cut into panels of balanced heights (<= MR), so M edges waste no flops;
// columns into NR panels, the last one zero-padded.
#define CAT3_(a, b, c) a##b##c
#define CAT3(a, b, c) CAT3_(a, b, c)
#define API(name) CAT3(rk_, P, name) /* API(gemm) is rk_sgemm or rk_dgemm */
#define IMPL CAT3(rk_, P, gemm_impl)
#define LOCAL(name) CAT3(P, _, name)

static const IMPL *LOCAL(impl_for)(int isa) {
#if defined(__x86_64__)
    if (isa == RK_ISA_AVX512) return &CAT3(rk_, P, gemm_avx512);
    if (isa == RK_ISA_AVX2) return &CAT3(rk_, P, gemm_avx2);
#elif defined(__aarch64__)
    if (isa == RK_ISA_NEON) return &CAT3(rk_, P, gemm_neon);
#else
    (void)isa; // only the portable kernels exist here
#endif
    return &CAT3(rk_, P, gemm_portable);
}

const IMPL *API(gemm_active_impl)(void) { return LOCAL(impl_for)(rk_isa_active()); }
long API(gemm_depth_chunk)(const IMPL *im, long K) { return balanced_kc(K, blocking_kc(im->kc)); }

typedef struct {
    const IMPL *im;
    int transA, transB;
    long M, N, K, kc;
    T alpha, beta;
    const T *A;
    long lda;
    const T *B;      // unpacked op(B) source, or NULL when prepacked
    long ldb;
    const T *packed; // prepacked B panels (past the header), or NULL
    T *C;
    long ldc;
    int split_n;     // threads share out column panels (else rows)
} LOCAL(job);

/// op(A)[i][p] and op(B)[p][j].
static inline const T *LOCAL(a_at)(const LOCAL(job) *jb, long i, long p) {
    return jb->transA ? jb->A + p * jb->lda + i : jb->A + i * jb->lda + p;
}
static inline void LOCAL(pack_b_cols)(const LOCAL(job) *jb, long p, long k, long j, long n, T *dst) {
    if (jb->transB) jb->im->pack_b_trans(k, n, jb->B + j * jb->ldb + p, jb->ldb, dst);
    else CAT3(rk_, P, pack_b)(k, n, jb->im->nr, jb->B + p * jb->ldb + j, jb->ldb, dst);
}

/// Micro-kernels over the packed A panels (rows[0...panels] of C) times the packed B
/// panels that cover ncols columns. A single row (batch 1) goes to the ISA's one-row
/// kernel over all the panels where it has one.
void API(gemm_macro_kernel)(const IMPL *im, long k, const T *pa, const long *rows, long panels,
                                const T *pb, long ncols, T *C, long ldc, T alpha, T beta) {
    const long nr = im->nr;
    if (panels == 1 && rows[1] - rows[0] == 1 && im->kernel_row_panels) {
        im->kernel_row_panels(k, pa, pb, ncols, C + rows[0] * ldc, alpha, beta);
        return;
    }
    for (long q = 0; q * nr < ncols; q++) {
        int w = (int)(ncols - q * nr < nr ? ncols - q * nr : nr);
        const T *a = pa;
        for (long p = 0; p < panels; p++) {
            long mr = rows[p + 1] - rows[p];
            im->kernel(k, a, pb + q * k * nr, C + rows[p] * ldc + q * nr, ldc, alpha, beta, (int)mr, w);
            a += mr * k;
        }
    }
}

void API(gemm_macro_kernel_rows)(const IMPL *im, long k, const T *A, long lda, const long *rows, long panels,
                                 const T *pb, long ncols, T *C, long ldc, T alpha, T beta) {
    const long nr = im->nr;
    if (panels == 1 && rows[1] - rows[0] == 1 && im->kernel_row_panels) {
        im->kernel_row_panels(k, A + rows[0] * lda, pb, ncols, C + rows[0] * ldc, alpha, beta);
        return;
    }
    for (long q = 0; q * nr < ncols; q++) {
        int w = (int)(ncols - q * nr < nr ? ncols - q * nr : nr);
        for (long p = 0; p < panels; p++)
            im->kernel_rows(k, A + rows[p] * lda, lda, pb + q * k * nr, C + rows[p] * ldc + q * nr, ldc, alpha, beta,
                            (int)(rows[p + 1] - rows[p]), w);
    }
}

/// Packed B panels and the C columns they produce (one per product sharing A).
typedef struct {
    const T *pb;
    long ncols;
    T *C;  // at row m0
    long ldc;
} LOCAL(target);

/// One K chunk (depth k at pc) of rows m0..<m0+M: each MC-row block of op(A) is packed once
/// and multiplied by the B panels of every target.
static void LOCAL(row_blocks)(const LOCAL(job) *jb, long m0, long M, long pc, long k, T beta, T *pa,
                              const LOCAL(target) *targets, int count) {
    const IMPL *im = jb->im;
    const long panels = div_up(M, im->mr), block_panels = blocking_mc(im->mc, im->mr, MAX_BLOCK_PANELS) / im->mr;
    long rows[MAX_BLOCK_PANELS + 1];
    for (long p0 = 0; p0 < panels; p0 += block_panels) {
        long np = panels - p0 < block_panels ? panels - p0 : block_panels;
        for (long p = 0; p <= np; p++) rows[p] = (p0 + p) * M / panels;
        CAT3(rk_, P, pack_a)(jb->transA, rows, np, k, LOCAL(a_at)(jb, m0, pc), jb->lda, pa);
        for (int t = 0; t < count; t++)
            API(gemm_macro_kernel)(im, k, pa, rows, np, targets[t].pb, targets[t].ncols, targets[t].C,
                                   targets[t].ldc, jb->alpha, beta);
    }
}

/// Rows m0..<m1 and column panels q0..<q1 of the product, on the calling thread.
static void LOCAL(run_range)(const LOCAL(job) *jb, long m0, long m1, long q0, long q1) {
    const IMPL *im = jb->im;
    const long nr = im->nr, M = m1 - m0, K = jb->K, kc = jb->kc;
    const long n0 = q0 * nr, n1 = q1 * nr < jb->N ? q1 * nr : jb->N;
    if (M <= 0 || n1 <= n0) return;
    const long mc = blocking_mc(im->mc, im->mr, MAX_BLOCK_PANELS);
    const long panels = div_up(M, im->mr), block_panels = mc / im->mr;
    const long blocks = div_up(panels, block_panels);
    long rows[MAX_BLOCK_PANELS + 1];
    T *pa = rk_scratch(0, sizeof(T) * (size_t)(mc * kc));
    T *C = jb->C + m0 * jb->ldc;

    if (blocks == 1 && !jb->packed) {
        // Few rows: pack A once per K chunk and B a group of panels at a time right
        // before their use, so the packed B stays in L2 instead of going out to memory.
        const long group = SMALL_M_B_GROUP / kc / nr * nr > nr ? SMALL_M_B_GROUP / kc / nr * nr : nr;
        T *pb = rk_scratch(1, sizeof(T) * (size_t)(group * kc));
        for (long p = 0; p <= panels; p++) rows[p] = p * M / panels;
        for (long pc = 0; pc < K; pc += kc) {
            long k = K - pc < kc ? K - pc : kc;
            T beta = pc == 0 ? jb->beta : 1;
            CAT3(rk_, P, pack_a)(jb->transA, rows, panels, k, LOCAL(a_at)(jb, m0, pc), jb->lda, pa);
            for (long j = n0; j < n1; j += group) {
                long w = n1 - j < group ? n1 - j : group;
                LOCAL(pack_b_cols)(jb, pc, k, j, w, pb);
                API(gemm_macro_kernel)(im, k, pa, rows, panels, pb, w, C + j, jb->ldc, jb->alpha, beta);
            }
        }
        return;
    }

    // Prepacked B is one block: its K chunks are laid out one after the other over all N.
    const long nc = jb->packed ? n1 - n0 : blocking_nc(im->nc, nr), npad = div_up(jb->N, nr) * nr;
    T *pb = jb->packed ? NULL : rk_scratch(1, sizeof(T) * (size_t)(nc * kc));
    for (long jc = n0; jc < n1; jc += nc) {
        long ncols = n1 - jc < nc ? n1 - jc : nc;
        for (long pc = 0; pc < K; pc += kc) {
            long k = K - pc < kc ? K - pc : kc;
            T beta = pc == 0 ? jb->beta : 1;
            const T *b = jb->packed ? jb->packed + pc * npad + jc * k : pb;
            if (!jb->packed) LOCAL(pack_b_cols)(jb, pc, k, jc, ncols, pb);
            LOCAL(target) target = {b, ncols, C + jc, jb->ldc};
            LOCAL(row_blocks)(jb, m0, M, pc, k, beta, pa, &target, 1);
        }
    }
}

/// Participant t's share of the rows: whole MR panels, balanced.
static void LOCAL(row_share)(const LOCAL(job) *jb, int t, int count, long *m0, long *m1) {
    long mr = jb->im->mr, units = div_up(jb->M, mr), end = units * (t + 1) / count * mr;
    *m0 = units * t / count * mr;
    *m1 = end < jb->M ? end : jb->M;
}

static void LOCAL(task)(void *ctx, int t, int count) {
    const LOCAL(job) *jb = ctx;
    long nq = div_up(jb->N, jb->im->nr);
    if (jb->split_n) {
        LOCAL(run_range)(jb, 0, jb->M, nq * t / count, nq * (t + 1) / count);
    } else {
        long m0, m1;
        LOCAL(row_share)(jb, t, count, &m0, &m1);
        LOCAL(run_range)(jb, m0, m1, 0, nq);
    }
}

static void LOCAL(execute)(LOCAL(job) *jb) {
    long nq = div_up(jb->N, jb->im->nr), mq = div_up(jb->M, jb->im->mr);
    int threads = rk_get_threads();
    if (threads > 1 && 2.0 * (double)jb->M * (double)jb->N * (double)jb->K >= PARALLEL_MIN_FLOPS) {
        // Each thread packs all of the operand it does not split: split N when B is
        // prepacked or A is the smaller operand to pack twice (M <= N), else split M.
        if (jb->packed) jb->split_n = nq >= 4L * threads || nq >= mq;
        else jb->split_n = (jb->M <= jb->N && nq >= threads) || mq < threads;
        long units = jb->split_n ? nq : mq;
        rk_parallel((int)(units < threads ? units : threads), LOCAL(task), jb);
    } else {
        LOCAL(run_range)(jb, 0, jb->M, 0, nq);
    }
}

/// C = beta * C (the whole product when K == 0 or alpha == 0).
static void LOCAL(scale)(long M, long N, T beta, T *C, long ldc) {
    if (beta == 1) return;
    for (long i = 0; i < M; i++)
        for (long j = 0; j < N; j++) C[i * ldc + j] = beta == 0 ? 0 : beta * C[i * ldc + j];
}

/// One row times Bᵀ by dot products (the ISA's gemv_rows), its rows of B shared out.
typedef struct {
    const IMPL *im;
    long N, K, ldb;
    const T *B, *a;
    T *y;
    T alpha, beta;
} LOCAL(gemv_job);

static void LOCAL(gemv_task)(void *ctx, int i, int count) {
    const LOCAL(gemv_job) *g = ctx;
    long j0 = g->N * i / count, j1 = g->N * (i + 1) / count;
    if (j1 > j0) g->im->gemv_rows(j1 - j0, g->K, g->B + j0 * g->ldb, g->ldb, g->a, g->y + j0, g->alpha, g->beta);
}

void API(gemm)(int transA, int transB, long M, long N, long K, T alpha, const T *A, long lda,
               const T *B, long ldb, T beta, T *C, long ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0 || alpha == 0) {
        LOCAL(scale)(M, N, beta, C, ldc);
        return;
    }
    const IMPL *im = LOCAL(impl_for)(rk_isa_active());
    if (M == 1 && transB && im->gemv_rows) {
        // One row times Bᵀ (B's rows contiguous): dot products with B where it is, since
        // packing B would cost as much as the product (a step of batch 1, a single logit row).
        const T *a = A;
        if (transA && lda != 1) {
            T *g = rk_scratch(0, sizeof(T) * (size_t)K);
            for (long p = 0; p < K; p++) g[p] = A[p * lda];
            a = g;
        }
        LOCAL(gemv_job) g = {im, N, K, ldb, B, a, C, alpha, beta};
        int threads = rk_get_threads();
        // Split only where B is too big for one core's caches (then both cores' bandwidth counts).
        if (threads > 1 && N >= 2L * threads && (double)N * (double)K >= GEMV_PARALLEL_MIN_ELEMENTS)
            rk_parallel(threads, LOCAL(gemv_task), &g);
        else
            LOCAL(gemv_task)(&g, 0, 1);
        return;
    }
    LOCAL(job) jb = {im, !!transA, !!transB, M, N, K, balanced_kc(K, blocking_kc(im->kc)), alpha, beta,
                     A, lda, B, ldb, NULL, C, ldc, 0};
    LOCAL(execute)(&jb);
}

/// A second product sharing the first's A (rk_?gemm_shared_a): B2 is not transposed.
typedef struct {
    LOCAL(job) first;
    long N2, ldb2, ldc2;
    const T *B2;
    T *C2;
} LOCAL(pair_job);

/// Rows m0..<m1 of both products: each packed A block serves the B1 and the B2 panels.
static void LOCAL(run_pair_rows)(const LOCAL(pair_job) *pj, long m0, long m1) {
    const LOCAL(job) *jb = &pj->first;
    const long nr = jb->im->nr, M = m1 - m0, K = jb->K, kc = jb->kc, n1pad = div_up(jb->N, nr) * nr;
    if (M <= 0) return;
    T *pa = rk_scratch(0, sizeof(T) * (size_t)(blocking_mc(jb->im->mc, jb->im->mr, MAX_BLOCK_PANELS) * kc));
    T *pb = rk_scratch(1, sizeof(T) * (size_t)((n1pad + div_up(pj->N2, nr) * nr) * kc));
    for (long pc = 0; pc < K; pc += kc) {
        long k = K - pc < kc ? K - pc : kc;
        LOCAL(target) targets[2] = {{pb, jb->N, jb->C + m0 * jb->ldc, jb->ldc},
                                    {pb + n1pad * k, pj->N2, pj->C2 + m0 * pj->ldc2, pj->ldc2}};
        CAT3(rk_, P, pack_b)(k, jb->N, nr, jb->B + pc * jb->ldb, jb->ldb, pb);
        CAT3(rk_, P, pack_b)(k, pj->N2, nr, pj->B2 + pc * pj->ldb2, pj->ldb2, pb + n1pad * k);
        LOCAL(row_blocks)(jb, m0, M, pc, k, pc == 0 ? jb->beta : 1, pa, targets, 2);
    }
}

static void LOCAL(pair_task)(void *ctx, int t, int count) {
    const LOCAL(pair_job) *pj = ctx;
    long m0, m1;
    LOCAL(row_share)(&pj->first, t, count, &m0, &m1);
    LOCAL(run_pair_rows)(pj, m0, m1);
}

void API(gemm_shared_a)(int transA, long M, long K, T alpha, const T *A, long lda,
                        long N1, const T *B1, long ldb1, T *C1, long ldc1,
                        long N2, const T *B2, long ldb2, T *C2, long ldc2, T beta) {
    const IMPL *im = LOCAL(impl_for)(rk_isa_active());
    const long nc = blocking_nc(im->nc, im->nr), mc = blocking_mc(im->mc, im->mr, MAX_BLOCK_PANELS);
    // One pass needs both B blocks side by side (N1 + N2 within NC) and rows enough for
    // full A blocks; otherwise the two products run as they would alone.
    if (M <= 2 * mc || K <= 0 || alpha == 0 || N1 <= 0 || N2 <= 0 || N1 + N2 > nc) {
        API(gemm)(transA, 0, M, N1, K, alpha, A, lda, B1, ldb1, beta, C1, ldc1);
        API(gemm)(transA, 0, M, N2, K, alpha, A, lda, B2, ldb2, beta, C2, ldc2);
        return;
    }
    LOCAL(pair_job) pj = {{im, !!transA, 0, M, N1, K, balanced_kc(K, blocking_kc(im->kc)), alpha, beta,
                           A, lda, B1, ldb1, NULL, C1, ldc1, 0},
                          N2, ldb2, ldc2, B2, C2};
    int threads = rk_get_threads();
    long units = div_up(M, im->mr);
    if (threads > 1 && 2.0 * (double)M * (double)(N1 + N2) * (double)K >= PARALLEL_MIN_FLOPS)
        rk_parallel((int)(units < threads ? units : threads), LOCAL(pair_task), &pj);
    else
        LOCAL(run_pair_rows)(&pj, 0, M);
}

enum { LOCAL(HEADER) = sizeof(packed_header_space) / sizeof(T) };

size_t API(gemm_packed_b_size)(long K, long N) {
    const long max_nr = sizeof(T) == 4 ? RK_MAX_NR_S : RK_MAX_NR_D;
    if (K <= 0 || N <= 0) return LOCAL(HEADER);
#if defined(__aarch64__)
    // NEON's NR (12 float, 6 double) does not divide max_nr: room for N rounded up to any
    // NR <= max_nr (div_up(N, nr) * nr <= N + nr - 1).
    return LOCAL(HEADER) + (size_t)K * (size_t)(N + max_nr - 1);
#else
    return LOCAL(HEADER) + (size_t)K * (size_t)(div_up(N, max_nr) * max_nr);
#endif
}

void API(gemm_pack_b)(int transB, long K, long N, const T *B, long ldb, T *packed) {
    const IMPL *im = LOCAL(impl_for)(rk_isa_active());
    packed_header h = {PACKED_MAGIC, (uint32_t)im->isa, sizeof(T), (uint32_t)im->nr,
                       (uint32_t)balanced_kc(K, blocking_kc(im->kc)), K, N};
    memcpy(packed, &h, sizeof h);
    if (K <= 0 || N <= 0) return;
    LOCAL(job) jb = {.im = im, .transB = !!transB, .B = B, .ldb = ldb};
    T *dst = packed + LOCAL(HEADER);
    for (long pc = 0; pc < K; pc += h.kc) {
        long k = K - pc < h.kc ? K - pc : h.kc;
        LOCAL(pack_b_cols)(&jb, pc, k, 0, N, dst);
        dst += k * div_up(N, im->nr) * im->nr;
    }
}

/// op(B)[p][j] from a packed buffer, for a layout this CPU has no kernel for.
static T LOCAL(packed_element)(const packed_header *h, const T *data, long p, long j) {
    long kc = h->kc, nr = h->nr, npad = div_up(h->N, nr) * nr, pc = p / kc * kc;
    long k = h->K - pc < kc ? h->K - pc : kc;
    return data[pc * npad + j / nr * k * nr + (p - pc) * nr + j % nr];
}

void API(gemm_packed)(int transA, long M, long N, long K, T alpha, const T *A, long lda,
                      const T *packed, T beta, T *C, long ldc) {
    packed_header h;
    memcpy(&h, packed, sizeof h);
    if (h.magic != PACKED_MAGIC || h.elem_size != sizeof(T) || h.K != K || h.N != N) {
        fprintf(stderr, "Recurrent: rk_%cgemm_packed: buffer was not packed by rk_%cgemm_pack_b for K=%ld, N=%ld\n",
                sizeof(T) == 4 ? 's' : 'd', sizeof(T) == 4 ? 's' : 'd', K, N);
        abort();
    }
    if (M <= 0 || N <= 0) return;
    if (K <= 0 || alpha == 0) {
        LOCAL(scale)(M, N, beta, C, ldc);
        return;
    }
    const T *data = packed + LOCAL(HEADER);
    // The kernel must match the layout, so the header's ISA is used whatever is active now.
    const IMPL *im = LOCAL(impl_for)((int)h.isa);
    if (!rk_isa_supported((int)h.isa) || im->isa != (int)h.isa || im->nr != (int)h.nr) {
        // Packed elsewhere (another CPU or build): unpack and take the general path.
        T *B = malloc(sizeof(T) * (size_t)(K * N));
        if (!B) abort();
        for (long p = 0; p < K; p++)
            for (long j = 0; j < N; j++) B[p * N + j] = LOCAL(packed_element)(&h, data, p, j);
        API(gemm)(transA, 0, M, N, K, alpha, A, lda, B, N, beta, C, ldc);
        free(B);
        return;
    }
    LOCAL(job) jb = {im, !!transA, 0, M, N, K, h.kc, alpha, beta, A, lda, NULL, 0, data, C, ldc, 0};
    LOCAL(execute)(&jb);
}

#undef CAT3_
#undef CAT3
#undef API
#undef IMPL
#undef LOCAL
#undef T
#undef P
