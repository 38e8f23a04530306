#!/bin/sh
# Builds Scripts/isa-check/isa_check.c with the C kernels (with the flags Package.swift gives
# them: -O3 -fno-math-errno, so that the code checked is the code shipped) into one static executable
# (default .build-isa-check/isa-check) and runs it, unless --build-only. Needs clang (the
# Swift toolchain's) and a static libc; the binary then runs on any x86-64 Linux.
#
# --aarch64: cross-compiles it for AArch64 instead (the same clang, --target=aarch64-linux-gnu,
# the sysroot of Debian's libc6-dev-arm64-cross, libgcc from libgcc-N-dev-arm64-cross, lld)
# into .build-isa-check/isa-check-aarch64 and runs it under qemu-aarch64 (Debian's qemu-user):
# the NEON paths against the portable one. Scripts/isa-check-aarch64.sh installs what it needs.
set -eu
cd "$(dirname "$0")/.."
out=.build-isa-check
mkdir -p "$out"
K=Sources/_RecurrentKernels
build_only=0 aarch64=0
for arg in "$@"; do
    case "$arg" in
    --build-only) build_only=1 ;;
    --aarch64) aarch64=1 ;;
    *) echo "usage: $0 [--build-only] [--aarch64]" >&2; exit 2 ;;
    esac
done
if [ "$aarch64" = 0 ]; then
    clang -O3 -fno-math-errno -std=gnu11 -static -pthread -I"$K/include" -I"$K" \
        Scripts/isa-check/isa_check.c $(find "$K" -name '*.c' | sort) -lm -o "$out/isa-check"
    [ "$build_only" = 1 ] || "$out/isa-check"
    exit
fi
sysroot=${AARCH64_SYSROOT:-/usr/aarch64-linux-gnu}
gccdir=$(ls -d /usr/lib/gcc-cross/aarch64-linux-gnu/* 2>/dev/null | sort -V | tail -n 1)
[ -n "$gccdir" ] || { echo "isa-check: no AArch64 libgcc (libgcc-N-dev-arm64-cross)" >&2; exit 3; }
clang --target=aarch64-linux-gnu --sysroot="$sysroot" --gcc-install-dir="$gccdir" -fuse-ld=lld \
    -O3 -fno-math-errno -std=gnu11 -static -pthread -I"$K/include" -I"$K" \
    Scripts/isa-check/isa_check.c $(find "$K" -name '*.c' | sort) -lm -o "$out/isa-check-aarch64"
[ "$build_only" = 1 ] || qemu-aarch64 "$out/isa-check-aarch64"
