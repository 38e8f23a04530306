#ifndef RK_RECURRENCE_H
#define RK_RECURRENCE_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// Cells of the fused recurrence.
enum { RK_CELL_RNN_TANH = 0, RK_CELL_RNN_RELU = 1, RK_CELL_LSTM = 2, RK_CELL_GRU = 3 };

/// The time loop of one direction of a recurrent layer, every step's recurrent product and
/// cell pass fused. Kernel threads share it out by batch rows when each gets at least 8
/// (each runs its rows' whole recurrence alone, never waiting for the others, all reading
/// one copy of W_hh that they pack together), else by
/// hidden units: each owns a share of the units, computes the gate columns of those units
/// (W_hh packed once per call, per thread) and then their cell pass, so the threads meet
/// once per step (a barrier) and the cell work is split too.
///
/// Layout (time-major, as RecurrentDirection): xp (T·B, G·H) holds W_ih·x; the input-side
/// biases `bias` (G·H; LSTM, RNN: b_ih + b_hh; GRU: b_ih) are added to each step's rows as
/// the loop reaches them (NULL: xp holds them already). States hs, cs ((T+1)·B, H): the
/// forward direction reads slot t and writes t+1, the reverse one (reverse != 0) reads t+1
/// and writes t; the initial state is in its slot on entry. whh is W_hh (G·H, H) row-major
/// (PyTorch). out (NULL: none): each step's h_t also goes to the layer output's row t·B + b
/// at out + (t·B + b)·ldo (H values; zeros for rows whose sequence has ended), written by
/// the thread that computed it.
///
/// Forward: LSTM/RNN: xp becomes the gate activations (pre-activation for RNN: h = act(xp)).
/// GRU: xp then includes b_ih; hp (T·B, 3H) receives W_hh·h + b_hh, gates (T·B, 3H) the
/// r, z, n activations — what backward needs. Inference only: hp and gates both NULL; each
/// thread then keeps one step of them, rows of 3H for its rows, in a buffer of its own
/// (in cache from step to step, instead of T steps going out to memory: GRU inference
/// 4-13 % faster measured). The states and outputs are the same, bit for bit.
void rk_s_recurrence_forward(int cell, long T, long B, long H, int reverse, const int32_t *lengths,
                             const float *whh, const float *bhh, const float *bias, float *xp,
                             float *hp, float *gates, float *hs, float *cs, float *out, long ldo);
void rk_d_recurrence_forward(int cell, long T, long B, long H, int reverse, const int32_t *lengths,
                             const double *whh, const double *bhh, const double *bias, double *xp,
                             double *hp, double *gates, double *hs, double *cs, double *out, long ldo);

/// BPTT over the last forward. dy: gradient of the outputs, row t·B+b at dy + (t·B+b)·ldy
/// (NULL = none). dh (B, H): dL/dh_T on entry, dL/dh_0 on exit; dc likewise (LSTM; NULL
/// otherwise). dg (T·B, G·H) receives the gate gradients (GRU: input side), dgh the GRU's
/// recurrent-side ones (NULL otherwise). truncation > 0 detaches the state entering every
/// chunk of that many steps (truncated BPTT). dbias (G·H) and dbias_h (G·H, GRU) receive,
/// added, the sums over all T·B rows of dg and dgh (the bias gradients; NULL = skip).
/// dx (T·B, I; NULL = skip): where it pays (W_ih small enough to stay in cache, batches of
/// a register tile or more, LSTM and RNN), ∂L/∂x = dg · W_ih (wih: W_ih (G·H, I) row-major)
/// is added into it step by step, sharing the packing of each step's gate gradients with
/// the recurrent product; returns 1 then, else 0 (dx untouched: the caller computes ∂x).
int rk_s_recurrence_backward(int cell, long T, long B, long H, int reverse, const int32_t *lengths,
                              const float *whh, const float *xp, const float *hp, const float *gates,
                              const float *hs, const float *cs, const float *dy, long ldy,
                              long truncation, float *dh, float *dc, float *dg, float *dgh,
                              float *dbias, float *dbias_h, const float *wih, long I, float *dx);
int rk_d_recurrence_backward(int cell, long T, long B, long H, int reverse, const int32_t *lengths,
                              const double *whh, const double *xp, const double *hp, const double *gates,
                              const double *hs, const double *cs, const double *dy, long ldy,
                              long truncation, double *dh, double *dc, double *dg, double *dgh,
                              double *dbias, double *dbias_h, const double *wih, long I, double *dx);

/// How the fused recurrence shares its work among threads: RK_SPLIT_AUTO (the rule above;
/// the default, or the environment's RECURRENT_RECURRENCE_SPLIT=rows|units), or always by
/// rows / units (where the batch allows: rows needs B ≥ 2). Results agree to rounding of
/// the bias-gradient sums (both splits give the same outputs and state gradients bit for bit).
enum { RK_SPLIT_AUTO = 0, RK_SPLIT_UNITS = 1, RK_SPLIT_ROWS = 2 };
void rk_set_recurrence_split(int mode);
int rk_recurrence_split(void);

/// The largest left operand (the bytes its rows span: rows x row stride) whose rows a
/// step's product reads in place (RK_RECURRENCE_DIRECT_A_DEFAULT, about half of L1: the
/// state or gate gradients just written, still in L1), instead of packing them first. A
/// negative value restores the default (or the environment's RECURRENT_RECURRENCE_DIRECT_A);
/// 0 always packs. Results are the same either way
/// (the same kernel arithmetic in the same order).
enum { RK_RECURRENCE_DIRECT_A_DEFAULT = 16 * 1024 };
void rk_set_recurrence_direct_a(long bytes);
long rk_recurrence_direct_a(void);

#ifdef __cplusplus
}
#endif
#endif
