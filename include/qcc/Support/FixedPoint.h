//===- FixedPoint.h - qcc's normative integer arithmetic --------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The integer primitives every qcc target reproduces bit for bit
// (docs/IntegerSemantics.md). Each is one or two instructions on NEON
// (sqrdmulh, srshl) and HVX (vmpye/vmpyo:<<1:rnd:sat, vasr:rnd:sat).
//
//===----------------------------------------------------------------------===//

#ifndef QCC_SUPPORT_FIXEDPOINT_H
#define QCC_SUPPORT_FIXEDPOINT_H

#include <cstdint>

namespace qcc {

/// A real multiplier M >= 0 as `multiplier * 2^-31 * 2^-shift`: `multiplier`
/// is a Q31 value in [2^30, 2^31) (or 0 for M = 0) and `shift` is a right
/// shift in [-31, 31] (negative: a left shift, for M >= 1).
struct FixedPointMultiplier {
  int32_t multiplier = 0;
  int32_t shift = 0;

  /// The closest representation of `real` (>= 0). Multipliers too small for
  /// a shift of 31 lose low bits of `multiplier` instead; multipliers of
  /// 2^31 or more saturate.
  static FixedPointMultiplier fromReal(double real);
  /// The real value this represents.
  double toReal() const;
};

/// NEON SQRDMULH / HVX vmpyo:<<1:rnd:sat: (2 * a * b + 2^31) >> 32, i.e. the
/// Q31 product rounded half up, saturating the one overflowing case
/// (INT32_MIN * INT32_MIN) to INT32_MAX.
int32_t saturatingRoundingDoublingHighMul(int32_t a, int32_t b);

/// NEON SRSHL by -shift / HVX vasr:rnd: x / 2^shift rounded half up (toward
/// +infinity), for shift in [0, 31]; exact for every int32 x.
int32_t roundingShiftRight(int32_t x, int32_t shift);

/// Saturating left shift of an int32 (NEON SQSHL), for shift in [0, 31].
int32_t saturatingShiftLeft(int32_t x, int32_t shift);

/// acc * M in qcc's fixed point: a saturating left shift for M >= 1, the
/// rounding doubling high multiply, then a rounding right shift.
int32_t multiplyByFixedPoint(int32_t acc, FixedPointMultiplier m);

/// The requantization every integer op ends with: zeroPoint + acc * M,
/// saturated to [qmin, qmax].
int32_t requantize(int32_t acc, FixedPointMultiplier m, int32_t zeroPoint,
                   int32_t qmin, int32_t qmax);

} // namespace qcc

#endif // QCC_SUPPORT_FIXEDPOINT_H
