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
#include "elementwise_impl.inc"
#pragma clang attribute pop
#endif
