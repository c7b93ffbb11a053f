#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh) and runs the main job on the bundled example plan:
# validate → score → schedule → readiness on the day → risk → the HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
READINESS_BUILD_TARGET=readiness_cli scripts/setup.sh
build_dir="${READINESS_BUILD_DIR:-build}"
readiness="$build_dir/readiness"
plan="${1:-data/examples/district-2026.json}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "readiness validate $plan"
"$readiness" validate "$plan"
step "readiness score $plan"
"$readiness" score "$plan"
step "readiness schedule $plan"
"$readiness" schedule "$plan"
step "readiness forecast $plan"
"$readiness" forecast "$plan"
step "readiness risk $plan --iterations 2000 --seed 1"
"$readiness" risk "$plan" --iterations 2000 --seed 1
step "readiness report $plan -o $build_dir/report.html"
"$readiness" report "$plan" -o "$build_dir/report.html"
echo "Open $build_dir/report.html in a browser to see the readiness curve and the Gantt chart."
