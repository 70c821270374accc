//===- Interpreter.cpp - The reference interpreter ------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Compiling a function turns every op into a step: a closure over its slot
// numbers and everything that can be computed before the first run
// (attributes, shapes, index tables, quantization parameters). Running is
// then a loop over steps, each a typed loop over a whole tensor.
//
// Semantics (docs/Interpreter.md):
//  * float ops compute in float32 as the ONNX reference does;
//  * quantize / dequantize follow ONNX QuantizeLinear / DequantizeLinear;
//  * a convolution, matmul or fully connected op on quantized operands
//    accumulates (x - zx) * (w - zw) exactly in int32; a quantized result is
//    then rint(acc * float(sx * sw / sy) + zy), saturated (ONNX QLinearConv);
//  * requantize is qcc's normative fixed-point requantization
//    (include/qcc/Support/FixedPoint.h, docs/IntegerSemantics.md);
//  * every other op on quantized tensors computes on the dequantized values
//    and quantizes its result, rounding half to even. Ops that only move
//    data (reshape, transpose, pad, concat of equal types, max pooling,
//    nearest resize) move the stored integers unchanged.
//
//===----------------------------------------------------------------------===//

#include "qcc/Interpreter/Interpreter.h"
#include "Kernels.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Runtime/fixed_point.h"
#include "qcc/Support/FixedPoint.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <cstring>
#include <limits>

using namespace mlir;
using llvm::ArrayRef;
using llvm::SmallVector;

namespace qcc {

namespace {

using Slots = std::vector<Tensor>;
using StepFn = std::function<void(Slots &)>;

//===----------------------------------------------------------------------===//
// Types and quantization parameters
//===----------------------------------------------------------------------===//

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<ShapedType>(v.getType()).getShape();
}
Type elementOf(Value v) {
  return cast<ShapedType>(v.getType()).getElementType();
}
bool isQuantized(Value v) { return isa<quant::QuantizedType>(elementOf(v)); }

/// Scale, zero point and storage range of a quantized element type, with
/// per-axis parameters indexed along `axis`.
struct QuantInfo {
  SmallVector<float> scales;
  SmallVector<double> scalesExact;
  SmallVector<int64_t> zeroPoints;
  int64_t axis = -1;
  int64_t qmin = 0, qmax = 0;
  DType dtype = DType::I8;
  Type expressed;

  static QuantInfo get(quant::QuantizedType type) {
    QuantInfo info;
    info.qmin = type.getStorageTypeMin();
    info.qmax = type.getStorageTypeMax();
    info.dtype = *dtypeOf(type);
    info.expressed = type.getExpressedType();
    if (auto uniform = dyn_cast<quant::UniformQuantizedType>(type)) {
      info.scalesExact = {uniform.getScale()};
      info.zeroPoints = {uniform.getZeroPoint()};
    } else {
      auto perAxis = cast<quant::UniformQuantizedPerAxisType>(type);
      info.scalesExact.assign(perAxis.getScales().begin(),
                              perAxis.getScales().end());
      info.zeroPoints.assign(perAxis.getZeroPoints().begin(),
                             perAxis.getZeroPoints().end());
      info.axis = perAxis.getQuantizedDimension();
    }
    for (double s : info.scalesExact)
      info.scales.push_back(static_cast<float>(s));
    return info;
  }

  /// Per-element parameter index for a tensor of `shape`.
  int64_t channelOf(int64_t index, ArrayRef<int64_t> shape) const {
    if (axis < 0)
      return 0;
    int64_t inner = shapeProduct(shape.drop_front(axis + 1));
    return index / inner % shape[axis];
  }
};

double roundWith(double value, RoundingMode mode) {
  switch (mode) {
  case RoundingMode::HalfToEven:
    return std::nearbyint(value);
  case RoundingMode::HalfAwayFromZero:
    return std::round(value);
  case RoundingMode::HalfUp:
    return std::floor(value + 0.5);
  }
  llvm_unreachable("unknown rounding mode");
}

/// ONNX casts a double to the storage type after clipping; NaN becomes 0.
template <typename T> T saturate(double value, int64_t qmin, int64_t qmax) {
  if (std::isnan(value))
    return 0;
  return static_cast<T>(std::clamp<double>(value, qmin, qmax));
}

Tensor dequantize(const Tensor &q, const QuantInfo &info) {
  Tensor result(DType::F32, q.shape());
  float *out = result.data<float>();
  visitDType(q.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T *in = q.data<T>();
    for (int64_t i = 0, n = q.numElements(); i < n; ++i) {
      int64_t c = info.channelOf(i, q.shape());
      out[i] =
          (static_cast<float>(in[i]) - static_cast<float>(info.zeroPoints[c])) *
          info.scales[c];
    }
  });
  return result;
}

Tensor quantize(const Tensor &x, const QuantInfo &info, RoundingMode mode) {
  Tensor result(info.dtype, x.shape());
  const float *in = x.data<float>();
  visitDType(info.dtype, [&](auto tag) {
    using T = decltype(tag);
    T *out = result.data<T>();
    for (int64_t i = 0, n = x.numElements(); i < n; ++i) {
      int64_t c = info.channelOf(i, x.shape());
      double q = roundWith(in[i] / info.scales[c], mode) + info.zeroPoints[c];
      out[i] = saturate<T>(q, info.qmin, info.qmax);
    }
  });
  return result;
}

//===----------------------------------------------------------------------===//
// Shapes and indexing
//===----------------------------------------------------------------------===//

SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// Strides (in elements) with which an operand of `shape` is read when
/// broadcast to `out` (0 along broadcast dimensions).
SmallVector<int64_t> broadcastStrides(ArrayRef<int64_t> shape,
                                      ArrayRef<int64_t> out) {
  SmallVector<int64_t> strides(out.size(), 0);
  SmallVector<int64_t> own = stridesOf(shape);
  size_t offset = out.size() - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    strides[offset + d] = shape[d] == 1 ? 0 : own[d];
  return strides;
}

/// out[i] = f(a[...], b[...]) with numpy broadcasting, row by row.
template <typename A, typename B, typename O, typename F>
void broadcastApply(const A *a, ArrayRef<int64_t> aStrides, const B *b,
                    ArrayRef<int64_t> bStrides, O *out,
                    ArrayRef<int64_t> outShape, F f) {
  int64_t rank = outShape.size();
  int64_t inner = rank ? outShape.back() : 1;
  int64_t total = shapeProduct(outShape);
  if (inner == 0 || total == 0)
    return;
  int64_t aInner = rank ? aStrides.back() : 0,
          bInner = rank ? bStrides.back() : 0;
  for (int64_t row = 0, rows = total / inner; row < rows; ++row) {
    int64_t aOffset = 0, bOffset = 0, rest = row;
    for (int64_t d = rank - 2; d >= 0; --d) {
      int64_t coord = rest % outShape[d];
      rest /= outShape[d];
      aOffset += coord * aStrides[d];
      bOffset += coord * bStrides[d];
    }
    O *o = out + row * inner;
    for (int64_t j = 0; j < inner; ++j)
      o[j] = f(a[aOffset + j * aInner], b[bOffset + j * bInner]);
  }
}

/// A tensor gathered element by element: result[i] = input[sources[i]],
/// or `fill` (one element) where sources[i] is -1.
Tensor gather(const Tensor &input, ArrayRef<int64_t> shape,
              ArrayRef<int64_t> sources, const Tensor &fill = Tensor()) {
  Tensor result(input.dtype(), shape);
  size_t size = dtypeSize(input.dtype());
  const auto *in = static_cast<const uint8_t *>(input.raw());
  const auto *fillBytes = static_cast<const uint8_t *>(fill.raw());
  auto *out = static_cast<uint8_t *>(result.raw());
  for (size_t i = 0; i < sources.size(); ++i)
    std::memcpy(out + i * size,
                sources[i] < 0 ? fillBytes : in + sources[i] * size, size);
  return result;
}

/// A real value as one element of `element` (quantized: its stored value,
/// rounded half to even; integers saturate; NaN is 0).
Tensor fillValue(Type element, double value) {
  DType dtype = *dtypeOf(element);
  Tensor fill(dtype, {1});
  if (auto q = dyn_cast<quant::UniformQuantizedType>(element)) {
    Tensor real(DType::F32, {1});
    real.data<float>()[0] = value;
    return quantize(real, QuantInfo::get(q), RoundingMode::HalfToEven);
  }
  visitDType(dtype, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      fill.data<T>()[0] = static_cast<T>(value);
    } else {
      double v = std::isnan(value) ? 0 : std::nearbyint(value);
      fill.data<T>()[0] =
          v <= static_cast<double>(std::numeric_limits<T>::lowest())
              ? std::numeric_limits<T>::lowest()
          : v >= static_cast<double>(std::numeric_limits<T>::max())
              ? std::numeric_limits<T>::max()
              : static_cast<T>(v);
    }
  });
  return fill;
}

//===----------------------------------------------------------------------===//
// Float functions
//===----------------------------------------------------------------------===//

/// The float computation of an elementwise unary op.
std::function<float(float)> unaryFunction(Operation *op) {
  return llvm::TypeSwitch<Operation *, std::function<float(float)>>(op)
      .Case([](ReluOp) { return [](float x) { return x > 0 ? x : 0.0f; }; })
      .Case([](SigmoidOp) {
        return [](float x) { return 1.0f / (1.0f + std::exp(-x)); };
      })
      .Case([](TanhOp) { return [](float x) { return std::tanh(x); }; })
      .Case([](ErfOp) { return [](float x) { return std::erf(x); }; })
      .Case([](HardSwishOp) {
        return [](float x) {
          return x * std::max(0.0f, std::min(1.0f, x / 6.0f + 0.5f));
        };
      })
      .Case([](LeakyReluOp op) {
        float alpha = op.getAlpha().convertToFloat();
        return [alpha](float x) { return x < 0 ? alpha * x : x; };
      })
      .Case([](HardSigmoidOp op) {
        float alpha = op.getAlpha().convertToFloat();
        float beta = op.getBeta().convertToFloat();
        return [alpha, beta](float x) {
          return std::max(0.0f, std::min(1.0f, alpha * x + beta));
        };
      })
      .Case([](GeluOp op) -> std::function<float(float)> {
        if (op.getApproximate() == GeluApproximation::Tanh)
          return [](float x) {
            constexpr float k = 0.7978845608028654f; // sqrt(2 / pi)
            return 0.5f * x *
                   (1.0f + std::tanh(k * (x + 0.044715f * x * x * x)));
          };
        return [](float x) {
          return 0.5f * x * (1.0f + std::erf(x / std::sqrt(2.0f)));
        };
      })
      .Case([](ClipOp op) {
        float lo = op.getMin() ? op.getMin()->convertToDouble()
                               : -std::numeric_limits<float>::infinity();
        float hi = op.getMax() ? op.getMax()->convertToDouble()
                               : std::numeric_limits<float>::infinity();
        return [lo, hi](float x) { return std::min(std::max(x, lo), hi); };
      })
      .Default([](Operation *) { return nullptr; });
}

/// The float function of a fused activation.
std::function<float(float)> activationFunction(ActivationAttr act) {
  if (!act)
    return nullptr;
  float lo = act.getMin().convertToFloat(), hi = act.getMax().convertToFloat();
  float alpha = act.getAlpha().convertToFloat();
  switch (act.getKind()) {
  case ActivationKind::Relu:
    return [](float x) { return x > 0 ? x : 0.0f; };
  case ActivationKind::Clip:
    return [lo, hi](float x) { return std::min(std::max(x, lo), hi); };
  case ActivationKind::LeakyRelu:
    return [alpha](float x) { return x < 0 ? alpha * x : x; };
  case ActivationKind::Sigmoid:
    return [](float x) { return 1.0f / (1.0f + std::exp(-x)); };
  case ActivationKind::Tanh:
    return [](float x) { return std::tanh(x); };
  case ActivationKind::HardSwish:
    return [](float x) {
      return x * std::max(0.0f, std::min(1.0f, x / 6.0f + 0.5f));
    };
  }
  llvm_unreachable("unknown activation");
}

void applyInPlace(Tensor &t, const std::function<float(float)> &f) {
  if (!f)
    return;
  float *data = t.data<float>();
  for (int64_t i = 0, n = t.numElements(); i < n; ++i)
    data[i] = f(data[i]);
}

/// The input coordinate that output coordinate `o` of a resize samples
/// (ONNX Resize's coordinate_transformation_mode).
double sourceCoordinate(CoordinateTransform mode, int64_t o, int64_t in,
                        int64_t out, double scale,
                        std::optional<ArrayRef<float>> roi, int64_t d) {
  switch (mode) {
  case CoordinateTransform::HalfPixel:
    return (o + 0.5) / scale - 0.5;
  case CoordinateTransform::HalfPixelSymmetric: {
    double adjustment = out / (scale * in);
    return in / 2.0 * (1 - adjustment) + (o + 0.5) / scale - 0.5;
  }
  case CoordinateTransform::PytorchHalfPixel:
    return out > 1 ? (o + 0.5) / scale - 0.5 : 0.0;
  case CoordinateTransform::AlignCorners:
    return out == 1 ? 0.0 : o * static_cast<double>(in - 1) / (out - 1);
  case CoordinateTransform::Asymmetric:
    return o / scale;
  case CoordinateTransform::TfCropAndResize: {
    size_t rank = roi->size() / 2;
    double start = (*roi)[d], end = (*roi)[rank + d];
    return out > 1 ? start * (in - 1) + o * (end - start) * (in - 1) / (out - 1)
                   : 0.5 * (start + end) * (in - 1);
  }
  }
  llvm_unreachable("unknown coordinate transform");
}

//===----------------------------------------------------------------------===//
// The compiler
//===----------------------------------------------------------------------===//

int64_t im2colElements(Conv2DOp op);

/// A float computation: reads float32 operands, returns a float32 result.
using FloatFn = std::function<Tensor(ArrayRef<const Tensor *>)>;

class Compiler {
public:
  explicit Compiler(func::FuncOp func) : func(func) {}

  LogicalResult compile();

  func::FuncOp func;
  llvm::DenseMap<Value, unsigned> slotOf;
  std::vector<std::pair<unsigned, Tensor>> constants;
  struct Step {
    StepFn fn;
    SmallVector<std::pair<Value, unsigned>> results;
  };
  std::vector<Step> steps;
  SmallVector<unsigned> argSlots, resultSlots;

private:
  unsigned slot(Value v) {
    auto [it, inserted] = slotOf.try_emplace(v, slotOf.size());
    return it->second;
  }
  LogicalResult compileOp(Operation *op);
  LogicalResult checkTypes(Operation *op);

  /// Wraps a float computation for an op whose operands or result may be
  /// quantized: dequantize, compute, quantize (half to even).
  StepFn viaFloat(Operation *op, FloatFn fn);

  FailureOr<FloatFn> floatFunction(Operation *op);
  FailureOr<StepFn> contraction(Operation *op);
  FailureOr<StepFn> dataMovement(Operation *op);
  FailureOr<StepFn> integerElementwise(Operation *op);
  StepFn layerNorm(LayerNormOp op);
  StepFn quantizedClamp(Operation *op);
  StepFn table(TableOp op);
  FailureOr<StepFn> quantizedBinary(Operation *op);
  StepFn quantizedGlobalAvgPool(GlobalAvgPoolOp op);
  StepFn quantizedSoftmax(SoftmaxOp op);
  FailureOr<StepFn> quantizedLayerNorm(LayerNormOp op);
};

LogicalResult Compiler::compile() {
  if (!func.getBody().hasOneBlock())
    return func.emitError("the interpreter runs single-block functions");
  Block &body = func.getBody().front();
  for (BlockArgument arg : body.getArguments())
    argSlots.push_back(slot(arg));
  for (Operation &op : body) {
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      for (Value v : ret.getOperands())
        resultSlots.push_back(slot(v));
      continue;
    }
    if (failed(checkTypes(&op)) || failed(compileOp(&op)))
      return failure();
  }
  return success();
}

LogicalResult Compiler::checkTypes(Operation *op) {
  if (auto conv = dyn_cast<Conv2DOp>(op);
      conv && im2colElements(conv) > (int64_t(1) << 31))
    return op->emitOpError("the interpreter cannot hold the im2col buffer "
                           "of this convolution");
  for (Type type :
       llvm::concat<const Type>(op->getOperandTypes(), op->getResultTypes())) {
    auto shaped = dyn_cast<RankedTensorType>(type);
    if (!shaped)
      return op->emitOpError("the interpreter needs ranked tensors, got ")
             << type;
    if (!shaped.hasStaticShape())
      return op->emitOpError("the interpreter needs static shapes, got ")
             << type << " (fix the input shapes with --input-shape)";
    int64_t elements = 1;
    for (int64_t size : shaped.getShape())
      if (llvm::MulOverflow(elements, size, elements) ||
          elements > (int64_t(1) << 31))
        return op->emitOpError("the interpreter cannot hold a tensor of type ")
               << type;
    Type element = shaped.getElementType();
    std::optional<DType> dtype = dtypeOf(element);
    if (!dtype || *dtype == DType::F16 || *dtype == DType::BF16 ||
        *dtype == DType::F64)
      return op->emitOpError("the interpreter does not support element type ")
             << element;
    if (auto q = dyn_cast<quant::QuantizedType>(element);
        q && !q.getExpressedType().isF32() && !q.getExpressedType().isF16())
      return op->emitOpError("the interpreter does not support expressed type ")
             << q.getExpressedType();
  }
  return success();
}

StepFn Compiler::viaFloat(Operation *op, FloatFn fn) {
  SmallVector<unsigned> in;
  SmallVector<std::optional<QuantInfo>> inQuant;
  for (Value v : op->getOperands()) {
    in.push_back(slot(v));
    auto q = dyn_cast<quant::QuantizedType>(elementOf(v));
    inQuant.push_back(q ? std::optional(QuantInfo::get(q)) : std::nullopt);
  }
  unsigned out = slot(op->getResult(0));
  auto q = dyn_cast<quant::QuantizedType>(elementOf(op->getResult(0)));
  std::optional<QuantInfo> outQuant =
      q ? std::optional(QuantInfo::get(q)) : std::nullopt;
  return [=](Slots &slots) {
    SmallVector<Tensor, 4> converted(in.size());
    SmallVector<const Tensor *, 4> args;
    for (size_t i = 0; i < in.size(); ++i) {
      if (inQuant[i]) {
        converted[i] = dequantize(slots[in[i]], *inQuant[i]);
        args.push_back(&converted[i]);
      } else {
        args.push_back(&slots[in[i]]);
      }
    }
    Tensor result = fn(args);
    slots[out] = outQuant
                     ? quantize(result, *outQuant, RoundingMode::HalfToEven)
                     : std::move(result);
  };
}

LogicalResult Compiler::compileOp(Operation *op) {
  if (auto constant = dyn_cast<ConstantOp>(op)) {
    std::optional<Tensor> value = Tensor::fromAttr(constant.getValue());
    if (!value)
      return op->emitOpError("the interpreter cannot read this constant");
    constants.push_back({slot(constant), std::move(*value)});
    return success();
  }
  if (!isa<QccDialect>(op->getDialect()) || op->getNumResults() == 0)
    return op->emitOpError("is not supported by the interpreter");
  FailureOr<StepFn> fn = failure();
  bool anyQuantized = llvm::any_of(op->getOperands(), isQuantized) ||
                      llvm::any_of(op->getResults(), isQuantized);
  bool anyInteger = llvm::any_of(op->getOperands(), [](Value v) {
    return isa<IntegerType>(elementOf(v));
  });
  bool sameQuantized =
      isa<ReluOp, ClipOp>(op) &&
      isa<quant::UniformQuantizedType>(elementOf(op->getOperand(0))) &&
      op->getOperand(0).getType() == op->getResult(0).getType();
  auto perTensor = [](Value v) {
    return isa<quant::UniformQuantizedType>(elementOf(v));
  };
  bool allPerTensor = llvm::all_of(op->getOperands(), perTensor) &&
                      llvm::all_of(op->getResults(), perTensor);
  if (auto t = dyn_cast<TableOp>(op)) {
    fn = table(t);
  } else if (isa<AddOp, SubOp, MulOp>(op) && allPerTensor) {
    fn = quantizedBinary(op);
  } else if (auto pool = dyn_cast<GlobalAvgPoolOp>(op); pool && allPerTensor) {
    fn = quantizedGlobalAvgPool(pool);
  } else if (auto softmax = dyn_cast<SoftmaxOp>(op);
             softmax && isIntegerSoftmax(softmax)) {
    fn = quantizedSoftmax(softmax);
  } else if (auto ln = dyn_cast<LayerNormOp>(op)) {
    fn = isQuantized(ln.getInput()) ? quantizedLayerNorm(ln) : layerNorm(ln);
  } else if (sameQuantized) {
    fn = quantizedClamp(op);
  } else if (isa<Conv2DOp, ConvTranspose2DOp, MatMulOp, FullyConnectedOp>(op) &&
             (anyQuantized || anyInteger)) {
    fn = contraction(op);
  } else if (isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, StorageCastOp,
                 TransposeOp, PadOp, ConcatOp, MaxPool2DOp, QuantizeOp,
                 DequantizeOp, RequantizeOp, DynamicQuantizeOp>(op) ||
             (isa<ResizeOp>(op) &&
              cast<ResizeOp>(op).getMode() == ResizeMode::Nearest)) {
    fn = dataMovement(op);
  } else if (anyInteger && !anyQuantized) {
    fn = integerElementwise(op);
  } else {
    FailureOr<FloatFn> floatFn = floatFunction(op);
    if (succeeded(floatFn)) {
      if (anyQuantized) {
        fn = viaFloat(op, *floatFn);
      } else {
        SmallVector<unsigned> in;
        for (Value v : op->getOperands())
          in.push_back(slot(v));
        unsigned out = slot(op->getResult(0));
        FloatFn f = *floatFn;
        fn = StepFn([=](Slots &slots) {
          SmallVector<const Tensor *, 4> args;
          for (unsigned s : in)
            args.push_back(&slots[s]);
          slots[out] = f(args);
        });
      }
    }
  }
  if (failed(fn))
    return failure();
  Step step{std::move(*fn), {}};
  for (Value result : op->getResults())
    step.results.push_back({result, slot(result)});
  steps.push_back(std::move(step));
  return success();
}

//===----------------------------------------------------------------------===//
// Float ops
//===----------------------------------------------------------------------===//

/// For each position of a layer norm's normalized block, the offset of its
/// element of `param` (scale or bias, broadcast to the block); all 0
/// without it.
static SmallVector<int64_t> layerNormOffsets(LayerNormOp ln, Value param) {
  ArrayRef<int64_t> normalized =
      shapeOf(ln.getInput()).drop_front(ln.getAxis());
  int64_t size = shapeProduct(normalized);
  SmallVector<int64_t> index(size, 0);
  if (!param)
    return index;
  SmallVector<int64_t> normStrides = stridesOf(normalized);
  SmallVector<int64_t> strides = broadcastStrides(shapeOf(param), normalized);
  for (int64_t j = 0; j < size; ++j)
    for (size_t d = 0; d < normalized.size(); ++d)
      index[j] += j / normStrides[d] % normalized[d] * strides[d];
  return index;
}

StepFn Compiler::layerNorm(LayerNormOp ln) {
  SmallVector<int64_t> shape(shapeOf(ln.getInput()));
  int64_t axis = ln.getAxis();
  int64_t size = shapeProduct(ArrayRef(shape).drop_front(axis));
  int64_t outer = shapeProduct(ArrayRef(shape).take_front(axis));
  SmallVector<int64_t> scaleIndex = layerNormOffsets(ln, ln.getScale()),
                       biasIndex = layerNormOffsets(ln, ln.getBias());
  float epsilon = ln.getEpsilon().convertToFloat();
  unsigned in = slot(ln.getInput()), scaleSlot = slot(ln.getScale());
  std::optional<unsigned> biasSlot, meanSlot, invStdSlot;
  if (ln.getBias())
    biasSlot = slot(ln.getBias());
  if (ln.getMean())
    meanSlot = slot(ln.getMean());
  if (ln.getInvStdDev())
    invStdSlot = slot(ln.getInvStdDev());
  unsigned out = slot(ln.getOutput());
  SmallVector<int64_t> statsShape(shape);
  std::fill(statsShape.begin() + axis, statsShape.end(), 1);
  return [=](Slots &slots) {
    Tensor y(DType::F32, shape);
    Tensor meanOut(DType::F32, statsShape), invStdOut(DType::F32, statsShape);
    const float *x = slots[in].data<float>();
    const float *scale = slots[scaleSlot].data<float>();
    const float *bias = biasSlot ? slots[*biasSlot].data<float>() : nullptr;
    for (int64_t o = 0; o < outer; ++o) {
      const float *row = x + o * size;
      float mean = 0;
      for (int64_t j = 0; j < size; ++j)
        mean += row[j];
      mean /= size;
      float variance = 0;
      for (int64_t j = 0; j < size; ++j)
        variance += (row[j] - mean) * (row[j] - mean);
      variance /= size;
      float invStd = 1.0f / std::sqrt(variance + epsilon);
      meanOut.data<float>()[o] = mean;
      invStdOut.data<float>()[o] = invStd;
      for (int64_t j = 0; j < size; ++j)
        y.data<float>()[o * size + j] =
            (row[j] - mean) * invStd * scale[scaleIndex[j]] +
            (bias ? bias[biasIndex[j]] : 0.0f);
    }
    slots[out] = std::move(y);
    if (meanSlot)
      slots[*meanSlot] = std::move(meanOut);
    if (invStdSlot)
      slots[*invStdSlot] = std::move(invStdOut);
  };
}

/// Scratch an im2col convolution needs, in elements.
int64_t im2colElements(Conv2DOp op) {
  ArrayRef<int64_t> w = shapeOf(op.getWeight()), out = shapeOf(op.getOutput());
  int64_t elements = 1;
  for (int64_t size : {w[1], w[2], w[3], out[2], out[3]})
    if (llvm::MulOverflow(elements, size, elements))
      return std::numeric_limits<int64_t>::max();
  return elements;
}

/// The geometry of a convolution or transposed convolution with
/// `outChannels` output channels.
template <typename ConvOp>
kernels::Conv2DShape convGeometry(ConvOp op, int64_t outChannels) {
  ArrayRef<int64_t> in = shapeOf(op.getInput()), w = shapeOf(op.getWeight()),
                    out = shapeOf(op.getOutput());
  return {in[0],
          in[1],
          in[2],
          in[3],
          outChannels,
          w[2],
          w[3],
          out[2],
          out[3],
          static_cast<int64_t>(op.getGroups()),
          op.getStrides()[0],
          op.getStrides()[1],
          op.getDilations()[0],
          op.getDilations()[1],
          op.getPads()[0],
          op.getPads()[1]};
}

kernels::Conv2DShape convTransposeShape(ConvTranspose2DOp op) {
  return convGeometry(op, shapeOf(op.getOutput())[1]);
}

kernels::Conv2DShape convShape(Conv2DOp op) {
  return convGeometry(op, shapeOf(op.getWeight())[0]);
}

/// A float convolution or transposed convolution of geometry `shape`
/// computed by `kernel`, then its fused activation.
template <typename ConvOp>
FloatFn floatConvolution(ConvOp conv, kernels::Conv2DShape shape,
                         void (*kernel)(const float *, const float *,
                                        const float *, float *,
                                        const kernels::Conv2DShape &)) {
  SmallVector<int64_t> outShape(shapeOf(conv.getOutput()));
  std::function<float(float)> act =
      activationFunction(conv.getFusedActivationAttr());
  bool hasBias = static_cast<bool>(conv.getBias());
  return [=](ArrayRef<const Tensor *> in) {
    Tensor out(DType::F32, outShape);
    kernel(in[0]->data<float>(), in[1]->data<float>(),
           hasBias ? in[2]->data<float>() : nullptr, out.data<float>(), shape);
    applyInPlace(out, act);
    return out;
  };
}

/// The kernel taps k in [0, kernel) of output position `o` whose input
/// position o * stride - pad + k * dilation lies in [lo, hi).
std::pair<int64_t, int64_t> tapRange(int64_t o, int64_t stride, int64_t pad,
                                     int64_t dilation, int64_t kernel,
                                     int64_t lo, int64_t hi) {
  int64_t start = o * stride - pad;
  // Smallest k with start + k * dilation >= lo; largest with < hi.
  int64_t first = lo <= start ? 0 : (lo - start + dilation - 1) / dilation;
  int64_t last = hi <= start ? -1 : (hi - 1 - start) / dilation;
  return {std::max<int64_t>(first, 0), std::min(last, kernel - 1)};
}

/// Pooling over an NCHW tensor: `combine` folds the values of one window;
/// `finish` gets the number of input positions and of positions in the
/// explicit padding (which count for count_include_pad; positions beyond
/// it, in ceil mode, never do). Only the taps that hit the input are
/// visited.
template <typename T, typename Init, typename Combine, typename Finish>
void pool2d(const T *x, T *y, ArrayRef<int64_t> in, ArrayRef<int64_t> out,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads, Init init,
            Combine combine, Finish finish) {
  int64_t planes = in[0] * in[1];
  for (int64_t p = 0; p < planes; ++p) {
    const T *plane = x + p * in[2] * in[3];
    T *target = y + p * out[2] * out[3];
    for (int64_t oh = 0; oh < out[2]; ++oh) {
      auto [kh0, kh1] =
          tapRange(oh, strides[0], pads[0], dilations[0], kernel[0], 0, in[2]);
      auto [ph0, ph1] = tapRange(oh, strides[0], pads[0], dilations[0],
                                 kernel[0], -pads[0], in[2] + pads[2]);
      for (int64_t ow = 0; ow < out[3]; ++ow) {
        auto [kw0, kw1] = tapRange(ow, strides[1], pads[1], dilations[1],
                                   kernel[1], 0, in[3]);
        auto [pw0, pw1] = tapRange(ow, strides[1], pads[1], dilations[1],
                                   kernel[1], -pads[1], in[3] + pads[3]);
        auto acc = init();
        for (int64_t kh = kh0; kh <= kh1; ++kh) {
          int64_t ih = oh * strides[0] - pads[0] + kh * dilations[0];
          for (int64_t kw = kw0; kw <= kw1; ++kw)
            acc = combine(acc, plane[ih * in[3] + ow * strides[1] - pads[1] +
                                     kw * dilations[1]]);
        }
        int64_t count = std::max<int64_t>(0, kh1 - kh0 + 1) *
                        std::max<int64_t>(0, kw1 - kw0 + 1);
        int64_t withPad = std::max<int64_t>(0, ph1 - ph0 + 1) *
                          std::max<int64_t>(0, pw1 - pw0 + 1);
        target[oh * out[3] + ow] = finish(acc, count, withPad);
      }
    }
  }
}

FailureOr<FloatFn> Compiler::floatFunction(Operation *op) {
  auto result = [&](Value v) { return SmallVector<int64_t>(shapeOf(v)); };
  if (std::function<float(float)> f = unaryFunction(op)) {
    return FloatFn([f](ArrayRef<const Tensor *> in) {
      Tensor out(DType::F32, in[0]->shape());
      const float *x = in[0]->data<float>();
      float *y = out.data<float>();
      for (int64_t i = 0, n = out.numElements(); i < n; ++i)
        y[i] = f(x[i]);
      return out;
    });
  }
  if (isa<AddOp, SubOp, MulOp, DivOp, PReluOp>(op)) {
    SmallVector<int64_t> outShape = result(op->getResult(0));
    SmallVector<int64_t> aStrides =
        broadcastStrides(shapeOf(op->getOperand(0)), outShape);
    SmallVector<int64_t> bStrides =
        broadcastStrides(shapeOf(op->getOperand(1)), outShape);
    std::function<float(float)> act;
    if (auto fusable = op->getAttrOfType<ActivationAttr>("fused_activation"))
      act = activationFunction(fusable);
    auto run = [=](auto f) {
      return FloatFn([=](ArrayRef<const Tensor *> in) {
        Tensor out(DType::F32, outShape);
        broadcastApply(in[0]->data<float>(), aStrides, in[1]->data<float>(),
                       bStrides, out.data<float>(), outShape, f);
        applyInPlace(out, act);
        return out;
      });
    };
    if (isa<AddOp>(op))
      return run([](float a, float b) { return a + b; });
    if (isa<SubOp>(op))
      return run([](float a, float b) { return a - b; });
    if (isa<MulOp>(op))
      return run([](float a, float b) { return a * b; });
    if (isa<DivOp>(op))
      return run([](float a, float b) { return a / b; });
    return run([](float x, float slope) { return x < 0 ? slope * x : x; });
  }
  if (auto conv = dyn_cast<Conv2DOp>(op))
    return floatConvolution(conv, convShape(conv), kernels::conv2d<float>);
  if (auto conv = dyn_cast<ConvTranspose2DOp>(op))
    return floatConvolution(conv, convTransposeShape(conv),
                            kernels::convTranspose2d<float>);
  if (auto fc = dyn_cast<FullyConnectedOp>(op)) {
    int64_t m = shapeOf(fc.getInput())[0], k = shapeOf(fc.getInput())[1];
    int64_t n = shapeOf(fc.getWeight())[0];
    std::function<float(float)> act =
        activationFunction(fc.getFusedActivationAttr());
    bool hasBias = static_cast<bool>(fc.getBias());
    return FloatFn([=](ArrayRef<const Tensor *> in) {
      Tensor out(DType::F32, {m, n});
      float *y = out.data<float>();
      if (hasBias)
        for (int64_t i = 0; i < m; ++i)
          std::memcpy(y + i * n, in[2]->data<float>(), n * sizeof(float));
      kernels::gemmTransposedB(m, n, k, in[0]->data<float>(),
                               in[1]->data<float>(), y);
      applyInPlace(out, act);
      return out;
    });
  }
  if (auto matmul = dyn_cast<MatMulOp>(op)) {
    SmallVector<int64_t> lhs(shapeOf(matmul.getLhs())),
        rhs(shapeOf(matmul.getRhs()));
    SmallVector<int64_t> outShape = result(matmul.getOutput());
    if (lhs.size() == 1)
      lhs.insert(lhs.begin(), 1);
    if (rhs.size() == 1)
      rhs.push_back(1);
    int64_t m = lhs[lhs.size() - 2], k = lhs.back(), n = rhs.back();
    SmallVector<int64_t> batch = *broadcastShapes(ArrayRef(lhs).drop_back(2),
                                                  ArrayRef(rhs).drop_back(2));
    // Matrix offsets of every batch element, for each operand.
    SmallVector<int64_t> lhsBatch(lhs.begin(), lhs.end() - 2),
        rhsBatch(rhs.begin(), rhs.end() - 2);
    SmallVector<int64_t> aStrides = broadcastStrides(lhsBatch, batch),
                         bStrides = broadcastStrides(rhsBatch, batch);
    SmallVector<int64_t> aOffsets, bOffsets;
    int64_t batches = shapeProduct(batch);
    SmallVector<int64_t> batchStrides = stridesOf(batch);
    for (int64_t i = 0; i < batches; ++i) {
      int64_t a = 0, b = 0;
      for (size_t d = 0; d < batch.size(); ++d) {
        int64_t coord = i / batchStrides[d] % batch[d];
        a += coord * aStrides[d];
        b += coord * bStrides[d];
      }
      aOffsets.push_back(a * m * k);
      bOffsets.push_back(b * k * n);
    }
    return FloatFn([=](ArrayRef<const Tensor *> in) {
      Tensor out(DType::F32, outShape);
      for (int64_t i = 0; i < batches; ++i)
        kernels::gemm(m, n, k, in[0]->data<float>() + aOffsets[i], k,
                      in[1]->data<float>() + bOffsets[i], n,
                      out.data<float>() + i * m * n, n);
      return out;
    });
  }
  if (auto pool = dyn_cast<AvgPool2DOp>(op)) {
    SmallVector<int64_t> in(shapeOf(pool.getInput())),
        out = result(pool.getOutput());
    SmallVector<int64_t> kernel(pool.getKernel()), strides(pool.getStrides()),
        dilations(pool.getDilations()), pads(pool.getPads());
    bool includePad = pool.getCountIncludePad();
    return FloatFn([=](ArrayRef<const Tensor *> args) {
      Tensor y(DType::F32, out);
      pool2d(
          args[0]->data<float>(), y.data<float>(), in, out, kernel, strides,
          dilations, pads, [] { return 0.0f; },
          [](float acc, float v) { return acc + v; },
          [includePad](float acc, int64_t count, int64_t withPad) {
            int64_t divisor = includePad ? withPad : count;
            return divisor ? acc / divisor : 0.0f;
          });
      return y;
    });
  }
  if (auto pool = dyn_cast<GlobalAvgPoolOp>(op)) {
    SmallVector<int64_t> in(shapeOf(pool.getInput())),
        out = result(pool.getOutput());
    int64_t planes = in[0] * in[1],
            size = shapeProduct(ArrayRef(in).drop_front(2));
    return FloatFn([=](ArrayRef<const Tensor *> args) {
      Tensor y(DType::F32, out);
      const float *x = args[0]->data<float>();
      for (int64_t p = 0; p < planes; ++p) {
        float sum = 0;
        for (int64_t i = 0; i < size; ++i)
          sum += x[p * size + i];
        y.data<float>()[p] = sum / size;
      }
      return y;
    });
  }
  if (auto bn = dyn_cast<BatchNormOp>(op)) {
    SmallVector<int64_t> shape(shapeOf(bn.getInput()));
    int64_t channels = shape[1],
            inner = shapeProduct(ArrayRef(shape).drop_front(2));
    float epsilon = bn.getEpsilon().convertToFloat();
    return FloatFn([=](ArrayRef<const Tensor *> in) {
      Tensor y(DType::F32, shape);
      const float *x = in[0]->data<float>(), *scale = in[1]->data<float>(),
                  *bias = in[2]->data<float>(), *mean = in[3]->data<float>(),
                  *var = in[4]->data<float>();
      for (int64_t i = 0, n = y.numElements(); i < n; ++i) {
        int64_t c = i / inner % channels;
        y.data<float>()[i] =
            (x[i] - mean[c]) / std::sqrt(var[c] + epsilon) * scale[c] + bias[c];
      }
      return y;
    });
  }
  if (auto softmax = dyn_cast<SoftmaxOp>(op)) {
    SmallVector<int64_t> shape(shapeOf(softmax.getInput()));
    int64_t axis = softmax.getAxis(), size = shape[axis];
    int64_t inner = shapeProduct(ArrayRef(shape).drop_front(axis + 1));
    int64_t outer = shapeProduct(ArrayRef(shape).take_front(axis));
    return FloatFn([=](ArrayRef<const Tensor *> in) {
      Tensor y(DType::F32, shape);
      const float *x = in[0]->data<float>();
      float *out = y.data<float>();
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t i = 0; i < inner; ++i) {
          int64_t base = o * size * inner + i;
          float max = -std::numeric_limits<float>::infinity();
          for (int64_t j = 0; j < size; ++j)
            max = std::max(max, x[base + j * inner]);
          float sum = 0;
          for (int64_t j = 0; j < size; ++j)
            sum += out[base + j * inner] = std::exp(x[base + j * inner] - max);
          for (int64_t j = 0; j < size; ++j)
            out[base + j * inner] /= sum;
        }
      return y;
    });
  }
  if (auto resize = dyn_cast<ResizeOp>(op)) {
    // Linear resize: per output element, a product of per-axis taps.
    SmallVector<int64_t> in(shapeOf(resize.getInput())),
        out = result(resize.getOutput());
    int64_t rank = in.size();
    SmallVector<float> scales(resize.getScales().value_or(ArrayRef<float>()));
    std::optional<ArrayRef<float>> roi = resize.getRoi();
    float extrapolation = resize.getExtrapolationValue().convertToFloat();
    CoordinateTransform mode = resize.getCoordinateTransform();
    struct Tap {
      int64_t lo, hi;
      float weight; // of hi
      bool outside;
    };
    std::vector<std::vector<Tap>> taps(rank);
    for (int64_t d = 0; d < rank; ++d) {
      double scale =
          scales.empty() ? static_cast<double>(out[d]) / in[d] : scales[d];
      for (int64_t o = 0; o < out[d]; ++o) {
        double x = sourceCoordinate(mode, o, in[d], out[d], scale, roi, d);
        bool outside = mode == CoordinateTransform::TfCropAndResize &&
                       (x < 0 || x > in[d] - 1);
        x = std::clamp(x, 0.0, static_cast<double>(in[d] - 1));
        int64_t lo = static_cast<int64_t>(std::floor(x));
        int64_t hi = std::min(lo + 1, in[d] - 1);
        taps[d].push_back({lo, hi, static_cast<float>(x - lo), outside});
      }
    }
    SmallVector<int64_t> inStrides = stridesOf(in), outStrides = stridesOf(out);
    return FloatFn([=](ArrayRef<const Tensor *> args) {
      Tensor y(DType::F32, out);
      const float *x = args[0]->data<float>();
      float *dst = y.data<float>();
      SmallVector<const Tap *, 4> current(rank);
      for (int64_t i = 0, n = y.numElements(); i < n; ++i) {
        bool outside = false;
        for (int64_t d = 0; d < rank; ++d) {
          current[d] = &taps[d][i / outStrides[d] % out[d]];
          outside |= current[d]->outside;
        }
        if (outside) {
          dst[i] = extrapolation;
          continue;
        }
        // Interpolate over the corners of the axes that have two taps.
        SmallVector<int64_t, 4> active;
        int64_t base = 0;
        for (int64_t d = 0; d < rank; ++d) {
          base += current[d]->lo * inStrides[d];
          if (current[d]->weight != 0)
            active.push_back(d);
        }
        float value = 0;
        for (int64_t corner = 0; corner < (int64_t(1) << active.size());
             ++corner) {
          float weight = 1;
          int64_t offset = base;
          for (auto [k, d] : llvm::enumerate(active)) {
            bool high = corner >> k & 1;
            weight *= high ? current[d]->weight : 1 - current[d]->weight;
            if (high)
              offset += (current[d]->hi - current[d]->lo) * inStrides[d];
          }
          value += weight * x[offset];
        }
        dst[i] = value;
      }
      return y;
    });
  }
  return op->emitOpError("is not supported by the interpreter"), failure();
}

//===----------------------------------------------------------------------===//
// Quantized and integer contractions
//===----------------------------------------------------------------------===//

/// float(sx * sw / sy) evaluated in the precision of the scales' float type,
/// as the ONNX reference does (float32, or float16 for half scales).
float requantMultiplier(double sx, double sw, double sy, Type expressed) {
  if (!expressed.isF16())
    return static_cast<float>(sx) * static_cast<float>(sw) /
           static_cast<float>(sy);
  bool lost;
  auto half = [&](double v) {
    llvm::APFloat f(v);
    f.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
              &lost);
    return f;
  };
  llvm::APFloat product = half(sx);
  product.multiply(half(sw), llvm::APFloat::rmNearestTiesToEven);
  product.divide(half(sy), llvm::APFloat::rmNearestTiesToEven);
  return product.convertToFloat();
}

/// Stored integers minus their zero points (per channel along `axis` of a
/// per-axis type), as int32.
Tensor centered(const Tensor &t, const std::optional<QuantInfo> &info) {
  Tensor result(DType::I32, t.shape());
  int32_t *out = result.data<int32_t>();
  visitDType(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T *in = t.data<T>();
    for (int64_t i = 0, n = t.numElements(); i < n; ++i)
      out[i] = static_cast<int32_t>(in[i]) -
               (info ? static_cast<int32_t>(
                           info->zeroPoints[info->channelOf(i, t.shape())])
                     : 0);
  });
  return result;
}

FailureOr<StepFn> Compiler::contraction(Operation *op) {
  Value x = op->getOperand(0), w = op->getOperand(1);
  Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
  Value y = op->getResult(0);
  if (auto act = op->getAttrOfType<ActivationAttr>("fused_activation"))
    return op->emitOpError("the interpreter does not support a fused "
                           "activation on an integer contraction yet"),
           failure();
  auto infoOf = [](Value v) -> std::optional<QuantInfo> {
    if (auto q = dyn_cast<quant::QuantizedType>(elementOf(v)))
      return QuantInfo::get(q);
    return std::nullopt;
  };
  std::optional<QuantInfo> xq = infoOf(x), wq = infoOf(w), yq = infoOf(y);
  if (xq && xq->axis >= 0)
    return op->emitOpError("the interpreter needs a per-tensor quantized "
                           "input"),
           failure();
  SmallVector<int64_t> outShape(shapeOf(y));
  int64_t total = shapeProduct(outShape);
  // Output channel of every result element, and the per-channel multiplier.
  std::function<int64_t(int64_t)> channelOf;
  int64_t channels = 1;
  StepFn accumulate;
  unsigned xs = slot(x), ws = slot(w);
  std::optional<unsigned> bs;
  if (bias)
    bs = slot(bias);
  auto loadBias = [bs](Slots &slots) -> const int32_t * {
    return bs ? slots[*bs].data<int32_t>() : nullptr;
  };
  std::function<Tensor(Slots &)> compute;
  if (auto conv = dyn_cast<ConvTranspose2DOp>(op)) {
    kernels::Conv2DShape shape = convTransposeShape(conv);
    int64_t spatial = shape.out_h * shape.out_w;
    channels = shape.features;
    channelOf = [=](int64_t i) { return i / spatial % channels; };
    compute = [=](Slots &slots) {
      Tensor acc(DType::I32, outShape);
      Tensor xc = centered(slots[xs], xq), wc = centered(slots[ws], wq);
      kernels::convTranspose2d(xc.data<int32_t>(), wc.data<int32_t>(),
                               loadBias(slots), acc.data<int32_t>(), shape);
      return acc;
    };
  } else if (auto conv = dyn_cast<Conv2DOp>(op)) {
    kernels::Conv2DShape shape = convShape(conv);
    int64_t spatial = shape.out_h * shape.out_w;
    channels = shape.features;
    channelOf = [=](int64_t i) { return i / spatial % channels; };
    compute = [=](Slots &slots) {
      Tensor acc(DType::I32, outShape);
      Tensor xc = centered(slots[xs], xq), wc = centered(slots[ws], wq);
      kernels::conv2d(xc.data<int32_t>(), wc.data<int32_t>(), loadBias(slots),
                      acc.data<int32_t>(), shape);
      return acc;
    };
  } else if (auto fc = dyn_cast<FullyConnectedOp>(op)) {
    int64_t m = shapeOf(x)[0], k = shapeOf(x)[1], n = shapeOf(w)[0];
    channels = n;
    channelOf = [=](int64_t i) { return i % n; };
    compute = [=](Slots &slots) {
      Tensor acc(DType::I32, outShape);
      if (const int32_t *b = loadBias(slots))
        for (int64_t i = 0; i < m; ++i)
          std::copy(b, b + n, acc.data<int32_t>() + i * n);
      Tensor xc = centered(slots[xs], xq), wc = centered(slots[ws], wq);
      kernels::gemmTransposedB(m, n, k, xc.data<int32_t>(), wc.data<int32_t>(),
                               acc.data<int32_t>());
      return acc;
    };
  } else {
    SmallVector<int64_t> lhs(shapeOf(x)), rhs(shapeOf(w));
    if (lhs.size() == 1)
      lhs.insert(lhs.begin(), 1);
    if (rhs.size() == 1)
      rhs.push_back(1);
    int64_t m = lhs[lhs.size() - 2], k = lhs.back(), n = rhs.back();
    SmallVector<int64_t> batch = *broadcastShapes(ArrayRef(lhs).drop_back(2),
                                                  ArrayRef(rhs).drop_back(2));
    SmallVector<int64_t> aStrides = broadcastStrides(ArrayRef(lhs).drop_back(2),
                                                     batch),
                         bStrides = broadcastStrides(ArrayRef(rhs).drop_back(2),
                                                     batch);
    SmallVector<int64_t> batchStrides = stridesOf(batch);
    int64_t batches = shapeProduct(batch);
    channels = n;
    channelOf = [=](int64_t i) { return i % n; };
    compute = [=](Slots &slots) {
      Tensor acc(DType::I32, outShape);
      Tensor xc = centered(slots[xs], xq), wc = centered(slots[ws], wq);
      for (int64_t i = 0; i < batches; ++i) {
        int64_t a = 0, b = 0;
        for (size_t d = 0; d < batch.size(); ++d) {
          int64_t coord = i / batchStrides[d] % batch[d];
          a += coord * aStrides[d];
          b += coord * bStrides[d];
        }
        kernels::gemm(m, n, k, xc.data<int32_t>() + a * m * k, k,
                      wc.data<int32_t>() + b * k * n, n,
                      acc.data<int32_t>() + i * m * n, n);
      }
      return acc;
    };
  }
  unsigned out = slot(y);
  if (!yq)
    return StepFn([=](Slots &slots) { slots[out] = compute(slots); });
  if (!xq || !wq)
    return op->emitOpError("the interpreter needs quantized operands for a "
                           "quantized result"),
           failure();
  SmallVector<double> multipliers;
  for (int64_t c = 0; c < channels; ++c)
    multipliers.push_back(requantMultiplier(
        xq->scalesExact[0], wq->scalesExact[wq->axis >= 0 ? c : 0],
        yq->scalesExact[0], yq->expressed));
  QuantInfo result = *yq;
  return StepFn([=](Slots &slots) {
    Tensor acc = compute(slots);
    Tensor q(result.dtype, outShape);
    const int32_t *a = acc.data<int32_t>();
    visitDType(result.dtype, [&](auto tag) {
      using T = decltype(tag);
      T *dst = q.data<T>();
      for (int64_t i = 0; i < total; ++i)
        dst[i] = saturate<T>(std::nearbyint(a[i] * multipliers[channelOf(i)] +
                                            result.zeroPoints[0]),
                             result.qmin, result.qmax);
    });
    slots[out] = std::move(q);
  });
}

//===----------------------------------------------------------------------===//
// Data movement and quantization
//===----------------------------------------------------------------------===//

/// Source element of every element of a padded tensor (-1: the fill value).
std::vector<int64_t> padSources(ArrayRef<int64_t> in, ArrayRef<int64_t> out,
                                ArrayRef<int64_t> pads, PadMode mode) {
  int64_t rank = in.size();
  SmallVector<int64_t> inStrides = stridesOf(in), outStrides = stridesOf(out);
  std::vector<int64_t> sources(shapeProduct(out));
  for (int64_t i = 0, n = sources.size(); i < n; ++i) {
    int64_t source = 0;
    for (int64_t d = 0; d < rank && source >= 0; ++d) {
      int64_t c = i / outStrides[d] % out[d] - pads[d], size = in[d];
      if (c < 0 || c >= size) {
        switch (mode) {
        case PadMode::Constant:
          source = -1;
          continue;
        case PadMode::Edge:
          c = std::clamp<int64_t>(c, 0, size - 1);
          break;
        case PadMode::Reflect: {
          int64_t period = 2 * (size - 1);
          c = period ? ((c % period) + period) % period : 0;
          c = c >= size ? period - c : c;
          break;
        }
        case PadMode::Wrap:
          c = ((c % size) + size) % size;
          break;
        }
      }
      source += c * inStrides[d];
    }
    sources[i] = source;
  }
  return sources;
}

/// Source element of every element of a nearest-neighbour resize; -1 for
/// samples outside the input (tf_crop_and_resize: the extrapolation value).
std::vector<int64_t> nearestSources(ResizeOp op) {
  SmallVector<int64_t> in(shapeOf(op.getInput())), out(shapeOf(op.getOutput()));
  int64_t rank = in.size();
  std::vector<std::vector<int64_t>> index = nearestIndices(op);
  SmallVector<int64_t> inStrides = stridesOf(in), outStrides = stridesOf(out);
  std::vector<int64_t> sources(shapeProduct(out));
  for (int64_t i = 0, n = sources.size(); i < n; ++i) {
    int64_t source = 0;
    for (int64_t d = 0; d < rank && source >= 0; ++d) {
      int64_t at = index[d][i / outStrides[d] % out[d]];
      source = at < 0 ? -1 : source + at * inStrides[d];
    }
    sources[i] = source;
  }
  return sources;
}

FailureOr<StepFn> Compiler::dataMovement(Operation *op) {
  unsigned out = slot(op->getResult(0));
  SmallVector<int64_t> outShape(shapeOf(op->getResult(0)));
  if (isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, StorageCastOp>(op)) {
    unsigned in = slot(op->getOperand(0));
    return StepFn(
        [=](Slots &slots) { slots[out] = slots[in].reshaped(outShape); });
  }
  if (auto transpose = dyn_cast<TransposeOp>(op)) {
    SmallVector<int64_t> in(shapeOf(transpose.getInput()));
    SmallVector<int64_t> perms(transpose.getPerms());
    SmallVector<int64_t> inStrides = stridesOf(in),
                         outStrides = stridesOf(outShape);
    std::vector<int64_t> sources(shapeProduct(outShape));
    for (int64_t i = 0, n = sources.size(); i < n; ++i) {
      int64_t source = 0;
      for (size_t d = 0; d < perms.size(); ++d)
        source += i / outStrides[d] % outShape[d] * inStrides[perms[d]];
      sources[i] = source;
    }
    unsigned src = slot(transpose.getInput());
    return StepFn([=](Slots &slots) {
      slots[out] = gather(slots[src], outShape, sources);
    });
  }
  if (auto resize = dyn_cast<ResizeOp>(op)) {
    std::vector<int64_t> sources = nearestSources(resize);
    unsigned src = slot(resize.getInput());
    Tensor fill = fillValue(elementOf(resize.getInput()),
                            resize.getExtrapolationValue().convertToDouble());
    return StepFn([=](Slots &slots) {
      slots[out] = gather(slots[src], outShape, sources, fill);
    });
  }
  if (auto pad = dyn_cast<PadOp>(op)) {
    std::vector<int64_t> sources = padSources(shapeOf(pad.getInput()), outShape,
                                              pad.getPads(), pad.getMode());
    Type element = elementOf(pad.getInput());
    if (isa<quant::UniformQuantizedPerAxisType>(element))
      return op->emitOpError("the interpreter cannot pad a per-axis "
                             "quantized tensor"),
             failure();
    DType dtype = *dtypeOf(element);
    Tensor fill = fillValue(element, pad.getValue().convertToDouble());
    unsigned src = slot(pad.getInput());
    size_t size = dtypeSize(dtype);
    return StepFn([=](Slots &slots) {
      Tensor result(dtype, outShape);
      const auto *in = static_cast<const uint8_t *>(slots[src].raw());
      auto *dst = static_cast<uint8_t *>(result.raw());
      const auto *fillBytes = static_cast<const uint8_t *>(fill.raw());
      for (size_t i = 0; i < sources.size(); ++i)
        std::memcpy(dst + i * size,
                    sources[i] < 0 ? fillBytes : in + sources[i] * size, size);
      slots[out] = std::move(result);
    });
  }
  if (auto concat = dyn_cast<ConcatOp>(op)) {
    int64_t axis = concat.getAxis();
    SmallVector<unsigned> in;
    SmallVector<int64_t> chunks; // elements per outer index, per input
    bool sameTypes = true;
    for (Value v : concat.getInputs()) {
      in.push_back(slot(v));
      chunks.push_back(shapeProduct(shapeOf(v).drop_front(axis)));
      sameTypes &= elementOf(v) == elementOf(concat.getOutput());
    }
    int64_t outer = shapeProduct(ArrayRef(outShape).take_front(axis));
    DType dtype = *dtypeOf(elementOf(concat.getOutput()));
    auto join = [=](ArrayRef<const Tensor *> parts, DType type) {
      Tensor result(type, outShape);
      size_t size = dtypeSize(type);
      auto *dst = static_cast<uint8_t *>(result.raw());
      for (int64_t o = 0; o < outer; ++o)
        for (size_t p = 0; p < parts.size(); ++p) {
          size_t bytes = chunks[p] * size;
          std::memcpy(dst,
                      static_cast<const uint8_t *>(parts[p]->raw()) + o * bytes,
                      bytes);
          dst += bytes;
        }
      return result;
    };
    if (!sameTypes)
      return viaFloat(op, [=](ArrayRef<const Tensor *> parts) {
        return join(parts, DType::F32);
      });
    return StepFn([=](Slots &slots) {
      SmallVector<const Tensor *> parts;
      for (unsigned s : in)
        parts.push_back(&slots[s]);
      slots[out] = join(parts, dtype);
    });
  }
  if (auto pool = dyn_cast<MaxPool2DOp>(op)) {
    SmallVector<int64_t> in(shapeOf(pool.getInput()));
    SmallVector<int64_t> kernel(pool.getKernel()), strides(pool.getStrides()),
        dilations(pool.getDilations()), pads(pool.getPads());
    DType dtype = *dtypeOf(elementOf(pool.getInput()));
    unsigned src = slot(pool.getInput());
    return StepFn([=](Slots &slots) {
      Tensor result(dtype, outShape);
      visitDType(dtype, [&](auto tag) {
        using T = decltype(tag);
        pool2d(
            slots[src].data<T>(), result.data<T>(), in, outShape, kernel,
            strides, dilations, pads,
            [] { return std::numeric_limits<T>::lowest(); },
            [](T acc, T v) { return std::max(acc, v); },
            [](T acc, int64_t, int64_t) { return acc; });
      });
      slots[out] = std::move(result);
    });
  }
  unsigned src = slot(op->getOperand(0));
  if (auto q = dyn_cast<QuantizeOp>(op)) {
    QuantInfo info =
        QuantInfo::get(cast<quant::QuantizedType>(elementOf(q.getOutput())));
    RoundingMode mode = q.getRounding();
    return StepFn(
        [=](Slots &slots) { slots[out] = quantize(slots[src], info, mode); });
  }
  if (auto dq = dyn_cast<DequantizeOp>(op)) {
    QuantInfo info =
        QuantInfo::get(cast<quant::QuantizedType>(elementOf(dq.getInput())));
    return StepFn(
        [=](Slots &slots) { slots[out] = dequantize(slots[src], info); });
  }
  if (auto rq = dyn_cast<RequantizeOp>(op)) {
    // qcc's normative fixed-point requantization, one multiplier per
    // channel of a per-axis input or result.
    QuantInfo from =
        QuantInfo::get(cast<quant::QuantizedType>(elementOf(rq.getInput())));
    QuantInfo to =
        QuantInfo::get(cast<quant::QuantizedType>(elementOf(rq.getOutput())));
    const QuantInfo &axisInfo = from.axis >= 0 ? from : to;
    SmallVector<FixedPointMultiplier> multipliers = requantizeMultipliers(rq);
    return StepFn([=](Slots &slots) {
      const Tensor &in = slots[src];
      Tensor result(to.dtype, outShape);
      visitDTypes(in.dtype(), to.dtype, [&](auto inTag, auto outTag) {
        using In = decltype(inTag);
        using Out = decltype(outTag);
        const In *x = in.data<In>();
        Out *y = result.data<Out>();
        for (int64_t i = 0, n = result.numElements(); i < n; ++i) {
          int64_t c = axisInfo.channelOf(i, outShape);
          int64_t centered = static_cast<int64_t>(x[i]) -
                             from.zeroPoints[from.axis >= 0 ? c : 0];
          y[i] = static_cast<Out>(qcc::requantize(
              static_cast<int32_t>(std::clamp<int64_t>(
                  centered, std::numeric_limits<int32_t>::min(),
                  std::numeric_limits<int32_t>::max())),
              multipliers[c], to.zeroPoints[to.axis >= 0 ? c : 0], to.qmin,
              to.qmax));
        }
      });
      slots[out] = std::move(result);
    });
  }
  auto dynamic = cast<DynamicQuantizeOp>(op);
  unsigned scaleSlot = slot(dynamic.getScale()),
           zeroSlot = slot(dynamic.getZeroPoint());
  return StepFn([=](Slots &slots) {
    const Tensor &x = slots[src];
    const float *in = x.data<float>();
    float lo = 0, hi = 0;
    for (int64_t i = 0, n = x.numElements(); i < n; ++i) {
      if (std::isnan(in[i]))
        continue;
      lo = std::min(lo, in[i]);
      hi = std::max(hi, in[i]);
    }
    float scale = (hi == lo ? 1.0f : hi - lo) / 255.0f;
    if (!std::isfinite(scale))
      scale = std::numeric_limits<float>::max();
    float zero = std::nearbyint(std::clamp(0.0f - lo / scale, 0.0f, 255.0f));
    Tensor q(DType::U8, x.shape()), s(DType::F32, {}), z(DType::U8, {});
    for (int64_t i = 0, n = x.numElements(); i < n; ++i)
      q.data<uint8_t>()[i] =
          saturate<uint8_t>(std::nearbyint(in[i] / scale) + zero, 0, 255);
    s.data<float>()[0] = scale;
    z.data<uint8_t>()[0] = static_cast<uint8_t>(zero);
    slots[out] = std::move(q);
    slots[scaleSlot] = std::move(s);
    slots[zeroSlot] = std::move(z);
  });
}

/// relu / clip on a quantized tensor that keeps its parameters: a clamp of
/// the stored values to the quantized bounds (rounded half to even).
StepFn Compiler::quantizedClamp(Operation *op) {
  auto type = cast<quant::UniformQuantizedType>(elementOf(op->getOperand(0)));
  std::pair<int64_t, int64_t> bounds = quantizedClampBounds(op);
  int64_t qlo = bounds.first, qhi = bounds.second;
  DType dtype = *dtypeOf(type);
  unsigned src = slot(op->getOperand(0)), out = slot(op->getResult(0));
  SmallVector<int64_t> shape(shapeOf(op->getResult(0)));
  return [=](Slots &slots) {
    Tensor result(dtype, shape);
    visitDType(dtype, [&](auto tag) {
      using T = decltype(tag);
      const T *x = slots[src].data<T>();
      T *y = result.data<T>();
      for (int64_t i = 0, n = result.numElements(); i < n; ++i)
        y[i] = static_cast<T>(
            std::clamp<int64_t>(static_cast<int64_t>(x[i]), qlo, qhi));
    });
    slots[out] = std::move(result);
  };
}

StepFn Compiler::table(TableOp op) {
  auto in = cast<quant::UniformQuantizedType>(elementOf(op.getInput()));
  int64_t qmin = in.getStorageTypeMin();
  DType inType = *dtypeOf(in), outType = *dtypeOf(elementOf(op.getOutput()));
  unsigned src = slot(op.getInput()), entries = slot(op.getTable()),
           out = slot(op.getOutput());
  SmallVector<int64_t> shape(shapeOf(op.getOutput()));
  return [=](Slots &slots) {
    Tensor result(outType, shape);
    size_t size = dtypeSize(outType);
    const auto *t = static_cast<const uint8_t *>(slots[entries].raw());
    auto *y = static_cast<uint8_t *>(result.raw());
    visitDType(inType, [&](auto tag) {
      using T = decltype(tag);
      const T *x = slots[src].data<T>();
      for (int64_t i = 0, n = result.numElements(); i < n; ++i)
        std::memcpy(y + i * size,
                    t + (static_cast<int64_t>(x[i]) - qmin) * size, size);
    });
    slots[out] = std::move(result);
  };
}

FailureOr<StepFn> Compiler::quantizedBinary(Operation *op) {
  FailureOr<qcc_rt::BinaryParams> p = quantizedBinaryParameters(op);
  if (failed(p))
    return failure();
  SmallVector<int64_t> outShape(shapeOf(op->getResult(0)));
  SmallVector<int64_t> aStrides =
      broadcastStrides(shapeOf(op->getOperand(0)), outShape);
  SmallVector<int64_t> bStrides =
      broadcastStrides(shapeOf(op->getOperand(1)), outShape);
  unsigned sa = slot(op->getOperand(0)), sb = slot(op->getOperand(1)),
           out = slot(op->getResult(0));
  DType aType = *dtypeOf(elementOf(op->getOperand(0))),
        bType = *dtypeOf(elementOf(op->getOperand(1))),
        outType = *dtypeOf(elementOf(op->getResult(0)));
  qcc_rt::BinaryParams params = *p;
  return StepFn([=](Slots &slots) {
    Tensor result(outType, outShape);
    visitDType(aType, [&](auto aTag) {
      using A = decltype(aTag);
      visitDType(bType, [&](auto bTag) {
        using B = decltype(bTag);
        visitDType(outType, [&](auto yTag) {
          using Y = decltype(yTag);
          broadcastApply(slots[sa].data<A>(), aStrides, slots[sb].data<B>(),
                         bStrides, result.data<Y>(), outShape, [&](A x, B w) {
                           return static_cast<Y>(
                               qcc_rt::binary_element(x, w, params));
                         });
        });
      });
    });
    slots[out] = std::move(result);
  });
}

/// softmax in integers (qcc_rt::softmax, softmaxExponentials).
StepFn Compiler::quantizedSoftmax(SoftmaxOp op) {
  auto in = cast<quant::UniformQuantizedType>(elementOf(op.getInput()));
  auto outType = cast<quant::UniformQuantizedType>(elementOf(op.getOutput()));
  std::vector<int32_t> exps = softmaxExponentials(op);
  SmallVector<int64_t> shape(shapeOf(op.getInput()));
  int64_t axis = op.getAxis(), size = shape[axis];
  int64_t inner = shapeProduct(ArrayRef(shape).drop_front(axis + 1));
  int64_t outer = shapeProduct(ArrayRef(shape).take_front(axis));
  int32_t bits = outType.getStorageTypeIntegralWidth();
  int32_t qmin = outType.getStorageTypeMin(),
          qmax = outType.getStorageTypeMax();
  DType inDType = *dtypeOf(in), outDType = *dtypeOf(outType);
  unsigned src = slot(op.getInput()), out = slot(op.getOutput());
  return [=](Slots &slots) {
    Tensor result(outDType, shape);
    visitDTypes(inDType, outDType, [&](auto inTag, auto outTag) {
      using In = decltype(inTag);
      using Out = decltype(outTag);
      qcc_rt::softmax(slots[src].data<In>(), result.data<Out>(), outer, size,
                      inner, exps.data(), bits, qmin, qmax);
    });
    slots[out] = std::move(result);
  };
}

/// layer norm in integers (qcc_rt::layer_norm, layerNormParameters).
FailureOr<StepFn> Compiler::quantizedLayerNorm(LayerNormOp ln) {
  FailureOr<LayerNormParameters> params = layerNormParameters(ln);
  if (failed(params))
    return failure();
  LayerNormParameters p = std::move(*params);
  SmallVector<int64_t> shape(shapeOf(ln.getInput()));
  DType inDType = *dtypeOf(elementOf(ln.getInput())),
        outDType = *dtypeOf(elementOf(ln.getOutput()));
  unsigned src = slot(ln.getInput()), out = slot(ln.getOutput());
  return StepFn([=](Slots &slots) {
    Tensor result(outDType, shape);
    visitDTypes(inDType, outDType, [&](auto inTag, auto outTag) {
      using In = decltype(inTag);
      using Out = decltype(outTag);
      qcc_rt::layer_norm(slots[src].data<In>(), result.data<Out>(), p.rows,
                         p.size, p.zx, p.epsilon, p.signs.data(),
                         p.multipliers.data(), p.shifts.data(), p.biases.data(),
                         p.zy, p.qmin, p.qmax);
    });
    slots[out] = std::move(result);
  });
}

StepFn Compiler::quantizedGlobalAvgPool(GlobalAvgPoolOp op) {
  auto in = cast<quant::UniformQuantizedType>(elementOf(op.getInput()));
  auto y = cast<quant::UniformQuantizedType>(elementOf(op.getOutput()));
  SmallVector<int64_t> inShape(shapeOf(op.getInput())),
      outShape(shapeOf(op.getOutput()));
  int64_t planes = inShape[0] * inShape[1];
  int64_t size = shapeProduct(ArrayRef(inShape).drop_front(2));
  FixedPointMultiplier multiplier = globalAvgPoolMultiplier(op);
  int32_t zin = in.getZeroPoint(), zy = y.getZeroPoint();
  int32_t qmin = y.getStorageTypeMin(), qmax = y.getStorageTypeMax();
  DType inType = *dtypeOf(in), outType = *dtypeOf(y);
  unsigned src = slot(op.getInput()), out = slot(op.getOutput());
  return [=](Slots &slots) {
    Tensor result(outType, outShape);
    visitDTypes(inType, outType, [&](auto inTag, auto outTag) {
      using In = decltype(inTag);
      using Out = decltype(outTag);
      qcc_rt::global_avg_pool(slots[src].data<In>(), result.data<Out>(), planes,
                              size, zin, multiplier.multiplier,
                              multiplier.shift, zy, qmin, qmax);
    });
    slots[out] = std::move(result);
  };
}

//===----------------------------------------------------------------------===//
// Integer elementwise ops (ONNX's integer Add, Div, Relu, Clip, ...)
//===----------------------------------------------------------------------===//

template <typename T> T wrapAdd(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
}
template <typename T> T wrapSub(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) - static_cast<U>(b));
}
template <typename T> T wrapMul(T a, T b) {
  using U = std::make_unsigned_t<T>;
  // Promote narrow types so that the product is not done in (signed) int.
  using W = std::conditional_t<(sizeof(U) < sizeof(unsigned)), unsigned, U>;
  return static_cast<T>(static_cast<W>(static_cast<U>(a)) *
                        static_cast<W>(static_cast<U>(b)));
}
/// Truncating division; x / 0 is 0 and MIN / -1 wraps (both undefined in
/// ONNX, defined here so that no input can crash the interpreter).
template <typename T> T truncDiv(T a, T b) {
  if (b == 0)
    return 0;
  if constexpr (std::is_signed_v<T>)
    if (b == -1)
      return wrapSub<T>(0, a);
  return a / b;
}

FailureOr<StepFn> Compiler::integerElementwise(Operation *op) {
  unsigned out = slot(op->getResult(0));
  SmallVector<int64_t> outShape(shapeOf(op->getResult(0)));
  DType dtype = *dtypeOf(elementOf(op->getResult(0)));
  if (isa<AddOp, SubOp, MulOp, DivOp>(op)) {
    if (op->getAttr("fused_activation"))
      return op->emitOpError("the interpreter does not support a fused "
                             "activation on integers"),
             failure();
    SmallVector<int64_t> aStrides =
        broadcastStrides(shapeOf(op->getOperand(0)), outShape);
    SmallVector<int64_t> bStrides =
        broadcastStrides(shapeOf(op->getOperand(1)), outShape);
    unsigned a = slot(op->getOperand(0)), b = slot(op->getOperand(1));
    int kind = isa<AddOp>(op) ? 0 : isa<SubOp>(op) ? 1 : isa<MulOp>(op) ? 2 : 3;
    return StepFn([=](Slots &slots) {
      Tensor result(dtype, outShape);
      visitDType(dtype, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_integral_v<T>) {
          const T *x = slots[a].data<T>(), *y = slots[b].data<T>();
          T *dst = result.data<T>();
          switch (kind) {
          case 0:
            broadcastApply(x, aStrides, y, bStrides, dst, outShape, wrapAdd<T>);
            break;
          case 1:
            broadcastApply(x, aStrides, y, bStrides, dst, outShape, wrapSub<T>);
            break;
          case 2:
            broadcastApply(x, aStrides, y, bStrides, dst, outShape, wrapMul<T>);
            break;
          default:
            broadcastApply(x, aStrides, y, bStrides, dst, outShape,
                           truncDiv<T>);
          }
        }
      });
      slots[out] = std::move(result);
    });
  }
  if (isa<ReluOp, ClipOp>(op)) {
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    if (auto clip = dyn_cast<ClipOp>(op)) {
      lo = clip.getMin() ? clip.getMin()->convertToDouble()
                         : -std::numeric_limits<double>::infinity();
      hi = clip.getMax() ? clip.getMax()->convertToDouble() : hi;
    }
    unsigned src = slot(op->getOperand(0));
    return StepFn([=](Slots &slots) {
      Tensor result(dtype, outShape);
      visitDType(dtype, [&](auto tag) {
        using T = decltype(tag);
        // The bounds in T (they are integral: the verifier checks it).
        auto bound = [](double v) {
          return v <= static_cast<double>(std::numeric_limits<T>::lowest())
                     ? std::numeric_limits<T>::lowest()
                 : v >= static_cast<double>(std::numeric_limits<T>::max())
                     ? std::numeric_limits<T>::max()
                     : static_cast<T>(v);
        };
        T tlo = bound(lo), thi = bound(hi);
        const T *x = slots[src].data<T>();
        T *dst = result.data<T>();
        // ONNX Clip: min first, then max (so min > max gives max).
        for (int64_t i = 0, n = result.numElements(); i < n; ++i)
          dst[i] = std::min(std::max(x[i], tlo), thi);
      });
      slots[out] = std::move(result);
    });
  }
  return op->emitOpError("the interpreter does not support this op on "
                         "integer tensors"),
         failure();
}

} // namespace

//===----------------------------------------------------------------------===//
// Program
//===----------------------------------------------------------------------===//

SmallVector<Tensor> runInputs(ArrayRef<Tensor> batches, int64_t runs,
                              int64_t run) {
  SmallVector<Tensor> inputs;
  for (const Tensor &batch : batches) {
    int64_t rows = batch.shape()[0] / runs;
    inputs.push_back(batch.sliceOuter(run * rows, (run + 1) * rows));
  }
  return inputs;
}

std::pair<int64_t, int64_t> quantizedClampBounds(Operation *op) {
  auto type = cast<quant::UniformQuantizedType>(elementOf(op->getOperand(0)));
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  if (isa<ReluOp>(op)) {
    lo = 0;
  } else {
    auto clip = cast<ClipOp>(op);
    if (clip.getMin())
      lo = clip.getMin()->convertToDouble();
    if (clip.getMax())
      hi = clip.getMax()->convertToDouble();
  }
  auto bound = [&](double real) {
    double q = std::nearbyint(real / type.getScale()) + type.getZeroPoint();
    return std::clamp<double>(q, type.getStorageTypeMin(),
                              type.getStorageTypeMax());
  };
  return {static_cast<int64_t>(bound(lo)), static_cast<int64_t>(bound(hi))};
}

SmallVector<FixedPointMultiplier> requantizeMultipliers(Operation *op) {
  auto rq = cast<RequantizeOp>(op);
  QuantInfo from =
      QuantInfo::get(cast<quant::QuantizedType>(elementOf(rq.getInput())));
  QuantInfo to =
      QuantInfo::get(cast<quant::QuantizedType>(elementOf(rq.getOutput())));
  size_t channels = std::max(from.scalesExact.size(), to.scalesExact.size());
  SmallVector<FixedPointMultiplier> multipliers;
  for (size_t c = 0; c < channels; ++c)
    multipliers.push_back(FixedPointMultiplier::fromReal(
        from.scalesExact[from.axis >= 0 ? c : 0] /
        to.scalesExact[to.axis >= 0 ? c : 0]));
  return multipliers;
}

FailureOr<qcc_rt::BinaryParams> quantizedBinaryParameters(Operation *op) {
  auto type = [&](Value v) {
    return cast<quant::UniformQuantizedType>(elementOf(v));
  };
  quant::UniformQuantizedType a = type(op->getOperand(0)),
                              b = type(op->getOperand(1)),
                              y = type(op->getResult(0));
  qcc_rt::BinaryParams p = {};
  p.qmin = y.getStorageTypeMin();
  p.qmax = y.getStorageTypeMax();
  if (auto act = op->getAttrOfType<ActivationAttr>("fused_activation")) {
    if (act.getKind() != ActivationKind::Relu &&
        act.getKind() != ActivationKind::Clip)
      return op->emitOpError("supports only relu and clip as fused "
                             "activations of quantized arithmetic"),
             failure();
    double lo = act.getKind() == ActivationKind::Relu
                    ? 0.0
                    : act.getMin().convertToDouble();
    auto bound = [&](double real) {
      return static_cast<int32_t>(std::clamp<double>(
          std::nearbyint(real / y.getScale()) + y.getZeroPoint(), p.qmin,
          p.qmax));
    };
    p.qmin = std::max(p.qmin, bound(lo));
    if (act.getKind() == ActivationKind::Clip)
      p.qmax = std::min(p.qmax, bound(act.getMax().convertToDouble()));
  }
  p.za = a.getZeroPoint();
  p.zb = b.getZeroPoint();
  p.zy = y.getZeroPoint();
  p.mul = isa<MulOp>(op);
  p.subtract = isa<SubOp>(op);
  auto set = [](FixedPointMultiplier m, int32_t &multiplier, int32_t &shift) {
    multiplier = m.multiplier;
    shift = m.shift;
  };
  if (p.mul) {
    // Centered inputs of bits_a and bits_b bits have a product below
    // 2^(bits_a + bits_b): shifting it right by the excess over 31 bits
    // (rounding half up) makes it fit int32 exactly.
    p.shift = std::max<int32_t>(0, a.getStorageTypeIntegralWidth() +
                                       b.getStorageTypeIntegralWidth() - 31);
    set(FixedPointMultiplier::fromReal(
            std::ldexp(a.getScale() * b.getScale() / y.getScale(), p.shift)),
        p.multiplier, p.out_shift);
    return p;
  }
  // The left shift leaves headroom for the rescaled inputs.
  unsigned bits = std::max(a.getStorageTypeIntegralWidth(),
                           b.getStorageTypeIntegralWidth());
  p.shift = bits > 8 ? 14 : 20;
  double twice = 2 * std::max(a.getScale(), b.getScale());
  set(FixedPointMultiplier::fromReal(a.getScale() / twice), p.a_multiplier,
      p.a_shift);
  set(FixedPointMultiplier::fromReal(b.getScale() / twice), p.b_multiplier,
      p.b_shift);
  set(FixedPointMultiplier::fromReal(twice /
                                     (std::ldexp(1.0, p.shift) * y.getScale())),
      p.multiplier, p.out_shift);
  return p;
}

FixedPointMultiplier globalAvgPoolMultiplier(Operation *op) {
  auto in = cast<quant::UniformQuantizedType>(elementOf(op->getOperand(0)));
  auto y = cast<quant::UniformQuantizedType>(elementOf(op->getResult(0)));
  int64_t size = shapeProduct(shapeOf(op->getOperand(0)).drop_front(2));
  return FixedPointMultiplier::fromReal(
      in.getScale() / (y.getScale() * static_cast<double>(size)));
}

std::vector<int32_t> softmaxExponentials(Operation *op) {
  auto in = cast<quant::UniformQuantizedType>(elementOf(op->getOperand(0)));
  int64_t span = in.getStorageTypeMax() - in.getStorageTypeMin();
  std::vector<int32_t> exps(span + 1);
  for (int64_t d = 0; d <= span; ++d)
    exps[d] = static_cast<int32_t>(
        std::llround(std::ldexp(std::exp(-d * in.getScale()), 16)));
  return exps;
}

qcc_rt::Conv2DShape convolutionShape(Operation *op) {
  if (auto conv = dyn_cast<ConvTranspose2DOp>(op))
    return convTransposeShape(conv);
  return convShape(cast<Conv2DOp>(op));
}

std::vector<std::vector<int64_t>> nearestIndices(Operation *op) {
  auto resize = cast<ResizeOp>(op);
  SmallVector<int64_t> in(shapeOf(resize.getInput())),
      out(shapeOf(resize.getOutput()));
  int64_t rank = in.size();
  SmallVector<float> scales(resize.getScales().value_or(ArrayRef<float>()));
  CoordinateTransform mode = resize.getCoordinateTransform();
  std::vector<std::vector<int64_t>> index(rank);
  for (int64_t d = 0; d < rank; ++d) {
    double scale =
        scales.empty() ? static_cast<double>(out[d]) / in[d] : scales[d];
    for (int64_t o = 0; o < out[d]; ++o) {
      double x =
          sourceCoordinate(mode, o, in[d], out[d], scale, resize.getRoi(), d);
      if (mode == CoordinateTransform::TfCropAndResize &&
          (x < 0 || x > in[d] - 1)) {
        index[d].push_back(-1);
        continue;
      }
      double r;
      switch (resize.getNearestMode()) {
      case NearestMode::RoundPreferFloor:
        r = x == std::floor(x) + 0.5 ? std::floor(x) : std::round(x);
        break;
      case NearestMode::RoundPreferCeil:
        r = x == std::floor(x) + 0.5 ? std::ceil(x) : std::round(x);
        break;
      case NearestMode::Floor:
        r = std::floor(x);
        break;
      case NearestMode::Ceil:
        r = std::ceil(x);
        break;
      }
      index[d].push_back(std::clamp<int64_t>(
          static_cast<int64_t>(std::clamp<double>(r, -1, in[d])), 0,
          in[d] - 1));
    }
  }
  return index;
}

FailureOr<LayerNormParameters> layerNormParameters(Operation *op) {
  auto ln = cast<LayerNormOp>(op);
  auto in = cast<quant::UniformQuantizedType>(elementOf(ln.getInput()));
  auto y = cast<quant::UniformQuantizedType>(elementOf(ln.getOutput()));
  auto valuesOf = [](Value v) -> std::optional<std::vector<float>> {
    auto constant = v ? v.getDefiningOp<ConstantOp>() : ConstantOp();
    auto dense =
        constant ? dyn_cast<DenseElementsAttr>(constant.getValue()) : nullptr;
    if (!dense || !dense.getElementType().isF32())
      return std::nullopt;
    auto values = dense.getValues<float>();
    return std::vector<float>(values.begin(), values.end());
  };
  std::optional<std::vector<float>> scale = valuesOf(ln.getScale()),
                                    bias = valuesOf(ln.getBias());
  if (!scale || (ln.getBias() && !bias))
    return ln.emitOpError("on quantized tensors needs float32 constant scale "
                          "and bias"),
           failure();
  ArrayRef<int64_t> shape = shapeOf(ln.getInput());
  LayerNormParameters p;
  p.size = shapeProduct(shape.drop_front(ln.getAxis()));
  p.rows = shapeProduct(shape.take_front(ln.getAxis()));
  SmallVector<int64_t> scaleIndex = layerNormOffsets(ln, ln.getScale()),
                       biasIndex = layerNormOffsets(ln, ln.getBias());
  // Per position of the block: the sign of g, the multiplier of
  // |g| sqrt(N) / (s_y 2^30) and the rounded bias.
  double n = static_cast<double>(p.size);
  for (int64_t j = 0; j < p.size; ++j) {
    double g = (*scale)[scaleIndex[j]];
    p.signs.push_back(g < 0 ? -1 : 1);
    FixedPointMultiplier m = FixedPointMultiplier::fromReal(
        std::fabs(g) * std::sqrt(n) / (y.getScale() * std::ldexp(1.0, 30)));
    p.multipliers.push_back(m.multiplier);
    p.shifts.push_back(m.shift);
    double b = bias ? (*bias)[biasIndex[j]] / y.getScale() : 0.0;
    p.biases.push_back(static_cast<int32_t>(
        std::clamp<double>(std::nearbyint(b), -(1 << 30), 1 << 30)));
  }
  // The epsilon term, E = round(epsilon / s_x^2 * N^3).
  double epsilonTerm = ln.getEpsilon().convertToDouble() /
                       (in.getScale() * in.getScale()) * n * n * n;
  p.epsilon = static_cast<int64_t>(
      std::llround(std::min(epsilonTerm, std::ldexp(1.0, 62))));
  p.zx = in.getZeroPoint();
  p.zy = y.getZeroPoint();
  p.qmin = y.getStorageTypeMin();
  p.qmax = y.getStorageTypeMax();
  return p;
}

/// Whether a softmax on quantized tensors has qcc's integer form: a
/// per-tensor input of at most 16 bits and a result of scale 2^-bits and
/// zero point qmin (so that [0, 1) spans the storage range).
bool isIntegerSoftmax(Operation *op) {
  auto in = dyn_cast<quant::UniformQuantizedType>(elementOf(op->getOperand(0)));
  auto out = dyn_cast<quant::UniformQuantizedType>(elementOf(op->getResult(0)));
  return in && out && in.getStorageTypeIntegralWidth() <= 16 &&
         out.getZeroPoint() == out.getStorageTypeMin() &&
         out.getScale() ==
             std::ldexp(1.0,
                        -static_cast<int>(out.getStorageTypeIntegralWidth()));
}

Tensor dequantizeTensor(const Tensor &tensor, Type elementType) {
  auto q = dyn_cast<quant::QuantizedType>(elementType);
  return q ? dequantize(tensor, QuantInfo::get(q)) : tensor;
}

struct Program::Impl {
  func::FuncOp func;
  unsigned numSlots = 0;
  std::vector<std::pair<unsigned, Tensor>> constants;
  std::vector<Compiler::Step> steps;
  SmallVector<unsigned> argSlots, resultSlots;
};

Program::Program(std::unique_ptr<Impl> impl) : impl(std::move(impl)) {}
Program::Program(Program &&) = default;
Program &Program::operator=(Program &&) = default;
Program::~Program() = default;

func::FuncOp Program::getFunction() const { return impl->func; }

FailureOr<Program> Program::compile(func::FuncOp func) {
  Compiler compiler(func);
  if (failed(compiler.compile()))
    return failure();
  auto impl = std::make_unique<Impl>();
  impl->func = func;
  impl->numSlots = compiler.slotOf.size();
  impl->constants = std::move(compiler.constants);
  impl->steps = std::move(compiler.steps);
  impl->argSlots = compiler.argSlots;
  impl->resultSlots = compiler.resultSlots;
  return Program(std::move(impl));
}

std::vector<Tensor> Program::run(ArrayRef<Tensor> inputs,
                                 const Observer &observer) const {
  Slots slots(impl->numSlots);
  for (const auto &[slot, value] : impl->constants)
    slots[slot] = value;
  for (auto [slot, input] : llvm::zip_equal(impl->argSlots, inputs))
    slots[slot] = input;
  for (const Compiler::Step &step : impl->steps) {
    step.fn(slots);
    if (observer)
      for (auto [value, slot] : step.results)
        observer(value, slots[slot]);
  }
  std::vector<Tensor> results;
  for (unsigned slot : impl->resultSlots)
    results.push_back(slots[slot]);
  return results;
}

} // namespace qcc
