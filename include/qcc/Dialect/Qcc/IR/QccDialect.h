//===- QccDialect.h - The qcc dialect ---------------------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCDIALECT_H
#define QCC_DIALECT_QCC_IR_QCCDIALECT_H

#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/Dialect.h"

#include "qcc/Dialect/Qcc/IR/QccDialect.h.inc"

#endif // QCC_DIALECT_QCC_IR_QCCDIALECT_H
