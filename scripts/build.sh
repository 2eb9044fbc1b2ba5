#!/bin/bash
# build.sh: install dependencies (scripts/install-deps.sh), configure build/ with the
# LLVM 19 native file when it is not configured yet, and build with ninja.
# Usage: scripts/build.sh [builddir]   (default build)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}

scripts/install-deps.sh
if [ ! -f "$dir/build.ninja" ]; then
	meson setup "$dir" --native-file native/llvm19.ini
fi
ninja -C "$dir"
