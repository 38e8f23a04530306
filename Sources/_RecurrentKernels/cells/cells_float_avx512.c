// Float cell passes, AVX-512 path (x86-64 only; target attribute per function).
#if defined(__x86_64__)
#include "rk_cells.h"
#include "../rk_vecmath.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,avx512bw,avx2,fma"))), apply_to = function)
#define P s_avx512
#include "cells_float.inc"
#pragma clang attribute pop
#endif
