//===- WriteFile.h - Write a whole output file or fail clearly --*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_SUPPORT_WRITEFILE_H
#define QCC_SUPPORT_WRITEFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace qcc {

/// Writes `path` with what `write` streams, through a temporary file so that
/// a failure leaves no partial output; the error reads "cannot write
/// '<path>': <reason>".
llvm::Error writeFile(llvm::StringRef path,
                      llvm::function_ref<void(llvm::raw_ostream &)> write);

} // namespace qcc

#endif // QCC_SUPPORT_WRITEFILE_H
