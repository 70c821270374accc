/*===- neon.h - NEON kernels of generated libraries --------------*- C++ -*-===
 *
 * Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
 * See LICENSE for license information.
 * SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
 *
 *===-----------------------------------------------------------------------===
 *
 * The NEON kernels a generated library uses where kernels.h's portable ones
 * would be slow: int8 convolutions and matrix products as blocked dot
 * products (sdot, or its exact Armv8.0 emulation), depthwise convolutions,
 * quantization, max pooling and elementwise add/sub/mul. Each computes
 * exactly what the portable kernel does. Compiled when QCC_NEON is defined:
 * on AArch64, or on another host through SIMDe, which maps the intrinsics
 * to the host's SIMD so that host tests run this very code.
 *
 * The sizes of the scratch memory they take (part of the arena) are
 * computed by the functions before the QCC_NEON part, which qcc's emitter
 * also calls.
 *
 *===-----------------------------------------------------------------------===*/

#ifndef QCC_RUNTIME_NEON_H
#define QCC_RUNTIME_NEON_H

#include <stdint.h>

#ifndef QCC_RUNTIME_KERNELS_H
#include "kernels.h"
#endif

namespace qcc_rt {

/* conv2d_gemm: the width of a row of its band (a flat convolution, see
 * kernels.h, reads its input in place). */
static inline int64_t conv_band_width(const Conv2DShape &s) {
  int64_t last =
      (align_up(s.out_w, 8) - 8) * s.stride_w + (s.kernel_w - 1) * s.dilation_w;
  int64_t read = s.stride_w == 1   ? 8
                 : s.stride_w == 2 ? 16
                                   : 7 * s.stride_w + 1;
  return align_up(last + read, 16);
}

/* Steps of 4 taps of a patch (the depth padded to a multiple of 4). */
static inline int64_t conv_steps(const Conv2DShape &s) {
  return (s.channels / s.groups * s.kernel_h * s.kernel_w + 3) / 4;
}

static inline int64_t conv2d_gemm_scratch(const Conv2DShape &s) {
  int64_t band =
      conv_is_flat(s) ? 0 : s.channels * s.kernel_h * conv_band_width(s);
  return align_up(band, 16) + conv_steps(s) * 32;
}

/* depthwise_dot: its zero-padded copy of one input plane, rows of width
 * depthwise_plane_width, and the number of 4-tap pieces of a kernel row. */
static inline int64_t depthwise_chunks(const Conv2DShape &s) {
  return (s.kernel_w + 3) / 4;
}

static inline int64_t depthwise_plane_width(const Conv2DShape &s) {
  int64_t last = (align_up(s.out_w, 4) - 4) * s.stride_w +
                 (depthwise_chunks(s) - 1) * 4 * s.dilation_w;
  int64_t width = last + 32;
  int64_t needed = s.width + s.pad_left;
  return align_up(width > needed ? width : needed, 16);
}

static inline int64_t depthwise_plane_rows(const Conv2DShape &s) {
  return (s.out_h - 1) * s.stride_h + (s.kernel_h - 1) * s.dilation_h + 1;
}

static inline int64_t depthwise_scratch(const Conv2DShape &s) {
  return depthwise_plane_rows(s) * depthwise_plane_width(s);
}

/* matmul_gemm: 8 rows packed as [k/4][8][4]. */
static inline int64_t matmul_gemm_scratch(int64_t k) {
  return (k + 3) / 4 * 32;
}

#ifdef QCC_NEON
namespace neon {

#if defined(__ARM_FEATURE_DOTPROD) || !defined(__ARM_NEON)
/* acc[i] += a[4i..4i+3] . b[4 lane..4 lane+3] (sdot; SIMDe on other hosts). */
#define QCC_DOT(acc, a, b, lane) vdotq_laneq_s32(acc, a, b, lane)
#else
/* The same on Armv8.0, exactly: widening multiplies and pairwise adds. */
template <int lane>
static inline int32x4_t dot_lane(int32x4_t acc, int8x16_t a, int8x16_t b) {
  int8x16_t bl =
      vreinterpretq_s8_s32(vdupq_laneq_s32(vreinterpretq_s32_s8(b), lane));
  int16x8_t lo = vmull_s8(vget_low_s8(a), vget_low_s8(bl));
  int16x8_t hi = vmull_high_s8(a, bl);
  return vaddq_s32(acc, vpaddq_s32(vpaddlq_s16(lo), vpaddlq_s16(hi)));
}
#define QCC_DOT(acc, a, b, lane) dot_lane<lane>(acc, a, b)
#endif

/* multiply_by_fixed_point on four lanes: SQSHL, SQRDMULH, SRSHL are the
 * scalar steps' exact vector forms. */
template <bool Left>
static inline int32x4_t scale(int32x4_t acc, int32x4_t m, int32x4_t left,
                              int32x4_t neg_right) {
  if (Left)
    acc = vqshlq_s32(acc, left);
  return vrshlq_s32(vqrdmulhq_s32(acc, m), neg_right);
}

/* Stores n <= 8 requantized values of Out (+ zy, saturated to [qmin,
 * qmax]; int32_t: raw sums), with the epilogue's constants in registers
 * (built once per kernel call). For int8, saturating to int16 first, then
 * adding zy (an int8) with saturation, then saturating to int8 and
 * clamping gives the clamp of the exact sum. */
template <typename Out> struct Store;

/* Two channels' 8 values as two stores (the int8 Store narrows them
 * together instead). */
template <typename Out> struct StorePairs {
  void pair(Out *y0, Out *y1, int32x4_t a0, int32x4_t a1, int32x4_t b0,
            int32x4_t b1) const {
    const Store<Out> &self = static_cast<const Store<Out> &>(*this);
    self(y0, a0, a1, 8);
    self(y1, b0, b1, 8);
  }
};

template <> struct Store<int8_t> {
  int16x8_t zy;
  int8x8_t lo, hi;
  explicit Store(const Epilogue &e)
      : zy(vdupq_n_s16((int16_t)e.zy)), lo(vdup_n_s8((int8_t)e.qmin)),
        hi(vdup_n_s8((int8_t)e.qmax)) {}
  void operator()(int8_t *y, int32x4_t a, int32x4_t b, int64_t n) const {
    int16x8_t h = vqaddq_s16(vqmovn_high_s32(vqmovn_s32(a), b), zy);
    int8x8_t o = vmin_s8(vmax_s8(vqmovn_s16(h), lo), hi);
    if (n == 8) {
      vst1_s8(y, o);
    } else if (n == 4) {
      vst1_lane_s32((int32_t *)(void *)y, vreinterpret_s32_s8(o), 0);
    } else {
      for (int64_t i = 0; i < n; ++i)
        y[i] = vget_lane_s8(o, 0), o = vext_s8(o, o, 1);
    }
  }
  /* 8 values each of two channels, narrowed and clamped together. */
  void pair(int8_t *y0, int8_t *y1, int32x4_t a0, int32x4_t a1, int32x4_t b0,
            int32x4_t b1) const {
    int16x8_t h0 = vqaddq_s16(vqmovn_high_s32(vqmovn_s32(a0), a1), zy);
    int16x8_t h1 = vqaddq_s16(vqmovn_high_s32(vqmovn_s32(b0), b1), zy);
    int8x16_t o = vqmovn_high_s16(vqmovn_s16(h0), h1);
    o = vminq_s8(vmaxq_s8(o, vcombine_s8(lo, lo)), vcombine_s8(hi, hi));
    vst1_s8(y0, vget_low_s8(o));
    vst1_s8(y1, vget_high_s8(o));
  }
};

template <> struct Store<int16_t> : StorePairs<int16_t> {
  int32x4_t zy;
  int16x8_t lo, hi;
  explicit Store(const Epilogue &e)
      : zy(vdupq_n_s32(e.zy)), lo(vdupq_n_s16((int16_t)e.qmin)),
        hi(vdupq_n_s16((int16_t)e.qmax)) {}
  void operator()(int16_t *y, int32x4_t a, int32x4_t b, int64_t n) const {
    int16x8_t h =
        vqmovn_high_s32(vqmovn_s32(vqaddq_s32(a, zy)), vqaddq_s32(b, zy));
    h = vminq_s16(vmaxq_s16(h, lo), hi);
    if (n == 8) {
      vst1q_s16(y, h);
    } else {
      for (int64_t i = 0; i < n; ++i)
        y[i] = vgetq_lane_s16(h, 0), h = vextq_s16(h, h, 1);
    }
  }
};

template <> struct Store<int32_t> : StorePairs<int32_t> {
  explicit Store(const Epilogue &) {}
  void operator()(int32_t *y, int32x4_t a, int32x4_t b, int64_t n) const {
    if (n == 8) {
      vst1q_s32(y, a);
      vst1q_s32(y + 4, b);
    } else {
      for (int64_t i = 0; i < n; ++i)
        y[i] = vgetq_lane_s32(a, 0), a = vextq_s32(a, b, 1),
        b = vextq_s32(b, b, 1);
    }
  }
};

/* Requantization of 8 channels c..c+7, their parameters in vectors taken
 * by lane (Out int32_t: none). */
template <typename Out, bool Left> struct TileScale {
  int32x4_t m[2], l[2], r[2];
  TileScale(const Epilogue &e, int64_t c) {
    if (sizeof(Out) < 4)
      for (int h = 0; h < 2; ++h) {
        m[h] = vld1q_s32(e.multipliers + c + 4 * h);
        r[h] = vld1q_s32(e.neg_right + c + 4 * h);
        if (Left)
          l[h] = vld1q_s32(e.left + c + 4 * h);
      }
  }
  /* Channels c + 4h .. c + 4h + 3, one per lane. */
  int32x4_t quad(int32x4_t v, int h) const {
    return sizeof(Out) < 4 ? scale<Left>(v, m[h], l[h], r[h]) : v;
  }
  /* Channel c + i in every lane. */
  template <int i> int32x4_t apply(int32x4_t v) const {
    if (sizeof(Out) == 4)
      return v;
    if (Left)
      v = vqshlq_s32(v, vdupq_laneq_s32(l[i / 4], i % 4));
    return vrshlq_s32(vqrdmulhq_laneq_s32(v, m[i / 4], i % 4),
                      vdupq_laneq_s32(r[i / 4], i % 4));
  }
};

/* Requantization of one channel in vectors (Out int32_t: none): channel
 * c of an epilogue, or one multiplier and shift. */
template <typename Out, bool Left> struct ChannelScale {
  int32x4_t m, l, r;
  ChannelScale(const Epilogue &e, int64_t c) {
    if (sizeof(Out) < 4) {
      m = vld1q_dup_s32(e.multipliers + c);
      if (Left)
        l = vld1q_dup_s32(e.left + c);
      r = vld1q_dup_s32(e.neg_right + c);
    }
  }
  ChannelScale(int32_t multiplier, int32_t shift)
      : m(vdupq_n_s32(multiplier)), l(vdupq_n_s32(shift < 0 ? -shift : 0)),
        r(vdupq_n_s32(shift > 0 ? -shift : 0)) {}
  int32x4_t operator()(int32x4_t v) const {
    return sizeof(Out) < 4 ? scale<Left>(v, m, l, r) : v;
  }
};

/* The blocked product: a[2i + h] (i < 8, h < 2) += the dot products of
 * lane item i of `l` with the four vector items 4h..4h+3 of `v`, over
 * `steps` steps of 4 taps; both operands packed [steps][8 items][4 taps]. */
#define QCC_DOT_ITEM(i, lv, lane)                                              \
  a[2 * i] = QCC_DOT(a[2 * i], v0, lv, lane);                                  \
  a[2 * i + 1] = QCC_DOT(a[2 * i + 1], v1, lv, lane);

[[gnu::always_inline]] static inline void
dot8x8(const int8_t *l, const int8_t *v, int64_t steps, int32x4_t *a) {
#ifdef __clang__
#pragma clang loop unroll_count(4)
#endif
  for (int64_t k = 0; k < steps; ++k, l += 32, v += 32) {
    int8x16_t l0 = vld1q_s8(l), l1 = vld1q_s8(l + 16);
    int8x16_t v0 = vld1q_s8(v), v1 = vld1q_s8(v + 16);
    QCC_DOT_ITEM(0, l0, 0)
    QCC_DOT_ITEM(1, l0, 1)
    QCC_DOT_ITEM(2, l0, 2)
    QCC_DOT_ITEM(3, l0, 3)
    QCC_DOT_ITEM(4, l1, 0)
    QCC_DOT_ITEM(5, l1, 1)
    QCC_DOT_ITEM(6, l1, 2)
    QCC_DOT_ITEM(7, l1, 3)
  }
}
#undef QCC_DOT_ITEM

/* Copies n bytes in vectors, the last one overlapping the one before. */
static inline void copy_bytes(const int8_t *x, int8_t *y, int64_t n) {
  if (n >= 16) {
    for (int64_t i = 0; i + 16 < n; i += 16)
      vst1q_s8(y + i, vld1q_s8(x + i));
    vst1q_s8(y + n - 16, vld1q_s8(x + n - 16));
  } else if (n >= 8) {
    vst1_s8(y, vld1_s8(x));
    vst1_s8(y + n - 8, vld1_s8(x + n - 8));
  } else {
    for (int64_t i = 0; i < n; ++i)
      y[i] = x[i];
  }
}

/* Rows of padded copies: filled with the zero point once, after which
 * only the inside of a row (the input row, at column `left`) is written,
 * so that the padding stays. A row shorter than 16 bytes is copied as one
 * vector (its tail kept by a mask) when reading 16 bytes from it stays
 * inside the input (up to `end`). */
struct PaddedRows {
  int8x16_t zx, mask;
  int64_t left, length, width;
  const int8_t *end;
  PaddedRows(int8_t zero, int64_t left, int64_t length, int64_t width,
             const int8_t *end)
      : zx(vdupq_n_s8(zero)), left(left),
        length(length < width - left ? length : width - left), width(width),
        end(end) {
    int8_t m[16];
    for (int i = 0; i < 16; ++i)
      m[i] = i < this->length ? -1 : 0;
    mask = vld1q_s8(m);
  }
  void fill(int8_t *y, int64_t rows) const {
    for (int64_t i = 0; i < rows * width; i += 16)
      vst1q_s8(y + i, zx);
  }
  void copy(const int8_t *row, int8_t *y) const {
    if (length <= 0)
      return;
    y += left;
    if (length < 16 && row + 16 <= end && left + 16 <= width)
      vst1q_s8(y,
               vbslq_s8(vreinterpretq_u8_s8(mask), vld1q_s8(row), vld1q_s8(y)));
    else
      copy_bytes(row, y, length);
  }
};

/* The patches of 8 output positions packed [steps][8][4]: tap t of
 * position i is base[taps[t] + i * S] (S = 1 or 2: vector loads of 8 or 16
 * bytes, which stay inside the band or plane); taps past k are 0. */
template <int S>
static inline void pack_taps(const int8_t *base, const int32_t *taps, int64_t k,
                             int8_t *block) {
  auto load = [&](int64_t t) {
    return S == 1 ? vld1_s8(base + taps[t]) : vld2_s8(base + taps[t]).val[0];
  };
  int64_t t = 0;
  for (; t + 4 <= k; t += 4, block += 32) {
    int8x8x4_t v = {{load(t), load(t + 1), load(t + 2), load(t + 3)}};
    vst4_s8(block, v);
  }
  if (t < k) {
    int8x8x4_t v = {{vdup_n_s8(0), vdup_n_s8(0), vdup_n_s8(0), vdup_n_s8(0)}};
    for (int j = 0; t + j < k; ++j)
      v.val[j] = load(t + j);
    vst4_s8(block, v);
  }
}

/* The same for any stride, or `count` < 8 positions at the end of a plane
 * read in place (the others 0). */
static inline void pack_taps_gather(const int8_t *base, const int32_t *taps,
                                    int64_t k, int64_t stride, int64_t count,
                                    int8_t *block) {
  for (int64_t t = 0; t < align_up(k, 4); ++t)
    for (int64_t i = 0; i < 8; ++i)
      block[t / 4 * 32 + i * 4 + t % 4] =
          t < k && i < count ? base[taps[t] + i * stride] : 0;
}

/* conv2d with groups 1 on int8 values, `packed` weights [features / 8]
 * [steps][8][4] (features padded to 8 and taps to 4 with zeros) and a bias
 * with zx * sum(w) folded in, so that the products run on stored values.
 * Per output row, the input rows it reads are copied with zx in the padding
 * (the band, `taps[k]` the offset of tap k's first value in it; a 1x1
 * stride-1 convolution reads its input in place, taps[k] = k * plane);
 * per block of 8 output positions their patches are packed [steps][8][4]
 * and multiplied 8 features at a time. */
template <typename Out, bool Left>
void conv2d_gemm(const int8_t *x, int8_t zx, const int8_t *packed,
                 const int32_t *bias, Out *y, const Conv2DShape &shape,
                 const int32_t *taps, const Epilogue &epilogue,
                 int8_t *scratch) {
  const Conv2DShape s = shape; // in registers: int8 stores may alias it
  const Epilogue e = epilogue; // in registers, not reloaded after stores
  const Store<Out> store(e);
  bool flat = conv_is_flat(s);
  int64_t rows = flat ? 1 : s.out_h, width = flat ? s.out_h * s.out_w : s.out_w;
  int64_t plane = s.height * s.width, k = s.channels * s.kernel_h * s.kernel_w;
  int64_t steps = conv_steps(s), bandW = flat ? 0 : conv_band_width(s);
  int64_t sw = flat ? 1 : s.stride_w;
  int8_t *band = scratch;
  int8_t *block =
      scratch + align_up(flat ? 0 : s.channels * s.kernel_h * bandW, 16);
  const PaddedRows padded(zx, s.pad_left, s.width, bandW,
                          x + s.batch * s.channels * plane);
  if (!flat)
    padded.fill(band, s.channels * s.kernel_h);
  for (int64_t n = 0; n < s.batch; ++n) {
    const int8_t *image = x + n * s.channels * plane;
    for (int64_t oh = 0; oh < rows; ++oh) {
      const int8_t *source = image;
      if (!flat) {
        // Band rows outside the input hold zx, the others the input row.
        for (int64_t c = 0; c < s.channels; ++c)
          for (int64_t kh = 0; kh < s.kernel_h; ++kh) {
            int64_t ih = oh * s.stride_h - s.pad_top + kh * s.dilation_h;
            int8_t *row = band + (c * s.kernel_h + kh) * bandW;
            if (ih < 0 || ih >= s.height)
              padded.fill(row, 1);
            else
              padded.copy(image + c * plane + ih * s.width, row);
          }
        source = band;
      }
      for (int64_t ow = 0; ow < width; ow += 8) {
        int64_t count = width - ow < 8 ? width - ow : 8;
        const int8_t *base = source + ow * sw;
        if (sw == 1 && (!flat || ow + 8 <= width))
          pack_taps<1>(base, taps, k, block);
        else if (sw == 2)
          pack_taps<2>(base, taps, k, block);
        else
          pack_taps_gather(base, taps, k, sw, count, block);
        for (int64_t f = 0; f < s.features; f += 8) {
          // The bias and requantization parameters of the 8 features in
          // vectors, taken by lane.
          int32x4_t a[16];
          int32x4_t b0 = vld1q_s32(bias + f), b1 = vld1q_s32(bias + f + 4);
#define QCC_INIT(i, b, lane) a[2 * i] = a[2 * i + 1] = vdupq_laneq_s32(b, lane);
          QCC_INIT(0, b0, 0)
          QCC_INIT(1, b0, 1)
          QCC_INIT(2, b0, 2)
          QCC_INIT(3, b0, 3)
          QCC_INIT(4, b1, 0)
          QCC_INIT(5, b1, 1)
          QCC_INIT(6, b1, 2)
          QCC_INIT(7, b1, 3)
#undef QCC_INIT
          dot8x8(packed + f * steps * 4, block, steps, a);
          int64_t last = s.features - f < 8 ? s.features - f : 8;
          Out *out = y + (n * s.features + f) * rows * width + oh * width + ow;
          const TileScale<Out, Left> scale(e, f);
          // Unrolled, so that the sums stay in registers.
#define QCC_FINISH(i, n)                                                       \
  if (i < last)                                                                \
    store(out + i * rows * width, scale.template apply<i>(a[2 * i]),           \
          scale.template apply<i>(a[2 * i + 1]), n);
#define QCC_FINISH_PAIR(i)                                                     \
  store.pair(out + i * rows * width, out + (i + 1) * rows * width,             \
             scale.template apply<i>(a[2 * i]),                                \
             scale.template apply<i>(a[2 * i + 1]),                            \
             scale.template apply<i + 1>(a[2 * i + 2]),                        \
             scale.template apply<i + 1>(a[2 * i + 3]));
          // Whole vectors where the values past the row stay inside the
          // feature's plane: they belong to rows written later.
          int64_t stored = oh * width + ow + 8 <= rows * width ? 8 : count;
          if (stored == 8 && last == 8) { // the common case, branch-free
            QCC_FINISH_PAIR(0)
            QCC_FINISH_PAIR(2)
            QCC_FINISH_PAIR(4)
            QCC_FINISH_PAIR(6)
          } else {
            QCC_FINISH(0, stored)
            QCC_FINISH(1, stored)
            QCC_FINISH(2, stored)
            QCC_FINISH(3, stored)
            QCC_FINISH(4, stored)
            QCC_FINISH(5, stored)
            QCC_FINISH(6, stored)
            QCC_FINISH(7, stored)
          }
#undef QCC_FINISH_PAIR
#undef QCC_FINISH
        }
      }
    }
  }
}

/* Packs rows r..r+7 of x [rows, k] as [steps][8][4] (rows past the end
 * repeat the last one; taps past k are 0). */
static inline void pack_rows(const int8_t *x, int64_t rows, int64_t k,
                             int64_t r, int8_t *block) {
  const int8_t *row[8];
  for (int i = 0; i < 8; ++i)
    row[i] = x + (r + i < rows ? r + i : rows - 1) * k;
  int64_t p = 0;
  for (; p + 16 <= k; p += 16, block += 128) {
    int32x4_t q[8];
    for (int i = 0; i < 8; ++i)
      q[i] = vreinterpretq_s32_s8(vld1q_s8(row[i] + p));
    for (int half = 0; half < 2; ++half) {
      int32x4_t *h = q + 4 * half;
      int32x4_t t0 = vtrn1q_s32(h[0], h[1]), t1 = vtrn2q_s32(h[0], h[1]);
      int32x4_t t2 = vtrn1q_s32(h[2], h[3]), t3 = vtrn2q_s32(h[2], h[3]);
      int64x2_t u0 = vreinterpretq_s64_s32(t0), u1 = vreinterpretq_s64_s32(t1);
      int64x2_t u2 = vreinterpretq_s64_s32(t2), u3 = vreinterpretq_s64_s32(t3);
      int8_t *d = block + 16 * half;
      vst1q_s8(d, vreinterpretq_s8_s64(vtrn1q_s64(u0, u2)));
      vst1q_s8(d + 32, vreinterpretq_s8_s64(vtrn1q_s64(u1, u3)));
      vst1q_s8(d + 64, vreinterpretq_s8_s64(vtrn2q_s64(u0, u2)));
      vst1q_s8(d + 96, vreinterpretq_s8_s64(vtrn2q_s64(u1, u3)));
    }
  }
  for (; p < k; p += 4, block += 32)
    for (int i = 0; i < 8; ++i)
      for (int j = 0; j < 4; ++j)
        block[i * 4 + j] = p + j < k ? row[i][p + j] : 0;
}

/* y[r, j] = finish(bias[j] + sum over p of x[r, p] w[j, p]) on int8 rows,
 * blocks of 8 rows against `packed` weights [n / 8][steps][8][4] (the bias
 * has zx * sum(w) folded in). */
template <typename Out, bool Left>
void matmul_gemm(const int8_t *x, const int8_t *packed, const int32_t *bias,
                 Out *y, int64_t rows, int64_t n, int64_t k,
                 const Epilogue &epilogue, int8_t *scratch) {
  const Epilogue e = epilogue; // in registers, not reloaded after stores
  const Store<Out> store(e);
  int64_t steps = (k + 3) / 4;
  for (int64_t r = 0; r < rows; r += 8) {
    pack_rows(x, rows, k, r, scratch);
    int64_t count = rows - r < 8 ? rows - r : 8;
    for (int64_t j = 0; j < n; j += 8) {
      int32x4_t a[16];
      int32x4_t b0 = vld1q_s32(bias + j), b1 = vld1q_s32(bias + j + 4);
      for (int i = 0; i < 8; ++i) {
        a[2 * i] = b0;
        a[2 * i + 1] = b1;
      }
      dot8x8(scratch, packed + j * steps * 4, steps, a);
      int64_t last = n - j < 8 ? n - j : 8;
      const TileScale<Out, Left> scale(e, j);
      for (int i = 0; i < 16; ++i)
        a[i] = scale.quad(a[i], i % 2);
      Out *out = y + r * n + j;
      if (count == 8 && last == 8) { // the common case, branch-free
        for (int i = 0; i < 8; i += 2)
          store.pair(out + i * n, out + (i + 1) * n, a[2 * i], a[2 * i + 1],
                     a[2 * i + 2], a[2 * i + 3]);
      } else {
#define QCC_STORE(i)                                                           \
  if (i < count)                                                               \
    store(out + i * n, a[2 * i], a[2 * i + 1], last);
        QCC_STORE(0)
        QCC_STORE(1)
        QCC_STORE(2)
        QCC_STORE(3)
        QCC_STORE(4)
        QCC_STORE(5)
        QCC_STORE(6)
        QCC_STORE(7)
#undef QCC_STORE
      }
    }
  }
}

/* One row (of a fully connected layer with few rows) against weights
 * packed in blocks of 4 outputs x 4 taps along the depth (padded to 16):
 * [n / 4][kp / 16][4 taps][4 outputs][4]. */
template <typename Out, bool Left>
void dot_row(const int8_t *x, const int8_t *packed, const int32_t *bias, Out *y,
             int64_t n, int64_t kp, const Epilogue &epilogue) {
  const Epilogue e = epilogue; // in registers, not reloaded after stores
  const Store<Out> store(e);
  for (int64_t o = 0; o < n; o += 8) {
    int32x4_t s0 = vld1q_s32(bias + o), s1 = vld1q_s32(bias + o + 4);
    const int8_t *w0 = packed + o * kp, *w1 = w0 + 4 * kp;
    for (int64_t k = 0; k < kp; k += 16, w0 += 64, w1 += 64) {
      int8x16_t v = vld1q_s8(x + k);
      s0 = QCC_DOT(s0, vld1q_s8(w0), v, 0);
      s1 = QCC_DOT(s1, vld1q_s8(w1), v, 0);
      s0 = QCC_DOT(s0, vld1q_s8(w0 + 16), v, 1);
      s1 = QCC_DOT(s1, vld1q_s8(w1 + 16), v, 1);
      s0 = QCC_DOT(s0, vld1q_s8(w0 + 32), v, 2);
      s1 = QCC_DOT(s1, vld1q_s8(w1 + 32), v, 2);
      s0 = QCC_DOT(s0, vld1q_s8(w0 + 48), v, 3);
      s1 = QCC_DOT(s1, vld1q_s8(w1 + 48), v, 3);
    }
    const TileScale<Out, Left> scale(e, o);
    store(y + o, scale.quad(s0, 0), scale.quad(s1, 1), n - o < 8 ? n - o : 8);
  }
}

/* fully_connected / matmul by a constant on few int8 rows through dot_row
 * (a row whose depth is not a multiple of 16 copied into `scratch` with
 * zeros after it). */
template <typename Out, bool Left>
void dot_rows(const int8_t *x, const int8_t *packed, const int32_t *bias,
              Out *y, int64_t rows, int64_t n, int64_t k, int64_t kp,
              const Epilogue &epilogue, int8_t *scratch) {
  for (int64_t r = 0; r < rows; ++r) {
    const int8_t *row = x + r * k;
    if (k != kp) {
      copy_bytes(row, scratch, k);
      for (int64_t p = k; p < kp; ++p)
        scratch[p] = 0;
      row = scratch;
    }
    dot_row<Out, Left>(row, packed, bias, y + r * n, n, kp, epilogue);
  }
}

/* A depthwise convolution (groups = channels = features) on int8 values:
 * each plane copied with zx in the padding into `scratch`; per output row,
 * blocks of 12 positions as 3 vectors of 4 sums, each sum a dot product of
 * 4 taps of a kernel row gathered by a table lookup (`index`: 3 x 16 byte
 * positions, 4 taps of each of 4 outputs) against the packed weights
 * [channels][pieces / 4][4 pieces][4 taps], a piece being 4 taps of one
 * kernel row (pieces = kernel_h * chunks, padded to 4). `offsets[p]` is
 * piece p's first value in the copy, relative to the block's. With P > 0
 * pieces (at most 4: a 3x3 kernel has 3) the loops unroll and the weights
 * and offsets stay in registers; P = 0 handles any number. */
template <int G, int P>
[[gnu::always_inline]] static inline void
depthwise_block(const int8_t *src, int64_t pieces, const int32_t *offsets,
                const int8_t *w, const int8x16_t *index, int32x4_t *acc) {
  int64_t count = P ? P : pieces;
  for (int64_t p = 0; p < count; p += 4, w += 16) {
    int8x16_t wv = vld1q_s8(w);
#define QCC_DW_PIECE(lane)                                                     \
  if (p + lane < count) {                                                      \
    int8x16x2_t t = vld1q_s8_x2(src + offsets[p + lane]);                      \
    acc[0] = QCC_DOT(acc[0], vqtbl2q_s8(t, index[0]), wv, lane);               \
    if (G > 1)                                                                 \
      acc[1] = QCC_DOT(acc[1], vqtbl2q_s8(t, index[1]), wv, lane);             \
    if (G > 2)                                                                 \
      acc[2] = QCC_DOT(acc[2], vqtbl2q_s8(t, index[2]), wv, lane);             \
  }
    QCC_DW_PIECE(0)
    QCC_DW_PIECE(1)
    QCC_DW_PIECE(2)
    QCC_DW_PIECE(3)
#undef QCC_DW_PIECE
  }
}

template <typename Out, bool Left, int P>
void depthwise_planes(const int8_t *x, int8_t zx, const int8_t *packed,
                      const int32_t *bias, Out *y, const Conv2DShape &shape,
                      const int32_t *offsets, const uint8_t *index,
                      const Epilogue &epilogue, int8_t *scratch) {
  const Conv2DShape s = shape; // in registers: int8 stores may alias it
  const Epilogue e = epilogue; // in registers, not reloaded after stores
  const Store<Out> store(e);
  int64_t pw = depthwise_plane_width(s), ph = depthwise_plane_rows(s);
  int64_t pieces = s.kernel_h * depthwise_chunks(s);
  int64_t wstride = align_up(pieces, 4) * 4;
  int64_t outW = s.out_w, rowStep = s.stride_h * pw, colStep = s.stride_w;
  // With few pieces their offsets stay in registers.
  int32_t local[4] = {0, 0, 0, 0};
  for (int64_t p = 0; P && p < P; ++p)
    local[p] = offsets[p];
  const int32_t *off = P ? local : offsets;
  int8x16_t idx[3] = {vld1q_s8((const int8_t *)index),
                      vld1q_s8((const int8_t *)index + 16),
                      vld1q_s8((const int8_t *)index + 32)};
  const PaddedRows padded(zx, s.pad_left, s.width, pw,
                          x + s.batch * s.channels * s.height * s.width);
  padded.fill(scratch, ph);
  const Out *end = y + s.batch * s.channels * s.out_h * s.out_w;
  for (int64_t n = 0; n < s.batch; ++n)
    for (int64_t c = 0; c < s.channels; ++c) {
      const int8_t *plane = x + (n * s.channels + c) * s.height * s.width;
      // Rows pad_top.. of the copy hold the plane, the others stay zx.
      for (int64_t ih = 0; ih < s.height && ih + s.pad_top < ph; ++ih)
        padded.copy(plane + ih * s.width, scratch + (ih + s.pad_top) * pw);
      const int8_t *w = packed + c * wstride;
      Out *out = y + (n * s.channels + c) * s.out_h * outW;
      int32x4_t b = vld1q_dup_s32(bias + c);
      ChannelScale<Out, Left> scale(e, c);
      for (int64_t oh = 0; oh < s.out_h; ++oh, out += outW) {
        const int8_t *row = scratch + oh * rowStep;
        int64_t ow = 0;
        for (; ow + 12 <= outW; ow += 12) {
          int32x4_t acc[3] = {b, b, b};
          depthwise_block<3, P>(row + ow * colStep, pieces, off, w, idx, acc);
          store(out + ow, scale(acc[0]), scale(acc[1]), 8);
          store(out + ow + 8, scale(acc[2]), scale(acc[2]), 4);
        }
        int64_t rest = outW - ow;
        if (rest > 0) {
          int32x4_t acc[3] = {b, b, b};
          if (rest > 8)
            depthwise_block<3, P>(row + ow * colStep, pieces, off, w, idx, acc);
          else if (rest > 4)
            depthwise_block<2, P>(row + ow * colStep, pieces, off, w, idx, acc);
          else
            depthwise_block<1, P>(row + ow * colStep, pieces, off, w, idx, acc);
          // Whole vectors where the bytes past the row stay inside the
          // output: they belong to rows written later.
          bool room = out + ow + 16 <= end;
          store(out + ow, scale(acc[0]), scale(acc[1]),
                room || rest >= 8 ? 8 : rest);
          if (rest > 8)
            store(out + ow + 8, scale(acc[2]), scale(acc[2]),
                  room ? 8 : rest - 8);
        }
      }
    }
}

template <typename Out, bool Left>
void depthwise_dot(const int8_t *x, int8_t zx, const int8_t *packed,
                   const int32_t *bias, Out *y, const Conv2DShape &s,
                   const int32_t *offsets, const uint8_t *index,
                   const Epilogue &epilogue, int8_t *scratch) {
  switch (s.kernel_h * depthwise_chunks(s)) {
  case 1:
    return depthwise_planes<Out, Left, 1>(x, zx, packed, bias, y, s, offsets,
                                          index, epilogue, scratch);
  case 2:
    return depthwise_planes<Out, Left, 2>(x, zx, packed, bias, y, s, offsets,
                                          index, epilogue, scratch);
  case 3:
    return depthwise_planes<Out, Left, 3>(x, zx, packed, bias, y, s, offsets,
                                          index, epilogue, scratch);
  case 4:
    return depthwise_planes<Out, Left, 4>(x, zx, packed, bias, y, s, offsets,
                                          index, epilogue, scratch);
  default:
    return depthwise_planes<Out, Left, 0>(x, zx, packed, bias, y, s, offsets,
                                          index, epilogue, scratch);
  }
}

/* a / s in every lane (IEEE division, as the scalar code). */
static inline float32x4_t divide(float32x4_t a, float s) {
#ifdef __ARM_NEON
  return vdivq_f32(a, vdupq_n_f32(s));
#else
  float t[4];
  vst1q_f32(t, a);
  for (int i = 0; i < 4; ++i)
    t[i] /= s;
  return vld1q_f32(t);
#endif
}

/* quantize to int8 (kernels.h's rounding, saturation and NaN rule). */
static inline void quantize(const float *x, int8_t *q, int64_t n, float scale,
                            int32_t zp, int32_t qmin, int32_t qmax) {
  int64_t i = 0;
  float32x4_t hi = vdupq_n_f32(1073741824.0f), lo = vdupq_n_f32(-1073741824.0f);
  int32x4_t z = vdupq_n_s32(zp);
  int8x8_t qlo = vdup_n_s8((int8_t)qmin), qhi = vdup_n_s8((int8_t)qmax);
  for (; i + 8 <= n; i += 8) {
    int32x4_t r[2];
    for (int h = 0; h < 2; ++h) {
      float32x4_t v = divide(vld1q_f32(x + i + 4 * h), scale);
      uint32x4_t number = vceqq_f32(v, v);
      v = vminq_f32(vmaxq_f32(v, lo), hi);
      int32x4_t t = vqaddq_s32(vcvtq_s32_f32(vrndnq_f32(v)), z);
      r[h] = vandq_s32(t, vreinterpretq_s32_u32(number));
    }
    int8x8_t o = vqmovn_s16(vqmovn_high_s32(vqmovn_s32(r[0]), r[1]));
    vst1_s8(q + i, vmin_s8(vmax_s8(o, qlo), qhi));
  }
  qcc_rt::quantize<int8_t>(x + i, q + i, n - i, scale, zp, qmin, qmax);
}

/* The maxima of 16 (or 8) windows of output row oh from output ow on,
 * when they lie inside their input rows. */
template <int N>
static inline bool max_windows(const int8_t *plane, int8_t *out,
                               const Pool2DShape &s, int64_t oh, int64_t ow) {
  int64_t first = ow * s.stride_w - s.pad_left;
  if (ow + N > s.out_w || s.stride_w > 2 || first < 0 ||
      first + (s.kernel_w - 1) * s.dilation_w + N * s.stride_w > s.width)
    return false;
  int8x16_t best = vdupq_n_s8(-128);
  for (int64_t kh = 0; kh < s.kernel_h; ++kh) {
    int64_t ih = oh * s.stride_h - s.pad_top + kh * s.dilation_h;
    if (ih < 0 || ih >= s.height)
      continue;
    for (int64_t kw = 0; kw < s.kernel_w; ++kw) {
      const int8_t *at = plane + ih * s.width + first + kw * s.dilation_w;
      int8x16_t v;
      if (N == 16)
        v = s.stride_w == 1 ? vld1q_s8(at) : vld2q_s8(at).val[0];
      else
        v = vcombine_s8(s.stride_w == 1 ? vld1_s8(at) : vld2_s8(at).val[0],
                        vdup_n_s8(-128));
      best = vmaxq_s8(best, v);
    }
  }
  if (N == 16)
    vst1q_s8(out + ow, best);
  else
    vst1_s8(out + ow, vget_low_s8(best));
  return true;
}

/* max_pool2d on int8 values: runs of 16 or 8 outputs whose windows lie
 * inside their rows (stride 1 or 2) in vectors, the others one by one. */
static inline void max_pool2d(const int8_t *x, int8_t *y,
                              const Pool2DShape &shape) {
  const Pool2DShape s = shape; // in registers: int8 stores may alias it
  for (int64_t p = 0; p < s.planes; ++p)
    for (int64_t oh = 0; oh < s.out_h; ++oh) {
      const int8_t *plane = x + p * s.height * s.width;
      int8_t *out = y + (p * s.out_h + oh) * s.out_w;
      for (int64_t ow = 0; ow < s.out_w;) {
        if (max_windows<16>(plane, out, s, oh, ow))
          ow += 16;
        else if (max_windows<8>(plane, out, s, oh, ow))
          ow += 8;
        else
          out[ow] = qcc_rt::max_window<int8_t>(plane, s, oh, ow, -128), ++ow;
      }
    }
}

/* Four int32 lanes of stored int8 values minus their zero point. */
static inline void centered(const int8_t *x, int32_t zp, int32x4_t *lanes) {
  int16x8_t v = vsubq_s16(vmovl_s8(vld1_s8(x)), vdupq_n_s16((int16_t)zp));
  lanes[0] = vmovl_s16(vget_low_s16(v));
  lanes[1] = vmovl_high_s16(v);
}

/* add, sub or mul (BinaryParams) of two int8 operands of the same shape. */
static inline void binary(const int8_t *a, const int8_t *b, int8_t *y,
                          int64_t n, const BinaryParams &params) {
  const BinaryParams p = params; // in registers, not reloaded after stores
  const Store<int8_t> store(
      {nullptr, nullptr, nullptr, nullptr, p.zy, p.qmin, p.qmax});
  const ChannelScale<int8_t, true> sa(p.a_multiplier, p.a_shift),
      sb(p.b_multiplier, p.b_shift), sy(p.multiplier, p.out_shift);
  int32x4_t shift = vdupq_n_s32(p.shift), down = vdupq_n_s32(-p.shift);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    int32x4_t x[2], w[2], r[2];
    centered(a + i, p.za, x);
    centered(b + i, p.zb, w);
    for (int h = 0; h < 2; ++h) {
      int32x4_t combined;
      if (p.mul) {
        combined = vrshlq_s32(vmulq_s32(x[h], w[h]), down);
      } else {
        int32x4_t rx = sa(vqshlq_s32(x[h], shift));
        int32x4_t rw = sb(vqshlq_s32(w[h], shift));
        combined = p.subtract ? vsubq_s32(rx, rw) : vaddq_s32(rx, rw);
      }
      r[h] = sy(combined);
    }
    store(y + i, r[0], r[1], 8);
  }
  for (; i < n; ++i)
    y[i] = (int8_t)binary_element(a[i], b[i], p);
}

} // namespace neon
#endif // QCC_NEON

} // namespace qcc_rt

#endif // QCC_RUNTIME_NEON_H
