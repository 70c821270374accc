//===- Kernels.h - Loops of the reference interpreter -----------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Typed, blocked loops on raw buffers; the interpreter picks one per op when
// it compiles a function, so no loop dispatches per element.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_LIB_INTERPRETER_KERNELS_H
#define QCC_LIB_INTERPRETER_KERNELS_H

#include "qcc/Runtime/kernels.h"

#include <cstdint>

namespace qcc::kernels {

/// C[M, N] += A[M, K] * B[K, N], all row-major with the given row strides.
/// T is float or int32_t (int32 wraps, as the accumulators of integer
/// hardware do).
template <typename T>
void gemm(int64_t m, int64_t n, int64_t k, const T *a, int64_t lda, const T *b,
          int64_t ldb, T *c, int64_t ldc);

/// C[M, N] += A[M, K] * B[N, K]^T (B given row by row, as a fully connected
/// weight).
template <typename T>
void gemmTransposedB(int64_t m, int64_t n, int64_t k, const T *a, const T *b,
                     T *c);

/// The geometry of a convolution (the runtime's, so that the emitters can
/// print what the interpreter computes with).
using Conv2DShape = qcc_rt::Conv2DShape;

/// NCHW convolution: y = conv(x, w) + bias (bias may be null).
template <typename T>
void conv2d(const T *x, const T *w, const T *bias, T *y,
            const Conv2DShape &shape);

/// NCHW transposed convolution (shape.height/width are the input's,
/// outH/outW the output's).
template <typename T>
void convTranspose2d(const T *x, const T *w, const T *bias, T *y,
                     const Conv2DShape &shape);

} // namespace qcc::kernels

#endif // QCC_LIB_INTERPRETER_KERNELS_H
