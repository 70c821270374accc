//===- QccShapes.h - Shape rules shared by qcc ops --------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Shape arithmetic used by the verifiers and by everything that builds qcc
// ops (importers, passes). Dynamic sizes are ShapedType::kDynamic.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCSHAPES_H
#define QCC_DIALECT_QCC_IR_QCCSHAPES_H

#include "mlir/IR/Types.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace qcc {

/// The numpy broadcast of two shapes, or failure if they do not broadcast.
mlir::FailureOr<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

/// Result shape of a numpy-style matrix product (batch dimensions broadcast;
/// a 1-D operand is a vector whose dimension is dropped), or failure.
mlir::FailureOr<llvm::SmallVector<int64_t>>
matmulShape(llvm::ArrayRef<int64_t> lhs, llvm::ArrayRef<int64_t> rhs);

/// Output size of a sliding window (convolution, pooling) along one
/// dimension; failure if the dilated window is larger than the padded input.
/// With `ceilMode`, a last window that would start in the end padding is
/// dropped (ONNX and PyTorch semantics).
mlir::FailureOr<int64_t> windowOutputSize(int64_t input, int64_t kernel,
                                          int64_t stride, int64_t dilation,
                                          int64_t padBegin, int64_t padEnd,
                                          bool ceilMode = false);

/// Whether two sizes can be equal (one of them dynamic, or both the same).
bool sizesCompatible(int64_t lhs, int64_t rhs);

/// Whether `actual` can be `expected`: same rank, compatible sizes.
bool shapesCompatible(llvm::ArrayRef<int64_t> actual,
                      llvm::ArrayRef<int64_t> expected);

/// Product of the sizes, dynamic if any is (or if it overflows int64).
int64_t shapeProduct(llvm::ArrayRef<int64_t> shape);

/// "1x3x?x4" for diagnostics ("scalar" for rank 0).
std::string formatShape(llvm::ArrayRef<int64_t> shape);

/// Bytes a tensor of `type` (float, integer or quantized elements) takes in
/// memory: elements x storage bits, rounded up (int4 packs two per byte).
int64_t storageBytes(mlir::Type type);

} // namespace qcc

#endif // QCC_DIALECT_QCC_IR_QCCSHAPES_H
