//===- LoadModel.h - Read a model in any input format -----------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DRIVER_LOADMODEL_H
#define QCC_DRIVER_LOADMODEL_H

#include "qcc/Import/OnnxImporter.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace qcc {

struct LoadedModel {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// The function to run: @main, or the module's only function.
  mlir::func::FuncOp main;
  /// For each argument of `main`, its position among the model's inputs.
  llvm::SmallVector<unsigned> argumentInputs;
  /// Number of model inputs: the ONNX graph inputs, or `main`'s arguments.
  unsigned numInputs = 0;
};

/// Reads `path`: an ONNX model (.onnx) through the importer, or MLIR text
/// (.mlir) in the qcc (or TOSA) dialect, verified. Diagnostics go to the
/// context's handlers; a .mlir file is registered with `sourceMgr` so that
/// they show the offending line.
std::optional<LoadedModel> loadModel(llvm::StringRef path,
                                     mlir::MLIRContext *context,
                                     llvm::SourceMgr &sourceMgr,
                                     const OnnxImportOptions &options = {});

} // namespace qcc

#endif // QCC_DRIVER_LOADMODEL_H
