// Template of the peak-FMA loop for one vector type (include inside a target region
// with BURN_FN, BURN_V and BURN_ACC, the number of independent accumulators: enough
// to cover FMA latency x FMA ports). Returns the best rate over short windows, so that
// time slices lost to other processes do not count against the peak.

double BURN_FN(double seconds) {
    typedef BURN_V V;
    const double flops_per_batch = 256.0 * BURN_ACC * (double)(sizeof(V) / sizeof(float)) * 2;
    V acc[BURN_ACC], x = (V){} + 0.999999f, y = (V){} + 1e-6f;
    for (int i = 0; i < BURN_ACC; i++) acc[i] = (V){} + (float)i;
    double start = rk_seconds(), window_start = start, now, best = 0, batches = 0;
    do {
        for (int it = 0; it < 256; it++)
            for (int i = 0; i < BURN_ACC; i++) acc[i] = __builtin_elementwise_fma(acc[i], x, y);
        batches++;
        now = rk_seconds();
        if (now - window_start >= RK_PEAK_WINDOW) {
            double rate = batches * flops_per_batch / (now - window_start);
            best = rate > best ? rate : best;
            window_start = now;
            batches = 0;
        }
    } while (now - start < seconds || best == 0);
    V sum = (V){};
    for (int i = 0; i < BURN_ACC; i++) sum += acc[i];
    volatile float sink = sum[0]; // the result is used, so the loop cannot be dropped
    (void)sink;
    return best;
}

#undef BURN_FN
#undef BURN_V
#undef BURN_ACC
