//===- ConstantValues.h - Reading float constants in passes -----*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DIALECT_QCC_TRANSFORMS_CONSTANTVALUES_H
#define QCC_DIALECT_QCC_TRANSFORMS_CONSTANTVALUES_H

#include "mlir/IR/Value.h"

#include <optional>
#include <vector>

namespace qcc {

/// The values of `v` if it is a float32 `qcc.constant`.
std::optional<std::vector<float>> floatConstant(mlir::Value v);

} // namespace qcc

#endif // QCC_DIALECT_QCC_TRANSFORMS_CONSTANTVALUES_H
