//===- QccOps.cpp - Operations of the qcc dialect ------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/SmallSet.h"

#include <cstring>
#include <numeric>

using namespace mlir;
using namespace qcc;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {

ArrayRef<int64_t> shapeOf(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

Type elementOf(Value value) {
  return cast<ShapedType>(value.getType()).getElementType();
}

/// Checks the declared result shape against the one the op's rule gives.
LogicalResult verifyResultShape(Operation *op, ArrayRef<int64_t> expected) {
  ArrayRef<int64_t> actual = shapeOf(op->getResult(0));
  if (shapesCompatible(actual, expected))
    return success();
  return op->emitOpError("result shape ")
         << formatShape(actual) << " should be " << formatShape(expected);
}

LogicalResult verifyRank(Operation *op, Value value, StringRef name,
                         int64_t rank) {
  int64_t actual = cast<ShapedType>(value.getType()).getRank();
  if (actual == rank)
    return success();
  return op->emitOpError("expects ")
         << name << " of rank " << rank << ", got rank " << actual;
}

LogicalResult verifyAxis(Operation *op, int64_t axis, int64_t rank,
                         StringRef name = "axis") {
  if (axis >= 0 && axis < rank)
    return success();
  return op->emitOpError() << name << " " << axis << " is outside [0, " << rank
                           << ")";
}

/// Strides and dilations positive, pads non-negative.
LogicalResult verifyWindow(Operation *op, ArrayRef<int64_t> strides,
                           ArrayRef<int64_t> dilations,
                           ArrayRef<int64_t> pads) {
  if (llvm::any_of(strides, [](int64_t s) { return s <= 0; }))
    return op->emitOpError("expects positive strides");
  if (llvm::any_of(dilations, [](int64_t d) { return d <= 0; }))
    return op->emitOpError("expects positive dilations");
  if (llvm::any_of(pads, [](int64_t p) { return p < 0; }))
    return op->emitOpError("expects non-negative pads");
  return success();
}

/// Output spatial sizes of an NCHW window op; `kernel` holds [KH, KW].
FailureOr<SmallVector<int64_t>>
windowShape(Operation *op, ArrayRef<int64_t> input, int64_t channels,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations, ArrayRef<int64_t> pads,
            bool ceilMode) {
  SmallVector<int64_t> shape = {input[0], channels};
  for (int i = 0; i < 2; ++i) {
    FailureOr<int64_t> size =
        windowOutputSize(input[2 + i], kernel[i], strides[i], dilations[i],
                         pads[i], pads[2 + i], ceilMode);
    if (failed(size)) {
      op->emitOpError("window of size ")
          << kernel[i] << " (dilation " << dilations[i]
          << ") does not fit spatial dimension " << i << " of size "
          << input[2 + i] << " with pads " << pads[i] << ", " << pads[2 + i];
      return failure();
    }
    shape.push_back(*size);
  }
  return shape;
}

bool isInteger(Type type) { return isa<IntegerType>(type); }

/// Whether `integer` is the storage type of `quantized`: signless `iN` for
/// signed storage, `uiN` for unsigned storage.
bool isStorageTypeOf(Type integer, quant::QuantizedType quantized) {
  auto type = dyn_cast<IntegerType>(integer);
  if (!type || type.getWidth() != quantized.getStorageTypeIntegralWidth())
    return false;
  return quantized.isSigned() ? type.isSignless() : type.isUnsigned();
}

/// The element type of a tensor moved by a data-movement op: the same as
/// the input's, except that a per-axis quantized axis moves with its
/// dimension, to a result axis for which `keepsAxis(resultAxis)` holds.
LogicalResult verifyMovedElementType(Operation *op, Value input,
                                     function_ref<bool(int64_t)> keepsAxis) {
  Type in = cast<ShapedType>(input.getType()).getElementType();
  Type out = cast<ShapedType>(op->getResult(0).getType()).getElementType();
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(in);
  if (!perAxis) {
    if (in == out)
      return success();
    return op->emitOpError("expects result element type ")
           << in << ", got " << out;
  }
  auto outAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(out);
  if (outAxis &&
      outAxis == quant::UniformQuantizedPerAxisType::get(
                     perAxis.getFlags(), perAxis.getStorageType(),
                     perAxis.getExpressedType(), perAxis.getScales(),
                     perAxis.getZeroPoints(), outAxis.getQuantizedDimension(),
                     perAxis.getStorageTypeMin(),
                     perAxis.getStorageTypeMax()) &&
      keepsAxis(outAxis.getQuantizedDimension()))
    return success();
  return op->emitOpError("expects the per-axis quantized type ")
         << in << " with its axis moved along with its dimension, got " << out;
}

/// Whether result dimension `outAxis` of a reshape is input dimension `axis`
/// kept whole: the same size, with as many elements before it (dynamic
/// sizes compared symbolically).
bool reshapeKeepsAxis(ArrayRef<int64_t> in, ArrayRef<int64_t> out, int64_t axis,
                      int64_t outAxis) {
  auto before = [](ArrayRef<int64_t> shape) {
    int64_t product = 1, dynamic = 0;
    for (int64_t size : shape)
      ShapedType::isDynamic(size) ? ++dynamic : product *= size;
    return std::make_pair(product, dynamic);
  };
  return outAxis < static_cast<int64_t>(out.size()) &&
         out[outAxis] == in[axis] &&
         before(out.take_front(outAxis)) == before(in.take_front(axis));
}

/// verifyMovedElementType for ops that only reshape.
LogicalResult verifyReshapedElementType(Operation *op, Value input) {
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(
      cast<ShapedType>(input.getType()).getElementType());
  int64_t axis = perAxis ? perAxis.getQuantizedDimension() : -1;
  ArrayRef<int64_t> in = shapeOf(input), out = shapeOf(op->getResult(0));
  return verifyMovedElementType(op, input, [&](int64_t outAxis) {
    return reshapeKeepsAxis(in, out, axis, outAxis);
  });
}

/// Element types of a contraction (convolution, matmul, fully connected):
///  * float input, weight, bias and result, all of one type;
///  * quantized input (per tensor) and weight (per tensor, or per axis along
///    `weightAxis`), a quantized or i32 result, an i32 or 32-bit quantized
///    bias, all quantized types of one expressed type;
///  * integer input and weight, i32 result and bias (ONNX ConvInteger and
///    MatMulInteger).
LogicalResult verifyContractionTypes(Operation *op, Value input, Value weight,
                                     Value bias, int64_t weightAxis) {
  Type in = elementOf(input), w = elementOf(weight);
  Type out = elementOf(op->getResult(0));
  Type b = bias ? elementOf(bias) : Type();
  StringRef withBias = op->getNumOperands() > 2 ? ", bias" : "";
  if (isa<FloatType>(in)) {
    if (w != in || out != in || (b && b != in))
      return op->emitOpError("expects float operands")
             << withBias << " and result of one type";
    return success();
  }
  auto isI32 = [](Type t) { return t.isSignlessInteger(32); };
  if (auto inQ = dyn_cast<quant::QuantizedType>(in)) {
    auto wQ = dyn_cast<quant::QuantizedType>(w);
    if (!wQ)
      return op->emitOpError("expects a quantized weight for a quantized "
                             "input");
    if (isa<quant::UniformQuantizedPerAxisType>(inQ))
      return op->emitOpError("expects a per-tensor quantized input");
    if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(wQ);
        perAxis && perAxis.getQuantizedDimension() != weightAxis)
      return op->emitOpError("expects the weight quantized per tensor")
             << (weightAxis >= 0 ? " or along axis " + Twine(weightAxis).str()
                                 : std::string())
             << ", got axis " << perAxis.getQuantizedDimension();
    Type expressed = inQ.getExpressedType();
    auto outQ = dyn_cast<quant::QuantizedType>(out);
    if (isa_and_present<quant::UniformQuantizedPerAxisType>(outQ))
      return op->emitOpError("expects a per-tensor quantized result (per "
                             "channel results come from a requantize)");
    if (!outQ && !isI32(out))
      return op->emitOpError("expects a quantized or i32 result for a "
                             "quantized input");
    auto bQ = dyn_cast_if_present<quant::QuantizedType>(b);
    if (b && !(bQ ? bQ.getStorageTypeIntegralWidth() == 32 : isI32(b)))
      return op->emitOpError("expects an i32 or 32-bit quantized bias for a "
                             "quantized input");
    for (quant::QuantizedType q : {wQ, outQ, bQ})
      if (q && q.getExpressedType() != expressed)
        return op->emitOpError("expects quantized types of one expressed "
                               "type, got ")
               << expressed << " and " << q.getExpressedType();
    return success();
  }
  if (!isInteger(w) || !isI32(out) || (b && !isI32(b)))
    return op->emitOpError("expects integer input and weight with i32")
           << (withBias.empty() ? "" : " bias and") << " result";
  return success();
}

LogicalResult verifyBias(Operation *op, Value bias, int64_t features) {
  if (!bias)
    return success();
  ArrayRef<int64_t> shape = shapeOf(bias);
  if (shape.size() != 1 || !sizesCompatible(shape[0], features))
    return op->emitOpError("expects bias of shape ")
           << formatShape({features}) << ", got " << formatShape(shape);
  return success();
}

LogicalResult verifySameElementType(Operation *op, Value input) {
  if (elementOf(input) == elementOf(op->getResult(0)))
    return success();
  return op->emitOpError("expects result element type ")
         << elementOf(input) << ", got " << elementOf(op->getResult(0));
}

} // namespace

//===----------------------------------------------------------------------===//
// ConstantOp
//===----------------------------------------------------------------------===//

bool ConstantOp::isBuildableWith(Attribute value, Type type) {
  auto elements = dyn_cast<ElementsAttr>(value);
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!elements || !tensor)
    return false;
  ShapedType valueType = elements.getShapedType();
  if (valueType.getShape() != tensor.getShape())
    return false;
  Type element = tensor.getElementType();
  if (auto quantized = dyn_cast<quant::QuantizedType>(element))
    return isStorageTypeOf(valueType.getElementType(), quantized);
  return valueType.getElementType() == element;
}

LogicalResult ConstantOp::verify() {
  if (!isBuildableWith(getValue(), getType()))
    return emitOpError("value of type ")
           << getValue().getShapedType()
           << " cannot initialize a result of type " << getType()
           << " (shapes must match; a quantized result needs its storage "
              "type: iN for signed, uiN for unsigned storage)";
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

ParseResult ConstantOp::parse(OpAsmParser &parser, OperationState &result) {
  Attribute value;
  SMLoc valueLoc = parser.getCurrentLocation();
  if (parser.parseOptionalAttrDict(result.attributes) ||
      parser.parseAttribute(value))
    return failure();
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements)
    return parser.emitError(valueLoc, "expected a tensor value");
  Type type = elements.getType();
  if (succeeded(parser.parseOptionalArrow()) && parser.parseType(type))
    return failure();
  result.addAttribute(getValueAttrName(result.name), elements);
  result.addTypes(type);
  return success();
}

void ConstantOp::print(OpAsmPrinter &printer) {
  printer.printOptionalAttrDict((*this)->getAttrs(), {getValueAttrName()});
  printer << ' ';
  printer.printAttribute(getValue());
  if (getValue().getType() != getType())
    printer << " -> " << getType();
}

//===----------------------------------------------------------------------===//
// Convolutions and contractions
//===----------------------------------------------------------------------===//

LogicalResult Conv2DOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyRank(op, getInput(), "input", 4)) ||
      failed(verifyRank(op, getWeight(), "weight", 4)) ||
      failed(verifyRank(op, getOutput(), "result", 4)) ||
      failed(verifyWindow(op, getStrides(), getDilations(), getPads())))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput()), w = shapeOf(getWeight());
  if (w[2] == 0 || w[3] == 0)
    return emitOpError("expects a non-empty kernel");
  int64_t groups = getGroups();
  int64_t channels = in[1], features = w[0];
  if (!ShapedType::isDynamic(channels)) {
    if (channels % groups)
      return emitOpError("input channels (")
             << channels << ") are not divisible by groups (" << groups << ")";
    if (!sizesCompatible(w[1], channels / groups))
      return emitOpError("weight has ")
             << w[1] << " input channels per group, expected "
             << channels / groups;
  }
  if (!ShapedType::isDynamic(features) && features % groups)
    return emitOpError("output channels (")
           << features << ") are not divisible by groups (" << groups << ")";
  if (failed(verifyBias(op, getBias(), features)))
    return failure();
  FailureOr<SmallVector<int64_t>> shape =
      windowShape(op, in, features, w.drop_front(2), getStrides(),
                  getDilations(), getPads(), /*ceilMode=*/false);
  if (failed(shape) || failed(verifyResultShape(op, *shape)))
    return failure();
  return verifyContractionTypes(op, getInput(), getWeight(), getBias(),
                                /*weightAxis=*/0);
}

LogicalResult ConvTranspose2DOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyRank(op, getInput(), "input", 4)) ||
      failed(verifyRank(op, getWeight(), "weight", 4)) ||
      failed(verifyRank(op, getOutput(), "result", 4)) ||
      failed(verifyWindow(op, getStrides(), getDilations(), getPads())))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput()), w = shapeOf(getWeight());
  if (w[2] == 0 || w[3] == 0)
    return emitOpError("expects a non-empty kernel");
  int64_t groups = getGroups();
  if (groups > 1 &&
      isa<quant::UniformQuantizedPerAxisType>(elementOf(getWeight())))
    return emitOpError("supports a per-axis quantized weight only with "
                       "groups = 1");
  if (!sizesCompatible(w[0], in[1]))
    return emitOpError("weight has ")
           << w[0] << " input channels, expected " << in[1];
  if (!ShapedType::isDynamic(in[1]) && in[1] % groups)
    return emitOpError("input channels (")
           << in[1] << ") are not divisible by groups (" << groups << ")";
  int64_t features =
      ShapedType::isDynamic(w[1]) ? ShapedType::kDynamic : w[1] * groups;
  if (failed(verifyBias(op, getBias(), features)))
    return failure();
  SmallVector<int64_t> shape = {in[0], features};
  for (int i = 0; i < 2; ++i) {
    int64_t stride = getStrides()[i], dilation = getDilations()[i];
    int64_t extra = getOutputPadding()[i];
    if (extra < 0 || extra >= std::max(stride, dilation))
      return emitOpError("output_padding ")
             << extra << " must be in [0, max(stride, dilation))";
    int64_t input = in[2 + i], kernel = w[2 + i];
    if (ShapedType::isDynamic(input) || ShapedType::isDynamic(kernel)) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t size = stride * (input - 1) + extra + dilation * (kernel - 1) + 1 -
                   getPads()[i] - getPads()[2 + i];
    if (size <= 0)
      return emitOpError("pads leave no output along spatial dimension ") << i;
    shape.push_back(size);
  }
  if (failed(verifyResultShape(op, shape)))
    return failure();
  return verifyContractionTypes(op, getInput(), getWeight(), getBias(),
                                /*weightAxis=*/1);
}

LogicalResult MatMulOp::verify() {
  ArrayRef<int64_t> lhs = shapeOf(getLhs()), rhs = shapeOf(getRhs());
  if (lhs.empty() || rhs.empty())
    return emitOpError("expects operands of rank at least 1");
  FailureOr<SmallVector<int64_t>> shape = matmulShape(lhs, rhs);
  if (failed(shape))
    return emitOpError("operand shapes ")
           << formatShape(lhs) << " and " << formatShape(rhs)
           << " do not multiply (contracting sizes differ or batch "
              "dimensions do not broadcast)";
  if (failed(verifyResultShape(getOperation(), *shape)))
    return failure();
  // Per-axis quantization of the right-hand side is along its columns; a
  // vector has none.
  int64_t weightAxis = rhs.size() > 1 ? rhs.size() - 1 : -1;
  return verifyContractionTypes(getOperation(), getLhs(), getRhs(), Value(),
                                weightAxis);
}

LogicalResult FullyConnectedOp::verify() {
  Operation *op = getOperation();
  if (failed(verifyRank(op, getInput(), "input", 2)) ||
      failed(verifyRank(op, getWeight(), "weight", 2)))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput()), w = shapeOf(getWeight());
  if (!sizesCompatible(in[1], w[1]))
    return emitOpError("input has ")
           << in[1] << " features but the weight expects " << w[1];
  if (failed(verifyBias(op, getBias(), w[0])) ||
      failed(verifyResultShape(op, {in[0], w[0]})))
    return failure();
  return verifyContractionTypes(op, getInput(), getWeight(), getBias(),
                                /*weightAxis=*/0);
}

//===----------------------------------------------------------------------===//
// Activations
//===----------------------------------------------------------------------===//

LogicalResult LeakyReluOp::verify() {
  if (!getAlpha().isFinite())
    return emitOpError("expects a finite alpha");
  return success();
}

LogicalResult ClipOp::verify() {
  for (std::optional<APFloat> bound : {getMin(), getMax()})
    if (bound && bound->isNaN())
      return emitOpError("expects bounds that are not NaN");
  if (!isInteger(elementOf(getInput())))
    return success();
  for (std::optional<APFloat> bound : {getMin(), getMax()})
    if (bound && !bound->isInteger())
      return emitOpError("expects integral bounds for an integer tensor");
  return success();
}

LogicalResult PReluOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput()), slope = shapeOf(getSlope());
  FailureOr<SmallVector<int64_t>> shape = broadcastShapes(in, slope);
  if (slope.size() > in.size() || failed(shape) ||
      !shapesCompatible(*shape, in))
    return emitOpError("slope of shape ")
           << formatShape(slope) << " does not broadcast to input shape "
           << formatShape(in);
  if (failed(verifyResultShape(getOperation(), in)))
    return failure();
  return detail::verifySameElementFamily(
      getOperation(),
      {getInput().getType(), getSlope().getType(), getOutput().getType()});
}

//===----------------------------------------------------------------------===//
// Pooling and normalization
//===----------------------------------------------------------------------===//

namespace {
template <typename PoolOp> LogicalResult verifyPool2D(PoolOp pool) {
  Operation *op = pool.getOperation();
  if (failed(verifyRank(op, pool.getInput(), "input", 4)) ||
      failed(verifyRank(op, pool.getOutput(), "result", 4)) ||
      failed(verifyWindow(op, pool.getStrides(), pool.getDilations(),
                          pool.getPads())))
    return failure();
  if (llvm::any_of(pool.getKernel(), [](int64_t k) { return k <= 0; }))
    return pool.emitOpError("expects a positive kernel size");
  for (int i = 0; i < 4; ++i) {
    int64_t extent =
        pool.getDilations()[i % 2] * (pool.getKernel()[i % 2] - 1) + 1;
    if (pool.getPads()[i] >= extent)
      return pool.emitOpError("pad ")
             << pool.getPads()[i] << " is not smaller than the window ("
             << extent << "): a window would lie wholly in the padding";
  }
  ArrayRef<int64_t> in = shapeOf(pool.getInput());
  FailureOr<SmallVector<int64_t>> shape =
      windowShape(op, in, in[1], pool.getKernel(), pool.getStrides(),
                  pool.getDilations(), pool.getPads(), pool.getCeilMode());
  if (failed(shape))
    return failure();
  return verifyResultShape(op, *shape);
}
} // namespace

LogicalResult MaxPool2DOp::verify() {
  if (failed(verifyPool2D(*this)))
    return failure();
  return verifySameElementType(getOperation(), getInput());
}

LogicalResult AvgPool2DOp::verify() {
  if (failed(verifyPool2D(*this)))
    return failure();
  return detail::verifySameElementFamily(
      getOperation(), {getInput().getType(), getOutput().getType()});
}

LogicalResult GlobalAvgPoolOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (in.size() < 3)
    return emitOpError("expects an input of rank at least 3 (N, C, spatial)");
  SmallVector<int64_t> shape(in.size(), 1);
  shape[0] = in[0];
  shape[1] = in[1];
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  return detail::verifySameElementFamily(
      getOperation(), {getInput().getType(), getOutput().getType()});
}

/// Epsilons are added to variances under a square root.
LogicalResult verifyEpsilon(Operation *op, APFloat epsilon) {
  if (epsilon.isNegative() || !epsilon.isFinite())
    return op->emitOpError("expects a finite, non-negative epsilon");
  return success();
}

LogicalResult BatchNormOp::verify() {
  if (failed(verifyEpsilon(getOperation(), getEpsilon())))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (in.size() < 2)
    return emitOpError("expects an input of rank at least 2 (N, C, ...)");
  for (Value param : {getScale(), getBias(), getMean(), getVar()}) {
    ArrayRef<int64_t> shape = shapeOf(param);
    if (shape.size() != 1 || !sizesCompatible(shape[0], in[1]))
      return emitOpError("expects scale, bias, mean and var of shape ")
             << formatShape({in[1]}) << ", got " << formatShape(shape);
  }
  if (failed(verifyResultShape(getOperation(), in)))
    return failure();
  SmallVector<Type> types(getOperation()->getOperandTypes());
  types.push_back(getOutput().getType());
  return detail::verifySameElementFamily(getOperation(), types);
}

LogicalResult SoftmaxOp::verify() {
  if (failed(
          verifyAxis(getOperation(), getAxis(), shapeOf(getInput()).size())) ||
      failed(verifyResultShape(getOperation(), shapeOf(getInput()))))
    return failure();
  return detail::verifySameElementFamily(
      getOperation(), {getInput().getType(), getOutput().getType()});
}

LogicalResult LayerNormOp::verify() {
  if (failed(verifyEpsilon(getOperation(), getEpsilon())))
    return failure();
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (failed(verifyAxis(getOperation(), getAxis(), in.size())))
    return failure();
  ArrayRef<int64_t> normalized = in.drop_front(getAxis());
  for (Value param : {getScale(), getBias()}) {
    if (!param)
      continue;
    ArrayRef<int64_t> shape = shapeOf(param);
    FailureOr<SmallVector<int64_t>> joint = broadcastShapes(normalized, shape);
    if (shape.size() > normalized.size() || failed(joint) ||
        !shapesCompatible(*joint, normalized))
      return emitOpError("scale and bias must broadcast to the normalized "
                         "shape ")
             << formatShape(normalized) << ", got " << formatShape(shape);
  }
  if (failed(verifyResultShape(getOperation(), in)))
    return failure();
  if (getStatistics().size() > 2)
    return emitOpError("returns at most two statistics (mean, inv_std_dev)");
  SmallVector<int64_t> statsShape(in);
  std::fill(statsShape.begin() + getAxis(), statsShape.end(), 1);
  for (Value stats : {getMean(), getInvStdDev()})
    if (stats && !shapesCompatible(shapeOf(stats), statsShape))
      return emitOpError("expects mean and inv_std_dev of shape ")
             << formatShape(statsShape) << ", got "
             << formatShape(shapeOf(stats));
  if (isa<quant::QuantizedType>(elementOf(getInput()))) {
    if (!isa<quant::UniformQuantizedType>(elementOf(getInput())) ||
        !isa<quant::UniformQuantizedType>(elementOf(getOutput())) ||
        !getStatistics().empty())
      return emitOpError("on a quantized input needs per-tensor quantized "
                         "input and result and no statistics");
    return success();
  }
  SmallVector<Type> types(getOperation()->getOperandTypes());
  llvm::append_range(types, getOperation()->getResultTypes());
  return detail::verifySameElementFamily(getOperation(), types);
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult ConcatOp::verify() {
  if (getInputs().empty())
    return emitOpError("expects at least one input");
  ArrayRef<int64_t> first = shapeOf(getInputs().front());
  int64_t rank = first.size(), axis = getAxis();
  if (failed(verifyAxis(getOperation(), axis, rank)))
    return failure();
  SmallVector<int64_t> shape(first);
  for (auto [i, input] : llvm::enumerate(getInputs().drop_front())) {
    ArrayRef<int64_t> other = shapeOf(input);
    if (static_cast<int64_t>(other.size()) != rank)
      return emitOpError("input #")
             << i + 1 << " has rank " << other.size() << ", expected " << rank;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == axis) {
        shape[d] =
            ShapedType::isDynamic(shape[d]) || ShapedType::isDynamic(other[d])
                ? ShapedType::kDynamic
                : shape[d] + other[d];
      } else if (!sizesCompatible(shape[d], other[d])) {
        return emitOpError("input #")
               << i + 1 << " has size " << other[d] << " in dimension " << d
               << ", expected " << shape[d];
      }
    }
  }
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  SmallVector<Type> types(getOperation()->getOperandTypes());
  types.push_back(getOutput().getType());
  return detail::verifySameElementFamily(getOperation(), types);
}

LogicalResult ReshapeOp::verify() {
  int64_t in = shapeProduct(shapeOf(getInput()));
  int64_t out = shapeProduct(shapeOf(getOutput()));
  if (!sizesCompatible(in, out))
    return emitOpError("cannot reshape ")
           << in << " elements into " << out << " elements";
  return verifyReshapedElementType(getOperation(), getInput());
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getInput().getType() == getType())
    return getInput();
  if (auto producer = getInput().getDefiningOp<ReshapeOp>()) {
    getInputMutable().assign(producer.getInput());
    return getResult();
  }
  // Reshaping a constant is free: fold it into the constant's value.
  auto value = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
  if (!value || !getType().hasStaticShape())
    return {};
  return value.reshape(value.getType().clone(getType().getShape()));
}

namespace {
/// flatten, squeeze and unsqueeze of static shape are plain reshapes.
template <typename OpTy> struct ToReshape : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    if (!op.getType().hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic result shape");
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, op.getType(), op.getInput());
    return success();
  }
};
} // namespace

LogicalResult FlattenOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  int64_t axis = getAxis();
  if (axis < 0 || axis > static_cast<int64_t>(in.size()))
    return emitOpError("axis ")
           << axis << " is outside [0, " << in.size() << "]";
  if (failed(verifyResultShape(getOperation(),
                               {shapeProduct(in.take_front(axis)),
                                shapeProduct(in.drop_front(axis))})))
    return failure();
  return verifyReshapedElementType(getOperation(), getInput());
}

void FlattenOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ToReshape<FlattenOp>>(context);
}

namespace {
/// Axes distinct and in [0, rank).
LogicalResult verifyAxes(Operation *op, ArrayRef<int64_t> axes, int64_t rank,
                         StringRef name = "axis") {
  llvm::SmallSet<int64_t, 4> seen;
  for (int64_t axis : axes) {
    if (failed(verifyAxis(op, axis, rank, name)))
      return failure();
    if (!seen.insert(axis).second)
      return op->emitOpError() << name << " " << axis << " is listed twice";
  }
  return success();
}
} // namespace

LogicalResult SqueezeOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  if (failed(verifyAxes(getOperation(), getAxes(), in.size())))
    return failure();
  SmallVector<int64_t> shape;
  for (auto [d, size] : llvm::enumerate(in)) {
    if (!llvm::is_contained(getAxes(), static_cast<int64_t>(d))) {
      shape.push_back(size);
      continue;
    }
    if (!sizesCompatible(size, 1))
      return emitOpError("cannot squeeze dimension ")
             << d << " of size " << size;
  }
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  return verifyReshapedElementType(getOperation(), getInput());
}

void SqueezeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                            MLIRContext *context) {
  patterns.add<ToReshape<SqueezeOp>>(context);
}

LogicalResult UnsqueezeOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  int64_t rank = in.size() + getAxes().size();
  if (failed(verifyAxes(getOperation(), getAxes(), rank)))
    return failure();
  SmallVector<int64_t> shape;
  const int64_t *next = in.begin();
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(llvm::is_contained(getAxes(), d) ? 1 : *next++);
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  return verifyReshapedElementType(getOperation(), getInput());
}

void UnsqueezeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<ToReshape<UnsqueezeOp>>(context);
}

LogicalResult TransposeOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput());
  ArrayRef<int64_t> perms = getPerms();
  if (perms.size() != in.size())
    return emitOpError("expects ")
           << in.size() << " permutation entries, got " << perms.size();
  if (failed(verifyAxes(getOperation(), perms, in.size(), "permutation entry")))
    return failure();
  SmallVector<int64_t> shape;
  for (int64_t p : perms)
    shape.push_back(in[p]);
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  int64_t inAxis = -1;
  if (auto perAxis =
          dyn_cast<quant::UniformQuantizedPerAxisType>(elementOf(getInput())))
    inAxis = perAxis.getQuantizedDimension();
  return verifyMovedElementType(getOperation(), getInput(), [&](int64_t axis) {
    return perms[axis] == inAxis;
  });
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perms = getPerms();
  bool identity = llvm::all_of(llvm::enumerate(perms), [](auto entry) {
    return static_cast<int64_t>(entry.index()) == entry.value();
  });
  if (identity && getInput().getType() == getType())
    return getInput();
  // Transposing a constant (a weight in another layout) is done here, once.
  auto value = dyn_cast_if_present<DenseElementsAttr>(adaptor.getInput());
  if (!value || !getType().hasStaticShape() ||
      value.getElementType().isInteger(1))
    return {};
  RankedTensorType type = getType().clone(value.getElementType());
  if (value.isSplat())
    return value.reshape(type);
  ArrayRef<char> raw = value.getRawData();
  size_t size = raw.size() / value.getNumElements();
  ArrayRef<int64_t> in = value.getType().getShape(), out = type.getShape();
  SmallVector<int64_t> inStrides(in.size(), 1), outStrides(out.size(), 1);
  for (int64_t d = static_cast<int64_t>(in.size()) - 2; d >= 0; --d) {
    inStrides[d] = inStrides[d + 1] * in[d + 1];
    outStrides[d] = outStrides[d + 1] * out[d + 1];
  }
  std::vector<char> result(raw.size());
  for (int64_t i = 0, n = value.getNumElements(); i < n; ++i) {
    int64_t source = 0;
    for (size_t d = 0; d < perms.size(); ++d)
      source += i / outStrides[d] % out[d] * inStrides[perms[d]];
    std::memcpy(result.data() + i * size, raw.data() + source * size, size);
  }
  return DenseElementsAttr::getFromRawBuffer(type, result);
}

namespace {
/// transpose(transpose(x, inner), outer) -> transpose(x, inner o outer).
struct ComposeTransposes : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getInput().getDefiningOp<TransposeOp>();
    if (!inner)
      return rewriter.notifyMatchFailure(op, "input is not a transpose");
    SmallVector<int64_t> perms;
    for (int64_t p : op.getPerms())
      perms.push_back(inner.getPerms()[p]);
    rewriter.replaceOpWithNewOp<TransposeOp>(op, op.getType(), inner.getInput(),
                                             perms);
    return success();
  }
};
} // namespace

void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                              MLIRContext *context) {
  patterns.add<ComposeTransposes>(context);
}

LogicalResult PadOp::verify() {
  if (isInteger(elementOf(getInput())) && !getValue().isInteger())
    return emitOpError("expects an integral fill value for an integer "
                       "tensor");
  ArrayRef<int64_t> in = shapeOf(getInput());
  ArrayRef<int64_t> pads = getPads();
  int64_t rank = in.size();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return emitOpError("expects ")
           << 2 * rank << " pad amounts (begin and end per dimension), got "
           << pads.size();
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t begin = pads[d], end = pads[rank + d];
    if (ShapedType::isDynamic(in[d])) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    if (getMode() != PadMode::Constant && in[d] == 0 && (begin || end))
      return emitOpError("cannot ")
             << stringifyPadMode(getMode()) << "-pad empty dimension " << d;
    int64_t size = in[d] + begin + end;
    if (size < 0)
      return emitOpError("pads crop dimension ")
             << d << " of size " << in[d] << " below zero";
    shape.push_back(size);
  }
  if (failed(verifyResultShape(getOperation(), shape)))
    return failure();
  return verifySameElementType(getOperation(), getInput());
}

LogicalResult ResizeOp::verify() {
  ArrayRef<int64_t> in = shapeOf(getInput()), out = shapeOf(getOutput());
  if (in.size() != out.size())
    return emitOpError("expects a result of rank ")
           << in.size() << ", got rank " << out.size();
  for (size_t d = 0; d < in.size(); ++d)
    if (in[d] == 0 && out[d] != 0 && !ShapedType::isDynamic(out[d]))
      return emitOpError("cannot resize empty dimension ") << d;
  bool crop = getCoordinateTransform() == CoordinateTransform::TfCropAndResize;
  std::optional<ArrayRef<float>> roi = getRoi();
  if (crop != roi.has_value())
    return emitOpError("expects roi exactly with the tf_crop_and_resize "
                       "coordinate transform");
  if (roi && roi->size() != 2 * in.size())
    return emitOpError("expects ")
           << 2 * in.size() << " roi values, got " << roi->size();
  if (roi)
    for (size_t d = 0; d < in.size(); ++d)
      if (!std::isfinite((*roi)[d]) || !std::isfinite((*roi)[in.size() + d]) ||
          (*roi)[in.size() + d] < (*roi)[d])
        return emitOpError("expects finite roi bounds with end >= start, got "
                           "[")
               << (*roi)[d] << ", " << (*roi)[in.size() + d]
               << "] for dimension " << d;
  if (std::optional<ArrayRef<float>> scales = getScales()) {
    if (scales->size() != in.size())
      return emitOpError("expects ")
             << in.size() << " scales, got " << scales->size();
    for (auto [d, scale] : llvm::enumerate(*scales)) {
      if (!(scale > 0) || !std::isfinite(scale))
        return emitOpError("expects positive, finite scales");
      if (ShapedType::isDynamic(in[d]) || ShapedType::isDynamic(out[d]))
        continue;
      double extent = roi ? (*roi)[in.size() + d] - (*roi)[d] : 1.0;
      auto expected = static_cast<int64_t>(
          std::floor(static_cast<double>(in[d]) * extent * scale));
      // Sizes given as such (the keep_aspect_ratio policies) round instead.
      if (expected != out[d] &&
          static_cast<int64_t>(std::round(in[d] * extent * scale)) == out[d])
        expected = out[d];
      if (expected != out[d])
        return emitOpError("dimension ")
               << d << ": " << in[d] << " * scale " << scale << " gives "
               << expected << ", not " << out[d];
    }
  }
  return detail::verifySameElementFamily(
      getOperation(), {getInput().getType(), getOutput().getType()});
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

namespace {
LogicalResult verifyQuantizationCast(Operation *op, Type expressedInput,
                                     Type expressedOutput) {
  if (failed(verifyResultShape(op, shapeOf(op->getOperand(0)))))
    return failure();
  if (expressedInput != expressedOutput)
    return op->emitOpError("expects the expressed type ")
           << expressedOutput << " to be " << expressedInput;
  return success();
}
} // namespace

LogicalResult QuantizeOp::verify() {
  auto output = cast<quant::QuantizedType>(elementOf(getOutput()));
  return verifyQuantizationCast(getOperation(), elementOf(getInput()),
                                output.getExpressedType());
}

LogicalResult DequantizeOp::verify() {
  auto input = cast<quant::QuantizedType>(elementOf(getInput()));
  return verifyQuantizationCast(getOperation(), input.getExpressedType(),
                                elementOf(getOutput()));
}

LogicalResult RequantizeOp::verify() {
  auto input = cast<quant::QuantizedType>(elementOf(getInput()));
  auto output = cast<quant::QuantizedType>(elementOf(getOutput()));
  if (failed(verifyQuantizationCast(getOperation(), input.getExpressedType(),
                                    output.getExpressedType())))
    return failure();
  auto inAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(input);
  auto outAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(output);
  if (inAxis && outAxis &&
      inAxis.getQuantizedDimension() != outAxis.getQuantizedDimension())
    return emitOpError("expects per-axis input and result quantized along "
                       "the same axis");
  if (input.getStorageTypeIntegralWidth() > 32 ||
      output.getStorageTypeIntegralWidth() > 32)
    return emitOpError("expects storage types of at most 32 bits");
  return success();
}

OpFoldResult RequantizeOp::fold(FoldAdaptor) {
  if (getInput().getType() == getType())
    return getInput();
  return {};
}

LogicalResult TableOp::verify() {
  if (failed(verifyResultShape(getOperation(), shapeOf(getInput()))))
    return failure();
  auto in = dyn_cast<quant::UniformQuantizedType>(elementOf(getInput()));
  auto out = dyn_cast<quant::UniformQuantizedType>(elementOf(getOutput()));
  if (!in || !out)
    return emitOpError("expects per-tensor quantized input and result");
  if (in.getStorageTypeIntegralWidth() > 16)
    return emitOpError("expects an input of at most 16 bits");
  int64_t entries = in.getStorageTypeMax() - in.getStorageTypeMin() + 1;
  ArrayRef<int64_t> table = shapeOf(getTable());
  if (table.size() != 1 || !sizesCompatible(table[0], entries))
    return emitOpError("expects a table of ")
           << entries << " entries (one per input value), got shape "
           << formatShape(table);
  if (!isStorageTypeOf(elementOf(getTable()), out))
    return emitOpError("expects table entries of the result's storage type, "
                       "got ")
           << elementOf(getTable());
  return success();
}

LogicalResult StorageCastOp::verify() {
  if (failed(verifyResultShape(getOperation(), shapeOf(getInput()))))
    return failure();
  Type in = elementOf(getInput()), out = elementOf(getOutput());
  bool inQuantized = isa<quant::QuantizedType>(in);
  if (inQuantized == isa<quant::QuantizedType>(out))
    return emitOpError("expects exactly one of input and result to be "
                       "quantized, got ")
           << in << " and " << out;
  Type integer = inQuantized ? out : in;
  auto quantized = cast<quant::QuantizedType>(inQuantized ? in : out);
  if (!isStorageTypeOf(integer, quantized))
    return emitOpError("expects the integer type to be the storage of ")
           << quantized << " (" << (quantized.isSigned() ? "i" : "ui")
           << quantized.getStorageTypeIntegralWidth() << "), got " << integer;
  return success();
}

OpFoldResult StorageCastOp::fold(FoldAdaptor adaptor) {
  if (auto producer = getInput().getDefiningOp<StorageCastOp>())
    if (producer.getInput().getType() == getType())
      return producer.getInput();
  // Constant integers become a quantized constant (the stored values do not
  // change).
  if (auto value = dyn_cast_if_present<ElementsAttr>(adaptor.getInput()))
    if (ConstantOp::isBuildableWith(value, getType()))
      return value;
  return {};
}

LogicalResult DynamicQuantizeOp::verify() {
  if (failed(verifyResultShape(getOperation(), shapeOf(getInput()))))
    return failure();
  Type u8 = IntegerType::get(getContext(), 8, IntegerType::Unsigned);
  if (elementOf(getOutput()) != u8 || elementOf(getZeroPoint()) != u8)
    return emitOpError("expects ui8 output and zero point");
  if (elementOf(getScale()) != elementOf(getInput()))
    return emitOpError("expects a scale of the input's element type");
  if (!shapeOf(getScale()).empty() || !shapeOf(getZeroPoint()).empty())
    return emitOpError("expects a scalar (rank-0) scale and zero point");
  return success();
}

RequantizeOp qcc::fusedRequantize(Operation *op) {
  if (!isa<Conv2DOp, FullyConnectedOp, MatMulOp>(op) ||
      op->getNumResults() != 1 || !op->getResult(0).hasOneUse())
    return nullptr;
  auto storageCast =
      dyn_cast<StorageCastOp>(*op->getResult(0).getUsers().begin());
  if (!storageCast || !storageCast->getResult(0).hasOneUse())
    return nullptr;
  auto rq =
      dyn_cast<RequantizeOp>(*storageCast->getResult(0).getUsers().begin());
  if (!rq || !isa<quant::UniformQuantizedType>(
                 cast<ShapedType>(rq.getOutput().getType()).getElementType()))
    return nullptr;
  Type from = cast<ShapedType>(rq.getInput().getType()).getElementType();
  auto shape = cast<ShapedType>(rq.getInput().getType()).getShape();
  int64_t channelAxis = isa<Conv2DOp>(op) ? 1 : shape.size() - 1;
  if (auto perTensor = dyn_cast<quant::UniformQuantizedType>(from))
    return perTensor.getZeroPoint() == 0 ? rq : nullptr;
  auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(from);
  if (!perAxis || perAxis.getQuantizedDimension() != channelAxis ||
      llvm::any_of(perAxis.getZeroPoints(), [](int64_t zp) { return zp; }))
    return nullptr;
  return rq;
}

#define GET_OP_CLASSES
#include "qcc/Dialect/Qcc/IR/QccOps.cpp.inc"
