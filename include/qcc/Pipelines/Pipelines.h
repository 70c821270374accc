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

#include <string>
#include <vector>

namespace qcc {

struct QuantizePipelineOptions {
  /// Calibration inputs, one file per model input (.npy or .pb batches).
  std::vector<std::string> calib;
  /// minmax, percentile or mse.
  std::string method = "minmax";
  double percentile = 99.99;
  /// int8, w8a16, w4a8 or mixed.
  std::string precision = "int8";
  /// With mixed: the budget of qcc-assign-bitwidths.
  double maxAccuracyDrop = 0.5;
  double minSqnr = 0;
  /// Cross-layer equalization of consecutive convolutions before
  /// calibration.
  bool equalize = false;
  /// Correct biases for the weights' rounding error (qcc-quantize).
  bool biasCorrection = true;
};

/// Cleans up freshly imported or hand-written float IR: canonicalization
/// (folding reshapes, transposes and constants) and dead-code removal.
void buildImportCleanupPipeline(mlir::OpPassManager &pm);

/// The float half of quantization: fold batch norms and constant scalings,
/// fuse activations, equalize layers if asked, calibrate and propagate
/// ranges.
void buildCalibrationPipeline(mlir::OpPassManager &pm,
                              const QuantizePipelineOptions &options);

/// The integer half: with mixed precision, choose bit-widths per layer;
/// lower to integer-only ops and check the result. Prints the search's
/// progress to stderr.
void buildIntegerLoweringPipeline(mlir::OpPassManager &pm,
                                  const QuantizePipelineOptions &options);

/// Registers the import cleanup pipeline with `qcc-opt`
/// (`--qcc-import-cleanup`).
void registerPipelines();

} // namespace qcc

#endif // QCC_PIPELINES_PIPELINES_H
