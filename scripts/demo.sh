#!/bin/bash
# demo.sh: build gosub (scripts/build.sh) and run the demo with gc-style escape
# diagnostics: gosub run -m -l examples/demo.go
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh build
exec build/driver/gosub run -m -l examples/demo.go
