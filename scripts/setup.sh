#!/usr/bin/env bash
# Command (1) of README.md: install, build, and run the digits example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
# The digits example: trains a small CNN, quantizes it (int8 and mixed
# precision), compiles it for the host, AArch64 and Hexagon v73, checks all
# three bit-exact with the reference interpreter under qemu, and prints the
# accuracy table and where the libraries are.
export QCC_BIN_DIR=${QCC_BUILD_DIR:-$root/build}/bin
/usr/bin/python3 "$root/examples/digits/run.py"
