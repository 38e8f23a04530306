// AVX2 + FMA path of the elementwise kernels (x86-64 only): the shared body compiled
// with a target attribute on every function (the build itself has no -mavx2 flag).
// The headers come first, outside the target region; their inline functions are
// inlined into the AVX2 functions and so generated as AVX2 code.
#if defined(__x86_64__)
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../rk_vecmath.h"
#include "rk_ew_table.h"

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define RK_EW_ISA avx2
// Two vector iterations at a time, as the AVX2 cell passes (cells_float_avx2.c): their
// chains overlap. Zen 1, 16 Ki floats in cache, best of 5, two alternating runs (ns per
// element): sigmoid 1.64-1.78 -> 1.50-1.64, tanh 2.05-2.23 -> 1.79-1.82, exp 1.28-1.39 -> 1.12-1.14.
#define RK_EW_MAP_LOOP _Pragma("clang loop interleave_count(2)")
#include "elementwise_impl.inc"
#pragma clang attribute pop
#endif
