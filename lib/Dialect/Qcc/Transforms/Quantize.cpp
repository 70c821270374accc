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
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Dialect/Qcc/Transforms/ConstantValues.h"
#include "qcc/Dialect/Qcc/Transforms/Cost.h"
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

struct QuantizePass : qcc::impl::QuantizeBase<QuantizePass> {
  using QuantizeBase::QuantizeBase;

  unsigned activationBits = 8, weightBits = 8;
  /// The largest int32 bias magnitude: half the accumulator's range.
  static constexpr double kBiasLimit = 1 << 30;
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
    warnOfOverflow(func);
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

  /// Asymmetric per-tensor parameters covering the value's range (and 0),
  /// of the bit-width its producer's `qcc.bit_width` asks for, or the
  /// model's.
  FailureOr<quant::UniformQuantizedType> activationType(Value v) {
    std::optional<std::pair<double, double>> range = rangeOf(v);
    if (!range) {
      Location loc = v.getLoc();
      return emitError(loc) << "qcc-quantize needs a qcc.range on this "
                               "tensor; run qcc-propagate-ranges first",
             failure();
    }
    unsigned bits = activationBits;
    if (Operation *producer = v.getDefiningOp())
      if (auto width = producer->getAttrOfType<IntegerAttr>(
              QccDialect::kBitWidthAttrName)) {
        if (width.getInt() == 4)
          return producer->emitError("qcc-quantize supports 8- and 16-bit "
                                     "activations, not 4"),
                 failure();
        bits = width.getInt();
      }
    return typeForRange(range->first, range->second, bits);
  }

  /// Asymmetric per-tensor parameters of `bits` covering [lo, hi] and 0.
  quant::UniformQuantizedType typeForRange(double lo, double hi,
                                           unsigned bits) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    if (hi - lo < 1e-9)
      hi = lo + 1e-9;
    int64_t qmin = -(int64_t(1) << (bits - 1));
    int64_t qmax = (int64_t(1) << (bits - 1)) - 1;
    double scale = (hi - lo) / (qmax - qmin);
    int64_t zeroPoint =
        std::clamp<int64_t>(std::llround(qmin - lo / scale), qmin, qmax);
    Builder b(&getContext());
    return quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, b.getIntegerType(bits),
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

  /// Whether an op reading `v` joins the quantized graph: `v` is quantized
  /// already, or a function argument (quantized at the input).
  bool inQuantizedGraph(Value v) {
    return quantized.count(v) || isa<BlockArgument>(v);
  }

  //--- Ops -----------------------------------------------------------------

  LogicalResult quantizeOp(Operation *op) {
    if (isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op))
      return quantizeContraction(op);
    if (auto convT = dyn_cast<ConvTranspose2DOp>(op);
        convT && convT.getGroups() == 1)
      return quantizeContraction(op);
    if (auto resize = dyn_cast<ResizeOp>(op);
        resize && resize.getMode() == ResizeMode::Nearest)
      return quantizeSameParameters(op);
    if (isa<SigmoidOp, TanhOp, HardSigmoidOp, HardSwishOp, GeluOp, ErfOp,
            LeakyReluOp>(op))
      return quantizeTable(op);
    if (isa<AddOp, SubOp, MulOp, DivOp>(op))
      return quantizeArithmetic(op);
    if (isa<GlobalAvgPoolOp>(op))
      return quantizeGlobalAvgPool(cast<GlobalAvgPoolOp>(op));
    if (isa<SoftmaxOp>(op))
      return quantizeSoftmax(cast<SoftmaxOp>(op));
    if (auto ln = dyn_cast<LayerNormOp>(op))
      return quantizeLayerNorm(ln);
    if (isa<ConcatOp>(op))
      return quantizeConcat(cast<ConcatOp>(op));
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
    // Only when the input joins the quantized graph (else the op stays
    // float and is quantized with its consumer).
    if (!inQuantizedGraph(input))
      return success();
    FailureOr<Value> quantizedInput = getQuantized(input);
    if (failed(quantizedInput))
      return failure();
    Value q = *quantizedInput;
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

  /// Symmetric scales of `channels` output channels of `w` (element i in
  /// channel i / inner % channels) for integers in [-wmax, wmax]. At 8 bits
  /// a channel's largest magnitude maps to wmax. At 4 bits rounding error
  /// dominates, so the scale is the one of the clipping ratios 1, 0.99, ...,
  /// 0.50 of that magnitude with the least squared error over the channel.
  static SmallVector<double> weightScales(ArrayRef<float> w, int64_t channels,
                                          int64_t inner, int64_t wmax) {
    SmallVector<double> maxAbs(channels, 0.0);
    for (size_t i = 0; i < w.size(); ++i) {
      int64_t c = i / inner % channels;
      maxAbs[c] = std::max<double>(maxAbs[c], std::fabs(w[i]));
    }
    SmallVector<double> scales;
    for (double m : maxAbs)
      scales.push_back(m > 0 ? m / wmax : 1.0);
    if (wmax > 7)
      return scales;
    auto error = [&](int64_t c, double scale) {
      double sum = 0;
      for (size_t i = c * inner; i < w.size(); i += channels * inner)
        for (int64_t j = 0; j < inner; ++j) {
          double q =
              std::clamp<double>(std::nearbyint(w[i + j] / scale), -wmax, wmax);
          sum += (w[i + j] - q * scale) * (w[i + j] - q * scale);
        }
      return sum;
    };
    for (int64_t c = 0; c < channels; ++c) {
      if (maxAbs[c] == 0)
        continue;
      double best = error(c, scales[c]);
      for (int ratio = 99; ratio >= 50; --ratio) {
        double scale = maxAbs[c] * ratio / 100 / wmax;
        if (double e = error(c, scale); e < best) {
          best = e;
          scales[c] = scale;
        }
      }
    }
    return scales;
  }

  /// Bias correction (Nagel et al. 2019): rounding the weights of a
  /// convolution or fully connected layer shifts the mean of output channel
  /// o by sum over k of (rounded - w)[o, k] * E[x_k]; with the input's
  /// calibrated channel means (`qcc.channel_mean`) the bias absorbs that
  /// shift. Only for int4 weights: int8 rounding shifts the means far less
  /// than the estimate's own error (on the PaddleOCR classifier, correcting
  /// int8 layers cost 5 dB of output SQNR, int4 ones gained 7). None
  /// without the means.
  std::optional<std::vector<float>>
  correctedBias(Operation *op, unsigned bits, ArrayRef<float> w,
                ArrayRef<double> rounded,
                const std::optional<std::vector<float>> &bias) {
    if (!biasCorrection || bits != 4 || !isa<Conv2DOp, FullyConnectedOp>(op))
      return std::nullopt;
    Value input = op->getOperand(0);
    Attribute attr;
    if (auto arg = dyn_cast<BlockArgument>(input))
      attr =
          cast<func::FuncOp>(arg.getOwner()->getParentOp())
              .getArgAttr(arg.getArgNumber(), QccDialect::kChannelMeanAttrName);
    else
      attr = input.getDefiningOp()->getAttr(QccDialect::kChannelMeanAttrName);
    auto means = dyn_cast_if_present<DenseF32ArrayAttr>(attr);
    ArrayRef<int64_t> shape = typeOf(op->getOperand(1)).getShape();
    int64_t outChannels = shape[0], inPerGroup = shape[1];
    int64_t groups = 1;
    if (auto conv = dyn_cast<Conv2DOp>(op))
      groups = conv.getGroups();
    if (!means || means.size() != inPerGroup * groups)
      return std::nullopt;
    int64_t kernel = w.size() / (outChannels * inPerGroup);
    int64_t outPerGroup = outChannels / groups;
    std::vector<float> corrected =
        bias ? *bias : std::vector<float>(outChannels, 0.0f);
    for (size_t i = 0; i < w.size(); ++i) {
      int64_t o = i / (inPerGroup * kernel), j = i / kernel % inPerGroup;
      corrected[o] -=
          (rounded[i] - w[i]) * means[o / outPerGroup * inPerGroup + j];
    }
    return corrected;
  }

  /// conv2d / fully_connected / matmul with constant float weights.
  LogicalResult quantizeContraction(Operation *op) {
    Value input = op->getOperand(0), weight = op->getOperand(1);
    Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
    std::optional<std::vector<float>> w = floatConstant(weight);
    std::optional<std::vector<float>> biasValues = floatConstant(bias);
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
    // The output-channel axis of the weight.
    int64_t axis = isMatMul                     ? wType.getRank() - 1
                   : isa<ConvTranspose2DOp>(op) ? 1
                                                : 0;
    int64_t channels = wType.getDimSize(axis);
    int64_t inner = 1;
    for (int64_t d = axis + 1; d < wType.getRank(); ++d)
      inner *= wType.getDimSize(d);
    unsigned bits = weightBits;
    if (auto layerBits =
            op->getAttrOfType<IntegerAttr>(QccDialect::kWeightBitsAttrName))
      bits = layerBits.getInt();
    int64_t wmax = bits == 4 ? 7 : 127;
    SmallVector<double> scales = weightScales(*w, channels, inner, wmax);
    // The int32 bias b / (s_x * s_w) must fit, with room for the products:
    // a channel of tiny weights and a large bias (a dead filter) gets a
    // coarser weight scale rather than a saturated bias.
    if (biasValues)
      for (int64_t c = 0; c < channels; ++c)
        scales[c] = std::max(scales[c],
                             std::fabs((*biasValues)[c]) / (sx * kBiasLimit));
    SmallVector<APInt> qw;
    std::vector<double> rounded; // the real values of the stored weights
    for (size_t i = 0; i < w->size(); ++i) {
      int64_t c = i / inner % channels;
      int64_t q = std::clamp<int64_t>(
          static_cast<int64_t>(std::nearbyint((*w)[i] / scales[c])), -wmax,
          wmax);
      qw.push_back(APInt(bits, q, /*isSigned=*/true));
      rounded.push_back(q * scales[c]);
    }
    if (std::optional<std::vector<float>> corrected =
            correctedBias(op, bits, *w, rounded, biasValues))
      biasValues = std::move(corrected);
    OpBuilder b(op);
    Location loc = op->getLoc();
    Type storage = b.getIntegerType(bits);
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
    if (biasValues) {
      SmallVector<int32_t> qb;
      for (int64_t c = 0; c < channels; ++c)
        qb.push_back(static_cast<int32_t>(
            std::clamp<double>(std::nearbyint((*biasValues)[c] / accScales[c]),
                               std::numeric_limits<int32_t>::min(),
                               std::numeric_limits<int32_t>::max())));
      auto biasType = RankedTensorType::get({channels}, b.getI32Type());
      qBias =
          ConstantOp::create(b, bias ? bias.getLoc() : loc, biasType,
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
    else if (auto convT = dyn_cast<ConvTranspose2DOp>(op))
      acc = ConvTranspose2DOp::create(
          b, loc, accType, *x, qWeight, qBias, convT.getStridesAttr(),
          convT.getDilationsAttr(), convT.getPadsAttr(),
          convT.getOutputPaddingAttr(), convT.getGroupsAttr(),
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

  /// A float constant as a per-tensor quantized constant covering its values.
  FailureOr<Value> quantizedConstant(Value v) {
    std::optional<std::vector<float>> values = floatConstant(v);
    if (!values || values->empty())
      return failure();
    double lo = 0, hi = 0;
    for (float x : *values) {
      lo = std::min<double>(lo, x);
      hi = std::max<double>(hi, x);
    }
    OpBuilder b(v.getDefiningOp());
    quant::UniformQuantizedType type = typeForRange(lo, hi, activationBits);
    SmallVector<APInt> stored;
    for (float x : *values)
      stored.push_back(
          APInt(activationBits,
                std::clamp<int64_t>(
                    static_cast<int64_t>(std::nearbyint(x / type.getScale())) +
                        type.getZeroPoint(),
                    type.getStorageTypeMin(), type.getStorageTypeMax()),
                /*isSigned=*/true));
    RankedTensorType tensor = typeOf(v);
    return ConstantOp::create(
               b, v.getLoc(), tensor.clone(type),
               DenseElementsAttr::get(
                   tensor.clone(b.getIntegerType(activationBits)), stored))
        .getResult();
  }

  /// An operand of integer arithmetic: a quantized constant or activation.
  FailureOr<Value> arithmeticOperand(Value v) {
    if (floatConstant(v) && !quantized.count(v))
      return quantizedConstant(v);
    return getQuantized(v);
  }

  /// Nonlinear activations become lookup tables computed here.
  LogicalResult quantizeTable(Operation *op) {
    Value input = op->getOperand(0);
    if (!inQuantizedGraph(input))
      return success(); // stays float with its float producer
    FailureOr<Value> quantizedInput = getQuantized(input);
    if (failed(quantizedInput))
      return failure();
    Value q = *quantizedInput;
    auto in = dyn_cast<quant::UniformQuantizedType>(typeOf(q).getElementType());
    if (!in || in.getStorageTypeIntegralWidth() > 16) {
      op->emitWarning("stays float: no table for this input type");
      return success();
    }
    FailureOr<quant::UniformQuantizedType> out =
        activationType(op->getResult(0));
    if (failed(out))
      return failure();
    std::function<double(double)> f = floatFunctionOf(op);
    SmallVector<APInt> entries;
    for (int64_t v = in.getStorageTypeMin(); v <= in.getStorageTypeMax(); ++v) {
      double x = (v - in.getZeroPoint()) * in.getScale();
      double y = std::nearbyint(f(x) / out->getScale()) + out->getZeroPoint();
      entries.push_back(APInt(
          out->getStorageTypeIntegralWidth(),
          static_cast<int64_t>(std::clamp<double>(std::isnan(y) ? 0 : y,
                                                  out->getStorageTypeMin(),
                                                  out->getStorageTypeMax())),
          /*isSigned=*/true));
    }
    OpBuilder b(op);
    auto tableType = RankedTensorType::get(
        {static_cast<int64_t>(entries.size())},
        b.getIntegerType(out->getStorageTypeIntegralWidth()));
    Value table = ConstantOp::create(
        b, op->getLoc(), tableType, DenseElementsAttr::get(tableType, entries));
    Value result = TableOp::create(
        b, op->getLoc(), typeOf(op->getResult(0)).clone(*out), q, table);
    quantized[op->getResult(0)] = result;
    replaced.insert(op);
    return success();
  }

  /// The real function of a nonlinear activation, in double.
  static std::function<double(double)> floatFunctionOf(Operation *op) {
    if (isa<SigmoidOp>(op))
      return [](double x) { return 1 / (1 + std::exp(-x)); };
    if (isa<TanhOp>(op))
      return [](double x) { return std::tanh(x); };
    if (isa<ErfOp>(op))
      return [](double x) { return std::erf(x); };
    if (isa<HardSwishOp>(op))
      return [](double x) { return x * std::clamp(x / 6 + 0.5, 0.0, 1.0); };
    if (auto hs = dyn_cast<HardSigmoidOp>(op)) {
      double alpha = hs.getAlpha().convertToDouble();
      double beta = hs.getBeta().convertToDouble();
      return [=](double x) { return std::clamp(alpha * x + beta, 0.0, 1.0); };
    }
    if (auto leaky = dyn_cast<LeakyReluOp>(op)) {
      double alpha = leaky.getAlpha().convertToDouble();
      return [=](double x) { return x < 0 ? alpha * x : x; };
    }
    if (cast<GeluOp>(op).getApproximate() == GeluApproximation::Tanh)
      return [](double x) {
        return 0.5 * x *
               (1 +
                std::tanh(std::sqrt(2 / M_PI) * (x + 0.044715 * x * x * x)));
      };
    return
        [](double x) { return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0))); };
  }

  /// add/sub/mul of activations (or constants) in integer arithmetic;
  /// mul and div by a positive scalar constant as a change of scale.
  LogicalResult quantizeArithmetic(Operation *op) {
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    auto act = op->getAttrOfType<ActivationAttr>("fused_activation");
    if (act && act.getKind() != ActivationKind::Relu &&
        act.getKind() != ActivationKind::Clip)
      return success();
    if (!inQuantizedGraph(lhs) && !inQuantizedGraph(rhs))
      return success();
    FailureOr<quant::UniformQuantizedType> out =
        activationType(op->getResult(0));
    if (failed(out))
      return failure();
    OpBuilder b(op);
    RankedTensorType resultType = typeOf(op->getResult(0));
    // Scaling by a positive scalar constant: reinterpret with the scale
    // multiplied (or divided), then requantize. Exact and cheap.
    if (isa<MulOp, DivOp>(op) && !act) {
      for (auto [data, constant] : {std::pair(lhs, rhs), std::pair(rhs, lhs)}) {
        std::optional<std::vector<float>> c = floatConstant(constant);
        if (isa<DivOp>(op) && data != lhs)
          continue;
        if (!c || c->size() != 1 || !(c->front() > 0) ||
            !inQuantizedGraph(data) ||
            typeOf(data).getShape() != resultType.getShape())
          continue;
        FailureOr<Value> quantizedData = getQuantized(data);
        if (failed(quantizedData))
          return failure();
        Value q = *quantizedData;
        auto in =
            dyn_cast<quant::UniformQuantizedType>(typeOf(q).getElementType());
        if (!in)
          continue;
        double factor = isa<MulOp>(op) ? c->front() : 1.0 / c->front();
        auto scaled = quant::UniformQuantizedType::get(
            in.getFlags(), in.getStorageType(), in.getExpressedType(),
            in.getScale() * factor, in.getZeroPoint(), in.getStorageTypeMin(),
            in.getStorageTypeMax());
        Value cast = StorageCastOp::create(
            b, op->getLoc(),
            typeOf(q).clone(b.getIntegerType(in.getStorageTypeIntegralWidth())),
            q);
        Value reread = StorageCastOp::create(b, op->getLoc(),
                                             typeOf(q).clone(scaled), cast);
        quantized[op->getResult(0)] = RequantizeOp::create(
            b, op->getLoc(), resultType.clone(*out), reread);
        replaced.insert(op);
        return success();
      }
    }
    if (isa<DivOp>(op)) {
      op->emitWarning("stays float: qcc-quantize divides only by positive "
                      "scalar constants");
      return success();
    }
    FailureOr<Value> a = arithmeticOperand(lhs), c = arithmeticOperand(rhs);
    if (failed(a) || failed(c))
      return failure();
    if (!isa<quant::UniformQuantizedType>(typeOf(*a).getElementType()) ||
        !isa<quant::UniformQuantizedType>(typeOf(*c).getElementType())) {
      op->emitWarning("stays float: per-axis operands");
      return success();
    }
    Operation *clone = b.clone(*op);
    clone->setOperands({*a, *c});
    clone->getResult(0).setType(resultType.clone(*out));
    clone->removeAttr(QccDialect::kRangeAttrName);
    quantized[op->getResult(0)] = clone->getResult(0);
    replaced.insert(op);
    return success();
  }

  LogicalResult quantizeGlobalAvgPool(GlobalAvgPoolOp op) {
    if (!inQuantizedGraph(op.getInput()))
      return success();
    FailureOr<Value> quantizedInput = getQuantized(op.getInput());
    if (failed(quantizedInput))
      return failure();
    Value q = *quantizedInput;
    if (!isa<quant::UniformQuantizedType>(typeOf(q).getElementType()))
      return success();
    FailureOr<quant::UniformQuantizedType> out = activationType(op.getOutput());
    if (failed(out))
      return failure();
    OpBuilder b(op);
    quantized[op.getOutput()] =
        GlobalAvgPoolOp::create(b, op.getLoc(), op.getType().clone(*out), q);
    replaced.insert(op);
    return success();
  }

  /// softmax in integers (docs/IntegerSemantics.md): its result covers
  /// [0, 1) with scale 2^-bits and zero point qmin.
  LogicalResult quantizeSoftmax(SoftmaxOp op) {
    if (!inQuantizedGraph(op.getInput()))
      return success();
    FailureOr<Value> q = getQuantized(op.getInput());
    if (failed(q))
      return failure();
    auto in =
        dyn_cast<quant::UniformQuantizedType>(typeOf(*q).getElementType());
    if (!in) {
      op->emitWarning("stays float: a per-axis quantized input");
      return success();
    }
    OpBuilder b(op);
    int64_t qmin = -(int64_t(1) << (activationBits - 1));
    auto out = quant::UniformQuantizedType::get(
        quant::QuantizationFlags::Signed, b.getIntegerType(activationBits),
        b.getF32Type(), std::ldexp(1.0, -static_cast<int>(activationBits)),
        qmin, qmin, -qmin - 1);
    quantized[op.getOutput()] = SoftmaxOp::create(
        b, op.getLoc(), op.getType().clone(out), *q, op.getAxisAttr());
    replaced.insert(op);
    return success();
  }

  /// Layer norm in qcc's fixed point: constant float scale and bias stay
  /// operands; rows short enough that the int64 sum of squares cannot
  /// overflow (N^3 * 2^(2 bits) <= 2^62).
  LogicalResult quantizeLayerNorm(LayerNormOp op) {
    if (!inQuantizedGraph(op.getInput()))
      return success();
    if (llvm::any_of(op.getStatistics(),
                     [](Value v) { return !v.use_empty(); }))
      return op->emitWarning("stays float: its mean and inv_std_dev are used"),
             success();
    if (!floatConstant(op.getScale()) ||
        (op.getBias() && !floatConstant(op.getBias())))
      return op->emitWarning("stays float: qcc-quantize needs constant scale "
                             "and bias"),
             success();
    FailureOr<Value> q = getQuantized(op.getInput());
    if (failed(q))
      return failure();
    auto in =
        dyn_cast<quant::UniformQuantizedType>(typeOf(*q).getElementType());
    double n = static_cast<double>(
        typeOf(op.getInput()).getNumElements() /
        shapeProduct(
            typeOf(op.getInput()).getShape().take_front(op.getAxis())));
    if (!in || 3 * std::log2(n) + 2 * in.getStorageTypeIntegralWidth() > 62)
      return op->emitWarning("stays float: rows of ")
                 << n << " values too long for the integer layer norm at "
                 << (in ? in.getStorageTypeIntegralWidth() : 0) << " bits",
             success();
    FailureOr<quant::UniformQuantizedType> out = activationType(op.getOutput());
    if (failed(out))
      return failure();
    OpBuilder b(op);
    quantized[op.getOutput()] =
        LayerNormOp::create(
            b, op.getLoc(), TypeRange{typeOf(op.getOutput()).clone(*out)}, *q,
            op.getScale(), op.getBias(), op.getAxisAttr(), op.getEpsilonAttr())
            .getOutput();
    replaced.insert(op);
    return success();
  }

  /// Inputs requantized to the result's parameters, then joined.
  LogicalResult quantizeConcat(ConcatOp op) {
    if (llvm::none_of(op.getInputs(),
                      [&](Value v) { return inQuantizedGraph(v); }))
      return success();
    FailureOr<quant::UniformQuantizedType> out = activationType(op.getOutput());
    if (failed(out))
      return failure();
    OpBuilder b(op);
    SmallVector<Value> inputs;
    for (Value v : op.getInputs()) {
      FailureOr<Value> q = arithmeticOperand(v);
      if (failed(q))
        return failure();
      if (typeOf(*q).getElementType() != *out)
        q = RequantizeOp::create(b, op.getLoc(), typeOf(*q).clone(*out), *q)
                .getResult();
      inputs.push_back(*q);
    }
    quantized[op.getOutput()] = ConcatOp::create(
        b, op.getLoc(), op.getType().clone(*out), inputs, op.getAxisAttr());
    replaced.insert(op);
    return success();
  }

  //--- Stitching -----------------------------------------------------------

  /// Warns (once, naming the first) of layers whose int32 accumulator is
  /// not proven free of overflow: the integer semantics wrap there.
  void warnOfOverflow(func::FuncOp func) {
    Operation *first = nullptr;
    int64_t count = 0, firstBound = 0;
    func.walk([&](Operation *op) {
      std::optional<int64_t> bound = accumulatorBound(op);
      if (!bound || *bound <= std::numeric_limits<int32_t>::max())
        return;
      if (!count++) {
        first = op;
        firstBound = *bound;
      }
    });
    if (first)
      first->emitWarning("the int32 accumulator of this layer can reach ")
          << firstBound << " for some inputs of its storage range and wrap ("
          << count << " layer(s) in all; the report's accumulator_bits "
          << "gives each)";
  }

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
