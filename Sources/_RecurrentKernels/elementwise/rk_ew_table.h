// Private to elementwise/: the table of one instruction-set path's kernels.
// elementwise_impl.inc fills one table per path; elementwise.c picks one at first use.
#ifndef RK_EW_TABLE_H
#define RK_EW_TABLE_H

typedef struct rk_ew_table {
    void (*s_sigmoid)(long, const float *, float *);
    void (*s_tanh)(long, const float *, float *);
    void (*s_relu)(long, const float *, float *);
    void (*s_exp)(long, const float *, float *);
    void (*s_gate_sigmoid)(long, const float *, float *);
    void (*s_gate_tanh)(long, const float *, float *);
    void (*s_sigmoid_backward)(long, const float *, float *);
    void (*s_tanh_backward)(long, const float *, float *);
    void (*s_relu_backward)(long, const float *, float *);
    void (*s_add_bias_act)(long, long, const float *, float *, int);
    void (*s_sum_rows)(long, long, const float *, float *);
    void (*s_axpy)(long, float, const float *, float *);
    void (*s_scale)(long, float, float *);
    double (*s_sum)(long, const float *);
    double (*s_dot)(long, const float *, const float *);
    double (*s_sumsq)(long, const float *);
    double (*s_maxabs)(long, const float *);

    void (*d_sigmoid)(long, const double *, double *);
    void (*d_tanh)(long, const double *, double *);
    void (*d_relu)(long, const double *, double *);
    void (*d_exp)(long, const double *, double *);
    void (*d_sigmoid_backward)(long, const double *, double *);
    void (*d_tanh_backward)(long, const double *, double *);
    void (*d_relu_backward)(long, const double *, double *);
    void (*d_add_bias_act)(long, long, const double *, double *, int);
    void (*d_sum_rows)(long, long, const double *, double *);
    void (*d_axpy)(long, double, const double *, double *);
    void (*d_scale)(long, double, double *);
    double (*d_sum)(long, const double *);
    double (*d_dot)(long, const double *, const double *);
    double (*d_sumsq)(long, const double *);
    double (*d_maxabs)(long, const double *);
} rk_ew_table;

extern const rk_ew_table rk_ew_table_portable;
#if defined(__x86_64__)
extern const rk_ew_table rk_ew_table_avx2;
extern const rk_ew_table rk_ew_table_avx512;
#endif
#if defined(__aarch64__)
extern const rk_ew_table rk_ew_table_neon;
#endif

#endif
