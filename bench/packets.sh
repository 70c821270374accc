#!/usr/bin/env bash
# Packets per inference of qcc's Hexagon code (hexagon-v73, HVX 128-byte) on
# the models of ../shared/models/bench, counted under qemu-hexagon -cpu v67
# with ../shared/tools/qemu-insncount (region markers: inference only; on
# Hexagon one counted instruction is one packet), as MACs per packet against
#  (a) the vrmpy bound: 128 int8 multiply-adds per instruction, two per
#      packet (256 per packet), and
#  (b) the same library with only its portable C++ kernels (-DQCC_PORTABLE)
#      compiled by clang-22 -O3 -mhvx for the same CPU, plain and with
#      LLVM's HVX auto-vectorizer (-mllvm -hexagon-autohvx): what a user
#      gets without qcc's kernels.
# Each model is calibrated on the calibration file beside it (int8); every
# output is checked byte for byte against the reference interpreter.
#
#   bench/packets.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=$root/../shared
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
hexagon=(--target=hexagon-unknown-linux-musl -mcpu=hexagonv73 -mhvx
         -mhvx-length=128b -G0 -std=c++17 -O3 -fno-exceptions -fno-rtti
         -static -ffreestanding -nostdlib -fuse-ld=lld -w -DQCC_PORTABLE)

gcc -O2 -shared -fPIC "$shared/tools/qemu-insncount/insncount.c" \
  -o "$work/libinsncount.so"

# Runs an executable on the model's input: its packets, then "same" or
# "DIFFERENT" (its output against the interpreter's), or "0 QEMU-FAILED"
# (QEMU 7.2 decodes no instruction newer than v67).
packets() { # model elf tag
  local bench=$shared/models/bench
  if ! qemu-hexagon -cpu v67 -plugin "$work/libinsncount.so,roi=on" \
      -d plugin "$2" --input="$bench/$1.input.npy" \
      --output-dir="$work/$1-$3" > /dev/null 2> "$work/$1-$3.log"; then
    echo 0 QEMU-FAILED
    return
  fi
  sed -n 's/.*roi insns \([0-9]*\).*/\1/p' "$work/$1-$3.log"
  if cmp -s "$work/$1-$3/output_0.npy" "$work/$1-interpreter/output_0.npy"
  then echo same; else echo DIFFERENT; fi
}

printf '%-10s %10s %10s %9s %9s %13s %7s %13s %7s %s\n' model MACs packets \
  MACs/pkt of-bound portable ratio autohvx ratio autohvx-output
while read -r model macs; do
  bench=$shared/models/bench
  "$build/bin/qcc" "$bench/$model.onnx" --calib="$bench/$model.calib.npy" \
    -emit=mlir -o "$work/$model.mlir" 2>/dev/null
  "$build/bin/qcc-run" "$work/$model.mlir" --input="$bench/$model.input.npy" \
    --output-dir="$work/$model-interpreter" > /dev/null
  "$build/bin/qcc" "$work/$model.mlir" -target=hexagon-v73 --name=model \
    -o "$work/$model.elf" 2> "$work/$model.qcc" ||
    { cat "$work/$model.qcc"; exit 1; }
  read -r n same < <(packets "$model" "$work/$model.elf" qcc | paste -sd' ')
  [ "$same" = same ] ||
    { echo "$model: qcc's output differs from the interpreter's" >&2; exit 1; }
  # The same library's portable kernels, and qcc-run's runner around it.
  "$build/bin/qcc" "$work/$model.mlir" -target=hexagon-v73 --name=model \
    -emit=cpp -o "$work/$model.cpp" 2> /dev/null
  { cat "$work/$model.cpp"
    printf '#define QCC_MODEL_INFO model_info\n#define QCC_MODEL_RUN model_run\n'
    cat "$root/lib/Target/Cpp/Runner/runner.cpp"; } > "$work/$model-program.cpp"
  clang++-22 "${hexagon[@]}" "$work/$model-program.cpp" \
    -o "$work/$model-portable.elf"
  clang++-22 "${hexagon[@]}" -mllvm -hexagon-autohvx \
    "$work/$model-program.cpp" -o "$work/$model-autohvx.elf"
  read -r p same < <(packets "$model" "$work/$model-portable.elf" portable |
                     paste -sd' ')
  [ "$same" = same ] ||
    { echo "$model: the portable output differs" >&2; exit 1; }
  # (QEMU crashes on what it cannot decode: its report is not ours.)
  read -r a asame < <(packets "$model" "$work/$model-autohvx.elf" autohvx \
                        2> /dev/null | paste -sd' ')
  awk -v m="$model" -v macs="$macs" -v n="$n" -v p="$p" -v a="$a" \
    -v s="$asame" \
    'BEGIN { printf "%-10s %10d %10d %9.1f %8.1f%% %13d %6.0fx %13d %6.0fx %s\n",
             m, macs, n, macs / n, 100 * macs / n / 256, p, p / n, a,
             a ? a / n : 0, s }'
done <<'MODELS'
small_cnn 3788288
mbv2ish 28232832
mlp 67108864
MODELS
