#!/usr/bin/env bash
# Regenerates the committed ABI description after a deliberate change to readiness.h:
#   tests/capi/exported_symbols.txt  the rdy_* symbols libreadiness exports
#   tests/capi/abi/readiness.abi     libabigail's description (abidw), the abidiff baseline
# Usage: scripts/update-abi.sh [BUILD_DIR]   (default: build; the library must be built there)
# Adding functions is compatible; removing or changing one needs a new ABI major
# (READINESS_ABI_VERSION in CMakeLists.txt) — review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
lib="$build_dir/libreadiness.so"
[ -e "$lib" ] || { echo "update-abi: $lib not found; build first" >&2; exit 1; }

{
  echo "# The C ABI's exported symbols, one per line (scripts/update-abi.sh regenerates it)."
  nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//' | LC_ALL=C sort
} >tests/capi/exported_symbols.txt

if command -v abidw >/dev/null; then
  mkdir -p tests/capi/abi
  # Only readiness.h (and export.h) are public: everything else is private to libabigail.
  abidw --header-file include/readiness/readiness.h --header-file include/readiness/export.h \
    --drop-private-types --exported-interfaces-only --no-corpus-path \
    --no-comp-dir-path --no-show-locs \
    --out-file tests/capi/abi/readiness.abi "$lib"
  # No machine paths in the committed file: compilation units relative to the source tree.
  sed -i "s|path='$(pwd)/|path='|g" tests/capi/abi/readiness.abi
  echo "update-abi: wrote tests/capi/exported_symbols.txt and tests/capi/abi/readiness.abi"
else
  echo "update-abi: abidw not installed (abigail-tools); only exported_symbols.txt updated" >&2
fi
