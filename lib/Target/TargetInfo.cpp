//===- TargetInfo.cpp - The targets qcc compiles for ----------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Target/TargetInfo.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace qcc;

llvm::StringRef qcc::stringifyEmitKind(EmitKind kind) {
  switch (kind) {
  case EmitKind::Mlir:
    return "mlir";
  case EmitKind::Cpp:
    return "cpp";
  case EmitKind::Asm:
    return "asm";
  case EmitKind::Obj:
    return "obj";
  case EmitKind::So:
    return "so";
  case EmitKind::Exe:
    return "exe";
  }
  llvm_unreachable("unknown emit kind");
}

std::optional<EmitKind> qcc::symbolizeEmitKind(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<EmitKind>>(name)
      .Case("mlir", EmitKind::Mlir)
      .Case("cpp", EmitKind::Cpp)
      .Case("asm", EmitKind::Asm)
      .Case("obj", EmitKind::Obj)
      .Case("so", EmitKind::So)
      .Case("exe", EmitKind::Exe)
      .Default(std::nullopt);
}

static constexpr llvm::StringLiteral kHexagonTriple =
    "hexagon-unknown-linux-musl";

static const TargetInfo kTargets[] = {
    {"host",
     "the machine qcc runs on: the NEON C++ through SIMDe when installed, else "
     "portable C++",
     "", "", "", 128},
    {"aarch64", "ARM 64-bit CPU, NEON with dot product", "aarch64-linux-gnu",
     "cortex-a76", "+neon,+dotprod", 128},
    {"hexagon-v68", "Qualcomm Hexagon v68 DSP, HVX 128-byte", kHexagonTriple,
     "hexagonv68", "+hvxv68,+hvx-length128b", 1024},
    {"hexagon-v69", "Qualcomm Hexagon v69 DSP, HVX 128-byte", kHexagonTriple,
     "hexagonv69", "+hvxv69,+hvx-length128b", 1024},
    {"hexagon-v73", "Qualcomm Hexagon v73 DSP, HVX 128-byte", kHexagonTriple,
     "hexagonv73", "+hvxv73,+hvx-length128b", 1024},
    {"hexagon-v75", "Qualcomm Hexagon v75 DSP, HVX 128-byte", kHexagonTriple,
     "hexagonv75", "+hvxv75,+hvx-length128b", 1024},
};

llvm::ArrayRef<TargetInfo> qcc::getTargets() { return kTargets; }

const TargetInfo *qcc::lookupTarget(llvm::StringRef name) {
  for (const TargetInfo &target : kTargets)
    if (target.name == name)
      return &target;
  return nullptr;
}

llvm::Expected<std::string> qcc::cpuWithFeatures(const TargetInfo &target,
                                                 llvm::StringRef mattr) {
  std::string cpu = target.cpu.str();
  if (mattr.empty())
    return cpu;
  // The features the generated code reacts to: sdot (the plain Armv8.0
  // kernels without it) and i8mm.
  if (target.name != "aarch64")
    return llvm::createStringError("-mattr is not supported for target '" +
                                   target.name.str() + "'");
  llvm::SmallVector<llvm::StringRef> items;
  mattr.split(items, ',', -1, false);
  for (llvm::StringRef item : items) {
    llvm::StringRef name = item.drop_front();
    if ((!item.starts_with("+") && !item.starts_with("-")) ||
        !llvm::is_contained({"dotprod", "i8mm"}, name))
      return llvm::createStringError(
          "-mattr: '" + item.str() +
          "' is not +feature or -feature with a feature of aarch64 "
          "(dotprod, i8mm)");
    cpu += (item[0] == '+' ? "+" : "+no") + name.str();
  }
  return cpu;
}

std::string qcc::listTargetNames() {
  return llvm::join(
      llvm::map_range(kTargets,
                      [](const TargetInfo &target) { return target.name; }),
      ", ");
}
