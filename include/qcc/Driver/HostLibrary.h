//===- HostLibrary.h - Build and run a generated library here ---*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DRIVER_HOSTLIBRARY_H
#define QCC_DRIVER_HOSTLIBRARY_H

#include "qcc/Support/Tensor.h"
#include "qcc/Target/Cpp/CppEmitter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace qcc {

/// Writes the C++ library of `func` (integer-only; planned here on a copy)
/// to `cppPath`, symbols prefixed with `prefix`; with `hvx`, for Hexagon.
llvm::Error writeCppLibrary(mlir::func::FuncOp func, llvm::StringRef prefix,
                            llvm::StringRef source, llvm::StringRef cppPath,
                            CppLibraryLayout *layout = nullptr,
                            bool hvx = false);

/// Writes the source of a test executable for `func`: its C++ library and
/// the runner (qcc-run's CLI, qemu-insncount region markers).
llvm::Error writeCppProgram(mlir::func::FuncOp func, llvm::StringRef prefix,
                            llvm::StringRef source, llvm::StringRef cppPath,
                            CppLibraryLayout *layout = nullptr,
                            bool hvx = false);

/// Compiles a test executable's source: for this machine with an empty
/// `triple`, else statically linked for `triple` and `cpu` to run under
/// qemu-user (AArch64: the cross libc of Debian's g++-<triple> package;
/// Hexagon: freestanding, the runner makes its own system calls).
llvm::Error compileProgram(llvm::StringRef cppPath, llvm::StringRef exePath,
                           llvm::StringRef triple = "",
                           llvm::StringRef cpu = "");

/// Compiles generated C++ into a shared object with clang++ from LLVM 22
/// (-O2, no exceptions or RTTI): for the machine qcc runs on with an empty
/// `triple`, else cross-compiled for `triple` and `cpu` (Hexagon: 128-byte
/// HVX), freestanding and linked with lld against nothing (the library
/// needs no libc).
llvm::Error compileLibrary(llvm::StringRef cppPath, llvm::StringRef soPath,
                           llvm::StringRef triple = "",
                           llvm::StringRef cpu = "");

/// Compiles generated C++ into position-independent assembly (`assembly`)
/// or an object file, as compileLibrary would before linking.
llvm::Error compileObject(llvm::StringRef cppPath, llvm::StringRef outPath,
                          llvm::StringRef triple, llvm::StringRef cpu,
                          bool assembly);

/// A generated library loaded into this process: runs the model on tensors
/// through its C entry point, with a 128-byte aligned arena.
class HostLibrary {
public:
  /// Loads `soPath` and finds `<prefix>_run` and `<prefix>_info`; `func`
  /// gives the result types.
  static llvm::Expected<std::unique_ptr<HostLibrary>>
  load(llvm::StringRef soPath, llvm::StringRef prefix, mlir::func::FuncOp func);
  ~HostLibrary();

  /// One run on one tensor per argument.
  llvm::Expected<std::vector<Tensor>> run(llvm::ArrayRef<Tensor> inputs);

private:
  HostLibrary() = default;
  void *handle = nullptr;
  int (*entry)(const void *const *, void *const *, void *) = nullptr;
  std::vector<DType> resultTypes;
  std::vector<std::vector<int64_t>> resultShapes;
  void *arena = nullptr;
};

} // namespace qcc

#endif // QCC_DRIVER_HOSTLIBRARY_H
