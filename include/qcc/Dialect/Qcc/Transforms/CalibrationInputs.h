//===- CalibrationInputs.h - Reading calibration batches --------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_TRANSFORMS_CALIBRATIONINPUTS_H
#define QCC_DIALECT_QCC_TRANSFORMS_CALIBRATIONINPUTS_H

#include "qcc/Support/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace qcc {

/// The calibration inputs of a function: one batch per argument, each
/// `runs` times the argument's shape along the leading axis.
struct CalibrationInputs {
  llvm::SmallVector<Tensor> batches;
  int64_t runs = 0;
};

/// Reads one .npy or .pb file per argument of `func` and checks that each
/// holds whole batches of its argument, the same number for all. Errors are
/// reported on `func`.
mlir::FailureOr<CalibrationInputs>
readCalibrationInputs(mlir::func::FuncOp func,
                      llvm::ArrayRef<std::string> files);

} // namespace qcc

#endif // QCC_DIALECT_QCC_TRANSFORMS_CALIBRATIONINPUTS_H
