// Template of the fused recurrence (rk_recurrence.h) for one element type: recurrence.c
// includes it with T (element type) and P (s or d) defined.
//
// The participants of a job share the work in one of two ways (the job's split_rows):
// - by batch rows (batches of at least RK_RECURRENCE_MIN_SPLIT_ROWS rows per participant):
//   each owns rows b0 ..< b1 and runs the whole time loop on them alone — every row's
//   recurrence is independent, so the participants never meet until the end (no per-step
//   barrier: jitter of one thread at one step is not waited for by the others), at the cost
//   of each reading all of W_hh every step;
// - by hidden units u0 ..< u1 (whole NR-wide column panels, so its products need no edge
//   handling beyond the last panel), which small batches (batch 1) need:
//   forward  step: gates[:, its units] (+)= h_{t-1} · W_hhᵀ[:, its units]; cell pass on its
//                  units -> h_t, c_t [its units]; barrier (the next product reads all of h_t).
//   backward step: cell pass on its units -> dgates[:, its units], dh := 0 there; barrier
//                  (the product reads every unit's dgates); dh[:, its units] += dgates · W_hh.
//   The backward product only writes the participant's own units of dh, which is all its
//   next cell pass reads, so one barrier per step suffices in both directions.
// Either way a participant's rows and units are a window (row offset b0, B' rows) on the
// same buffers and strides, so one loop serves both.
#define CAT3_(a, b, c) a##b##c
#define CAT3(a, b, c) CAT3_(a, b, c)
#define IMPL CAT3(rk_, P, gemm_impl)
#define LOCAL(name) CAT3(P, _rec_, name)
#define CELL(name) CAT3(rk_, P, name)

typedef struct {
    const IMPL *im;
    int cell;
    long steps, B, H, G, chunks; // chunks: NR-wide unit panels shared out
    int reverse;
    const int32_t *lengths;
    const T *whh, *bhh;
    const T *bias;       // forward: input-side biases added to each step's xp (NULL: in xp already)
    T *out;              // forward: row t·B + b of the layer output at out + (t·B + b)·ldo (NULL: none)
    long ldo;
    T *xp, *hp, *gates, *hs, *cs;
    // backward
    const T *dy;
    long ldy, truncation;
    T *dh, *dc, *dg, *dgh;
    double *acc, *acc_h; // per participant, G·H column sums of its rows of dg and dgh (NULL: not wanted)
    const T *wih;        // ∂x products (dx != NULL): W_ih (G·H, I), dx (T·B, I), I in ichunks NR panels
    long I, ichunks;
    T *dx;
    int split_rows;      // share rows (else units) out
    T *pb_shared;        // split_rows: the one packed W_hh all participants read (the caller's scratch)
    T *pbi_shared;       // split_rows: likewise for W_ih (∂x products)
    rk_barrier barrier;
} LOCAL(job);

/// The rows and units of participant i of count.
static void LOCAL(share)(const LOCAL(job) *jb, int i, int count, long *b0, long *b1, long *u0, long *u1) {
    if (jb->split_rows) {
        *b0 = jb->B * i / count;
        *b1 = jb->B * (i + 1) / count;
        *u0 = 0;
        *u1 = jb->H;
        return;
    }
    long nr = jb->im->nr;
    long c0 = jb->chunks * i / count, c1 = jb->chunks * (i + 1) / count;
    *b0 = 0;
    *b1 = jb->B;
    *u0 = c0 * nr;
    *u1 = c1 * nr < jb->H ? c1 * nr : jb->H;
}

/// The columns i0 ..< i1 of ∂x that participant i of count computes: all of them when
/// sharing rows, else a share of the NR-wide panels (possibly none).
static void LOCAL(input_share)(const LOCAL(job) *jb, int i, int count, long *i0, long *i1) {
    if (jb->split_rows) {
        *i0 = 0;
        *i1 = jb->I;
        return;
    }
    long nr = jb->im->nr, c0 = jb->ichunks * i / count, c1 = jb->ichunks * (i + 1) / count;
    *i0 = c0 * nr < jb->I ? c0 * nr : jb->I;
    *i1 = c1 * nr < jb->I ? c1 * nr : jb->I;
}

/// C (+)= A · Bpacked for one K chunk: A packed into pa, or (pa NULL) its rows read in place.
static inline void LOCAL(multiply)(const IMPL *im, long k, const T *pa, const T *A, long lda, const long *rows,
                                   long panels, const T *pb, long ncols, T *C, long ldc, T beta) {
    if (pa) CAT3(rk_, P, gemm_macro_kernel)(im, k, pa, rows, panels, pb, ncols, C, ldc, 1, beta);
    else CAT3(rk_, P, gemm_macro_kernel_rows)(im, k, A, lda, rows, panels, pb, ncols, C, ldc, 1, beta);
}

/// C[:, g·gstride ..< g·gstride + width] (+)= A · Bpacked for each of the `groups` column
/// groups, K deep in chunks of kc (A, rows x K, packed chunk by chunk into pa). pb: per
/// chunk, per group, the group's NR panels (as the gemm's pack_b / pack_b_trans lay them out).
/// With pb2, also C2[:, 0 ..< width2] += A · B2packed (one group), from the same packing of A.
/// pa NULL: the kernels read A's rows in place instead.
static void LOCAL(product)(const IMPL *im, long K, long kc, const long *rows, long panels,
                           const T *A, long lda, const T *pb, long groups, long width, T *C,
                           long ldc, long gstride, int accumulate, const T *pb2, long width2, T *C2,
                           long ldc2, T *pa) {
    const long nr = im->nr, ppg = (width + nr - 1) / nr, ppg2 = (width2 + nr - 1) / nr;
    for (long pc = 0; pc < K; pc += kc) {
        long k = K - pc < kc ? K - pc : kc;
        T beta = accumulate || pc > 0 ? 1 : 0;
        if (pa) CAT3(rk_, P, pack_a)(0, rows, panels, k, A + pc, lda, pa);
        const T *b = pb + pc * groups * ppg * nr;
        for (long g = 0; g < groups; g++, b += ppg * k * nr)
            LOCAL(multiply)(im, k, pa, A + pc, lda, rows, panels, b, width, C + g * gstride, ldc, beta);
        if (pb2) LOCAL(multiply)(im, k, pa, A + pc, lda, rows, panels, pb2 + pc * ppg2 * nr, width2, C2, ldc2, 1);
    }
}

/// One row's product with W_hhᵀ for the units u0 ..< u0 + width of each of the `groups`
/// gates, W_hh's rows read in place: C[g·H + u] (+)= Σ_k h[k]·W_hh[(g·H + u0 + u)·H + k].
static void LOCAL(product_unpacked)(const IMPL *im, const T *whh, long H, long u0, long width, long groups,
                                    const T *h, T *C, int accumulate) {
    for (long g = 0; g < groups; g++)
        im->gemv_rows(width, H, whh + (g * H + u0) * H, H, h, C + g * H, 1, accumulate ? 1 : 0);
}

/// Whether a step's product reads its left operand's rows in place (rows of lda values
/// each): when the rows span at most about half of L1 — the state or gate gradients just
/// written, still in L1, then cost more to pack (a pass over them) than to read strided
/// (1 thread, best of 8 alternating: RNN 32,64,64,128 inference 6 % faster, batch 1 2-7 %).
/// Rows spread further apart share cache sets and streams: LSTM 32,50,256,512 on 2 threads
/// (16 rows of 2 KiB each, read 1 KiB at a time) trained 11 % slower read in place.
static int LOCAL(direct)(long rows, long lda) { return rows * lda * (long)sizeof(T) <= rk_recurrence_direct_a(); }

/// Row panels of the batch: balanced heights <= MR (rows[0...panels]).
static long *LOCAL(row_panels)(const IMPL *im, long B, long *panels) {
    *panels = (B + im->mr - 1) / im->mr;
    long *rows = malloc(sizeof(long) * (size_t)(*panels + 1));
    if (!rows) abort();
    for (long p = 0; p <= *panels; p++) rows[p] = p * B / *panels;
    return rows;
}

/// x (rows of G·H) += bias, in the units u0 ..< u1 of every gate: a participant's block of
/// one step's input projections, just before its product or cell pass reads them (so the
/// pass that brings them from memory is shared out between the threads and leaves them in
/// cache, instead of one pass over all steps before the loop).
static void LOCAL(add_bias)(long rows, long G, long H, long u0, long u1, const T *restrict bias, T *restrict x) {
    for (long b = 0; b < rows; b++, x += G * H)
        for (long g = 0; g < G; g++)
            for (long j = g * H + u0; j < g * H + u1; j++) x[j] += bias[j];
}

/// The step's states (rows of H, units u0 ..< u1) into the layer output (rows ldo apart),
/// zero for rows whose sequence has ended: written while they are in cache, by the thread
/// that computed them.
static void LOCAL(write_output)(long rows, long H, long u0, long u1, long t, const int32_t *lengths, const T *h,
                                T *out, long ldo) {
    for (long b = 0; b < rows; b++, h += H, out += ldo) {
        if (lengths && lengths[b] <= t)
            for (long j = u0; j < u1; j++) out[j] = 0;
        else
            memcpy(out + u0, h + u0, sizeof(T) * (size_t)(u1 - u0));
    }
}

static void LOCAL(forward_task)(void *ctx, int i, int count) {
    LOCAL(job) *jb = ctx;
    const IMPL *im = jb->im;
    const long steps = jb->steps, B = jb->B, H = jb->H, G = jb->G, BH = B * H, nr = im->nr;
    long b0, b1, u0, u1;
    LOCAL(share)(jb, i, count, &b0, &b1, &u0, &u1);
    const long Bp = b1 - b0, width = u1 - u0, ppg = (width + nr - 1) / nr, kc = CAT3(rk_, P, gemm_depth_chunk)(im, H);
    const int32_t *lengths = jb->lengths ? jb->lengths + b0 : NULL;
    const int meet = !jb->split_rows;
    long panels;
    long *rows = LOCAL(row_panels)(im, Bp, &panels);
    // One step of one row (sampling, step-by-step decoding): the product reads W_hh's rows in
    // place (packing them would cost as much as the product).
    const int unpacked = steps == 1 && Bp == 1 && im->gemv_rows && !jb->split_rows;
    // Else W_hhᵀ restricted to this participant's units of every gate, packed once.
    // Sharing rows, the participants pack one copy together (every (chunk, gate) block is
    // packed by one of them), so that they read the same W_hh from the shared cache.
    T *pb = unpacked ? NULL : jb->split_rows ? jb->pb_shared : rk_scratch(1, sizeof(T) * (size_t)(H * G * ppg * nr));
    const int packers = jb->split_rows ? count : 1, packer = jb->split_rows ? i : 0;
    long block = 0;
    for (long pc = 0, off = 0; pc < H && !unpacked; pc += kc) {
        long k = H - pc < kc ? H - pc : kc;
        for (long g = 0; g < G; g++, off += k * ppg * nr)
            if (block++ % packers == packer) im->pack_b_trans(k, width, jb->whh + (g * H + u0) * H + pc, H, pb + off);
    }
    if (packers > 1) rk_barrier_wait(&jb->barrier, count);
    T *pa = unpacked || LOCAL(direct)(Bp, H) ? NULL : rk_scratch(0, sizeof(T) * (size_t)(Bp * kc));
    const int act = jb->cell == RK_CELL_RNN_RELU ? 2 : 1;
    // Row t·B + b0 of each time-major buffer: the participant's window (gate buffers G·H
    // wide, states H wide).
    const long gstep = B * G * H, goff = b0 * G * H, hoff = b0 * H;
    // GRU inference (no hp, gates): one step of them for this participant's rows, reused
    // (hp's rows, then the gates').
    T *step = NULL;
    if (jb->cell == RK_CELL_GRU && !jb->gates && !(step = malloc(sizeof(T) * (size_t)(2 * Bp * G * H)))) abort();
    for (long s = 0; s < steps; s++) {
        long t = jb->reverse ? steps - 1 - s : s;
        long prev = jb->reverse ? t + 1 : t, next = jb->reverse ? t : t + 1;
        const T *hprev = jb->hs + prev * BH + hoff;
        T *h = jb->hs + next * BH + hoff;
        if (jb->bias) LOCAL(add_bias)(Bp, G, H, u0, u1, jb->bias, jb->xp + t * gstep + goff);
        switch (jb->cell) {
        case RK_CELL_LSTM: {
            T *gt = jb->xp + t * gstep + goff;
            if (unpacked) LOCAL(product_unpacked)(im, jb->whh, H, u0, width, G, hprev, gt + u0, 1);
            else LOCAL(product)(im, H, kc, rows, panels, hprev, H, pb, G, width, gt + u0, G * H, H, 1, NULL, 0, NULL, 0, pa);
            CELL(_lstm_forward_units)(Bp, H, u0, u1, t, lengths, gt, jb->cs + prev * BH + hoff, hprev,
                                      jb->cs + next * BH + hoff, h);
            break;
        }
        case RK_CELL_GRU: {
            T *hpt = step ? step : jb->hp + t * gstep + goff;
            T *gatest = step ? step + Bp * G * H : jb->gates + t * gstep + goff;
            if (unpacked) LOCAL(product_unpacked)(im, jb->whh, H, u0, width, G, hprev, hpt + u0, 0);
            else LOCAL(product)(im, H, kc, rows, panels, hprev, H, pb, G, width, hpt + u0, G * H, H, 0, NULL, 0, NULL, 0, pa);
            CELL(_gru_forward_units)(Bp, H, u0, u1, t, lengths, jb->xp + t * gstep + goff, G * H, hpt,
                                     jb->bhh, gatest, hprev, h);
            break;
        }
        default: {
            T *pre = jb->xp + t * gstep + goff;
            if (unpacked) LOCAL(product_unpacked)(im, jb->whh, H, u0, width, 1, hprev, pre + u0, 1);
            else LOCAL(product)(im, H, kc, rows, panels, hprev, H, pb, 1, width, pre + u0, H, H, 1, NULL, 0, NULL, 0, pa);
            CELL(_rnn_forward_units)(Bp, H, u0, u1, t, lengths, act, pre, hprev, h);
            break;
        }
        }
        if (jb->out) LOCAL(write_output)(Bp, H, u0, u1, t, lengths, h, jb->out + (t * B + b0) * jb->ldo, jb->ldo);
        if (meet) rk_barrier_wait(&jb->barrier, count);
    }
    free(step);
    free(rows);
}

// out += the participants' sums, added in participant order (a unit split's shares are
// disjoint, so there each column is one participant's sum, as with one thread).
static void LOCAL(add_sums)(int count, long GH, const double *acc, T *out) {
    for (long k = 0; k < GH; k++) {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += acc[i * GH + k];
        out[k] += (T)sum;
    }
}

static void LOCAL(backward_task)(void *ctx, int i, int count) {
    LOCAL(job) *jb = ctx;
    const IMPL *im = jb->im;
    const long steps = jb->steps, B = jb->B, H = jb->H, G = jb->G, GH = G * H, BH = B * H, nr = im->nr;
    long b0, b1, u0, u1;
    LOCAL(share)(jb, i, count, &b0, &b1, &u0, &u1);
    const long Bp = b1 - b0, width = u1 - u0, ppg = (width + nr - 1) / nr, kc = CAT3(rk_, P, gemm_depth_chunk)(im, GH);
    const int32_t *lengths = jb->lengths ? jb->lengths + b0 : NULL;
    const int meet = !jb->split_rows;
    long panels;
    long *rows = LOCAL(row_panels)(im, Bp, &panels);
    // W_hh restricted to this participant's columns (units), all G·H rows, packed once;
    // likewise W_ih restricted to its columns of ∂x.
    long i0 = 0, i1 = 0;
    if (jb->dx) LOCAL(input_share)(jb, i, count, &i0, &i1);
    const long iwidth = i1 - i0, ippg = (iwidth + nr - 1) / nr, I = jb->I;
    T *pb = jb->split_rows ? jb->pb_shared : rk_scratch(1, sizeof(T) * (size_t)(GH * ppg * nr));
    T *pbi = iwidth <= 0 ? NULL : jb->split_rows ? jb->pbi_shared : rk_scratch(2, sizeof(T) * (size_t)(GH * ippg * nr));
    const int packers = jb->split_rows ? count : 1, packer = jb->split_rows ? i : 0;
    long block = 0;
    for (long pc = 0; pc < GH; pc += kc) {
        long k = GH - pc < kc ? GH - pc : kc;
        if (block++ % packers == packer) CAT3(rk_, P, pack_b)(k, width, (int)nr, jb->whh + pc * H + u0, H, pb + pc * ppg * nr);
        if (pbi && block++ % packers == packer)
            CAT3(rk_, P, pack_b)(k, iwidth, (int)nr, jb->wih + pc * I + i0, I, pbi + pc * ippg * nr);
    }
    if (packers > 1) rk_barrier_wait(&jb->barrier, count);
    T *pa = LOCAL(direct)(Bp, GH) ? NULL : rk_scratch(0, sizeof(T) * (size_t)(Bp * kc));
    const int act = jb->cell == RK_CELL_RNN_RELU ? 2 : 1;
    const long gstep = B * GH, goff = b0 * GH, hoff = b0 * H;  // the participant's window, as forward
    T *dh = jb->dh + hoff, *dc = jb->dc ? jb->dc + hoff : NULL;
    double *acc = jb->acc ? jb->acc + i * GH : NULL, *acc_h = jb->acc_h ? jb->acc_h + i * GH : NULL;
    for (long s = 0; s < steps; s++) {
        long t = jb->reverse ? s : steps - 1 - s;
        long prev = jb->reverse ? t + 1 : t, next = jb->reverse ? t : t + 1;
        const T *dyt = jb->dy ? jb->dy + (t * B + b0) * jb->ldy : NULL;
        T *dgt = jb->dg + t * gstep + goff, *dght = dgt;
        switch (jb->cell) {
        case RK_CELL_LSTM:
            CELL(_lstm_backward_units)(Bp, H, u0, u1, t, lengths, jb->xp + t * gstep + goff, jb->cs + prev * BH + hoff,
                                       jb->cs + next * BH + hoff, dyt, jb->ldy, dh, dc, dgt);
            break;
        case RK_CELL_GRU:
            dght = jb->dgh + t * gstep + goff;
            CELL(_gru_backward_units)(Bp, H, u0, u1, t, lengths, jb->gates + t * gstep + goff, jb->hp + t * gstep + goff,
                                      jb->hs + prev * BH + hoff, dyt, jb->ldy, dh, dgt, dght);
            break;
        default:
            CELL(_rnn_backward_units)(Bp, H, u0, u1, t, lengths, act, jb->hs + next * BH + hoff, dyt, jb->ldy, dh, dgt);
            break;
        }
        if (acc) CELL(_sum_units)(Bp, G, H, u0, u1, dgt, acc);
        if (acc_h) CELL(_sum_units)(Bp, G, H, u0, u1, dght, acc_h);
        if (meet) rk_barrier_wait(&jb->barrier, count);
        // dh_{t-1}[:, its units] += dgh_t · W_hh and, when fused (the two sides' gate
        // gradients are then the same: fuses_dx), ∂x_t[:, its columns] += dg_t · W_ih from the
        // same packing.
        T *dxt = pbi ? jb->dx + (t * B + b0) * I + i0 : NULL;
        LOCAL(product)(im, GH, kc, rows, panels, dght, GH, pb, 1, width, dh + u0, H, 0, 1, pbi, iwidth, dxt, I, pa);
        // Truncated BPTT: the state entering each chunk of `truncation` steps is detached.
        long processed = jb->reverse ? steps - 1 - t : t;
        if (jb->truncation > 0 && processed > 0 && processed % jb->truncation == 0) {
            for (long b = 0; b < Bp; b++) {
                memset(dh + b * H + u0, 0, sizeof(T) * (size_t)width);
                if (dc) memset(dc + b * H + u0, 0, sizeof(T) * (size_t)width);
            }
        }
    }
    free(rows);
}

/// Participants for a job, and how they share it (sets jb->split_rows): only when a
/// step's product is large enough to pay for the threads (a barrier per step when they
/// share units); by rows when every participant gets enough of them, else one per share
/// of at least one unit panel.
static int LOCAL(participants)(LOCAL(job) *jb) {
    int threads = rk_get_threads();
    double step_flops = 2.0 * (double)jb->B * (double)jb->G * (double)jb->H * (double)jb->H;
    jb->split_rows = 0;
    if (threads <= 1 || step_flops < RK_RECURRENCE_MIN_STEP_FLOPS) return 1;
    int mode = rk_recurrence_split();
    if (mode == RK_SPLIT_ROWS || (mode == RK_SPLIT_AUTO && jb->B >= (long)threads * RK_RECURRENCE_MIN_SPLIT_ROWS)) {
        jb->split_rows = 1;
        return jb->B < threads ? (int)jb->B : threads;
    }
    return jb->chunks < threads ? (int)jb->chunks : threads;
}

/// The caller's scratch for one packed copy of W_hh (G·H·H values, all H columns in NR
/// panels, either direction's layout), shared by participants that split rows. The caller
/// is participant 0, whose own scratch slot 1 it is; the tasks then leave that slot alone.
static T *LOCAL(packed_whh)(const LOCAL(job) *jb) {
    const long nr = jb->im->nr, ppg = (jb->H + nr - 1) / nr;
    return rk_scratch(1, sizeof(T) * (size_t)(jb->G * jb->H * ppg * nr));
}

static int LOCAL(gate_count)(int cell) { return cell == RK_CELL_LSTM ? 4 : cell == RK_CELL_GRU ? 3 : 1; }

void CAT3(rk_, P, _recurrence_forward)(int cell, long steps, long B, long H, int reverse, const int32_t *lengths,
                                      const T *whh, const T *bhh, const T *bias, T *xp, T *hp, T *gates,
                                      T *hs, T *cs, T *out, long ldo) {
    if (steps <= 0 || B <= 0 || H <= 0) return;
    const IMPL *im = CAT3(rk_, P, gemm_active_impl)();
    LOCAL(job) jb = {.im = im, .cell = cell, .steps = steps, .B = B, .H = H, .G = LOCAL(gate_count)(cell),
                     .chunks = (H + im->nr - 1) / im->nr, .reverse = reverse, .lengths = lengths,
                     .whh = whh, .bhh = bhh, .bias = bias, .out = out, .ldo = ldo, .xp = xp, .hp = hp, .gates = gates, .hs = hs, .cs = cs};
    const int count = LOCAL(participants)(&jb);
    if (jb.split_rows) jb.pb_shared = LOCAL(packed_whh)(&jb);
    rk_parallel_concurrent(count, LOCAL(forward_task), &jb);
}

/// Whether the backward pass computes ∂x step by step (dx_t += dg_t · W_ih with the step's
/// gate gradients in cache, sharing their packing with the recurrent product), instead of
/// one product over all steps that re-reads them from memory. Only where W_ih stays in cache
/// from step to step (≤ 512 KiB: a W_ih streamed from L3 every step costs more — 1 thread,
/// best of 5 alternating: LSTM 32,50,256,512 (2 MB) 10 % slower, 64,35,650,650 7 %), every product
/// has at least a register tile of rows (batch 1 would be a vector product per step: 5-10 %
/// slower), and not for the GRU, whose two sides' gate gradients differ in the n block
/// (it would need a second packing per step; measured no faster). 2 threads, best of 6
/// alternating: RNN 32,64,64,128 16 % faster, the other fused rows within ±3 %.
static int LOCAL(fuses_dx)(const LOCAL(job) *jb, int count) {
    long rows = jb->split_rows ? jb->B / count : jb->B;
    return jb->wih && jb->I > 0 && jb->cell != RK_CELL_GRU && rows >= jb->im->mr &&
           (double)(jb->G * jb->H) * (double)jb->I * sizeof(T) <= RK_RECURRENCE_MAX_FUSED_WIH_BYTES;
}

int CAT3(rk_, P, _recurrence_backward)(int cell, long steps, long B, long H, int reverse, const int32_t *lengths,
                                       const T *whh, const T *xp, const T *hp, const T *gates,
                                       const T *hs, const T *cs, const T *dy, long ldy, long truncation,
                                       T *dh, T *dc, T *dg, T *dgh, T *dbias, T *dbias_h,
                                       const T *wih, long I, T *dx) {
    if (steps <= 0 || B <= 0 || H <= 0) return 0;
    const IMPL *im = CAT3(rk_, P, gemm_active_impl)();
    LOCAL(job) jb = {.im = im, .cell = cell, .steps = steps, .B = B, .H = H, .G = LOCAL(gate_count)(cell),
                     .chunks = (H + im->nr - 1) / im->nr, .reverse = reverse, .lengths = lengths,
                     .whh = whh, .xp = (T *)xp, .hp = (T *)hp, .gates = (T *)gates, .hs = (T *)hs,
                     .cs = (T *)cs, .dy = dy, .ldy = ldy, .truncation = truncation, .dh = dh, .dc = dc,
                     .dg = dg, .dgh = dgh, .wih = dx ? wih : NULL, .I = I, .ichunks = (I + im->nr - 1) / im->nr};
    const int count = LOCAL(participants)(&jb);
    if (LOCAL(fuses_dx)(&jb, count)) jb.dx = dx;
    const long GH = jb.G * H;
    if (jb.split_rows) jb.pb_shared = LOCAL(packed_whh)(&jb);
    if (jb.split_rows && jb.dx)
        jb.pbi_shared = rk_scratch(2, sizeof(T) * (size_t)(GH * jb.ichunks * im->nr));
    if (dbias && !(jb.acc = calloc((size_t)(count * GH), sizeof(double)))) abort();
    if (dbias_h && !(jb.acc_h = calloc((size_t)(count * GH), sizeof(double)))) abort();
    rk_parallel_concurrent(count, LOCAL(backward_task), &jb);
    if (dbias) LOCAL(add_sums)(count, GH, jb.acc, dbias);
    if (dbias_h) LOCAL(add_sums)(count, GH, jb.acc_h, dbias_h);
    free(jb.acc);
    free(jb.acc_h);
    return jb.dx != NULL;
}

#undef CAT3_
#undef CAT3
#undef IMPL
#undef LOCAL
#undef CELL
#undef T
#undef P
