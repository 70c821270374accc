//===- Report.h - What quantization did to each layer -----------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DRIVER_REPORT_H
#define QCC_DRIVER_REPORT_H

#include "qcc/Support/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/JSON.h"

namespace qcc {

/// Runs the float function (after calibration, before lowering) and the
/// quantized one on `inputs` (one batch per argument) and describes every
/// quantized layer: its op and source tensor name, storage bits, scale and
/// zero point, calibrated range, MACs and bit-ops (MACs x weight bits x
/// input bits) of convolutions and matrix products, and the SQNR of its
/// dequantized output against the float tensor of the same name,
/// 10 log10(sum f^2 / sum (f - q)^2) in dB over all the inputs, and for
/// layers the bound of their int32 accumulator (Cost.h). With a mixed-
/// precision search, also its Pareto front (`mixed_precision`).
mlir::FailureOr<llvm::json::Value>
quantizationReport(mlir::func::FuncOp floatFunc, mlir::func::FuncOp quantFunc,
                   llvm::ArrayRef<Tensor> inputs);

/// Writes `report` to `path`: as HTML with plots (per-layer SQNR, the
/// mixed-precision front) when the path ends in .html, else as JSON. Prints
/// an error and fails when the file cannot be written.
mlir::LogicalResult writeReport(const llvm::json::Value &report,
                                llvm::StringRef path);

} // namespace qcc

#endif // QCC_DRIVER_REPORT_H
