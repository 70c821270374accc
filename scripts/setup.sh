#!/usr/bin/env bash
# Command (1) of README.md: install, build, and run qcc on the bundled example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
build=${QCC_BUILD_DIR:-$root/build}
echo "qcc: compiling examples/mobile_block.mlir (verified, canonicalized qcc IR):"
"$build/bin/qcc" "$root/examples/mobile_block.mlir" -emit=mlir
