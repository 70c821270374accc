//===- Kernels.cpp - Loops of the reference interpreter -------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Kernels.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace qcc::kernels {

namespace {
/// Multiply-add that wraps for int32 (no undefined overflow).
inline float madd(float acc, float a, float b) { return acc + a * b; }
inline int32_t madd(int32_t acc, int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(acc) +
                              static_cast<uint32_t>(a) *
                                  static_cast<uint32_t>(b));
}
} // namespace

template <typename T>
void gemm(int64_t m, int64_t n, int64_t k, const T *a, int64_t lda, const T *b,
          int64_t ldb, T *c, int64_t ldc) {
  // Blocks of 4 rows of C by 256 columns stay in L1 while the whole of K
  // streams through; the inner loop over columns vectorizes.
  constexpr int64_t kColumns = 256;
  for (int64_t j0 = 0; j0 < n; j0 += kColumns) {
    int64_t nb = std::min(kColumns, n - j0);
    int64_t i = 0;
    for (; i + 4 <= m; i += 4) {
      T *c0 = c + i * ldc + j0, *c1 = c0 + ldc, *c2 = c1 + ldc, *c3 = c2 + ldc;
      for (int64_t p = 0; p < k; ++p) {
        T a0 = a[i * lda + p], a1 = a[(i + 1) * lda + p],
          a2 = a[(i + 2) * lda + p], a3 = a[(i + 3) * lda + p];
        const T *row = b + p * ldb + j0;
        for (int64_t j = 0; j < nb; ++j) {
          c0[j] = madd(c0[j], a0, row[j]);
          c1[j] = madd(c1[j], a1, row[j]);
          c2[j] = madd(c2[j], a2, row[j]);
          c3[j] = madd(c3[j], a3, row[j]);
        }
      }
    }
    for (; i < m; ++i) {
      T *c0 = c + i * ldc + j0;
      for (int64_t p = 0; p < k; ++p) {
        T a0 = a[i * lda + p];
        const T *row = b + p * ldb + j0;
        for (int64_t j = 0; j < nb; ++j)
          c0[j] = madd(c0[j], a0, row[j]);
      }
    }
  }
}

template <typename T>
void gemmTransposedB(int64_t m, int64_t n, int64_t k, const T *a, const T *b,
                     T *c) {
  // Eight partial sums per dot product vectorize without reassociating
  // floating point behind the compiler's back.
  for (int64_t i = 0; i < m; ++i) {
    const T *row = a + i * k;
    for (int64_t j = 0; j < n; ++j) {
      const T *col = b + j * k;
      T partial[8] = {};
      int64_t p = 0;
      for (; p + 8 <= k; p += 8)
        for (int q = 0; q < 8; ++q)
          partial[q] = madd(partial[q], row[p + q], col[p + q]);
      T sum = c[i * n + j];
      for (int q = 0; q < 8; ++q)
        sum = madd(sum, partial[q], T(1));
      for (; p < k; ++p)
        sum = madd(sum, row[p], col[p]);
      c[i * n + j] = sum;
    }
  }
}

template <typename T>
static void depthwise(const T *x, const T *w, T *y, const Conv2DShape &s,
                      int64_t inChannel, int64_t feature) {
  const T *plane = x + inChannel * s.height * s.width;
  const T *kernel = w + feature * s.kernel_h * s.kernel_w;
  T *out = y + feature * s.out_h * s.out_w;
  for (int64_t oh = 0; oh < s.out_h; ++oh) {
    for (int64_t ow = 0; ow < s.out_w; ++ow) {
      T acc = out[oh * s.out_w + ow];
      for (int64_t kh = 0; kh < s.kernel_h; ++kh) {
        int64_t ih = oh * s.stride_h - s.pad_top + kh * s.dilation_h;
        if (ih < 0 || ih >= s.height)
          continue;
        for (int64_t kw = 0; kw < s.kernel_w; ++kw) {
          int64_t iw = ow * s.stride_w - s.pad_left + kw * s.dilation_w;
          if (iw < 0 || iw >= s.width)
            continue;
          acc =
              madd(acc, plane[ih * s.width + iw], kernel[kh * s.kernel_w + kw]);
        }
      }
      out[oh * s.out_w + ow] = acc;
    }
  }
}

template <typename T>
void conv2d(const T *x, const T *w, const T *bias, T *y, const Conv2DShape &s) {
  int64_t cg = s.channels / s.groups, fg = s.features / s.groups;
  int64_t spatial = s.out_h * s.out_w;
  int64_t patch = cg * s.kernel_h * s.kernel_w;
  bool pointwise = qcc_rt::conv_is_flat(s);
  std::vector<T> columns(pointwise || cg == 1 ? 0 : patch * spatial);
  for (int64_t n = 0; n < s.batch; ++n) {
    const T *image = x + n * s.channels * s.height * s.width;
    T *out = y + n * s.features * spatial;
    for (int64_t f = 0; f < s.features; ++f)
      std::fill(out + f * spatial, out + (f + 1) * spatial,
                bias ? bias[f] : T(0));
    for (int64_t g = 0; g < s.groups; ++g) {
      const T *in = image + g * cg * s.height * s.width;
      if (cg == 1) {
        for (int64_t f = g * fg; f < (g + 1) * fg; ++f)
          depthwise(image, w, out, s, g, f);
        continue;
      }
      const T *cols = in;
      if (!pointwise) {
        // im2col: one row per (channel, kh, kw), one column per output pixel.
        T *row = columns.data();
        for (int64_t c = 0; c < cg; ++c)
          for (int64_t kh = 0; kh < s.kernel_h; ++kh)
            for (int64_t kw = 0; kw < s.kernel_w; ++kw, row += spatial)
              for (int64_t oh = 0; oh < s.out_h; ++oh) {
                int64_t ih = oh * s.stride_h - s.pad_top + kh * s.dilation_h;
                for (int64_t ow = 0; ow < s.out_w; ++ow) {
                  int64_t iw = ow * s.stride_w - s.pad_left + kw * s.dilation_w;
                  row[oh * s.out_w + ow] =
                      ih >= 0 && ih < s.height && iw >= 0 && iw < s.width
                          ? in[(c * s.height + ih) * s.width + iw]
                          : T(0);
                }
              }
        cols = columns.data();
      }
      gemm(fg, spatial, patch, w + g * fg * patch, patch, cols, spatial,
           out + g * fg * spatial, spatial);
    }
  }
}

template <typename T>
void convTranspose2d(const T *x, const T *w, const T *bias, T *y,
                     const Conv2DShape &s) {
  int64_t cg = s.channels / s.groups, fg = s.features / s.groups;
  int64_t outSpatial = s.out_h * s.out_w;
  for (int64_t n = 0; n < s.batch; ++n) {
    T *out = y + n * s.features * outSpatial;
    for (int64_t f = 0; f < s.features; ++f)
      std::fill(out + f * outSpatial, out + (f + 1) * outSpatial,
                bias ? bias[f] : T(0));
    for (int64_t c = 0; c < s.channels; ++c) {
      int64_t g = c / cg;
      const T *plane = x + (n * s.channels + c) * s.height * s.width;
      for (int64_t fl = 0; fl < fg; ++fl) {
        const T *kernel = w + (c * fg + fl) * s.kernel_h * s.kernel_w;
        T *target = out + (g * fg + fl) * outSpatial;
        for (int64_t ih = 0; ih < s.height; ++ih)
          for (int64_t kh = 0; kh < s.kernel_h; ++kh) {
            int64_t oh = ih * s.stride_h - s.pad_top + kh * s.dilation_h;
            if (oh < 0 || oh >= s.out_h)
              continue;
            for (int64_t iw = 0; iw < s.width; ++iw) {
              T v = plane[ih * s.width + iw];
              for (int64_t kw = 0; kw < s.kernel_w; ++kw) {
                int64_t ow = iw * s.stride_w - s.pad_left + kw * s.dilation_w;
                if (ow >= 0 && ow < s.out_w)
                  target[oh * s.out_w + ow] =
                      madd(target[oh * s.out_w + ow], v,
                           kernel[kh * s.kernel_w + kw]);
              }
            }
          }
      }
    }
  }
}

template void gemm(int64_t, int64_t, int64_t, const float *, int64_t,
                   const float *, int64_t, float *, int64_t);
template void gemm(int64_t, int64_t, int64_t, const int32_t *, int64_t,
                   const int32_t *, int64_t, int32_t *, int64_t);
template void gemmTransposedB(int64_t, int64_t, int64_t, const float *,
                              const float *, float *);
template void gemmTransposedB(int64_t, int64_t, int64_t, const int32_t *,
                              const int32_t *, int32_t *);
template void conv2d(const float *, const float *, const float *, float *,
                     const Conv2DShape &);
template void conv2d(const int32_t *, const int32_t *, const int32_t *,
                     int32_t *, const Conv2DShape &);
template void convTranspose2d(const float *, const float *, const float *,
                              float *, const Conv2DShape &);
template void convTranspose2d(const int32_t *, const int32_t *, const int32_t *,
                              int32_t *, const Conv2DShape &);

} // namespace qcc::kernels
