//===- MixedPrecision.cpp - Choose per-layer weight bit-widths ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/MixedPrecision.h"
#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Driver/Report.h"
#include "qcc/Interpreter/Interpreter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;

namespace qcc {

namespace {

/// The layers whose weights can be int4: contractions with constant weights,
/// in program order.
SmallVector<Operation *> weightedLayers(func::FuncOp func) {
  SmallVector<Operation *> layers;
  func.walk([&](Operation *op) {
    if (isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(op) &&
        op->getOperand(1).getDefiningOp<ConstantOp>())
      layers.push_back(op);
  });
  return layers;
}

std::string layerName(Operation *op, size_t index) {
  if (auto named = dyn_cast<NameLoc>(op->getLoc()))
    return named.getName().str();
  return "layer" + std::to_string(index);
}

/// Runs `program` once per batch of `inputs` and joins its first outputs.
Tensor runAll(const Program &program, ArrayRef<Tensor> inputs, int64_t runs) {
  std::vector<Tensor> outputs;
  for (int64_t run = 0; run < runs; ++run)
    outputs.push_back(program.run(runInputs(inputs, runs, run)).front());
  return Tensor::concatOuter(outputs);
}

/// The index of the maximum of each row (along the last axis) of a float
/// tensor: the top-1 class per sample.
std::vector<int64_t> argmaxRows(const Tensor &t) {
  int64_t width = t.shape().empty() ? 1 : t.shape().back();
  std::vector<int64_t> result;
  const float *data = t.data<float>();
  for (int64_t row = 0; row * width < t.numElements(); ++row)
    result.push_back(
        std::max_element(data + row * width, data + (row + 1) * width) -
        (data + row * width));
  return result;
}

} // namespace

llvm::json::Value MixedPrecisionResult::toJSON() const {
  llvm::json::Array points;
  for (const BitWidthPoint &point : front)
    points.push_back(
        llvm::json::Object{{"int4_layers", llvm::json::Array(point.int4Layers)},
                           {"bit_ops", point.bitOps},
                           {"agreement_percent", point.agreement},
                           {"sqnr_db", point.sqnrDb}});
  return llvm::json::Object{{"front", std::move(points)},
                            {"chosen", static_cast<int64_t>(chosen)}};
}

FailureOr<MixedPrecisionResult>
assignWeightBits(func::FuncOp calibrated,
                 const QuantizePipelineOptions &options,
                 ArrayRef<Tensor> inputs, double maxAccuracyDrop,
                 double minSqnrDb, llvm::raw_ostream &progress) {
  FailureOr<Program> floatProgram = Program::compile(calibrated);
  if (failed(floatProgram))
    return failure();
  int64_t runs =
      inputs.front().shape()[0] /
      cast<ShapedType>(calibrated.getArgumentTypes()[0]).getDimSize(0);
  Tensor reference = runAll(*floatProgram, inputs, runs);
  if (reference.dtype() != DType::F32)
    return calibrated.emitError("mixed precision compares the model's first "
                                "output with float's, but it is not float32"),
           failure();
  std::vector<int64_t> referenceTop = argmaxRows(reference);

  SmallVector<Operation *> layers = weightedLayers(calibrated);
  std::vector<std::string> names;
  for (auto [index, op] : llvm::enumerate(layers))
    names.push_back(layerName(op, index));

  // Lowers a copy with the given layers at int4 and measures it.
  QuantizePipelineOptions int8 = options;
  int8.precision = "int8";
  auto measure = [&](ArrayRef<size_t> int4) -> FailureOr<BitWidthPoint> {
    for (size_t i : int4)
      layers[i]->setAttr(QccDialect::kWeightBitsAttrName,
                         Builder(calibrated).getI64IntegerAttr(4));
    OwningOpRef<ModuleOp> copy =
        calibrated->getParentOfType<ModuleOp>().clone();
    for (size_t i : int4)
      layers[i]->removeAttr(QccDialect::kWeightBitsAttrName);
    PassManager pm(calibrated.getContext());
    buildIntegerLoweringPipeline(pm, int8);
    if (failed(pm.run(*copy)))
      return failure();
    auto func = copy->lookupSymbol<func::FuncOp>(calibrated.getSymName());
    FailureOr<Program> program = Program::compile(func);
    if (failed(program))
      return failure();
    Tensor output = runAll(*program, inputs, runs);
    BitWidthPoint point;
    for (size_t i : int4)
      point.int4Layers.push_back(names[i]);
    func.walk([&](Operation *op) { point.bitOps += layerBitOps(op); });
    std::vector<int64_t> top = argmaxRows(output);
    int64_t agree = 0;
    for (size_t i = 0; i < top.size(); ++i)
      agree += top[i] == referenceTop[i];
    point.agreement = 100.0 * agree / top.size();
    double signal = 0, noise = 0;
    for (int64_t i = 0, n = output.numElements(); i < n; ++i) {
      double f = reference.data<float>()[i], q = output.data<float>()[i];
      signal += f * f;
      noise += (f - q) * (f - q);
    }
    point.sqnrDb = noise > 0 ? 10 * std::log10(signal / noise) : 999.0;
    return point;
  };

  MixedPrecisionResult result;
  FailureOr<BitWidthPoint> base = measure({});
  if (failed(base))
    return failure();
  progress << llvm::formatv("qcc: mixed precision: int8 {0:F2} % agreement, "
                            "{1} bit-ops; measuring {2} layers\n",
                            base->agreement, base->bitOps, layers.size());
  result.front.push_back(*base);

  // Sensitivity: each layer alone at int4.
  std::vector<std::pair<BitWidthPoint, size_t>> alone;
  for (size_t i = 0; i < layers.size(); ++i) {
    FailureOr<BitWidthPoint> point = measure({i});
    if (failed(point))
      return failure();
    progress << llvm::formatv("qcc:   {0}/{1} {2}: int4 alone {3:F2} %, "
                              "{4:F1} dB\n",
                              i + 1, layers.size(), names[i], point->agreement,
                              point->sqnrDb);
    alone.push_back({*point, i});
  }
  // Least sensitive first; ties keep program order.
  llvm::sort(alone, [](const auto &a, const auto &b) {
    if (a.first.agreement != b.first.agreement)
      return a.first.agreement > b.first.agreement;
    if (a.first.sqnrDb != b.first.sqnrDb)
      return a.first.sqnrDb > b.first.sqnrDb;
    return a.second < b.second;
  });

  // Move layers to int4 from the least sensitive, measuring each step; keep
  // the cheapest step within the budget.
  SmallVector<size_t> int4;
  for (auto &[point, index] : alone) {
    int4.push_back(index);
    FailureOr<BitWidthPoint> step = measure(int4);
    if (failed(step))
      return failure();
    result.front.push_back(*step);
    if (base->agreement - step->agreement <= maxAccuracyDrop &&
        step->sqnrDb >= minSqnrDb &&
        step->bitOps < result.front[result.chosen].bitOps)
      result.chosen = result.front.size() - 1;
  }

  // Step k of the search put the first k layers of `alone` at int4.
  const BitWidthPoint &chosen = result.front[result.chosen];
  for (size_t k = 0; k < result.chosen; ++k)
    layers[alone[k].second]->setAttr(QccDialect::kWeightBitsAttrName,
                                     Builder(calibrated).getI64IntegerAttr(4));
  progress << llvm::formatv("qcc: mixed precision: {0} of {1} layers at int4, "
                            "{2:F2} % agreement, {3:F1} % of int8's bit-ops\n",
                            chosen.int4Layers.size(), layers.size(),
                            chosen.agreement,
                            100.0 * chosen.bitOps / base->bitOps);
  return result;
}

} // namespace qcc
