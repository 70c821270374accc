//===- Npy.h - NumPy .npy files ---------------------------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_SUPPORT_NPY_H
#define QCC_SUPPORT_NPY_H

#include "qcc/Support/Tensor.h"

#include "llvm/Support/Error.h"

namespace qcc {

/// Reads a little-endian, C-order .npy file (format 1.0 to 3.0).
llvm::Expected<Tensor> readNpy(llvm::StringRef path);

/// Writes `tensor` as a .npy file (format 1.0). Sub-byte integers are written
/// one per byte as int8/uint8.
llvm::Error writeNpy(llvm::StringRef path, const Tensor &tensor);

} // namespace qcc

#endif // QCC_SUPPORT_NPY_H
