//===- ImageInput.cpp - uint8 image inputs --------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include <cmath>

namespace qcc {
#define GEN_PASS_DEF_IMAGEINPUT
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

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
    if (!func.getBody().hasOneBlock())
      return;
    Block &body = func.getBody().front();
    bool changed = false;
    for (BlockArgument arg : body.getArguments()) {
      auto shaped = dyn_cast<RankedTensorType>(arg.getType());
      if (!shaped || shaped.getRank() != 4 || arg.use_empty())
        continue;
      Type quantized;
      if (!llvm::all_of(arg.getUsers(), [&](Operation *user) {
            auto q = dyn_cast<QuantizeOp>(user);
            if (!q || (quantized && q.getType() != quantized) ||
                !isa<quant::UniformQuantizedType>(
                    cast<ShapedType>(q.getType()).getElementType()))
              return false;
            quantized = q.getType();
            return true;
          }))
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
