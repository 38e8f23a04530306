#!/usr/bin/env bash
# A two-host data-parallel check on one machine, run by hand (needs root and iproute2):
# two network namespaces joined by a veth pair stand in for two hosts, 10.99.0.1/24 and
# 10.99.0.2/24 (addresses that exist only inside those namespaces; nothing is routed out).
# mpirun runs in the first; a plm_rsh_agent wrapper around `ip netns exec` stands in for ssh
# to start the second's daemon; MPI traffic goes over TCP on the veth pair only
# (btl tcp,self). It runs the all-reduce benchmark, the data-parallel equivalence check and
# a short `rnn train charlm` across the two, then removes everything (trap).
# Environment: MPI_SCRATCH (build folder, default .build-mpi).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

[ "$(id -u)" = 0 ] || { echo "mpi-two-hosts: needs root (network namespaces)" >&2; exit 1; }
command -v ip >/dev/null || { echo "mpi-two-hosts: needs iproute2 (ip)" >&2; exit 1; }
command -v mpirun >/dev/null || { echo "mpi-two-hosts: needs Open MPI (apt-get install -y libopenmpi-dev openmpi-bin)" >&2; exit 1; }

SCRATCH=${MPI_SCRATCH:-$ROOT/.build-mpi}
swift build -c release --traits MPI --scratch-path "$SCRATCH" 2>&1 | tail -1
BIN=$(swift build -c release --traits MPI --scratch-path "$SCRATCH" --show-bin-path)

ID=$$
NS_A=rnnmpi-a-$ID
NS_B=rnnmpi-b-$ID
VETH_A=rva$ID
VETH_B=rvb$ID
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rnn-2hosts.XXXXXX")

cleanup() {
    for ns in "$NS_A" "$NS_B"; do
        if ip netns list | grep -qw "$ns"; then
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns delete "$ns" 2>/dev/null || true   # deletes its end of the veth pair too
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "== two hosts: $NS_A (10.99.0.1) <-veth-> $NS_B (10.99.0.2)"
ip netns add "$NS_A"
ip netns add "$NS_B"
ip link add "$VETH_A" netns "$NS_A" type veth peer name "$VETH_B" netns "$NS_B"
ip -n "$NS_A" addr add 10.99.0.1/24 dev "$VETH_A"
ip -n "$NS_B" addr add 10.99.0.2/24 dev "$VETH_B"
for ns in "$NS_A" "$NS_B"; do
    ip -n "$ns" link set lo up
done
ip -n "$NS_A" link set "$VETH_A" up
ip -n "$NS_B" link set "$VETH_B" up

# The "ssh": `agent [options] HOST COMMAND…` runs COMMAND in HOST's namespace.
cat > "$WORK/netns-rsh" <<EOF
#!/bin/sh
while [ \$# -gt 0 ] && [ "\${1#-}" != "\$1" ]; do shift; done
host=\$1; shift
case "\$host" in
    10.99.0.1) ns=$NS_A ;;
    10.99.0.2) ns=$NS_B ;;
    *) echo "netns-rsh: unknown host \$host" >&2; exit 1 ;;
esac
exec ip netns exec "\$ns" /bin/sh -c "\$*"
EOF
chmod +x "$WORK/netns-rsh"
printf '10.99.0.1 slots=1\n10.99.0.2 slots=1\n' > "$WORK/hostfile"
echo "hostfile:"; cat "$WORK/hostfile"

PASS_ENV=(-x PATH)
[ -n "${LD_LIBRARY_PATH:-}" ] && PASS_ENV+=(-x LD_LIBRARY_PATH)
mpi2() {
    ip netns exec "$NS_A" timeout 600 mpirun --allow-run-as-root -np 2 --hostfile "$WORK/hostfile" --map-by node --bind-to none \
        --mca plm_rsh_agent "$WORK/netns-rsh" \
        --mca btl tcp,self --mca btl_tcp_if_include 10.99.0.0/24 --mca oob_tcp_if_include 10.99.0.0/24 \
        "${PASS_ENV[@]}" "$@"
}

echo "== where the ranks run"
mpi2 sh -c 'echo "rank $OMPI_COMM_WORLD_RANK: $(ip -4 -o addr show scope global | awk "{print \$4}")"' | sort

echo "== all-reduce over TCP on the veth pair"
mpi2 "$BIN/rnn-mpi-check" allreduce --megabytes 1,4 --iterations 20

echo "== data-parallel = one process, across the two hosts"
mpi2 "$BIN/rnn-mpi-check" equivalence --model lm --steps 20 --rtol 1e-5
mpi2 "$BIN/rnn-mpi-check" equivalence --model tagger --steps 20 --rtol 1e-5

echo "== rnn train charlm across the two hosts"
cp Sources/rnn/Support/DemoCorpus.txt "$WORK/corpus.txt"
mpi2 "$BIN/rnn" train charlm --train "$WORK/corpus.txt" --hidden 64 --batch 16 --bptt 50 --epochs 1 --threads 1 \
    --out "$WORK/two-hosts.safetensors" 2>&1 | grep -v '^\[' | head -3
"$BIN/rnn-mpi-check" inspect "$WORK/two-hosts.safetensors"
echo "PASS: two hosts"
