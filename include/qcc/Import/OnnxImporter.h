//===- OnnxImporter.h - ONNX models to the qcc dialect ----------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_IMPORT_ONNXIMPORTER_H
#define QCC_IMPORT_ONNXIMPORTER_H

#include "qcc/Support/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"

namespace qcc {

struct OnnxImportOptions {
  /// Fixed shapes of graph inputs by name (--input-shape name:1x3x48x192).
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
  /// Values of the graph inputs, in graph-input order (initializers that are
  /// also listed as inputs do not count). An input that the model uses as a
  /// parameter (a shape, scale, zero point, clip bound, pad amount, ...) is
  /// replaced by its value; the others stay function arguments, and their
  /// dynamic dimensions take the value's shape.
  std::vector<Tensor> inputValues;
  /// The size a dynamic leading (batch) dimension of an argument takes when
  /// neither inputShapes nor inputValues fixes it; 0 keeps it dynamic.
  int64_t defaultBatch = 0;
};

struct OnnxImport {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  /// For each argument of @main, its position among the graph inputs.
  llvm::SmallVector<unsigned> argumentInputs;
  /// Number of graph inputs (not counting initializers).
  unsigned numInputs = 0;
};

/// Imports the ONNX model at `path` into a module with one function, @main,
/// in the qcc dialect. Its arguments and results carry their ONNX names as
/// `qcc.name`; every op's location names the ONNX tensor it computes.
/// Diagnostics go to `context`'s handlers and name the node and op;
/// std::nullopt on failure.
std::optional<OnnxImport> importOnnxModel(llvm::StringRef path,
                                          mlir::MLIRContext *context,
                                          const OnnxImportOptions &options);

} // namespace qcc

#endif // QCC_IMPORT_ONNXIMPORTER_H
