// The float Adam step (rk_optim.h), one build per instruction set, chosen with the
// elementwise kernels' ISA. Plain C that clang vectorises for each target; fmaf is one
// instruction where the target has FMA. No contraction beyond the explicit fmaf calls:
// the rounding must be ATen's whatever the path.
#include "rk_optim.h"
#include "rk_elementwise.h"
#include <math.h>
#include <stddef.h>

#pragma clang fp contract(off)

__attribute__((always_inline)) static inline void adam_body(long n, float *restrict w, const float *restrict g,
                                                            float *restrict m, float *restrict v,
                                                            float *restrict vmax, rk_adam_hyper h) {
    for (long j = 0; j < n; j++) {
        float wj = h.shrink != 1.0f ? w[j] * h.shrink : w[j];
        float d = h.l2 != 0.0f ? fmaf(h.l2, wj, g[j]) : g[j];
        float mj = fmaf(h.one_minus_beta1, d - m[j], m[j]);
        float vj = h.beta2 * v[j] + h.one_minus_beta2 * d * d;
        float second = vj;
        if (vmax) {
            float mx = vj >= vmax[j] ? vj : vmax[j];  // Swift's max(v̂, v)
            vmax[j] = mx;
            second = mx;
        }
        m[j] = mj;
        v[j] = vj;
        w[j] = wj - h.step_size * mj / (sqrtf(second) / h.bias_correction2_sqrt + h.epsilon);
    }
}

// AMSGrad or not as two loops, so that neither tests vmax per element.
#define ADAM_VARIANTS(NAME)                                                                          \
    static void NAME(long n, float *w, const float *g, float *m, float *v, float *vmax,              \
                     rk_adam_hyper h) {                                                              \
        if (vmax) adam_body(n, w, g, m, v, vmax, h);                                                 \
        else adam_body(n, w, g, m, v, NULL, h);                                                      \
    }

ADAM_VARIANTS(adam_portable)
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
ADAM_VARIANTS(adam_avx2)
#pragma clang attribute pop
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx2,fma"))), apply_to = function)
ADAM_VARIANTS(adam_avx512)
#pragma clang attribute pop
#endif

void rk_s_adam_update(long n, float *w, const float *g, float *m, float *v, float *vmax,
                      const rk_adam_hyper *h) {
#if defined(__x86_64__)
    switch (rk_elementwise_isa()) {
    case 2: adam_avx512(n, w, g, m, v, vmax, *h); return;
    case 1: adam_avx2(n, w, g, m, v, vmax, *h); return;
    default: break;
    }
#endif
    adam_portable(n, w, g, m, v, vmax, *h);
}
