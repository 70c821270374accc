//===- FoldBatchNorm.cpp - Fold affine steps into convolutions ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Dialect/Qcc/Transforms/ConstantValues.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include <cmath>

namespace qcc {
#define GEN_PASS_DEF_FOLDBATCHNORM
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

/// One value per output channel of `features` channels from a constant
/// that broadcasts along the channel axis of an NCHW result: a scalar, or a
/// shape whose only non-1 dimension is the channel one (as [1, C, 1, 1] or
/// [C, 1, 1]).
std::optional<std::vector<float>> perChannel(Value v, int64_t features) {
  std::optional<std::vector<float>> values = floatConstant(v);
  if (!values)
    return std::nullopt;
  ArrayRef<int64_t> shape = cast<ShapedType>(v.getType()).getShape();
  if (values->size() == 1)
    return std::vector<float>(features, values->front());
  int64_t rank = shape.size();
  if (rank < 3 || rank > 4 || shape[rank - 3] != features ||
      shapeProduct(shape) != features)
    return std::nullopt;
  return values;
}

/// Replaces `op` (consuming `conv`) by a convolution with weights and bias
/// transformed per output channel: W' = W * mul[f], b' = b * mul[f] + add[f].
LogicalResult foldInto(Conv2DOp conv, Operation *op, ArrayRef<float> mul,
                       ArrayRef<float> add, PatternRewriter &rewriter) {
  std::optional<std::vector<float>> w = floatConstant(conv.getWeight());
  std::optional<std::vector<float>> b;
  if (conv.getBias()) {
    b = floatConstant(conv.getBias());
    if (!b)
      return rewriter.notifyMatchFailure(op, "non-constant bias");
  }
  if (!w)
    return rewriter.notifyMatchFailure(op, "non-constant weight");
  auto wType = cast<RankedTensorType>(conv.getWeight().getType());
  int64_t features = wType.getDimSize(0);
  int64_t perFeature = w->size() / features;
  for (size_t i = 0; i < w->size(); ++i)
    (*w)[i] *= mul[i / perFeature];
  std::vector<float> bias(features);
  for (int64_t f = 0; f < features; ++f)
    bias[f] = (b ? (*b)[f] : 0.0f) * mul[f] + add[f];
  auto biasType = RankedTensorType::get({features}, wType.getElementType());
  Value weight =
      ConstantOp::create(rewriter, conv.getWeight().getLoc(), wType,
                         DenseElementsAttr::get(wType, ArrayRef<float>(*w)));
  Value newBias = ConstantOp::create(
      rewriter, conv.getLoc(), biasType,
      DenseElementsAttr::get(biasType, ArrayRef<float>(bias)));
  auto folded = Conv2DOp::create(
      rewriter, op->getLoc(), conv.getType(), conv.getInput(), weight, newBias,
      conv.getStridesAttr(), conv.getDilationsAttr(), conv.getPadsAttr(),
      conv.getGroupsAttr(), ActivationAttr());
  if (Attribute range = op->getAttr(QccDialect::kRangeAttrName))
    folded->setAttr(QccDialect::kRangeAttrName, range);
  rewriter.replaceOp(op, folded);
  return success();
}

/// The convolution an op consumes, when folding into it is allowed.
Conv2DOp foldableConv(Operation *op, Value input) {
  auto conv = input.getDefiningOp<Conv2DOp>();
  if (!conv || !conv->hasOneUse() || conv.getFusedActivation() ||
      !conv.getType().getElementType().isF32() ||
      conv.getType() != op->getResult(0).getType())
    return Conv2DOp();
  return conv;
}

/// A batch norm with constant statistics as the per-channel affine map it
/// computes: y = mul * x + add, mul = g / sqrt(var + eps) and
/// add = beta - mean * mul.
struct ChannelAffine {
  std::vector<float> mul, add;
};
std::optional<ChannelAffine> affineOf(BatchNormOp bn) {
  std::optional<std::vector<float>> scale = floatConstant(bn.getScale()),
                                    beta = floatConstant(bn.getBias()),
                                    mean = floatConstant(bn.getMean()),
                                    var = floatConstant(bn.getVar());
  if (!scale || !beta || !mean || !var)
    return std::nullopt;
  float epsilon = bn.getEpsilon().convertToFloat();
  size_t channels = scale->size();
  ChannelAffine affine{std::vector<float>(channels),
                       std::vector<float>(channels)};
  for (size_t c = 0; c < channels; ++c) {
    affine.mul[c] = (*scale)[c] / std::sqrt((*var)[c] + epsilon);
    affine.add[c] = (*beta)[c] - (*mean)[c] * affine.mul[c];
  }
  return affine;
}

struct FoldBatchNormIntoConv : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    Conv2DOp conv = foldableConv(bn, bn.getInput());
    if (!conv)
      return rewriter.notifyMatchFailure(bn, "no foldable convolution");
    std::optional<ChannelAffine> affine = affineOf(bn);
    if (!affine)
      return rewriter.notifyMatchFailure(bn, "non-constant statistics");
    return foldInto(conv, bn, affine->mul, affine->add, rewriter);
  }
};

/// A batch norm that cannot fold into a convolution becomes one: a 1x1
/// depthwise convolution with weights g and bias beta - mean * g, which
/// qcc-quantize lowers like any other.
struct BatchNormAsDepthwiseConv : OpRewritePattern<BatchNormOp> {
  BatchNormAsDepthwiseConv(MLIRContext *context)
      : OpRewritePattern(context, /*benefit=*/0) {}
  LogicalResult matchAndRewrite(BatchNormOp bn,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(bn.getType());
    if (type.getRank() != 4 || ShapedType::isDynamic(type.getDimSize(1)) ||
        !type.getElementType().isF32())
      return rewriter.notifyMatchFailure(bn, "not a static NCHW float tensor");
    std::optional<ChannelAffine> affine = affineOf(bn);
    if (!affine)
      return rewriter.notifyMatchFailure(bn, "non-constant statistics");
    int64_t channels = type.getDimSize(1);
    auto weightType =
        RankedTensorType::get({channels, 1, 1, 1}, type.getElementType());
    auto biasType = RankedTensorType::get({channels}, type.getElementType());
    Value w = ConstantOp::create(
        rewriter, bn.getLoc(), weightType,
        DenseElementsAttr::get(weightType, ArrayRef<float>(affine->mul)));
    Value b = ConstantOp::create(
        rewriter, bn.getLoc(), biasType,
        DenseElementsAttr::get(biasType, ArrayRef<float>(affine->add)));
    auto conv = Conv2DOp::create(rewriter, bn.getLoc(), type, bn.getInput(), w,
                                 b, rewriter.getDenseI64ArrayAttr({1, 1}),
                                 rewriter.getDenseI64ArrayAttr({1, 1}),
                                 rewriter.getDenseI64ArrayAttr({0, 0, 0, 0}),
                                 rewriter.getI64IntegerAttr(channels),
                                 ActivationAttr());
    if (Attribute range = bn->getAttr(QccDialect::kRangeAttrName))
      conv->setAttr(QccDialect::kRangeAttrName, range);
    rewriter.replaceOp(bn, conv);
    return success();
  }
};

template <typename OpTy> struct FoldAffineIntoConv : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (op.getFusedActivation())
      return rewriter.notifyMatchFailure(op, "fused activation");
    // The constant may be on either side of a mul or an add.
    for (auto [convSide, constantSide] :
         {std::pair(op.getLhs(), op.getRhs()),
          std::pair(op.getRhs(), op.getLhs())}) {
      Conv2DOp conv = foldableConv(op, convSide);
      if (!conv)
        continue;
      int64_t features = conv.getType().getDimSize(1);
      std::optional<std::vector<float>> c = perChannel(constantSide, features);
      if (!c)
        continue;
      std::vector<float> mul(features, 1.0f), add(features, 0.0f);
      (std::is_same_v<OpTy, MulOp> ? mul : add) = *c;
      return foldInto(conv, op, mul, add, rewriter);
    }
    return rewriter.notifyMatchFailure(op, "no foldable convolution");
  }
};

struct FoldBatchNormPass : qcc::impl::FoldBatchNormBase<FoldBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldBatchNormIntoConv, BatchNormAsDepthwiseConv,
                 FoldAffineIntoConv<MulOp>, FoldAffineIntoConv<AddOp>>(
        &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
