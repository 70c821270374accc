//===- InitAll.h - Register everything qcc uses -----------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_INITALL_H
#define QCC_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace qcc {

/// Adds the qcc dialect and the upstream dialects qcc IR uses (func, arith,
/// quant, tensor, tosa) to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers qcc's passes and the upstream ones its pipelines use, so that
/// `qcc-opt` can run each alone.
void registerAllPasses();

} // namespace qcc

#endif // QCC_INITALL_H
