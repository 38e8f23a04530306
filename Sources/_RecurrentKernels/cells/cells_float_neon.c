// Float cell passes, NEON path (AArch64 only): the shared body (cells_impl.inc), with the
// activation loops (rational gate tanh and sigmoid of rk_vecmath.h, same coefficients as
// every other path) vectorised for Advanced SIMD and interleaved two vector iterations at
// a time as on AVX2 (cells_float_avx2.c).
#if defined(__aarch64__)
#include "rk_cells.h"
#include "../rk_vecmath.h"
#define RK_ACTIVATIONS                             \
    _Pragma("clang loop vectorize(assume_safety)") \
    _Pragma("clang loop interleave_count(2)")
#define P s_neon
#include "cells_float.inc"
#endif
