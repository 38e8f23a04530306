// FMA peak of the active ISA, for reporting GEMM throughput as a fraction of it.
#include "gemm_internal.h"
#include <time.h>

typedef struct {
    double (*burn)(double seconds);
    double seconds;
    double flops[64];
} peak_job;

static void burn_task(void *ctx, int index, int count) {
    (void)count;
    peak_job *job = ctx;
    job->flops[index] = job->burn(job->seconds);
}

static double now(void) {
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
#endif
    if (threads < 1) threads = 1;
    if (threads > 64) threads = 64;
    double start = now();
    rk_parallel(threads, burn_task, &job);
    double elapsed = now() - start, flops = 0;
    for (int i = 0; i < threads; i++) flops += job.flops[i];
    return flops / elapsed * 1e-9;
}
