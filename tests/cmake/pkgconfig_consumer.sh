#!/bin/sh
# Builds consumer.c with plain `cc` and pkg-config against an installed readiness, then runs it.
# Usage: pkgconfig_consumer.sh PREFIX LIBDIR SOURCE_DIR WORK_DIR PLAN
# CFLAGS, when set, is added (a sanitized library's consumer needs its -fsanitize flags).
set -eu
prefix=$1 libdir=$2 src=$3 work=$4 plan=$5
mkdir -p "$work"
PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
export PKG_CONFIG_PATH
# shellcheck disable=SC2046
cc -std=c99 -pedantic -Wall -Werror ${CFLAGS:-} -o "$work/consumer" "$src/consumer.c" \
  $(pkg-config --cflags --libs readiness)
LD_LIBRARY_PATH="$(pkg-config --variable=libdir readiness)" "$work/consumer" "$plan"
