//===- FuseLayers.cpp - Fuse activations into their producers ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/ConstantValues.h"
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

/// The value of a float constant whose elements are all equal, if `v` is
/// one.
std::optional<double> scalarConstant(Value v) {
  std::optional<std::vector<float>> values = floatConstant(v);
  if (!values || values->empty() ||
      llvm::any_of(*values, [&](float x) { return x != values->front(); }))
    return std::nullopt;
  return values->front();
}

/// Whether `v` is clip(x + 3, 0, 6): an add of the scalar 3 with a fused
/// clip, or a clip of such an add.
bool isShiftedRelu6Of(Value v, Value x) {
  auto isRelu6 = [](std::optional<double> min, std::optional<double> max) {
    return min == 0.0 && max == 6.0;
  };
  auto isAddThree = [&](Operation *op) {
    auto add = dyn_cast_if_present<AddOp>(op);
    if (!add)
      return false;
    Value other = add.getLhs() == x   ? add.getRhs()
                  : add.getRhs() == x ? add.getLhs()
                                      : Value();
    return other && scalarConstant(other) == 3.0;
  };
  Operation *op = v.getDefiningOp();
  if (auto clip = dyn_cast_if_present<ClipOp>(op)) {
    auto bound = [](std::optional<APFloat> b) -> std::optional<double> {
      return b ? std::optional(b->convertToDouble()) : std::nullopt;
    };
    return isRelu6(bound(clip.getMin()), bound(clip.getMax())) &&
           isAddThree(clip.getInput().getDefiningOp()) &&
           !clip.getInput().getDefiningOp()->getAttr("fused_activation");
  }
  auto act = op ? op->getAttrOfType<ActivationAttr>("fused_activation")
                : ActivationAttr();
  return isAddThree(op) && act && act.getKind() == ActivationKind::Clip &&
         isRelu6(act.getMin().convertToDouble(),
                 act.getMax().convertToDouble());
}

/// x * clip(x + 3, 0, 6) / 6 (or * 1/6), as ONNX exporters decompose
/// hard-swish, becomes one `hard_swish`: once quantized, a lookup table
/// instead of a product whose range is 6 times the input's.
struct RecognizeHardSwish : RewritePattern {
  RecognizeHardSwish(MLIRContext *context)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/2, context) {}

  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<DivOp, MulOp>(op) || op->getAttr("fused_activation"))
      return failure();
    std::optional<double> divisor = scalarConstant(op->getOperand(1));
    if (!divisor || (isa<DivOp>(op) ? *divisor != 6.0
                                    : std::fabs(*divisor * 6.0 - 1.0) > 1e-6))
      return rewriter.notifyMatchFailure(op, "not a division by 6");
    auto product = op->getOperand(0).getDefiningOp<MulOp>();
    if (!product || product->getAttr("fused_activation"))
      return rewriter.notifyMatchFailure(op, "not a product");
    for (auto [x, gate] : {std::pair(product.getLhs(), product.getRhs()),
                           std::pair(product.getRhs(), product.getLhs())}) {
      if (x.getType() != op->getResult(0).getType() ||
          !isShiftedRelu6Of(gate, x))
        continue;
      Attribute range = op->getAttr(QccDialect::kRangeAttrName);
      auto hardSwish = rewriter.replaceOpWithNewOp<HardSwishOp>(
          op, op->getResult(0).getType(), x);
      if (range)
        hardSwish->setAttr(QccDialect::kRangeAttrName, range);
      return success();
    }
    return rewriter.notifyMatchFailure(op, "not x * clip(x + 3, 0, 6)");
  }
};

struct FuseLayersPass : qcc::impl::FuseLayersBase<FuseLayersPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseActivation, RecognizeHardSwish>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
