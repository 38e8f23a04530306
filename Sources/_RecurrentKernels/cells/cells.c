// Fused per-time-step passes of the RNN, LSTM and GRU cells (see rk_cells.h).
// Double: one libm-exact build (the gradient-check path). Float: one build per instruction
// set (cells_float_*.c, vectorised fast sigmoid/tanh), chosen with the elementwise kernels'
// ISA so that forcing a path (tests, RECURRENT_ISA) applies to both.
#include "rk_cells.h"
#include "rk_elementwise.h"
#include "../rk_vecmath.h"

#define T double
#define P d
#define SIGMOID(x) rk_sigmoid_fast(x)
#define TANH(x) rk_tanh_fast(x)
#define RK_INDEPENDENT
#include "cells_impl.inc"
#undef T
#undef P
#undef SIGMOID
#undef TANH

static inline int rk_cells_isa(void) { return rk_elementwise_isa(); }

void rk_s_portable_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h);
void rk_s_avx2_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h);
void rk_s_neon_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h);
void rk_s_avx512_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h);
void rk_s_portable_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates);
void rk_s_avx2_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates);
void rk_s_neon_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates);
void rk_s_avx512_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates);
void rk_s_portable_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_avx2_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_neon_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_avx512_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_portable_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh);
void rk_s_avx2_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh);
void rk_s_neon_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh);
void rk_s_avx512_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh);
void rk_s_portable_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *rh);
void rk_s_avx2_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *rh);
void rk_s_neon_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *rh);
void rk_s_avx512_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *rh);
void rk_s_portable_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_avx2_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_neon_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_avx512_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_s_portable_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *dy, long ldy, float *dhc, float *dg);
void rk_s_avx2_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *dy, long ldy, float *dhc, float *dg);
void rk_s_neon_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *dy, long ldy, float *dhc, float *dg);
void rk_s_avx512_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *dy, long ldy, float *dhc, float *dg);
void rk_s_portable_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *drh, float *dhc, float *dg);
void rk_s_avx2_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *drh, float *dhc, float *dg);
void rk_s_neon_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *drh, float *dhc, float *dg);
void rk_s_avx512_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *drh, float *dhc, float *dg);
void rk_s_portable_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h);
void rk_s_avx2_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h);
void rk_s_neon_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h);
void rk_s_avx512_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h);
void rk_s_portable_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre);
void rk_s_avx2_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre);
void rk_s_neon_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre);
void rk_s_avx512_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre);

void rk_s_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_lstm_forward(B, H, t, lengths, gates, cprev, hprev, c, h); return;
    case 1: rk_s_avx2_lstm_forward(B, H, t, lengths, gates, cprev, hprev, c, h); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_lstm_forward(B, H, t, lengths, gates, cprev, hprev, c, h); return;
#endif
    default: rk_s_portable_lstm_forward(B, H, t, lengths, gates, cprev, hprev, c, h); return;
    }
}

void rk_s_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_lstm_backward(B, H, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates); return;
    case 1: rk_s_avx2_lstm_backward(B, H, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_lstm_backward(B, H, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates); return;
#endif
    default: rk_s_portable_lstm_backward(B, H, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates); return;
    }
}

void rk_s_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_forward(B, H, t, lengths, xp, ldxp, hp, bhh, gates, hprev, h); return;
    case 1: rk_s_avx2_gru_forward(B, H, t, lengths, xp, ldxp, hp, bhh, gates, hprev, h); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_forward(B, H, t, lengths, xp, ldxp, hp, bhh, gates, hprev, h); return;
#endif
    default: rk_s_portable_gru_forward(B, H, t, lengths, xp, ldxp, hp, bhh, gates, hprev, h); return;
    }
}

void rk_s_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_backward(B, H, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh); return;
    case 1: rk_s_avx2_gru_backward(B, H, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_backward(B, H, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh); return;
#endif
    default: rk_s_portable_gru_backward(B, H, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh); return;
    }
}

void rk_s_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *rh) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_rz_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, rh); return;
    case 1: rk_s_avx2_gru_rz_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, rh); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_rz_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, rh); return;
#endif
    default: rk_s_portable_gru_rz_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, rh); return;
    }
}

void rk_s_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp, float *hp, const float *bhh, float *gates, const float *hprev, float *h) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_n_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, h); return;
    case 1: rk_s_avx2_gru_n_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, h); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_n_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, h); return;
#endif
    default: rk_s_portable_gru_n_forward(B, H, t, lengths, xp, hp, bhh, gates, hprev, h); return;
    }
}

void rk_s_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *dy, long ldy, float *dhc, float *dg) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_n_backward(B, H, t, lengths, gates, hprev, dy, ldy, dhc, dg); return;
    case 1: rk_s_avx2_gru_n_backward(B, H, t, lengths, gates, hprev, dy, ldy, dhc, dg); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_n_backward(B, H, t, lengths, gates, hprev, dy, ldy, dhc, dg); return;
#endif
    default: rk_s_portable_gru_n_backward(B, H, t, lengths, gates, hprev, dy, ldy, dhc, dg); return;
    }
}

void rk_s_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates, const float *hprev, const float *drh, float *dhc, float *dg) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_gru_rz_backward(B, H, t, lengths, gates, hprev, drh, dhc, dg); return;
    case 1: rk_s_avx2_gru_rz_backward(B, H, t, lengths, gates, hprev, drh, dhc, dg); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_gru_rz_backward(B, H, t, lengths, gates, hprev, drh, dhc, dg); return;
#endif
    default: rk_s_portable_gru_rz_backward(B, H, t, lengths, gates, hprev, drh, dhc, dg); return;
    }
}

void rk_s_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_rnn_forward(B, H, t, lengths, act, pre, hprev, h); return;
    case 1: rk_s_avx2_rnn_forward(B, H, t, lengths, act, pre, hprev, h); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_rnn_forward(B, H, t, lengths, act, pre, hprev, h); return;
#endif
    default: rk_s_portable_rnn_forward(B, H, t, lengths, act, pre, hprev, h); return;
    }
}

void rk_s_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre) {
    switch (rk_cells_isa()) {
#if defined(__x86_64__)
    case 2: rk_s_avx512_rnn_backward(B, H, t, lengths, act, h, dy, ldy, dhc, dpre); return;
    case 1: rk_s_avx2_rnn_backward(B, H, t, lengths, act, h, dy, ldy, dhc, dpre); return;
#elif defined(__aarch64__)
    case 3: rk_s_neon_rnn_backward(B, H, t, lengths, act, h, dy, ldy, dhc, dpre); return;
#endif
    default: rk_s_portable_rnn_backward(B, H, t, lengths, act, h, dy, ldy, dhc, dpre); return;
    }
}

// Unit-range passes (cells_units.h), dispatched like the full ones.
#include "cells_units.h"
#if defined(__x86_64__)
#define RK_UNITS_DISPATCH(name, args)                                   \
    switch (rk_cells_isa()) {                                          \
    case 2: rk_s_avx512_##name args; return;                           \
    case 1: rk_s_avx2_##name args; return;                             \
    default: rk_s_portable_##name args; return;                        \
    }
#elif defined(__aarch64__)
#define RK_UNITS_DISPATCH(name, args)                                   \
    switch (rk_cells_isa()) {                                          \
    case 3: rk_s_neon_##name args; return;                             \
    default: rk_s_portable_##name args; return;                        \
    }
#else
#define RK_UNITS_DISPATCH(name, args) rk_s_portable_##name args;
#endif

void rk_s_lstm_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, float *gates, const float *cprev, const float *hprev, float *c, float *h) {
    RK_UNITS_DISPATCH(lstm_forward_units, (B, H, u0, u1, t, lengths, gates, cprev, hprev, c, h))
}
void rk_s_lstm_backward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, const float *gates, const float *cprev, const float *c, const float *dy, long ldy, float *dhc, float *dc, float *dgates) {
    RK_UNITS_DISPATCH(lstm_backward_units, (B, H, u0, u1, t, lengths, gates, cprev, c, dy, ldy, dhc, dc, dgates))
}
void rk_s_gru_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, const float *xp, long ldxp, float *hp, const float *bhh, float *gates, const float *hprev, float *h) {
    RK_UNITS_DISPATCH(gru_forward_units, (B, H, u0, u1, t, lengths, xp, ldxp, hp, bhh, gates, hprev, h))
}
void rk_s_gru_backward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, const float *gates, const float *hp, const float *hprev, const float *dy, long ldy, float *dhc, float *dgx, float *dgh) {
    RK_UNITS_DISPATCH(gru_backward_units, (B, H, u0, u1, t, lengths, gates, hp, hprev, dy, ldy, dhc, dgx, dgh))
}
void rk_s_rnn_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, int act, const float *pre, const float *hprev, float *h) {
    RK_UNITS_DISPATCH(rnn_forward_units, (B, H, u0, u1, t, lengths, act, pre, hprev, h))
}
void rk_s_rnn_backward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, int act, const float *h, const float *dy, long ldy, float *dhc, float *dpre) {
    RK_UNITS_DISPATCH(rnn_backward_units, (B, H, u0, u1, t, lengths, act, h, dy, ldy, dhc, dpre))
}
void rk_s_sum_units(long B, long G, long H, long u0, long u1, const float *g, double *acc) {
    RK_UNITS_DISPATCH(sum_units, (B, G, H, u0, u1, g, acc))
}
