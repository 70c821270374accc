//===- Pipelines.h - The pass pipelines of qcc ------------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Pipelines are library functions; `qcc` and `qcc-opt` call the same ones.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_PIPELINES_PIPELINES_H
#define QCC_PIPELINES_PIPELINES_H

namespace mlir {
class OpPassManager;
} // namespace mlir

namespace qcc {

/// Cleans up freshly imported or hand-written float IR: canonicalization
/// (folding reshapes, transposes and constants) and dead-code removal.
void buildImportCleanupPipeline(mlir::OpPassManager &pm);

/// Registers the pipelines above with `qcc-opt` (`--qcc-import-cleanup`).
void registerPipelines();

} // namespace qcc

#endif // QCC_PIPELINES_PIPELINES_H
