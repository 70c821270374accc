//===- QccTraits.h - Op traits of the qcc dialect ---------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Verification shared by many qcc ops, attached as traits in QccOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_IR_QCCTRAITS_H
#define QCC_DIALECT_QCC_IR_QCCTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace qcc {
namespace detail {
/// Element types of one family: all quantized with the same expressed type,
/// or all the very same float or integer type. `types` are tensor types.
mlir::LogicalResult verifySameElementFamily(mlir::Operation *op,
                                            mlir::TypeRange types);

mlir::LogicalResult verifyValidQuantizedTypes(mlir::Operation *op);
mlir::LogicalResult verifyElementwiseUnary(mlir::Operation *op);
mlir::LogicalResult verifyBroadcastableBinary(mlir::Operation *op);
} // namespace detail

namespace OpTrait {

/// Per-axis quantized operand and result types name an axis inside their
/// tensor and carry one scale per element along it.
template <typename ConcreteType>
class ValidQuantizedTypes
    : public mlir::OpTrait::TraitBase<ConcreteType, ValidQuantizedTypes> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return detail::verifyValidQuantizedTypes(op);
  }
};

/// The result has the shape of operand 0 and an element type of the same
/// family (the same float or integer type, or quantized).
template <typename ConcreteType>
class ElementwiseUnary
    : public mlir::OpTrait::TraitBase<ConcreteType, ElementwiseUnary> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return detail::verifyElementwiseUnary(op);
  }
};

/// The result has the numpy-broadcast shape of operands 0 and 1; element
/// types are of one family.
template <typename ConcreteType>
class BroadcastableBinary
    : public mlir::OpTrait::TraitBase<ConcreteType, BroadcastableBinary> {
public:
  static mlir::LogicalResult verifyTrait(mlir::Operation *op) {
    return detail::verifyBroadcastableBinary(op);
  }
};

} // namespace OpTrait
} // namespace qcc

#endif // QCC_DIALECT_QCC_IR_QCCTRAITS_H
