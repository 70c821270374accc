//===- QccAttrs.h - Attributes of the qcc dialect ---------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCATTRS_H
#define QCC_DIALECT_QCC_IR_QCCATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"

#include "qcc/Dialect/Qcc/IR/QccEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "qcc/Dialect/Qcc/IR/QccAttrs.h.inc"

#endif // QCC_DIALECT_QCC_IR_QCCATTRS_H
