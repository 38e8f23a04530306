#!/usr/bin/env bash
# Data-parallel training checks (issue #7): builds `rnn` and `rnn-mpi-check` with the MPI
# trait and runs them under `mpirun`:
#   1. 2 ranks × their half of each batch reproduce 1 process × the whole batch (20 steps,
#      ‖Δ‖₂/‖p‖₂ ≤ 1e-5 per tensor) for an LSTM language model and a bidirectional LSTM
#      tagger (variable lengths: unequal shares), with SGD and Adam; 3 ranks (uneven split);
#      every rank ends with bit-identical parameters (hashes all-gathered).
#   2. `rnn train charlm` under mpirun -np 2 matches the same command in one process.
#   3. A rank killed mid-training fails the job with mpirun's message naming it, the last
#      checkpoint reads back intact, and resuming from it under mpirun reproduces the
#      uninterrupted run bit for bit (carried hidden state gathered/split across ranks).
#   4. An error on the ranks ends the job with the message, not a hang.
# Needs Open MPI (Debian: apt-get install -y libopenmpi-dev openmpi-bin).
# Environment: MPI_SCRATCH (build folder, default .build-mpi), MPI_TIMEOUT (seconds per run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if ! command -v mpirun >/dev/null || ! pkg-config --exists ompi-c; then
    echo "test-mpi: Open MPI is missing (apt-get install -y libopenmpi-dev openmpi-bin)" >&2
    exit 1
fi

SCRATCH=${MPI_SCRATCH:-$ROOT/.build-mpi}
TIMEOUT=${MPI_TIMEOUT:-600}
echo "== building with the MPI trait (release, $SCRATCH)"
swift build -c release --traits MPI --scratch-path "$SCRATCH"
BIN=$(swift build -c release --traits MPI --scratch-path "$SCRATCH" --show-bin-path)
RNN=$BIN/rnn
CHECK=$BIN/rnn-mpi-check

# Root in containers needs --allow-run-as-root; --oversubscribe lets 3 ranks share 2 cores;
# no binding (other processes share the cores); single-copy off (containers often forbid
# the cross-memory attach it uses; this only costs bandwidth).
export OMPI_MCA_btl_vader_single_copy_mechanism=${OMPI_MCA_btl_vader_single_copy_mechanism:-none}
mpi() { timeout "$TIMEOUT" mpirun --allow-run-as-root --oversubscribe --bind-to none "$@"; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rnn-mpi.XXXXXX")
MP=""
cleanup() {
    if [ -n "$MP" ] && kill -0 "$MP" 2>/dev/null; then kill "$MP" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== 1. data-parallel = one process (rnn-mpi-check equivalence)"
for model in lm tagger; do
    for opt in sgd adam; do
        mpi -np 2 "$CHECK" equivalence --model "$model" --optimizer "$opt" --steps 20 --rtol 1e-5
    done
done
mpi -np 3 "$CHECK" equivalence --model lm --batch 8 --steps 20 --rtol 1e-5   # streams 3+3+2
mpi -np 1 "$CHECK" equivalence --model tagger --steps 5 --rtol 0            # one rank: no-op path

echo "== 2. rnn train charlm: mpirun -np 2 = one process"
# The corpus: the Shakespeare embedded for `rnn demo` (80 KB).
cp Sources/rnn/Support/DemoCorpus.txt "$WORK/corpus.txt"
[ "$(wc -c < "$WORK/corpus.txt")" -gt 50000 ] || fail "could not extract the demo corpus"
ARGS=(--train "$WORK/corpus.txt" --hidden 32 --embedding 16 --batch 16 --bptt 25 --threads 1)
"$RNN" train charlm "${ARGS[@]}" --epochs 1 --out "$WORK/one.safetensors" > "$WORK/one.log" 2>&1 || { cat "$WORK/one.log"; fail "one-process training"; }
mpi -np 2 "$RNN" train charlm "${ARGS[@]}" --epochs 1 --out "$WORK/two.safetensors" --metrics "$WORK/two.json" > "$WORK/two.log" 2>&1 || { cat "$WORK/two.log"; fail "two-rank training"; }
grep -v '^\[' "$WORK/two.log"
[ "$(grep -c '^trained charlm' "$WORK/two.log")" = 1 ] || fail "expected one 'trained' line (rank 0 only)"
[ -s "$WORK/two.json" ] || fail "rank 0 wrote no metrics"
"$CHECK" compare "$WORK/one.safetensors" "$WORK/two.safetensors" --rtol 1e-5

echo "== 3. a killed rank: the job fails, the checkpoint is intact, resume is exact"
# The run to kill is long (it never ends by itself); the first checkpoint (step 97, the first
# evaluation) is resumed to the end of epoch 3 and must equal an uninterrupted 3-epoch run.
mpi -np 2 "$RNN" train charlm "${ARGS[@]}" --epochs 3 --out "$WORK/straight.safetensors" > "$WORK/straight.log" 2>&1 || { cat "$WORK/straight.log"; fail "uninterrupted run"; }
mpirun --allow-run-as-root --oversubscribe --bind-to none -np 2 "$RNN" train charlm "${ARGS[@]}" --epochs 100 --out "$WORK/ck.safetensors" > "$WORK/kill.log" 2>&1 &
MP=$!
for _ in $(seq 3000); do [ -f "$WORK/ck.safetensors" ] && break; kill -0 "$MP" 2>/dev/null || break; sleep 0.05; done
[ -f "$WORK/ck.safetensors" ] || { cat "$WORK/kill.log"; fail "no checkpoint was written"; }
victim=""
for stat in /proc/[0-9]*/stat; do   # the ranks are mpirun's children here (no procps needed)
    child=${stat#/proc/}; child=${child%/stat}
    read -r _ _ _ ppid _ < "$stat" 2>/dev/null || continue
    [ "$ppid" = "$MP" ] || continue
    if tr '\0' '\n' < "/proc/$child/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1'; then victim=$child; fi
done
[ -n "$victim" ] || { cat "$WORK/kill.log"; fail "rank 1's process not found"; }
kill -9 "$victim"
set +e; wait "$MP"; rc=$?; set -e; MP=""
grep -v '^\[' "$WORK/kill.log"
[ "$rc" -ne 0 ] || fail "mpirun exited 0 after rank 1 was killed"
grep -q 'rank 1 .*exited on signal 9' "$WORK/kill.log" || fail "no message naming the killed rank"
echo "mpirun exited $rc after rank 1 (pid $victim) was killed"
"$CHECK" inspect "$WORK/ck.safetensors" | tee "$WORK/inspect.log"
grep -q 'at step [0-9]*, epoch [012],' "$WORK/inspect.log" || fail "the checkpoint is past epoch 3 (rank 1 was killed too late to compare)"
mpi -np 2 "$RNN" train charlm "${ARGS[@]}" --epochs 3 --resume "$WORK/ck.safetensors" --out "$WORK/ck.safetensors" > "$WORK/resume.log" 2>&1 || { cat "$WORK/resume.log"; fail "resume"; }
"$CHECK" compare "$WORK/ck.safetensors" "$WORK/straight.safetensors" --exact

echo "== 4. an error on the ranks ends the job"
set +e
mpi -np 2 "$RNN" train charlm --train "$WORK/corpus.txt" --batch 1 --epochs 1 --threads 1 --out "$WORK/x.safetensors" > "$WORK/err.log" 2>&1
rc=$?
set -e
grep -v '^\[' "$WORK/err.log" | head -5
[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || fail "expected a failed job (not a timeout), got exit $rc"
grep -q 'cannot be split over 2 processes' "$WORK/err.log" || fail "the error message did not reach the log"

echo "PASS: MPI data-parallel checks"
