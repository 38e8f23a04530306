// NEON path of the elementwise kernels (AArch64 only): the shared body compiled for the
// AArch64 base architecture, whose Advanced SIMD clang auto-vectorises to (4 floats or
// 2 doubles a vector, FMA contracted), with the float maps interleaved two vector
// iterations at a time as on AVX2 (elementwise_avx2.c), so that the dependent chains of
// the activations overlap in the out-of-order window. The portable path is the same body
// without that tuning (on AArch64 it is vectorised too).
#if defined(__aarch64__)
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../rk_vecmath.h"
#include "rk_ew_table.h"

#define RK_EW_ISA neon
#define RK_EW_MAP_LOOP _Pragma("clang loop interleave_count(2)")
#include "elementwise_impl.inc"
#endif
