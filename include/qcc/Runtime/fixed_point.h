/*===- fixed_point.h - qcc's integer primitives, freestanding -----*- C++ -*-===
 *
 * Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
 * See LICENSE for license information.
 * SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
 *
 *===-----------------------------------------------------------------------===
 *
 * The one implementation of docs/IntegerSemantics.md's per-value integer
 * primitives. The reference interpreter calls these (through
 * qcc/Support/FixedPoint.h) and every library qcc generates contains this
 * very text, so both compute the same bits. Freestanding: <stdint.h> only,
 * no libc, no exceptions.
 *
 *===-----------------------------------------------------------------------===*/

#ifndef QCC_RUNTIME_FIXED_POINT_H
#define QCC_RUNTIME_FIXED_POINT_H

#include <stdint.h>

namespace qcc_rt {

/* NEON SQRDMULH / HVX vmpyo:<<1:rnd:sat: (2 a b + 2^31) >> 32, the one
 * overflowing case (INT32_MIN^2) saturated to INT32_MAX. */
static inline int32_t saturating_rounding_doubling_high_mul(int32_t a,
                                                            int32_t b) {
  if (a == INT32_MIN && b == INT32_MIN)
    return INT32_MAX;
  int64_t product = (int64_t)a * b;
  return (int32_t)((product + ((int64_t)1 << 30)) >> 31);
}

/* x / 2^shift rounded half up, shift in [0, 31] (NEON srshl by -shift). */
static inline int32_t rounding_shift_right(int32_t x, int32_t shift) {
  if (shift == 0)
    return x;
  return (int32_t)(((int64_t)x + ((int64_t)1 << (shift - 1))) >> shift);
}

/* x * 2^shift saturated to int32, shift in [0, 31] (NEON sqshl). */
static inline int32_t saturating_shift_left(int32_t x, int32_t shift) {
  int64_t shifted = (int64_t)x * ((int64_t)1 << shift);
  return shifted > INT32_MAX   ? INT32_MAX
         : shifted < INT32_MIN ? INT32_MIN
                               : (int32_t)shifted;
}

/* acc * multiplier * 2^-31 * 2^-shift, shift in [-31, 31]. */
static inline int32_t multiply_by_fixed_point(int32_t acc, int32_t multiplier,
                                              int32_t shift) {
  int32_t left = shift < 0 ? -shift : 0, right = shift > 0 ? shift : 0;
  return rounding_shift_right(saturating_rounding_doubling_high_mul(
                                  saturating_shift_left(acc, left), multiplier),
                              right);
}

/* The requantization: scaled, offset by the zero point, saturated. */
static inline int32_t requantize(int32_t acc, int32_t multiplier, int32_t shift,
                                 int32_t zero_point, int32_t qmin,
                                 int32_t qmax) {
  int64_t value =
      (int64_t)multiply_by_fixed_point(acc, multiplier, shift) + zero_point;
  return value < qmin ? qmin : value > qmax ? qmax : (int32_t)value;
}

/* qcc's integer add (sub) of two centered values: each shifted left by
 * `shift` for headroom and rescaled to twice the larger input scale. */
static inline int32_t rescaled_sum(int32_t x, int32_t w, int32_t shift,
                                   int32_t ma, int32_t sa, int32_t mb,
                                   int32_t sb, int subtract) {
  int32_t rx = multiply_by_fixed_point(saturating_shift_left(x, shift), ma, sa);
  int32_t rw = multiply_by_fixed_point(saturating_shift_left(w, shift), mb, sb);
  return subtract ? rx - rw : rx + rw;
}

/* qcc's integer mul of two centered values: their product shifted right by
 * `shift` (the excess of the inputs' bits over 31), rounding half up. */
static inline int32_t scaled_product(int32_t x, int32_t w, int32_t shift) {
  int64_t product = (int64_t)x * w;
  if (shift > 0)
    product = (product + ((int64_t)1 << (shift - 1))) >> shift;
  return (int32_t)product;
}

} // namespace qcc_rt

#endif // QCC_RUNTIME_FIXED_POINT_H
