#!/usr/bin/env bash
# Instructions per inference of qcc's AArch64 code on the models of
# ../shared/models/bench, counted under qemu-aarch64 -cpu cortex-a76 with
# ../shared/tools/qemu-insncount (region markers: inference only), against
# ONNX Runtime 1.30's counts on the same models (their README). Each model
# is calibrated on the calibration file beside it (int8), and its output is
# checked byte for byte against the reference interpreter.
#
#   bench/insncount.sh [build-dir] [mattr]
#
# With mattr (qcc's -mattr, e.g. -dotprod for the plain Armv8.0 kernels)
# the library is built with those features.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
mattr=${2:+-mattr=$2}
shared=$root/../shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gcc -O2 -shared -fPIC "$shared/tools/qemu-insncount/insncount.c" \
  -o "$work/libinsncount.so"

printf '%-10s %12s %14s %10s %10s %s\n' model MACs instructions per-MAC ORT sdot
# model, MACs, ONNX Runtime's instructions per MAC (bench/README.md there)
while read -r model macs ort; do
  bench=$shared/models/bench
  "$build/bin/qcc" "$bench/$model.onnx" --calib="$bench/$model.calib.npy" \
    -emit=mlir -o "$work/$model.mlir" 2>/dev/null
  "$build/bin/qcc" "$work/$model.mlir" -target=aarch64 --name=model $mattr \
    -o "$work/$model.elf" 2> "$work/$model.qcc" || { cat "$work/$model.qcc"; exit 1; }
  qemu-aarch64 -cpu cortex-a76 -L /usr/aarch64-linux-gnu \
    -plugin "$work/libinsncount.so,roi=on,mnem=on,top=200" -d plugin \
    "$work/$model.elf" --input="$bench/$model.input.npy" \
    --output-dir="$work/$model-qemu" 2> "$work/$model.log"
  "$build/bin/qcc-run" "$work/$model.mlir" --input="$bench/$model.input.npy" \
    --output-dir="$work/$model-interpreter" > /dev/null
  cmp -s "$work/$model-qemu/output_0.npy" \
    "$work/$model-interpreter/output_0.npy" ||
    { echo "$model: AArch64 output differs from the interpreter's" >&2; exit 1; }
  insns=$(sed -n 's/.*roi insns \([0-9]*\).*/\1/p' "$work/$model.log")
  sdot=$({ grep -o 'sdot[^ ]* *[0-9]*' "$work/$model.log" || true; } |
         awk '{s += $2} END {print s + 0}')
  awk -v m="$model" -v macs="$macs" -v n="$insns" -v o="$ort" -v d="$sdot" \
    'BEGIN { printf "%-10s %12d %14d %10.3f %10.3f %d\n", m, macs, n, n / macs, o, d }'
done <<'MODELS'
small_cnn 3788288 0.297
mbv2ish 28232832 0.342
mlp 67108864 0.101
MODELS
