// Fused per-time-step passes of the RNN, LSTM and GRU cells (see rk_cells.h).
#include "rk_cells.h"
#include <math.h>

#define T float
#define P s
#define SIGMOID(x) (1.0f / (1.0f + expf(-(x))))
#define TANH(x) tanhf(x)
#include "cells_impl.inc"
#undef T
#undef P
#undef SIGMOID
#undef TANH

#define T double
#define P d
#define SIGMOID(x) (1.0 / (1.0 + exp(-(x))))
#define TANH(x) tanh(x)
#include "cells_impl.inc"
