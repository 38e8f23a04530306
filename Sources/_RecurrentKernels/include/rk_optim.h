#ifndef RK_OPTIM_H
#define RK_OPTIM_H
#ifdef __cplusplus
extern "C" {
#endif

/// Coefficients of one Adam step, rounded to float once by the caller.
typedef struct {
    float one_minus_beta1, beta2, one_minus_beta2, epsilon;
    float l2;      ///< L2 term added to the gradient (Adam's weight decay), or 0
    float shrink;  ///< θ ← θ·shrink first (AdamW's decoupled decay), or 1
    float step_size, bias_correction2_sqrt;
} rk_adam_hyper;

/// One Adam / AdamW / AMSGrad step over n parameters (vmax: AMSGrad's running maximum, or NULL):
///     θ ← θ·shrink;  d ← g + l2·θ (fused);  m ← m + (1 − β₁)(d − m) (fused);
///     v ← β₂v + (1 − β₂)d²;  v̂ ← max(v̂, v);  θ ← θ − step·m / (√v̂ / √(1 − β₂ᵗ) + ε)
/// rounded operation by operation as ATen's CPU Adam (no other contraction), so every ISA
/// path gives the same bits.
void rk_s_adam_update(long n, float *w, const float *g, float *m, float *v, float *vmax,
                      const rk_adam_hyper *h);

#ifdef __cplusplus
}
#endif
#endif
