//===- FixedPointTest.cpp - Edge cases of qcc's integer arithmetic --------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/FixedPoint.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace qcc;

namespace {

constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();

/// The exact rational result of x * M rounded half up, for checking.
int64_t exactHalfUp(int64_t x, double real) {
  return static_cast<int64_t>(
      std::floor(static_cast<long double>(x) * real + 0.5L));
}

TEST(SaturatingRoundingDoublingHighMul, Basics) {
  EXPECT_EQ(saturatingRoundingDoublingHighMul(0, 12345), 0);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(1 << 30, 1 << 30), 1 << 29);
  // x * 0.5 in Q31 is x / 2, rounded half up.
  EXPECT_EQ(saturatingRoundingDoublingHighMul(3, 1 << 30), 2);   // 1.5 -> 2
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-3, 1 << 30), -1); // -1.5 -> -1
  EXPECT_EQ(saturatingRoundingDoublingHighMul(5, 1 << 30), 3);   // 2.5 -> 3
  EXPECT_EQ(saturatingRoundingDoublingHighMul(-5, 1 << 30), -2); // -2.5 -> -2
}

TEST(SaturatingRoundingDoublingHighMul, Extremes) {
  // The only product that overflows saturates.
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMin, kMin), kMax);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMax, kMax), kMax - 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMin, kMax), kMin + 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMax, kMin), kMin + 1);
  EXPECT_EQ(saturatingRoundingDoublingHighMul(kMin, 1 << 30), kMin / 2);
}

TEST(RoundingShiftRight, TiesRoundUp) {
  EXPECT_EQ(roundingShiftRight(5, 1), 3);   // 2.5
  EXPECT_EQ(roundingShiftRight(-5, 1), -2); // -2.5
  EXPECT_EQ(roundingShiftRight(6, 2), 2);   // 1.5
  EXPECT_EQ(roundingShiftRight(-6, 2), -1); // -1.5
  EXPECT_EQ(roundingShiftRight(7, 2), 2);   // 1.75
  EXPECT_EQ(roundingShiftRight(-7, 2), -2); // -1.75
}

TEST(RoundingShiftRight, ZeroAndLargeShifts) {
  EXPECT_EQ(roundingShiftRight(kMin, 0), kMin);
  EXPECT_EQ(roundingShiftRight(kMax, 0), kMax);
  // The rounding addend never overflows.
  EXPECT_EQ(roundingShiftRight(kMax, 1), 1 << 30);
  EXPECT_EQ(roundingShiftRight(kMax, 31), 1);
  EXPECT_EQ(roundingShiftRight(kMin, 31), -1);
  EXPECT_EQ(roundingShiftRight(-(1 << 30), 31), 0); // -0.5 -> 0
  EXPECT_EQ(roundingShiftRight((1 << 30) - 1, 31), 0);
  EXPECT_EQ(roundingShiftRight(1 << 30, 31), 1); // 0.5 -> 1
}

TEST(SaturatingShiftLeft, Saturates) {
  EXPECT_EQ(saturatingShiftLeft(3, 4), 48);
  EXPECT_EQ(saturatingShiftLeft(-3, 4), -48);
  EXPECT_EQ(saturatingShiftLeft(1 << 30, 1), kMax);
  EXPECT_EQ(saturatingShiftLeft(-(1 << 30), 1), kMin);
  EXPECT_EQ(saturatingShiftLeft(-(1 << 30) - 1, 1), kMin);
  EXPECT_EQ(saturatingShiftLeft(0, 31), 0);
}

TEST(FixedPointMultiplier, Representation) {
  FixedPointMultiplier half = FixedPointMultiplier::fromReal(0.5);
  EXPECT_EQ(half.multiplier, 1 << 30);
  EXPECT_EQ(half.shift, 0);
  FixedPointMultiplier one = FixedPointMultiplier::fromReal(1.0);
  EXPECT_EQ(one.multiplier, 1 << 30);
  EXPECT_EQ(one.shift, -1);
  FixedPointMultiplier zero = FixedPointMultiplier::fromReal(0.0);
  EXPECT_EQ(zero.multiplier, 0);
  EXPECT_EQ(zero.shift, 0);
  for (double real :
       {1e-9, 3.7e-5, 0.0078125, 0.3, 0.999999999, 1.0000001, 7.5, 1000.25}) {
    FixedPointMultiplier m = FixedPointMultiplier::fromReal(real);
    EXPECT_GE(m.multiplier, 1 << 30) << real;
    EXPECT_NEAR(m.toReal() / real, 1.0, 1e-9) << real;
  }
}

TEST(FixedPointMultiplier, NearOne) {
  // Just below 1.0 the Q31 value rounds up to 2^31: it becomes 0.5 * 2^1.
  FixedPointMultiplier m = FixedPointMultiplier::fromReal(1.0 - 1e-12);
  EXPECT_EQ(m.multiplier, 1 << 30);
  EXPECT_EQ(m.shift, -1);
  EXPECT_EQ(multiplyByFixedPoint(1000, m), 1000);
  FixedPointMultiplier below = FixedPointMultiplier::fromReal(1.0 - 1e-6);
  EXPECT_EQ(below.shift, 0);
  EXPECT_EQ(multiplyByFixedPoint(1000000, below), 999999);
}

TEST(FixedPointMultiplier, TinyMultipliers) {
  // Below 2^-32 the shift stays at 31 and the multiplier loses bits.
  FixedPointMultiplier tiny =
      FixedPointMultiplier::fromReal(std::ldexp(1.0, -40));
  EXPECT_EQ(tiny.shift, 31);
  EXPECT_EQ(tiny.multiplier, 1 << 22);
  EXPECT_DOUBLE_EQ(tiny.toReal(), std::ldexp(1.0, -40));
  EXPECT_EQ(multiplyByFixedPoint(kMax, tiny), 0);
  // Vanishing multipliers become zero.
  FixedPointMultiplier vanishing =
      FixedPointMultiplier::fromReal(std::ldexp(1.0, -100));
  EXPECT_EQ(vanishing.multiplier, 0);
  EXPECT_EQ(multiplyByFixedPoint(kMax, vanishing), 0);
}

TEST(FixedPointMultiplier, LargeMultipliers) {
  FixedPointMultiplier big =
      FixedPointMultiplier::fromReal(std::ldexp(1.0, 40));
  EXPECT_EQ(big.multiplier, kMax);
  EXPECT_EQ(big.shift, -31);
  FixedPointMultiplier m = FixedPointMultiplier::fromReal(3.0);
  EXPECT_EQ(m.shift, -2);
  EXPECT_EQ(multiplyByFixedPoint(100, m), 300);
  // A negative shift saturates the accumulator before the multiply (by
  // 0.75 here): far outside any output range, which saturates next.
  EXPECT_EQ(multiplyByFixedPoint(kMax, m), 1610612735);
  EXPECT_EQ(multiplyByFixedPoint(kMin, m), -1610612736);
  EXPECT_EQ(requantize(kMax, m, 0, -128, 127), 127);
  EXPECT_EQ(requantize(kMin, m, 0, -128, 127), -128);
}

TEST(MultiplyByFixedPoint, MatchesExactRoundingForTypicalScales) {
  // Typical requantization multipliers (input scale * weight scale / output
  // scale) over a range of accumulators: the fixed-point result is the
  // exact product rounded half up, or (double rounding) one step off at
  // most.
  for (double real : {0.0003, 0.0071, 0.042, 0.2501, 0.73}) {
    FixedPointMultiplier m = FixedPointMultiplier::fromReal(real);
    for (int32_t acc = -100000; acc <= 100000; acc += 997) {
      int64_t got = multiplyByFixedPoint(acc, m);
      EXPECT_LE(std::llabs(got - exactHalfUp(acc, real)), 1)
          << acc << " * " << real;
    }
  }
}

TEST(Requantize, ZeroPointAndSaturation) {
  FixedPointMultiplier m = FixedPointMultiplier::fromReal(0.25);
  EXPECT_EQ(requantize(400, m, 10, -128, 127), 110);
  EXPECT_EQ(requantize(1000, m, 10, -128, 127), 127);
  EXPECT_EQ(requantize(-1000, m, 10, -128, 127), -128);
  EXPECT_EQ(requantize(-1000, m, 0, 0, 255), 0);
  // Ties: 2 * 0.25 = 0.5 -> 1; -2 * 0.25 = -0.5 -> 0.
  EXPECT_EQ(requantize(2, m, 0, -128, 127), 1);
  EXPECT_EQ(requantize(-2, m, 0, -128, 127), 0);
  // int16 outputs.
  EXPECT_EQ(requantize(kMax, m, 0, -32768, 32767), 32767);
  EXPECT_EQ(requantize(kMin, m, 0, -32768, 32767), -32768);
  // int4 outputs.
  EXPECT_EQ(requantize(29, m, 0, -8, 7), 7);
  EXPECT_EQ(requantize(-30, m, 0, -8, 7), -7);
}

} // namespace
