//===- QccShapes.cpp - Shape rules shared by qcc ops ---------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccShapes.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace qcc {

FailureOr<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t a = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t b = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (a == 1) {
      result[i] = b;
    } else if (b == 1) {
      result[i] = a;
    } else if (ShapedType::isDynamic(a)) {
      result[i] = b;
    } else if (ShapedType::isDynamic(b) || a == b) {
      result[i] = a;
    } else {
      return failure();
    }
  }
  return result;
}

FailureOr<SmallVector<int64_t>> matmulShape(ArrayRef<int64_t> lhsShape,
                                            ArrayRef<int64_t> rhsShape) {
  if (lhsShape.empty() || rhsShape.empty())
    return failure();
  SmallVector<int64_t> lhs(lhsShape), rhs(rhsShape);
  bool lhsVector = lhs.size() == 1, rhsVector = rhs.size() == 1;
  if (lhsVector)
    lhs.insert(lhs.begin(), 1);
  if (rhsVector)
    rhs.push_back(1);
  if (!sizesCompatible(lhs.back(), rhs[rhs.size() - 2]))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(ArrayRef(lhs).drop_back(2), ArrayRef(rhs).drop_back(2));
  if (failed(shape))
    return failure();
  if (!lhsVector)
    shape->push_back(lhs[lhs.size() - 2]);
  if (!rhsVector)
    shape->push_back(rhs.back());
  return shape;
}

FailureOr<int64_t> windowOutputSize(int64_t input, int64_t kernel,
                                    int64_t stride, int64_t dilation,
                                    int64_t padBegin, int64_t padEnd,
                                    bool ceilMode) {
  if (stride <= 0 || dilation <= 0 || kernel < 0)
    return failure();
  if (ShapedType::isDynamic(input) || ShapedType::isDynamic(kernel))
    return ShapedType::kDynamic;
  int64_t span = input + padBegin + padEnd - dilation * (kernel - 1) - 1;
  if (span < 0)
    return failure();
  if (!ceilMode)
    return span / stride + 1;
  int64_t output = (span + stride - 1) / stride + 1;
  if ((output - 1) * stride >= input + padBegin)
    --output;
  return output;
}

bool sizesCompatible(int64_t lhs, int64_t rhs) {
  return ShapedType::isDynamic(lhs) || ShapedType::isDynamic(rhs) || lhs == rhs;
}

bool shapesCompatible(ArrayRef<int64_t> actual, ArrayRef<int64_t> expected) {
  if (actual.size() != expected.size())
    return false;
  for (auto [a, e] : llvm::zip_equal(actual, expected))
    if (!sizesCompatible(a, e))
      return false;
  return true;
}

int64_t shapeProduct(ArrayRef<int64_t> shape) {
  int64_t product = 1;
  for (int64_t size : shape)
    if (ShapedType::isDynamic(size) ||
        llvm::MulOverflow(product, size, product))
      return ShapedType::kDynamic;
  return product;
}

std::string formatShape(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "scalar";
  std::string result;
  for (auto [i, size] : llvm::enumerate(shape)) {
    if (i)
      result += 'x';
    result += ShapedType::isDynamic(size) ? "?" : std::to_string(size);
  }
  return result;
}

int64_t storageBytes(Type type) {
  auto shaped = cast<ShapedType>(type);
  Type element = shaped.getElementType();
  int64_t bits =
      isa<quant::QuantizedType>(element)
          ? cast<quant::QuantizedType>(element).getStorageTypeIntegralWidth()
          : element.getIntOrFloatBitWidth();
  return (shaped.getNumElements() * bits + 7) / 8;
}

} // namespace qcc
