//===- OnnxImporter.cpp - ONNX models to the qcc dialect ------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Walks the nodes of an ONNX graph in order and builds qcc ops with fully
// inferred, static-where-possible result types. Constant sub-graphs that
// compute shapes (Shape, Gather, Slice, Concat, Cast, ...) are evaluated
// here, so that what reaches the qcc dialect is the network itself.
//
//===----------------------------------------------------------------------===//

#include "qcc/Import/OnnxImporter.h"
#include "OnnxProto.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Import/OnnxTensor.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstring>
#include <numeric>

using namespace mlir;
using llvm::SmallVector;

namespace qcc {
namespace {

//===----------------------------------------------------------------------===//
// Constant tensors at import time
//===----------------------------------------------------------------------===//

/// The values of an integer or float constant as int64 (shapes, axes, pads),
/// saturated; NaN is 0.
SmallVector<int64_t> toInt64s(const Tensor &tensor) {
  if (tensor.dtype() == DType::I64) // exact beyond 2^53
    return SmallVector<int64_t>(tensor.data<int64_t>(),
                                tensor.data<int64_t>() + tensor.numElements());
  SmallVector<int64_t> result;
  for (double value : tensor.toDoubles())
    result.push_back(std::isnan(value)  ? 0
                     : value <= -9.2e18 ? std::numeric_limits<int64_t>::min()
                     : value >= 9.2e18  ? std::numeric_limits<int64_t>::max()
                                        : static_cast<int64_t>(value));
  return result;
}

/// Folded constants larger than this are refused: a shape computation never
/// needs them, and a corrupt model must not exhaust memory.
constexpr int64_t kMaxFoldedElements = int64_t(1) << 26;

/// Whether `shape` is a valid shape of at most kMaxFoldedElements elements.
bool isFoldableShape(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t size : shape)
    if (size < 0 || llvm::MulOverflow(n, size, n) || n > kMaxFoldedElements)
      return false;
  return true;
}

Tensor int64Tensor(llvm::ArrayRef<int64_t> values,
                   llvm::ArrayRef<int64_t> shape) {
  Tensor tensor(DType::I64, shape);
  std::copy(values.begin(), values.end(), tensor.data<int64_t>());
  return tensor;
}

/// Row-major strides of a shape, in elements.
SmallVector<int64_t> stridesOf(llvm::ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

/// Gathers elements: result element i is input element `sourceIndex(i)`.
Tensor gatherElements(const Tensor &input, llvm::ArrayRef<int64_t> shape,
                      llvm::function_ref<int64_t(int64_t)> sourceIndex) {
  Tensor result(input.dtype(), shape);
  size_t size = dtypeSize(input.dtype());
  const auto *in = static_cast<const uint8_t *>(input.raw());
  auto *out = static_cast<uint8_t *>(result.raw());
  for (int64_t i = 0, n = result.numElements(); i < n; ++i)
    std::memcpy(out + i * size, in + sourceIndex(i) * size, size);
  return result;
}

Tensor transposeTensor(const Tensor &input, llvm::ArrayRef<int64_t> perms) {
  SmallVector<int64_t> shape, inStrides = stridesOf(input.shape());
  for (int64_t p : perms)
    shape.push_back(input.shape()[p]);
  SmallVector<int64_t> outStrides = stridesOf(shape);
  return gatherElements(input, shape, [&](int64_t i) {
    int64_t source = 0;
    for (size_t d = 0; d < shape.size(); ++d)
      source += (i / outStrides[d] % shape[d]) * inStrides[perms[d]];
    return source;
  });
}

Tensor concatTensors(llvm::ArrayRef<Tensor> parts, int64_t axis) {
  SmallVector<int64_t> shape(parts.front().shape());
  shape[axis] = 0;
  for (const Tensor &part : parts)
    shape[axis] += part.shape()[axis];
  Tensor result(parts.front().dtype(), shape);
  int64_t outer = shapeProduct(llvm::ArrayRef(shape).take_front(axis));
  size_t size = dtypeSize(result.dtype());
  auto *out = static_cast<uint8_t *>(result.raw());
  for (int64_t o = 0; o < outer; ++o) {
    for (const Tensor &part : parts) {
      size_t chunk = shapeProduct(part.shape().drop_front(axis)) * size;
      std::memcpy(out, static_cast<const uint8_t *>(part.raw()) + o * chunk,
                  chunk);
      out += chunk;
    }
  }
  return result;
}

/// Converts a constant to another dtype through double (ONNX Cast on the
/// small integer and float tensors of shape computations): NaN becomes 0,
/// integers saturate, bool is "not zero".
std::optional<Tensor> castTensor(const Tensor &input, DType dtype) {
  if (dtype != DType::F32 && dtype != DType::F64 && dtype != DType::Bool &&
      (isFloat(dtype) || integerBits(dtype) < 8))
    return std::nullopt;
  Tensor result(dtype, input.shape());
  std::vector<double> values = input.toDoubles();
  bool exactInt64 = input.dtype() == DType::I64;
  for (int64_t i = 0, n = result.numElements(); i < n; ++i) {
    double v = std::isnan(values[i]) ? 0.0 : values[i];
    switch (dtype) {
    case DType::F32:
      result.data<float>()[i] = static_cast<float>(values[i]);
      break;
    case DType::F64:
      result.data<double>()[i] = values[i];
      break;
    case DType::Bool:
      result.data<uint8_t>()[i] = values[i] != 0;
      break;
    default:
      visitDType(dtype, [&](auto tag) {
        using T = decltype(tag);
        if (exactInt64 && dtype == DType::I64)
          result.data<T>()[i] = input.data<int64_t>()[i];
        else if (v <= static_cast<double>(std::numeric_limits<T>::lowest()))
          result.data<T>()[i] = std::numeric_limits<T>::lowest();
        else if (v >= static_cast<double>(std::numeric_limits<T>::max()))
          result.data<T>()[i] = std::numeric_limits<T>::max();
        else
          result.data<T>()[i] = static_cast<T>(v);
      });
    }
  }
  return result;
}

//===----------------------------------------------------------------------===//
// The importer
//===----------------------------------------------------------------------===//

/// Spatial attributes of a convolution or pooling node, resolved.
struct Window {
  SmallVector<int64_t> kernel, strides, dilations, pads;
  bool ceilMode = false;
};

/// A 1-D window as the 2-D window over [N, C, 1, L].
void liftWindowTo2D(Window &w) {
  w.kernel.insert(w.kernel.begin(), 1);
  w.strides.insert(w.strides.begin(), 1);
  w.dilations.insert(w.dilations.begin(), 1);
  w.pads = {0, w.pads[0], 0, w.pads[1]};
}

class OnnxImporter {
public:
  OnnxImporter(MLIRContext *context, llvm::StringRef path,
               const OnnxImportOptions &options)
      : context(context), builder(context), path(path.str()),
        baseDir(llvm::sys::path::parent_path(path).str()), options(options),
        fileLoc(FileLineColLoc::get(context, path, 0, 0)) {}

  std::optional<OnnxImport> run();

private:
  //--- Diagnostics -------------------------------------------------------===//

  InFlightDiagnostic modelError() { return emitError(fileLoc); }
  InFlightDiagnostic nodeError() {
    return emitError(loc) << "node '" << nodeName() << "' (" << node->op_type()
                          << "): ";
  }
  std::string nodeName() const {
    if (!node->name().empty())
      return node->name();
    return node->output_size() ? node->output(0) : std::string("<unnamed>");
  }
  LogicalResult unsupported(const llvm::Twine &what) {
    return nodeError() << what << " is not supported", failure();
  }

  //--- Graph
  //---------------------------------------------------------------===//

  LogicalResult importGraph(const onnx::GraphProto &graph);
  LogicalResult importNode();
  LogicalResult bindGraphInputs(const onnx::GraphProto &graph,
                                func::FuncOp func);
  LogicalResult finishFunction(const onnx::GraphProto &graph, func::FuncOp func,
                               OnnxImport &result);

  //--- Node inputs, outputs and attributes -------------------------------===//

  bool hasInput(int i) const {
    return i < node->input_size() && !node->input(i).empty();
  }
  bool hasOutput(int i) const {
    return i < node->output_size() && !node->output(i).empty();
  }
  /// The constant value of input `i`, if it has one (an initializer, a
  /// Constant node, a folded shape computation).
  const Tensor *constantOf(int i);
  /// The same for an input used as a parameter (a shape, scale, zero point,
  /// bound, ...): a graph input given a value is bound to it.
  const Tensor *parameterOf(int i);
  FailureOr<Tensor> constantInput(int i, llvm::StringRef what);
  FailureOr<Value> input(int i);
  void setOutput(int i, Value value) {
    if (hasOutput(i))
      values[node->output(i)] = value;
  }
  void setConstantOutput(int i, Tensor tensor) {
    if (hasOutput(i))
      constants[node->output(i)] = std::move(tensor);
  }
  Value materialize(const Tensor &tensor);

  const onnx::AttributeProto *attr(llvm::StringRef name) const;
  int64_t attrInt(llvm::StringRef name, int64_t defaultValue) const;
  float attrFloat(llvm::StringRef name, float defaultValue) const;
  std::string attrString(llvm::StringRef name,
                         llvm::StringRef defaultValue) const;
  std::optional<SmallVector<int64_t>> attrInts(llvm::StringRef name) const;
  std::optional<SmallVector<float>> attrFloats(llvm::StringRef name) const;
  /// Normalizes an axis into [0, rank), or reports it.
  FailureOr<int64_t> normalizeAxis(int64_t axis, int64_t rank);

  //--- Building ops ------------------------------------------------------===//

  /// Verifies an op just built; its diagnostic is reported as the node's.
  LogicalResult verifyBuilt(Operation *op) {
    std::string message;
    {
      ScopedDiagnosticHandler capture(context, [&](Diagnostic &d) {
        if (message.empty())
          message = d.str();
        return success();
      });
      if (succeeded(verify(op)))
        return success();
    }
    return nodeError() << message, failure();
  }
  template <typename OpTy, typename... Args>
  FailureOr<Value> build(Type type, Args &&...args) {
    auto op = OpTy::create(builder, loc, type, std::forward<Args>(args)...);
    if (failed(verifyBuilt(op)))
      return failure();
    return op->getResult(0);
  }
  RankedTensorType typeOf(Value value) const {
    return cast<RankedTensorType>(value.getType());
  }
  RankedTensorType like(Value value, llvm::ArrayRef<int64_t> shape) const {
    return RankedTensorType::get(shape, typeOf(value).getElementType());
  }
  FailureOr<Value> reshape(Value value, llvm::ArrayRef<int64_t> shape) {
    if (typeOf(value).getShape() == shape)
      return value;
    return build<ReshapeOp>(like(value, shape), value);
  }
  FailureOr<Value> transpose(Value value, llvm::ArrayRef<int64_t> perms);
  FailureOr<Value> binary(llvm::StringRef opType, Value lhs, Value rhs);
  /// A float scalar constant of `value`'s element type.
  Value scalarLike(Value value, double scalar);

  //--- Quantization ------------------------------------------------------===//

  /// The quantized type described by a scale and a zero point tensor for
  /// values stored as `storage` (per tensor, or per axis `axis` of a tensor
  /// of rank `rank`).
  FailureOr<quant::QuantizedType> quantType(const Tensor &scale,
                                            const Tensor *zeroPoint,
                                            DType storage, int64_t axis,
                                            int64_t rank);
  FailureOr<quant::QuantizedType> quantTypeFromInputs(int scaleInput,
                                                      int zeroPointInput,
                                                      Value data, int64_t axis);
  /// The `axis` attribute of Quantize/DequantizeLinear, normalized; it only
  /// matters (and is only checked) for a scale with more than one value.
  FailureOr<int64_t> quantAxis(const Tensor &scale, int64_t rank) {
    if (scale.numElements() <= 1)
      return -1;
    return normalizeAxis(attrInt("axis", 1), rank);
  }
  /// `value` (integers, or quantized) reinterpreted with `type`.
  FailureOr<Value> asQuantized(Value value, quant::QuantizedType type);
  /// `value` as plain integers when it is quantized.
  FailureOr<Value> asStorage(Value value);

  //--- Operators ---------------------------------------------------------===//

  LogicalResult importConstant();
  LogicalResult importShapeOp();
  LogicalResult importConv(bool quantized, bool integer);
  LogicalResult importConvTranspose();
  LogicalResult importMatMul(bool quantized, bool integer);
  LogicalResult importGemm();
  LogicalResult importBinary();
  LogicalResult importUnary();
  LogicalResult importClip();
  LogicalResult importPool();
  LogicalResult importGlobalAveragePool();
  LogicalResult importBatchNorm();
  LogicalResult importSoftmax();
  LogicalResult importLayerNorm();
  LogicalResult importConcat();
  LogicalResult importReshape();
  LogicalResult importFlatten();
  LogicalResult importTranspose();
  LogicalResult importSqueeze(bool unsqueeze);
  LogicalResult importPad();
  LogicalResult importResize();
  LogicalResult importQuantizeLinear();
  LogicalResult importDequantizeLinear();
  LogicalResult importDynamicQuantizeLinear();
  LogicalResult importIdentity();

  FailureOr<Window> window(llvm::ArrayRef<int64_t> inputShape,
                           llvm::ArrayRef<int64_t> kernel, bool pooling);

  MLIRContext *context;
  OpBuilder builder;
  std::string path, baseDir;
  const OnnxImportOptions &options;
  Location fileLoc;
  Location loc = fileLoc;
  onnx::ModelProto model;
  int64_t opset = 1;
  const onnx::NodeProto *node = nullptr;

  /// ONNX tensor name -> MLIR value / constant value.
  llvm::StringMap<Value> values;
  llvm::StringMap<Tensor> constants;
  /// Graph inputs by name -> position among the graph inputs.
  llvm::StringMap<unsigned> graphInputs;
  /// Positions of graph inputs replaced by their given values.
  llvm::DenseSet<unsigned> boundInputs;
  /// Set when a graph input's given value does not fit it.
  bool bindingFailed = false;
  /// Declared types of the graph inputs, by position.
  SmallVector<RankedTensorType> graphInputTypes;
};

//===----------------------------------------------------------------------===//
// Graph
//===----------------------------------------------------------------------===//

std::optional<OnnxImport> OnnxImporter::run() {
  if (llvm::Error error = parseProtoFile(path, model)) {
    // The message names the file already; the location says it again.
    std::string message = llvm::toString(std::move(error));
    llvm::StringRef text(message);
    text.consume_front(path + ": ");
    modelError() << text;
    return std::nullopt;
  }
  opset = 0;
  for (const onnx::OperatorSetIdProto &set : model.opset_import())
    if (set.domain().empty() || set.domain() == "ai.onnx")
      opset = set.version();
  if (opset < 7) {
    modelError() << (opset ? "opset " + std::to_string(opset) +
                                 " is older than the oldest qcc reads (7)"
                           : std::string("the model imports no opset of "
                                         "the default ONNX domain"));
    return std::nullopt;
  }
  if (!model.has_graph()) {
    modelError() << "the model has no graph";
    return std::nullopt;
  }
  OnnxImport result;
  result.module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(result.module->getBody());
  auto func = func::FuncOp::create(builder, fileLoc, "main",
                                   builder.getFunctionType({}, {}));
  builder.setInsertionPointToStart(func.addEntryBlock());
  if (failed(bindGraphInputs(model.graph(), func)) ||
      failed(importGraph(model.graph())) ||
      failed(finishFunction(model.graph(), func, result)))
    return std::nullopt;
  return result;
}

LogicalResult OnnxImporter::bindGraphInputs(const onnx::GraphProto &graph,
                                            func::FuncOp func) {
  for (const onnx::TensorProto &initializer : graph.initializer()) {
    llvm::Expected<Tensor> tensor = tensorFromProto(initializer, baseDir);
    if (!tensor)
      return modelError() << "initializer: "
                          << llvm::toString(tensor.takeError()),
             failure();
    constants[initializer.name()] = std::move(*tensor);
  }
  Block &entry = func.getBody().front();
  SmallVector<Type> argTypes;
  unsigned position = 0;
  for (const onnx::ValueInfoProto &info : graph.input()) {
    if (constants.count(info.name()))
      continue; // an initializer listed as input (IR version < 4)
    const onnx::TypeProto::Tensor &tensorType = info.type().tensor_type();
    std::optional<DType> dtype = dtypeOfOnnx(tensorType.elem_type());
    if (!info.type().has_tensor_type() || !dtype)
      return modelError() << "graph input '" << info.name()
                          << "' has unsupported type "
                          << onnxDataTypeName(tensorType.elem_type()),
             failure();
    SmallVector<int64_t> shape;
    for (const onnx::TensorShapeProto::Dimension &dim :
         tensorType.shape().dim()) {
      if (dim.has_dim_value() && dim.dim_value() < 0)
        return modelError() << "graph input '" << info.name()
                            << "' has a negative dimension",
               failure();
      shape.push_back(dim.has_dim_value() ? dim.dim_value()
                                          : ShapedType::kDynamic);
    }
    if (graphInputs.count(info.name()))
      return modelError() << "graph input '" << info.name()
                          << "' is listed twice",
             failure();
    auto fixed = options.inputShapes.find(info.name());
    const Tensor *given = position < options.inputValues.size()
                              ? &options.inputValues[position]
                              : nullptr;
    if (fixed != options.inputShapes.end()) {
      if (!tensorType.has_shape())
        shape.assign(fixed->second.size(), ShapedType::kDynamic);
      if (fixed->second.size() != shape.size() ||
          !shapesCompatible(fixed->second, shape))
        return modelError() << "--input-shape " << info.name() << ":"
                            << formatShape(fixed->second)
                            << " does not fit the model's input shape "
                            << formatShape(shape),
               failure();
      shape.assign(fixed->second.begin(), fixed->second.end());
    } else if (given && (!tensorType.has_shape() ||
                         given->rank() == static_cast<int64_t>(shape.size()))) {
      if (!tensorType.has_shape())
        shape.assign(given->rank(), ShapedType::kDynamic);
      for (auto [d, size] : llvm::enumerate(shape))
        if (ShapedType::isDynamic(size))
          size = given->shape()[d];
    } else if (options.defaultBatch > 0 && !shape.empty() &&
               ShapedType::isDynamic(shape[0])) {
      shape[0] = options.defaultBatch;
    }
    graphInputs[info.name()] = position++;
    auto type = RankedTensorType::get(shape, mlirTypeOf(*dtype, context));
    graphInputTypes.push_back(type);
    argTypes.push_back(type);
    values[info.name()] = entry.addArgument(
        type, NameLoc::get(builder.getStringAttr(info.name()), fileLoc));
  }
  // --input-shape names that are no graph input, in name order.
  SmallVector<StringRef> unknown;
  for (const auto &fixed : options.inputShapes)
    if (!graphInputs.count(fixed.getKey()))
      unknown.push_back(fixed.getKey());
  if (!unknown.empty()) {
    llvm::sort(unknown);
    SmallVector<std::string> names;
    for (const onnx::ValueInfoProto &info : graph.input())
      if (graphInputs.count(info.name()))
        names.push_back("'" + info.name() + "'");
    return modelError() << "--input-shape " << unknown.front() << ":"
                        << formatShape(
                               options.inputShapes.lookup(unknown.front()))
                        << ": the model has no input '" << unknown.front()
                        << "' (its inputs: " << llvm::join(names, ", ") << ")",
           failure();
  }
  func.setType(builder.getFunctionType(argTypes, {}));
  return success();
}

LogicalResult OnnxImporter::importGraph(const onnx::GraphProto &graph) {
  for (const onnx::NodeProto &current : graph.node()) {
    node = &current;
    std::string output = current.output_size() ? current.output(0) : "";
    loc = NameLoc::get(
        builder.getStringAttr(output.empty() ? nodeName() : output), fileLoc);
    if (failed(importNode()) || bindingFailed)
      return failure();
    for (int i = 0; i < current.output_size(); ++i)
      if (hasOutput(i) && !values.count(current.output(i)) &&
          !constants.count(current.output(i)))
        return nodeError() << "output #" << i << " ('" << current.output(i)
                           << "') is not supported",
               failure();
  }
  return success();
}

LogicalResult OnnxImporter::finishFunction(const onnx::GraphProto &graph,
                                           func::FuncOp func,
                                           OnnxImport &result) {
  SmallVector<Value> outputs;
  SmallVector<Attribute> resultNames;
  for (const onnx::ValueInfoProto &info : graph.output()) {
    if (!values.count(info.name()) && !constants.count(info.name()))
      return modelError() << "graph output '" << info.name()
                          << "' is not computed by any node",
             failure();
    loc = NameLoc::get(builder.getStringAttr(info.name()), fileLoc);
    auto it = values.find(info.name());
    Value value =
        it != values.end() ? it->second : materialize(constants[info.name()]);
    FailureOr<Value> plain = asStorage(value);
    if (failed(plain))
      return failure();
    outputs.push_back(*plain);
    resultNames.push_back(builder.getStringAttr(info.name()));
  }
  func::ReturnOp::create(builder, fileLoc, outputs);

  // Drop the arguments replaced by constants; name the others.
  Block &entry = func.getBody().front();
  llvm::BitVector erase(entry.getNumArguments());
  SmallVector<std::pair<unsigned, std::string>> names;
  for (const auto &input : graphInputs)
    names.push_back({input.getValue(), input.getKey().str()});
  for (auto [position, name] : names)
    if (boundInputs.count(position) && entry.getArgument(position).use_empty())
      erase.set(position);
  llvm::sort(names);
  SmallVector<Type> argTypes;
  for (auto [position, name] : names) {
    if (erase.test(position))
      continue;
    argTypes.push_back(entry.getArgument(position).getType());
    result.argumentInputs.push_back(position);
  }
  entry.eraseArguments(erase);
  result.numInputs = names.size();
  func.setType(
      builder.getFunctionType(argTypes, ValueRange(outputs).getTypes()));
  StringAttr nameAttr = builder.getStringAttr(QccDialect::kNameAttrName);
  unsigned argIndex = 0;
  for (auto [position, name] : names)
    if (!erase.test(position))
      func.setArgAttr(argIndex++, nameAttr, builder.getStringAttr(name));
  for (auto [i, name] : llvm::enumerate(resultNames))
    func.setResultAttr(i, nameAttr, name);
  return verify(*result.module);
}

LogicalResult OnnxImporter::importNode() {
  if (!node->domain().empty() && node->domain() != "ai.onnx")
    return nodeError() << "operator '" << node->op_type() << "' of domain '"
                       << node->domain() << "' is not supported",
           failure();
  llvm::StringRef op = node->op_type();
  using Handler = LogicalResult (OnnxImporter::*)();
  Handler handler =
      llvm::StringSwitch<Handler>(op)
          .Case("Constant", &OnnxImporter::importConstant)
          .Cases({"Shape", "Gather", "Slice", "Cast", "ConstantOfShape"},
                 &OnnxImporter::importShapeOp)
          .Case("ConvTranspose", &OnnxImporter::importConvTranspose)
          .Case("Gemm", &OnnxImporter::importGemm)
          .Cases({"Add", "Sub", "Mul", "Div", "PRelu"},
                 &OnnxImporter::importBinary)
          .Cases({"Relu", "Sigmoid", "Tanh", "HardSwish", "Erf", "LeakyRelu",
                  "HardSigmoid", "Gelu"},
                 &OnnxImporter::importUnary)
          .Case("Clip", &OnnxImporter::importClip)
          .Cases({"MaxPool", "AveragePool"}, &OnnxImporter::importPool)
          .Case("GlobalAveragePool", &OnnxImporter::importGlobalAveragePool)
          .Case("BatchNormalization", &OnnxImporter::importBatchNorm)
          .Case("Softmax", &OnnxImporter::importSoftmax)
          .Case("LayerNormalization", &OnnxImporter::importLayerNorm)
          .Case("Concat", &OnnxImporter::importConcat)
          .Case("Reshape", &OnnxImporter::importReshape)
          .Case("Flatten", &OnnxImporter::importFlatten)
          .Case("Transpose", &OnnxImporter::importTranspose)
          .Cases({"Pad"}, &OnnxImporter::importPad)
          .Cases({"Resize", "Upsample"}, &OnnxImporter::importResize)
          .Case("QuantizeLinear", &OnnxImporter::importQuantizeLinear)
          .Case("DequantizeLinear", &OnnxImporter::importDequantizeLinear)
          .Case("DynamicQuantizeLinear",
                &OnnxImporter::importDynamicQuantizeLinear)
          .Cases({"Identity", "Dropout"}, &OnnxImporter::importIdentity)
          .Default(nullptr);
  if (handler)
    return (this->*handler)();
  if (op == "Conv")
    return importConv(/*quantized=*/false, /*integer=*/false);
  if (op == "QLinearConv")
    return importConv(/*quantized=*/true, /*integer=*/false);
  if (op == "ConvInteger")
    return importConv(/*quantized=*/false, /*integer=*/true);
  if (op == "MatMul")
    return importMatMul(/*quantized=*/false, /*integer=*/false);
  if (op == "QLinearMatMul")
    return importMatMul(/*quantized=*/true, /*integer=*/false);
  if (op == "MatMulInteger")
    return importMatMul(/*quantized=*/false, /*integer=*/true);
  if (op == "Squeeze" || op == "Unsqueeze")
    return importSqueeze(op == "Unsqueeze");
  return nodeError() << "unsupported operator '" << op << "' (opset " << opset
                     << ")",
         failure();
}

//===----------------------------------------------------------------------===//
// Inputs, outputs, attributes
//===----------------------------------------------------------------------===//

const Tensor *OnnxImporter::constantOf(int i) {
  if (!hasInput(i))
    return nullptr;
  auto it = constants.find(node->input(i));
  return it != constants.end() ? &it->second : nullptr;
}

const Tensor *OnnxImporter::parameterOf(int i) {
  if (const Tensor *constant = constantOf(i))
    return constant;
  if (!hasInput(i))
    return nullptr;
  const std::string &name = node->input(i);
  auto graphInput = graphInputs.find(name);
  if (graphInput == graphInputs.end() ||
      graphInput->second >= options.inputValues.size())
    return nullptr;
  // The value must be of the type the model declares for the input.
  const Tensor &value = options.inputValues[graphInput->second];
  RankedTensorType declared = graphInputTypes[graphInput->second];
  if (dtypeOf(declared.getElementType()) != value.dtype() ||
      !shapesCompatible(value.shape(), declared.getShape())) {
    nodeError() << "the value given for input '" << name << "' ("
                << dtypeName(value.dtype()) << " " << formatShape(value.shape())
                << ") does not match its declared type " << declared;
    bindingFailed = true;
    return nullptr;
  }
  boundInputs.insert(graphInput->second);
  return &(constants[name] = value);
}

FailureOr<Tensor> OnnxImporter::constantInput(int i, llvm::StringRef what) {
  if (!hasInput(i))
    return nodeError() << "missing " << what << " (input #" << i << ")",
           failure();
  if (const Tensor *tensor = parameterOf(i))
    return *tensor;
  if (!values.count(node->input(i))) {
    (void)input(i); // reports the unknown name
    return failure();
  }
  return nodeError() << what << " ('" << node->input(i)
                     << "') must be a constant; it is computed at run time",
         failure();
}

FailureOr<Value> OnnxImporter::input(int i) {
  if (!hasInput(i))
    return nodeError() << "missing input #" << i, failure();
  const std::string &name = node->input(i);
  auto it = values.find(name);
  // ONNX ops other than the quantization ones see the stored integers of a
  // quantized tensor, never its real values.
  if (it != values.end())
    return asStorage(it->second);
  auto constant = constants.find(name);
  if (constant == constants.end())
    return nodeError() << "input '" << name
                       << "' is neither a graph input, an initializer nor "
                          "the output of an earlier node",
           failure();
  Value value = materialize(constant->second);
  values[name] = value;
  return value;
}

Value OnnxImporter::materialize(const Tensor &tensor) {
  auto type = RankedTensorType::get(tensor.shape(),
                                    mlirTypeOf(tensor.dtype(), context));
  return ConstantOp::create(builder, loc, type, tensor.toAttr(type));
}

const onnx::AttributeProto *OnnxImporter::attr(llvm::StringRef name) const {
  for (const onnx::AttributeProto &attribute : node->attribute())
    if (attribute.name() == name)
      return &attribute;
  return nullptr;
}

int64_t OnnxImporter::attrInt(llvm::StringRef name,
                              int64_t defaultValue) const {
  const onnx::AttributeProto *a = attr(name);
  return a ? a->i() : defaultValue;
}

float OnnxImporter::attrFloat(llvm::StringRef name, float defaultValue) const {
  const onnx::AttributeProto *a = attr(name);
  return a ? a->f() : defaultValue;
}

std::string OnnxImporter::attrString(llvm::StringRef name,
                                     llvm::StringRef defaultValue) const {
  const onnx::AttributeProto *a = attr(name);
  return a ? a->s() : defaultValue.str();
}

std::optional<SmallVector<int64_t>>
OnnxImporter::attrInts(llvm::StringRef name) const {
  const onnx::AttributeProto *a = attr(name);
  if (!a)
    return std::nullopt;
  return SmallVector<int64_t>(a->ints().begin(), a->ints().end());
}

std::optional<SmallVector<float>>
OnnxImporter::attrFloats(llvm::StringRef name) const {
  const onnx::AttributeProto *a = attr(name);
  if (!a)
    return std::nullopt;
  return SmallVector<float>(a->floats().begin(), a->floats().end());
}

FailureOr<int64_t> OnnxImporter::normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return nodeError() << "axis " << axis << " is outside [" << -rank << ", "
                       << rank << ")",
           failure();
  return axis < 0 ? axis + rank : axis;
}

FailureOr<Value> OnnxImporter::transpose(Value value,
                                         llvm::ArrayRef<int64_t> perms) {
  SmallVector<int64_t> shape;
  for (int64_t p : perms)
    shape.push_back(typeOf(value).getDimSize(p));
  return build<TransposeOp>(like(value, shape), value, perms);
}

Value OnnxImporter::scalarLike(Value value, double scalar) {
  auto type = RankedTensorType::get({}, typeOf(value).getElementType());
  return ConstantOp::create(
      builder, loc, type,
      DenseElementsAttr::get(
          type, builder.getFloatAttr(type.getElementType(), scalar)));
}

FailureOr<Value> OnnxImporter::binary(llvm::StringRef opType, Value lhs,
                                      Value rhs) {
  FailureOr<SmallVector<int64_t>> shape =
      broadcastShapes(typeOf(lhs).getShape(), typeOf(rhs).getShape());
  if (failed(shape))
    return nodeError() << "operand shapes "
                       << formatShape(typeOf(lhs).getShape()) << " and "
                       << formatShape(typeOf(rhs).getShape())
                       << " do not broadcast",
           failure();
  RankedTensorType type = like(lhs, *shape);
  if (opType == "Add")
    return build<AddOp>(type, lhs, rhs, ActivationAttr());
  if (opType == "Sub")
    return build<SubOp>(type, lhs, rhs, ActivationAttr());
  if (opType == "Mul")
    return build<MulOp>(type, lhs, rhs, ActivationAttr());
  return build<DivOp>(type, lhs, rhs);
}

//===----------------------------------------------------------------------===//
// Constants and shape computations
//===----------------------------------------------------------------------===//

LogicalResult OnnxImporter::importConstant() {
  if (node->attribute_size() != 1)
    return nodeError() << "expects exactly one attribute", failure();
  const onnx::AttributeProto &a = node->attribute(0);
  llvm::StringRef name = a.name();
  if (name == "value") {
    llvm::Expected<Tensor> tensor = tensorFromProto(a.t(), baseDir);
    if (!tensor)
      return nodeError() << llvm::toString(tensor.takeError()), failure();
    setConstantOutput(0, std::move(*tensor));
    return success();
  }
  if (name == "value_float" || name == "value_floats") {
    SmallVector<float> floats(a.floats().begin(), a.floats().end());
    if (name == "value_float")
      floats = {a.f()};
    SmallVector<int64_t> shape;
    if (name == "value_floats")
      shape.push_back(floats.size());
    Tensor tensor(DType::F32, shape);
    std::copy(floats.begin(), floats.end(), tensor.data<float>());
    setConstantOutput(0, std::move(tensor));
    return success();
  }
  if (name == "value_int")
    return setConstantOutput(0, int64Tensor({a.i()}, {})), success();
  if (name == "value_ints") {
    SmallVector<int64_t> ints(a.ints().begin(), a.ints().end());
    setConstantOutput(0,
                      int64Tensor(ints, {static_cast<int64_t>(ints.size())}));
    return success();
  }
  return unsupported("a Constant with attribute '" + name + "'");
}

LogicalResult OnnxImporter::importShapeOp() {
  llvm::StringRef op = node->op_type();
  if (op == "Shape") {
    FailureOr<Value> in = input(0);
    if (failed(in))
      return failure();
    llvm::ArrayRef<int64_t> shape = typeOf(*in).getShape();
    int64_t rank = shape.size();
    int64_t start = attrInt("start", 0), end = attrInt("end", rank);
    start = std::clamp(start < 0 ? start + rank : start, int64_t(0), rank);
    end = std::clamp(end < 0 ? end + rank : end, int64_t(0), rank);
    SmallVector<int64_t> dims(shape.begin() + start,
                              shape.begin() + std::max(start, end));
    if (llvm::any_of(dims, ShapedType::isDynamic))
      return nodeError() << "the shape of '" << node->input(0)
                         << "' is not fully known; fix the input shapes "
                            "with --input-shape",
             failure();
    setConstantOutput(0,
                      int64Tensor(dims, {static_cast<int64_t>(dims.size())}));
    return success();
  }
  if (op == "ConstantOfShape") {
    FailureOr<Tensor> shapeTensor = constantInput(0, "the shape");
    if (failed(shapeTensor))
      return failure();
    Tensor fill(DType::F32, {1});
    if (const onnx::AttributeProto *a = attr("value")) {
      llvm::Expected<Tensor> value = tensorFromProto(a->t(), baseDir);
      if (!value)
        return nodeError() << llvm::toString(value.takeError()), failure();
      if (value->numElements() != 1)
        return nodeError() << "expects a one-element value", failure();
      fill = std::move(*value);
    }
    SmallVector<int64_t> shape = toInt64s(*shapeTensor);
    if (!isFoldableShape(shape))
      return nodeError() << "cannot fold a constant of shape "
                         << formatShape(shape),
             failure();
    setConstantOutput(0,
                      gatherElements(fill, shape, [](int64_t) { return 0; }));
    return success();
  }
  // Gather, Slice and Cast only on constants (shape sub-graphs).
  const Tensor *data = constantOf(0);
  if (!data)
    return unsupported(op + " on a tensor computed at run time (only shape "
                            "computations on constants are folded)");
  if (op == "Cast") {
    std::optional<DType> to = dtypeOfOnnx(attrInt("to", 1));
    std::optional<Tensor> result = to ? castTensor(*data, *to) : std::nullopt;
    if (!result)
      return unsupported("Cast to " + onnxDataTypeName(attrInt("to", 1)));
    setConstantOutput(0, std::move(*result));
    return success();
  }
  if (op == "Gather") {
    FailureOr<Tensor> indicesTensor = constantInput(1, "the indices");
    if (failed(indicesTensor))
      return failure();
    FailureOr<int64_t> axis = normalizeAxis(attrInt("axis", 0), data->rank());
    if (failed(axis))
      return failure();
    SmallVector<int64_t> indices = toInt64s(*indicesTensor);
    int64_t size = data->shape()[*axis];
    for (int64_t &index : indices) {
      if (index < -size || index >= size)
        return nodeError() << "index " << index << " is out of range",
               failure();
      index = index < 0 ? index + size : index;
    }
    SmallVector<int64_t> shape(data->shape().take_front(*axis));
    llvm::append_range(shape, indicesTensor->shape());
    llvm::append_range(shape, data->shape().drop_front(*axis + 1));
    if (!isFoldableShape(shape))
      return nodeError() << "cannot fold a constant of shape "
                         << formatShape(shape),
             failure();
    int64_t inner = shapeProduct(data->shape().drop_front(*axis + 1));
    int64_t count = indices.size();
    setConstantOutput(0, gatherElements(*data, shape, [&](int64_t i) {
                        int64_t o = i / (count * inner);
                        int64_t k = i / inner % count;
                        return (o * size + indices[k]) * inner + i % inner;
                      }));
    return success();
  }
  // Slice.
  SmallVector<int64_t> starts, ends, axes, steps;
  if (opset < 10) {
    starts = attrInts("starts").value_or(SmallVector<int64_t>());
    ends = attrInts("ends").value_or(SmallVector<int64_t>());
    axes = attrInts("axes").value_or(SmallVector<int64_t>());
  } else {
    FailureOr<Tensor> s = constantInput(1, "starts");
    FailureOr<Tensor> e = constantInput(2, "ends");
    if (failed(s) || failed(e))
      return failure();
    starts = toInt64s(*s);
    ends = toInt64s(*e);
    if (const Tensor *a = parameterOf(3))
      axes = toInt64s(*a);
    if (const Tensor *st = parameterOf(4))
      steps = toInt64s(*st);
  }
  int64_t rank = data->rank();
  if (axes.empty())
    for (int64_t d = 0; d < static_cast<int64_t>(starts.size()); ++d)
      axes.push_back(d);
  steps.resize(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size())
    return nodeError() << "starts, ends and axes differ in length", failure();
  SmallVector<int64_t> begin(rank, 0), step(rank, 1), shape(data->shape());
  for (size_t k = 0; k < starts.size(); ++k) {
    FailureOr<int64_t> axis = normalizeAxis(axes[k], rank);
    if (failed(axis))
      return failure();
    int64_t size = data->shape()[*axis];
    if (steps[k] <= 0)
      return unsupported("a Slice with a non-positive step");
    int64_t s = starts[k] < 0 ? starts[k] + size : starts[k];
    int64_t e = ends[k] < 0 ? ends[k] + size : ends[k];
    s = std::clamp(s, int64_t(0), size);
    e = std::clamp(e, int64_t(0), size);
    begin[*axis] = s;
    step[*axis] = steps[k];
    shape[*axis] = e > s ? (e - s + steps[k] - 1) / steps[k] : 0;
  }
  SmallVector<int64_t> inStrides = stridesOf(data->shape()),
                       outStrides = stridesOf(shape);
  setConstantOutput(0, gatherElements(*data, shape, [&](int64_t i) {
                      int64_t source = 0;
                      for (int64_t d = 0; d < rank; ++d)
                        source += (begin[d] +
                                   (i / outStrides[d] % shape[d]) * step[d]) *
                                  inStrides[d];
                      return source;
                    }));
  return success();
}

//===----------------------------------------------------------------------===//
// Convolution and pooling
//===----------------------------------------------------------------------===//

FailureOr<Window> OnnxImporter::window(llvm::ArrayRef<int64_t> inputShape,
                                       llvm::ArrayRef<int64_t> kernel,
                                       bool pooling) {
  Window w;
  w.kernel.assign(kernel.begin(), kernel.end());
  size_t n = kernel.size();
  w.strides = attrInts("strides").value_or(SmallVector<int64_t>(n, 1));
  w.dilations = attrInts("dilations").value_or(SmallVector<int64_t>(n, 1));
  w.pads = attrInts("pads").value_or(SmallVector<int64_t>(2 * n, 0));
  w.ceilMode = pooling && attrInt("ceil_mode", 0);
  if (n + 2 != inputShape.size())
    return nodeError() << "kernel_shape has " << n << " values for "
                       << inputShape.size() - 2 << " spatial dimensions",
           failure();
  if (w.strides.size() != n || w.dilations.size() != n ||
      w.pads.size() != 2 * n)
    return nodeError() << "strides, dilations or pads do not match the " << n
                       << "-D kernel",
           failure();
  if (llvm::any_of(w.kernel, [](int64_t k) { return k <= 0; }) ||
      llvm::any_of(w.strides, [](int64_t v) { return v <= 0; }) ||
      llvm::any_of(w.dilations, [](int64_t v) { return v <= 0; }) ||
      llvm::any_of(w.pads, [](int64_t v) { return v < 0; }))
    return nodeError() << "expects positive kernel sizes, strides and "
                          "dilations, and non-negative pads",
           failure();
  std::string autoPad = attrString("auto_pad", "NOTSET");
  if (autoPad == "VALID") {
    w.pads.assign(2 * n, 0);
  } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    for (size_t i = 0; i < n; ++i) {
      int64_t in = inputShape[2 + i];
      if (ShapedType::isDynamic(in))
        return nodeError() << "auto_pad needs a known input size; fix the "
                              "input shapes with --input-shape",
               failure();
      int64_t out = (in + w.strides[i] - 1) / w.strides[i];
      int64_t total =
          std::max<int64_t>(0, (out - 1) * w.strides[i] +
                                   (kernel[i] - 1) * w.dilations[i] + 1 - in);
      int64_t small = total / 2;
      w.pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
      w.pads[n + i] = total - w.pads[i];
    }
  } else if (autoPad != "NOTSET") {
    return nodeError() << "unknown auto_pad '" << autoPad << "'", failure();
  }
  return w;
}

LogicalResult OnnxImporter::importConv(bool quantized, bool integer) {
  // Operand positions differ: QLinearConv(x, xs, xzp, w, ws, wzp, ys, yzp, B),
  // ConvInteger(x, w, xzp, wzp), Conv(x, w, B).
  int weightIndex = quantized ? 3 : 1;
  FailureOr<Value> x = input(0), w = input(weightIndex);
  if (failed(x) || failed(w))
    return failure();
  RankedTensorType xType = typeOf(*x), wType = typeOf(*w);
  bool oneD = xType.getRank() == 3 && wType.getRank() == 3;
  if (!oneD && (xType.getRank() != 4 || wType.getRank() != 4))
    return unsupported("a convolution of rank " + llvm::Twine(xType.getRank()) +
                       " (only 1-D and 2-D)");
  SmallVector<int64_t> kernel =
      attrInts("kernel_shape")
          .value_or(SmallVector<int64_t>(wType.getShape().drop_front(2)));
  FailureOr<Window> win = window(xType.getShape(), kernel, false);
  if (failed(win))
    return failure();
  if (oneD) {
    // 1-D convolution is 2-D convolution over [N, C, 1, L].
    x = reshape(
        *x, {xType.getDimSize(0), xType.getDimSize(1), 1, xType.getDimSize(2)});
    w = reshape(
        *w, {wType.getDimSize(0), wType.getDimSize(1), 1, wType.getDimSize(2)});
    if (failed(x) || failed(w))
      return failure();
    liftWindowTo2D(*win);
    kernel = win->kernel;
    xType = typeOf(*x);
    wType = typeOf(*w);
  }
  int64_t groups = attrInt("group", 1);

  Value bias;
  Type resultElement = xType.getElementType();
  if (quantized) {
    FailureOr<quant::QuantizedType> xq = quantTypeFromInputs(1, 2, *x, -1);
    FailureOr<quant::QuantizedType> wq = quantTypeFromInputs(4, 5, *w, 0);
    FailureOr<quant::QuantizedType> yq = quantTypeFromInputs(6, 7, *x, -1);
    if (failed(xq) || failed(wq) || failed(yq))
      return failure();
    FailureOr<Value> xv = asQuantized(*x, *xq), wv = asQuantized(*w, *wq);
    if (failed(xv) || failed(wv))
      return failure();
    x = xv, w = wv;
    resultElement = *yq;
    if (hasInput(8)) {
      FailureOr<Value> b = input(8);
      if (failed(b))
        return failure();
      bias = *b;
    }
  } else if (integer) {
    auto zeroPointType = [&](Value v, int zpIndex,
                             int64_t axis) -> FailureOr<quant::QuantizedType> {
      DType storage = *dtypeOf(typeOf(v).getElementType());
      const Tensor *zp = parameterOf(zpIndex);
      if (hasInput(zpIndex) && !zp)
        return nodeError() << "the zero point must be a constant", failure();
      Tensor scale(DType::F32, zp && zp->numElements() > 1
                                   ? SmallVector<int64_t>{zp->numElements()}
                                   : SmallVector<int64_t>{});
      for (int64_t i = 0; i < scale.numElements(); ++i)
        scale.data<float>()[i] = 1.0f;
      return quantType(scale, zp, storage, axis, typeOf(v).getRank());
    };
    FailureOr<quant::QuantizedType> xq = zeroPointType(*x, 2, -1);
    FailureOr<quant::QuantizedType> wq = zeroPointType(*w, 3, 0);
    if (failed(xq) || failed(wq))
      return failure();
    FailureOr<Value> xv = asQuantized(*x, *xq), wv = asQuantized(*w, *wq);
    if (failed(xv) || failed(wv))
      return failure();
    x = xv, w = wv;
    resultElement = builder.getI32Type();
  } else if (hasInput(2)) {
    FailureOr<Value> b = input(2);
    if (failed(b))
      return failure();
    bias = *b;
  }

  SmallVector<int64_t> shape = {xType.getDimSize(0), wType.getDimSize(0)};
  for (int i = 0; i < 2; ++i) {
    FailureOr<int64_t> size =
        windowOutputSize(xType.getDimSize(2 + i), kernel[i], win->strides[i],
                         win->dilations[i], win->pads[i], win->pads[2 + i]);
    if (failed(size))
      return nodeError() << "the kernel does not fit the padded input",
             failure();
    shape.push_back(*size);
  }
  FailureOr<Value> y =
      build<Conv2DOp>(RankedTensorType::get(shape, resultElement), *x, *w, bias,
                      builder.getDenseI64ArrayAttr(win->strides),
                      builder.getDenseI64ArrayAttr(win->dilations),
                      builder.getDenseI64ArrayAttr(win->pads),
                      builder.getI64IntegerAttr(groups), ActivationAttr());
  if (succeeded(y) && oneD)
    y = reshape(*y, {shape[0], shape[1], shape[3]});
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importConvTranspose() {
  FailureOr<Value> x = input(0), w = input(1);
  if (failed(x) || failed(w))
    return failure();
  RankedTensorType xType = typeOf(*x), wType = typeOf(*w);
  bool oneD = xType.getRank() == 3 && wType.getRank() == 3;
  if (!oneD && (xType.getRank() != 4 || wType.getRank() != 4))
    return unsupported("a transposed convolution that is not 1-D or 2-D");
  Value bias;
  if (hasInput(2)) {
    FailureOr<Value> b = input(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  size_t n = oneD ? 1 : 2;
  SmallVector<int64_t> kernel =
      attrInts("kernel_shape")
          .value_or(SmallVector<int64_t>(wType.getShape().drop_front(2)));
  int64_t groups = attrInt("group", 1);
  SmallVector<int64_t> strides =
      attrInts("strides").value_or(SmallVector<int64_t>(n, 1));
  SmallVector<int64_t> dilations =
      attrInts("dilations").value_or(SmallVector<int64_t>(n, 1));
  SmallVector<int64_t> pads =
      attrInts("pads").value_or(SmallVector<int64_t>(2 * n, 0));
  SmallVector<int64_t> outputPadding =
      attrInts("output_padding").value_or(SmallVector<int64_t>(n, 0));
  std::optional<SmallVector<int64_t>> outputShape = attrInts("output_shape");
  std::string autoPad = attrString("auto_pad", "NOTSET");
  if (kernel.size() != n || strides.size() != n || dilations.size() != n ||
      pads.size() != 2 * n || outputPadding.size() != n ||
      (outputShape && outputShape->size() < n))
    return nodeError() << "expects " << n
                       << "-D kernel_shape, strides, dilations, pads and "
                          "output_padding",
           failure();
  if (oneD) {
    // 1-D is 2-D over [N, C, 1, L].
    x = reshape(
        *x, {xType.getDimSize(0), xType.getDimSize(1), 1, xType.getDimSize(2)});
    w = reshape(
        *w, {wType.getDimSize(0), wType.getDimSize(1), 1, wType.getDimSize(2)});
    if (failed(x) || failed(w))
      return failure();
    xType = typeOf(*x);
    wType = typeOf(*w);
    kernel.insert(kernel.begin(), 1);
    strides.insert(strides.begin(), 1);
    dilations.insert(dilations.begin(), 1);
    pads = {0, pads[0], 0, pads[1]};
    outputPadding.insert(outputPadding.begin(), 0);
    if (outputShape)
      outputShape->insert(outputShape->end() - 1, 1);
  }
  SmallVector<int64_t> shape = {xType.getDimSize(0),
                                wType.getDimSize(1) * groups};
  for (int i = 0; i < 2; ++i) {
    int64_t in = xType.getDimSize(2 + i);
    int64_t full = strides[i] * (in - 1) + outputPadding[i] +
                   (kernel[i] - 1) * dilations[i] + 1;
    if (outputShape || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t out = outputShape ? (*outputShape)[outputShape->size() - 2 + i]
                                : in * strides[i];
      int64_t total = full - out;
      if (total < 0) {
        // A larger output than the window gives: extra rows at the end.
        outputPadding[i] -= total;
        full -= total;
        total = 0;
      }
      // ONNX ConvTranspose puts the smaller half at the start for
      // SAME_UPPER and the larger one otherwise.
      int64_t half = total / 2;
      pads[i] = autoPad == "SAME_UPPER" ? half : total - half;
      pads[2 + i] = total - pads[i];
    } else if (autoPad == "VALID") {
      pads[i] = pads[2 + i] = 0;
    }
    shape.push_back(full - pads[i] - pads[2 + i]);
  }
  FailureOr<Value> y = build<ConvTranspose2DOp>(
      RankedTensorType::get(shape, xType.getElementType()), *x, *w, bias,
      builder.getDenseI64ArrayAttr(strides),
      builder.getDenseI64ArrayAttr(dilations),
      builder.getDenseI64ArrayAttr(pads),
      builder.getDenseI64ArrayAttr(outputPadding),
      builder.getI64IntegerAttr(groups), ActivationAttr());
  if (succeeded(y) && oneD)
    y = reshape(*y, {shape[0], shape[1], shape[3]});
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importPool() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  if (hasOutput(1))
    return unsupported("MaxPool's Indices output");
  if (attrInt("storage_order", 0) != 0)
    return unsupported("column-major storage_order");
  std::optional<SmallVector<int64_t>> kernel = attrInts("kernel_shape");
  if (!kernel)
    return nodeError() << "missing kernel_shape", failure();
  RankedTensorType type = typeOf(*x);
  bool oneD = type.getRank() == 3 && kernel->size() == 1;
  if (!oneD && (type.getRank() != 4 || kernel->size() != 2))
    return unsupported(llvm::Twine(kernel->size()) + "-D pooling");
  Value in = *x;
  if (oneD) {
    // 1-D pooling is 2-D pooling over [N, C, 1, L].
    FailureOr<Value> r = reshape(
        in, {type.getDimSize(0), type.getDimSize(1), 1, type.getDimSize(2)});
    if (failed(r))
      return failure();
    in = *r;
  }
  llvm::ArrayRef<int64_t> inShape = typeOf(in).getShape();
  FailureOr<Window> win = window(type.getShape(), *kernel, true);
  if (failed(win))
    return failure();
  if (oneD)
    liftWindowTo2D(*win);
  SmallVector<int64_t> shape = {inShape[0], inShape[1]};
  for (int i = 0; i < 2; ++i) {
    FailureOr<int64_t> size = windowOutputSize(
        inShape[2 + i], win->kernel[i], win->strides[i], win->dilations[i],
        win->pads[i], win->pads[2 + i], win->ceilMode);
    if (failed(size))
      return nodeError() << "the kernel does not fit the padded input",
             failure();
    shape.push_back(*size);
  }
  auto arrays = [&](llvm::ArrayRef<int64_t> v) {
    return builder.getDenseI64ArrayAttr(v);
  };
  FailureOr<Value> y =
      node->op_type() == "MaxPool"
          ? build<MaxPool2DOp>(like(in, shape), in, arrays(win->kernel),
                               arrays(win->strides), arrays(win->dilations),
                               arrays(win->pads),
                               builder.getBoolAttr(win->ceilMode))
          : build<AvgPool2DOp>(
                like(in, shape), in, arrays(win->kernel), arrays(win->strides),
                arrays(win->dilations), arrays(win->pads),
                builder.getBoolAttr(win->ceilMode),
                builder.getBoolAttr(attrInt("count_include_pad", 0)));
  if (failed(y))
    return failure();
  if (oneD) {
    y = reshape(*y, {shape[0], shape[1], shape[3]});
    if (failed(y))
      return failure();
  }
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importGlobalAveragePool() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  SmallVector<int64_t> shape(typeOf(*x).getShape());
  if (shape.size() < 3)
    return nodeError() << "expects an input of rank at least 3", failure();
  std::fill(shape.begin() + 2, shape.end(), 1);
  FailureOr<Value> y = build<GlobalAvgPoolOp>(like(*x, shape), *x);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

//===----------------------------------------------------------------------===//
// Matrix products
//===----------------------------------------------------------------------===//

LogicalResult OnnxImporter::importMatMul(bool quantized, bool integer) {
  int bIndex = quantized ? 3 : 1;
  FailureOr<Value> a = input(0), b = input(bIndex);
  if (failed(a) || failed(b))
    return failure();
  Type resultElement = typeOf(*a).getElementType();
  if (quantized) {
    FailureOr<quant::QuantizedType> aq = quantTypeFromInputs(1, 2, *a, -1);
    FailureOr<quant::QuantizedType> bq = quantTypeFromInputs(4, 5, *b, -1);
    FailureOr<quant::QuantizedType> yq = quantTypeFromInputs(6, 7, *a, -1);
    if (failed(aq) || failed(bq) || failed(yq))
      return failure();
    a = asQuantized(*a, *aq), b = asQuantized(*b, *bq);
    resultElement = *yq;
  } else if (integer) {
    auto zeroPointType = [&](Value v, int zpIndex) {
      DType storage = *dtypeOf(typeOf(v).getElementType());
      Tensor scale(DType::F32, {});
      scale.data<float>()[0] = 1.0f;
      return quantType(scale, parameterOf(zpIndex), storage, -1,
                       typeOf(v).getRank());
    };
    if ((hasInput(2) && !parameterOf(2)) || (hasInput(3) && !parameterOf(3)))
      return nodeError() << "the zero points must be constants", failure();
    FailureOr<quant::QuantizedType> aq = zeroPointType(*a, 2);
    FailureOr<quant::QuantizedType> bq = zeroPointType(*b, 3);
    if (failed(aq) || failed(bq))
      return failure();
    a = asQuantized(*a, *aq), b = asQuantized(*b, *bq);
    resultElement = builder.getI32Type();
  }
  if (failed(a) || failed(b))
    return failure();
  SmallVector<int64_t> lhs(typeOf(*a).getShape()), rhs(typeOf(*b).getShape());
  if (lhs.empty() || rhs.empty())
    return nodeError() << "expects operands of rank at least 1", failure();
  FailureOr<SmallVector<int64_t>> shape = matmulShape(lhs, rhs);
  if (failed(shape))
    return nodeError() << "shapes " << formatShape(lhs) << " and "
                       << formatShape(rhs) << " do not multiply",
           failure();
  FailureOr<Value> y =
      build<MatMulOp>(RankedTensorType::get(*shape, resultElement), *a, *b);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importGemm() {
  FailureOr<Value> a = input(0), b = input(1);
  if (failed(a) || failed(b))
    return failure();
  if (typeOf(*a).getRank() != 2 || typeOf(*b).getRank() != 2)
    return nodeError() << "expects 2-D A and B", failure();
  float alpha = attrFloat("alpha", 1.0f), beta = attrFloat("beta", 1.0f);
  bool transA = attrInt("transA", 0), transB = attrInt("transB", 0);
  if (transA) {
    a = transpose(*a, {1, 0});
    if (failed(a))
      return failure();
  }
  // fully_connected wants the weight as [N, K]: that is B transposed, unless
  // transB already says so. A constant B is transposed (and scaled by alpha)
  // here.
  Value weight;
  bool alphaApplied = alpha == 1.0f;
  if (const Tensor *constant = constantOf(1);
      constant && constant->dtype() == DType::F32) {
    Tensor w = transB ? constant->clone() : transposeTensor(*constant, {1, 0});
    if (!alphaApplied) {
      for (int64_t i = 0; i < w.numElements(); ++i)
        w.data<float>()[i] *= alpha;
      alphaApplied = true;
    }
    weight = materialize(w);
  } else if (!transB) {
    FailureOr<Value> t = transpose(*b, {1, 0});
    if (failed(t))
      return failure();
    weight = *t;
  } else {
    weight = *b;
  }
  int64_t m = typeOf(*a).getDimSize(0), n = typeOf(weight).getDimSize(0);

  // A constant C that is a scalar or a row of N values becomes the bias.
  Value bias;
  bool biasApplied = !hasInput(2);
  const Tensor *c = constantOf(2);
  if (c && c->dtype() == DType::F32 && alphaApplied && c->numElements() &&
      (c->numElements() == 1 ||
       (c->numElements() == n && c->shape().back() == n &&
        shapeProduct(c->shape()) == n))) {
    Tensor row(DType::F32, {n});
    for (int64_t i = 0; i < n; ++i)
      row.data<float>()[i] =
          beta * c->data<float>()[c->numElements() == 1 ? 0 : i];
    bias = materialize(row);
    biasApplied = true;
  }
  FailureOr<Value> y = build<FullyConnectedOp>(like(*a, {m, n}), *a, weight,
                                               bias, ActivationAttr());
  if (failed(y))
    return failure();
  if (!alphaApplied)
    y = binary("Mul", *y, scalarLike(*y, alpha));
  if (succeeded(y) && !biasApplied) {
    FailureOr<Value> cv = input(2);
    if (failed(cv))
      return failure();
    Value term = *cv;
    if (beta != 1.0f) {
      FailureOr<Value> scaled = binary("Mul", term, scalarLike(term, beta));
      if (failed(scaled))
        return failure();
      term = *scaled;
    }
    y = binary("Add", *y, term);
  }
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

LogicalResult OnnxImporter::importBinary() {
  FailureOr<Value> lhs = input(0), rhs = input(1);
  if (failed(lhs) || failed(rhs))
    return failure();
  FailureOr<Value> y;
  if (node->op_type() == "PRelu")
    y = build<PReluOp>(typeOf(*lhs), *lhs, *rhs);
  else
    y = binary(node->op_type(), *lhs, *rhs);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importUnary() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  llvm::StringRef op = node->op_type();
  RankedTensorType type = typeOf(*x);
  FailureOr<Value> y;
  if (op == "Relu")
    y = build<ReluOp>(type, *x);
  else if (op == "Sigmoid")
    y = build<SigmoidOp>(type, *x);
  else if (op == "Tanh")
    y = build<TanhOp>(type, *x);
  else if (op == "HardSwish")
    y = build<HardSwishOp>(type, *x);
  else if (op == "Erf")
    y = build<ErfOp>(type, *x);
  else if (op == "LeakyRelu")
    y = build<LeakyReluOp>(type, *x,
                           builder.getF32FloatAttr(attrFloat("alpha", 0.01f)));
  else if (op == "HardSigmoid")
    y = build<HardSigmoidOp>(type, *x,
                             builder.getF32FloatAttr(attrFloat("alpha", 0.2f)),
                             builder.getF32FloatAttr(attrFloat("beta", 0.5f)));
  else { // Gelu
    std::string approximate = attrString("approximate", "none");
    if (approximate != "none" && approximate != "tanh")
      return nodeError() << "unknown approximate '" << approximate << "'",
             failure();
    y = build<GeluOp>(
        type, *x,
        GeluApproximationAttr::get(context, approximate == "tanh"
                                                ? GeluApproximation::Tanh
                                                : GeluApproximation::None));
  }
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importClip() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  FloatAttr min, max;
  if (opset < 11) {
    if (const onnx::AttributeProto *a = attr("min"))
      min = builder.getF64FloatAttr(a->f());
    if (const onnx::AttributeProto *a = attr("max"))
      max = builder.getF64FloatAttr(a->f());
  } else {
    for (int i : {1, 2}) {
      if (!hasInput(i))
        continue;
      FailureOr<Tensor> bound = constantInput(i, i == 1 ? "min" : "max");
      if (failed(bound))
        return failure();
      if (bound->numElements() != 1)
        return nodeError() << "expects a scalar bound", failure();
      (i == 1 ? min : max) =
          builder.getF64FloatAttr(bound->toDoubles().front());
    }
  }
  FailureOr<Value> y = build<ClipOp>(typeOf(*x), *x, min, max);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

//===----------------------------------------------------------------------===//
// Normalization
//===----------------------------------------------------------------------===//

LogicalResult OnnxImporter::importBatchNorm() {
  if (attrInt("training_mode", 0) || hasOutput(1))
    return unsupported("training-mode BatchNormalization");
  SmallVector<Value> operands;
  for (int i = 0; i < 5; ++i) {
    FailureOr<Value> v = input(i);
    if (failed(v))
      return failure();
    operands.push_back(*v);
  }
  FailureOr<Value> y = build<BatchNormOp>(
      typeOf(operands[0]), operands[0], operands[1], operands[2], operands[3],
      operands[4], builder.getF32FloatAttr(attrFloat("epsilon", 1e-5f)));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importSoftmax() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  FailureOr<int64_t> axis =
      normalizeAxis(attrInt("axis", opset < 13 ? 1 : -1), rank);
  if (failed(axis))
    return failure();
  Value in = *x;
  // Before opset 13 softmax ran over the flattened trailing dimensions.
  bool flatten = opset < 13 && *axis != rank - 1;
  if (flatten) {
    FailureOr<Value> r =
        reshape(in, {shapeProduct(type.getShape().take_front(*axis)),
                     shapeProduct(type.getShape().drop_front(*axis))});
    if (failed(r))
      return failure();
    in = *r;
  }
  FailureOr<Value> y = build<SoftmaxOp>(
      typeOf(in), in, builder.getI64IntegerAttr(flatten ? 1 : *axis));
  if (succeeded(y) && flatten)
    y = reshape(*y, type.getShape());
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importLayerNorm() {
  FailureOr<Value> x = input(0), scale = input(1);
  if (failed(x) || failed(scale))
    return failure();
  Value bias;
  if (hasInput(2)) {
    FailureOr<Value> b = input(2);
    if (failed(b))
      return failure();
    bias = *b;
  }
  RankedTensorType type = typeOf(*x);
  FailureOr<int64_t> axis = normalizeAxis(attrInt("axis", -1), type.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> statsShape(type.getShape());
  std::fill(statsShape.begin() + *axis, statsShape.end(), 1);
  RankedTensorType statsType = like(*x, statsShape);
  SmallVector<Type> resultTypes = {type};
  if (hasOutput(1))
    resultTypes.push_back(statsType);
  if (hasOutput(2))
    resultTypes.push_back(statsType);
  if (hasOutput(2) && !hasOutput(1))
    return unsupported("InvStdDev without Mean");
  auto op =
      LayerNormOp::create(builder, loc, resultTypes, *x, *scale, bias,
                          builder.getI64IntegerAttr(*axis),
                          builder.getF32FloatAttr(attrFloat("epsilon", 1e-5f)));
  if (failed(verifyBuilt(op)))
    return failure();
  for (unsigned i = 0; i < op->getNumResults(); ++i)
    setOutput(i, op->getResult(i));
  return success();
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

LogicalResult OnnxImporter::importConcat() {
  int64_t count = node->input_size();
  if (count == 0)
    return nodeError() << "expects at least one input", failure();
  // All constant: fold (shape computations).
  SmallVector<Tensor> parts;
  for (int64_t i = 0; i < count; ++i)
    if (const Tensor *t = constantOf(i))
      parts.push_back(*t);
  if (static_cast<int64_t>(parts.size()) == count) {
    FailureOr<int64_t> axis =
        normalizeAxis(attrInt("axis", 0), parts.front().rank());
    if (failed(axis))
      return failure();
    SmallVector<int64_t> shape(parts.front().shape());
    for (const Tensor &part : llvm::drop_begin(parts)) {
      if (part.dtype() != parts.front().dtype() ||
          part.rank() != parts.front().rank())
        return nodeError() << "inputs differ in element type or rank",
               failure();
      for (int64_t d = 0; d < part.rank(); ++d)
        if (d != *axis && part.shape()[d] != shape[d])
          return nodeError() << "inputs differ in dimension " << d, failure();
      shape[*axis] += part.shape()[*axis];
    }
    if (!isFoldableShape(shape))
      return nodeError() << "cannot fold a constant of shape "
                         << formatShape(shape),
             failure();
    setConstantOutput(0, concatTensors(parts, *axis));
    return success();
  }
  SmallVector<Value> inputs;
  for (int64_t i = 0; i < count; ++i) {
    FailureOr<Value> v = input(i);
    if (failed(v))
      return failure();
    inputs.push_back(*v);
  }
  RankedTensorType first = typeOf(inputs.front());
  FailureOr<int64_t> axis = normalizeAxis(attrInt("axis", 0), first.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  for (Value v : llvm::drop_begin(inputs)) {
    int64_t size = typeOf(v).getRank() == first.getRank()
                       ? typeOf(v).getDimSize(*axis)
                       : 0;
    shape[*axis] =
        ShapedType::isDynamic(shape[*axis]) || ShapedType::isDynamic(size)
            ? ShapedType::kDynamic
            : shape[*axis] + size;
  }
  FailureOr<Value> y = build<ConcatOp>(like(inputs.front(), shape), inputs,
                                       builder.getI64IntegerAttr(*axis));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importReshape() {
  FailureOr<Tensor> target = constantInput(1, "the target shape");
  if (failed(target))
    return failure();
  const Tensor *constant = constantOf(0);
  FailureOr<Value> x = constant ? FailureOr<Value>(Value()) : input(0);
  if (failed(x))
    return failure();
  SmallVector<int64_t> in(constant ? constant->shape() : typeOf(*x).getShape());
  SmallVector<int64_t> shape = toInt64s(*target);
  bool allowZero = attrInt("allowzero", 0);
  int64_t inferred = -1, known = 1;
  for (auto [d, size] : llvm::enumerate(shape)) {
    if (size == 0 && !allowZero) {
      if (d >= in.size())
        return nodeError() << "dimension " << d << " copies a missing input "
                           << "dimension",
               failure();
      size = in[d];
    }
    if (size == -1) {
      if (inferred >= 0)
        return nodeError() << "more than one -1 in the target shape", failure();
      inferred = d;
    } else if (size < 0) {
      return nodeError() << "invalid target size " << size, failure();
    } else if (!ShapedType::isDynamic(size)) {
      known *= size;
    }
  }
  int64_t total = shapeProduct(in);
  if (inferred >= 0) {
    if (ShapedType::isDynamic(total))
      shape[inferred] = ShapedType::kDynamic;
    else if (known == 0 || total % known)
      return nodeError() << "cannot reshape " << formatShape(in) << " into "
                         << formatShape(shape),
             failure();
    else
      shape[inferred] = total / known;
  }
  if (!ShapedType::isDynamic(total) && shapeProduct(shape) != total &&
      !ShapedType::isDynamic(shapeProduct(shape)))
    return nodeError() << "cannot reshape " << formatShape(in) << " (" << total
                       << " elements) into " << formatShape(shape),
           failure();
  if (constant) {
    setConstantOutput(0, constant->reshaped(shape));
    return success();
  }
  FailureOr<Value> y = reshape(*x, shape);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importFlatten() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  llvm::ArrayRef<int64_t> in = typeOf(*x).getShape();
  int64_t rank = in.size(), axis = attrInt("axis", 1);
  if (axis < -rank || axis > rank)
    return nodeError() << "axis " << axis << " is outside [" << -rank << ", "
                       << rank << "]",
           failure();
  if (axis < 0)
    axis += rank;
  FailureOr<Value> y =
      build<FlattenOp>(like(*x, {shapeProduct(in.take_front(axis)),
                                 shapeProduct(in.drop_front(axis))}),
                       *x, builder.getI64IntegerAttr(axis));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importTranspose() {
  const Tensor *constant = constantOf(0);
  FailureOr<Value> x = constant ? FailureOr<Value>(Value()) : input(0);
  if (failed(x))
    return failure();
  int64_t rank = constant ? constant->rank() : typeOf(*x).getRank();
  SmallVector<int64_t> perms;
  for (int64_t d = rank - 1; d >= 0; --d)
    perms.push_back(d);
  perms = attrInts("perm").value_or(perms);
  SmallVector<int64_t> sorted(perms);
  llvm::sort(sorted);
  bool permutation = static_cast<int64_t>(perms.size()) == rank;
  for (auto [i, p] : llvm::enumerate(sorted))
    permutation &= p == static_cast<int64_t>(i);
  if (!permutation)
    return nodeError() << "perm is not a permutation of the " << rank
                       << " dimensions",
           failure();
  if (constant) {
    setConstantOutput(0, transposeTensor(*constant, perms));
    return success();
  }
  FailureOr<Value> y = transpose(*x, perms);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importSqueeze(bool unsqueeze) {
  const Tensor *constant = constantOf(0);
  FailureOr<Value> x = constant ? FailureOr<Value>(Value()) : input(0);
  if (failed(x))
    return failure();
  SmallVector<int64_t> in(constant ? constant->shape() : typeOf(*x).getShape());
  std::optional<SmallVector<int64_t>> axes;
  if (opset < 13) {
    axes = attrInts("axes");
  } else if (hasInput(1)) {
    FailureOr<Tensor> t = constantInput(1, "axes");
    if (failed(t))
      return failure();
    axes = toInt64s(*t);
  }
  int64_t rank = in.size();
  int64_t outRank = unsqueeze ? rank + (axes ? axes->size() : 0) : rank;
  if (unsqueeze && !axes)
    return nodeError() << "missing axes", failure();
  if (!axes) { // Squeeze without axes: every size-1 dimension.
    axes.emplace();
    for (int64_t d = 0; d < rank; ++d)
      if (in[d] == 1)
        axes->push_back(d);
  }
  for (int64_t &axis : *axes) {
    FailureOr<int64_t> normalized =
        normalizeAxis(axis, unsqueeze ? outRank : rank);
    if (failed(normalized))
      return failure();
    axis = *normalized;
  }
  llvm::sort(*axes);
  if (std::adjacent_find(axes->begin(), axes->end()) != axes->end())
    return nodeError() << "axes are listed twice", failure();
  if (!unsqueeze)
    for (int64_t axis : *axes)
      if (!ShapedType::isDynamic(in[axis]) && in[axis] != 1)
        return nodeError() << "cannot squeeze dimension " << axis << " of size "
                           << in[axis],
               failure();
  SmallVector<int64_t> shape;
  if (unsqueeze) {
    auto next = in.begin();
    for (int64_t d = 0; d < outRank; ++d)
      shape.push_back(llvm::is_contained(*axes, d) ? 1 : *next++);
  } else {
    for (int64_t d = 0; d < rank; ++d)
      if (!llvm::is_contained(*axes, d))
        shape.push_back(in[d]);
  }
  if (constant) {
    setConstantOutput(0, constant->reshaped(shape));
    return success();
  }
  FailureOr<Value> y =
      unsqueeze ? build<UnsqueezeOp>(like(*x, shape), *x,
                                     builder.getDenseI64ArrayAttr(*axes))
                : build<SqueezeOp>(like(*x, shape), *x,
                                   builder.getDenseI64ArrayAttr(*axes));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importPad() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  std::string modeName = attrString("mode", "constant");
  std::optional<PadMode> mode =
      llvm::StringSwitch<std::optional<PadMode>>(modeName)
          .Case("constant", PadMode::Constant)
          .Case("reflect", PadMode::Reflect)
          .Case("edge", PadMode::Edge)
          .Case("wrap", PadMode::Wrap)
          .Default(std::nullopt);
  if (!mode)
    return nodeError() << "unknown mode '" << modeName << "'", failure();
  SmallVector<int64_t> pads;
  double value = 0.0;
  if (opset < 11) {
    pads = attrInts("pads").value_or(SmallVector<int64_t>());
    value = attrFloat("value", 0.0f);
  } else {
    FailureOr<Tensor> p = constantInput(1, "pads");
    if (failed(p))
      return failure();
    pads = toInt64s(*p);
    if (hasInput(2)) {
      FailureOr<Tensor> v = constantInput(2, "constant_value");
      if (failed(v))
        return failure();
      if (v->numElements())
        value = v->toDoubles().front();
    }
    if (hasInput(3)) {
      FailureOr<Tensor> a = constantInput(3, "axes");
      if (failed(a))
        return failure();
      SmallVector<int64_t> axes = toInt64s(*a);
      if (pads.size() != 2 * axes.size())
        return nodeError() << "expects 2 pads per axis", failure();
      SmallVector<int64_t> full(2 * rank, 0);
      for (auto [k, axis] : llvm::enumerate(axes)) {
        FailureOr<int64_t> d = normalizeAxis(axis, rank);
        if (failed(d))
          return failure();
        full[*d] = pads[k];
        full[rank + *d] = pads[axes.size() + k];
      }
      pads = full;
    }
  }
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return nodeError() << "expects " << 2 * rank << " pad amounts, got "
                       << pads.size(),
           failure();
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(ShapedType::isDynamic(type.getDimSize(d))
                        ? ShapedType::kDynamic
                        : type.getDimSize(d) + pads[d] + pads[rank + d]);
  FailureOr<Value> y = build<PadOp>(
      like(*x, shape), *x, builder.getDenseI64ArrayAttr(pads),
      PadModeAttr::get(context, *mode), builder.getF64FloatAttr(value));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importResize() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  RankedTensorType type = typeOf(*x);
  int64_t rank = type.getRank();
  if (!type.hasStaticShape())
    return nodeError() << "needs a known input shape; fix the input shapes "
                          "with --input-shape",
           failure();
  llvm::ArrayRef<int64_t> in = type.getShape();
  bool legacy = node->op_type() == "Upsample" || opset < 11;
  std::string modeName = attrString("mode", "nearest");
  std::optional<ResizeMode> mode =
      llvm::StringSwitch<std::optional<ResizeMode>>(modeName)
          .Case("nearest", ResizeMode::Nearest)
          .Cases({"linear", "bilinear"}, ResizeMode::Linear)
          .Default(std::nullopt);
  if (!mode)
    return unsupported("Resize mode '" + modeName + "'");
  if (attrInt("antialias", 0))
    return unsupported("antialiased Resize");
  std::string coordinateName = attrString("coordinate_transformation_mode",
                                          legacy ? "asymmetric" : "half_pixel");
  std::optional<CoordinateTransform> coordinate =
      llvm::StringSwitch<std::optional<CoordinateTransform>>(coordinateName)
          .Case("half_pixel", CoordinateTransform::HalfPixel)
          .Case("half_pixel_symmetric", CoordinateTransform::HalfPixelSymmetric)
          .Case("pytorch_half_pixel", CoordinateTransform::PytorchHalfPixel)
          .Case("align_corners", CoordinateTransform::AlignCorners)
          .Case("asymmetric", CoordinateTransform::Asymmetric)
          .Case("tf_crop_and_resize", CoordinateTransform::TfCropAndResize)
          .Default(std::nullopt);
  if (!coordinate)
    return unsupported("coordinate_transformation_mode '" + coordinateName +
                       "'");
  std::string nearestName =
      attrString("nearest_mode", legacy ? "floor" : "round_prefer_floor");
  std::optional<NearestMode> nearest =
      llvm::StringSwitch<std::optional<NearestMode>>(nearestName)
          .Case("round_prefer_floor", NearestMode::RoundPreferFloor)
          .Case("round_prefer_ceil", NearestMode::RoundPreferCeil)
          .Case("floor", NearestMode::Floor)
          .Case("ceil", NearestMode::Ceil)
          .Default(std::nullopt);
  if (!nearest)
    return nodeError() << "unknown nearest_mode '" << nearestName << "'",
           failure();

  // The axes the scales, sizes and roi talk about.
  SmallVector<int64_t> axes;
  for (int64_t d = 0; d < rank; ++d)
    axes.push_back(d);
  if (std::optional<SmallVector<int64_t>> given = attrInts("axes")) {
    axes.clear();
    for (int64_t axis : *given) {
      FailureOr<int64_t> d = normalizeAxis(axis, rank);
      if (failed(d))
        return failure();
      axes.push_back(*d);
    }
  }
  int scalesInput = legacy ? 1 : 2, sizesInput = 3;
  const Tensor *scalesTensor =
      hasInput(scalesInput) ? parameterOf(scalesInput) : nullptr;
  if (scalesTensor && scalesTensor->numElements() == 0)
    scalesTensor = nullptr;
  const Tensor *sizesTensor =
      !legacy && hasInput(sizesInput) ? parameterOf(sizesInput) : nullptr;
  if ((hasInput(scalesInput) && !parameterOf(scalesInput)) ||
      (!legacy && hasInput(sizesInput) && !sizesTensor))
    return nodeError() << "scales and sizes must be constants", failure();
  if (legacy && !scalesTensor)
    if (std::optional<SmallVector<float>> s = attrFloats("scales"))
      scalesTensor = &(constants["<scales>"] = [&] {
        Tensor t(DType::F32, {static_cast<int64_t>(s->size())});
        std::copy(s->begin(), s->end(), t.data<float>());
        return t;
      }());
  if (!scalesTensor == !sizesTensor)
    return nodeError() << "expects exactly one of scales and sizes", failure();

  DenseF32ArrayAttr roiAttr;
  SmallVector<float> roi;
  if (*coordinate == CoordinateTransform::TfCropAndResize) {
    FailureOr<Tensor> r = constantInput(1, "roi");
    if (failed(r))
      return failure();
    std::vector<double> given = r->toDoubles();
    if (given.size() != 2 * axes.size())
      return nodeError() << "expects " << 2 * axes.size() << " roi values",
             failure();
    roi.assign(2 * rank, 0.0f);
    for (int64_t d = 0; d < rank; ++d)
      roi[rank + d] = 1.0f;
    for (auto [k, axis] : llvm::enumerate(axes)) {
      roi[axis] = given[k];
      roi[rank + axis] = given[axes.size() + k];
    }
    roiAttr = builder.getDenseF32ArrayAttr(roi);
  }
  auto extent = [&](int64_t d) {
    return roi.empty() ? 1.0 : static_cast<double>(roi[rank + d] - roi[d]);
  };
  SmallVector<float> scales(rank, 1.0f);
  SmallVector<int64_t> shape(in);
  if (scalesTensor) {
    std::vector<double> s = scalesTensor->toDoubles();
    if (s.size() != axes.size())
      return nodeError() << "expects " << axes.size() << " scales, got "
                         << s.size(),
             failure();
    for (auto [k, axis] : llvm::enumerate(axes))
      scales[axis] = static_cast<float>(s[k]);
  } else {
    SmallVector<int64_t> sizes = toInt64s(*sizesTensor);
    if (sizes.size() != axes.size())
      return nodeError() << "expects " << axes.size() << " sizes, got "
                         << sizes.size(),
             failure();
    std::string policy = attrString("keep_aspect_ratio_policy", "stretch");
    if (policy == "stretch") {
      for (auto [k, axis] : llvm::enumerate(axes))
        scales[axis] = static_cast<float>(sizes[k] / (in[axis] * extent(axis)));
    } else if (policy == "not_larger" || policy == "not_smaller") {
      float scale = policy == "not_larger" ? INFINITY : 0.0f;
      for (auto [k, axis] : llvm::enumerate(axes)) {
        float s = static_cast<float>(sizes[k]) / in[axis];
        scale =
            policy == "not_larger" ? std::min(scale, s) : std::max(scale, s);
      }
      for (int64_t axis : axes)
        scales[axis] = scale;
    } else {
      return nodeError() << "unknown keep_aspect_ratio_policy '" << policy
                         << "'",
             failure();
    }
  }
  for (int64_t d = 0; d < rank; ++d) {
    if (sizesTensor &&
        attrString("keep_aspect_ratio_policy", "stretch") == "stretch" &&
        llvm::is_contained(axes, d))
      shape[d] = toInt64s(*sizesTensor)[llvm::find(axes, d) - axes.begin()];
    else if (sizesTensor)
      shape[d] = static_cast<int64_t>(std::round(in[d] * scales[d]));
    else
      shape[d] = static_cast<int64_t>(
          std::floor(static_cast<double>(in[d]) * extent(d) * scales[d]));
  }
  auto op = ResizeOp::create(
      builder, loc, like(*x, shape), *x, ResizeModeAttr::get(context, *mode),
      CoordinateTransformAttr::get(context, *coordinate),
      NearestModeAttr::get(context, *nearest),
      builder.getDenseF32ArrayAttr(scales), roiAttr,
      builder.getF32FloatAttr(attrFloat("extrapolation_value", 0.0f)));
  if (failed(verifyBuilt(op)))
    return failure();
  setOutput(0, op);
  return success();
}

LogicalResult OnnxImporter::importIdentity() {
  if (hasOutput(1))
    return unsupported("Dropout's mask output");
  if (const Tensor *training = parameterOf(2);
      attrInt("is_test", 1) == 0 ||
      (training &&
       llvm::any_of(training->toDoubles(), [](double v) { return v != 0; })))
    return unsupported("training-mode Dropout");
  if (hasInput(2) && !parameterOf(2))
    return nodeError() << "training_mode must be a constant", failure();
  if (const Tensor *constant = constantOf(0)) {
    setConstantOutput(0, *constant);
    return success();
  }
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  setOutput(0, *x);
  return success();
}

//===----------------------------------------------------------------------===//
// Quantization
//===----------------------------------------------------------------------===//

FailureOr<quant::QuantizedType>
OnnxImporter::quantType(const Tensor &scale, const Tensor *zeroPoint,
                        DType storage, int64_t axis, int64_t rank) {
  if (!isFloat(scale.dtype()))
    return nodeError() << "the scale must be a float tensor", failure();
  if (isFloat(storage) || storage == DType::Bool || integerBits(storage) > 32)
    return nodeError() << "quantized values of type " << dtypeName(storage)
                       << " are not supported",
           failure();
  if (zeroPoint && zeroPoint->numElements() != scale.numElements())
    return nodeError() << "scale and zero point differ in size", failure();
  std::vector<double> scales = scale.toDoubles();
  SmallVector<int64_t> zeroPoints(scales.size(), 0);
  if (zeroPoint)
    zeroPoints = toInt64s(*zeroPoint);
  for (double s : scales)
    if (!(s > 0) || !std::isfinite(s))
      return nodeError() << "scale " << s << " is not positive", failure();
  unsigned bits = integerBits(storage);
  bool isSignedStorage = isSigned(storage);
  int64_t qmin = isSignedStorage ? -(int64_t(1) << (bits - 1)) : 0;
  int64_t qmax = isSignedStorage ? (int64_t(1) << (bits - 1)) - 1
                                 : (int64_t(1) << bits) - 1;
  Type storageType = builder.getIntegerType(bits);
  Type expressed = mlirTypeOf(scale.dtype(), context);
  unsigned flags = isSignedStorage ? quant::QuantizationFlags::Signed : 0;
  if (scales.size() == 1)
    return cast<quant::QuantizedType>(quant::UniformQuantizedType::getChecked(
        [&] { return nodeError(); }, flags, storageType, expressed, scales[0],
        zeroPoints[0], qmin, qmax));
  if (axis < 0)
    return nodeError() << "expects a scalar scale here, got " << scales.size()
                       << " values",
           failure();
  if (axis >= rank)
    return nodeError() << "quantization axis " << axis
                       << " is outside the tensor's rank " << rank,
           failure();
  return cast<quant::QuantizedType>(
      quant::UniformQuantizedPerAxisType::getChecked(
          [&] { return nodeError(); }, flags, storageType, expressed, scales,
          zeroPoints, axis, qmin, qmax));
}

FailureOr<quant::QuantizedType>
OnnxImporter::quantTypeFromInputs(int scaleInput, int zeroPointInput,
                                  Value data, int64_t axis) {
  FailureOr<Tensor> scale = constantInput(scaleInput, "the scale");
  if (failed(scale))
    return failure();
  const Tensor *zeroPoint = parameterOf(zeroPointInput);
  if (hasInput(zeroPointInput) && !zeroPoint)
    return nodeError() << "the zero point must be a constant", failure();
  std::optional<DType> storage = zeroPoint
                                     ? std::optional<DType>(zeroPoint->dtype())
                                     : dtypeOf(typeOf(data).getElementType());
  if (!storage)
    return nodeError() << "cannot tell the quantized storage type", failure();
  return quantType(*scale, zeroPoint, *storage, axis, typeOf(data).getRank());
}

FailureOr<Value> OnnxImporter::asQuantized(Value value,
                                           quant::QuantizedType type) {
  RankedTensorType valueType = typeOf(value);
  if (valueType.getElementType() == type)
    return value;
  FailureOr<Value> plain = asStorage(value);
  if (failed(plain))
    return failure();
  if (dtypeOf(typeOf(*plain).getElementType()) != dtypeOf(type))
    return nodeError() << "values of type " << typeOf(*plain).getElementType()
                       << " cannot be read as " << type,
           failure();
  return build<StorageCastOp>(like(value, valueType.getShape()).clone(type),
                              *plain);
}

FailureOr<Value> OnnxImporter::asStorage(Value value) {
  auto quantized =
      dyn_cast<quant::QuantizedType>(typeOf(value).getElementType());
  if (!quantized)
    return value;
  return build<StorageCastOp>(
      typeOf(value).clone(mlirTypeOf(*dtypeOf(quantized), context)), value);
}

LogicalResult OnnxImporter::importQuantizeLinear() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  if (attrInt("block_size", 0))
    return unsupported("blocked quantization");
  FailureOr<Tensor> scale = constantInput(1, "the scale");
  if (failed(scale))
    return failure();
  const Tensor *zeroPoint = parameterOf(2);
  if (hasInput(2) && !zeroPoint)
    return nodeError() << "the zero point must be a constant", failure();
  DType storage = DType::U8;
  if (zeroPoint) {
    storage = zeroPoint->dtype();
  } else if (int64_t outputType = attrInt("output_dtype", 0)) {
    std::optional<DType> d = dtypeOfOnnx(outputType);
    if (!d)
      return unsupported("output_dtype " + onnxDataTypeName(outputType));
    storage = *d;
  }
  int64_t rank = typeOf(*x).getRank();
  FailureOr<int64_t> axis = quantAxis(*scale, rank);
  if (failed(axis))
    return failure();
  FailureOr<quant::QuantizedType> type =
      quantType(*scale, zeroPoint, storage, *axis, rank);
  if (failed(type))
    return failure();
  Value in = *x;
  if (typeOf(in).getElementType() != type->getExpressedType())
    return nodeError() << "input of type " << typeOf(in).getElementType()
                       << " with a scale of type " << type->getExpressedType()
                       << " is not supported",
           failure();
  FailureOr<Value> y = build<QuantizeOp>(
      typeOf(in).clone(*type), in,
      RoundingModeAttr::get(context, RoundingMode::HalfToEven));
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importDequantizeLinear() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  if (attrInt("block_size", 0))
    return unsupported("blocked quantization");
  FailureOr<Tensor> scale = constantInput(1, "the scale");
  if (failed(scale))
    return failure();
  FailureOr<int64_t> axis = quantAxis(*scale, typeOf(*x).getRank());
  if (failed(axis))
    return failure();
  FailureOr<quant::QuantizedType> type = quantTypeFromInputs(1, 2, *x, *axis);
  if (failed(type))
    return failure();
  FailureOr<Value> q = asQuantized(*x, *type);
  if (failed(q))
    return failure();
  FailureOr<Value> y =
      build<DequantizeOp>(typeOf(*q).clone(type->getExpressedType()), *q);
  if (failed(y))
    return failure();
  setOutput(0, *y);
  return success();
}

LogicalResult OnnxImporter::importDynamicQuantizeLinear() {
  FailureOr<Value> x = input(0);
  if (failed(x))
    return failure();
  Type u8 = mlirTypeOf(DType::U8, context);
  auto op = DynamicQuantizeOp::create(
      builder, loc, typeOf(*x).clone(u8),
      RankedTensorType::get({}, typeOf(*x).getElementType()),
      RankedTensorType::get({}, u8), *x);
  if (failed(verifyBuilt(op)))
    return failure();
  for (int i = 0; i < 3; ++i)
    setOutput(i, op->getResult(i));
  return success();
}

} // namespace

std::optional<OnnxImport> importOnnxModel(llvm::StringRef path,
                                          MLIRContext *context,
                                          const OnnxImportOptions &options) {
  context->loadDialect<QccDialect, func::FuncDialect, quant::QuantDialect>();
  return OnnxImporter(context, path, options).run();
}

} // namespace qcc
