//===- EqualizeLayers.cpp - Cross-layer weight equalization ---------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Cross-layer equalization (Nagel et al., "Data-Free Quantization Through
// Weight Equalization and Bias Correction", 2019): relu(x / s) = relu(x) / s
// for s > 0, so an output channel of one convolution can be divided by s and
// the matching input channel of the next multiplied by s without changing
// the function. Choosing s so that both channels get the same weight range
// evens out per-channel ranges that per-tensor activation quantization and
// low-bit weights handle badly.
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/ConstantValues.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"

#include <cmath>

namespace qcc {
#define GEN_PASS_DEF_EQUALIZELAYERS
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

/// A float convolution with constant weights and bias (if any).
struct ConvValues {
  Conv2DOp op;
  std::vector<float> weight, bias;
  ArrayRef<int64_t> shape; // [O, I/groups, kh, kw]
};

std::optional<ConvValues> valuesOf(Conv2DOp conv) {
  if (!conv.getType().getElementType().isF32())
    return std::nullopt;
  std::optional<std::vector<float>> weight = floatConstant(conv.getWeight());
  std::optional<std::vector<float>> bias;
  if (conv.getBias()) {
    bias = floatConstant(conv.getBias());
    if (!bias)
      return std::nullopt;
  }
  if (!weight)
    return std::nullopt;
  return ConvValues{conv, std::move(*weight),
                    bias.value_or(std::vector<float>()),
                    conv.getWeight().getType().getShape()};
}

/// Writes `values` back as new constants of `conv`'s weight and bias.
void store(const ConvValues &values) {
  Conv2DOp conv = values.op;
  OpBuilder b(conv);
  auto wType = cast<RankedTensorType>(conv.getWeight().getType());
  conv.getWeightMutable().assign(ConstantOp::create(
      b, conv.getWeight().getLoc(), wType,
      DenseElementsAttr::get(wType, ArrayRef(values.weight))));
  if (conv.getBias()) {
    auto bType = cast<RankedTensorType>(conv.getBias().getType());
    conv.getBiasMutable().assign(ConstantOp::create(
        b, conv.getBias().getLoc(), bType,
        DenseElementsAttr::get(bType, ArrayRef(values.bias))));
  }
}

/// Equalizes the output channels of `first` with the input channels of
/// `second`; returns the largest |log s| applied (0 when nothing changed).
double equalize(ConvValues &first, ConvValues &second, int64_t groups) {
  int64_t channels = first.shape[0];
  int64_t perOut = first.weight.size() / channels;
  int64_t outChannels = second.shape[0], inPerGroup = second.shape[1];
  int64_t outPerGroup = outChannels / groups;
  int64_t kernel = second.shape[2] * second.shape[3];
  // Second's weights reading input channel c: [o, c % inPerGroup, :, :] for
  // the output channels o of c's group.
  auto forEachSecond = [&](int64_t c, auto fn) {
    int64_t group = c / inPerGroup, j = c % inPerGroup;
    for (int64_t o = group * outPerGroup; o < (group + 1) * outPerGroup; ++o)
      for (int64_t k = 0; k < kernel; ++k)
        fn(second.weight[(o * inPerGroup + j) * kernel + k]);
  };
  double largest = 0;
  for (int64_t c = 0; c < channels; ++c) {
    float r1 = 0, r2 = 0;
    for (int64_t i = 0; i < perOut; ++i)
      r1 = std::max(r1, std::fabs(first.weight[c * perOut + i]));
    forEachSecond(c, [&](float w) { r2 = std::max(r2, std::fabs(w)); });
    if (r1 == 0 || r2 == 0)
      continue;
    // s = sqrt(r1 / r2) gives both the range sqrt(r1 * r2).
    float s = std::sqrt(r1 / r2);
    largest = std::max(largest, std::fabs(std::log(double(s))));
    for (int64_t i = 0; i < perOut; ++i)
      first.weight[c * perOut + i] /= s;
    if (!first.bias.empty())
      first.bias[c] /= s;
    forEachSecond(c, [&](float &w) { w *= s; });
  }
  return largest;
}

struct EqualizeLayersPass : qcc::impl::EqualizeLayersBase<EqualizeLayersPass> {
  void runOnOperation() override {
    // The pairs: a convolution whose only use is the next one, through no
    // activation or a relu (positive homogeneous, so scaling commutes).
    SmallVector<std::pair<Conv2DOp, Conv2DOp>> pairs;
    getOperation().walk([&](Conv2DOp second) {
      auto first = second.getInput().getDefiningOp<Conv2DOp>();
      if (!first || !first->hasOneUse())
        return;
      if (std::optional<ActivationAttr> act = first.getFusedActivation();
          act && act->getKind() != ActivationKind::Relu)
        return;
      pairs.push_back({first, second});
    });
    // Equalizing a pair changes the ranges its neighbours see, so sweep
    // over the chain until the scales settle.
    for (int sweep = 0; sweep < kMaxSweeps; ++sweep) {
      double largest = 0;
      for (auto [firstOp, secondOp] : pairs) {
        std::optional<ConvValues> first = valuesOf(firstOp),
                                  second = valuesOf(secondOp);
        if (!first || !second)
          continue;
        largest =
            std::max(largest, equalize(*first, *second, secondOp.getGroups()));
        store(*first);
        store(*second);
        // A range measured before no longer holds per channel.
        firstOp->removeAttr(QccDialect::kRangeAttrName);
      }
      if (largest < 1e-3)
        break;
    }
    // The replaced constants.
    getOperation().walk([](ConstantOp constant) {
      if (constant->use_empty())
        constant->erase();
    });
  }

  static constexpr int kMaxSweeps = 20;
};

} // namespace
