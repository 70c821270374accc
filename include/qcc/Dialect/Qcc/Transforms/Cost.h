//===- Cost.h - What a layer costs in multiply-accumulates ------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_TRANSFORMS_COST_H
#define QCC_DIALECT_QCC_TRANSFORMS_COST_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace qcc {

/// Multiply-accumulates of a convolution, matrix product or fully connected
/// layer (0 for other ops), from its operand and result shapes.
int64_t layerMacs(mlir::Operation *op);

/// MACs x input bits x weight bits of a quantized layer (0 for float ones).
int64_t layerBitOps(mlir::Operation *op);

/// The cost of a `requantize` that changes a value's storage bit-width (one
/// that is not the output stage of a layer's int32 accumulator): one
/// multiply per element, as bit-ops at its input x output bits. 0 for other
/// ops.
int64_t conversionBitOps(mlir::Operation *op);

/// For a quantized convolution, matrix product or fully connected layer
/// with constant weights: the largest magnitude its int32 accumulator can
/// reach for any input its storage type can hold, max over output channels
/// of |bias| + sum |w| * max |x - zp_x|. std::nullopt for other ops.
std::optional<int64_t> accumulatorBound(mlir::Operation *op);

/// The bit-ops of a quantized function: its layers' plus its conversions'.
int64_t modelBitOps(mlir::func::FuncOp func);

} // namespace qcc

#endif // QCC_DIALECT_QCC_TRANSFORMS_COST_H
