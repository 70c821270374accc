//===- CppEmitter.cpp - The C++ backend's printer -------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every value gets a C pointer expression: an input or output buffer of the
// caller, a static constant or a place in the arena; each op becomes one
// call of a runtime kernel (include/qcc/Runtime/kernels.h) with its
// parameters computed here, by the same functions the interpreter uses.
//
//===----------------------------------------------------------------------===//

#include "qcc/Target/Cpp/CppEmitter.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Interpreter/Interpreter.h"
#include "qcc/Runtime/hvx.h"
#include "qcc/Runtime/neon.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cstdio>

using namespace mlir;

namespace qcc {

static void emitHeaderDeclarations(llvm::StringRef prefix, bool hvx,
                                   llvm::raw_ostream &os);

namespace {

const char kRuntimeSource[] =
#include "RuntimeSource.inc"
    ;
const char kHexagonSupportSource[] =
#include "HexagonSupportSource.inc"
    ;

/// The library interface, shared by every generated library.
const char kInterface[] = R"(#ifndef QCC_MODEL_ABI_H
#define QCC_MODEL_ABI_H
#include <stddef.h>
#include <stdint.h>

/* The library interface of docs/LibraryABI.md. */
#define QCC_ABI_VERSION 1
enum qcc_dtype { QCC_F32 = 0, QCC_I8 = 1, QCC_U8 = 2, QCC_I16 = 3, QCC_I32 = 4 };
typedef struct qcc_tensor_info {
  const char *name;
  int32_t dtype;
  int32_t rank;
  const int64_t *shape;
  float scale;        /* of a quantized tensor; 0 for float */
  int32_t zero_point;
} qcc_tensor_info;
typedef struct qcc_model_info {
  int32_t abi_version;
  int32_t num_inputs, num_outputs;
  const qcc_tensor_info *inputs, *outputs;
  size_t arena_size, arena_alignment;
} qcc_model_info;
#endif
)";

Type elementOf(Value v) {
  return cast<ShapedType>(v.getType()).getElementType();
}

ArrayRef<int64_t> shapeOf(Value v) {
  return cast<ShapedType>(v.getType()).getShape();
}

int64_t elementsOf(Value v) {
  return cast<ShapedType>(v.getType()).getNumElements();
}

/// The C type of an element's storage and the ABI's dtype code.
std::optional<std::pair<StringRef, int>> cTypeOf(Type element) {
  if (element.isF32())
    return std::make_pair("float", 0);
  unsigned width;
  bool isSigned;
  if (auto q = dyn_cast<quant::QuantizedType>(element)) {
    width = q.getStorageTypeIntegralWidth();
    isSigned = q.isSigned();
  } else if (auto integer = dyn_cast<IntegerType>(element)) {
    width = integer.getWidth();
    isSigned = !integer.isUnsigned();
  } else {
    return std::nullopt;
  }
  if (width == 4 && isSigned)
    return std::make_pair("qcc_rt::packed_int4", -1); // weights only
  if (width == 8)
    return isSigned ? std::make_pair("int8_t", 1)
                    : std::make_pair("uint8_t", 2);
  if (width == 16 && isSigned)
    return std::make_pair("int16_t", 3);
  if (width == 32 && isSigned)
    return std::make_pair("int32_t", 4);
  return std::nullopt;
}

/// The body of a C string literal: `text` with quotes, backslashes and
/// non-printable bytes escaped (octal).
std::string cString(StringRef text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '"' || c == '\\')
      out += {'\\', static_cast<char>(c)};
    else if (llvm::isPrint(c))
      out += static_cast<char>(c);
    else {
      char octal[8];
      snprintf(octal, sizeof(octal), "\\%03o", c);
      out += octal;
    }
  }
  return out;
}

/// A float as an exact C literal.
std::string floatLiteral(float value) {
  char text[32];
  snprintf(text, sizeof(text), "%af", static_cast<double>(value));
  return text;
}

/// A convolution's geometry as a C initializer.
std::string shapeLiteral(const qcc_rt::Conv2DShape &g) {
  return llvm::formatv("{{{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, "
                       "{10}, {11}, {12}, {13}, {14}, {15}}",
                       g.batch, g.channels, g.height, g.width, g.features,
                       g.kernel_h, g.kernel_w, g.out_h, g.out_w, g.groups,
                       g.stride_h, g.stride_w, g.dilation_h, g.dilation_w,
                       g.pad_top, g.pad_left)
      .str();
}

class Emitter {
public:
  Emitter(func::FuncOp func, const CppEmitterOptions &options)
      : func(func), options(options) {}

  LogicalResult emit(raw_ostream &os, CppLibraryLayout &layout);

private:
  func::FuncOp func;
  const CppEmitterOptions &options;
  /// Static data (weights, parameters) and the body of the entry point.
  std::string data, body;
  llvm::raw_string_ostream dataOs{data}, bodyOs{body};
  /// The C pointer expression of every value.
  llvm::DenseMap<Value, std::string> exprs;
  unsigned nextName = 0;

  FailureOr<StringRef> cType(Operation *at, Value v) {
    std::optional<std::pair<StringRef, int>> c = cTypeOf(elementOf(v));
    // Packed int4 is for constant weights; int4 activations are not
    // supported yet.
    if (c &&
        (c->first != "qcc_rt::packed_int4" || v.getDefiningOp<ConstantOp>()))
      return c->first;
    return at->emitOpError("the C++ backend does not support the element "
                           "type ")
               << elementOf(v) << " yet",
           failure();
  }

  std::string fresh(StringRef stem) { return (stem + Twine(nextName++)).str(); }

  /// Defines a static array of integers and returns its name.
  template <typename Range>
  std::string staticArray(StringRef type, const Range &values) {
    std::string name = fresh("k");
    dataOs << "alignas(128) static const " << type << " " << name << "[] = {";
    int column = 0;
    for (auto v : values) {
      dataOs << (column == 0 ? "\n    " : column % 16 ? ", " : ",\n    ") << v;
      ++column;
    }
    dataOs << "};\n";
    return name;
  }

  /// Ops emitted as part of another (a fused requantize and its cast).
  llvm::DenseSet<Operation *> fused;
  /// Bytes of scratch memory the kernels need, after the planned arena.
  int64_t scratchBytes = 0;

  LogicalResult place(func::ReturnOp ret);
  LogicalResult placeResult(Operation *op);
  LogicalResult emitOp(Operation *op);
  LogicalResult emitConstant(ConstantOp op);
  LogicalResult emitContraction(Operation *op);
  std::string epilogue(RequantizeOp rq, int64_t channels, bool &left);
  std::string scratch(int64_t bytes);
  std::optional<std::string> neonCall(Operation *op, Value out,
                                      StringRef outType, bool left);
  std::optional<std::string> hvxCall(Operation *op, Value out,
                                     StringRef outType, bool left);
  void emitCall(const std::optional<std::string> &neon,
                const std::string &portable,
                const std::optional<std::string> &hvx = std::nullopt);
  LogicalResult emitRequantize(RequantizeOp op);
  LogicalResult emitBinary(Operation *op);
  void emitInterfaceTables(raw_ostream &os);
};

/// Chooses where every value lives: arguments in the caller's inputs,
/// returned values in its outputs (written there by their op), results in
/// the arena at their planned offsets, aliases where their input is.
LogicalResult Emitter::place(func::ReturnOp ret) {
  for (BlockArgument arg : func.getArguments()) {
    FailureOr<StringRef> type = cType(func, arg);
    if (failed(type))
      return failure();
    exprs[arg] =
        llvm::formatv("((const {0} *)inputs[{1}])", *type, arg.getArgNumber());
  }
  for (auto [j, v] : llvm::enumerate(ret.getOperands())) {
    if (exprs.count(v) || !v.getDefiningOp() ||
        isa<ConstantOp>(v.getDefiningOp()))
      continue;
    FailureOr<StringRef> type = cType(ret, v);
    if (failed(type))
      return failure();
    exprs[v] = llvm::formatv("(({0} *)outputs[{1}])", *type, j);
  }
  return success();
}

/// Where an op's result lives: given (an output), planned, or its input's
/// (an alias).
LogicalResult Emitter::placeResult(Operation *op) {
  Value result = op->getResult(0);
  if (exprs.count(result))
    return success();
  FailureOr<StringRef> type = cType(op, result);
  if (failed(type))
    return failure();
  if (auto offset =
          op->getAttrOfType<IntegerAttr>(QccDialect::kArenaOffsetAttrName))
    exprs[result] =
        llvm::formatv("(({0} *)(arena + {1}))", *type, offset.getInt());
  else if (isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, StorageCastOp>(op))
    exprs[result] =
        llvm::formatv("((const {0} *){1})", *type, exprs[op->getOperand(0)]);
  else
    return op->emitOpError("has no arena offset; run qcc-plan-memory first"),
           failure();
  return success();
}

LogicalResult Emitter::emitConstant(ConstantOp op) {
  FailureOr<StringRef> type = cType(op, op.getResult());
  if (failed(type))
    return failure();
  if (auto floats = dyn_cast<DenseFPElementsAttr>(op.getValue())) {
    // Float parameters (of a layer norm, say): exact literals.
    exprs[op.getResult()] = staticArray(
        "float", llvm::map_range(floats.getValues<float>(), floatLiteral));
    return success();
  }
  auto dense = dyn_cast<DenseIntElementsAttr>(op.getValue());
  if (!dense)
    return op.emitOpError("the C++ backend cannot print this constant"),
           failure();
  SmallVector<int64_t> values;
  for (const APInt &v : dense.getValues<APInt>())
    values.push_back(type->starts_with("u") ? v.getZExtValue()
                                            : v.getSExtValue());
  if (*type == "qcc_rt::packed_int4") {
    // Two per byte, the lower nibble first.
    SmallVector<int64_t> pairs;
    for (size_t i = 0; i < values.size(); i += 2)
      pairs.push_back((values[i] & 15) |
                      (i + 1 < values.size() ? (values[i + 1] & 15) << 4 : 0));
    values = std::move(pairs);
  }
  exprs[op.getResult()] = staticArray(*type, values);
  return success();
}

/// Zero point of a per-tensor quantized value (0 for a plain integer one).
int64_t zeroPointOf(Value v) {
  if (auto q = dyn_cast<quant::UniformQuantizedType>(elementOf(v)))
    return q.getZeroPoint();
  return 0;
}

/// Whether every zero point of a weight type is 0.
bool isSymmetric(Value weight) {
  Type element = elementOf(weight);
  if (auto perAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(element))
    return llvm::all_of(perAxis.getZeroPoints(),
                        [](int64_t zp) { return zp == 0; });
  return zeroPointOf(weight) == 0;
}

/// The values of an integer constant.
SmallVector<int64_t> constantValues(Value v) {
  SmallVector<int64_t> values;
  for (const APInt &i :
       cast<DenseIntElementsAttr>(v.getDefiningOp<ConstantOp>().getValue())
           .getValues<APInt>())
    values.push_back(i.getSExtValue());
  return values;
}

/// `values` followed by zeros up to a multiple of `multiple` entries.
SmallVector<int64_t> padded(SmallVector<int64_t> values, int64_t multiple) {
  values.resize(llvm::alignTo(values.size(), multiple), 0);
  return values;
}

std::string Emitter::epilogue(RequantizeOp rq, int64_t channels, bool &left) {
  left = false;
  if (!rq)
    return "{nullptr, nullptr, nullptr, nullptr, 0, 0, 0}";
  SmallVector<FixedPointMultiplier> m = requantizeMultipliers(rq);
  SmallVector<int64_t> multipliers, shifts, lefts, negRights;
  for (int64_t c = 0; c < channels; ++c) {
    FixedPointMultiplier f = m[m.size() == 1 ? 0 : c];
    multipliers.push_back(f.multiplier);
    shifts.push_back(f.shift);
    lefts.push_back(std::max(-f.shift, 0));
    negRights.push_back(std::min(-f.shift, 0));
    left |= f.shift < 0;
  }
  auto to = cast<quant::UniformQuantizedType>(elementOf(rq.getOutput()));
  return llvm::formatv("{{{0}, {1}, {2}, {3}, {4}, {5}, {6}}",
                       staticArray("int32_t", padded(multipliers, 32)),
                       staticArray("int32_t", padded(shifts, 32)),
                       staticArray("int32_t", padded(lefts, 32)),
                       staticArray("int32_t", padded(negRights, 32)),
                       to.getZeroPoint(), to.getStorageTypeMin(),
                       to.getStorageTypeMax())
      .str();
}

/// Emits the call of a portable kernel, behind `#ifdef QCC_NEON` that of
/// a NEON one if there is one, or in an HVX library behind `#ifdef
/// QCC_HVX` that of an HVX one.
void Emitter::emitCall(const std::optional<std::string> &neon,
                       const std::string &portable,
                       const std::optional<std::string> &hvx) {
  const std::optional<std::string> &vector = options.hvx ? hvx : neon;
  if (vector)
    bodyOs << "#ifdef " << (options.hvx ? "QCC_HVX" : "QCC_NEON") << "\n"
           << *vector << "#else\n";
  bodyOs << portable;
  if (vector)
    bodyOs << "#endif\n";
}

/// Reserves `bytes` of scratch memory (after the planned arena, shared by
/// all ops) and returns its expression.
std::string Emitter::scratch(int64_t bytes) {
  scratchBytes = std::max(scratchBytes, bytes);
  return "scratch";
}

/// The weights of an int8 contraction by a constant matrix of int8 or int4
/// weights, as [outputs][depth] (a matmul's right side [depth, outputs]
/// transposed), and its bias (zeros without one).
struct DenseWeights {
  int64_t outputs, depth;
  SmallVector<int64_t> w, bias;
};

std::optional<DenseWeights> denseWeights(Operation *op) {
  Value x = op->getOperand(0);
  bool isMatMul = isa<MatMulOp>(op);
  auto weights = op->getOperand(1).getDefiningOp<ConstantOp>();
  Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
  auto wType = dyn_cast<quant::QuantizedType>(elementOf(op->getOperand(1)));
  std::optional<std::pair<StringRef, int>> xt = cTypeOf(elementOf(x));
  auto isIntegerConstant = [](Value v) {
    auto c = v.getDefiningOp<ConstantOp>();
    return c && isa<DenseIntElementsAttr>(c.getValue());
  };
  if (!weights || !isIntegerConstant(weights) ||
      (bias && !isIntegerConstant(bias)) || !wType || !wType.isSigned() ||
      wType.getStorageTypeIntegralWidth() > 8 || !xt || xt->first != "int8_t" ||
      (isMatMul && shapeOf(op->getOperand(1)).size() != 2))
    return std::nullopt;
  DenseWeights d;
  ArrayRef<int64_t> wShape = shapeOf(op->getOperand(1));
  d.outputs = isMatMul ? wShape[1] : wShape[0];
  d.depth = elementsOf(op->getOperand(1)) / d.outputs;
  SmallVector<int64_t> values = constantValues(op->getOperand(1));
  d.w = values;
  if (isMatMul)
    for (auto [i, v] : llvm::enumerate(values))
      d.w[i % d.outputs * d.depth + i / d.outputs] = v;
  d.bias.assign(d.outputs, 0);
  if (bias)
    d.bias = constantValues(bias);
  return d;
}

/// bias[o] - offset * sum_k w[o, k], modulo 2^32 as the accumulation.
SmallVector<int64_t> foldedBias(const DenseWeights &d, int64_t offset) {
  SmallVector<int64_t> folded(d.bias);
  for (int64_t o = 0; o < d.outputs; ++o) {
    int64_t sum = 0;
    for (int64_t k = 0; k < d.depth; ++k)
      sum += d.w[o * d.depth + k];
    folded[o] =
        static_cast<int32_t>(static_cast<uint32_t>(folded[o] - offset * sum));
  }
  return folded;
}

/// The NEON kernel call of an int8 conv2d (groups 1 or depthwise), fully
/// connected layer or matmul by a constant matrix with int8 or int4
/// weights, after defining its packed weights and a bias with the input's
/// zero point folded in (neon.h); none for other contractions.
std::optional<std::string> Emitter::neonCall(Operation *op, Value out,
                                             StringRef outType, bool left) {
  Value x = op->getOperand(0);
  auto conv = dyn_cast<Conv2DOp>(op);
  std::optional<DenseWeights> d = denseWeights(op);
  if (!d)
    return std::nullopt;
  qcc_rt::Conv2DShape g = {};
  bool depthwise = false;
  if (conv) {
    g = convolutionShape(op);
    depthwise = g.groups > 1 && g.groups == g.channels &&
                g.groups == g.features &&
                11 * g.stride_w + 3 * g.dilation_w <= 31;
    if (g.groups != 1 && !depthwise)
      return std::nullopt;
  }
  int64_t outputs = d->outputs, depth = d->depth;
  ArrayRef<int64_t> w = d->w;
  int64_t zx = zeroPointOf(x);
  std::string biasName = staticArray("int32_t", padded(foldedBias(*d, zx), 8));
  auto kernel = [&](StringRef name) {
    return llvm::formatv("qcc_rt::neon::{0}<{1}, {2}>", name, outType,
                         left ? "true" : "false")
        .str();
  };
  int64_t steps = (depth + 3) / 4;
  auto packGemm = [&] {
    SmallVector<int64_t> packed(llvm::alignTo(outputs, 8) * steps * 4, 0);
    for (int64_t o = 0; o < outputs; ++o)
      for (int64_t k = 0; k < depth; ++k)
        packed[o / 8 * steps * 32 + k / 4 * 32 + o % 8 * 4 + k % 4] =
            w[o * depth + k];
    return staticArray("int8_t", packed);
  };
  if (conv && !depthwise) {
    SmallVector<int64_t> taps;
    int64_t bandW = qcc_rt::conv_band_width(g);
    for (int64_t c = 0; c < g.channels; ++c)
      for (int64_t kh = 0; kh < g.kernel_h; ++kh)
        for (int64_t kw = 0; kw < g.kernel_w; ++kw)
          taps.push_back(qcc_rt::conv_is_flat(g)
                             ? c * g.height * g.width
                             : (c * g.kernel_h + kh) * bandW +
                                   kw * g.dilation_w);
    return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, shape, {6}, "
                         "epilogue, {7});\n",
                         kernel("conv2d_gemm"), exprs[x], zx, packGemm(),
                         biasName, exprs[out], staticArray("int32_t", taps),
                         scratch(qcc_rt::conv2d_gemm_scratch(g)))
        .str();
  }
  if (depthwise) {
    int64_t chunks = qcc_rt::depthwise_chunks(g);
    int64_t pieces = g.kernel_h * chunks, pieces4 = llvm::alignTo(pieces, 4);
    int64_t pw = qcc_rt::depthwise_plane_width(g);
    SmallVector<int64_t> packed(g.channels * pieces4 * 4, 0);
    for (int64_t c = 0; c < g.channels; ++c)
      for (int64_t kh = 0; kh < g.kernel_h; ++kh)
        for (int64_t kw = 0; kw < g.kernel_w; ++kw)
          packed[c * pieces4 * 4 + (kh * chunks + kw / 4) * 4 + kw % 4] =
              w[(c * g.kernel_h + kh) * g.kernel_w + kw];
    SmallVector<int64_t> offsets(pieces4, 0), index;
    for (int64_t p = 0; p < pieces; ++p)
      offsets[p] =
          p / chunks * g.dilation_h * pw + p % chunks * 4 * g.dilation_w;
    for (int64_t group = 0; group < 3; ++group)
      for (int64_t j = 0; j < 4; ++j)
        for (int64_t t = 0; t < 4; ++t)
          index.push_back((4 * group + j) * g.stride_w + t * g.dilation_w);
    return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, shape, {6}, {7}, "
                         "epilogue, {8});\n",
                         kernel("depthwise_dot"), exprs[x], zx,
                         staticArray("int8_t", packed), biasName, exprs[out],
                         staticArray("int32_t", offsets),
                         staticArray("uint8_t", index),
                         scratch(qcc_rt::depthwise_scratch(g)))
        .str();
  }
  int64_t rows = shapeProduct(shapeOf(x).drop_back());
  if (rows >= 8)
    return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, {6}, {7}, "
                         "epilogue, {8});\n",
                         kernel("matmul_gemm"), exprs[x], packGemm(), biasName,
                         exprs[out], rows, outputs, depth,
                         scratch(qcc_rt::matmul_gemm_scratch(depth)))
        .str();
  // Few rows: each against weights in blocks of 4 outputs x 4 taps.
  int64_t kp = llvm::alignTo(depth, 16);
  SmallVector<int64_t> packed(llvm::alignTo(outputs, 8) * kp, 0);
  for (int64_t o = 0; o < outputs; ++o)
    for (int64_t k = 0; k < depth; ++k)
      packed[o / 4 * 4 * kp + k / 16 * 64 + k % 16 / 4 * 16 + o % 4 * 4 +
             k % 4] = w[o * depth + k];
  return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, "
                       "epilogue, {9});\n",
                       kernel("dot_rows"), exprs[x],
                       staticArray("int8_t", packed), biasName, exprs[out],
                       rows, outputs, depth, kp, scratch(depth == kp ? 0 : kp))
      .str();
}

/// The HVX kernel call of an int8 conv2d with groups 1, fully connected
/// layer or matmul by a constant matrix with int8 or int4 weights, after
/// defining its packed weights and folded bias (hvx.h); none for other
/// contractions.
std::optional<std::string> Emitter::hvxCall(Operation *op, Value out,
                                            StringRef outType, bool left) {
  Value x = op->getOperand(0);
  std::optional<DenseWeights> d = denseWeights(op);
  if (!d)
    return std::nullopt;
  int64_t outputs = d->outputs, depth = d->depth, zx = zeroPointOf(x);
  int64_t kp = llvm::alignTo(depth, 4);
  auto kernel = [&](StringRef name) {
    return llvm::formatv("qcc_rt::hvx::{0}<{1}, {2}>", name, outType,
                         left ? "true" : "false")
        .str();
  };
  if (isa<Conv2DOp>(op)) {
    // Lanes are output positions: the input offset by 128 to unsigned, the
    // weights [features][kp] signed.
    qcc_rt::Conv2DShape g = convolutionShape(op);
    // Through phase planes: each kernel row of the weights in chunks of 4
    // taps (zeros past its end); the offset's 128 * sum(w) in the bias.
    auto planesCall = [&](StringRef name, int64_t scratchBytes) {
      int64_t chunks = (g.kernel_w + 3) / 4;
      int64_t rows = static_cast<int64_t>(d->w.size()) / g.kernel_w;
      SmallVector<int64_t> packed(rows * chunks * 4, 0);
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t kw = 0; kw < g.kernel_w; ++kw)
          packed[r * chunks * 4 + kw] = d->w[r * g.kernel_w + kw];
      return llvm::formatv("    qcc_rt::hvx::{0}<{1}>({2}, {3}, {4}, {5}, "
                           "{6}, shape, epilogue, {7});\n",
                           name, left ? "true" : "false", exprs[x], zx,
                           staticArray("int8_t", packed),
                           staticArray("int32_t", foldedBias(*d, zx + 128)),
                           exprs[out], scratch(scratchBytes))
          .str();
    };
    bool planes = outType == "int8_t" && qcc_rt::hvx_depthwise_supported(g);
    if (g.groups > 1 && g.groups == g.channels && g.groups == g.features &&
        planes)
      return planesCall("depthwise", qcc_rt::hvx_depthwise_scratch(g));
    if (g.groups != 1)
      return std::nullopt;
    if (!qcc_rt::conv_is_flat(g) && planes)
      return planesCall("conv_planes", qcc_rt::hvx_conv_planes_scratch(g));
    SmallVector<int64_t> packed(outputs * kp, 0);
    for (int64_t o = 0; o < outputs; ++o)
      for (int64_t k = 0; k < depth; ++k)
        packed[o * kp + k] = d->w[o * depth + k];
    return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, shape, epilogue, "
                         "{6});\n",
                         kernel("conv2d"), exprs[x], zx,
                         staticArray("int8_t", packed),
                         staticArray("int32_t", foldedBias(*d, zx + 128)),
                         exprs[out], scratch(qcc_rt::hvx_conv2d_scratch(g)))
        .str();
  }
  // Lanes are output channels: the weights offset by 128 to unsigned,
  // [outputs / 32][kp / 4][32][4] (padding 0: no product).
  int64_t steps = kp / 4, rows = elementsOf(x) / depth;
  SmallVector<int64_t> packed(llvm::alignTo(outputs, 32) * kp, 0);
  for (int64_t o = 0; o < outputs; ++o)
    for (int64_t k = 0; k < depth; ++k)
      packed[(o / 32 * steps + k / 4) * 128 + o % 32 * 4 + k % 4] =
          d->w[o * depth + k] + 128;
  return llvm::formatv("    {0}({1}, {2}, {3}, {4}, {5}, {6}, {7}, "
                       "epilogue, {8});\n",
                       kernel("matmul"), exprs[x],
                       staticArray("uint8_t", packed),
                       staticArray("int32_t", padded(foldedBias(*d, zx), 32)),
                       exprs[out], rows, outputs, depth,
                       scratch(qcc_rt::hvx_matmul_scratch(rows, depth)))
      .str();
}

LogicalResult Emitter::emitContraction(Operation *op) {
  Value x = op->getOperand(0), w = op->getOperand(1);
  Value bias = op->getNumOperands() > 2 ? op->getOperand(2) : Value();
  Value y = op->getResult(0);
  if (op->getAttr("fused_activation") || !elementOf(y).isInteger(32) ||
      isa<quant::UniformQuantizedPerAxisType>(elementOf(x)) || !isSymmetric(w))
    return op->emitOpError("the C++ backend needs an int32 accumulator, a "
                           "per-tensor input and symmetric weights"),
           failure();
  FailureOr<StringRef> xt = cType(op, x), wt = cType(op, w);
  if (failed(xt) || failed(wt))
    return failure();
  std::string biasExpr = bias ? exprs[bias] : "nullptr";
  if (isa<ConvTranspose2DOp>(op)) {
    bodyOs << llvm::formatv(
        "  {\n    const qcc_rt::Conv2DShape shape = {0};\n"
        "    qcc_rt::conv_transpose2d<{1}, {2}>({3}, {4}, {5}, {6}, {7}, "
        "shape);\n  }\n",
        shapeLiteral(convolutionShape(op)), *xt, *wt, exprs[x], zeroPointOf(x),
        exprs[w], biasExpr, exprs[y]);
    return success();
  }
  ArrayRef<int64_t> lhs = shapeOf(x), rhs = shapeOf(w);
  if (isa<MatMulOp>(op) && (rhs.size() != 2 || lhs.empty()))
    return op->emitOpError("the C++ backend multiplies by a constant matrix "
                           "only"),
           failure();
  // The sums go through the fused requantize, if any, to its result.
  Value out = y;
  RequantizeOp rq = fusedRequantize(op);
  if (rq) {
    out = rq.getOutput();
    fused.insert(rq.getInput().getDefiningOp());
    fused.insert(rq);
    if (failed(placeResult(rq)))
      return failure();
  }
  FailureOr<StringRef> outT = cType(op, out);
  if (failed(outT))
    return failure();
  int64_t channels = isa<Conv2DOp>(op) ? shapeOf(y)[1] : shapeOf(y).back();
  bool left;
  std::string epi = epilogue(rq, channels, left);
  bodyOs << "  {\n    const qcc_rt::Epilogue epilogue = " << epi << ";\n";
  if (isa<Conv2DOp>(op))
    bodyOs << "    const qcc_rt::Conv2DShape shape = "
           << shapeLiteral(convolutionShape(op)) << ";\n";
  std::string portable;
  if (isa<Conv2DOp>(op))
    portable = llvm::formatv("    qcc_rt::conv2d<{0}, {1}, {2}>({3}, {4}, {5}, "
                             "{6}, {7}, shape, epilogue);\n",
                             *xt, *wt, *outT, exprs[x], zeroPointOf(x),
                             exprs[w], biasExpr, exprs[out]);
  else if (isa<FullyConnectedOp>(op))
    portable = llvm::formatv(
        "    qcc_rt::fully_connected<{0}, {1}, {2}>({3}, {4}, {5}, {6}, {7}, "
        "{8}, {9}, {10}, epilogue);\n",
        *xt, *wt, *outT, exprs[x], zeroPointOf(x), exprs[w], biasExpr,
        exprs[out], lhs[0], rhs[0], lhs[1]);
  else
    portable = llvm::formatv("    qcc_rt::matmul<{0}, {1}, {2}>({3}, {4}, {5}, "
                             "{6}, {7}, {8}, {9}, epilogue);\n",
                             *xt, *wt, *outT, exprs[x], zeroPointOf(x),
                             exprs[w], exprs[out],
                             shapeProduct(lhs.drop_back()), rhs[1], rhs[0]);
  if (options.hvx)
    emitCall(std::nullopt, portable, hvxCall(op, out, *outT, left));
  else
    emitCall(neonCall(op, out, *outT, left), portable);
  bodyOs << "  }\n";
  return success();
}

LogicalResult Emitter::emitRequantize(RequantizeOp op) {
  Type from = elementOf(op.getInput()), to = elementOf(op.getOutput());
  auto toUniform = dyn_cast<quant::UniformQuantizedType>(to);
  auto fromAxis = dyn_cast<quant::UniformQuantizedPerAxisType>(from);
  FailureOr<StringRef> inT = cType(op, op.getInput()),
                       outT = cType(op, op.getOutput());
  if (failed(inT) || failed(outT))
    return failure();
  if (!toUniform)
    return op.emitOpError("the C++ backend requantizes to a per-tensor type"),
           failure();
  SmallVector<FixedPointMultiplier> multipliers = requantizeMultipliers(op);
  ArrayRef<int64_t> shape = shapeOf(op.getInput());
  int64_t axis = fromAxis ? fromAxis.getQuantizedDimension() : 0;
  int64_t outer = fromAxis ? shapeProduct(shape.take_front(axis)) : 1;
  int64_t channels = fromAxis ? shape[axis] : 1;
  int64_t inner =
      fromAxis ? shapeProduct(shape.drop_front(axis + 1)) : shapeProduct(shape);
  std::string m = staticArray(
      "int32_t", llvm::map_range(multipliers, [](FixedPointMultiplier f) {
        return f.multiplier;
      }));
  std::string s = staticArray(
      "int32_t", llvm::map_range(multipliers, [](FixedPointMultiplier f) {
        return f.shift;
      }));
  SmallVector<int64_t> zeroPoints(channels, zeroPointOf(op.getInput()));
  if (fromAxis)
    zeroPoints.assign(fromAxis.getZeroPoints().begin(),
                      fromAxis.getZeroPoints().end());
  bodyOs << llvm::formatv(
      "  qcc_rt::requantize<{0}, {1}>({2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, "
      "{10}, {11}, {12});\n",
      *inT, *outT, exprs[op.getInput()], exprs[op.getOutput()], outer, channels,
      inner, staticArray("int32_t", zeroPoints), m, s, toUniform.getZeroPoint(),
      toUniform.getStorageTypeMin(), toUniform.getStorageTypeMax());
  return success();
}

LogicalResult Emitter::emitBinary(Operation *op) {
  Value a = op->getOperand(0), b = op->getOperand(1), y = op->getResult(0);
  if (!llvm::all_of(ValueRange{a, b, y}, [](Value v) {
        return isa<quant::UniformQuantizedType>(elementOf(v));
      }))
    return op->emitOpError("the C++ backend needs per-tensor quantized "
                           "operands"),
           failure();
  FailureOr<qcc_rt::BinaryParams> p = quantizedBinaryParameters(op);
  FailureOr<StringRef> at = cType(op, a), bt = cType(op, b), yt = cType(op, y);
  if (failed(p) || failed(at) || failed(bt) || failed(yt))
    return failure();
  ArrayRef<int64_t> shape = shapeOf(y);
  if (shape.size() > 8)
    return op->emitOpError("the C++ backend broadcasts up to rank 8"),
           failure();
  // Strides of each operand read with broadcasting: 0 along size-1 and
  // missing leading dimensions.
  auto strides = [&](Value v) {
    ArrayRef<int64_t> own = shapeOf(v);
    SmallVector<int64_t> result(shape.size(), 0);
    int64_t stride = 1;
    for (int64_t d = own.size() - 1; d >= 0; --d) {
      int64_t at = shape.size() - own.size() + d;
      result[at] = own[d] == 1 ? 0 : stride;
      stride *= own[d];
    }
    return staticArray("int64_t", result);
  };
  std::string shapeArray = staticArray("int64_t", shape);
  std::string aStrides = strides(a), bStrides = strides(b);
  const qcc_rt::BinaryParams &q = *p;
  bodyOs << llvm::formatv("  {{\n    const qcc_rt::BinaryParams params = "
                          "{{{0}, {1}, {2}, {3}, {4}, "
                          "{5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}};\n",
                          q.mul, q.subtract, q.shift, q.a_multiplier, q.a_shift,
                          q.b_multiplier, q.b_shift, q.multiplier, q.out_shift,
                          q.za, q.zb, q.zy, q.qmin, q.qmax);
  // int8 operands of the result's shape: NEON or HVX.
  std::optional<std::string> neon, hvx;
  if (*at == "int8_t" && *bt == "int8_t" && *yt == "int8_t" &&
      shapeOf(a) == shape && shapeOf(b) == shape) {
    std::string args =
        llvm::formatv("({0}, {1}, {2}, {3}, params);\n", exprs[a], exprs[b],
                      exprs[y], elementsOf(y));
    neon = "    qcc_rt::neon::binary" + args;
    hvx = "    qcc_rt::hvx::binary" + args;
  }
  emitCall(neon,
           llvm::formatv("    qcc_rt::binary<{0}, {1}, {2}>({3}, {4}, "
                         "{5}, {6}, {7}, {8}, {9}, params);\n",
                         *at, *bt, *yt, exprs[a], exprs[b], exprs[y],
                         shape.size(), shapeArray, aStrides, bStrides),
           hvx);
  bodyOs << "  }\n";
  return success();
}

LogicalResult Emitter::emitOp(Operation *op) {
  if (auto constant = dyn_cast<ConstantOp>(op))
    return emitConstant(constant);
  if (fused.contains(op))
    return success();
  Value result = op->getResult(0);
  FailureOr<StringRef> type = cType(op, result);
  bool isOutput = exprs.count(result);
  bool isAlias =
      isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, StorageCastOp>(op);
  if (failed(type) || (!fusedRequantize(op) && failed(placeResult(op))))
    return failure();
  if (isAlias) {
    // Data movement without moving: the same bytes, unless the result had
    // to go to an output buffer.
    if (isOutput)
      bodyOs << llvm::formatv("  qcc_rt::copy({0}, {1}, {2});\n",
                              exprs[op->getOperand(0)], exprs[result],
                              storageBytes(result.getType()));
    return success();
  }
  if (auto q = dyn_cast<QuantizeOp>(op)) {
    auto qType = dyn_cast<quant::UniformQuantizedType>(elementOf(result));
    if (!qType || !elementOf(q.getInput()).isF32() ||
        q.getRounding() != RoundingMode::HalfToEven)
      return op->emitOpError("the C++ backend quantizes float32 per tensor, "
                             "rounding half to even"),
             failure();
    std::string args =
        llvm::formatv("({0}, {1}, {2}, {3}, {4}, {5}, {6});\n",
                      exprs[q.getInput()], exprs[result], elementsOf(result),
                      floatLiteral(qType.getScale()), qType.getZeroPoint(),
                      qType.getStorageTypeMin(), qType.getStorageTypeMax());
    std::optional<std::string> neon, hvx;
    if (*type == "int8_t")
      neon = "  qcc_rt::neon::quantize" + args;
    // With the reciprocal of the scale, rounded to float.
    if (qType.getStorageTypeIntegralWidth() <= 16)
      hvx = llvm::formatv("  qcc_rt::hvx::quantize<{0}>({1}, {2}, {3}, {4}, "
                          "{5}, {6}, {7}, {8});\n",
                          *type, exprs[q.getInput()], exprs[result],
                          elementsOf(result), floatLiteral(qType.getScale()),
                          floatLiteral(1.0f / float(qType.getScale())),
                          qType.getZeroPoint(), qType.getStorageTypeMin(),
                          qType.getStorageTypeMax())
                .str();
    emitCall(neon, ("  qcc_rt::quantize<" + *type + ">").str() + args, hvx);
    return success();
  }
  if (auto dq = dyn_cast<DequantizeOp>(op)) {
    auto type = dyn_cast<quant::UniformQuantizedType>(elementOf(dq.getInput()));
    if (!type || !elementOf(result).isF32())
      return op->emitOpError("the C++ backend dequantizes per-tensor values "
                             "to float32"),
             failure();
    bodyOs << llvm::formatv(
        "  qcc_rt::dequantize<{0}>({1}, {2}, {3}, {4}, {5});\n",
        cTypeOf(type)->first, exprs[dq.getInput()], exprs[result],
        elementsOf(result), floatLiteral(type.getScale()), type.getZeroPoint());
    return success();
  }
  if (isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(op))
    return emitContraction(op);
  if (auto concat = dyn_cast<ConcatOp>(op)) {
    ArrayRef<int64_t> shape = shapeOf(result);
    int64_t axis = concat.getAxis();
    int64_t outer = shapeProduct(shape.take_front(axis));
    int64_t whole = shapeProduct(shape.drop_front(axis)), offset = 0;
    for (Value input : concat.getInputs()) {
      if (elementOf(input) != elementOf(result))
        return op->emitOpError("the C++ backend concatenates values of the "
                               "result's type"),
               failure();
      int64_t part = shapeProduct(shapeOf(input).drop_front(axis));
      bodyOs << llvm::formatv(
          "  qcc_rt::concat_part<{0}>({1}, {2}, {3}, {4}, {5}, {6});\n", *type,
          exprs[input], exprs[result], outer, part, whole, offset);
      offset += part;
    }
    return success();
  }
  if (auto ln = dyn_cast<LayerNormOp>(op)) {
    FailureOr<StringRef> inT = cType(op, ln.getInput());
    if (failed(inT) || !isa<quant::QuantizedType>(elementOf(ln.getInput())))
      return op->emitOpError("the C++ backend normalizes quantized values"),
             failure();
    FailureOr<LayerNormParameters> p = layerNormParameters(op);
    if (failed(p))
      return failure();
    bodyOs << llvm::formatv(
        "  qcc_rt::layer_norm<{0}, {1}>({2}, {3}, {4}, {5}, {6}, {7}, {8}, "
        "{9}, {10}, {11}, {12}, {13}, {14});\n",
        *inT, *type, exprs[ln.getInput()], exprs[result], p->rows, p->size,
        p->zx, p->epsilon, staticArray("int32_t", p->signs),
        staticArray("int32_t", p->multipliers),
        staticArray("int32_t", p->shifts), staticArray("int32_t", p->biases),
        p->zy, p->qmin, p->qmax);
    return success();
  }
  if (auto transpose = dyn_cast<TransposeOp>(op)) {
    ArrayRef<int64_t> in = shapeOf(transpose.getInput()), out = shapeOf(result);
    if (out.size() > 8)
      return op->emitOpError("the C++ backend transposes up to rank 8"),
             failure();
    SmallVector<int64_t> inStrides(in.size(), 1), strides;
    for (int64_t d = static_cast<int64_t>(in.size()) - 2; d >= 0; --d)
      inStrides[d] = inStrides[d + 1] * in[d + 1];
    for (int64_t p : transpose.getPerms())
      strides.push_back(inStrides[p]);
    bodyOs << llvm::formatv(
        "  qcc_rt::transpose<{0}>({1}, {2}, {3}, {4}, {5});\n", *type,
        exprs[transpose.getInput()], exprs[result], out.size(),
        staticArray("int64_t", out), staticArray("int64_t", strides));
    return success();
  }
  if (auto resize = dyn_cast<ResizeOp>(op)) {
    std::vector<std::vector<int64_t>> indices;
    if (resize.getMode() == ResizeMode::Nearest)
      indices = nearestIndices(op);
    SmallVector<int32_t> flat;
    for (const std::vector<int64_t> &dim : indices)
      flat.append(dim.begin(), dim.end());
    if (indices.empty() || llvm::is_contained(flat, -1) ||
        shapeOf(result).size() > 8)
      return op->emitOpError("the C++ backend resizes by nearest neighbour "
                             "within the input only"),
             failure();
    bodyOs << llvm::formatv(
        "  qcc_rt::resize_nearest<{0}>({1}, {2}, {3}, {4}, {5}, {6});\n", *type,
        exprs[resize.getInput()], exprs[result], shapeOf(result).size(),
        staticArray("int64_t", shapeOf(resize.getInput())),
        staticArray("int64_t", shapeOf(result)), staticArray("int32_t", flat));
    return success();
  }
  if (auto table = dyn_cast<TableOp>(op)) {
    auto in = cast<quant::UniformQuantizedType>(elementOf(table.getInput()));
    FailureOr<StringRef> inT = cType(op, table.getInput());
    if (failed(inT))
      return failure();
    bodyOs << llvm::formatv(
        "  qcc_rt::table<{0}, {1}>({2}, {3}, {4}, {5}, {6});\n", *inT, *type,
        exprs[table.getInput()], exprs[result], elementsOf(result),
        exprs[table.getTable()], in.getStorageTypeMin());
    return success();
  }
  if (isa<AddOp, SubOp, MulOp>(op))
    return emitBinary(op);
  if (auto pool = dyn_cast<GlobalAvgPoolOp>(op)) {
    auto in = dyn_cast<quant::UniformQuantizedType>(elementOf(pool.getInput()));
    auto out = dyn_cast<quant::UniformQuantizedType>(elementOf(result));
    FailureOr<StringRef> inT = cType(op, pool.getInput());
    if (!in || !out || failed(inT))
      return op->emitOpError("the C++ backend pools per-tensor quantized "
                             "values"),
             failure();
    ArrayRef<int64_t> shape = shapeOf(pool.getInput());
    FixedPointMultiplier m = globalAvgPoolMultiplier(op);
    int64_t size = shapeProduct(shape.drop_front(2));
    std::string args = llvm::formatv(
        "({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9});\n",
        exprs[pool.getInput()], exprs[result], shape[0] * shape[1], size,
        in.getZeroPoint(), m.multiplier, m.shift, out.getZeroPoint(),
        out.getStorageTypeMin(), out.getStorageTypeMax());
    std::optional<std::string> hvx;
    if (*inT == "int8_t" && *type == "int8_t" && size < (1 << 23))
      hvx = "  qcc_rt::hvx::global_avg_pool" + args;
    emitCall(std::nullopt,
             llvm::formatv("  qcc_rt::global_avg_pool<{0}, {1}>", *inT, *type)
                     .str() +
                 args,
             hvx);
    return success();
  }
  if (auto softmax = dyn_cast<SoftmaxOp>(op)) {
    auto out = dyn_cast<quant::UniformQuantizedType>(elementOf(result));
    FailureOr<StringRef> inT = cType(op, softmax.getInput());
    if (!out || failed(inT) || !isIntegerSoftmax(softmax))
      return op->emitOpError("the C++ backend computes softmax in qcc's "
                             "integer form only"),
             failure();
    ArrayRef<int64_t> shape = shapeOf(result);
    int64_t axis = softmax.getAxis();
    std::string exps = staticArray("int32_t", softmaxExponentials(op));
    bodyOs << llvm::formatv(
        "  qcc_rt::softmax<{0}, {1}>({2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, "
        "{10});\n",
        *inT, *type, exprs[softmax.getInput()], exprs[result],
        shapeProduct(shape.take_front(axis)), shape[axis],
        shapeProduct(shape.drop_front(axis + 1)), exps,
        out.getStorageTypeIntegralWidth(), out.getStorageTypeMin(),
        out.getStorageTypeMax());
    return success();
  }
  if (auto rq = dyn_cast<RequantizeOp>(op))
    return emitRequantize(rq);
  if (auto pool = dyn_cast<MaxPool2DOp>(op)) {
    auto element = dyn_cast<quant::UniformQuantizedType>(elementOf(result));
    if (!element)
      return op->emitOpError("the C++ backend max-pools quantized values"),
             failure();
    ArrayRef<int64_t> in = shapeOf(pool.getInput()), out = shapeOf(result);
    ArrayRef<int64_t> kernel = pool.getKernel(), strides = pool.getStrides(),
                      dilations = pool.getDilations(), pads = pool.getPads();
    int64_t lowest =
        element.isSigned()
            ? -(int64_t(1) << (element.getStorageTypeIntegralWidth() - 1))
            : 0;
    bodyOs << llvm::formatv(
        "  {\n    const qcc_rt::Pool2DShape shape = {{{0}, {1}, {2}, {3}, {4}, "
        "{5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}};\n",
        in[0] * in[1], in[2], in[3], out[2], out[3], kernel[0], kernel[1],
        strides[0], strides[1], dilations[0], dilations[1], pads[0], pads[1]);
    std::optional<std::string> neon;
    if (*type == "int8_t")
      neon = llvm::formatv("    qcc_rt::neon::max_pool2d({0}, {1}, shape);\n",
                           exprs[pool.getInput()], exprs[result]);
    emitCall(neon, llvm::formatv("    qcc_rt::max_pool2d<{0}>({1}, {2}, shape, "
                                 "{3});\n",
                                 *type, exprs[pool.getInput()], exprs[result],
                                 lowest));
    bodyOs << "  }\n";
    return success();
  }
  if (isa<ReluOp, ClipOp>(op) &&
      isa<quant::UniformQuantizedType>(elementOf(op->getOperand(0))) &&
      op->getOperand(0).getType() == result.getType()) {
    auto [lo, hi] = quantizedClampBounds(op);
    std::string args =
        llvm::formatv("({0}, {1}, {2}, {3}, {4});\n", exprs[op->getOperand(0)],
                      exprs[result], elementsOf(result), lo, hi);
    std::optional<std::string> hvx;
    if (*type == "int8_t")
      hvx = "  qcc_rt::hvx::clamp" + args;
    emitCall(std::nullopt, ("  qcc_rt::clamp<" + *type + ">").str() + args,
             hvx);
    return success();
  }
  return op->emitOpError("the C++ backend does not support this op yet"),
         failure();
}

/// The static tables the info query returns.
void Emitter::emitInterfaceTables(raw_ostream &os) {
  auto table = [&](StringRef kind, ArrayRef<Type> types,
                   function_ref<StringRef(unsigned)> nameOf) {
    for (auto [i, type] : llvm::enumerate(types)) {
      auto shaped = cast<ShapedType>(type);
      os << "static const int64_t " << kind << "_shape" << i << "[] = {"
         << llvm::join(
                llvm::map_range(shaped.getShape(),
                                [](int64_t d) { return llvm::itostr(d); }),
                ", ")
         << "};\n";
    }
    os << "static const qcc_tensor_info " << kind << "_info[] = {\n";
    for (auto [i, type] : llvm::enumerate(types)) {
      auto shaped = cast<ShapedType>(type);
      Type element = shaped.getElementType();
      auto q = dyn_cast<quant::UniformQuantizedType>(element);
      os << llvm::formatv(
          "    {{\"{0}\", {1}, {2}, {3}_shape{4}, {5}, {6}},\n",
          cString(nameOf(i)), cTypeOf(element)->second, shaped.getRank(), kind,
          i, q ? floatLiteral(q.getScale()) : "0.0f", q ? q.getZeroPoint() : 0);
    }
    os << "};\n";
  };
  auto argName = [&](unsigned i) -> StringRef {
    if (auto name =
            func.getArgAttrOfType<StringAttr>(i, QccDialect::kNameAttrName))
      return name.getValue();
    return "";
  };
  auto resultName = [&](unsigned i) -> StringRef {
    if (auto name =
            func.getResultAttrOfType<StringAttr>(i, QccDialect::kNameAttrName))
      return name.getValue();
    return "";
  };
  table("input", func.getArgumentTypes(), argName);
  table("output", func.getResultTypes(), resultName);
}

LogicalResult Emitter::emit(raw_ostream &os, CppLibraryLayout &layout) {
  if (!func.getBody().hasOneBlock())
    return func.emitError("the C++ backend needs a single-block function"),
           failure();
  auto arenaSize =
      func->getAttrOfType<IntegerAttr>(QccDialect::kArenaSizeAttrName);
  if (!arenaSize)
    return func.emitError("has no arena size; run qcc-plan-memory first"),
           failure();
  int64_t planned = llvm::alignTo(arenaSize.getInt(), 128);
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  if (failed(place(ret)))
    return failure();
  for (Operation &op : func.getBody().front().without_terminator())
    if (failed(emitOp(&op)))
      return failure();
  for (auto [j, v] : llvm::enumerate(ret.getOperands())) {
    std::string target = llvm::formatv("outputs[{0}]", j);
    if (exprs[v].find(target) == std::string::npos)
      bodyOs << llvm::formatv("  qcc_rt::copy({0}, outputs[{1}], {2});\n",
                              exprs[v], j, storageBytes(v.getType()));
  }
  for (Type type : TypeRange(ret.getOperandTypes()))
    if (!cTypeOf(cast<ShapedType>(type).getElementType()))
      return ret.emitOpError("the C++ backend cannot return ") << type,
             failure();

  auto livePeak =
      func->getAttrOfType<IntegerAttr>(QccDialect::kArenaLivePeakAttrName);
  layout.plannedBytes = planned;
  layout.livePeakBytes = livePeak ? livePeak.getInt() : 0;
  layout.scratchBytes = llvm::alignTo(scratchBytes, 128);
  layout.arenaBytes = planned + layout.scratchBytes;
  StringRef p = options.prefix;
  os << "// Generated by qcc " << QCC_VERSION_STRING << " from "
     << (options.source.empty() ? "<stdin>" : options.source)
     << ". Do not edit.\n\n";
  emitHeaderDeclarations(p, options.hvx, os);
  // NEON kernels on AArch64, and through SIMDe (when installed) elsewhere;
  // HVX kernels on Hexagon; only the portable ones with -DQCC_PORTABLE.
  os << "\n#if defined(QCC_PORTABLE)\n"
        "#elif defined(__ARM_NEON)\n#include <arm_neon.h>\n#define QCC_NEON 1\n"
        "#elif defined(__HVX__) && __HVX_LENGTH__ == 128\n"
        "#include <hexagon_types.h>\n#include <hexagon_protos.h>\n"
        "#include <hvx_hexagon_protos.h>\n#define QCC_HVX 1\n"
        "#elif defined(__has_include)\n"
        "#if __has_include(<simde/arm/neon.h>)\n"
        "#define SIMDE_ENABLE_NATIVE_ALIASES\n"
        "#include <simde/arm/neon.h>\n#define QCC_NEON 1\n#endif\n#endif\n\n"
     << kHexagonSupportSource << "\n"
     << "namespace {\n"
     << kRuntimeSource << "\n"
     << data;
  emitInterfaceTables(os);
  os << "} // namespace\n\n"
     << "extern \"C\" const qcc_model_info *" << p << "_info(void) {\n"
     << llvm::formatv("  static const qcc_model_info info = {{QCC_ABI_VERSION, "
                      "{0}, {1}, input_info, output_info, {2}, 128};\n",
                      func.getNumArguments(), func.getNumResults(),
                      layout.arenaBytes)
     << "  return &info;\n}\n\n";
  // On Hexagon the run holds the HVX unit through the hooks a FastRPC skel
  // sets (none: the emulator, or a caller that holds it already).
  if (options.hvx)
    os << "static int (*hvx_acquire)(void);\nstatic void (*hvx_release)(void);"
          "\n\nextern \"C\" void "
       << p
       << "_set_hvx_hooks(int (*acquire)(void), void (*release)(void)) {\n"
          "  hvx_acquire = acquire;\n  hvx_release = release;\n}\n\n";
  os << "extern \"C\" int " << p
     << "_run(const void *const *inputs, void *const *outputs, void "
        "*arena_memory) {\n"
     << "  uint8_t *arena = (uint8_t *)arena_memory;\n"
     << "  if ((uintptr_t)arena % 128)\n    return 1;\n";
  if (options.hvx)
    os << "  if (hvx_acquire && hvx_acquire() != 0)\n    return 2;\n";
  if (scratchBytes)
    os << "  int8_t *scratch = (int8_t *)(arena + " << planned << ");\n";
  os << body;
  if (options.hvx)
    os << "  if (hvx_release)\n    hvx_release();\n";
  os << "  return 0;\n}\n";
  return success();
}

} // namespace

StringRef runnerSource() {
  static const char source[] =
#include "RunnerSource.inc"
      ;
  return source;
}

/// The interface and the entry points of a library: two, and on Hexagon
/// the setter of the HVX hooks.
static void emitHeaderDeclarations(StringRef prefix, bool hvx,
                                   raw_ostream &os) {
  os << kInterface << "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n"
     << "const qcc_model_info *" << prefix << "_info(void);\n"
     << "int " << prefix
     << "_run(const void *const *inputs, void *const *outputs, void "
        "*arena);\n";
  if (hvx)
    os << "/* Called at the start (nonzero: the run fails with 2) and end of\n"
          " * every run, to hold the HVX unit; none by default. */\n"
          "void "
       << prefix
       << "_set_hvx_hooks(int (*acquire)(void), void (*release)(void));\n";
  os << "#ifdef __cplusplus\n}\n#endif\n";
}

void emitHeader(StringRef prefix, StringRef source, bool hvx, raw_ostream &os) {
  std::string guard = ("QCC_MODEL_" + prefix + "_H").str();
  os << "/* Generated by qcc " << QCC_VERSION_STRING << " from "
     << (source.empty() ? "<stdin>" : source) << ": the interface of the "
     << prefix << " library (docs/LibraryABI.md). */\n#ifndef " << guard
     << "\n#define " << guard << "\n";
  emitHeaderDeclarations(prefix, hvx, os);
  os << "#endif\n";
}

bool isValidSymbolPrefix(StringRef name) {
  return !name.empty() && (llvm::isAlpha(name[0]) || name[0] == '_') &&
         llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

bool isQuantizedModel(func::FuncOp func) {
  auto isQuantized = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return shaped && isa<quant::QuantizedType>(shaped.getElementType());
  };
  return llvm::any_of(func.getArgumentTypes(), isQuantized) ||
         func.walk([&](Operation *op) {
               return llvm::any_of(op->getResultTypes(), isQuantized)
                          ? WalkResult::interrupt()
                          : WalkResult::advance();
             })
             .wasInterrupted();
}

LogicalResult emitCpp(func::FuncOp func, const CppEmitterOptions &options,
                      raw_ostream &os, CppLibraryLayout *layout) {
  if (!isValidSymbolPrefix(options.prefix))
    return func.emitError("'")
               << options.prefix << "' is not a valid C symbol prefix",
           failure();
  CppLibraryLayout ignored;
  return Emitter(func, options).emit(os, layout ? *layout : ignored);
}

} // namespace qcc
