// AVX-512 path of the elementwise kernels (x86-64 only): the shared body compiled with
// a target attribute on every function (F, VL, DQ, BW; 512-bit vectors).
// The headers come first, outside the target region; their inline functions are
// inlined into the AVX-512 functions and so generated as AVX-512 code.
#if defined(__x86_64__)
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../rk_vecmath.h"
#include "rk_ew_table.h"

#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx2,fma"))), apply_to = function)
#define RK_EW_ISA avx512
#include "elementwise_impl.inc"
#pragma clang attribute pop
#endif
