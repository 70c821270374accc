//===- QccTraits.cpp - Op traits of the qcc dialect ----------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccTraits.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;

namespace qcc::detail {

LogicalResult verifySameElementFamily(Operation *op, TypeRange types) {
  SmallVector<Type> elements;
  for (Type type : types)
    elements.push_back(cast<ShapedType>(type).getElementType());
  bool anyQuantized =
      llvm::any_of(elements, llvm::IsaPred<quant::QuantizedType>);
  if (!anyQuantized) {
    if (!llvm::all_equal(elements))
      return op->emitOpError(
                 "expects operands and result of one element type, got ")
             << types;
    return success();
  }
  if (!llvm::all_of(elements, llvm::IsaPred<quant::QuantizedType>))
    return op->emitOpError("expects all or none of the operands and result "
                           "to be quantized, got ")
           << types;
  Type expressed =
      cast<quant::QuantizedType>(elements.front()).getExpressedType();
  for (Type element : elements)
    if (cast<quant::QuantizedType>(element).getExpressedType() != expressed)
      return op->emitOpError("expects quantized types of one expressed type, "
                             "got ")
             << types;
  return success();
}

LogicalResult verifyValidQuantizedTypes(Operation *op) {
  auto check = [&](Type type, StringRef kind, unsigned index) -> LogicalResult {
    auto tensor = dyn_cast<RankedTensorType>(type);
    if (!tensor)
      return success();
    auto perAxis =
        dyn_cast<quant::UniformQuantizedPerAxisType>(tensor.getElementType());
    if (!perAxis)
      return success();
    int64_t axis = perAxis.getQuantizedDimension();
    if (axis >= tensor.getRank())
      return op->emitOpError()
             << kind << " #" << index << " is quantized along axis " << axis
             << " but has rank " << tensor.getRank();
    int64_t size = tensor.getDimSize(axis);
    int64_t scales = perAxis.getScales().size();
    if (!ShapedType::isDynamic(size) && size != scales)
      return op->emitOpError()
             << kind << " #" << index << " has " << scales
             << " quantization scales for axis " << axis << " of size " << size;
    return success();
  };
  for (auto [i, type] : llvm::enumerate(op->getOperandTypes()))
    if (failed(check(type, "operand", i)))
      return failure();
  for (auto [i, type] : llvm::enumerate(op->getResultTypes()))
    if (failed(check(type, "result", i)))
      return failure();
  return success();
}

LogicalResult verifyElementwiseUnary(Operation *op) {
  auto input = cast<ShapedType>(op->getOperand(0).getType());
  auto output = cast<ShapedType>(op->getResult(0).getType());
  if (!shapesCompatible(output.getShape(), input.getShape()))
    return op->emitOpError("result shape ")
           << formatShape(output.getShape()) << " differs from input shape "
           << formatShape(input.getShape());
  return verifySameElementFamily(op, {input, output});
}

LogicalResult verifyBroadcastableBinary(Operation *op) {
  auto lhs = cast<ShapedType>(op->getOperand(0).getType());
  auto rhs = cast<ShapedType>(op->getOperand(1).getType());
  auto output = cast<ShapedType>(op->getResult(0).getType());
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(lhs.getShape(), rhs.getShape());
  if (failed(shape))
    return op->emitOpError("operand shapes ")
           << formatShape(lhs.getShape()) << " and "
           << formatShape(rhs.getShape()) << " do not broadcast";
  if (!shapesCompatible(output.getShape(), *shape))
    return op->emitOpError("result shape ")
           << formatShape(output.getShape())
           << " should be the broadcast shape " << formatShape(*shape);
  return verifySameElementFamily(op, {lhs, rhs, output});
}

} // namespace qcc::detail
