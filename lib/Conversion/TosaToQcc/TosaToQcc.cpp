//===- TosaToQcc.cpp - Float TOSA to qcc ----------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Conversion/Passes.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace qcc {
#define GEN_PASS_DEF_CONVERTTOSATOQCC
#include "qcc/Conversion/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

RankedTensorType tensorType(Value v) {
  return cast<RankedTensorType>(v.getType());
}

/// Permutes the dimensions of `value` (result dimension i is input dimension
/// perms[i]).
Value permute(PatternRewriter &rewriter, Location loc, Value value,
              ArrayRef<int64_t> perms) {
  RankedTensorType type = tensorType(value);
  SmallVector<int64_t> shape;
  for (int64_t p : perms)
    shape.push_back(type.getDimSize(p));
  return TransposeOp::create(rewriter, loc, type.clone(shape), value, perms);
}

constexpr int64_t kToNCHW[] = {0, 3, 1, 2};
constexpr int64_t kToNHWC[] = {0, 2, 3, 1};

/// NCHW form of an NHWC result type.
RankedTensorType nchw(RankedTensorType nhwc) {
  ArrayRef<int64_t> s = nhwc.getShape();
  return nhwc.clone({s[0], s[3], s[1], s[2]});
}

/// Whether a zero-point operand is a constant zero (what float TOSA has).
bool isZero(Value zeroPoint) {
  DenseElementsAttr value;
  if (!matchPattern(zeroPoint, m_Constant(&value)))
    return false;
  if (isa<FloatType>(value.getElementType()))
    return llvm::all_of(value.getValues<APFloat>(),
                        [](const APFloat &v) { return v.isZero(); });
  return llvm::all_of(value.getValues<APInt>(),
                      [](const APInt &v) { return v.isZero(); });
}

/// TOSA pads [top, bottom, left, right] as qcc's [top, left, bottom, right].
SmallVector<int64_t> qccPads(ArrayRef<int64_t> pads) {
  return {pads[0], pads[2], pads[1], pads[3]};
}

/// Float data in, float data out (zero points and shifts are checked apart).
LogicalResult checkFloat(PatternRewriter &rewriter, Operation *op) {
  for (Value v : op->getOperands())
    if (!isa<RankedTensorType>(v.getType()) &&
        !isa<tosa::shapeType>(v.getType()))
      return rewriter.notifyMatchFailure(op, "unranked tensors");
  for (Type type : op->getResultTypes())
    if (!isa<RankedTensorType>(type))
      return rewriter.notifyMatchFailure(op, "unranked tensors");
  for (Type type : {op->getOperand(0).getType(), op->getResult(0).getType()})
    if (!isa<FloatType>(cast<ShapedType>(type).getElementType()))
      return rewriter.notifyMatchFailure(op, "only float TOSA is converted");
  return success();
}

struct ConstPattern : OpRewritePattern<tosa::ConstOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ConstOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ConstantOp>(op, op.getType(), op.getValues());
    return success();
  }
};

template <typename TosaOp>
LogicalResult checkConv(TosaOp op, PatternRewriter &rewriter) {
  if (failed(checkFloat(rewriter, op)))
    return failure();
  if (!isZero(op.getInputZp()) || !isZero(op.getWeightZp()))
    return rewriter.notifyMatchFailure(op, "non-zero zero point");
  return success();
}

struct Conv2DPattern : OpRewritePattern<tosa::Conv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::Conv2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkConv(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    // Weight [OC, KH, KW, IC] -> [OC, IC, KH, KW].
    Value input = permute(rewriter, loc, op.getInput(), kToNCHW);
    Value weight = permute(rewriter, loc, op.getWeight(), kToNCHW);
    Value conv = Conv2DOp::create(
        rewriter, loc, nchw(cast<RankedTensorType>(op.getType())), input,
        weight, op.getBias(), rewriter.getDenseI64ArrayAttr(op.getStride()),
        rewriter.getDenseI64ArrayAttr(op.getDilation()),
        rewriter.getDenseI64ArrayAttr(qccPads(op.getPad())),
        rewriter.getI64IntegerAttr(1), ActivationAttr());
    rewriter.replaceOp(op, permute(rewriter, loc, conv, kToNHWC));
    return success();
  }
};

struct DepthwiseConv2DPattern : OpRewritePattern<tosa::DepthwiseConv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::DepthwiseConv2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkConv(op, rewriter)))
      return failure();
    Location loc = op.getLoc();
    // Weight [KH, KW, C, M] -> [C, M, KH, KW] -> [C * M, 1, KH, KW].
    ArrayRef<int64_t> w = tensorType(op.getWeight()).getShape();
    if (ShapedType::isDynamic(w[2]) || ShapedType::isDynamic(w[3]))
      return rewriter.notifyMatchFailure(op, "dynamic weight shape");
    Value weight = permute(rewriter, loc, op.getWeight(), {2, 3, 0, 1});
    weight = ReshapeOp::create(
        rewriter, loc, tensorType(weight).clone({w[2] * w[3], 1, w[0], w[1]}),
        weight);
    Value input = permute(rewriter, loc, op.getInput(), kToNCHW);
    Value conv = Conv2DOp::create(
        rewriter, loc, nchw(cast<RankedTensorType>(op.getType())), input,
        weight, op.getBias(), rewriter.getDenseI64ArrayAttr(op.getStride()),
        rewriter.getDenseI64ArrayAttr(op.getDilation()),
        rewriter.getDenseI64ArrayAttr(qccPads(op.getPad())),
        rewriter.getI64IntegerAttr(w[2]), ActivationAttr());
    rewriter.replaceOp(op, permute(rewriter, loc, conv, kToNHWC));
    return success();
  }
};

struct TransposeConv2DPattern : OpRewritePattern<tosa::TransposeConv2DOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::TransposeConv2DOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkConv(op, rewriter)))
      return failure();
    // TOSA's out_pad [top, bottom, left, right] adds (or, negative, crops)
    // output rows and columns; qcc crops with pads and adds with
    // output_padding (at the end only).
    ArrayRef<int64_t> outPad = op.getOutPad();
    if (outPad[0] > 0 || outPad[2] > 0)
      return rewriter.notifyMatchFailure(op, "padding at the start");
    SmallVector<int64_t> pads = {-outPad[0], -outPad[2],
                                 std::max<int64_t>(0, -outPad[1]),
                                 std::max<int64_t>(0, -outPad[3])};
    SmallVector<int64_t> extra = {std::max<int64_t>(0, outPad[1]),
                                  std::max<int64_t>(0, outPad[3])};
    Location loc = op.getLoc();
    // Weight [OC, KH, KW, IC] -> [IC, OC, KH, KW].
    Value weight = permute(rewriter, loc, op.getWeight(), {3, 0, 1, 2});
    Value input = permute(rewriter, loc, op.getInput(), kToNCHW);
    Value conv = ConvTranspose2DOp::create(
        rewriter, loc, nchw(cast<RankedTensorType>(op.getType())), input,
        weight, op.getBias(), rewriter.getDenseI64ArrayAttr(op.getStride()),
        rewriter.getDenseI64ArrayAttr({1, 1}),
        rewriter.getDenseI64ArrayAttr(pads),
        rewriter.getDenseI64ArrayAttr(extra), rewriter.getI64IntegerAttr(1),
        ActivationAttr());
    rewriter.replaceOp(op, permute(rewriter, loc, conv, kToNHWC));
    return success();
  }
};

struct MatMulPattern : OpRewritePattern<tosa::MatMulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::MatMulOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkFloat(rewriter, op)))
      return failure();
    if (!isZero(op.getAZp()) || !isZero(op.getBZp()))
      return rewriter.notifyMatchFailure(op, "non-zero zero point");
    rewriter.replaceOpWithNewOp<MatMulOp>(op, op.getType(), op.getA(),
                                          op.getB());
    return success();
  }
};

template <typename TosaOp, typename QccOp>
struct BinaryPattern : OpRewritePattern<TosaOp> {
  using OpRewritePattern<TosaOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(TosaOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkFloat(rewriter, op)))
      return failure();
    if constexpr (std::is_same_v<TosaOp, tosa::MulOp>)
      if (!isZero(op.getShift()))
        return rewriter.notifyMatchFailure(op, "non-zero shift");
    rewriter.replaceOpWithNewOp<QccOp>(op, op.getType(), op.getInput1(),
                                       op.getInput2(), ActivationAttr());
    return success();
  }
};

struct ClampPattern : OpRewritePattern<tosa::ClampOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ClampOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkFloat(rewriter, op)))
      return failure();
    auto bound = [&](Attribute attr) {
      return rewriter.getF64FloatAttr(
          cast<FloatAttr>(attr).getValue().convertToDouble());
    };
    rewriter.replaceOpWithNewOp<ClipOp>(op, op.getType(), op.getInput(),
                                        bound(op.getMinValAttr()),
                                        bound(op.getMaxValAttr()));
    return success();
  }
};

struct AvgPool2DPattern : OpRewritePattern<tosa::AvgPool2dOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::AvgPool2dOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkFloat(rewriter, op)))
      return failure();
    if (!isZero(op.getInputZp()) || !isZero(op.getOutputZp()))
      return rewriter.notifyMatchFailure(op, "non-zero zero point");
    Location loc = op.getLoc();
    // TOSA averages over the valid (unpadded) positions only.
    Value pool = AvgPool2DOp::create(
        rewriter, loc, nchw(cast<RankedTensorType>(op.getType())),
        permute(rewriter, loc, op.getInput(), kToNCHW),
        rewriter.getDenseI64ArrayAttr(op.getKernel()),
        rewriter.getDenseI64ArrayAttr(op.getStride()),
        rewriter.getDenseI64ArrayAttr({1, 1}),
        rewriter.getDenseI64ArrayAttr(qccPads(op.getPad())),
        rewriter.getBoolAttr(false), rewriter.getBoolAttr(false));
    rewriter.replaceOp(op, permute(rewriter, loc, pool, kToNHWC));
    return success();
  }
};

struct MaxPool2DPattern : OpRewritePattern<tosa::MaxPool2dOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::MaxPool2dOp op,
                                PatternRewriter &rewriter) const override {
    if (failed(checkFloat(rewriter, op)))
      return failure();
    Location loc = op.getLoc();
    Value pool = MaxPool2DOp::create(
        rewriter, loc, nchw(cast<RankedTensorType>(op.getType())),
        permute(rewriter, loc, op.getInput(), kToNCHW),
        rewriter.getDenseI64ArrayAttr(op.getKernel()),
        rewriter.getDenseI64ArrayAttr(op.getStride()),
        rewriter.getDenseI64ArrayAttr({1, 1}),
        rewriter.getDenseI64ArrayAttr(qccPads(op.getPad())),
        rewriter.getBoolAttr(false));
    rewriter.replaceOp(op, permute(rewriter, loc, pool, kToNHWC));
    return success();
  }
};

struct ReshapePattern : OpRewritePattern<tosa::ReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ReshapeOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), op.getInput1());
    return success();
  }
};

struct TransposePattern : OpRewritePattern<tosa::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<int64_t> perms(op.getPerms().begin(), op.getPerms().end());
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), op.getInput1(),
                                             perms);
    return success();
  }
};

struct ConcatPattern : OpRewritePattern<tosa::ConcatOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ConcatOp op,
                                PatternRewriter &rewriter) const override {
    int64_t rank = op.getType().getRank(), axis = op.getAxis();
    rewriter.replaceOpWithNewOp<ConcatOp>(
        op, op.getType(), op.getInput1(),
        rewriter.getI64IntegerAttr(axis < 0 ? axis + rank : axis));
    return success();
  }
};

struct PadPattern : OpRewritePattern<tosa::PadOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::PadOp op,
                                PatternRewriter &rewriter) const override {
    DenseElementsAttr padding, value;
    if (!matchPattern(op.getPadding(), m_Constant(&padding)) ||
        !matchPattern(op.getPadConst(), m_Constant(&value)))
      return rewriter.notifyMatchFailure(op, "non-constant padding");
    if (failed(checkFloat(rewriter, op)))
      return failure();
    // TOSA pairs (begin, end) per dimension; qcc lists all begins, then all
    // ends.
    SmallVector<int64_t> pairs;
    for (const APInt &v : padding.getValues<APInt>())
      pairs.push_back(v.getSExtValue());
    int64_t rank = pairs.size() / 2;
    SmallVector<int64_t> pads(2 * rank);
    for (int64_t d = 0; d < rank; ++d) {
      pads[d] = pairs[2 * d];
      pads[rank + d] = pairs[2 * d + 1];
    }
    double fill = (*value.getValues<APFloat>().begin()).convertToDouble();
    rewriter.replaceOpWithNewOp<PadOp>(
        op, op.getType(), op.getInput1(), rewriter.getDenseI64ArrayAttr(pads),
        PadModeAttr::get(rewriter.getContext(), PadMode::Constant),
        rewriter.getF64FloatAttr(fill));
    return success();
  }
};

struct ConvertTosaToQccPass
    : qcc::impl::ConvertTosaToQccBase<ConvertTosaToQccPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    patterns.add<ConstPattern, Conv2DPattern, DepthwiseConv2DPattern,
                 TransposeConv2DPattern, MatMulPattern,
                 BinaryPattern<tosa::AddOp, AddOp>,
                 BinaryPattern<tosa::SubOp, SubOp>,
                 BinaryPattern<tosa::MulOp, MulOp>, ClampPattern,
                 AvgPool2DPattern, MaxPool2DPattern, ReshapePattern,
                 TransposePattern, ConcatPattern, PadPattern>(context);
    ConversionTarget target(*context);
    target.addLegalDialect<QccDialect, func::FuncDialect>();
    target.addIllegalDialect<tosa::TosaDialect>();
    // Shapes are read by the patterns; they die with their users.
    target.addLegalOp<tosa::ConstShapeOp>();
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      return signalPassFailure();
    getOperation().walk([](tosa::ConstShapeOp op) {
      if (op->use_empty())
        op->erase();
    });
  }
};

} // namespace
