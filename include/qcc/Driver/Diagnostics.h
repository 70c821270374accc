//===- Diagnostics.h - How qcc's tools print diagnostics --------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DRIVER_DIAGNOSTICS_H
#define QCC_DRIVER_DIAGNOSTICS_H

#include "mlir/IR/Diagnostics.h"

namespace qcc {

/// Prints diagnostics as compilers do: `file:line:col: error: ...` with the
/// source line for text inputs (.mlir), and `file: error: ...` for binary
/// inputs (.onnx, .pb), whose locations have no line.
class ToolDiagnosticHandler : public mlir::SourceMgrDiagnosticHandler {
public:
  ToolDiagnosticHandler(llvm::SourceMgr &sourceMgr, mlir::MLIRContext *context);
};

} // namespace qcc

#endif // QCC_DRIVER_DIAGNOSTICS_H
