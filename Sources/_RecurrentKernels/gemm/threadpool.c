// Persistent worker threads for large GEMMs, created lazily. Workers spin briefly
// after a job (back-to-back products wake them in well under a microsecond), then
// yield for a while, then sleep on a condition variable so that an idle pool costs no
// CPU. Waits yield rather than spin for long: when other processes load the machine,
// a worker may share a core with the thread it waits for.
#include "gemm_internal.h"
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>

enum { MAX_THREADS = 64, SPIN_ITERATIONS = 2000, YIELD_ITERATIONS = 2000 };

static atomic_int requested_threads = 1;

void rk_set_threads(int n) {
    atomic_store(&requested_threads, n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : n);
}
int rk_get_threads(void) { return atomic_load(&requested_threads); }

static struct {
    atomic_flag busy;          // held by the caller whose job the pool runs
    pthread_mutex_t lock;      // guards sleeping workers' wake-up and pool growth
    pthread_cond_t wake;
    int workers;               // started so far
    atomic_ulong generation;   // bumped (under lock) for every job
    rk_task task;
    void *ctx;
    int count;                 // participants of the current job, caller included
    atomic_int pending;        // workers yet to finish the current job
} pool = {.busy = ATOMIC_FLAG_INIT, .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

static inline void cpu_relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static inline void backoff(int spins) {
    if (spins < SPIN_ITERATIONS) cpu_relax();
    else sched_yield();
}

static void *worker_main(void *arg) {
    int index = (int)(long)arg; // 1-based: the caller is participant 0
    unsigned long seen = 0;
    for (;;) {
        for (int spins = 0; spins < SPIN_ITERATIONS + YIELD_ITERATIONS; spins++) {
            if (atomic_load_explicit(&pool.generation, memory_order_relaxed) != seen) break;
            backoff(spins);
        }
        // The job is read under the lock, so it is never a mix of two jobs'.
        pthread_mutex_lock(&pool.lock);
        while (atomic_load_explicit(&pool.generation, memory_order_relaxed) == seen)
            pthread_cond_wait(&pool.wake, &pool.lock);
        seen = atomic_load_explicit(&pool.generation, memory_order_relaxed);
        rk_task task = pool.task;
        void *ctx = pool.ctx;
        int count = pool.count;
        pthread_mutex_unlock(&pool.lock);
        if (index < count) {
            task(ctx, index, count);
            atomic_fetch_sub_explicit(&pool.pending, 1, memory_order_release);
        }
    }
    return NULL;
}

static void run_job(int count, rk_task task, void *ctx, int concurrent) {
    if (count > MAX_THREADS) count = MAX_THREADS;
    if (count <= 1 || atomic_flag_test_and_set_explicit(&pool.busy, memory_order_acquire)) {
        if (concurrent) task(ctx, 0, 1); // one participant does it all
        else for (int i = 0; i < count; i++) task(ctx, i, count); // single thread, or pool taken
        return;
    }
    pthread_mutex_lock(&pool.lock);
    while (pool.workers < count - 1) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, worker_main, (void *)(long)(pool.workers + 1)) != 0) break;
        pthread_detach(thread);
        pool.workers++;
    }
    if (count > pool.workers + 1) count = pool.workers + 1; // a thread failed to start
    pool.task = task;
    pool.ctx = ctx;
    pool.count = count;
    atomic_store(&pool.pending, count - 1);
    atomic_fetch_add_explicit(&pool.generation, 1, memory_order_relaxed);
    pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.lock);

    task(ctx, 0, count);
    for (int spins = 0; atomic_load_explicit(&pool.pending, memory_order_acquire) > 0; spins++)
        backoff(spins < SPIN_ITERATIONS ? spins : SPIN_ITERATIONS);
    atomic_flag_clear_explicit(&pool.busy, memory_order_release);
}

void rk_parallel(int count, rk_task task, void *ctx) { run_job(count, task, ctx, 0); }
void rk_parallel_concurrent(int count, rk_task task, void *ctx) { run_job(count, task, ctx, 1); }

void rk_barrier_wait(rk_barrier *barrier, int count) {
    if (count <= 1) return;
    unsigned generation = atomic_load_explicit(&barrier->generation, memory_order_acquire);
    if (atomic_fetch_add_explicit(&barrier->arrived, 1, memory_order_acq_rel) == count - 1) {
        atomic_store_explicit(&barrier->arrived, 0, memory_order_relaxed);
        atomic_fetch_add_explicit(&barrier->generation, 1, memory_order_release);
        return;
    }
    for (int spins = 0; atomic_load_explicit(&barrier->generation, memory_order_acquire) == generation; spins++)
        backoff(spins < SPIN_ITERATIONS ? spins : SPIN_ITERATIONS);
}
