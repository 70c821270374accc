//===- CppEmitter.h - The C++ backend's printer -----------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_TARGET_CPP_CPPEMITTER_H
#define QCC_TARGET_CPP_CPPEMITTER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace qcc {

struct CppEmitterOptions {
  /// Prefix of the library's symbols (`<prefix>_run`, `<prefix>_info`): a C
  /// identifier.
  std::string prefix = "model";
  /// What the banner names as the source (the model file).
  std::string source;
  /// Whether the vector kernels are HVX's (hvx.h, for Hexagon) rather than
  /// NEON's (neon.h, for AArch64 and, through SIMDe, the host).
  bool hvx = false;
};

/// The arena of a generated library: the planned buffers (`qcc.arena_size`,
/// of which the largest live set takes `qcc.arena_live_peak`), then the
/// kernels' scratch memory.
struct CppLibraryLayout {
  int64_t arenaBytes = 0, plannedBytes = 0, livePeakBytes = 0, scratchBytes = 0;
};

/// Whether `name` can prefix C symbols: [A-Za-z_][A-Za-z0-9_]*.
bool isValidSymbolPrefix(llvm::StringRef name);

/// Whether `func` is quantized: some value (an argument, with
/// --io=quantized, or a result) has a quantized element type. The C++
/// backend compiles only quantized models.
bool isQuantizedModel(mlir::func::FuncOp func);

/// Prints `func`, integer-only and planned by qcc-plan-memory, as one
/// self-contained C++ file: the library interface of docs/LibraryABI.md,
/// the runtime kernels, the weights and requantization parameters as
/// static constants and the graph as straight-line kernel calls on the
/// caller's arena (its layout goes to `layout`, if given). An op the
/// backend cannot print yet is an error on it.
mlir::LogicalResult emitCpp(mlir::func::FuncOp func,
                            const CppEmitterOptions &options,
                            llvm::raw_ostream &os,
                            CppLibraryLayout *layout = nullptr);

/// Prints the header users include for the library with symbols prefixed
/// `prefix`: the interface types and the entry points (with `hvx`, also the
/// setter of the HVX hooks), valid C and C++.
void emitHeader(llvm::StringRef prefix, llvm::StringRef source, bool hvx,
                llvm::raw_ostream &os);

/// The source of the test executable's main (lib/Target/Cpp/Runner): the CLI
/// of qcc-run around a generated library whose entry points are defined as
/// the macros QCC_MODEL_INFO and QCC_MODEL_RUN.
llvm::StringRef runnerSource();

} // namespace qcc

#endif // QCC_TARGET_CPP_CPPEMITTER_H
