//===- Cost.cpp - What a layer costs in multiply-accumulates --------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/Transforms/Cost.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"

using namespace mlir;

namespace qcc {

int64_t layerMacs(Operation *op) {
  auto count = [](Value v) {
    return cast<ShapedType>(v.getType()).getNumElements();
  };
  if (isa<Conv2DOp, FullyConnectedOp>(op)) {
    // Weights [O, I/groups, kh, kw] or [O, I]: each output sums the rest.
    Value weight = op->getOperand(1);
    return count(op->getResult(0)) * count(weight) /
           cast<ShapedType>(weight.getType()).getDimSize(0);
  }
  if (auto conv = dyn_cast<ConvTranspose2DOp>(op)) {
    // Weights [I, O/groups, kh, kw]: each input spreads over the rest.
    return count(conv.getInput()) * count(conv.getWeight()) /
           conv.getWeight().getType().getDimSize(0);
  }
  if (auto matmul = dyn_cast<MatMulOp>(op))
    return count(matmul.getOutput()) *
           cast<ShapedType>(matmul.getLhs().getType()).getShape().back();
  return 0;
}

/// Storage bits of a quantized value, 0 when it is not quantized.
static int64_t bitsOf(Value v) {
  if (auto q = dyn_cast<quant::QuantizedType>(
          cast<ShapedType>(v.getType()).getElementType()))
    return q.getStorageTypeIntegralWidth();
  return 0;
}

int64_t layerBitOps(Operation *op) {
  int64_t macs = layerMacs(op);
  return macs ? macs * bitsOf(op->getOperand(0)) * bitsOf(op->getOperand(1))
              : 0;
}

int64_t conversionBitOps(Operation *op) {
  auto requantize = dyn_cast<RequantizeOp>(op);
  if (!requantize)
    return 0;
  int64_t in = bitsOf(requantize.getInput()), out = bitsOf(requantize);
  if (in == out || in >= 32)
    return 0;
  return requantize.getType().getNumElements() * in * out;
}

std::optional<int64_t> accumulatorBound(Operation *op) {
  if (!isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(op))
    return std::nullopt;
  auto input = dyn_cast<quant::UniformQuantizedType>(
      cast<ShapedType>(op->getOperand(0).getType()).getElementType());
  auto weight = op->getOperand(1).getDefiningOp<ConstantOp>();
  if (!input || !weight)
    return std::nullopt;
  auto values = dyn_cast<DenseIntElementsAttr>(weight.getValue());
  if (!values)
    return std::nullopt;
  ArrayRef<int64_t> shape = weight.getType().getShape();
  // The output-channel axis of the weights.
  int64_t axis = isa<MatMulOp>(op)            ? shape.size() - 1
                 : isa<ConvTranspose2DOp>(op) ? 1
                                              : 0;
  int64_t channels = shape[axis], inner = 1;
  for (int64_t d : shape.drop_front(axis + 1))
    inner *= d;
  std::vector<int64_t> sums(channels, 0);
  for (auto [i, w] : llvm::enumerate(values.getValues<APInt>()))
    sums[i / inner % channels] += std::abs(w.getSExtValue());
  int64_t zp = input.getZeroPoint();
  int64_t deviation =
      std::max(zp - input.getStorageTypeMin(), input.getStorageTypeMax() - zp);
  std::vector<int64_t> biases(channels, 0);
  if (op->getNumOperands() > 2)
    if (auto bias = op->getOperand(2).getDefiningOp<ConstantOp>())
      if (auto biasValues = dyn_cast<DenseIntElementsAttr>(bias.getValue()))
        for (auto [c, b] : llvm::enumerate(biasValues.getValues<APInt>()))
          if (static_cast<int64_t>(c) < channels)
            biases[c] = std::abs(b.getSExtValue());
  int64_t bound = 0;
  for (int64_t c = 0; c < channels; ++c)
    bound = std::max(bound, biases[c] + sums[c] * deviation);
  return bound;
}

int64_t modelBitOps(func::FuncOp func) {
  int64_t total = 0;
  func.walk(
      [&](Operation *op) { total += layerBitOps(op) + conversionBitOps(op); });
  return total;
}

} // namespace qcc
