//===- Passes.h - Conversions into and out of qcc ---------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_CONVERSION_PASSES_H
#define QCC_CONVERSION_PASSES_H

#include "qcc/Dialect/Qcc/IR/QccDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace qcc {

#define GEN_PASS_DECL
#include "qcc/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "qcc/Conversion/Passes.h.inc"

} // namespace qcc

#endif // QCC_CONVERSION_PASSES_H
