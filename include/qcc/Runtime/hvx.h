/*===- hvx.h - Hexagon HVX kernels of generated libraries --------*- C++ -*-===
 *
 * Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
 * See LICENSE for license information.
 * SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
 *
 *===-----------------------------------------------------------------------===
 *
 * The HVX (128-byte vector) kernels a generated library uses on Hexagon
 * where kernels.h's portable ones would be slow: int8 matrix products,
 * fully connected layers and convolutions, each a sequence of `vrmpy`
 * (32 lanes, each the dot product of 4 unsigned and 4 signed bytes, added
 * to an int32 accumulator: 128 multiply-adds per instruction), and the
 * requantization of their sums in vector registers with the exact vector
 * forms of docs/IntegerSemantics.md (`vmpye` + `vmpyo:<<1:rnd:sat:shift` is
 * the rounding doubling high multiply). Each computes exactly what the
 * portable kernel does. Compiled when QCC_HVX is defined (Hexagon with
 * 128-byte HVX).
 *
 * Layouts (`vrmpy(Vu.ub, Rt.b)`: a vector of unsigned bytes against 4
 * signed bytes in a scalar register):
 *  - matrix products: lanes are 32 output channels; the weights, offset by
 *    128 to unsigned, packed [outputs / 32][depth / 4][32][4] at compile
 *    time; each row of the input gives 4 signed bytes at a time. The offset
 *    adds 128 * (sum of the row) to each sum, taken back per row.
 *  - convolutions: lanes are 32 output positions of one channel (so that
 *    results are stored as rows of NCHW planes); the input, offset by 128
 *    to unsigned (x ^ 0x80), packed [taps / 4][positions][4] in scratch; the
 *    weights [features][taps] with taps padded to 4 give 4 signed bytes at
 *    a time. The offset's 128 * sum(w) is folded into the bias.
 *
 * The sizes of the scratch memory they take (part of the arena) are
 * computed by the functions before the QCC_HVX part, which qcc's emitter
 * also calls.
 *
 *===-----------------------------------------------------------------------===*/

#ifndef QCC_RUNTIME_HVX_H
#define QCC_RUNTIME_HVX_H

#include <stdint.h>

#ifndef QCC_RUNTIME_KERNELS_H
#include "kernels.h"
#endif

namespace qcc_rt {

/* hvx::matmul: rows copied with their depth padded to a multiple of 4 (when
 * it is not, or the input may be misaligned), and a sum per row. */
static inline int64_t hvx_matmul_scratch(int64_t rows, int64_t depth) {
  return align_up(rows * align_up(depth, 4), 128) + align_up(rows * 4, 128);
}

/* hvx::conv2d: the input packed [taps / 4][positions][4] (a flat
 * convolution packs its whole input once; others one block of 32 output
 * positions at a time). */
static inline int64_t hvx_conv_flat_stride(const Conv2DShape &s) {
  return align_up(s.height * s.width, 128);
}
static inline int64_t hvx_conv2d_scratch(const Conv2DShape &s) {
  int64_t taps4 = (s.channels * s.kernel_h * s.kernel_w + 3) / 4;
  return conv_is_flat(s) ? taps4 * hvx_conv_flat_stride(s) * 4 : taps4 * 128;
}

/* hvx::depthwise: each input plane as stride x stride phase planes (the
 * padded plane's rows and columns split by their index modulo the stride,
 * so that every tap reads consecutive bytes for consecutive outputs), rows
 * of depthwise_phase_width bytes; then the output plane in rows of that
 * width, before it is compacted into y. */
static inline int64_t hvx_depthwise_phase_width(const Conv2DShape &s) {
  int64_t st = s.stride_w,
          read = s.out_w + (s.kernel_w - 1) * s.dilation_w / st;
  int64_t written = (s.pad_left + s.width + st - 1) / st;
  return read > written ? read : written;
}
static inline int64_t hvx_depthwise_phase_rows(const Conv2DShape &s) {
  int64_t st = s.stride_h,
          read = s.out_h + (s.kernel_h - 1) * s.dilation_h / st;
  int64_t written = (s.pad_top + s.height + st - 1) / st;
  return read > written ? read : written;
}
/* One phase plane, with room for the reads and stores past its end. */
static inline int64_t hvx_depthwise_plane_bytes(const Conv2DShape &s) {
  int64_t w = hvx_depthwise_phase_width(s);
  return align_up(hvx_depthwise_phase_rows(s) * w + 2 * w + 512 +
                      s.kernel_w * s.dilation_w,
                  128);
}
static inline int64_t hvx_depthwise_output_bytes(const Conv2DShape &s) {
  return align_up(s.out_h * hvx_depthwise_phase_width(s), 128) + 256;
}
static inline bool hvx_depthwise_supported(const Conv2DShape &s) {
  return (s.stride_h == 1 || s.stride_h == 2) && s.stride_w == s.stride_h &&
         s.kernel_h * ((s.kernel_w + 3) / 4) <= 16;
}
static inline int64_t hvx_depthwise_scratch(const Conv2DShape &s) {
  return s.stride_h * s.stride_w * hvx_depthwise_plane_bytes(s) +
         hvx_depthwise_output_bytes(s);
}
/* hvx::conv_planes (groups 1, through the phase planes of every input
 * channel; 4 output planes at a time). */
static inline int64_t hvx_conv_planes_scratch(const Conv2DShape &s) {
  return s.channels * s.stride_h * s.stride_w * hvx_depthwise_plane_bytes(s) +
         4 * hvx_depthwise_output_bytes(s);
}

#ifdef QCC_HVX
namespace hvx {

/* Sizes, indices and strides are int: Hexagon's 32-bit registers (int64_t
 * arithmetic takes register pairs and library calls). */

typedef HVX_Vector Vec;

static inline Vec splat(int32_t v) { return Q6_V_vsplat_R(v); }

/* saturating_shift_left per lane (amounts in [0, 31]). */
static inline Vec saturating_shift_left(Vec x, Vec amount) {
  Vec shifted = Q6_Vw_vasl_VwVw(x, amount);
  HVX_VectorPred exact = Q6_Q_vcmp_eq_VwVw(Q6_Vw_vasr_VwVw(shifted, amount), x);
  /* INT32_MAX, or INT32_MIN for a negative value. */
  Vec saturated = Q6_V_vxor_VV(Q6_Vw_vasr_VwR(x, 31), splat(INT32_MAX));
  return Q6_V_vmux_QVV(exact, shifted, saturated);
}

/* multiply_by_fixed_point of fixed_point.h with per-lane parameters. */
struct FixedPoint {
  Vec multiplier, left, right, right_less_1, round_bit;

  FixedPoint(Vec m, Vec shift) : multiplier(m) {
    Vec zero = Q6_V_vzero();
    left = Q6_Vw_vmax_VwVw(Q6_Vw_vsub_VwVw(zero, shift), zero);
    right = Q6_Vw_vmax_VwVw(shift, zero);
    right_less_1 = Q6_Vw_vmax_VwVw(Q6_Vw_vsub_VwVw(right, splat(1)), zero);
    round_bit = Q6_Vw_vmin_VwVw(right, splat(1));
  }

  /* Left: some shift may be negative (a saturating left shift). */
  template <bool Left> [[gnu::always_inline]] Vec apply(Vec acc) const {
    if (Left)
      acc = saturating_shift_left(acc, left);
    Vec high = Q6_Vw_vmpyoacc_VwVwVh_s1_rnd_sat_shift(
        Q6_Vw_vmpye_VwVuh(acc, multiplier), acc, multiplier);
    /* Rounding half up: (h >> r) + bit r - 1 of h (none when r = 0). */
    return Q6_Vw_vadd_VwVw(
        Q6_Vw_vasr_VwVw(high, right),
        Q6_V_vand_VV(Q6_Vw_vasr_VwVw(high, right_less_1), round_bit));
  }
};

/* requantize of fixed_point.h with per-lane multipliers and shifts. */
struct Requant {
  FixedPoint scale;
  Vec zy, qmin, qmax;

  Requant(Vec m, Vec shift, int32_t zero_point, int32_t lo, int32_t hi)
      : scale(m, shift), zy(splat(zero_point)), qmin(splat(lo)),
        qmax(splat(hi)) {}
  Requant(Vec m, Vec shift, const Epilogue &e)
      : Requant(m, shift, e.zy, e.qmin, e.qmax) {}

  template <bool Left> [[gnu::always_inline]] Vec apply(Vec acc) const {
    Vec value = Q6_Vw_vadd_VwVw(scale.template apply<Left>(acc), zy);
    return Q6_Vw_vmin_VwVw(Q6_Vw_vmax_VwVw(value, qmin), qmax);
  }
};

/* Bytes i.. of row, the part past n (< 128 bytes) read as 0. */
static inline Vec load_row(const int8_t *row, int i, int n) {
  if (i + 128 <= n)
    return *(const HVX_UVector *)(row + i);
  union {
    Vec v;
    int8_t b[128];
  } tail;
  tail.v = Q6_V_vzero();
  for (int k = i; k < n; ++k)
    tail.b[k - i] = row[k];
  return tail.v;
}

/* Bytes i.. of row (n bytes, i < n): a plain load when the vector ends
 * before `end` (the end of the tensor); else the aligned 128-byte blocks
 * that hold bytes i..n-1 (an aligned load stays in its block, so within
 * the pages that hold the tensor), aligned to byte i, and zeros from n. */
static inline Vec load_within(const int8_t *row, int i, int n,
                              const int8_t *end) {
  const int8_t *p = row + i;
  if (__builtin_expect(p + 128 <= end, 1))
    return *(const HVX_UVector *)p;
  int offset = (int)((uintptr_t)p & 127);
  const int8_t *block = p - offset;
  Vec lo = *(const HVX_Vector *)block;
  Vec hi = row + n - 1 >= block + 128 ? *(const HVX_Vector *)(block + 128) : lo;
  Vec v = Q6_V_valign_VVR(hi, lo, offset);
  return n - i < 128 ? Q6_V_vmux_QVV(Q6_Q_vsetq2_R(n - i), v, Q6_V_vzero()) : v;
}

/* 128 sums (4 vectors, in order) requantized to int8 with one multiplier
 * and a right shift in [0, 15], in order: the rounding shift and the
 * saturation to int16 in one vasr:rnd:sat (saturated values clamp as the
 * exact ones would), then zy added saturating, bytes packed saturating and
 * clamped. */
struct ByteRequant {
  Vec multiplier, zy, qmin, qmax;
  int32_t shift;

  ByteRequant(int32_t m, int32_t right, const Epilogue &e)
      : multiplier(splat(m)), zy(Q6_Vh_vsplat_R(e.zy)),
        qmin(Q6_Vb_vsplat_R(e.qmin)), qmax(Q6_Vb_vsplat_R(e.qmax)),
        shift(right) {}
  static bool applies(int32_t right) { return right >= 0 && right <= 15; }

  [[gnu::always_inline]] Vec apply(const Vec (&acc)[4]) const {
    Vec high[4];
#pragma unroll
    for (int j = 0; j < 4; ++j)
      high[j] = Q6_Vw_vmpyoacc_VwVwVh_s1_rnd_sat_shift(
          Q6_Vw_vmpye_VwVuh(acc[j], multiplier), acc[j], multiplier);
    /* vasr interleaves its two inputs' lanes; vdeal puts them back. */
    Vec h01 = Q6_Vh_vdeal_Vh(Q6_Vh_vasr_VwVwR_rnd_sat(high[1], high[0], shift));
    Vec h23 = Q6_Vh_vdeal_Vh(Q6_Vh_vasr_VwVwR_rnd_sat(high[3], high[2], shift));
    Vec b = Q6_Vb_vpack_VhVh_sat(Q6_Vh_vadd_VhVh_sat(h23, zy),
                                 Q6_Vh_vadd_VhVh_sat(h01, zy));
    return Q6_Vb_vmin_VbVb(Q6_Vb_vmax_VbVb(b, qmin), qmax);
  }
};

/* Stores the first n bytes of v at p (any alignment). */
[[gnu::always_inline]] static inline void store_bytes(void *p, Vec v, int n) {
  if (n >= 128) {
    *(HVX_UVector *)p = v;
    return;
  }
  if (n <= 0)
    return;
  /* Rotated to p's offset in its aligned block, stored under byte masks
   * there and, past its end, in the next block. */
  int offset = (int)((uintptr_t)p & 127), end = offset + n;
  uint8_t *base = (uint8_t *)p - offset;
  Vec rotated = Q6_V_vlalign_VVR(v, v, offset);
  HVX_VectorPred first =
      Q6_Q_and_QQn(Q6_Q_vsetq2_R(end < 128 ? end : 128), Q6_Q_vsetq_R(offset));
  Q6_vmem_QRIV(first, (HVX_Vector *)base, rotated);
  if (end > 128)
    Q6_vmem_QRIV(Q6_Q_vsetq_R(end - 128), (HVX_Vector *)(base + 128), rotated);
}

/* Stores the first n of the 32 * N int32 lanes of v[0..N) (N <= 4),
 * narrowed to Out (the values fit: they are requantized, or Out is
 * int32_t). */
template <typename Out, int N>
[[gnu::always_inline]] static inline void store_lanes(Out *y, const Vec *v,
                                                      int n) {
  Vec zero = Q6_V_vzero();
  Vec a[4] = {v[0], N > 1 ? v[1] : zero, N > 2 ? v[2] : zero,
              N > 3 ? v[3] : zero};
  if (sizeof(Out) == 1) {
    Vec h0 = Q6_Vh_vpacke_VwVw(a[1], a[0]), h1 = Q6_Vh_vpacke_VwVw(a[3], a[2]);
    store_bytes(y, Q6_Vb_vpacke_VhVh(h1, h0), n);
  } else if (sizeof(Out) == 2) {
    store_bytes(y, Q6_Vh_vpacke_VwVw(a[1], a[0]), 2 * n);
    if (n > 64)
      store_bytes(y + 64, Q6_Vh_vpacke_VwVw(a[3], a[2]), 2 * (n - 64));
  } else {
    for (int i = 0; i < N && 32 * i < n; ++i)
      store_bytes(y + 32 * i, a[i], 4 * (n - 32 * i));
  }
}

/* Sums of an R-row x (32 * N)-output block of a matrix product:
 * acc[r][j] += w[j] . x[r] over `steps` steps of 4. */
template <int R, int N>
[[gnu::always_inline]] static inline void
dot_block(Vec (&acc)[R][N], const uint8_t *x, int x_stride, const Vec *w,
          int w_stride, int steps) {
  for (int s = 0; s < steps; ++s) {
    Vec wv[N];
#pragma unroll
    for (int j = 0; j < N; ++j)
      wv[j] = w[j * w_stride + s];
#pragma unroll
    for (int r = 0; r < R; ++r) {
      int32_t xr = *(const int32_t *)(x + r * x_stride + 4 * s);
#pragma unroll
      for (int j = 0; j < N; ++j)
        acc[r][j] = Q6_Vw_vrmpyacc_VwVubRb(acc[r][j], wv[j], xr);
    }
  }
}

/* y[r, o] = finish(bias[o] + sum_k (x[r, k] - zx) * w[o, k]) for
 * rows x [rows, depth] (int8) and weights packed as the header says (bias
 * with -zx * sum w folded in, padded like the epilogue's arrays to a
 * multiple of 32 outputs). */
template <typename Out, bool Left, int R, int N>
[[gnu::always_inline]] static inline void
matmul_block(const uint8_t *x, int x_stride, const int32_t *row_sums,
             const Vec *w, int steps, const int32_t *bias, Out *y, int outputs,
             int o0, const Epilogue &e) {
  Vec acc[R][N];
#pragma unroll
  for (int j = 0; j < N; ++j) {
    Vec b = *(const HVX_UVector *)(bias + o0 + 32 * j);
#pragma unroll
    for (int r = 0; r < R; ++r)
      acc[r][j] = Q6_Vw_vadd_VwVw(b, splat(-128 * row_sums[r]));
  }
  dot_block<R, N>(acc, x, x_stride, w + o0 / 32 * steps, steps, steps);
  int n = outputs - o0 < 32 * N ? outputs - o0 : 32 * N;
  if (e.multipliers) {
#pragma unroll
    for (int j = 0; j < N; ++j) {
      Requant q(*(const HVX_UVector *)(e.multipliers + o0 + 32 * j),
                *(const HVX_UVector *)(e.shifts + o0 + 32 * j), e);
#pragma unroll
      for (int r = 0; r < R; ++r)
        acc[r][j] = q.template apply<Left>(acc[r][j]);
    }
  }
#pragma unroll
  for (int r = 0; r < R; ++r)
    store_lanes<Out, N>(y + r * outputs + o0, acc[r], n);
}

template <typename Out, bool Left, int R>
static inline void matmul_rows(const uint8_t *x, int x_stride,
                               const int32_t *row_sums, const Vec *w, int steps,
                               const int32_t *bias, Out *y, int outputs,
                               const Epilogue &e) {
  int o0 = 0;
  for (; o0 + 128 <= outputs; o0 += 128)
    matmul_block<Out, Left, R, 4>(x, x_stride, row_sums, w, steps, bias, y,
                                  outputs, o0, e);
  for (; o0 < outputs; o0 += 32)
    matmul_block<Out, Left, R, 1>(x, x_stride, row_sums, w, steps, bias, y,
                                  outputs, o0, e);
}

/* The sum of n int8 values: the sum of x + 128 (x ^ 0x80, unsigned), four
 * at a time per lane by vrmpy, less 128 n (the bytes past n read as 0, so
 * x + 128 as 128). */
static inline int32_t sum(const int8_t *x, int n, const int8_t *end) {
  const Vec flip = splat((int32_t)0x80808080), zero = Q6_V_vzero();
  Vec acc = zero;
  int i = 0;
  for (; i < n; i += 128) {
    Vec v = load_within(x, i, n, end);
    if (n - i < 128)
      v = Q6_V_vmux_QVV(Q6_Q_vsetq2_R(n - i), v, zero);
    acc = Q6_Vw_vrmpyacc_VwVubRb(acc, Q6_V_vxor_VV(v, flip), 0x01010101);
  }
  for (int bytes = 64; bytes >= 4; bytes /= 2)
    acc = Q6_Vw_vadd_VwVw(acc, Q6_V_vror_VR(acc, bytes));
  return Q6_R_vextract_VR(acc, 0) - (int32_t)(128 * i);
}

template <typename Out, bool Left>
void matmul(const int8_t *x, const uint8_t *w, const int32_t *bias, Out *y,
            int rows, int outputs, int depth, const Epilogue &e,
            int8_t *scratch) {
  int kp = align_up(depth, 4), steps = kp / 4;
  const uint8_t *rows_at = (const uint8_t *)x;
  int32_t *row_sums = (int32_t *)scratch;
  if (kp != depth || (uintptr_t)x % 4) {
    uint8_t *copy = (uint8_t *)scratch + align_up(rows * 4, 128);
    for (int r = 0; r < rows; ++r)
      for (int k = 0; k < kp; ++k)
        copy[r * kp + k] = k < depth ? (uint8_t)x[r * depth + k] : 0;
    rows_at = copy;
  }
  for (int r = 0; r < rows; ++r)
    row_sums[r] = sum(x + r * depth, depth, x + rows * depth);
  const Vec *wv = (const Vec *)w;
  int r = 0;
  for (; r + 4 <= rows; r += 4)
    matmul_rows<Out, Left, 4>(rows_at + r * kp, kp, row_sums + r, wv, steps,
                              bias, y + r * outputs, outputs, e);
  for (; r < rows; ++r)
    matmul_rows<Out, Left, 1>(rows_at + r * kp, kp, row_sums + r, wv, steps,
                              bias, y + r * outputs, outputs, e);
}

/* The bytes of 4 vectors interleaved: out[k][4 i + j] = rj[32 k + i]. */
static inline void shuffle4(Vec r0, Vec r1, Vec r2, Vec r3, Vec *out) {
  HVX_VectorPair p01 = Q6_W_vshuff_VVR(r1, r0, -1);
  HVX_VectorPair p23 = Q6_W_vshuff_VVR(r3, r2, -1);
  HVX_VectorPair lo = Q6_W_vshuff_VVR(Q6_V_lo_W(p23), Q6_V_lo_W(p01), -2);
  HVX_VectorPair hi = Q6_W_vshuff_VVR(Q6_V_hi_W(p23), Q6_V_hi_W(p01), -2);
  out[0] = Q6_V_lo_W(lo);
  out[1] = Q6_V_hi_W(lo);
  out[2] = Q6_V_lo_W(hi);
  out[3] = Q6_V_hi_W(hi);
}

/* u = x ^ 0x80 of 4 rows of n bytes interleaved: out[4 i + j] = rows[j][i]
 * (out, 128-byte aligned, takes 4 * n rounded up to 512 bytes). */
static inline void interleave4(const int8_t *const rows[4], uint8_t *out,
                               int n) {
  Vec flip = splat((int32_t)0x80808080);
  for (int i = 0; i < n; i += 128) {
    Vec r0 = Q6_V_vxor_VV(load_row(rows[0], i, n), flip);
    Vec r1 = Q6_V_vxor_VV(load_row(rows[1], i, n), flip);
    Vec r2 = Q6_V_vxor_VV(load_row(rows[2], i, n), flip);
    Vec r3 = Q6_V_vxor_VV(load_row(rows[3], i, n), flip);
    shuffle4(r0, r1, r2, r3, (Vec *)(out + 4 * i));
  }
}

/* Sums of 4 features x (32 * N) positions: acc[f][j] += x[j] . w[f] over
 * `steps` steps of 4 taps; x packed [steps][x_stride][4]. */
template <int F, int N>
[[gnu::always_inline]] static inline void
conv_block(Vec (&acc)[F][N], const uint8_t *x, int x_stride, const int8_t *w,
           int w_stride, int steps) {
  for (int s = 0; s < steps; ++s) {
    Vec xv[N];
#pragma unroll
    for (int j = 0; j < N; ++j)
      xv[j] = *(const Vec *)(x + (s * x_stride + 32 * j) * 4);
#pragma unroll
    for (int f = 0; f < F; ++f) {
      int32_t wf = *(const int32_t *)(w + f * w_stride + 4 * s);
#pragma unroll
      for (int j = 0; j < N; ++j)
        acc[f][j] = Q6_Vw_vrmpyacc_VwVubRb(acc[f][j], xv[j], wf);
    }
  }
}

/* Requantizes and stores an F x (32 * N) block of sums (features f0..,
 * positions p0.. of planes of `plane` values). */
template <typename Out, bool Left, int F, int N>
[[gnu::always_inline]] static inline void conv_store(Vec (&acc)[F][N], Out *y,
                                                     int plane, int f0, int p0,
                                                     const Epilogue &e) {
  int n = plane - p0 < 32 * N ? plane - p0 : 32 * N;
  if constexpr (sizeof(Out) == 1 && N == 4) {
    /* All F through ByteRequant, in one block the scheduler interleaves. */
    bool bytes = e.multipliers != nullptr;
#pragma unroll
    for (int f = 0; f < F; ++f)
      bytes = bytes && ByteRequant::applies(e.shifts[f0 + f]);
    if (bytes) {
      Vec out[F];
#pragma unroll
      for (int f = 0; f < F; ++f)
        out[f] = ByteRequant(e.multipliers[f0 + f], e.shifts[f0 + f], e)
                     .apply(acc[f]);
#pragma unroll
      for (int f = 0; f < F; ++f)
        store_bytes(y + (f0 + f) * plane + p0, out[f], n);
      return;
    }
  }
#pragma unroll
  for (int f = 0; f < F; ++f) {
    if (e.multipliers) {
      Requant q(splat(e.multipliers[f0 + f]), splat(e.shifts[f0 + f]), e);
#pragma unroll
      for (int j = 0; j < N; ++j)
        acc[f][j] = q.template apply<Left>(acc[f][j]);
    }
    store_lanes<Out, N>(y + (f0 + f) * plane + p0, acc[f], n);
  }
}

template <typename Out, bool Left, int F, int N>
[[gnu::always_inline]] static inline void
conv_tile(const uint8_t *x, int x_stride, const int8_t *w, int kp,
          const int32_t *bias, Out *y, int plane, int f0, int p0,
          const Epilogue &e) {
  Vec acc[F][N];
#pragma unroll
  for (int f = 0; f < F; ++f)
#pragma unroll
    for (int j = 0; j < N; ++j)
      acc[f][j] = splat(bias[f0 + f]);
  conv_block<F, N>(acc, x, x_stride, w + f0 * kp, kp, kp / 4);
  conv_store<Out, Left, F, N>(acc, y, plane, f0, p0, e);
}

/* Every feature of a block of 32 * N positions. */
template <typename Out, bool Left, int N>
static inline void conv_features(const uint8_t *x, int x_stride,
                                 const int8_t *w, int kp, const int32_t *bias,
                                 Out *y, int plane, int features, int p0,
                                 const Epilogue &e) {
  int f = 0;
  for (; f + 4 <= features; f += 4)
    conv_tile<Out, Left, 4, N>(x, x_stride, w, kp, bias, y, plane, f, p0, e);
  for (; f < features; ++f)
    conv_tile<Out, Left, 1, N>(x, x_stride, w, kp, bias, y, plane, f, p0, e);
}

/* A convolution with groups 1: y = finish(bias + sum (x - zx) * w), bias
 * with -(zx + 128) * sum w folded in, weights [features][kp] (taps
 * (channel, kh, kw) padded to kp, a multiple of 4). */
template <typename Out, bool Left>
void conv2d(const int8_t *x, int32_t zx, const int8_t *w, const int32_t *bias,
            Out *y, const Conv2DShape &s, const Epilogue &e, int8_t *scratch) {
  int in_plane = s.height * s.width, plane = s.out_h * s.out_w;
  int taps = s.channels * s.kernel_h * s.kernel_w;
  int kp = align_up(taps, 4);
  uint8_t *packed = (uint8_t *)scratch;
  uint8_t pad = (uint8_t)(zx + 128);
  for (int n = 0; n < s.batch; ++n) {
    const int8_t *xn = x + n * s.channels * in_plane;
    Out *yn = y + n * s.features * plane;
    if (conv_is_flat(s)) {
      /* The whole input packed once: [channels / 4][stride][4]. */
      int stride = hvx_conv_flat_stride(s);
      for (int c = 0; c < kp; c += 4) {
        const int8_t *rows[4];
#pragma unroll
        for (int j = 0; j < 4; ++j)
          rows[j] = xn + (c + j < taps ? c + j : c) * in_plane;
        uint8_t *to = packed + c * stride;
        interleave4(rows, to, in_plane);
        /* Padded channels: their weights are 0. */
      }
      int p0 = 0;
      for (; p0 + 128 <= plane; p0 += 128)
        conv_features<Out, Left, 4>(packed + 4 * p0, stride, w, kp, bias, yn,
                                    plane, s.features, p0, e);
      if (p0 < plane) /* the rest in one block (the packed rows have room) */
        conv_features<Out, Left, 4>(packed + 4 * p0, stride, w, kp, bias, yn,
                                    plane, s.features, p0, e);
      continue;
    }
    /* One block of 32 output positions at a time: [kp / 4][32][4]
     * (counters, not division: Hexagon has none). */
    const int out_w = (int)s.out_w, height = (int)s.height;
    const int width = (int)s.width, kernel_h = (int)s.kernel_h;
    const int kernel_w = (int)s.kernel_w, dh = (int)s.dilation_h;
    const int dw = (int)s.dilation_w;
    int oh = 0, ow = 0;
    for (int p0 = 0; p0 < plane; p0 += 32) {
      int ih0[32], iw0[32];
      for (int p = 0; p < 32; ++p) { /* past the plane: its last position */
        ih0[p] = oh * (int)s.stride_h - (int)s.pad_top;
        iw0[p] = ow * (int)s.stride_w - (int)s.pad_left;
        if (p0 + p + 1 < plane && ++ow == out_w) {
          ow = 0;
          ++oh;
        }
      }
      int k = 0;
      for (int c = 0; c < (int)s.channels; ++c)
        for (int kh = 0; kh < kernel_h; ++kh)
          for (int kw = 0; kw < kernel_w; ++kw, ++k) {
            uint8_t *to = packed + k / 4 * 128 + k % 4;
            const int8_t *xc = xn + c * in_plane;
            for (int p = 0; p < 32; ++p) {
              int ih = ih0[p] + kh * dh, iw = iw0[p] + kw * dw;
              bool inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
              to[4 * p] = inside ? (uint8_t)(xc[ih * width + iw] ^ 0x80) : pad;
            }
          }
      for (; k < kp; ++k) /* padding taps: weight 0 */
        for (int p = 0; p < 32; ++p)
          packed[k / 4 * 128 + k % 4 + 4 * p] = pad;
      conv_features<Out, Left, 1>(packed, 32, w, kp, bias, yn, plane,
                                  s.features, p0, e);
    }
  }
}

/* Stores v at p, its bytes from n on replaced by `fill` (128-byte vector
 * store: what follows p + n up to p + 128 is overwritten). */
static inline void store_filled(uint8_t *p, Vec v, int n, Vec fill) {
  *(HVX_UVector *)p = n >= 128 ? v : Q6_V_vmux_QVV(Q6_Q_vsetq2_R(n), v, fill);
}

/* The phase planes of one input plane (hvx_depthwise_phase_width): pad,
 * then each row's bytes, offset to unsigned, where they go. */
__attribute__((noinline)) static void
build_planes(const int8_t *__restrict xc, uint8_t *__restrict planes,
             int planes_bytes, int plane_bytes, int pw, int st, int height,
             int width, int pad_top, int pl, const int8_t *x_end,
             int32_t pad_byte) {
  const Vec flip = Q6_Vb_vsplat_R(0x80), pad = Q6_Vb_vsplat_R(pad_byte);
  for (int i = 0; i < planes_bytes; i += 128)
    *(Vec *)(planes + i) = pad;
  /* Rows of one vector (stride 1) or two (stride 2, dealt): the masks of
   * their bytes once. */
  /* Rows whose vector load stays inside the tensor (the last may not). */
  int safe = height;
  while (safe > 0 && xc + (safe - 1) * width + 256 > x_end)
    --safe;
  if (st == 1 && width <= 128) {
    const HVX_VectorPred keep = Q6_Q_vsetq2_R(width);
    uint8_t *dst = planes + pad_top * pw + pl;
    const int8_t *src = xc;
    for (int r = 0; r < safe; ++r, dst += pw, src += width)
      *(HVX_UVector *)dst = Q6_V_vmux_QVV(
          keep, Q6_V_vxor_VV(*(const HVX_UVector *)src, flip), pad);
    for (int r = safe; r < height; ++r, dst += pw, src += width)
      *(HVX_UVector *)dst =
          Q6_V_vmux_QVV(keep, Q6_V_vxor_VV(load_row(src, 0, width), flip), pad);
    return;
  }
  if (st == 2 && width > 1 && width <= 256) {
    const HVX_VectorPred keep_even = Q6_Q_vsetq2_R((width + 1) / 2),
                         keep_odd = Q6_Q_vsetq2_R(width / 2);
    for (int r = 0; r < height; ++r) {
      int row = r + pad_top;
      uint8_t *dst = planes + (row & 1) * 2 * plane_bytes + (row >> 1) * pw;
      const int8_t *src = xc + r * width;
      Vec lo = Q6_V_vxor_VV(load_within(src, 0, width, x_end), flip);
      Vec hi = width > 128
                   ? Q6_V_vxor_VV(load_within(src, 128, width, x_end), flip)
                   : lo;
      HVX_VectorPair dealt = Q6_W_vdeal_VVR(hi, lo, -1);
      *(HVX_UVector *)(dst + pl % 2 * plane_bytes + pl / 2) =
          Q6_V_vmux_QVV(keep_even, Q6_V_lo_W(dealt), pad);
      *(HVX_UVector *)(dst + (1 - pl % 2) * plane_bytes + (pl + 1) / 2) =
          Q6_V_vmux_QVV(keep_odd, Q6_V_hi_W(dealt), pad);
    }
    return;
  }
  for (int r = 0; r < height; ++r) {
    /* st is 1 or 2: no division (Hexagon has none). */
    int row = r + pad_top, shift = st - 1;
    uint8_t *dst =
        planes + (row & shift) * st * plane_bytes + (row >> shift) * pw;
    const int8_t *src = xc + r * width;
    if (st == 1) {
      for (int i = 0; i < width; i += 128)
        store_filled(dst + pl + i,
                     Q6_V_vxor_VV(load_within(src, i, width, x_end), flip),
                     width - i, pad);
      continue;
    }
    /* Stride 2: even and odd columns to their phases. */
    uint8_t *even = dst + pl % 2 * plane_bytes + pl / 2;
    uint8_t *odd = dst + (1 - pl % 2) * plane_bytes + (pl + 1) / 2;
    for (int i = 0; i < width; i += 256) {
      HVX_VectorPair dealt = Q6_W_vdeal_VVR(
          Q6_V_vxor_VV(load_within(src, i + 128, width, x_end), flip),
          Q6_V_vxor_VV(load_within(src, i, width, x_end), flip), -1);
      store_filled(even + i / 2, Q6_V_lo_W(dealt), (width - i + 1) / 2, pad);
      store_filled(odd + i / 2, Q6_V_hi_W(dealt), (width - i) / 2, pad);
    }
  }
}

/* The output rows of width pw compacted to rows of out_w at y (vector
 * stores run on into what is written later; exact stores at the end of
 * the tensor). */
__attribute__((noinline)) static void compact(const uint8_t *__restrict out,
                                              int pw, int8_t *__restrict y,
                                              int out_h, int out_w,
                                              int8_t *y_end) {
  if (out_w <= 128) {
    int safe = out_h;
    while (safe > 0 && y + (safe - 1) * out_w + 128 > y_end)
      --safe;
    const uint8_t *from = out;
    int8_t *to = y;
    for (int oh = 0; oh < safe; ++oh, from += pw, to += out_w)
      *(HVX_UVector *)to = *(const HVX_UVector *)from;
    for (int oh = safe; oh < out_h; ++oh, from += pw, to += out_w)
      store_bytes(to, *(const HVX_UVector *)from, out_w);
    return;
  }
  for (int oh = 0; oh < out_h; ++oh)
    for (int i = 0; i < out_w; i += 128) {
      Vec v = *(const HVX_UVector *)(out + oh * pw + i);
      int8_t *to = y + oh * out_w + i;
      if (to + 128 <= y_end)
        *(HVX_UVector *)to = v;
      else
        store_bytes(to, v, out_w - i);
    }
}

/* A depthwise convolution (groups = channels = features) with stride 1 or
 * 2: y = finish(bias + sum (x - zx) * w), bias with -(zx + 128) * sum w
 * folded in; weights [channels][kernel_h][chunks][4] (each kernel row in
 * chunks of 4 taps, zeros past its end). Lanes are output positions in
 * rows of the phase width (the columns past out_w computed and dropped);
 * each vrmpy takes a chunk of taps for 32 of them, from 4 loads of the
 * phase planes interleaved. int8 results. */
template <bool Left>
void depthwise(const int8_t *x, int32_t zx, const int8_t *w,
               const int32_t *bias, int8_t *y, const Conv2DShape &s,
               const Epilogue &e, int8_t *scratch) {
  /* 32-bit locals: Hexagon's registers (and no reloads after byte stores,
   * which may alias the shape). */
  const int st = (int)s.stride_h, pw = (int)hvx_depthwise_phase_width(s);
  const int plane_bytes = (int)hvx_depthwise_plane_bytes(s);
  const int height = (int)s.height, width = (int)s.width;
  const int out_h = (int)s.out_h, out_w = (int)s.out_w;
  const int kernel_h = (int)s.kernel_h, kernel_w = (int)s.kernel_w;
  const int pad_top = (int)s.pad_top, pl = (int)s.pad_left;
  const int chunks = (kernel_w + 3) / 4, pieces = kernel_h * chunks;
  const int in_plane = height * width, out_plane = out_h * out_w;
  const int planes_bytes = st * st * plane_bytes, rows_out = out_h * pw;
  const int channels = (int)s.channels, batch = (int)s.batch;
  uint8_t *planes = (uint8_t *)scratch;
  uint8_t *out = planes + planes_bytes;
  const int8_t *x_end = x + batch * channels * in_plane;
  int8_t *y_end = y + batch * channels * out_plane;
  /* Where each tap of each chunk reads (relative to the output position);
   * taps past the kernel row (weight 0) read the first. */
  const uint8_t *taps[64]; /* hvx_depthwise_supported: 16 pieces at most */
  for (int kh = 0; kh < kernel_h; ++kh)
    for (int t = 0; t < chunks * 4; ++t) {
      int kw = t < kernel_w ? t : 0;
      int r = kh * (int)s.dilation_h, c = kw * (int)s.dilation_w;
      taps[(kh * chunks + t / 4) * 4 + t % 4] =
          planes + (r % st * st + c % st) * plane_bytes + r / st * pw + c / st;
    }
  for (int nc = 0, ch = 0; nc < batch * channels;
       ++nc, ch = ch + 1 == channels ? 0 : ch + 1) {
    const int8_t *xc = x + nc * in_plane;
    build_planes(xc, planes, planes_bytes, plane_bytes, pw, st, height, width,
                 pad_top, pl, x_end, zx + 128);
    /* The outputs in rows of pw, 128 at a time. */
    const int32_t *wc = (const int32_t *)(w + ch * pieces * 4);
    const Requant q(splat(e.multipliers[ch]), splat(e.shifts[ch]), e);
    const ByteRequant fast(e.multipliers[ch], e.shifts[ch], e);
    const bool use_fast = ByteRequant::applies(e.shifts[ch]);
    const Vec b = splat(bias[ch]);
    for (int p0 = 0; p0 < rows_out; p0 += 128) {
      Vec acc[4] = {b, b, b, b};
      for (int k = 0; k < pieces; ++k) {
        const uint8_t *const *t = taps + 4 * k;
        Vec window[4];
        shuffle4(*(const HVX_UVector *)(t[0] + p0),
                 *(const HVX_UVector *)(t[1] + p0),
                 *(const HVX_UVector *)(t[2] + p0),
                 *(const HVX_UVector *)(t[3] + p0), window);
#pragma unroll
        for (int j = 0; j < 4; ++j)
          acc[j] = Q6_Vw_vrmpyacc_VwVubRb(acc[j], window[j], wc[k]);
      }
      if (use_fast) {
        *(Vec *)(out + p0) = fast.apply(acc);
        continue;
      }
#pragma unroll
      for (int j = 0; j < 4; ++j)
        acc[j] = q.template apply<Left>(acc[j]);
      Vec h0 = Q6_Vh_vpacke_VwVw(acc[1], acc[0]),
          h1 = Q6_Vh_vpacke_VwVw(acc[3], acc[2]);
      *(Vec *)(out + p0) = Q6_Vb_vpacke_VhVh(h1, h0);
    }
    compact(out, pw, y + nc * out_plane, out_h, out_w, y_end);
  }
}

/* A convolution with groups 1 and stride 1 or 2 through the phase planes
 * of every input channel (as depthwise does one): weights
 * [features][channels][kernel_h][chunks][4], bias with -(zx + 128) * sum w
 * folded in; 4 output planes by 128 positions at a time, each chunk of
 * taps interleaved once for the 4. int8 results. */
template <bool Left>
void conv_planes(const int8_t *x, int32_t zx, const int8_t *w,
                 const int32_t *bias, int8_t *y, const Conv2DShape &s,
                 const Epilogue &e, int8_t *scratch) {
  const int st = (int)s.stride_h, pw = (int)hvx_depthwise_phase_width(s);
  const int plane_bytes = (int)hvx_depthwise_plane_bytes(s);
  const int out_bytes = (int)hvx_depthwise_output_bytes(s);
  const int height = (int)s.height, width = (int)s.width;
  const int out_h = (int)s.out_h, out_w = (int)s.out_w;
  const int kernel_h = (int)s.kernel_h, kernel_w = (int)s.kernel_w;
  const int channels = (int)s.channels, features = (int)s.features;
  const int chunks = (kernel_w + 3) / 4, pieces = kernel_h * chunks;
  const int in_plane = height * width, out_plane = out_h * out_w;
  const int planes_bytes = st * st * plane_bytes, rows_out = out_h * pw;
  const int weights = channels * pieces; /* words per feature */
  uint8_t *planes = (uint8_t *)scratch;
  uint8_t *out = planes + channels * planes_bytes;
  const int8_t *x_end = x + s.batch * channels * in_plane;
  int8_t *y_end = y + s.batch * features * out_plane;
  const uint8_t *taps[64]; /* relative to a channel's planes */
  for (int kh = 0; kh < kernel_h; ++kh)
    for (int t = 0; t < chunks * 4; ++t) {
      int kw = t < kernel_w ? t : 0;
      int r = kh * (int)s.dilation_h, c = kw * (int)s.dilation_w;
      taps[(kh * chunks + t / 4) * 4 + t % 4] =
          planes + (r % st * st + c % st) * plane_bytes + r / st * pw + c / st;
    }
  for (int n = 0; n < (int)s.batch; ++n) {
    for (int c = 0; c < channels; ++c)
      build_planes(x + (n * channels + c) * in_plane, planes + c * planes_bytes,
                   planes_bytes, plane_bytes, pw, st, height, width,
                   (int)s.pad_top, (int)s.pad_left, x_end, zx + 128);
    for (int f0 = 0; f0 < features; f0 += 4) {
      const int nf = features - f0 < 4 ? features - f0 : 4;
      for (int p0 = 0; p0 < rows_out; p0 += 128) {
        Vec acc[4][4];
#pragma unroll
        for (int f = 0; f < 4; ++f) {
          Vec b = splat(bias[f0 + (f < nf ? f : 0)]);
#pragma unroll
          for (int j = 0; j < 4; ++j)
            acc[f][j] = b;
        }
        for (int c = 0; c < channels; ++c) {
          const int offset = c * planes_bytes + p0;
          for (int k = 0; k < pieces; ++k) {
            const uint8_t *const *t = taps + 4 * k;
            Vec window[4];
            shuffle4(*(const HVX_UVector *)(t[0] + offset),
                     *(const HVX_UVector *)(t[1] + offset),
                     *(const HVX_UVector *)(t[2] + offset),
                     *(const HVX_UVector *)(t[3] + offset), window);
#pragma unroll
            for (int f = 0; f < 4; ++f) {
              int32_t wf =
                  ((const int32_t *)
                       w)[(f0 + (f < nf ? f : 0)) * weights + c * pieces + k];
#pragma unroll
              for (int j = 0; j < 4; ++j)
                acc[f][j] = Q6_Vw_vrmpyacc_VwVubRb(acc[f][j], window[j], wf);
            }
          }
        }
        for (int f = 0; f < nf; ++f) {
          if (ByteRequant::applies(e.shifts[f0 + f])) {
            const ByteRequant q(e.multipliers[f0 + f], e.shifts[f0 + f], e);
            *(Vec *)(out + f * out_bytes + p0) = q.apply(acc[f]);
            continue;
          }
          const Requant q(splat(e.multipliers[f0 + f]), splat(e.shifts[f0 + f]),
                          e);
#pragma unroll
          for (int j = 0; j < 4; ++j)
            acc[f][j] = q.template apply<Left>(acc[f][j]);
          Vec h0 = Q6_Vh_vpacke_VwVw(acc[f][1], acc[f][0]),
              h1 = Q6_Vh_vpacke_VwVw(acc[f][3], acc[f][2]);
          *(Vec *)(out + f * out_bytes + p0) = Q6_Vb_vpacke_VhVh(h1, h0);
        }
      }
      for (int f = 0; f < nf; ++f)
        compact(out + f * out_bytes, pw,
                y + (n * features + f0 + f) * out_plane, out_h, out_w, y_end);
    }
  }
}

/* 128 int8 values as 4 vectors of int32 lanes (in the order narrow
 * undoes). */
static inline void widen(Vec v, Vec (&w)[4]) {
  HVX_VectorPair h = Q6_Wh_vsxt_Vb(v);
  HVX_VectorPair lo = Q6_Ww_vsxt_Vh(Q6_V_lo_W(h)),
                 hi = Q6_Ww_vsxt_Vh(Q6_V_hi_W(h));
  w[0] = Q6_V_lo_W(lo);
  w[1] = Q6_V_hi_W(lo);
  w[2] = Q6_V_lo_W(hi);
  w[3] = Q6_V_hi_W(hi);
}
static inline Vec narrow(const Vec (&w)[4]) {
  return Q6_Vb_vshuffe_VbVb(Q6_Vh_vshuffe_VhVh(w[3], w[2]),
                            Q6_Vh_vshuffe_VhVh(w[1], w[0]));
}

/* x / 2^shift rounded half up, shift in [0, 31] (the same for all lanes):
 * (x >> s) + bit s - 1 of x. */
[[gnu::always_inline]] static inline Vec rounding_shift_right(Vec x,
                                                              int shift) {
  if (shift == 0)
    return x;
  return Q6_Vw_vadd_VwVw(Q6_Vw_vasr_VwR(x, shift),
                         Q6_V_vand_VV(Q6_Vw_vasr_VwR(x, shift - 1), splat(1)));
}

[[gnu::always_inline]] static inline Vec high_mul(Vec x, Vec m) {
  return Q6_Vw_vmpyoacc_VwVwVh_s1_rnd_sat_shift(Q6_Vw_vmpye_VwVuh(x, m), x, m);
}

/* binary's add and sub when no shift saturates: int8 inputs centered fit
 * in 9 bits, so shifted left by at most 22 they stay in int32; the inputs'
 * rescaling shifts right, and the result's (in [0, 15], by vasr:rnd:sat to
 * halfwords as ByteRequant; beyond, in int32). widen's lanes 0 and 1 are
 * the even bytes,
 * 2 and 3 the odd ones: vasr's interleaving puts each pair back in order
 * and vshuffe merges the two. */
static inline void binary_right_shifts(const int8_t *a, const int8_t *b,
                                       int8_t *y, int n,
                                       const BinaryParams &p) {
  const Vec za = splat(p.za), zb = splat(p.zb);
  const Vec ma = splat(p.a_multiplier), mb = splat(p.b_multiplier),
            my = splat(p.multiplier);
  const Vec zy = Q6_Vh_vsplat_R(p.zy), lo = Q6_Vh_vsplat_R(p.qmin),
            hi = Q6_Vh_vsplat_R(p.qmax), zy32 = splat(p.zy),
            lo32 = splat(p.qmin), hi32 = splat(p.qmax);
  const int shift = p.shift, sa = p.a_shift, sb = p.b_shift, sy = p.out_shift;
  for (int i = 0; i < n; i += 128) {
    Vec x[4], w[4], high[4];
    widen(load_row(a, i, n), x);
    widen(load_row(b, i, n), w);
#pragma unroll
    for (int j = 0; j < 4; ++j) {
      Vec rx = rounding_shift_right(
          high_mul(Q6_Vw_vasl_VwR(Q6_Vw_vsub_VwVw(x[j], za), shift), ma), sa);
      Vec rw = rounding_shift_right(
          high_mul(Q6_Vw_vasl_VwR(Q6_Vw_vsub_VwVw(w[j], zb), shift), mb), sb);
      high[j] = high_mul(
          p.subtract ? Q6_Vw_vsub_VwVw(rx, rw) : Q6_Vw_vadd_VwVw(rx, rw), my);
    }
    if (sy > 15) { /* beyond vasr:rnd:sat's shifts: in int32 lanes */
      Vec r[4];
#pragma unroll
      for (int j = 0; j < 4; ++j)
        r[j] = Q6_Vw_vmin_VwVw(
            Q6_Vw_vmax_VwVw(
                Q6_Vw_vadd_VwVw(rounding_shift_right(high[j], sy), zy32), lo32),
            hi32);
      store_bytes(y + i, narrow(r), n - i);
      continue;
    }
    Vec even =
        Q6_Vh_vadd_VhVh_sat(Q6_Vh_vasr_VwVwR_rnd_sat(high[1], high[0], sy), zy);
    Vec odd =
        Q6_Vh_vadd_VhVh_sat(Q6_Vh_vasr_VwVwR_rnd_sat(high[3], high[2], sy), zy);
    even = Q6_Vh_vmin_VhVh(Q6_Vh_vmax_VhVh(even, lo), hi);
    odd = Q6_Vh_vmin_VhVh(Q6_Vh_vmax_VhVh(odd, lo), hi);
    store_bytes(y + i, Q6_Vb_vshuffe_VbVb(odd, even), n - i);
  }
}

/* add or sub (BinaryParams) of two int8 operands of the same shape; mul
 * element by element. */
static inline void binary(const int8_t *a, const int8_t *b, int8_t *y, int n,
                          const BinaryParams &p) {
  if (p.mul) {
    for (int i = 0; i < n; ++i)
      y[i] = (int8_t)binary_element(a[i], b[i], p);
    return;
  }
  if (p.shift <= 22 && p.a_shift >= 0 && p.b_shift >= 0 && p.out_shift >= 0) {
    binary_right_shifts(a, b, y, n, p);
    return;
  }
  const FixedPoint sa(splat(p.a_multiplier), splat(p.a_shift)),
      sb(splat(p.b_multiplier), splat(p.b_shift));
  const Requant sy(splat(p.multiplier), splat(p.out_shift), p.zy, p.qmin,
                   p.qmax);
  const Vec za = splat(p.za), zb = splat(p.zb), shift = splat(p.shift);
  for (int i = 0; i < n; i += 128) {
    Vec x[4], w[4], r[4];
    widen(load_row(a, i, n), x);
    widen(load_row(b, i, n), w);
#pragma unroll
    for (int j = 0; j < 4; ++j) {
      Vec rx = sa.apply<true>(
          saturating_shift_left(Q6_Vw_vsub_VwVw(x[j], za), shift));
      Vec rw = sb.apply<true>(
          saturating_shift_left(Q6_Vw_vsub_VwVw(w[j], zb), shift));
      r[j] = sy.apply<true>(p.subtract ? Q6_Vw_vsub_VwVw(rx, rw)
                                       : Q6_Vw_vadd_VwVw(rx, rw));
    }
    store_bytes(y + i, narrow(r), n - i);
  }
}

/* clamp of int8 values. */
static inline void clamp(const int8_t *x, int8_t *y, int n, int32_t lo,
                         int32_t hi) {
  const Vec vlo = Q6_Vb_vsplat_R(lo), vhi = Q6_Vb_vsplat_R(hi);
  for (int i = 0; i < n; i += 128)
    store_bytes(y + i,
                Q6_Vb_vmin_VbVb(Q6_Vb_vmax_VbVb(load_row(x, i, n), vlo), vhi),
                n - i);
}

/* quantize of kernels.h for 8- and 16-bit T, without its division: with
 * inverse = 1 / scale rounded to float, q0 = x * inverse is within an ulp
 * of x / scale and q0 + (x - q0 * scale) * inverse, each step fused, is
 * x / scale correctly rounded (Markstein). x is first bounded to quotients
 * of +-2^24, which saturate as larger ones do there; the conversion rounds
 * half to even; NaN becomes 0 (then clamped). No branches: four independent
 * chains at a time for the packets to interleave. */
template <typename T>
void quantize(const float *x, T *q, int n, float scale, float inverse,
              int32_t zp, int32_t qmin, int32_t qmax) {
  union Bits {
    float f;
    int32_t i;
  };
  const int32_t limit = Bits{16777216.0f * scale}.i;
  auto one = [&](float v) {
    /* Bounded by comparing magnitudes as integers (the float unit is the
     * busier one). */
    int32_t bits = Bits{v}.i, magnitude = bits & INT32_MAX;
    Bits bounded;
    bounded.i = Q6_R_mux_pRR(Q6_p_cmp_gt_RR(magnitude, limit),
                             (bits & INT32_MIN) | limit, bits);
    float q0 = bounded.f * inverse;
    float q1 =
        __builtin_fmaf(__builtin_fmaf(-q0, scale, bounded.f), inverse, q0);
    /* All ones but for NaN (its magnitude's bits above infinity's). */
    int32_t keep = (magnitude - 0x7f800001) >> 31;
    int32_t r = (Q6_R_convert_sf2w_R(q1) + zp) & keep;
    return (T)Q6_R_min_RR(Q6_R_max_RR(r, qmin), qmax);
  };
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    T r[8];
#pragma unroll
    for (int j = 0; j < 8; ++j)
      r[j] = one(x[i + j]);
#pragma unroll
    for (int j = 0; j < 8; ++j)
      q[i + j] = r[j];
  }
  for (; i < n; ++i)
    q[i] = one(x[i]);
}

/* global_avg_pool of int8 planes to int8, planes of fewer than 2^23
 * values (their sums need no saturation): sum(x) - zx * size. */
static inline void global_avg_pool(const int8_t *x, int8_t *y, int planes,
                                   int size, int32_t zx, int32_t multiplier,
                                   int32_t shift, int32_t zy, int32_t qmin,
                                   int32_t qmax) {
  const int8_t *end = x + planes * size;
  for (int p = 0; p < planes; ++p)
    y[p] = (int8_t)requantize(sum(x + p * size, size, end) - zx * size,
                              multiplier, shift, zy, qmin, qmax);
}

} // namespace hvx
#endif // QCC_HVX

} // namespace qcc_rt

#endif // QCC_RUNTIME_HVX_H
