#!/bin/sh
# CI step: the NEON kernels cross-checked against the portable ones under emulation
# (Scripts/isa-check.sh --aarch64). Installs Debian's qemu-user, libc6-dev-arm64-cross and
# an AArch64 libgcc when they are absent; when they cannot be had, says SKIPPED and
# succeeds. A mismatch (or a checker that does not build) fails.
set -eu
cd "$(dirname "$0")/.."
have() {
    command -v qemu-aarch64 >/dev/null && [ -f /usr/aarch64-linux-gnu/lib/libc.a ] &&
        ls /usr/lib/gcc-cross/aarch64-linux-gnu/*/libgcc.a >/dev/null 2>&1
}
if ! have && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    libgcc=$(apt-cache search --names-only '^libgcc-[0-9]+-dev-arm64-cross$' 2>/dev/null |
        cut -d' ' -f1 | sort -V | tail -n 1)
    (apt-get update -q && apt-get install -y -q qemu-user libc6-dev-arm64-cross ${libgcc:-gcc-aarch64-linux-gnu}) ||
        echo "isa-check-aarch64: could not install qemu-user / the AArch64 cross libraries"
fi
if ! have; then
    echo "isa-check-aarch64: NEON cross-checks SKIPPED (qemu-aarch64 or the AArch64 sysroot unavailable)"
    exit 0
fi
if ! command -v ld.lld >/dev/null; then # the Swift toolchain's; GNU ld cannot link for AArch64
    echo "isa-check-aarch64: NEON cross-checks SKIPPED (no ld.lld next to clang)"
    exit 0
fi
exec Scripts/isa-check.sh --aarch64
