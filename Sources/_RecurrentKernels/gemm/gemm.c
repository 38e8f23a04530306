// Public GEMM entry points (rk_gemm.h) for float and double, from one driver template.
#include "gemm_internal.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>

/// Products below this many flops (about 10 us on one core) run on the calling thread.
/// Above it, two threads measured 1.5-1.9x one on this 2-core Zen 3 with the pool warm,
/// per-time-step shapes such as 32x256x1024 included.
#define PARALLEL_MIN_FLOPS 1e6
/* One-row products by dot products: B's elements from which the rows are shared out. */
#define GEMV_PARALLEL_MIN_ELEMENTS 262144.0

/// Elements of packed B (K chunk x a few panels) per step of the few-rows path: about
/// 256 KiB of floats, half of this L2, next to the packed A (measured: 32-64 Ki elements
/// beat both smaller groups and packing all of N, whose strided writes alias in L1).
#define SMALL_M_B_GROUP 65536

/// Upper bound of MC / MR over the ISA tables (sizes the row-split array on the stack).
enum { MAX_BLOCK_PANELS = 64 };

/// Leading bytes of a packed B buffer: what it was packed for. 64 bytes keep the panels
/// that follow as aligned as the buffer.
#define PACKED_MAGIC 0x52504B42u
typedef struct {
    uint32_t magic, isa, elem_size, nr, kc;
    int64_t K, N;
} packed_header;
typedef char packed_header_space[64];
_Static_assert(sizeof(packed_header) <= sizeof(packed_header_space), "header too large");

static inline long div_up(long a, long b) { return (a + b - 1) / b; }

/// The deepest K chunk <= kc_max that cuts K into equal chunks (no thin last chunk).
static inline long balanced_kc(long K, long kc_max) {
    return K <= 0 ? 1 : div_up(K, div_up(K, kc_max));
}

/// RECURRENT_GEMM_BLOCKING="KC,MC,NC" overrides the cache blocking of every kernel (a
/// tuning aid for a new CPU: `rnn bench gemm` under several values). MC and NC are rounded
/// to the register tile; 0 or a missing field keeps the kernel's own value.
static long blocking_override(int which) {
    static long values[3];
    static atomic_int parsed;
    if (!atomic_load_explicit(&parsed, memory_order_acquire)) {
        long v[3] = {0, 0, 0};
        const char *text = getenv("RECURRENT_GEMM_BLOCKING");
        if (text) sscanf(text, "%ld,%ld,%ld", &v[0], &v[1], &v[2]);
        for (int i = 0; i < 3; i++) values[i] = v[i] > 0 ? v[i] : 0;
        atomic_store_explicit(&parsed, 1, memory_order_release);
    }
    return values[which];
}
static inline long blocking_kc(long own) { long v = blocking_override(0); return v ? v : own; }
static inline long blocking_mc(long own, long mr, long max_panels) {
    long v = blocking_override(1);
    if (!v) return own;
    v = (v + mr - 1) / mr * mr;
    return v > max_panels * mr ? max_panels * mr : v;
}
static inline long blocking_nc(long own, long nr) {
    long v = blocking_override(2);
    return v ? (v + nr - 1) / nr * nr : own;
}

#define T float
#define P s
#include "gemm_driver.h"

#define T double
#define P d
#include "gemm_driver.h"
