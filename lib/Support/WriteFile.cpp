//===- WriteFile.cpp - Write a whole output file or fail clearly ----------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/WriteFile.h"

using namespace llvm;

Error qcc::writeFile(StringRef path, function_ref<void(raw_ostream &)> write) {
  Error error = writeToOutput(path, [&](raw_ostream &os) {
    write(os);
    return Error::success();
  });
  if (!error)
    return Error::success();
  // writeToOutput's message is "'<path>': <reason>".
  return createStringError(inconvertibleErrorCode(),
                           "cannot write " + toString(std::move(error)));
}
