# -*- Python -*-
# lit configuration of the qcc test suite.

import os

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
