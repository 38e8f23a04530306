#!/bin/sh
# Builds Scripts/isa-check/isa_check.c with the C kernels (with the flags Package.swift gives
# them: -O3 -fno-math-errno, so that the code checked is the code shipped) into one static executable
# (default .build-isa-check/isa-check) and runs it, unless --build-only. Needs clang (the
# Swift toolchain's) and a static libc; the binary then runs on any x86-64 Linux.
set -eu
cd "$(dirname "$0")/.."
out=.build-isa-check
mkdir -p "$out"
K=Sources/_RecurrentKernels
clang -O3 -fno-math-errno -std=gnu11 -static -pthread -I"$K/include" -I"$K" \
    Scripts/isa-check/isa_check.c $(find "$K" -name '*.c' | sort) -lm -o "$out/isa-check"
[ "${1:-}" = "--build-only" ] || "$out/isa-check"
