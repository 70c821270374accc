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
                   NamedAttribute attr, StringRef where) {
  bool onArgument = !where.empty();
  StringRef name = attr.getName().getValue();
  if (name == QccDialect::kRangeAttrName) {
    if (!isa<RangeAttr>(attr.getValue()))
      return emitError() << "'" << name << "' must be a #qcc.range attribute";
    return success();
  }
  if (name == QccDialect::kNameAttrName) {
    if (!isa<StringAttr>(attr.getValue()))
      return emitError() << "'" << name << "' must be a string attribute";
    return success();
  }
  if (name == QccDialect::kChannelMeanAttrName) {
    if (!isa<DenseF32ArrayAttr>(attr.getValue()))
      return emitError() << "'" << name << "' must be an array<f32: ...>";
    return success();
  }
  if (name == QccDialect::kParetoFrontAttrName) {
    auto front = dyn_cast<ArrayAttr>(attr.getValue());
    if (onArgument || !front ||
        !llvm::all_of(front, llvm::IsaPred<DictionaryAttr>))
      return emitError() << "'" << name
                         << "' must be an array of dictionaries on a function";
    return success();
  }
  // A bit-width on the op it describes, one of `allowed`.
  auto verifyWidth = [&](StringRef belongs, ArrayRef<int64_t> allowed,
                         StringRef values) -> LogicalResult {
    if (onArgument)
      return emitError() << "'" << name << "' belongs on the op that "
                         << belongs << ", not on an argument or result";
    auto width = dyn_cast<IntegerAttr>(attr.getValue());
    if (!width || !width.getType().isSignlessInteger() ||
        width.getValue().getSignificantBits() > 64 ||
        !llvm::is_contained(allowed, width.getInt()))
      return emitError() << "'" << name
                         << "' must be a signless integer of value " << values;
    return success();
  };
  if (name == QccDialect::kArenaOffsetAttrName ||
      name == QccDialect::kArenaSizeAttrName ||
      name == QccDialect::kArenaLivePeakAttrName) {
    auto bytes = dyn_cast<IntegerAttr>(attr.getValue());
    if (onArgument || !bytes || !bytes.getType().isSignlessInteger(64) ||
        bytes.getInt() < 0)
      return emitError() << "'" << name
                         << "' must be a non-negative i64 on an op";
    return success();
  }
  if (name == QccDialect::kBitWidthAttrName)
    return verifyWidth("produces a value", {4, 8, 16}, "4, 8 or 16");
  if (name == QccDialect::kWeightBitsAttrName)
    return verifyWidth("reads the weights", {4, 8}, "4 or 8");
  return emitError() << "unknown qcc attribute '" << name << "'"
                     << (onArgument ? " on " + where.str() : "");
}

LogicalResult QccDialect::verifyOperationAttribute(Operation *op,
                                                   NamedAttribute attr) {
  return verifyQccAttribute([&] { return op->emitOpError(); }, attr,
                            /*where=*/"");
}

LogicalResult QccDialect::verifyRegionResultAttribute(Operation *op,
                                                      unsigned regionIndex,
                                                      unsigned resultIndex,
                                                      NamedAttribute attr) {
  return verifyQccAttribute(
      [&] {
        return op->emitOpError() << "result #" << resultIndex << " of region #"
                                 << regionIndex << ": ";
      },
      attr, /*where=*/"a result");
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
      attr, /*where=*/"an argument");
}
