//===- FuseLayers.cpp - Fuse activations into their producers ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

#include <limits>

namespace qcc {
#define GEN_PASS_DEF_FUSELAYERS
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

/// The activation an op computes, as a fused_activation, if it is one that
/// costs nothing once quantized (a clamp of the requantized result). Other
/// activations stay separate ops, which become lookup tables.
ActivationAttr activationOf(Operation *op) {
  MLIRContext *ctx = op->getContext();
  auto get = [&](ActivationKind kind, double min = 0, double max = 0,
                 double alpha = 0) {
    return ActivationAttr::get(ctx, kind, APFloat(min), APFloat(max),
                               APFloat(alpha));
  };
  return llvm::TypeSwitch<Operation *, ActivationAttr>(op)
      .Case([&](ReluOp) { return get(ActivationKind::Relu); })
      .Case([&](ClipOp clip) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        double min = clip.getMin() ? clip.getMin()->convertToDouble() : -inf;
        double max = clip.getMax() ? clip.getMax()->convertToDouble() : inf;
        if (!std::isfinite(min) || !std::isfinite(max) || min > max)
          return ActivationAttr();
        return get(ActivationKind::Clip, min, max);
      })
      .Default([](Operation *) { return ActivationAttr(); });
}

struct FuseActivation : RewritePattern {
  FuseActivation(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    ActivationAttr activation = activationOf(op);
    if (!activation)
      return failure();
    Operation *producer = op->getOperand(0).getDefiningOp();
    if (!producer ||
        !isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, AddOp, SubOp,
             MulOp>(producer) ||
        !producer->hasOneUse() || producer->getAttr("fused_activation") ||
        producer->getResult(0).getType() != op->getResult(0).getType())
      return rewriter.notifyMatchFailure(op, "no fusable producer");
    rewriter.modifyOpInPlace(producer, [&] {
      producer->setAttr("fused_activation", activation);
      // The fused result is the activation's: keep its name and range.
      producer->setLoc(op->getLoc());
      if (Attribute range = op->getAttr(QccDialect::kRangeAttrName))
        producer->setAttr(QccDialect::kRangeAttrName, range);
    });
    rewriter.replaceOp(op, producer->getResults());
    return success();
  }
};

struct FuseLayersPass : qcc::impl::FuseLayersBase<FuseLayersPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseActivation>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
