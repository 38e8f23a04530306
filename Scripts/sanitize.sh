#!/usr/bin/env bash
# The test suite under the sanitizers (issue 26), each in its own build folder:
#   address  `swift test --sanitize=address` plus UndefinedBehaviorSanitizer on the C kernels
#            (-Xcc -fsanitize=undefined -fno-sanitize-recover=undefined), in .build-asan.
#            swiftc has no -sanitize=undefined on Linux ("unsupported option … for target
#            x86_64-unknown-linux-gnu"), so `swift test --sanitize=undefined` cannot build; the
#            Swift code's undefined behaviour (overflow, bounds, unwrapping) traps in debug builds
#            anyway, and the ASan runtime carries UBSan's handlers, so one build does both.
#   thread   `swift test --sanitize=thread`, in .build-tsan; then the kernels' checker
#            (Scripts/isa-check) built with -fsanitize=thread: every SIMD path's GEMM (packed,
#            prepacked, shared A) and fused recurrence (every cell, both directions, masks,
#            truncation) on two threads.
# SwiftPM passes -fsanitize=… to the C target too (after Package.swift's -O3 -fno-math-errno),
# so the kernels, the library and the `rnn` binary that rnnTests exec are all instrumented.
#
#   Scripts/sanitize.sh                          # both
#   Scripts/sanitize.sh thread --filter GEMMTests   # the rest goes to `swift test`
#
# Any report fails the run (and so CI), whether or not the test that caused it failed:
# ASan, LeakSanitizer (leaks inside the toolchain's libraries are suppressed by
# Scripts/sanitizers/lsan.supp, each one explained there), UBSan (halts on the first) and TSan.
# Excluded from both: DiagnosticsBrowserTests (it drives an uninstrumented headless Chromium for
# minutes; the reports it loads are built by DiagnosticsReportTests, which do run).
# Time on 2 cores shared with other builds: address 5.5–8.5 min to build from scratch + 2–2.5 min
# of tests; thread 4.5 min + 3–7.5 min of tests + 1.5 min for the checker (about 20 min in all).
# The thread pool's and the fused recurrence's two-thread paths are exercised by GEMMTests,
# FusedRecurrenceTests, InferenceModeTests and `rnn bench … --threads 2` (BenchCommandTests).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

sanitizers=() passthrough=()
while [ $# -gt 0 ]; do
    case "$1" in
    address | thread) sanitizers+=("$1") ;;
    *) passthrough+=("$1") ;;
    esac
    shift
done
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)

failed=()
for s in "${sanitizers[@]}"; do
    case "$s" in
    address) dir=.build-asan extra=(-Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined) ;;
    thread) dir=.build-tsan extra=() ;;
    esac
    log="$dir/sanitize-test.log"
    # Every process's reports (the test runner's and the `rnn` processes rnnTests start, whose
    # stderr a passing test never shows) go to files here: any file is a failure.
    reports="$ROOT/$dir/sanitizer-reports"
    rm -rf "$reports"
    mkdir -p "$reports"
    export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export LSAN_OPTIONS="suppressions=$ROOT/Scripts/sanitizers/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="log_path=$reports/ubsan:halt_on_error=1:print_stacktrace=1"
    export TSAN_OPTIONS="log_path=$reports/tsan:halt_on_error=0:second_deadlock_stack=1"
    start=$(date +%s)
    echo "sanitize: $s — building ($dir)"
    if ! swift build --build-tests --sanitize="$s" "${extra[@]}" --scratch-path "$dir"; then
        failed+=("$s (build)"); continue
    fi
    echo "sanitize: $s — testing (log: $log)"
    swift test --skip-build --sanitize="$s" "${extra[@]}" --scratch-path "$dir" \
        --skip 'DiagnosticsBrowserTests/' "${passthrough[@]}" 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    # A report in a child process (the exec'd `rnn`) or one that did not fail its test still counts.
    if [ -n "$(ls -A "$reports")" ] || grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|WARNING: ThreadSanitizer" "$log"; then
        cat "$reports"/* 2>/dev/null
        echo "sanitize: $s — REPORTS found (see $reports and $log)"
        status=1
    fi
    if [ "$s" = thread ] && [ $status = 0 ]; then
        # The C kernels alone on two threads, every ISA this CPU has (seconds of compile, ~1 min of run).
        K=Sources/_RecurrentKernels
        L=$(dirname "$(readlink -f "$(command -v swift)")")/../lib/swift/linux # TSan's libdispatch interceptors need it
        if clang -O1 -g -fno-math-errno -std=gnu11 -pthread -fsanitize=thread -I"$K/include" -I"$K" \
            Scripts/isa-check/isa_check.c $(find "$K" -name '*.c' | sort) -lm \
            -L"$L" -Wl,-rpath,"$L" -ldispatch -lBlocksRuntime -o "$dir/isa-check-tsan"; then
            "$dir/isa-check-tsan" 2>&1 | tee "$dir/isa-check-tsan.log"
            [ "${PIPESTATUS[0]}" = 0 ] || status=1
            if [ -n "$(ls -A "$reports")" ]; then cat "$reports"/*; status=1; fi
        else
            status=1
        fi
    fi
    echo "sanitize: $s — $([ $status = 0 ] && echo clean || echo FAILED) in $(( $(date +%s) - start )) s"
    [ $status = 0 ] || failed+=("$s")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "sanitize: FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "sanitize: ${sanitizers[*]}: no reports"
