// Public entry points of rk_elementwise.h: run-time dispatch to one path's kernels.
//
// The table is chosen once, at first use (thread-safe: racing first calls choose the
// same table), from what the CPU supports and RECURRENT_ISA; rk_elementwise_force_isa
// replaces it. Each call costs one atomic load and one indirect call.
#include "rk_elementwise.h"
#include "rk_ew_table.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

enum { RK_EW_PORTABLE = 0, RK_EW_AVX2 = 1, RK_EW_AVX512 = 2, RK_EW_NEON = 3 };
#if defined(__aarch64__)
#define RK_EW_LAST RK_EW_NEON
#else
#define RK_EW_LAST RK_EW_AVX512
#endif

int rk_elementwise_isa_supported(int isa) {
    if (isa == RK_EW_PORTABLE) return 1;
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the OS saves the YMM/ZMM state (XCR0).
    __builtin_cpu_init();
    int avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (isa == RK_EW_AVX2) return avx2;
    if (isa == RK_EW_AVX512)
        return avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
#elif defined(__aarch64__)
    if (isa == RK_EW_NEON) return 1; // part of the AArch64 base architecture
#endif
    return 0;
}

static const rk_ew_table *rk_ew_table_of(int isa) {
#if defined(__x86_64__)
    if (isa == RK_EW_AVX512) return &rk_ew_table_avx512;
    if (isa == RK_EW_AVX2) return &rk_ew_table_avx2;
#elif defined(__aarch64__)
    if (isa == RK_EW_NEON) return &rk_ew_table_neon;
#endif
    (void)isa;
    return &rk_ew_table_portable;
}

// The automatic choice: the best supported path, or a lower one named by RECURRENT_ISA
// (a request above what the CPU supports gets the best supported path).
static int rk_ew_auto_isa(void) {
#if defined(__aarch64__)
    const char *name = getenv("RECURRENT_ISA");
    return name && strcmp(name, "portable") == 0 ? RK_EW_PORTABLE : RK_EW_NEON;
#else
    int best = rk_elementwise_isa_supported(RK_EW_AVX512) ? RK_EW_AVX512
             : rk_elementwise_isa_supported(RK_EW_AVX2)   ? RK_EW_AVX2
                                                          : RK_EW_PORTABLE;
    const char *env = getenv("RECURRENT_ISA");
    int want = best;
    if (env) {
        if (strcmp(env, "portable") == 0) want = RK_EW_PORTABLE;
        else if (strcmp(env, "avx2") == 0) want = RK_EW_AVX2;
        else if (strcmp(env, "avx512") == 0) want = RK_EW_AVX512;
    }
    return want < best ? want : best;
#endif
}

static _Atomic(const rk_ew_table *) g_rk_ew_table;

static const rk_ew_table *rk_ew_init(void) {
    const rk_ew_table *t = rk_ew_table_of(rk_ew_auto_isa());
    atomic_store_explicit(&g_rk_ew_table, t, memory_order_release);
    return t;
}

static inline const rk_ew_table *rk_ew(void) {
    const rk_ew_table *t = atomic_load_explicit(&g_rk_ew_table, memory_order_acquire);
    if (__builtin_expect(t == NULL, 0)) t = rk_ew_init();
    return t;
}

int rk_elementwise_isa(void) {
    const rk_ew_table *t = rk_ew();
#if defined(__x86_64__)
    if (t == &rk_ew_table_avx512) return RK_EW_AVX512;
    if (t == &rk_ew_table_avx2) return RK_EW_AVX2;
#elif defined(__aarch64__)
    if (t == &rk_ew_table_neon) return RK_EW_NEON;
#endif
    (void)t;
    return RK_EW_PORTABLE;
}

int rk_elementwise_force_isa(int isa) {
    if (isa == -1) {
        rk_ew_init();
        return rk_elementwise_isa();
    }
    if (isa < RK_EW_PORTABLE || isa > RK_EW_LAST || !rk_elementwise_isa_supported(isa)) return -1;
    atomic_store_explicit(&g_rk_ew_table, rk_ew_table_of(isa), memory_order_release);
    return isa;
}

// ---- forwarding ----------------------------------------------------------------------

void rk_s_sigmoid(long n, const float *x, float *y) { rk_ew()->s_sigmoid(n, x, y); }
void rk_s_tanh(long n, const float *x, float *y) { rk_ew()->s_tanh(n, x, y); }
void rk_s_relu(long n, const float *x, float *y) { rk_ew()->s_relu(n, x, y); }
void rk_s_exp(long n, const float *x, float *y) { rk_ew()->s_exp(n, x, y); }
void rk_s_gate_sigmoid(long n, const float *x, float *y) { rk_ew()->s_gate_sigmoid(n, x, y); }
void rk_s_gate_tanh(long n, const float *x, float *y) { rk_ew()->s_gate_tanh(n, x, y); }
void rk_s_sigmoid_backward(long n, const float *y, float *g) { rk_ew()->s_sigmoid_backward(n, y, g); }
void rk_s_tanh_backward(long n, const float *y, float *g) { rk_ew()->s_tanh_backward(n, y, g); }
void rk_s_relu_backward(long n, const float *y, float *g) { rk_ew()->s_relu_backward(n, y, g); }
void rk_s_add_bias_act(long rows, long cols, const float *bias, float *x, int act) {
    rk_ew()->s_add_bias_act(rows, cols, bias, x, act);
}
void rk_s_sum_rows(long rows, long cols, const float *x, float *out) { rk_ew()->s_sum_rows(rows, cols, x, out); }
void rk_s_axpy(long n, float a, const float *x, float *y) { rk_ew()->s_axpy(n, a, x, y); }
void rk_s_scale(long n, float a, float *x) { rk_ew()->s_scale(n, a, x); }
double rk_s_sum(long n, const float *x) { return rk_ew()->s_sum(n, x); }
double rk_s_dot(long n, const float *x, const float *y) { return rk_ew()->s_dot(n, x, y); }
double rk_s_sumsq(long n, const float *x) { return rk_ew()->s_sumsq(n, x); }
double rk_s_maxabs(long n, const float *x) { return rk_ew()->s_maxabs(n, x); }

void rk_d_sigmoid(long n, const double *x, double *y) { rk_ew()->d_sigmoid(n, x, y); }
void rk_d_tanh(long n, const double *x, double *y) { rk_ew()->d_tanh(n, x, y); }
void rk_d_relu(long n, const double *x, double *y) { rk_ew()->d_relu(n, x, y); }
void rk_d_exp(long n, const double *x, double *y) { rk_ew()->d_exp(n, x, y); }
void rk_d_sigmoid_backward(long n, const double *y, double *g) { rk_ew()->d_sigmoid_backward(n, y, g); }
void rk_d_tanh_backward(long n, const double *y, double *g) { rk_ew()->d_tanh_backward(n, y, g); }
void rk_d_relu_backward(long n, const double *y, double *g) { rk_ew()->d_relu_backward(n, y, g); }
void rk_d_add_bias_act(long rows, long cols, const double *bias, double *x, int act) {
    rk_ew()->d_add_bias_act(rows, cols, bias, x, act);
}
void rk_d_sum_rows(long rows, long cols, const double *x, double *out) { rk_ew()->d_sum_rows(rows, cols, x, out); }
void rk_d_axpy(long n, double a, const double *x, double *y) { rk_ew()->d_axpy(n, a, x, y); }
void rk_d_scale(long n, double a, double *x) { rk_ew()->d_scale(n, a, x); }
double rk_d_sum(long n, const double *x) { return rk_ew()->d_sum(n, x); }
double rk_d_dot(long n, const double *x, const double *y) { return rk_ew()->d_dot(n, x, y); }
double rk_d_sumsq(long n, const double *x) { return rk_ew()->d_sumsq(n, x); }
double rk_d_maxabs(long n, const double *x) { return rk_ew()->d_maxabs(n, x); }
