// rk_vecmath.h — branch-free scalar math for hot loops (internal to _RecurrentKernels).
//
// The float functions contain no branches, table lookups or library calls, so clang
// auto-vectorises a plain `for` loop that calls them (SSE2, AVX2+FMA, AVX-512 or NEON,
// whatever the enclosing function is compiled for). Used by the elementwise kernels
// and by the fused LSTM/GRU cell kernels. Self-contained: include it from any .c file.
//
// Float accuracy against double-precision libm, measured exhaustively over every float
// with |x| ≤ 30 (portable and AVX2+FMA builds; tests in ElementwiseTests.swift):
//   rk_expf_fast      ≤ 1.01 ulp for results in the normal range; +inf above ln(FLT_MAX),
//                     gradual underflow to subnormals, 0 below about −103.9.
//   rk_sigmoidf_fast  ≤ 8.93e-8 absolute, ≤ 2.83 ulp relative (also for large −x).
//   rk_tanhf_fast     ≤ 7.93e-8 absolute, ≤ 1.33 ulp relative (odd polynomial near 0).
//   rk_tanhf_gate, rk_sigmoidf_gate (the fused cells' gates; a rational tanh, no exp):
//                     ≤ 3.7e-7 / 2.2e-7 absolute; see below.
// Special values: NaN → NaN (propagates; training detects non-finite values),
// exp(±inf) = inf/0, sigmoid(±inf) = 1/0, tanh(±inf) = ±1, tanh(−0) = −0.
//
// The double versions are the exactness path (gradient checks): they call libm (exp, tanh)
// and are accurate to 1–2 ulp (exp ≈ 0.5, sigmoid ≤ 2, tanh: glibc's, ≤ 2.1 measured);
// loops calling them are not vectorised.
#ifndef RK_VECMATH_H
#define RK_VECMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

// Hot-loop helpers are forced inline so that a loop calling them is vectorised as a whole
// (also inside functions compiled with a target attribute: these carry none, and code
// inlined into an AVX2/AVX-512 function is generated for that ISA).
#if defined(__GNUC__) || defined(__clang__)
#define RK_VM_INLINE static inline __attribute__((always_inline))
#else
#define RK_VM_INLINE static inline
#endif

RK_VM_INLINE float rk__f32_from_bits(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

RK_VM_INLINE uint32_t rk__f32_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

// 2^k for k in [−126, 127] (bit manipulation; no conversion instructions needed).
RK_VM_INLINE float rk__f32_pow2i(int32_t k) {
    return rk__f32_from_bits((uint32_t)(k + 127) << 23);
}

// Range reduction shared by the exp-based functions: for |x| < 2^21,
// returns p ≈ exp(x − n·ln2) with |x − n·ln2| ≤ ln2/2 and stores n = round(x·log2e).
// n is found with the 1.5·2^23 "magic" addition, so the rounded value and its integer
// are read from the same float (no float→int conversion, no UB for NaN).
// Cody–Waite: ln2 = C1 + C2 with C1 = 0.693359375 (9 significant bits, so n·C1 is exact).
// The polynomial is Cephes' expf minimax: exp(r) ≈ 1 + r + r²·P(r), P of degree 5.
RK_VM_INLINE float rk__expf_reduced(float x, int32_t *n) {
    const float magic = 12582912.0f;  // 1.5 * 2^23
    float t = x * 1.44269504088896341f + magic;
    float nf = t - magic;
    *n = (int32_t)(rk__f32_bits(t) - rk__f32_bits(magic));
    float r = x - nf * 0.693359375f;
    r = r - nf * -2.12194440e-4f;
    float r2 = r * r;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    return p * r2 + r + 1.0f;
}

/// exp(x) for float. Inputs are clamped to [−104, 89] (comparisons that keep NaN);
/// 2^n is applied in two halves so that overflow gives +inf and underflow is gradual.
RK_VM_INLINE float rk_expf_fast(float x) {
    x = x > 89.0f ? 89.0f : x;
    x = x < -104.0f ? -104.0f : x;
    int32_t n;
    float p = rk__expf_reduced(x, &n);
    int32_t n1 = n >> 1;   // n in [−150, 129] → both halves are normal exponents
    int32_t n2 = n - n1;
    return p * rk__f32_pow2i(n1) * rk__f32_pow2i(n2);
}

/// exp(x) for x ≤ 0 only (x ≥ −104 after clamping); used by sigmoid.
RK_VM_INLINE float rk__expf_nonpos(float x) {
    x = x < -104.0f ? -104.0f : x;
    int32_t n;
    float p = rk__expf_reduced(x, &n);
    int32_t n1 = n >> 1;
    int32_t n2 = n - n1;
    return p * rk__f32_pow2i(n1) * rk__f32_pow2i(n2);
}

/// sigmoid(x) = 1 / (1 + exp(−x)), evaluated with e = exp(−|x|) ∈ [0, 1] so nothing
/// overflows: x ≥ 0 → 1/(1+e); x < 0 → e/(1+e) (relative accuracy kept for large −x,
/// down to subnormal results). sigmoid(±inf) = 1 / 0, NaN → NaN.
RK_VM_INLINE float rk_sigmoidf_fast(float x) {
    float e = rk__expf_nonpos(-fabsf(x));
    float s = 1.0f / (1.0f + e);
    return x > 0.0f ? s : e * s;
}

/// tanh(x). |x| < 0.625: odd polynomial x + x³·P(x²) (Cephes tanhf), accurate relative
/// to tanh near 0; otherwise 1 − 2/(exp(2|x|) + 1) with |x| clamped to 9.5 (tanh rounds
/// to 1 there). Both are computed and one is selected; the sign is copied back last
/// (so tanh(−0) = −0 and tanh is exactly odd).
RK_VM_INLINE float rk_tanhf_fast(float x) {
    float ax = fabsf(x);
    float z = ax * ax;
    float q = -5.70498872745e-3f;
    q = q * z + 2.06390887954e-2f;
    q = q * z - 5.37397155531e-2f;
    q = q * z + 1.33314422036e-1f;
    q = q * z - 3.33332819422e-1f;
    float small = ax + ax * z * q;
    float c = ax > 9.5f ? 9.5f : ax;  // NaN passes through
    int32_t n;
    float p = rk__expf_reduced(2.0f * c, &n);  // 2c ∈ [0, 19] → n ∈ [0, 28]
    float e = p * rk__f32_pow2i(n);
    float large = 1.0f - 2.0f / (e + 1.0f);
    float r = ax < 0.625f ? small : large;
    return copysignf(r, x);
}

/// tanh(x) for the gates of the fused cells, where absolute accuracy is what matters:
/// a rational minimax approximation tanh(x) ≈ c·P(c²)/Q(c²), c = x clamped to ±(9 − 4.8e-6),
/// P of degree 5 and Q of degree 4 in c² (fitted by linear programming on the relative
/// error in double over [0, 9]: ≤ 3.8e-8; Scripts/fit_gate_tanh.py), the result clamped to
/// [−1, 1]. No exp, no second branch for small x, and a dependency chain half as long as
/// rk_tanhf_fast's: on a core whose out-of-order window, not its pipes, bounds these loops
/// it is twice as fast (Zen 1, AVX2: 2.1 → 1.0–1.2 ns per element; sigmoid 1.8 → 1.1–1.4).
/// Float accuracy, exhaustively over |x| ≤ 30: ≤ 3.1e-7 absolute and ≤ 5.2 ulp with FMA
/// (portable x86 build, no FMA: 3.7e-7, 6.3 ulp) — the largest errors where tanh is within
/// 2e-6 of ±1, i.e. a few roundings of the sum that feeds the gate; relative accuracy near 0
/// (c·P/Q with P(0) = Q(0) = 1, so tanh(x) = x for tiny x).
/// Exactly odd, tanh(−0) = −0, NaN → NaN, tanh(±inf) = ±1.
RK_VM_INLINE float rk_tanhf_gate(float x) {
    // The clamp point, 9 − 4.8e-6, is one where the rational (with or without FMA) is
    // 1 + 2^−23, so that the clamped result is exactly 1 from there on, as tanh rounds to
    // 1 from about 9.01 on (tanh(±inf) = ±1, sigmoid(−inf) = 0).
    const float edge = 0x1.1ffff6p+3f;
    float c = x > edge ? edge : x;  // comparisons that keep NaN
    c = c < -edge ? -edge : c;
    float z = c * c;
    float p = -1.005959118e-11f;
    p = p * z + 2.737212768e-08f;
    p = p * z + 2.656062497e-05f;
    p = p * z + 3.793335054e-03f;
    p = p * z + 1.361920387e-01f;
    p = p * z + 1.0f;
    float q = 1.189832574e-06f;
    q = q * z + 3.808764450e-04f;
    q = q * z + 2.696857788e-02f;
    q = q * z + 4.695252180e-01f;
    q = q * z + 1.0f;
    float r = (c * p) / q;
    // The rational exceeds 1 by up to 2 ulp near 9: clamp.
    r = r > 1.0f ? 1.0f : r;
    return r < -1.0f ? -1.0f : r;
}

/// sigmoid(x) = (1 + tanh(x/2)) / 2 for the gates of the fused cells, with rk_tanhf_gate:
/// ≤ 1.8e-7 absolute, ≤ 3.0 ulp for x ≥ 0 (portable, no FMA: 2.2e-7, 3.6 ulp), exhaustively
/// over |x| ≤ 30. Below x ≈ −18 it is 0 (the true value is < 1.6e-8): unlike
/// rk_sigmoidf_fast it keeps no relative accuracy for large negative x, which a gate —
/// a factor on a bounded value — does not need. sigmoid(+inf) = 1, sigmoid(−inf) = 0,
/// NaN → NaN.
RK_VM_INLINE float rk_sigmoidf_gate(float x) { return 0.5f * rk_tanhf_gate(0.5f * x) + 0.5f; }

/// Double versions: the exactness path; libm (≈ 1 ulp).
RK_VM_INLINE double rk_exp_fast(double x) { return exp(x); }

/// sigmoid for double with e = exp(−|x|) ∈ [0, 1]: x > 0 → 1/(1+e), else e/(1+e).
/// The rounding error t of s = 1 + e is recovered exactly (Fast2Sum, since 1 ≥ e) and
/// divided out to first order, so only exp's and the division's roundings remain (≤ 2 ulp,
/// typically < 1).
RK_VM_INLINE double rk_sigmoid_fast(double x) {
    double e = exp(-fabs(x));
    double s = 1.0 + e;
    double t = (1.0 - s) + e;
    double q = (x > 0.0 ? 1.0 : e) / s;
    return q - q * (t / s);
}

RK_VM_INLINE double rk_tanh_fast(double x) { return tanh(x); }

#endif
