//===- FixedPoint.cpp - qcc's normative integer arithmetic ----------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/FixedPoint.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qcc {

FixedPointMultiplier FixedPointMultiplier::fromReal(double real) {
  FixedPointMultiplier m;
  if (!(real > 0))
    return m; // zero (and, defensively, negative or NaN) multipliers
  int exponent;
  double fraction = std::frexp(real, &exponent); // real = fraction * 2^exp
  auto q31 = static_cast<int64_t>(std::round(fraction * (int64_t(1) << 31)));
  if (q31 == int64_t(1) << 31) { // rounded up to 1.0
    q31 /= 2;
    ++exponent;
  }
  int32_t shift = -exponent;
  if (shift < -31) // M >= 2^31: saturate
    return {std::numeric_limits<int32_t>::max(), -31};
  if (shift > 31) {
    // Tiny multipliers: keep the shift at 31 and drop low multiplier bits.
    int32_t excess = shift - 31;
    q31 = excess >= 62 ? 0 : (q31 + (int64_t(1) << (excess - 1))) >> excess;
    shift = 31;
  }
  m.multiplier = static_cast<int32_t>(q31);
  m.shift = q31 ? shift : 0;
  return m;
}

double FixedPointMultiplier::toReal() const {
  return std::ldexp(static_cast<double>(multiplier), -31 - shift);
}

int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b) {
  if (a == std::numeric_limits<int32_t>::min() && a == b)
    return std::numeric_limits<int32_t>::max();
  int64_t product = static_cast<int64_t>(a) * b;
  return static_cast<int32_t>((product + (int64_t(1) << 30)) >> 31);
}

int32_t roundingShiftRight(int32_t x, int32_t shift) {
  if (shift == 0)
    return x;
  return static_cast<int32_t>(
      (static_cast<int64_t>(x) + (int64_t(1) << (shift - 1))) >> shift);
}

int32_t saturatingShiftLeft(int32_t x, int32_t shift) {
  int64_t shifted = static_cast<int64_t>(x) * (int64_t(1) << shift);
  return static_cast<int32_t>(
      std::clamp<int64_t>(shifted, std::numeric_limits<int32_t>::min(),
                          std::numeric_limits<int32_t>::max()));
}

int32_t multiplyByFixedPoint(int32_t acc, FixedPointMultiplier m) {
  int32_t left = m.shift < 0 ? -m.shift : 0;
  int32_t right = m.shift > 0 ? m.shift : 0;
  return roundingShiftRight(saturatingRoundingDoublingHighMul(
                                saturatingShiftLeft(acc, left), m.multiplier),
                            right);
}

int32_t requantize(int32_t acc, FixedPointMultiplier m, int32_t zeroPoint,
                   int32_t qmin, int32_t qmax) {
  int64_t value =
      static_cast<int64_t>(multiplyByFixedPoint(acc, m)) + zeroPoint;
  return static_cast<int32_t>(std::clamp<int64_t>(value, qmin, qmax));
}

} // namespace qcc
