#!/usr/bin/env bash
# Builds the Examples/ executables (release) and runs each on the committed data in
# Examples/Data, from the repository root; fails when one fails. Each takes seconds.
#   Scripts/run-examples.sh [example-name …]     # default: all of them
set -euo pipefail
cd "$(dirname "$0")/.."
examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=(example-manual-bptt example-pytorch-import example-sentiment example-charlm
                                       example-forecast example-tagger example-seq2seq)
config="${EXAMPLES_CONFIGURATION:-release}"
for e in "${examples[@]}"; do swift build -c "$config" --product "$e"; done
bin="$(swift build -c "$config" --show-bin-path)"
total_start=$(date +%s)
for e in "${examples[@]}"; do
    echo "== $e"
    start=$(date +%s)
    timeout "${EXAMPLE_TIMEOUT:-120}" "$bin/$e"
    echo "== $e: $(( $(date +%s) - start )) s"
done
echo "examples: ${#examples[@]} ran in $(( $(date +%s) - total_start )) s"
