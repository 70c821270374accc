#!/usr/bin/env bash
# Command (2) of README.md: install and build if needed, then run the whole
# test suite (lit: dialect, passes, drivers, docs, formatting).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${QCC_BUILD_DIR:-$root/build}
cmake --build "$build" --target check-qcc
