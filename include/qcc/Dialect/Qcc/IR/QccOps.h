//===- QccOps.h - Operations of the qcc dialect -----------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCOPS_H
#define QCC_DIALECT_QCC_IR_QCCOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "qcc/Dialect/Qcc/IR/QccAttrs.h"
#include "qcc/Dialect/Qcc/IR/QccDialect.h"
#include "qcc/Dialect/Qcc/IR/QccTraits.h"

#define GET_OP_CLASSES
#include "qcc/Dialect/Qcc/IR/QccOps.h.inc"

namespace qcc {

/// The requantize that backends fuse into a conv2d, fully connected layer
/// or matmul `op`, or null: the op's int32 result has one use, a
/// storage_cast, whose one use is that requantize, from zero point 0 (per
/// tensor, or per output channel) to a per-tensor type. The accumulators of
/// such an op are never stored: they get no arena buffer.
RequantizeOp fusedRequantize(mlir::Operation *op);

} // namespace qcc

#endif // QCC_DIALECT_QCC_IR_QCCOPS_H
