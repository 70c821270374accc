//===- LibraryInterface.cpp - What a library takes and returns ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The passes that shape a library's inputs and outputs: quantized integers
// (qcc-quantized-io) and uint8 images (qcc-image-input).
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <cmath>

namespace qcc {
#define GEN_PASS_DEF_IMAGEINPUT
#define GEN_PASS_DEF_QUANTIZEDIO
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

/// The type every use of `arg` quantizes it to, if it has uses, all of them
/// quantize ops that agree; else null.
Type soleQuantizedType(BlockArgument arg) {
  Type quantized;
  for (Operation *user : arg.getUsers()) {
    auto q = dyn_cast<QuantizeOp>(user);
    if (!q || (quantized && q.getType() != quantized))
      return nullptr;
    quantized = q.getType();
  }
  return quantized;
}

struct QuantizedIOPass : qcc::impl::QuantizedIOBase<QuantizedIOPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (!func.getBody().hasOneBlock()) {
      func.emitError("qcc-quantized-io needs a single-block function");
      return signalPassFailure();
    }
    Block &body = func.getBody().front();
    // Arguments only quantized, all to one type: that type.
    for (BlockArgument arg : body.getArguments()) {
      Type quantized = soleQuantizedType(arg);
      if (!quantized)
        continue;
      arg.setType(quantized);
      for (Operation *user : llvm::make_early_inc_range(arg.getUsers())) {
        user->getResult(0).replaceAllUsesWith(arg);
        user->erase();
      }
    }
    // Returned dequantizes: their inputs.
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    for (OpOperand &operand : ret->getOpOperands())
      if (auto dq = operand.get().getDefiningOp<DequantizeOp>()) {
        operand.set(dq.getInput());
        if (dq->use_empty())
          dq->erase();
      }
    func.setFunctionType(FunctionType::get(
        &getContext(), body.getArgumentTypes(), ret.getOperandTypes()));
  }
};

struct ImageInputPass : qcc::impl::ImageInputBase<ImageInputPass> {
  using ImageInputBase::ImageInputBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (mean.empty() || mean.size() != std.size() ||
        llvm::any_of(std, [](double s) { return !(s > 0); })) {
      func.emitError("qcc-image-input needs as many means as standard "
                     "deviations (one, or one per channel), each deviation "
                     "positive");
      return signalPassFailure();
    }
    if (!func.getBody().hasOneBlock()) {
      func.emitError("qcc-image-input needs a single-block function");
      return signalPassFailure();
    }
    Block &body = func.getBody().front();
    bool changed = false;
    for (BlockArgument arg : body.getArguments()) {
      auto shaped = dyn_cast<RankedTensorType>(arg.getType());
      if (!shaped || shaped.getRank() != 4)
        continue;
      auto quantized = dyn_cast_or_null<ShapedType>(soleQuantizedType(arg));
      if (!quantized ||
          !isa<quant::UniformQuantizedType>(quantized.getElementType()))
        continue;
      int64_t channels = shaped.getDimSize(1);
      if (mean.size() != 1 && static_cast<int64_t>(mean.size()) != channels) {
        func.emitError("qcc-image-input: ")
            << mean.size() << " means for an input of " << channels
            << " channels";
        return signalPassFailure();
      }
      SmallVector<double> scales;
      SmallVector<int64_t> zeroPoints;
      for (int64_t c = 0; c < channels; ++c) {
        size_t i = mean.size() == 1 ? 0 : c;
        scales.push_back(1.0 / std[i]);
        zeroPoints.push_back(
            std::clamp<int64_t>(std::llround(mean[i]), 0, 255));
      }
      Builder b(&getContext());
      auto pixels = quant::UniformQuantizedPerAxisType::get(
          /*flags=*/0, b.getIntegerType(8), b.getF32Type(), scales, zeroPoints,
          /*quantizedDimension=*/1, /*storageTypeMin=*/0,
          /*storageTypeMax=*/255);
      arg.setType(shaped.clone(pixels));
      for (Operation *user : llvm::make_early_inc_range(arg.getUsers())) {
        OpBuilder builder(user);
        Value requantized = RequantizeOp::create(
            builder, user->getLoc(), user->getResult(0).getType(), arg);
        user->getResult(0).replaceAllUsesWith(requantized);
        user->erase();
      }
      changed = true;
    }
    if (!changed) {
      func.emitError("qcc-image-input: no rank-4 argument that is only "
                     "quantized per tensor");
      return signalPassFailure();
    }
    func.setFunctionType(FunctionType::get(
        &getContext(), body.getArgumentTypes(), func.getResultTypes()));
  }
};

} // namespace
