//===- PropagateRanges.cpp - Calibration and range propagation ------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/CalibrationInputs.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"
#include "qcc/Interpreter/Interpreter.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <chrono>
#include <cmath>
#include <limits>

namespace qcc {
#define GEN_PASS_DEF_PROPAGATERANGES
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// A closed real interval; unbounded ends are infinite.
struct Interval {
  double lo = -kInf, hi = kInf;

  bool isBounded() const { return std::isfinite(lo) && std::isfinite(hi); }
  static Interval of(double lo, double hi) { return {lo, hi}; }
  Interval intersect(Interval other) const {
    Interval r{std::max(lo, other.lo), std::min(hi, other.hi)};
    return r.lo <= r.hi ? r : *this;
  }
  Interval unite(Interval other) const {
    return {std::min(lo, other.lo), std::max(hi, other.hi)};
  }
  /// The image under a monotone non-decreasing function.
  template <typename F> Interval map(F f) const { return {f(lo), f(hi)}; }
};

bool isFloatTensor(Value v) {
  auto type = dyn_cast<ShapedType>(v.getType());
  return type && isa<FloatType>(type.getElementType());
}

/// The interval an op's result lies in, given its operands' intervals.
Interval transfer(Operation *op, ArrayRef<Interval> in) {
  auto sigmoid = [](double x) { return 1 / (1 + std::exp(-x)); };
  return llvm::TypeSwitch<Operation *, Interval>(op)
      .Case([&](ConstantOp constant) {
        auto dense = dyn_cast<DenseElementsAttr>(constant.getValue());
        if (!dense || !isa<FloatType>(dense.getElementType()))
          return Interval();
        Interval r{kInf, -kInf};
        for (const APFloat &v : dense.getValues<APFloat>())
          r = r.unite(Interval::of(v.convertToDouble(), v.convertToDouble()));
        return r;
      })
      .Case([&](ReluOp) {
        return in[0].map([](double x) { return std::max(x, 0.0); });
      })
      .Case([&](ClipOp clip) {
        double lo = clip.getMin() ? clip.getMin()->convertToDouble() : -kInf;
        double hi = clip.getMax() ? clip.getMax()->convertToDouble() : kInf;
        return in[0].map(
            [&](double x) { return std::min(std::max(x, lo), hi); });
      })
      .Case([&](LeakyReluOp leaky) {
        double alpha = leaky.getAlpha().convertToDouble();
        if (alpha < 0)
          return Interval();
        return in[0].map([&](double x) { return x < 0 ? alpha * x : x; });
      })
      .Case([&](SigmoidOp) {
        return in[0].map(sigmoid).intersect(Interval::of(0, 1));
      })
      .Case([&](TanhOp) {
        return in[0]
            .map([](double x) { return std::tanh(x); })
            .intersect(Interval::of(-1, 1));
      })
      .Case([&](ErfOp) {
        return in[0]
            .map([](double x) { return std::erf(x); })
            .intersect(Interval::of(-1, 1));
      })
      .Case([&](HardSigmoidOp hs) {
        double alpha = hs.getAlpha().convertToDouble();
        double beta = hs.getBeta().convertToDouble();
        if (alpha < 0)
          return Interval::of(0, 1);
        return in[0].map(
            [&](double x) { return std::clamp(alpha * x + beta, 0.0, 1.0); });
      })
      .Case([&](HardSwishOp) {
        // Decreasing below -1.5 (to its minimum -0.375), increasing above.
        auto f = [](double x) { return x * std::clamp(x / 6 + 0.5, 0.0, 1.0); };
        double lo = in[0].lo >= -1.5
                        ? f(in[0].lo)
                        : (in[0].hi <= -1.5 ? f(in[0].hi) : -0.375);
        double hi =
            std::max(std::isfinite(in[0].lo) ? f(in[0].lo) : 0.0, f(in[0].hi));
        return Interval::of(lo, hi);
      })
      .Case([&](SoftmaxOp) { return Interval::of(0, 1); })
      .Case<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, TransposeOp,
            MaxPool2DOp, GlobalAvgPoolOp, ResizeOp>(
          [&](Operation *) { return in[0]; })
      .Case([&](AvgPool2DOp pool) {
        return pool.getCountIncludePad() ? in[0].unite(Interval::of(0, 0))
                                         : in[0];
      })
      .Case([&](PadOp pad) {
        double v = pad.getValue().convertToDouble();
        return pad.getMode() == PadMode::Constant
                   ? in[0].unite(Interval::of(v, v))
                   : in[0];
      })
      .Case([&](ConcatOp) {
        Interval r{kInf, -kInf};
        for (Interval i : in)
          r = r.unite(i);
        return r;
      })
      .Case([&](AddOp) {
        return Interval::of(in[0].lo + in[1].lo, in[0].hi + in[1].hi);
      })
      .Case([&](SubOp) {
        return Interval::of(in[0].lo - in[1].hi, in[0].hi - in[1].lo);
      })
      .Case([&](MulOp) {
        if (!in[0].isBounded() || !in[1].isBounded())
          return Interval();
        double c[] = {in[0].lo * in[1].lo, in[0].lo * in[1].hi,
                      in[0].hi * in[1].lo, in[0].hi * in[1].hi};
        return Interval::of(*std::min_element(c, c + 4),
                            *std::max_element(c, c + 4));
      })
      .Case([&](DequantizeOp dq) {
        auto q = dyn_cast<quant::UniformQuantizedType>(
            cast<ShapedType>(dq.getInput().getType()).getElementType());
        if (!q)
          return Interval();
        return Interval::of(
            (q.getStorageTypeMin() - q.getZeroPoint()) * q.getScale(),
            (q.getStorageTypeMax() - q.getZeroPoint()) * q.getScale());
      })
      .Default([](Operation *) { return Interval(); });
}

/// The bound a fused activation puts on an op's result.
Interval activationBound(Operation *op) {
  auto act = op->getAttrOfType<ActivationAttr>("fused_activation");
  if (!act)
    return Interval();
  switch (act.getKind()) {
  case ActivationKind::Relu:
    return Interval::of(0, kInf);
  case ActivationKind::Clip:
    return Interval::of(act.getMin().convertToDouble(),
                        act.getMax().convertToDouble());
  case ActivationKind::Sigmoid:
    return Interval::of(0, 1);
  case ActivationKind::Tanh:
    return Interval::of(-1, 1);
  case ActivationKind::HardSwish:
    return Interval::of(-0.375, kInf);
  case ActivationKind::LeakyRelu:
    return Interval();
  }
  llvm_unreachable("unknown activation");
}

/// Values seen for one tensor during calibration.
struct Statistics {
  double min = kInf, max = -kInf;
  std::vector<uint64_t> histogram; // over [min, max], second pass
  // Per channel (axis 1): the sum of the values and how many were summed.
  std::vector<double> channelSums;
  int64_t perChannel = 0;

  static constexpr int kBins = 2048;

  void record(const Tensor &t) {
    const float *data = t.data<float>();
    for (int64_t i = 0, n = t.numElements(); i < n; ++i) {
      if (std::isnan(data[i]))
        continue;
      min = std::min<double>(min, data[i]);
      max = std::max<double>(max, data[i]);
    }
  }

  void recordChannelSums(const Tensor &t) {
    ArrayRef<int64_t> shape = t.shape();
    int64_t channels = shape[1], inner = 1;
    for (int64_t d : shape.drop_front(2))
      inner *= d;
    channelSums.resize(channels);
    const float *data = t.data<float>();
    for (int64_t i = 0, n = t.numElements(); i < n; ++i)
      channelSums[i / inner % channels] += data[i];
    perChannel += t.numElements() / channels;
  }

  void recordHistogram(const Tensor &t) {
    if (histogram.empty())
      histogram.assign(kBins, 0);
    double width = (max - min) / kBins;
    const float *data = t.data<float>();
    for (int64_t i = 0, n = t.numElements(); i < n; ++i) {
      if (std::isnan(data[i]))
        continue;
      int bin = width > 0 ? static_cast<int>((data[i] - min) / width) : 0;
      ++histogram[std::clamp(bin, 0, kBins - 1)];
    }
  }

  double binCenter(int bin) const {
    return min + (bin + 0.5) * (max - min) / kBins;
  }

  /// Clips `(100 - p) / 2` percent of the values at each end.
  Interval percentile(double p) const {
    uint64_t total = 0;
    for (uint64_t c : histogram)
      total += c;
    auto drop = static_cast<uint64_t>(total * (100 - p) / 200);
    double width = (max - min) / kBins;
    int lo = 0, hi = kBins - 1;
    for (uint64_t seen = histogram[lo]; seen <= drop && lo < hi;)
      seen += histogram[++lo];
    for (uint64_t seen = histogram[hi]; seen <= drop && hi > lo;)
      seen += histogram[--hi];
    return Interval::of(min + lo * width, min + (hi + 1) * width);
  }

  /// The clipping range minimising the expected squared error of 8-bit
  /// uniform quantization (clipping error outside, step^2 / 12 inside):
  /// both ends scaled together first, then each end alone, over scales from
  /// 1 down to 0.2 %.
  Interval minimizeMse() const {
    auto error = [&](double lo, double hi) {
      double quantum = (hi - lo) / 255, sum = 0;
      for (int b = 0; b < kBins; ++b) {
        if (!histogram[b])
          continue;
        double x = binCenter(b), clipped = std::clamp(x, lo, hi);
        sum += histogram[b] *
               ((x - clipped) * (x - clipped) + quantum * quantum / 12);
      }
      return sum;
    };
    double lo0 = std::min(0.0, min), hi0 = std::max(0.0, max);
    auto best = [&](auto candidate) {
      double bestError = kInf, bestScale = 1;
      for (int k = 0; k < 200; ++k) {
        double scale = std::pow(0.97, k);
        double e = candidate(scale);
        if (e < bestError) {
          bestError = e;
          bestScale = scale;
        }
      }
      return bestScale;
    };
    double both = best([&](double s) { return error(lo0 * s, hi0 * s); });
    double lo = lo0 * both, hi = hi0 * both;
    double low = best([&](double s) { return error(lo0 * s, hi); });
    lo = lo0 * low;
    double high = best([&](double s) { return error(lo, hi0 * s); });
    hi = hi0 * high;
    return Interval::of(lo, hi);
  }
};

struct PropagateRangesPass
    : qcc::impl::PropagateRangesBase<PropagateRangesPass> {
  using PropagateRangesBase::PropagateRangesBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (method != "minmax" && method != "percentile" && method != "mse") {
      func.emitError("unknown calibration method '")
          << method << "' (expected minmax, percentile or mse)";
      return signalPassFailure();
    }
    if (!(percentile > 50 && percentile <= 100)) {
      func.emitError("the percentile must be in (50, 100], got ") << percentile;
      return signalPassFailure();
    }
    llvm::DenseMap<Value, Interval> measured;
    if (!calib.empty() && failed(calibrate(func, measured)))
      return signalPassFailure();

    // Static propagation, in program order; existing attributes win.
    llvm::DenseMap<Value, Interval> ranges;
    auto given = [](Attribute attr) -> std::optional<Interval> {
      if (auto range = dyn_cast_if_present<RangeAttr>(attr))
        return Interval::of(range.getMin().convertToDouble(),
                            range.getMax().convertToDouble());
      return std::nullopt;
    };
    auto settle = [&](Value v, Interval derived, Attribute existing) {
      if (std::optional<Interval> fixed = given(existing))
        return ranges[v] = *fixed;
      auto it = measured.find(v);
      if (it != measured.end())
        derived = it->second.intersect(derived);
      return ranges[v] = derived;
    };
    for (BlockArgument arg : func.getArguments())
      settle(arg, Interval(),
             func.getArgAttr(arg.getArgNumber(), QccDialect::kRangeAttrName));
    Builder b(&getContext());
    func.walk([&](Operation *op) {
      if (op->getNumResults() != 1 || !isFloatTensor(op->getResult(0)))
        return;
      SmallVector<Interval> in;
      for (Value operand : op->getOperands()) {
        auto it = ranges.find(operand);
        in.push_back(it != ranges.end() ? it->second : Interval());
      }
      Interval r = settle(op->getResult(0),
                          transfer(op, in).intersect(activationBound(op)),
                          op->getAttr(QccDialect::kRangeAttrName));
      if (r.isBounded())
        op->setAttr(QccDialect::kRangeAttrName,
                    RangeAttr::get(b.getContext(), r.lo, r.hi));
    });
    for (BlockArgument arg : func.getArguments()) {
      Interval r = ranges[arg];
      if (isFloatTensor(arg) && r.isBounded())
        func.setArgAttr(arg.getArgNumber(), QccDialect::kRangeAttrName,
                        RangeAttr::get(b.getContext(), r.lo, r.hi));
    }
  }

  /// Runs the function over the calibration inputs and turns the statistics
  /// of every float tensor into an interval.
  LogicalResult calibrate(func::FuncOp func,
                          llvm::DenseMap<Value, Interval> &measured) {
    FailureOr<CalibrationInputs> inputs = readCalibrationInputs(func, calib);
    if (failed(inputs))
      return failure();
    FailureOr<Program> program = Program::compile(func);
    if (failed(program))
      return failure();

    llvm::DenseMap<Value, Statistics> stats;
    int passes = method == "minmax" ? 1 : 2, pass = 0;
    auto lastReport = std::chrono::steady_clock::now();
    auto each = [&](auto record) {
      ++pass;
      for (int64_t run = 0; run < inputs->runs; ++run) {
        // A line every two seconds at most: only long runs report.
        auto now = std::chrono::steady_clock::now();
        if (progress && now - lastReport >= std::chrono::seconds(2)) {
          llvm::errs() << llvm::formatv(
              "qcc-propagate-ranges: pass {0}/{1}, input {2}/{3}\n", pass,
              passes, run + 1, inputs->runs);
          lastReport = now;
        }
        SmallVector<Tensor> slice =
            runInputs(inputs->batches, inputs->runs, run);
        for (auto [arg, input] : llvm::zip(func.getArguments(), slice))
          if (input.dtype() == DType::F32)
            record(arg, stats[arg], input);
        program->run(slice, [&](Value v, const Tensor &t) {
          if (t.dtype() == DType::F32)
            record(v, stats[v], t);
        });
      }
    };
    // Channel means of the inputs of convolutions and fully connected
    // layers, for bias correction.
    llvm::DenseSet<Value> layerInputs;
    func.walk([&](Operation *op) {
      if (isa<Conv2DOp, FullyConnectedOp>(op) &&
          cast<ShapedType>(op->getOperand(0).getType()).getRank() >= 2)
        layerInputs.insert(op->getOperand(0));
    });
    each([&](Value v, Statistics &s, const Tensor &t) {
      s.record(t);
      if (layerInputs.contains(v))
        s.recordChannelSums(t);
    });
    if (method != "minmax")
      each([](Value, Statistics &s, const Tensor &t) { s.recordHistogram(t); });
    Builder b(&getContext());
    for (auto &[value, s] : stats) {
      if (!(s.min <= s.max))
        continue;
      if (s.perChannel) {
        SmallVector<float> means;
        for (double sum : s.channelSums)
          means.push_back(sum / s.perChannel);
        setAttr(value, QccDialect::kChannelMeanAttrName,
                b.getDenseF32ArrayAttr(means));
      }
      measured[value] = method == "minmax"       ? Interval::of(s.min, s.max)
                        : method == "percentile" ? s.percentile(percentile)
                                                 : s.minimizeMse();
    }
    return success();
  }

  /// Sets a discardable attribute on `v`'s defining op or argument.
  static void setAttr(Value v, StringRef name, Attribute attr) {
    if (auto arg = dyn_cast<BlockArgument>(v))
      cast<func::FuncOp>(arg.getOwner()->getParentOp())
          .setArgAttr(arg.getArgNumber(), name, attr);
    else
      v.getDefiningOp()->setAttr(name, attr);
  }
};

} // namespace
