//===- Quantize.cpp - Lower a calibrated float graph to integers ----------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Builds the quantized graph beside the float one, op by op, then routes the
// float graph's remaining users (ops without an integer form, the return)
// through dequantize ops and erases what is dead.
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"

#include <cmath>
#include <limits>

namespace qcc {
#define GEN_PASS_DEF_QUANTIZE
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

RankedTensorType typeOf(Value v) { return cast<RankedTensorType>(v.getType()); }

/// The float values of a constant weight or bias, if `v` is one.
std::optional<std::vector<float>> constantValues(Value v) {
  auto constant = v ? v.getDefiningOp<ConstantOp>() : ConstantOp();
  if (!constant)
    return std::nullopt;
  auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
  if (!dense || !dense.getElementType().isF32())
    return std::nullopt;
  std::vector<float> values;
  for (const APFloat &x : dense.getValues<APFloat>())
    values.push_back(x.convertToFloat());
  return values;
}

struct QuantizePass : qcc::impl::QuantizeBase<QuantizePass> {
  using QuantizeBase::QuantizeBase;

  unsigned activationBits = 8, weightBits = 8;
  llvm::DenseMap<Value, Value> quantized; // float value -> quantized value
  llvm::SmallPtrSet<Operation *, 16> replaced;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (precision == "w8a16")
      activationBits = 16;
    else if (precision == "w4a8")
      weightBits = 4;
    else if (precision != "int8") {
      func.emitError("unknown precision '")
          << precision << "' (expected int8, w8a16 or w4a8)";
      return signalPassFailure();
    }
    SmallVector<Operation *> ops;
    func.walk([&](Operation *op) {
      if (isa<QccDialect>(op->getDialect()))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      if (failed(quantizeOp(op)))
        return signalPassFailure();
    finish(func);
  }

  //--- Quantization parameters ---------------------------------------------

  std::optional<std::pair<double, double>> rangeOf(Value v) {
    Attribute attr;
    if (auto arg = dyn_cast<BlockArgument>(v)) {
      auto func = cast<func::FuncOp>(arg.getOwner()->getParentOp());
      attr = func.getArgAttr(arg.getArgNumber(), QccDialect::kRangeAttrName);
    } else {
      attr = v.getDefiningOp()->getAttr(QccDialect::kRangeAttrName);
    }
    auto range = dyn_cast_if_present<RangeAttr>(attr);
    if (!range)
      return std::nullopt;
    return std::make_pair(range.getMin().convertToDouble(),
                          range.getMax().convertToDouble());
  }

  /// Asymmetric per-tensor parameters covering the value's range (and 0).
  FailureOr<quant::UniformQuantizedType> activationType(Value v) {
    std::optional<std::pair<double, double>> range = rangeOf(v);
    if (!range) {
      Location loc = v.getLoc();
      return emitError(loc) << "qcc-quantize needs a qcc.range on this "
                               "tensor; run qcc-propagate-ranges first",
             failure();
    }
    double lo = std::min(range->first, 0.0), hi = std::max(range->second, 0.0);
    if (hi - lo < 1e-9)
      hi = lo + 1e-9;
    int64_t qmin = -(int64_t(1) << (activationBits - 1));
    int64_t qmax = (int64_t(1) << (activationBits - 1)) - 1;
    double scale = (hi - lo) / (qmax - qmin);
    int64_t zeroPoint =
        std::clamp<int64_t>(std::llround(qmin - lo / scale), qmin, qmax);
    Builder b(&getContext());
    return quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, b.getIntegerType(activationBits),
        b.getF32Type(), scale, zeroPoint, qmin, qmax);
  }

  /// The quantized form of a float value: already built, or a quantize op
  /// right after its definition.
  FailureOr<Value> getQuantized(Value v) {
    auto it = quantized.find(v);
    if (it != quantized.end())
      return it->second;
    FailureOr<quant::UniformQuantizedType> type = activationType(v);
    if (failed(type))
      return failure();
    OpBuilder b(&getContext());
    if (auto arg = dyn_cast<BlockArgument>(v))
      b.setInsertionPointToStart(arg.getOwner());
    else
      b.setInsertionPointAfter(v.getDefiningOp());
    Value q = QuantizeOp::create(
        b, v.getLoc(), typeOf(v).clone(*type), v,
        RoundingModeAttr::get(&getContext(), RoundingMode::HalfToEven));
    quantized[v] = q;
    return q;
  }

  //--- Ops -----------------------------------------------------------------

  LogicalResult quantizeOp(Operation *op) {
    if (isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op))
      return quantizeContraction(op);
    if (isa<MaxPool2DOp, ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp,
            TransposeOp, ReluOp, ClipOp>(op))
      return quantizeSameParameters(op);
    if (isa<ConstantOp>(op))
      return success();
    // No integer form yet: the op stays float.
    if (llvm::any_of(op->getOperands(),
                     [&](Value v) { return quantized.count(v); }))
      op->emitWarning("stays float: qcc-quantize has no integer form for ")
          << op->getName() << " yet";
    return success();
  }

  /// Ops that pass stored values through unchanged (or clamp them): the
  /// result keeps the input's quantization parameters.
  LogicalResult quantizeSameParameters(Operation *op) {
    Value input = op->getOperand(0);
    // Only worth it when the input is quantized already (else the op stays
    // float and is quantized with its consumer).
    if (!quantized.count(input))
      return success();
    Value q = quantized[input];
    auto element = cast<quant::QuantizedType>(typeOf(q).getElementType());
    if (isa<quant::UniformQuantizedPerAxisType>(element))
      return success();
    OpBuilder b(op);
    Operation *clone = b.clone(*op);
    clone->setOperand(0, q);
    clone->getResult(0).setType(typeOf(op->getResult(0)).clone(element));
    clone->removeAttr(QccDialect::kRangeAttrName);
    quantized[op->getResult(0)] = clone->getResult(0);
    replaced.insert(op);
    return success();
  }

  /// conv2d / fully_connected / matmul with constant float weights.
  LogicalResult quantizeContraction(Operation *op) {
    Value input = op->getOperand(0), weight = op->getOperand(1);
    Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
    std::optional<std::vector<float>> w = constantValues(weight);
    std::optional<std::vector<float>> biasValues = constantValues(bias);
    if (!w || (bias && !biasValues) ||
        !typeOf(input).getElementType().isF32()) {
      op->emitWarning("stays float: qcc-quantize needs constant float "
                      "weights and bias");
      return success();
    }
    FailureOr<Value> x = getQuantized(input);
    if (failed(x))
      return failure();
    FailureOr<quant::UniformQuantizedType> outType =
        activationType(op->getResult(0));
    if (failed(outType))
      return failure();
    double sx = cast<quant::UniformQuantizedType>(typeOf(*x).getElementType())
                    .getScale();

    // Per-output-channel symmetric weights: axis 0 of a convolution or
    // fully connected weight, the last axis of a matmul's right side.
    RankedTensorType wType = typeOf(weight);
    bool isMatMul = isa<MatMulOp>(op);
    if (isMatMul && wType.getRank() < 2) {
      op->emitWarning("stays float: a vector right-hand side");
      return success();
    }
    int64_t axis = isMatMul ? wType.getRank() - 1 : 0;
    int64_t channels = wType.getDimSize(axis);
    int64_t inner = 1;
    for (int64_t d = axis + 1; d < wType.getRank(); ++d)
      inner *= wType.getDimSize(d);
    int64_t wmax = weightBits == 4 ? 7 : 127;
    SmallVector<double> scales(channels, 0.0);
    for (size_t i = 0; i < w->size(); ++i) {
      int64_t c = i / inner % channels;
      scales[c] = std::max<double>(scales[c], std::fabs((*w)[i]));
    }
    for (double &s : scales)
      s = s > 0 ? s / wmax : 1.0;
    SmallVector<APInt> qw;
    for (size_t i = 0; i < w->size(); ++i) {
      int64_t c = i / inner % channels;
      double q = std::nearbyint((*w)[i] / scales[c]);
      qw.push_back(APInt(
          weightBits, std::clamp<int64_t>(static_cast<int64_t>(q), -wmax, wmax),
          /*isSigned=*/true));
    }
    OpBuilder b(op);
    Location loc = op->getLoc();
    Type storage = b.getIntegerType(weightBits);
    auto weightQuant = quant::UniformQuantizedPerAxisType::get(
        quant::QuantizationFlags::Signed, storage, b.getF32Type(), scales,
        SmallVector<int64_t>(channels, 0), axis, -wmax, wmax);
    Value qWeight =
        ConstantOp::create(b, weight.getLoc(), wType.clone(weightQuant),
                           DenseElementsAttr::get(wType.clone(storage), qw));

    // int32 bias of scale sx * sw.
    Value qBias;
    SmallVector<double> accScales;
    for (double s : scales)
      accScales.push_back(sx * s);
    if (bias) {
      SmallVector<int32_t> qb;
      for (int64_t c = 0; c < channels; ++c)
        qb.push_back(static_cast<int32_t>(
            std::clamp<double>(std::nearbyint((*biasValues)[c] / accScales[c]),
                               std::numeric_limits<int32_t>::min(),
                               std::numeric_limits<int32_t>::max())));
      auto biasType = RankedTensorType::get({channels}, b.getI32Type());
      qBias =
          ConstantOp::create(b, bias.getLoc(), biasType,
                             DenseElementsAttr::get(biasType, ArrayRef(qb)));
    }

    // The raw accumulator, its per-channel type, the requantization.
    RankedTensorType resultType = typeOf(op->getResult(0));
    RankedTensorType accType = resultType.clone(b.getI32Type());
    Value acc;
    if (auto conv = dyn_cast<Conv2DOp>(op))
      acc = Conv2DOp::create(b, loc, accType, *x, qWeight, qBias,
                             conv.getStridesAttr(), conv.getDilationsAttr(),
                             conv.getPadsAttr(), conv.getGroupsAttr(),
                             ActivationAttr());
    else if (isa<FullyConnectedOp>(op))
      acc = FullyConnectedOp::create(b, loc, accType, *x, qWeight, qBias,
                                     ActivationAttr());
    else
      acc = MatMulOp::create(b, loc, accType, *x, qWeight);
    int64_t accAxis = isMatMul ? resultType.getRank() - 1 : 1;
    auto accQuant = quant::UniformQuantizedPerAxisType::get(
        quant::QuantizationFlags::Signed, b.getI32Type(), b.getF32Type(),
        accScales, SmallVector<int64_t>(channels, 0), accAxis,
        std::numeric_limits<int32_t>::min(),
        std::numeric_limits<int32_t>::max());
    Value typed = StorageCastOp::create(b, loc, accType.clone(accQuant), acc);
    // A fused relu or clip is the output range, so the saturation of the
    // requantization applies it.
    Value out = RequantizeOp::create(b, loc, resultType.clone(*outType), typed);
    quantized[op->getResult(0)] = out;
    replaced.insert(op);
    return success();
  }

  //--- Stitching -----------------------------------------------------------

  void finish(func::FuncOp func) {
    // Users outside the quantized graph read dequantized values.
    for (auto &[floatValue, q] : quantized) {
      SmallVector<OpOperand *> outside;
      for (OpOperand &use : floatValue.getUses())
        if (!replaced.count(use.getOwner()) && !isa<QuantizeOp>(use.getOwner()))
          outside.push_back(&use);
      if (outside.empty())
        continue;
      OpBuilder b(&getContext());
      b.setInsertionPointAfterValue(q);
      Value dq = DequantizeOp::create(b, q.getLoc(), typeOf(floatValue), q);
      for (OpOperand *use : outside)
        use->set(dq);
    }
    // The float ops that were replaced, and their now unused inputs.
    SmallVector<Operation *> dead(replaced.begin(), replaced.end());
    llvm::sort(
        dead, [](Operation *a, Operation *b) { return b->isBeforeInBlock(a); });
    for (Operation *op : dead) {
      for (Value result : op->getResults()) {
        // A quantize of this float value is dead too: its users read the
        // quantized value already.
        for (Operation *user : llvm::make_early_inc_range(result.getUsers()))
          if (isa<QuantizeOp>(user) && user->use_empty())
            user->erase();
      }
      if (op->use_empty())
        op->erase();
    }
    func.walk([](ConstantOp constant) {
      if (constant->use_empty())
        constant->erase();
    });
  }
};

} // namespace
