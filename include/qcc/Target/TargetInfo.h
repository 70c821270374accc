//===- TargetInfo.h - The targets qcc compiles for --------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one table of target facts (triples, CPUs, features, vector widths, what
// each target can emit). Drivers and backends look targets up here.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_TARGET_TARGETINFO_H
#define QCC_TARGET_TARGETINFO_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>

namespace qcc {

/// What a compilation produces.
enum class EmitKind { Mlir, Cpp, Asm, Obj, So, Exe };

llvm::StringRef stringifyEmitKind(EmitKind kind);
std::optional<EmitKind> symbolizeEmitKind(llvm::StringRef name);

struct TargetInfo {
  /// Name on the command line, e.g. "hexagon-v73".
  llvm::StringRef name;
  /// One-line description for --help.
  llvm::StringRef description;
  /// LLVM target triple; empty for the machine qcc runs on.
  llvm::StringRef triple;
  /// LLVM CPU name and feature string.
  llvm::StringRef cpu;
  llvm::StringRef features;
  /// Width of one vector register in bits.
  unsigned vectorBits;

  /// Whether the target is a Hexagon DSP (HVX kernels, no C library).
  bool isHexagon() const { return triple.starts_with("hexagon"); }
};

/// Every target, in the order --help lists them.
llvm::ArrayRef<TargetInfo> getTargets();

/// The target called `name`, or null.
const TargetInfo *lookupTarget(llvm::StringRef name);

/// "host, aarch64, hexagon-v68, ..." for messages.
std::string listTargetNames();

/// The CPU of `target` with the features of `mattr` ("+f,-g": add f,
/// remove g) in clang's -mcpu form ("cortex-a76+f+nog"), or an error naming
/// what is not a feature qcc knows for the target (aarch64: dotprod, i8mm).
llvm::Expected<std::string> cpuWithFeatures(const TargetInfo &target,
                                            llvm::StringRef mattr);

} // namespace qcc

#endif // QCC_TARGET_TARGETINFO_H
