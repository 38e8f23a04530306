// Per-thread packing buffers, grown on demand and kept for the next call: an RNN
// issues many same-sized products, so steady state allocates nothing.
#include "gemm_internal.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    void *data[3];
    size_t size[3];
} scratch_t;

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void release(void *p) {
    scratch_t *s = p;
    free(s->data[0]);
    free(s->data[1]);
    free(s->data[2]);
    free(s);
}
static void make_key(void) { pthread_key_create(&key, release); }

void *rk_scratch(int slot, size_t bytes) {
    pthread_once(&key_once, make_key);
    scratch_t *s = pthread_getspecific(key);
    if (!s) {
        s = calloc(1, sizeof *s);
        if (!s || pthread_setspecific(key, s) != 0) goto out_of_memory;
    }
    if (s->size[slot] < bytes) {
        free(s->data[slot]);
        size_t rounded = (bytes + 4095) & ~(size_t)4095; // aligned_alloc wants a multiple of the alignment
#if defined(__APPLE__)
        // aligned_alloc is macOS 10.15+ only (weak below the deployment target); POSIX's is everywhere.
        if (posix_memalign(&s->data[slot], 64, rounded) != 0) s->data[slot] = NULL;
#else
        s->data[slot] = aligned_alloc(64, rounded);
#endif
        s->size[slot] = s->data[slot] ? rounded : 0;
        if (!s->data[slot]) goto out_of_memory;
    }
    return s->data[slot];
out_of_memory:
    fprintf(stderr, "Recurrent: out of memory for GEMM packing buffers (%zu bytes)\n", bytes);
    abort();
}
