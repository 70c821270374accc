#!/usr/bin/env bash
# Speed of ONNX import and of the reference interpreter, in one run on this
# machine (wall-clock seconds; compare numbers from the same run only).
# Needs ../shared beside the checkout and a build in ./build.
#
#   bench/interpreter.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${QCC_BUILD_DIR:-$root/build}/bin
shared=$root/../shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

seconds() { # seconds COMMAND...: best of three wall-clock times
  local best=
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    best=$(echo "$start $end ${best:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
  done
  echo "$best"
}

det=$shared/models/paddleocr/ch_PP-OCRv4_det_infer.onnx
digits=$shared/models/digits
bench=$shared/models/bench

/usr/bin/python3 - "$bench/mbv2ish.calib.npy" "$tmp/calib300.npy" <<'PY'
import sys, numpy as np
calib = np.load(sys.argv[1])
np.save(sys.argv[2], np.concatenate([calib] * 38)[:300])
PY

import=$(seconds "$bin/qcc" "$det" --input-shape=x:1x3x320x320 -emit=mlir -o "$tmp/det.mlir")
digits450=$(seconds "$bin/qcc-run" "$digits/digits_cnn.onnx" --input="$digits/test_inputs.npy" --output-dir="$tmp/digits")
calib=$(seconds "$bin/qcc-run" "$bench/mbv2ish.onnx" --input="$tmp/calib300.npy" --output-dir="$tmp/mbv2ish")

echo "| what | seconds |"
echo "|---|---|"
echo "| import the 4.7 MB PP-OCRv4 detector (qcc -emit=mlir, printing included) | $import |"
echo "| digits CNN on all 450 test images (qcc-run, import included) | $digits450 |"
echo "| mbv2ish (28.2 M MACs) on 300 calibration-sized inputs (qcc-run, import included) | $calib |"
awk -v t="$calib" 'BEGIN { printf "| ... per inference (ms) | %.1f |\n", t * 1000 / 300 }'
