// Run-time choice of the ISA path: the best the CPU supports, unless pinned by
// rk_isa_force or the environment variable RECURRENT_ISA.
#include "gemm_internal.h"
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

int rk_isa_supported(int isa) {
    switch (isa) {
    case RK_ISA_PORTABLE: return 1;
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the OS saves the wider registers.
    case RK_ISA_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case RK_ISA_AVX512:
        return rk_isa_supported(RK_ISA_AVX2) && __builtin_cpu_supports("avx512f") &&
               __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("avx512bw");
#elif defined(__aarch64__)
    case RK_ISA_NEON: return 1; // Advanced SIMD is part of the AArch64 base architecture
#endif
    default: return 0;
    }
}

int rk_isa_detected(void) {
    static atomic_int detected = -1;
    int isa = atomic_load_explicit(&detected, memory_order_relaxed);
    if (isa < 0) {
#if defined(__aarch64__)
        isa = RK_ISA_NEON;
#else
        isa = rk_isa_supported(RK_ISA_AVX512) ? RK_ISA_AVX512
            : rk_isa_supported(RK_ISA_AVX2)   ? RK_ISA_AVX2
                                              : RK_ISA_PORTABLE;
#endif
        atomic_store_explicit(&detected, isa, memory_order_relaxed);
    }
    return isa;
}

const char *rk_isa_name(int isa) {
    switch (isa) {
    case RK_ISA_PORTABLE: return "portable";
    case RK_ISA_AVX2: return "avx2";
    case RK_ISA_AVX512: return "avx512";
#if defined(__aarch64__)
    case RK_ISA_NEON: return "neon";
#endif
    default: return "unknown";
    }
}

#if defined(__aarch64__)
#define RK_ISA_LAST RK_ISA_NEON
#else
#define RK_ISA_LAST RK_ISA_AVX512
#endif

/// RECURRENT_ISA, when it names a supported ISA; else the detected one.
static int isa_from_environment(void) {
    const char *name = getenv("RECURRENT_ISA");
    if (name)
        for (int isa = RK_ISA_PORTABLE; isa <= RK_ISA_LAST; isa++)
            if (strcmp(name, rk_isa_name(isa)) == 0 && rk_isa_supported(isa)) return isa;
    return rk_isa_detected();
}

// The pinned ISA, or -1 for automatic (environment, else detection; resolved once).
// Each GEMM call reads it once, so changing it affects only calls that start later.
static atomic_int forced = -1;
static atomic_int automatic = -1;

int rk_isa_force(int isa) {
    if (isa != -1 && !rk_isa_supported(isa)) return -1;
    atomic_store(&forced, isa);
    return 0;
}

int rk_isa_active(void) {
    int isa = atomic_load_explicit(&forced, memory_order_relaxed);
    if (isa >= 0) return isa;
    int env = atomic_load_explicit(&automatic, memory_order_relaxed);
    if (env < 0) {
        env = isa_from_environment();
        atomic_store_explicit(&automatic, env, memory_order_relaxed);
    }
    return env;
}
