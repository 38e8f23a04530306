// Portable path of the elementwise kernels: the baseline target of the build
// (SSE2 on x86-64, NEON on arm64), auto-vectorised.
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "../rk_vecmath.h"
#include "rk_ew_table.h"

#define RK_EW_ISA portable
#include "elementwise_impl.inc"
