#!/bin/sh
# Static throughput estimate of the NEON float micro-kernel (emulation says nothing about
# speed): compiles gemm/kernel_neon.c for AArch64 with the toolchain's clang (generic
# AArch64, as shipped), takes the inner loop of the full 8x12 tile (the loop of skernel_neon
# whose body is all by-element FMAs, 48 of them: two K steps) and runs llvm-mca on it for
# each CPU named (default apple-m1 neoverse-v1). LLVM_MCA overrides the llvm-mca binary
# (Debian: llvm-mca-19 from the llvm-19 package; older ones lack a Neoverse V1 model).
set -eu
cd "$(dirname "$0")/.."
out=.build-isa-check
mkdir -p "$out"
K=Sources/_RecurrentKernels
mca=${LLVM_MCA:-$(command -v llvm-mca-19 || command -v llvm-mca)}
clang --target=aarch64-linux-gnu -ffreestanding -O3 -fno-math-errno -std=gnu11 -I"$K/include" -I"$K" \
    -S "$K/gemm/kernel_neon.c" -o "$out/kernel_neon.s"
awk '
    /^skernel_neon:/ { inside = 1 }
    /^skernel_neon_rows:/ { inside = 0 }
    !inside { next }
    /^\.LBB[0-9_]+:/ { label = $1; sub(":", "", label); n = 0; fmla = 0; lane = 0; next }
    label != "" && $0 !~ /^[ \t]*\/\// {
        body[++n] = $0
        if ($1 == "fmla") { fmla++; if ($0 ~ /\.s\[[0-3]\]/) lane++ }
        if ($1 ~ /^b\./ && $2 == label && fmla == 48 && lane == 48) {
            for (i = 1; i <= n; i++) print body[i]
            exit
        }
    }' "$out/kernel_neon.s" > "$out/sgemm_neon_loop.s"
[ -s "$out/sgemm_neon_loop.s" ] || { echo "isa-check-mca: 8x12 inner loop not found" >&2; exit 1; }
echo "inner loop: $(wc -l < "$out/sgemm_neon_loop.s") instructions, 48 FMAs (2 K steps of 8x12) — $out/sgemm_neon_loop.s"
for cpu in ${*:-apple-m1 neoverse-v1}; do
    echo "== $cpu"
    "$mca" -mtriple=aarch64-linux-gnu -mcpu="$cpu" -iterations=1000 "$out/sgemm_neon_loop.s" |
        sed -n '/^Iterations/,/^Block RThroughput/p;/^Resources:/,/^$/p;/^Resource pressure per iteration/,/^$/p'
done
