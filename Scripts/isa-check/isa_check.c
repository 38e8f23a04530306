// Cross-checks every SIMD path of the C kernels (AVX2, AVX-512 on x86-64; NEON on AArch64)
// against the portable C path on the CPU it runs on: GEMM (all forms, blocked shapes, α/β,
// prepacked B, two threads, float and double), the elementwise kernels and the fused cell
// passes. Built statically by Scripts/isa-check.sh, so it runs on a machine without Swift
// (the AVX-512 paths can only be exercised on an AVX-512 CPU; the NEON ones on AArch64 or
// under qemu-aarch64, Scripts/isa-check.sh --aarch64). Exit status 0 = all agree.
#include "RecurrentKernels.h"
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng_state = 88172645463325252ULL;
static double urand(void) { // xorshift64, uniform in [-1, 1)
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) / 9007199254740992.0 * 2 - 1;
}
static int failures = 0, checks = 0;
static void report(const char *what, double err, double tol) {
    checks++;
    if (!(err <= tol)) { failures++; printf("FAIL %s: error %.3g > %.3g\n", what, err, tol); }
}

// ---- GEMM ----
#define GEMM_CHECK(T, P, TOL)                                                                  \
static void gemm_##P(int isa, int ta, int tb, long M, long N, long K, T alpha, T beta, int packed, int threads) { \
    long lda = (ta ? M : K) + 3, ldb = (tb ? K : N) + 2, ldc = N + 1;                        \
    long arows = ta ? K : M, brows = tb ? N : K;                                             \
    T *A = malloc(sizeof(T) * (arows * lda + 1)), *B = malloc(sizeof(T) * (brows * ldb + 1)); \
    T *C0 = malloc(sizeof(T) * (M * ldc + 1)), *C1 = malloc(sizeof(T) * (M * ldc + 1));       \
    for (long i = 0; i < arows * lda; i++) A[i] = (T)urand();                               \
    for (long i = 0; i < brows * ldb; i++) B[i] = (T)urand();                               \
    for (long i = 0; i < M * ldc; i++) C0[i] = C1[i] = (T)urand();                          \
    rk_set_threads(1); rk_isa_force(RK_ISA_PORTABLE);                                        \
    rk_##P##gemm(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C0, ldc);                     \
    rk_isa_force(isa); rk_set_threads(threads);                                              \
    if (packed) {                                                                            \
        T *pk = malloc(sizeof(T) * rk_##P##gemm_packed_b_size(K, N));                        \
        rk_##P##gemm_pack_b(tb, K, N, B, ldb, pk);                                           \
        rk_##P##gemm_packed(ta, M, N, K, alpha, A, lda, pk, beta, C1, ldc);                  \
        free(pk);                                                                            \
    } else rk_##P##gemm(ta, tb, M, N, K, alpha, A, lda, B, ldb, beta, C1, ldc);              \
    rk_set_threads(1);                                                                       \
    double err = 0;                                                                          \
    for (long i = 0; i < M; i++) for (long j = 0; j < ldc; j++) {                            \
        double d = fabs((double)C0[i * ldc + j] - (double)C1[i * ldc + j]) / (1 + sqrt((double)K)); \
        if (j >= N && C0[i * ldc + j] != C1[i * ldc + j]) d = INFINITY; /* wrote past N */    \
        if (d > err || isnan(d)) err = isnan(d) ? INFINITY : d;                              \
    }                                                                                        \
    char what[160];                                                                          \
    snprintf(what, sizeof what, "%s %cgemm %c%c M=%ld N=%ld K=%ld a=%g b=%g%s threads=%d",   \
             rk_isa_name(isa), #P[0], ta ? 'T' : 'N', tb ? 'T' : 'N', M, N, K, (double)alpha, \
             (double)beta, packed ? " packed" : "", threads);                                \
    report(what, err, TOL);                                                                  \
    free(A); free(B); free(C0); free(C1);                                                    \
}
GEMM_CHECK(float, s, 2e-5)
GEMM_CHECK(double, d, 1e-13)

static void check_gemm(int isa) {
    static const long shapes[][3] = {{1, 1, 1}, {5, 7, 3}, {6, 16, 1}, {13, 100, 530}, {32, 1024, 256},
        {64, 256, 1024}, {250, 21, 401}, {130, 45, 100}, {6, 75, 777}, {97, 33, 1030}, {300, 300, 300},
        {1024, 128, 700}, {12, 32, 64}, {25, 49, 17}, {1, 40, 130}, {1, 300, 67}, {1, 64, 1}, {1, 512, 128},
        {1, 2050, 300}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int form = 0; form < 4; form++) {
            long M = shapes[s][0], N = shapes[s][1], K = shapes[s][2];
            int ta = form & 1, tb = form >> 1;
            gemm_s(isa, ta, tb, M, N, K, 1, 0, 0, 1);
            gemm_s(isa, ta, tb, M, N, K, 1.5f, 0.5f, 0, 1);
            gemm_d(isa, ta, tb, M, N, K, -0.5, 1, 0, 1);
            if (tb == 0 || form == 2) { gemm_s(isa, ta, tb, M, N, K, 1, 1, 1, 1); gemm_d(isa, ta, tb, M, N, K, 1, 0, 1, 1); }
            if (M * N * K >= 500000) { gemm_s(isa, ta, tb, M, N, K, 1, 0.25f, 0, 2); gemm_s(isa, ta, 0, M, N, K, 1, 0, 1, 2); }
        }
}

// ---- elementwise and cells: float path vs portable ----
static double maxdiff_f(const float *a, const float *b, long n) {
    double e = 0;
    for (long i = 0; i < n; i++) { double d = fabs((double)a[i] - (double)b[i]); if (d > e || isnan(d)) e = isnan(d) ? INFINITY : d; }
    return e;
}

typedef void (*unary_f)(long, const float *, float *);
static void check_unary(int isa, const char *name, unary_f f, double scale, double tol, int relative) {
    enum { N = 4099 };
    float x[N], y0[N], y1[N];
    for (int i = 0; i < N; i++) x[i] = (float)(urand() * scale);
    x[0] = 0; x[1] = -0.0f; x[2] = 88; x[3] = -88; x[4] = 1e-8f;
    rk_elementwise_force_isa(RK_ISA_PORTABLE); f(N, x, y0);
    rk_elementwise_force_isa(isa); f(N, x, y1);
    double e = 0;
    for (int i = 0; i < N; i++) {
        double d = fabs((double)y0[i] - (double)y1[i]);
        if (relative) d /= fmax(fabs((double)y0[i]), 1e-30);
        if (d > e || isnan(d)) e = isnan(d) ? INFINITY : d;
    }
    char what[96]; snprintf(what, sizeof what, "%s %s", rk_isa_name(isa), name);
    report(what, e, tol);
}

static void fill(float *p, long n, double s) { for (long i = 0; i < n; i++) p[i] = (float)(urand() * s); }

static void check_cells(int isa) {
    enum { B = 7, H = 37 };
    int32_t lengths[B] = {3, 1, 2, 3, 1, 2, 3};
    for (int masked = 0; masked < 2; masked++) for (long t = 0; t < 3; t++) {
        const int32_t *len = masked ? lengths : NULL;
        char what[96];
        // LSTM
        float g[2][B * 4 * H], cp[B * H], hp[B * H], c[2][B * H], h[2][B * H], dy[B * H], dh[2][B * H], dc[2][B * H], dg[2][B * 4 * H];
        fill(g[0], B * 4 * H, 3); memcpy(g[1], g[0], sizeof g[0]); fill(cp, B * H, 1); fill(hp, B * H, 1); fill(dy, B * H, 1);
        fill(dh[0], B * H, 1); memcpy(dh[1], dh[0], sizeof dh[0]); fill(dc[0], B * H, 1); memcpy(dc[1], dc[0], sizeof dc[0]);
        for (int k = 0; k < 2; k++) {
            rk_elementwise_force_isa(k ? isa : RK_ISA_PORTABLE);
            rk_s_lstm_forward(B, H, t, len, g[k], cp, hp, c[k], h[k]);
            rk_s_lstm_backward(B, H, t, len, g[k], cp, c[k], dy, H, dh[k], dc[k], dg[k]);
        }
        snprintf(what, sizeof what, "%s lstm t=%ld%s", rk_isa_name(isa), t, masked ? " masked" : "");
        report(what, fmax(fmax(maxdiff_f(h[0], h[1], B * H), maxdiff_f(c[0], c[1], B * H)),
                          fmax(maxdiff_f(dg[0], dg[1], B * 4 * H), fmax(maxdiff_f(dh[0], dh[1], B * H), maxdiff_f(dc[0], dc[1], B * H)))), 2e-6);
        // GRU (reset after)
        float xp[B * 3 * H], hpre[2][B * 3 * H], bhh[3 * H], gg[2][B * 3 * H], dgx[2][B * 3 * H], dgh[2][B * 3 * H];
        fill(xp, B * 3 * H, 2); fill(hpre[0], B * 3 * H, 2); memcpy(hpre[1], hpre[0], sizeof hpre[0]); fill(bhh, 3 * H, 0.5);
        fill(dh[0], B * H, 1); memcpy(dh[1], dh[0], sizeof dh[0]);
        for (int k = 0; k < 2; k++) {
            rk_elementwise_force_isa(k ? isa : RK_ISA_PORTABLE);
            rk_s_gru_forward(B, H, t, len, xp, 3 * H, hpre[k], bhh, gg[k], hp, h[k]);
            rk_s_gru_backward(B, H, t, len, gg[k], hpre[k], hp, dy, H, dh[k], dgx[k], dgh[k]);
        }
        snprintf(what, sizeof what, "%s gru t=%ld%s", rk_isa_name(isa), t, masked ? " masked" : "");
        report(what, fmax(fmax(maxdiff_f(h[0], h[1], B * H), maxdiff_f(gg[0], gg[1], B * 3 * H)),
                          fmax(maxdiff_f(dgx[0], dgx[1], B * 3 * H), fmax(maxdiff_f(dgh[0], dgh[1], B * 3 * H), maxdiff_f(dh[0], dh[1], B * H)))), 2e-6);
        // RNN tanh / relu
        for (int act = 1; act <= 2; act++) {
            float pre[B * H], dpre[2][B * H];
            fill(pre, B * H, 2); fill(dh[0], B * H, 1); memcpy(dh[1], dh[0], sizeof dh[0]);
            for (int k = 0; k < 2; k++) {
                rk_elementwise_force_isa(k ? isa : RK_ISA_PORTABLE);
                rk_s_rnn_forward(B, H, t, len, act, pre, hp, h[k]);
                rk_s_rnn_backward(B, H, t, len, act, h[k], dy, H, dh[k], dpre[k]);
            }
            snprintf(what, sizeof what, "%s rnn act=%d t=%ld%s", rk_isa_name(isa), act, t, masked ? " masked" : "");
            report(what, fmax(maxdiff_f(h[0], h[1], B * H), fmax(maxdiff_f(dpre[0], dpre[1], B * H), maxdiff_f(dh[0], dh[1], B * H))), 2e-6);
        }
    }
}

/// The fused recurrence (every cell, both directions, masks, truncation; 1 and 2 threads)
/// against the portable path on one thread, ∂x included (added in the loop or, where the
/// loop leaves it, by one product over all steps, as the layer does), with each step's left
/// operand packed and read in place.
static void check_recurrence_shape(int isa, const long T, const long B) {
    enum { TMAX = 6, BMAX = 7, H = 70, GMAX = 4, I = 9 };
    static float wih[GMAX * H * I], dx[2][TMAX * BMAX * I];
    static float whh[GMAX * H * H], bhh[GMAX * H], x0[TMAX * BMAX * GMAX * H], dy[TMAX * BMAX * H];
    static float xp[2][TMAX * BMAX * GMAX * H], hp[2][TMAX * BMAX * GMAX * H], gs[2][TMAX * BMAX * GMAX * H];
    static float hs[2][(TMAX + 1) * BMAX * H], cs[2][(TMAX + 1) * BMAX * H], dg[2][TMAX * BMAX * GMAX * H], dgh[2][TMAX * BMAX * GMAX * H];
    static float dh[2][BMAX * H], dc[2][BMAX * H], dh0[BMAX * H], dc0[BMAX * H], h0[BMAX * H], c0[BMAX * H];
    static float db[2][GMAX * H], dbh[2][GMAX * H], bias[GMAX * H], out[TMAX * BMAX * 2 * H], expected[TMAX * BMAX * 2 * H];
    int32_t lengths[BMAX] = {6, 2, 5, 6, 1, 3, 6};
    if (T < TMAX)
        for (long b = 0; b < BMAX; b++) lengths[b] = (int32_t)(1 + lengths[b] % T);
    fill(whh, GMAX * H * H, 0.15); fill(bhh, GMAX * H, 0.5); fill(bias, GMAX * H, 0.5); fill(x0, TMAX * BMAX * GMAX * H, 1.5);
    fill(wih, GMAX * H * I, 0.3);
    fill(dy, TMAX * BMAX * H, 1); fill(h0, BMAX * H, 1); fill(c0, BMAX * H, 1); fill(dh0, BMAX * H, 1); fill(dc0, BMAX * H, 1);
    const int cells[] = {RK_CELL_LSTM, RK_CELL_GRU, RK_CELL_RNN_TANH, RK_CELL_RNN_RELU};
    const char *names[] = {"lstm", "gru", "rnn tanh", "rnn relu"};
    for (int c = 0; c < 4; c++)
        for (int variant = 0; variant < 16; variant++)
            for (int threads = 1; threads <= 2; threads++) {
                int cell = cells[c], reverse = variant & 1, masked = variant & 2, trunc = variant & 4 ? 3 : 0;
                int in_place = variant & 8;
                long G = cell == RK_CELL_LSTM ? 4 : cell == RK_CELL_GRU ? 3 : 1;
                const int32_t *len = masked ? lengths : NULL;
                for (int k = 0; k < 2; k++) {
                    rk_isa_force(k ? isa : RK_ISA_PORTABLE);
                    rk_elementwise_force_isa(k ? isa : RK_ISA_PORTABLE);
                    rk_set_threads(k ? threads : 1);
                    rk_set_recurrence_direct_a(k ? (in_place ? LONG_MAX : 0) : -1);
                    // The input-side biases: added to xp beforehand on the portable path,
                    // by the loop on the other.
                    memcpy(xp[k], x0, sizeof(float) * T * B * G * H);
                    if (k == 0)
                        for (long r = 0; r < T * B; r++)
                            for (long j = 0; j < G * H; j++) xp[k][r * G * H + j] += bias[j];
                    long start = reverse ? T : 0;
                    memcpy(hs[k] + start * B * H, h0, sizeof h0);
                    memcpy(cs[k] + start * B * H, c0, sizeof c0);
                    // The other path also writes the output rows (stride 2H, as a second direction's
                    // half of them), checked against the portable path's states below.
                    memset(out, 0x7f, sizeof out);
                    rk_s_recurrence_forward(cell, T, B, H, reverse, len, whh, bhh, k ? bias : NULL, xp[k], hp[k], gs[k],
                                            hs[k], cs[k], k ? out + H : NULL, 2 * H);
                    memcpy(dh[k], dh0, sizeof dh0);
                    memcpy(dc[k], dc0, sizeof dc0);
                    memset(db[k], 0, sizeof db[k]);
                    memset(dbh[k], 0, sizeof dbh[k]);
                    memset(dx[k], 0, sizeof dx[k]);
                    int added = rk_s_recurrence_backward(cell, T, B, H, reverse, len, whh, xp[k], hp[k], gs[k], hs[k], cs[k],
                                                         dy, H, trunc, dh[k], cell == RK_CELL_LSTM ? dc[k] : NULL, dg[k],
                                                         cell == RK_CELL_GRU ? dgh[k] : NULL, db[k],
                                                         cell == RK_CELL_GRU ? dbh[k] : NULL, wih, I, dx[k]);
                    if (!added) rk_sgemm(0, 0, T * B, I, G * H, 1, dg[k], G * H, wih, I, 1, dx[k], I);
                }
                double err = fmax(maxdiff_f(hs[0], hs[1], (T + 1) * B * H), maxdiff_f(dh[0], dh[1], B * H));
                memcpy(expected, out, sizeof out); // the untouched half stays as it was
                for (long t = 0; t < T; t++)
                    for (long b = 0; b < B; b++)
                        for (long j = 0; j < H; j++)
                            expected[(t * B + b) * 2 * H + H + j] =
                                len && len[b] <= t ? 0 : hs[0][((reverse ? t : t + 1) * B + b) * H + j];
                err = fmax(err, maxdiff_f(expected, out, T * B * 2 * H));
                err = fmax(err, maxdiff_f(dg[0], dg[1], T * B * G * H));
                err = fmax(err, maxdiff_f(dx[0], dx[1], T * B * I));
                if (cell == RK_CELL_LSTM) err = fmax(err, fmax(maxdiff_f(cs[0], cs[1], (T + 1) * B * H), maxdiff_f(dc[0], dc[1], B * H)));
                if (cell == RK_CELL_GRU) err = fmax(err, maxdiff_f(dgh[0], dgh[1], T * B * G * H));
                if (cell == RK_CELL_GRU) err = fmax(err, maxdiff_f(dbh[0], dbh[1], G * H));
                err = fmax(err, maxdiff_f(db[0], db[1], G * H));
                char what[128];
                snprintf(what, sizeof what, "%s recurrence T=%ld B=%ld %s%s%s%s%s, %d thread(s)", rk_isa_name(isa), T, B, names[c],
                         reverse ? " reverse" : "", masked ? " masked" : "", trunc ? " truncated" : "",
                         in_place ? " in place" : " packed", threads);
                report(what, err, 2e-5);
            }
    rk_set_threads(1);
    rk_set_recurrence_direct_a(-1);
}

/// Also one step of one row, whose product reads W_hh's rows in place (no packing).
static void check_recurrence(int isa) {
    check_recurrence_shape(isa, 6, 7);
    check_recurrence_shape(isa, 1, 1);
    check_recurrence_shape(isa, 2, 1);
}

/// GRU inference (hp and gates NULL: one step of them per thread) against the same forward
/// keeping every step: the states and output rows must agree bit for bit.
static void check_gru_inference(int isa) {
    enum { T = 6, B = 13, H = 70, G = 3 };
    static float whh[G * H * H], bhh[G * H], bias[G * H], x0[T * B * G * H], xp[T * B * G * H];
    static float hp[T * B * G * H], gs[T * B * G * H], hs[2][(T + 1) * B * H], out[2][T * B * H], h0[B * H];
    int32_t lengths[B] = {6, 2, 5, 6, 1, 3, 6, 6, 4, 6, 2, 6, 5};
    fill(whh, G * H * H, 0.15); fill(bhh, G * H, 0.5); fill(bias, G * H, 0.5); fill(x0, T * B * G * H, 1.5);
    fill(h0, B * H, 1);
    rk_isa_force(isa);
    rk_elementwise_force_isa(isa);
    for (int variant = 0; variant < 4; variant++)
        for (int threads = 1; threads <= 2; threads++) {
            int reverse = variant & 1;
            const int32_t *len = variant & 2 ? lengths : NULL;
            rk_set_threads(threads);
            for (int k = 0; k < 2; k++) {
                memcpy(xp, x0, sizeof xp);
                memcpy(hs[k] + (reverse ? T : 0) * B * H, h0, sizeof h0);
                rk_s_recurrence_forward(RK_CELL_GRU, T, B, H, reverse, len, whh, bhh, bias, xp, k ? NULL : hp,
                                        k ? NULL : gs, hs[k], NULL, out[k], H);
            }
            double err = fmax(maxdiff_f(hs[0], hs[1], (T + 1) * B * H), maxdiff_f(out[0], out[1], T * B * H));
            char what[128];
            snprintf(what, sizeof what, "%s gru inference%s%s, %d thread(s)", rk_isa_name(isa),
                     reverse ? " reverse" : "", len ? " masked" : "", threads);
            report(what, err, 0);
        }
    rk_set_threads(1);
}

static void check_reductions(int isa) {
    enum { N = 10007 };
    static float x[N], y[N], a0[N], a1[N], b[64], r0[64], r1[64];
    fill(x, N, 2); fill(y, N, 2); fill(b, 64, 1);
    double v[2][4];
    for (int k = 0; k < 2; k++) {
        rk_elementwise_force_isa(k ? isa : RK_ISA_PORTABLE);
        v[k][0] = rk_s_sum(N, x); v[k][1] = rk_s_dot(N, x, y); v[k][2] = rk_s_sumsq(N, x); v[k][3] = rk_s_maxabs(N, x);
        float *acc = k ? a1 : a0, *rows = k ? r1 : r0;
        memcpy(acc, y, sizeof y); rk_s_axpy(N, 0.75f, x, acc); rk_s_scale(N, 1.25f, acc);
        memset(rows, 0, sizeof r0); rk_s_sum_rows(N / 64, 64, x, rows);
        float tmp[N]; memcpy(tmp, x, sizeof tmp);
        rk_s_add_bias_act(N / 64, 64, b, tmp, 1); memcpy(k ? a1 : a0, tmp, sizeof tmp);
    }
    char what[96];
    const char *names[] = {"sum", "dot", "sumsq", "maxabs"};
    for (int i = 0; i < 4; i++) {
        snprintf(what, sizeof what, "%s %s", rk_isa_name(isa), names[i]);
        report(what, fabs(v[0][i] - v[1][i]) / (1 + fabs(v[0][i])), 1e-9);
    }
    snprintf(what, sizeof what, "%s sum_rows", rk_isa_name(isa)); report(what, maxdiff_f(r0, r1, 64), 1e-3);
    snprintf(what, sizeof what, "%s add_bias_act", rk_isa_name(isa)); report(what, maxdiff_f(a0, a1, N), 2e-6);
    // NaN must propagate through maxabs.
    x[77] = NAN; rk_elementwise_force_isa(isa);
    snprintf(what, sizeof what, "%s maxabs NaN", rk_isa_name(isa)); report(what, isnan(rk_s_maxabs(N, x)) ? 0 : 1, 0);
}

int main(void) {
    printf("detected ISA: %s\n", rk_isa_name(rk_isa_detected()));
    static const int paths[] = {RK_ISA_AVX2, RK_ISA_AVX512, RK_ISA_NEON};
    for (size_t path = 0; path < sizeof paths / sizeof paths[0]; path++) {
        const int isa = paths[path];
        if (rk_isa_force(isa) != 0 || rk_elementwise_force_isa(isa) != isa) {
            // rk_isa_name knows only the paths of this build's architecture.
            static const char *names[] = {"portable", "avx2", "avx512", "neon"};
            printf("skip %s: not supported on this CPU (or not built for it)\n", names[isa]);
            continue;
        }
        int before = failures;
        check_gemm(isa);
        check_unary(isa, "sigmoid", rk_s_sigmoid, 12, 2e-7, 0);
        check_unary(isa, "tanh", rk_s_tanh, 6, 2e-7, 0);
        check_unary(isa, "relu", rk_s_relu, 5, 0, 0);
        check_unary(isa, "exp", rk_s_exp, 40, 5e-7, 1);
        check_cells(isa);
        check_recurrence(isa);
        check_gru_inference(isa);
        check_reductions(isa);
        printf("%s: %s\n", rk_isa_name(isa), failures == before ? "all agree with portable" : "MISMATCHES");
    }
    rk_isa_force(-1); rk_elementwise_force_isa(-1);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
