//===- QccDialect.cpp - The qcc dialect ---------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccDialect.h"
#include "qcc/Dialect/Qcc/IR/QccAttrs.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"

using namespace mlir;
using namespace qcc;

#include "qcc/Dialect/Qcc/IR/QccDialect.cpp.inc"

void QccDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "qcc/Dialect/Qcc/IR/QccOps.cpp.inc"
      >();
  registerAttributes();
}

Operation *QccDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || !ConstantOp::isBuildableWith(elements, type))
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}

/// Verifies a discardable `qcc.*` attribute wherever it appears.
static LogicalResult
verifyQccAttribute(function_ref<InFlightDiagnostic()> emitError,
                   NamedAttribute attr, bool onArgument) {
  StringRef name = attr.getName().getValue();
  if (name == QccDialect::kRangeAttrName) {
    if (!isa<RangeAttr>(attr.getValue()))
      return emitError() << "'" << name << "' must be a #qcc.range attribute";
    return success();
  }
  if (name == QccDialect::kBitWidthAttrName && !onArgument) {
    auto width = dyn_cast<IntegerAttr>(attr.getValue());
    if (!width || !llvm::is_contained({4, 8, 16}, width.getInt()))
      return emitError()
             << "'" << name
             << "' must be an integer attribute of value 4, 8 or 16";
    return success();
  }
  return emitError() << "unknown qcc attribute '" << name << "'"
                     << (onArgument ? " on an argument" : "");
}

LogicalResult QccDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  return verifyQccAttribute([&] { return op->emitOpError(); }, attr,
                            /*onArgument=*/false);
}

LogicalResult QccDialect::verifyRegionArgAttribute(Operation *op,
                                                   unsigned regionIndex,
                                                   unsigned argIndex,
                                                   NamedAttribute attr) {
  return verifyQccAttribute(
      [&] {
        return op->emitOpError() << "argument #" << argIndex << " of region #"
                                 << regionIndex << ": ";
      },
      attr, /*onArgument=*/true);
}
