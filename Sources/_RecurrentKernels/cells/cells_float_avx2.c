// Float cell passes, AVX2 + FMA path (x86-64 only; target attribute per function).
#if defined(__x86_64__)
#include "rk_cells.h"
#include "../rk_vecmath.h"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
// The activation loops two vector iterations at a time, so that their dependent chains
// overlap in the out-of-order window. Measured with the exp-based activations (chains of
// ~35 operations; the rational tanh's are ~15) on Zen 1 (EPYC, family 23 model 1), 1 thread,
// passes in cache (B 64, H 256, ns per unit): LSTM forward 10.4 -> 9.2 (4 at a time: 8.5,
// but slower for H <= 50), LSTM backward 4.9 -> 3.2, GRU forward 7.0 -> 6.1; layers, 5
// alternating rounds per row: inference 1.5-5 % faster on every row of the bench grid,
// training within ±3 %. The AVX-512 path, not measured on this machine, is left as it was.
#define RK_ACTIVATIONS                             \
    _Pragma("clang loop vectorize(assume_safety)") \
    _Pragma("clang loop interleave_count(2)")
#define P s_avx2
#include "cells_float.inc"
#pragma clang attribute pop
#endif
