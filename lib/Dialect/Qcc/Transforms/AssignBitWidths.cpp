//===- AssignBitWidths.cpp - Mixed-precision search -----------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every candidate assignment is measured, not estimated: the function is
// cloned with the assignment's attributes, lowered by qcc-quantize, run in
// the reference interpreter on the calibration inputs and compared with the
// float function's output. Its cost is the bit-ops of the lowered graph
// (Cost.h), so the conversions a change of bit-width adds are counted as
// they are actually built.
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/CalibrationInputs.h"
#include "qcc/Dialect/Qcc/Transforms/Cost.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"
#include "qcc/Interpreter/Interpreter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

namespace qcc {
#define GEN_PASS_DEF_ASSIGNBITWIDTHS
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

/// A layer's precision: its weights' bits and its output activations'.
struct Precision {
  int64_t weightBits = 8, activationBits = 8;
  bool operator==(const Precision &o) const {
    return weightBits == o.weightBits && activationBits == o.activationBits;
  }
};
constexpr Precision kW4A8{4, 8}, kW8A8{8, 8}, kW8A16{8, 16};

/// A contraction with constant weights and the ops its output flows through
/// up to the next one (elementwise and data movement with a single input):
/// they share its activation bit-width.
struct Layer {
  Operation *op;
  SmallVector<Operation *> segment;
  std::string name;
};

/// A measured assignment.
struct Point {
  SmallVector<Precision> precisions;
  int64_t bitOps = 0;
  double agreement = 0, sqnrDb = 0;

  /// Whether top-1 agreement with float is at most `maxDrop` points below
  /// 100 % and the SQNR at least `minSqnr`.
  bool meets(double maxDrop, double minSqnr) const {
    return 100 - agreement <= maxDrop && sqnrDb >= minSqnr;
  }
  bool dominates(const Point &o) const {
    return bitOps <= o.bitOps && agreement >= o.agreement &&
           sqnrDb >= o.sqnrDb &&
           (bitOps < o.bitOps || agreement > o.agreement || sqnrDb > o.sqnrDb);
  }
};

SmallVector<Layer> findLayers(func::FuncOp func) {
  SmallVector<Layer> layers;
  func.walk([&](Operation *op) {
    if (!isa<Conv2DOp, ConvTranspose2DOp, FullyConnectedOp, MatMulOp>(op) ||
        !op->getOperand(1).getDefiningOp<ConstantOp>())
      return;
    Layer layer{op, {op}, ""};
    if (auto named = dyn_cast<NameLoc>(op->getLoc()))
      layer.name = named.getName().str();
    else
      layer.name = "layer" + std::to_string(layers.size());
    for (Operation *last = op; last->hasOneUse();) {
      Operation *user = *last->getUsers().begin();
      // Arithmetic with a constant (a learnable affine step) has one input
      // too.
      bool withConstant = isa<AddOp, SubOp, MulOp, DivOp>(user) &&
                          llvm::any_of(user->getOperands(), [](Value v) {
                            return v.getDefiningOp<ConstantOp>() != nullptr;
                          });
      if (!withConstant &&
          !isa<ReluOp, ClipOp, LeakyReluOp, SigmoidOp, TanhOp, HardSigmoidOp,
               HardSwishOp, GeluOp, ErfOp, MaxPool2DOp, ReshapeOp, FlattenOp,
               SqueezeOp, UnsqueezeOp, TransposeOp>(user))
        break;
      layer.segment.push_back(user);
      last = user;
    }
    layers.push_back(std::move(layer));
  });
  return layers;
}

/// The index of the maximum of each row (along the last axis): the top-1
/// class per sample.
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

struct AssignBitWidthsPass
    : qcc::impl::AssignBitWidthsBase<AssignBitWidthsPass> {
  using AssignBitWidthsBase::AssignBitWidthsBase;

  func::FuncOp func;
  CalibrationInputs inputs;
  SmallVector<Layer> layers;
  Tensor reference;
  std::vector<int64_t> referenceTop;
  /// Every assignment measured so far.
  std::vector<Point> points;

  void runOnOperation() override {
    func = getOperation();
    FailureOr<CalibrationInputs> read = readCalibrationInputs(func, calib);
    if (failed(read))
      return signalPassFailure();
    inputs = std::move(*read);
    FailureOr<Program> floatProgram = Program::compile(func);
    if (failed(floatProgram))
      return signalPassFailure();
    reference = runAll(*floatProgram);
    if (reference.dtype() != DType::F32) {
      func.emitError("qcc-assign-bitwidths compares the first output with "
                     "the float model's, but it is not float32");
      return signalPassFailure();
    }
    referenceTop = argmaxRows(reference);
    layers = findLayers(func);
    if (failed(search()))
      return signalPassFailure();
  }

  Tensor runAll(const Program &program) {
    std::vector<Tensor> outputs;
    for (int64_t run = 0; run < inputs.runs; ++run)
      outputs.push_back(
          program.run(runInputs(inputs.batches, inputs.runs, run)).front());
    return Tensor::concatOuter(outputs);
  }

  /// Sets (or, with `clear`, removes) the attributes of an assignment.
  void annotate(ArrayRef<Precision> precisions, bool clear = false) {
    Builder b(func);
    for (auto [layer, p] : llvm::zip(layers, precisions)) {
      if (clear || p.weightBits == 8)
        layer.op->removeAttr(QccDialect::kWeightBitsAttrName);
      else
        layer.op->setAttr(QccDialect::kWeightBitsAttrName,
                          b.getI64IntegerAttr(p.weightBits));
      for (Operation *op : layer.segment) {
        if (clear || p.activationBits == 8)
          op->removeAttr(QccDialect::kBitWidthAttrName);
        else
          op->setAttr(QccDialect::kBitWidthAttrName,
                      b.getI64IntegerAttr(p.activationBits));
      }
    }
  }

  /// Lowers a copy with the given precisions and measures it (once).
  FailureOr<Point> measure(ArrayRef<Precision> precisions) {
    for (const Point &p : points)
      if (ArrayRef(p.precisions) == precisions)
        return p;
    annotate(precisions);
    OwningOpRef<ModuleOp> copy = ModuleOp::create(func.getLoc());
    copy->push_back(func.clone());
    annotate(precisions, /*clear=*/true);
    PassManager pm(&getContext());
    OpPassManager &nested = pm.nest<func::FuncOp>();
    QuantizeOptions options;
    options.precision = "int8";
    options.biasCorrection = biasCorrection;
    nested.addPass(createQuantize(options));
    nested.addPass(createCanonicalizerPass());
    if (failed(pm.run(*copy)))
      return failure();
    auto lowered = cast<func::FuncOp>(copy->getBody()->front());
    FailureOr<Program> program = Program::compile(lowered);
    if (failed(program))
      return failure();
    Tensor output = runAll(*program);
    Point point{SmallVector<Precision>(precisions), modelBitOps(lowered)};
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
    points.push_back(point);
    return point;
  }

  void log(const Twine &message) {
    if (progress)
      llvm::errs() << "qcc-assign-bitwidths: " << message << "\n";
  }

  LogicalResult search() {
    SmallVector<Precision> uniform(layers.size(), kW8A8);
    FailureOr<Point> base = measure(uniform);
    if (failed(base))
      return failure();
    log(llvm::formatv("int8: {0:F2} % agreement, {1:F1} dB, {2} bit-ops; "
                      "{3} layers",
                      base->agreement, base->sqnrDb, base->bitOps,
                      layers.size()));

    // Sensitivity: each layer alone at int4 weights, and alone at int16
    // activations.
    std::vector<std::pair<Point, size_t>> lower, higher;
    for (size_t i = 0; i < layers.size(); ++i) {
      for (Precision p : {kW4A8, kW8A16}) {
        SmallVector<Precision> alone = uniform;
        alone[i] = p;
        FailureOr<Point> point = measure(alone);
        if (failed(point))
          return failure();
        (p == kW4A8 ? lower : higher).push_back({*point, i});
      }
      log(llvm::formatv("{0}/{1} {2}: int4 weights {3:F2} % {4:F1} dB, "
                        "int16 activations {5:F2} % {6:F1} dB",
                        i + 1, layers.size(), layers[i].name,
                        lower.back().first.agreement, lower.back().first.sqnrDb,
                        higher.back().first.agreement,
                        higher.back().first.sqnrDb));
    }
    // Int4 candidates least sensitive first; int16 ones most helpful per
    // added bit-op first. Ties keep program order.
    llvm::sort(lower, [](const auto &a, const auto &b) {
      return std::make_tuple(-a.first.agreement, -a.first.sqnrDb, a.second) <
             std::make_tuple(-b.first.agreement, -b.first.sqnrDb, b.second);
    });
    // The added cost counts at least 1 % of int8's, so that free layers
    // with no gain do not come first; layers that gain nothing are left out.
    auto gainPerCost = [&](const Point &p) {
      return (p.sqnrDb - base->sqnrDb) /
             std::max<double>(0.01 * base->bitOps, p.bitOps - base->bitOps);
    };
    llvm::erase_if(higher, [&](const auto &entry) {
      return entry.first.sqnrDb <= base->sqnrDb;
    });
    llvm::sort(higher, [&](const auto &a, const auto &b) {
      return std::make_pair(-gainPerCost(a.first), a.second) <
             std::make_pair(-gainPerCost(b.first), b.second);
    });

    // Two greedy paths from uniform int8, each step measured: down, moving
    // layers to int4 weights while the budget holds; up, moving layers to
    // int16 activations until it holds, when int8 misses it.
    auto walk = [&](ArrayRef<std::pair<Point, size_t>> order, Precision p,
                    bool stopWhenMet) -> LogicalResult {
      SmallVector<Precision> current = uniform;
      for (const auto &[alone, index] : order) {
        current[index] = p;
        FailureOr<Point> step = measure(current);
        if (failed(step))
          return failure();
        log(llvm::formatv("{0} at {1}: {2:F2} %, {3:F1} dB, {4:F1} % of "
                          "int8's bit-ops",
                          layers[index].name, p == kW4A8 ? "w4a8" : "w8a16",
                          step->agreement, step->sqnrDb,
                          100.0 * step->bitOps / base->bitOps));
        if (step->meets(maxAccuracyDrop, minSqnr) == stopWhenMet)
          break;
      }
      return success();
    };
    bool baseMeets = base->meets(maxAccuracyDrop, minSqnr);
    if (failed(baseMeets ? walk(lower, kW4A8, /*stopWhenMet=*/false)
                         : walk(higher, kW8A16, /*stopWhenMet=*/true)))
      return failure();

    // The front: the measured points no other one dominates, cheapest
    // first. The choice: the cheapest point within the budget, else the
    // most accurate.
    std::vector<Point> front;
    for (const Point &p : points)
      if (llvm::none_of(points, [&](const Point &q) { return q.dominates(p); }))
        front.push_back(p);
    llvm::sort(front, [](const Point &a, const Point &b) {
      return std::make_tuple(a.bitOps, -a.sqnrDb, -a.agreement) <
             std::make_tuple(b.bitOps, -b.sqnrDb, -b.agreement);
    });
    const Point *chosen = nullptr;
    for (const Point &p : front)
      if (p.meets(maxAccuracyDrop, minSqnr) &&
          (!chosen || p.bitOps < chosen->bitOps))
        chosen = &p;
    if (!chosen) {
      chosen = &*llvm::max_element(front, [](const Point &a, const Point &b) {
        return a.sqnrDb < b.sqnrDb;
      });
      func.emitWarning("no bit-width assignment tried meets the budget; "
                       "using the most accurate one");
    }
    annotate(chosen->precisions);
    int64_t int4 = llvm::count(chosen->precisions, kW4A8),
            int16 = llvm::count(chosen->precisions, kW8A16);
    log(llvm::formatv("chose {0} layers with int4 weights and {1} with int16 "
                      "activations: {2:F2} % agreement, {3:F1} dB, {4:F1} % "
                      "of int8's bit-ops",
                      int4, int16, chosen->agreement, chosen->sqnrDb,
                      100.0 * chosen->bitOps / base->bitOps));
    recordFront(front, *chosen);
    return success();
  }

  /// Writes the front on the function as `qcc.pareto_front`.
  void recordFront(ArrayRef<Point> front, const Point &chosen) {
    Builder b(func);
    SmallVector<Attribute> entries;
    for (const Point &p : front) {
      SmallVector<Attribute> assignment;
      for (auto [layer, precision] : llvm::zip(layers, p.precisions))
        assignment.push_back(b.getStringAttr(
            llvm::formatv("{0}:w{1}a{2}", layer.name, precision.weightBits,
                          precision.activationBits)
                .str()));
      entries.push_back(b.getDictionaryAttr({
          b.getNamedAttr("bit_ops", b.getI64IntegerAttr(p.bitOps)),
          b.getNamedAttr("agreement_percent", b.getF64FloatAttr(p.agreement)),
          b.getNamedAttr("sqnr_db", b.getF64FloatAttr(p.sqnrDb)),
          b.getNamedAttr("chosen", b.getBoolAttr(&p == &chosen)),
          b.getNamedAttr("layers", b.getArrayAttr(assignment)),
      }));
    }
    func->setAttr(QccDialect::kParetoFrontAttrName, b.getArrayAttr(entries));
  }
};

} // namespace
