#!/usr/bin/env bash
# Installs what qcc needs (Debian 12 packages), configures and builds it.
# Idempotent: installs only missing packages, configures only once, and
# rebuilds only what changed.
#
#   scripts/build.sh            # build into ./build
#   QCC_BUILD_DIR=out scripts/build.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${QCC_BUILD_DIR:-$root/build}

packages=(
  cmake ninja-build
  clang-22 lld-22 llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  clang-format-22
  libprotobuf-dev protobuf-compiler libonnx-dev
  python3-numpy python3-onnx python3-pil fonts-dejavu-core python3-pytest
  python3-torch python3-sklearn
  libgtest-dev
  qemu-user g++-aarch64-linux-gnu libsimde-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "qcc: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DLLVM_USE_LINKER=lld \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit
fi
cmake --build "$build"
