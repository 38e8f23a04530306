// Temporary scalar implementation of rk_elementwise.h (replaced by vectorised kernels).
#include "rk_elementwise.h"
#include <math.h>

#define DEFS(P, T, EXP, TANH)                                                              \
void rk_##P##_sigmoid(long n, const T *x, T *y) { for (long i = 0; i < n; i++) y[i] = 1 / (1 + EXP(-x[i])); } \
void rk_##P##_tanh(long n, const T *x, T *y) { for (long i = 0; i < n; i++) y[i] = TANH(x[i]); } \
void rk_##P##_relu(long n, const T *x, T *y) { for (long i = 0; i < n; i++) y[i] = x[i] > 0 ? x[i] : 0; } \
void rk_##P##_sigmoid_backward(long n, const T *y, T *g) { for (long i = 0; i < n; i++) g[i] *= y[i] * (1 - y[i]); } \
void rk_##P##_tanh_backward(long n, const T *y, T *g) { for (long i = 0; i < n; i++) g[i] *= 1 - y[i] * y[i]; } \
void rk_##P##_relu_backward(long n, const T *y, T *g) { for (long i = 0; i < n; i++) g[i] = y[i] > 0 ? g[i] : 0; } \
void rk_##P##_add_bias_act(long rows, long cols, const T *bias, T *x, int act) {           \
    for (long r = 0; r < rows; r++) {                                                       \
        T *row = x + r * cols;                                                              \
        if (bias) for (long c = 0; c < cols; c++) row[c] += bias[c];                        \
        if (act == 1) rk_##P##_tanh(cols, row, row);                                        \
        else if (act == 2) rk_##P##_relu(cols, row, row);                                   \
        else if (act == 3) rk_##P##_sigmoid(cols, row, row);                                \
    }                                                                                       \
}                                                                                           \
void rk_##P##_sum_rows(long rows, long cols, const T *x, T *out) {                          \
    for (long r = 0; r < rows; r++) for (long c = 0; c < cols; c++) out[c] += x[r * cols + c]; \
}                                                                                           \
void rk_##P##_axpy(long n, T a, const T *x, T *y) { for (long i = 0; i < n; i++) y[i] += a * x[i]; } \
void rk_##P##_scale(long n, T a, T *x) { for (long i = 0; i < n; i++) x[i] *= a; }          \
double rk_##P##_sum(long n, const T *x) { double s = 0; for (long i = 0; i < n; i++) s += x[i]; return s; } \
double rk_##P##_dot(long n, const T *x, const T *y) { double s = 0; for (long i = 0; i < n; i++) s += (double)x[i] * y[i]; return s; } \
double rk_##P##_sumsq(long n, const T *x) { double s = 0; for (long i = 0; i < n; i++) s += (double)x[i] * x[i]; return s; } \
double rk_##P##_maxabs(long n, const T *x) { double m = 0; for (long i = 0; i < n; i++) { double v = fabs((double)x[i]); if (v != v) return v; if (v > m) m = v; } return m; }

DEFS(s, float, expf, tanhf)
DEFS(d, double, exp, tanh)
