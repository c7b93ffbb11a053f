#!/usr/bin/env bash
# Installs the Debian 12 packages readiness needs (only those missing), then configures and
# builds into ./build. Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config python3 python3-pytest python3-networkx
  libboost-date-time1.81-dev libboost-graph1.81-dev libboost-json1.81-dev
  libsqlitecpp-dev libsqlite3-dev catch2 libbenchmark-dev libxlsxwriter-dev
  sqlite3 unzip
)
if [ "${READINESS_SETUP_EXTRA:-}" != "" ]; then
  read -r -a extra <<<"$READINESS_SETUP_EXTRA"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build_dir="${READINESS_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 \
  ${READINESS_CMAKE_ARGS:-} >/dev/null
# READINESS_BUILD_TARGET narrows the build (the demo needs only the command).
cmake --build "$build_dir" -j"$(nproc)" ${READINESS_BUILD_TARGET:+--target "$READINESS_BUILD_TARGET"}
