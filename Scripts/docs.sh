#!/usr/bin/env bash
# Builds the DocC documentation of `import Recurrent` — every public symbol of the library's
# targets, re-exported by the umbrella module, with the articles of
# Sources/Recurrent/Recurrent.docc — with warnings as errors, and prints the coverage of
# abstracts (types, members, globals).
#
#   Scripts/docs.sh                      # archive in .build/docs/Recurrent.doccarchive
#   Scripts/docs.sh --detailed           # coverage per symbol kind
#   DOCS_OUTPUT=site Scripts/docs.sh     # another output folder
#   Scripts/docs.sh --static-hosting     # an archive for a static web host (no server needed)
#
# Why not `swift package generate-documentation --target Recurrent`: SwiftPM extracts the
# symbol graph of `Recurrent` alone, and the umbrella declares nothing of its own; its symbols
# are the `@_exported import`ed targets'. swift-symbolgraph-extract takes them in with
# `-experimental-allowed-reexported-modules`, which SwiftPM and the DocC plugin cannot pass,
# so this script builds the targets, extracts the graph and runs `docc convert` itself.
# No network, no package dependency: only the toolchain's swift-symbolgraph-extract and docc.
#
# `--enable-inherited-docs`: every re-exported symbol's comment comes from its own module
# (RecurrentCore, …), not from `Recurrent`, and without the flag docc takes the comments of
# members that implement a protocol requirement (`description`, `startIndex`, a model's
# `trainStep`) for inherited ones and drops them. `-skip-synthesized-members` leaves out the
# protocol extensions' members copied into every conforming type (`!=`, …).
set -euo pipefail
cd "$(dirname "$0")/.."

level=brief
hosting=()
for arg in "$@"; do
    case "$arg" in
        --detailed) level=detailed ;;
        --static-hosting) hosting=(--transform-for-static-hosting) ;;
        *) echo "docs.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

modules=(RecurrentCore RecurrentLayers RecurrentTraining RecurrentData RecurrentModels
         RecurrentDiagnostics RecurrentDistributed RecurrentTasks)
out="${DOCS_OUTPUT:-.build/docs}"
graphs="$out/symbol-graphs"

bin_dir() { swift build --show-bin-path; }
toolchain_bin="$(dirname "$(command -v swift)")"
docc="${DOCC:-$(command -v docc || echo "$toolchain_bin/docc")}"
extract="$toolchain_bin/swift-symbolgraph-extract"

swift build --target Recurrent
bin="$(bin_dir)"

# The C modules the Swift modules import (the kernels' generated module map, swift-numerics'
# shims), so that the extractor can load them as the compiler did.
module_maps=()
while IFS= read -r map; do
    module_maps+=(-Xcc "-fmodule-map-file=$map")
done < <({ find "$bin" -mindepth 2 -maxdepth 2 -name module.modulemap
            find .build/checkouts -path '*/Sources/*' -name module.modulemap; } 2>/dev/null | sort)

rm -rf "$graphs"
mkdir -p "$graphs"
triple="$(swift -print-target-info | sed -n 's/.*"triple": "\(.*\)".*/\1/p' | head -1)"
"$extract" -module-name Recurrent -target "$triple" -I "$bin/Modules" "${module_maps[@]}" \
    -minimum-access-level public -skip-synthesized-members \
    -experimental-allowed-reexported-modules="$(IFS=,; echo "${modules[*]}")" \
    -output-dir "$graphs"

rm -rf "$out/Recurrent.doccarchive"
"$docc" convert Sources/Recurrent/Recurrent.docc \
    --additional-symbol-graph-dir "$graphs" \
    --fallback-display-name Recurrent --fallback-bundle-identifier recurrent.Recurrent \
    --output-path "$out/Recurrent.doccarchive" \
    --warnings-as-errors --enable-inherited-docs \
    --experimental-documentation-coverage --coverage-summary-level "$level" \
    "${hosting[@]}"
echo "docs: $out/Recurrent.doccarchive"
