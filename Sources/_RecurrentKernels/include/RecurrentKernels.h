#ifndef RECURRENT_KERNELS_H
#define RECURRENT_KERNELS_H
#include "rk_gemm.h"
#include "rk_elementwise.h"
#include "rk_cells.h"
#include "rk_recurrence.h"
#include "rk_optim.h"
#endif
