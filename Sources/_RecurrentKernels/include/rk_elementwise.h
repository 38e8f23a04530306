#ifndef RK_ELEMENTWISE_H
#define RK_ELEMENTWISE_H
#ifdef __cplusplus
extern "C" {
#endif

/// Vectorised elementwise kernels (in-place allowed: y may equal x).
/// Activations: y = f(x). Derivatives take the *activated output* y
/// (sigmoid' = y(1-y), tanh' = 1-y^2, relu' = [y>0]) and multiply into g: g *= f'(y).
void rk_s_sigmoid(long n, const float *x, float *y);
void rk_s_tanh(long n, const float *x, float *y);
void rk_s_relu(long n, const float *x, float *y);
void rk_s_sigmoid_backward(long n, const float *y, float *g);
void rk_s_tanh_backward(long n, const float *y, float *g);
void rk_s_relu_backward(long n, const float *y, float *g);
void rk_d_sigmoid(long n, const double *x, double *y);
void rk_d_tanh(long n, const double *x, double *y);
void rk_d_relu(long n, const double *x, double *y);
void rk_d_sigmoid_backward(long n, const double *y, double *g);
void rk_d_tanh_backward(long n, const double *y, double *g);
void rk_d_relu_backward(long n, const double *y, double *g);

/// x[r, c] += bias[c] for a rows x cols row-major matrix; then optionally activate
/// (act: 0 = identity, 1 = tanh, 2 = relu, 3 = sigmoid).
void rk_s_add_bias_act(long rows, long cols, const float *bias, float *x, int act);
void rk_d_add_bias_act(long rows, long cols, const double *bias, double *x, int act);
/// out[c] += sum over rows of x[r, c]  (bias gradients).
void rk_s_sum_rows(long rows, long cols, const float *x, float *out);
void rk_d_sum_rows(long rows, long cols, const double *x, double *out);

/// y += a*x ; x *= a ; sums and dot products accumulate in double.
void rk_s_axpy(long n, float a, const float *x, float *y);
void rk_d_axpy(long n, double a, const double *x, double *y);
void rk_s_scale(long n, float a, float *x);
void rk_d_scale(long n, double a, double *x);
double rk_s_sum(long n, const float *x);
double rk_d_sum(long n, const double *x);
double rk_s_dot(long n, const float *x, const float *y);
double rk_d_dot(long n, const double *x, const double *y);
double rk_s_sumsq(long n, const float *x);
double rk_d_sumsq(long n, const double *x);
/// max |x_i|; returns NaN if any element is NaN.
double rk_s_maxabs(long n, const float *x);
double rk_d_maxabs(long n, const double *x);

/// y = exp(x) (in-place allowed). Float: vectorised, ≤ 2 ulp in the normal range,
/// +inf on overflow, gradual underflow. Double: libm.
void rk_s_exp(long n, const float *x, float *y);
void rk_d_exp(long n, const double *x, double *y);

/// The gate activations of the fused float cells (rk_sigmoidf_gate, rk_tanhf_gate in
/// rk_vecmath.h: a rational tanh, absolute accuracy ≤ 4e-7), on this path, for tests.
void rk_s_gate_sigmoid(long n, const float *x, float *y);
void rk_s_gate_tanh(long n, const float *x, float *y);

/// Instruction-set path of the elementwise kernels (0 = portable, 1 = AVX2+FMA,
/// 2 = AVX-512, 3 = NEON on AArch64; same numbering as RK_ISA_* in rk_gemm.h). The best
/// supported path is chosen once, at first use, unless the environment variable
/// RECURRENT_ISA=portable|avx2|avx512|neon names a supported one.
/// rk_elementwise_force_isa pins a path (-1 = back to that automatic choice) and returns
/// the path now in use, or -1 (changing nothing) when this CPU or build lacks it.
int rk_elementwise_force_isa(int isa);
/// The path the elementwise kernels use now.
int rk_elementwise_isa(void);
/// Whether this CPU and build can run the given path.
int rk_elementwise_isa_supported(int isa);

#ifdef __cplusplus
}
#endif
#endif
