//===- ConstantValues.cpp - Reading float constants in passes -------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/Transforms/ConstantValues.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"

using namespace mlir;

std::optional<std::vector<float>> qcc::floatConstant(Value v) {
  auto constant = v ? v.getDefiningOp<ConstantOp>() : ConstantOp();
  auto dense = constant ? dyn_cast<DenseElementsAttr>(constant.getValue())
                        : DenseElementsAttr();
  if (!dense || !dense.getElementType().isF32())
    return std::nullopt;
  std::vector<float> values;
  for (const APFloat &x : dense.getValues<APFloat>())
    values.push_back(x.convertToFloat());
  return values;
}
