// Float cell passes, AVX2 + FMA path (x86-64 only; target attribute per function).
#if defined(__x86_64__)
#include "rk_cells.h"
#include "../rk_vecmath.h"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define P s_avx2
#include "cells_float.inc"
#pragma clang attribute pop
#endif
