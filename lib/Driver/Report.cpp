//===- Report.cpp - What quantization did to each layer -------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/Report.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Interpreter/Interpreter.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/StringMap.h"

#include <cmath>

using namespace mlir;

namespace qcc {

int64_t layerMacs(Operation *op) {
  auto count = [](Value v) {
    return cast<ShapedType>(v.getType()).getNumElements();
  };
  if (isa<Conv2DOp, FullyConnectedOp>(op)) {
    // Weights [O, I/groups, kh, kw] or [O, I]: each output sums the rest.
    Value weight = op->getOperand(1);
    return count(op->getResult(0)) * count(weight) /
           cast<ShapedType>(weight.getType()).getDimSize(0);
  }
  if (auto conv = dyn_cast<ConvTranspose2DOp>(op)) {
    // Weights [I, O/groups, kh, kw]: each input spreads over the rest.
    return count(conv.getInput()) * count(conv.getWeight()) /
           conv.getWeight().getType().getDimSize(0);
  }
  if (auto matmul = dyn_cast<MatMulOp>(op))
    return count(matmul.getOutput()) *
           cast<ShapedType>(matmul.getLhs().getType()).getShape().back();
  return 0;
}

/// Storage bits of a quantized value, 0 when it is not quantized.
static int64_t bitsOf(Value v) {
  if (auto q = dyn_cast<quant::QuantizedType>(
          cast<ShapedType>(v.getType()).getElementType()))
    return q.getStorageTypeIntegralWidth();
  return 0;
}

int64_t layerBitOps(Operation *op) {
  int64_t macs = layerMacs(op);
  return macs ? macs * bitsOf(op->getOperand(0)) * bitsOf(op->getOperand(1))
              : 0;
}

/// The tensor name a value's location carries.
static std::string nameOf(Value value) {
  if (auto named = dyn_cast<NameLoc>(value.getLoc()))
    return named.getName().str();
  return "";
}

FailureOr<llvm::json::Value> quantizationReport(func::FuncOp floatFunc,
                                                func::FuncOp quantFunc,
                                                llvm::ArrayRef<Tensor> inputs) {
  FailureOr<Program> floatProgram = Program::compile(floatFunc);
  FailureOr<Program> quantProgram = Program::compile(quantFunc);
  if (failed(floatProgram) || failed(quantProgram))
    return failure();

  // Per tensor name: the last value of that name in each program (in the
  // quantized program, the requantized result of a layer).
  struct Sums {
    double signal = 0, noise = 0;
  };
  llvm::StringMap<Sums> sums;
  llvm::StringMap<Operation *> layers;
  llvm::StringMap<RangeAttr> ranges;
  floatFunc.walk([&](Operation *op) {
    if (auto range = op->getAttrOfType<RangeAttr>(QccDialect::kRangeAttrName))
      if (op->getNumResults() == 1)
        ranges[nameOf(op->getResult(0))] = range;
  });
  int64_t runs = inputs.empty() ? 0 : inputs.front().shape()[0];
  if (!floatFunc.getArgumentTypes().empty())
    runs /= cast<ShapedType>(floatFunc.getArgumentTypes()[0]).getDimSize(0);
  for (int64_t run = 0; run < runs; ++run) {
    SmallVector<Tensor> slice = runInputs(inputs, runs, run);
    llvm::StringMap<Tensor> reference;
    floatProgram->run(slice, [&](Value v, const Tensor &t) {
      std::string name = nameOf(v);
      if (!name.empty() && t.dtype() == DType::F32)
        reference[name] = t;
    });
    llvm::StringMap<std::pair<Value, Tensor>> quantizedValues;
    quantProgram->run(slice, [&](Value v, const Tensor &t) {
      std::string name = nameOf(v);
      if (!name.empty() && isa<quant::UniformQuantizedType>(
                               cast<ShapedType>(v.getType()).getElementType()))
        quantizedValues[name] = {v, t};
    });
    for (auto &entry : quantizedValues) {
      auto it = reference.find(entry.getKey());
      if (it == reference.end())
        continue;
      auto [value, stored] = entry.getValue();
      Tensor real = dequantizeTensor(
          stored, cast<ShapedType>(value.getType()).getElementType());
      const Tensor &f = it->second;
      if (f.shape() != real.shape())
        continue;
      Sums &s = sums[entry.getKey()];
      for (int64_t i = 0, n = f.numElements(); i < n; ++i) {
        double x = f.data<float>()[i], y = real.data<float>()[i];
        s.signal += x * x;
        s.noise += (x - y) * (x - y);
      }
      layers[entry.getKey()] = value.getDefiningOp();
    }
  }

  // Layers in program order.
  llvm::json::Array report;
  quantFunc.walk([&](Operation *op) {
    if (op->getNumResults() != 1)
      return;
    std::string name = nameOf(op->getResult(0));
    auto it = layers.find(name);
    if (it == layers.end() || it->second != op)
      return;
    auto type = cast<quant::UniformQuantizedType>(
        cast<ShapedType>(op->getResult(0).getType()).getElementType());
    const Sums &s = sums[name];
    // A layer's result is often the requantize of its wide accumulator:
    // name the op that computes it.
    Operation *compute = op;
    while (isa<RequantizeOp, StorageCastOp>(compute) &&
           compute->getOperand(0).getDefiningOp())
      compute = compute->getOperand(0).getDefiningOp();
    llvm::json::Object layer{
        {"name", name},
        {"op", compute->getName().getStringRef()},
        {"bits", type.getStorageTypeIntegralWidth()},
        {"scale", type.getScale()},
        {"zero_point", type.getZeroPoint()},
        {"sqnr_db", s.noise > 0 ? 10 * std::log10(s.signal / s.noise) : 999.0}};
    if (RangeAttr range = ranges.lookup(name))
      layer["range"] = llvm::json::Array{range.getMin().convertToDouble(),
                                         range.getMax().convertToDouble()};
    if (int64_t macs = layerMacs(compute)) {
      layer["macs"] = macs;
      layer["bit_ops"] = layerBitOps(compute);
    }
    report.push_back(std::move(layer));
  });
  return llvm::json::Value(llvm::json::Object{{"layers", std::move(report)}});
}

} // namespace qcc
