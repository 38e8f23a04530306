// Template of the peak-FMA loop for one vector type (include inside a target region
// with BURN_FN, BURN_V and BURN_ACC, the number of independent accumulators: enough
// to cover FMA latency x FMA ports).
#include <time.h>

double BURN_FN(double seconds) {
    typedef BURN_V V;
    const int lanes = (int)(sizeof(V) / sizeof(float));
    V acc[BURN_ACC], x = (V){} + 0.999999f, y = (V){} + 1e-6f;
    for (int i = 0; i < BURN_ACC; i++) acc[i] = (V){} + (float)i;
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double flops = 0, elapsed = 0;
    do {
        for (int it = 0; it < 4096; it++)
            for (int i = 0; i < BURN_ACC; i++) acc[i] = __builtin_elementwise_fma(acc[i], x, y);
        flops += 4096.0 * BURN_ACC * lanes * 2;
        clock_gettime(CLOCK_MONOTONIC, &t);
        elapsed = (double)(t.tv_sec - t0.tv_sec) + 1e-9 * (double)(t.tv_nsec - t0.tv_nsec);
    } while (elapsed < seconds);
    V sum = (V){};
    for (int i = 0; i < BURN_ACC; i++) sum += acc[i];
    volatile float sink = sum[0]; // the result is used, so the loop cannot be dropped
    (void)sink;
    return flops;
}

#undef BURN_FN
#undef BURN_V
#undef BURN_ACC
