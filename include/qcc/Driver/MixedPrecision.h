//===- MixedPrecision.h - Choose per-layer weight bit-widths ----*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_DRIVER_MIXEDPRECISION_H
#define QCC_DRIVER_MIXEDPRECISION_H

#include "qcc/Pipelines/Pipelines.h"
#include "qcc/Support/Tensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace qcc {

/// One assignment of weight bit-widths and what it measured on the
/// calibration inputs.
struct BitWidthPoint {
  /// The layers given int4 weights, by name; the others keep int8.
  std::vector<std::string> int4Layers;
  /// Sum over layers of MACs x weight bits x input activation bits.
  int64_t bitOps = 0;
  /// Top-1 agreement with the float model, in percent.
  double agreement = 0;
  /// Output SQNR against the float model, in dB.
  double sqnrDb = 0;
};

struct MixedPrecisionResult {
  /// The path the search took, from uniform int8 to the cheapest point it
  /// tried; its non-dominated points are the Pareto front.
  std::vector<BitWidthPoint> front;
  /// Index in `front` of the chosen point.
  size_t chosen = 0;
  llvm::json::Value toJSON() const;
};

/// Chooses int4 or int8 weights per layer of `calibrated` (the float
/// function after the calibration pipeline) so that top-1 agreement with
/// float on `inputs` drops by at most `maxAccuracyDrop` percentage points
/// and the output SQNR stays at least `minSqnrDb`, with the fewest bit-ops.
/// Each layer's sensitivity is the agreement (then SQNR) with only that layer
/// at int4; layers are then moved to int4 in order of sensitivity, measuring
/// every step. Activations stay int8, so no requantize is added between layers.
/// Writes the choice as `qcc.weight_bits` attributes on `calibrated`. Progress
/// goes to `progress`.
mlir::FailureOr<MixedPrecisionResult>
assignWeightBits(mlir::func::FuncOp calibrated,
                 const QuantizePipelineOptions &options,
                 llvm::ArrayRef<Tensor> inputs, double maxAccuracyDrop,
                 double minSqnrDb, llvm::raw_ostream &progress);

} // namespace qcc

#endif // QCC_DRIVER_MIXEDPRECISION_H
