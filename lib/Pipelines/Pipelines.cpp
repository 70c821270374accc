//===- Pipelines.cpp - The pass pipelines of qcc --------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Pipelines/Pipelines.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

void qcc::buildImportCleanupPipeline(mlir::OpPassManager &pm) {
  pm.addPass(mlir::createCanonicalizerPass());
}

void qcc::buildCalibrationPipeline(mlir::OpPassManager &pm,
                                   const QuantizePipelineOptions &options) {
  buildImportCleanupPipeline(pm);
  mlir::OpPassManager &func = pm.nest<mlir::func::FuncOp>();
  func.addPass(createFoldBatchNorm());
  func.addPass(mlir::createCanonicalizerPass());
  func.addPass(createFuseLayers());
  if (options.equalize)
    func.addPass(createEqualizeLayers());
  PropagateRangesOptions ranges;
  ranges.calib.assign(options.calib.begin(), options.calib.end());
  ranges.method = options.method;
  ranges.percentile = options.percentile;
  ranges.progress = true;
  func.addPass(createPropagateRanges(ranges));
}

void qcc::buildIntegerLoweringPipeline(mlir::OpPassManager &pm,
                                       const QuantizePipelineOptions &options) {
  mlir::OpPassManager &func = pm.nest<mlir::func::FuncOp>();
  QuantizeOptions quantize;
  quantize.precision = options.precision;
  if (options.precision == "mixed") {
    AssignBitWidthsOptions assign;
    assign.calib.assign(options.calib.begin(), options.calib.end());
    assign.maxAccuracyDrop = options.maxAccuracyDrop;
    assign.minSqnr = options.minSqnr;
    assign.biasCorrection = options.biasCorrection;
    assign.progress = true;
    func.addPass(createAssignBitWidths(assign));
    quantize.precision = "int8";
  }
  quantize.biasCorrection = options.biasCorrection;
  func.addPass(createQuantize(quantize));
  func.addPass(mlir::createCanonicalizerPass());
  func.addPass(createVerifyIntegerOnly());
}

void qcc::registerPipelines() {
  mlir::PassPipelineRegistration<>(
      "qcc-import-cleanup",
      "Canonicalize freshly imported float qcc IR (the first step of qcc)",
      buildImportCleanupPipeline);
}
