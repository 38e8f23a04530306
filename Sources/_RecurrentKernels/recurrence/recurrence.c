// The fused recurrence (rk_recurrence.h) for float and double, from one driver template.
#include "rk_recurrence.h"
#include "../gemm/gemm_internal.h"
#include "../cells/cells_units.h"
#include <stdlib.h>
#include <string.h>

/// A step's recurrent product below this many flops runs on one thread: the threads meet
/// at a barrier every step, which costs a few hundred nanoseconds.
#define RK_RECURRENCE_MIN_STEP_FLOPS 6.5e4

/// Participants share batch rows only when each gets at least this many (enough for
/// register tiles of four rows or more); smaller batches share hidden units.
#define RK_RECURRENCE_MIN_SPLIT_ROWS 8

/// Largest W_ih (bytes) whose ∂x products run inside the backward time loop (fuses_dx).
#define RK_RECURRENCE_MAX_FUSED_WIH_BYTES (512.0 * 1024)

static _Atomic int split_mode = -1; // -1: not read from the environment yet

void rk_set_recurrence_split(int mode) { split_mode = mode; }

int rk_recurrence_split(void) {
    int mode = split_mode;
    if (mode < 0) {
        const char *env = getenv("RECURRENT_RECURRENCE_SPLIT");
        mode = env && !strcmp(env, "rows") ? RK_SPLIT_ROWS : env && !strcmp(env, "units") ? RK_SPLIT_UNITS : RK_SPLIT_AUTO;
        split_mode = mode;
    }
    return mode;
}

static _Atomic long direct_a_limit = -1; // -1: not read from the environment yet

void rk_set_recurrence_direct_a(long bytes) { direct_a_limit = bytes < 0 ? -1 : bytes; }

long rk_recurrence_direct_a(void) {
    long limit = direct_a_limit;
    if (limit < 0) {
        const char *env = getenv("RECURRENT_RECURRENCE_DIRECT_A");
        limit = env && *env ? atol(env) : RK_RECURRENCE_DIRECT_A_DEFAULT;
        if (limit < 0) limit = RK_RECURRENCE_DIRECT_A_DEFAULT;
        direct_a_limit = limit;
    }
    return limit;
}

#define T float
#define P s
#include "recurrence_driver.h"

#define T double
#define P d
#include "recurrence_driver.h"
