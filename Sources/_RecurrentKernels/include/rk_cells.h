#ifndef RK_CELLS_H
#define RK_CELLS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// Fused elementwise passes of one recurrent time step (batch B, hidden H), run after
/// the step's matrix products. `lengths` (NULL = all sequences run the whole length)
/// masks rows whose sequence has ended (lengths[b] <= t): their state is carried
/// through unchanged, their gate buffers are zeroed, and in backward their carried
/// gradient passes through untouched.
///
/// Backward convention: `dhc` holds dL/dh_t carried from step t+1 on entry; `dy` (row
/// stride ldy, may be NULL) is the gradient of this step's output. On exit `dhc` holds the
/// part of dL/dh_{t-1} that does not go through W_hh (zero for valid rows, pass-through for
/// masked rows): the caller then adds dgates·W_hh into it.

/// LSTM. gates (B x 4H, PyTorch order i,f,g,o): pre-activations in, activations out.
void rk_s_lstm_forward(long B, long H, long t, const int32_t *lengths, float *gates,
                       const float *cprev, const float *hprev, float *c, float *h);
void rk_d_lstm_forward(long B, long H, long t, const int32_t *lengths, double *gates,
                       const double *cprev, const double *hprev, double *c, double *h);
/// dc: dL/dc_t on entry, dL/dc_{t-1} on exit. dgates: B x 4H out.
void rk_s_lstm_backward(long B, long H, long t, const int32_t *lengths, const float *gates,
                        const float *cprev, const float *c, const float *dy, long ldy,
                        float *dhc, float *dc, float *dgates);
void rk_d_lstm_backward(long B, long H, long t, const int32_t *lengths, const double *gates,
                        const double *cprev, const double *c, const double *dy, long ldy,
                        double *dhc, double *dc, double *dgates);

/// GRU (PyTorch: reset applied after the recurrent product).
/// xp: B x 3H = W_ih·x + b_ih (order r,z,n). hp: B x 3H = W_hh·h_{t-1} on entry; b_hh is
/// added in place (backward needs W_hn·h + b_hn). gates out: r, z, n activations.
void rk_s_gru_forward(long B, long H, long t, const int32_t *lengths, const float *xp, long ldxp,
                      float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_d_gru_forward(long B, long H, long t, const int32_t *lengths, const double *xp, long ldxp,
                      double *hp, const double *bhh, double *gates, const double *hprev, double *h);
/// dgx (B x 3H): gradient w.r.t. the input-side pre-activations (W_ih·x + b_ih);
/// dgh (B x 3H): gradient w.r.t. the recurrent-side ones (W_hh·h + b_hh).
void rk_s_gru_backward(long B, long H, long t, const int32_t *lengths, const float *gates,
                       const float *hp, const float *hprev, const float *dy, long ldy,
                       float *dhc, float *dgx, float *dgh);
void rk_d_gru_backward(long B, long H, long t, const int32_t *lengths, const double *gates,
                       const double *hp, const double *hprev, const double *dy, long ldy,
                       double *dhc, double *dgx, double *dgh);

/// GRU with the reset gate applied before the recurrent product (Keras reset_after=False):
/// n = tanh(W_in·x + b_in + W_hn·(r⊙h_{t-1}) + b_hn). The step runs in two passes around
/// the product by W_hn. Pass 1: hp[:, 0:2H] = W_h{r,z}·h_{t-1} on entry; writes r, z into
/// gates and r⊙h_{t-1} into rh. Pass 2: hp[:, 2H:3H] = W_hn·rh on entry; writes n and h.
/// Both passes add b_hh into hp. Row strides of hp and gates are 3H.
void rk_s_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const float *xp,
                         float *hp, const float *bhh, float *gates, const float *hprev, float *rh);
void rk_d_gru_rz_forward(long B, long H, long t, const int32_t *lengths, const double *xp,
                         double *hp, const double *bhh, double *gates, const double *hprev, double *rh);
void rk_s_gru_n_forward(long B, long H, long t, const int32_t *lengths, const float *xp,
                        float *hp, const float *bhh, float *gates, const float *hprev, float *h);
void rk_d_gru_n_forward(long B, long H, long t, const int32_t *lengths, const double *xp,
                        double *hp, const double *bhh, double *gates, const double *hprev, double *h);
/// Backward pass 1 (before d(rh) = dn̂·W_hn): writes dz, dn̂ into dg (= both input and
/// recurrent side, B x 3H) and dh·z into dhc. Pass 2 (given drh = dn̂·W_hn): writes dr and
/// adds drh⊙r into dhc; the caller then adds dg[:, 0:2H]·W_h{r,z}.
void rk_s_gru_n_backward(long B, long H, long t, const int32_t *lengths, const float *gates,
                         const float *hprev, const float *dy, long ldy, float *dhc, float *dg);
void rk_d_gru_n_backward(long B, long H, long t, const int32_t *lengths, const double *gates,
                         const double *hprev, const double *dy, long ldy, double *dhc, double *dg);
void rk_s_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const float *gates,
                          const float *hprev, const float *drh, float *dhc, float *dg);
void rk_d_gru_rz_backward(long B, long H, long t, const int32_t *lengths, const double *gates,
                          const double *hprev, const double *drh, double *dhc, double *dg);

/// Vanilla RNN. pre (B x H): W_ih·x + W_hh·h + biases; h = act(pre) (act: 1 tanh, 2 relu).
void rk_s_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const float *pre,
                      const float *hprev, float *h);
void rk_d_rnn_forward(long B, long H, long t, const int32_t *lengths, int act, const double *pre,
                      const double *hprev, double *h);
/// dpre: B x H out.
void rk_s_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const float *h,
                       const float *dy, long ldy, float *dhc, float *dpre);
void rk_d_rnn_backward(long B, long H, long t, const int32_t *lengths, int act, const double *h,
                       const double *dy, long ldy, double *dhc, double *dpre);

#ifdef __cplusplus
}
#endif
#endif
