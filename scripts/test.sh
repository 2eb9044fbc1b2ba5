#!/bin/bash
# test.sh: build gosub (scripts/build.sh) and run every test suite with meson (unit, run,
# errorcheck, ssa, fixedbugs, gosuite, crashscan), then print one overall line
# "N passed, N failed" summed over every test of every suite (scripts/sumtests.py reads
# meson's testlog). A failed build counts as one failed test. Exits non-zero when anything
# failed.
# Usage: scripts/test.sh [meson test args...]   e.g. scripts/test.sh --suite run
set -euo pipefail
cd "$(dirname "$0")/.."
if ! scripts/build.sh build; then
	echo "test.sh: the build failed"
	echo "0 passed, 1 failed"
	exit 1
fi
rc=0
meson test -C build --print-errorlogs "$@" || rc=$?
python3 scripts/sumtests.py build/meson-logs/testlog.json || rc=1
exit $rc
