// The fused recurrence (rk_recurrence.h) for float and double, from one driver template.
#include "rk_recurrence.h"
#include "../gemm/gemm_internal.h"
#include "../cells/cells_units.h"
#include <stdlib.h>
#include <string.h>

/// A step's recurrent product below this many flops runs on one thread: the threads meet
/// at a barrier every step, which costs a few hundred nanoseconds.
#define RK_RECURRENCE_MIN_STEP_FLOPS 6.5e4

#define T float
#define P s
#include "recurrence_driver.h"

#define T double
#define P d
#include "recurrence_driver.h"
