//===- FixedPoint.cpp - qcc's normative integer arithmetic ----------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/FixedPoint.h"
#include "qcc/Runtime/fixed_point.h"

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
  return qcc_rt::saturating_rounding_doubling_high_mul(a, b);
}

int32_t roundingShiftRight(int32_t x, int32_t shift) {
  return qcc_rt::rounding_shift_right(x, shift);
}

int32_t saturatingShiftLeft(int32_t x, int32_t shift) {
  return qcc_rt::saturating_shift_left(x, shift);
}

int32_t multiplyByFixedPoint(int32_t acc, FixedPointMultiplier m) {
  return qcc_rt::multiply_by_fixed_point(acc, m.multiplier, m.shift);
}

int32_t requantize(int32_t acc, FixedPointMultiplier m, int32_t zeroPoint,
                   int32_t qmin, int32_t qmax) {
  return qcc_rt::requantize(acc, m.multiplier, m.shift, zeroPoint, qmin, qmax);
}

} // namespace qcc
