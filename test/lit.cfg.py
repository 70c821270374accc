# -*- Python -*-
# lit configuration of the qcc test suite.

import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "QCC"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.qcc_obj_root, "test")
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]

llvm_config.with_system_environment(["HOME", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

config.substitutions.append(("%qcc_src_root", config.qcc_src_root))
config.substitutions.append(("%qcc_obj_root", config.qcc_obj_root))

# FileCheck, not and count come from LLVM's tool directory; qcc's own tools
# from the build.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
tool_dirs = [os.path.join(config.qcc_obj_root, "bin"), config.llvm_tools_dir]
llvm_config.add_tool_substitutions(["qcc", "qcc-opt"], tool_dirs)

# The formatter of the LLVM release qcc builds against (clang-format-22).
config.substitutions.append(
    ("%clang_format", os.path.join(config.llvm_tools_dir, "clang-format")))

# Models and conformance cases beside the checkout (../shared); the tests that
# need them say `REQUIRES: shared-data` and are reported UNSUPPORTED without.
config.qcc_shared_dir = os.path.normpath(
    os.path.join(config.qcc_src_root, "..", "shared"))
if os.path.isdir(os.path.join(config.qcc_shared_dir, "models")):
    config.available_features.add("shared-data")
config.substitutions.append(("%shared", config.qcc_shared_dir))

# The AArch64 test executables run under qemu-user (scripts/build.sh
# installs it with the cross libc); tests that need it say
# `REQUIRES: qemu-aarch64`.
if shutil.which("qemu-aarch64") and os.path.isdir("/usr/aarch64-linux-gnu"):
    config.available_features.add("qemu-aarch64")

# The Hexagon test executables are static and freestanding: qemu-hexagon
# alone runs them; tests that need it say `REQUIRES: qemu-hexagon`.
if shutil.which("qemu-hexagon"):
    config.available_features.add("qemu-hexagon")

# Debian's Python, which has numpy (the first python3 on PATH may not).
config.substitutions.append(("%python", "/usr/bin/python3"))

# The digits example trains its CNN with Debian's python3-torch and
# python3-sklearn; its test says `REQUIRES: torch`.
if subprocess.run(["/usr/bin/python3", "-c", "import torch, sklearn"],
                  stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("torch")

# ONNX models for tests are written as protobuf text and encoded with protoc.
config.substitutions.append(
    ("%onnx_encode",
     "protoc --encode=onnx.ModelProto -I/usr/include/onnx onnx.proto"))
llvm_config.add_tool_substitutions(
    ["qcc-run", "qcc-conformance", "QccUnitTests"], tool_dirs)
