// FMA peak of the active ISA, for reporting GEMM throughput as a fraction of it: the
// sum of every thread's best rate (the threads run at the same time, one per core).
#include "gemm_internal.h"
#include <time.h>

typedef struct {
    double (*burn)(double seconds);
    double seconds;
    double rate[64];
} peak_job;

static void burn_task(void *ctx, int index, int count) {
    (void)count;
    peak_job *job = ctx;
    job->rate[index] = job->burn(job->seconds);
}

double rk_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double rk_measure_fma_peak(int threads, double seconds) {
    peak_job job = {rk_fma_burn_portable, seconds, {0}};
#if defined(__x86_64__)
    int isa = rk_isa_active();
    if (isa == RK_ISA_AVX512) job.burn = rk_fma_burn_avx512;
    if (isa == RK_ISA_AVX2) job.burn = rk_fma_burn_avx2;
#elif defined(__aarch64__)
    if (rk_isa_active() == RK_ISA_NEON) job.burn = rk_fma_burn_neon;
#endif
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    rk_parallel(threads, burn_task, &job);
    double rate = 0;
    for (int i = 0; i < threads; i++) rate += job.rate[i];
    return rate * 1e-9;
}
