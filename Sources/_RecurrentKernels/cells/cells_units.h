// Internal: the cell passes restricted to hidden units u0 ..< u1 of every row (same
// buffers and strides as the full passes in rk_cells.h, which are the case 0 ..< H).
// The fused recurrence (recurrence/) gives each thread its own units.
#ifndef RK_CELLS_UNITS_H
#define RK_CELLS_UNITS_H
#include <stdint.h>

#define RK_DECLARE_CELL_UNITS(T, P)                                                                  \
    void rk_##P##_lstm_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, \
                                     T *gates, const T *cprev, const T *hprev, T *c, T *h);          \
    void rk_##P##_lstm_backward_units(long B, long H, long u0, long u1, long t,                       \
                                      const int32_t *lengths, const T *gates, const T *cprev,        \
                                      const T *c, const T *dy, long ldy, T *dhc, T *dc, T *dgates);  \
    void rk_##P##_gru_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, \
                                    const T *xp, long ldxp, T *hp, const T *bhh, T *gates,           \
                                    const T *hprev, T *h);                                           \
    void rk_##P##_gru_backward_units(long B, long H, long u0, long u1, long t,                        \
                                     const int32_t *lengths, const T *gates, const T *hp,            \
                                     const T *hprev, const T *dy, long ldy, T *dhc, T *dgx, T *dgh); \
    void rk_##P##_rnn_forward_units(long B, long H, long u0, long u1, long t, const int32_t *lengths, \
                                    int act, const T *pre, const T *hprev, T *h);                    \
    void rk_##P##_rnn_backward_units(long B, long H, long u0, long u1, long t,                        \
                                     const int32_t *lengths, int act, const T *h, const T *dy,       \
                                     long ldy, T *dhc, T *dpre);                                     \
    void rk_##P##_sum_units(long B, long G, long H, long u0, long u1, const T *g, double *acc);

RK_DECLARE_CELL_UNITS(float, s)
RK_DECLARE_CELL_UNITS(double, d)
RK_DECLARE_CELL_UNITS(float, s_portable)
#if defined(__x86_64__)
RK_DECLARE_CELL_UNITS(float, s_avx2)
RK_DECLARE_CELL_UNITS(float, s_avx512)
#endif
#if defined(__aarch64__)
RK_DECLARE_CELL_UNITS(float, s_neon)
#endif

#endif
