//===- VerifyIntegerOnly.cpp - No float arithmetic in a quantized graph ---===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

namespace qcc {
#define GEN_PASS_DEF_VERIFYINTEGERONLY
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

struct VerifyIntegerOnlyPass
    : qcc::impl::VerifyIntegerOnlyBase<VerifyIntegerOnlyPass> {
  void runOnOperation() override {
    bool ok = true;
    getOperation().walk([&](DequantizeOp dequantize) {
      for (Operation *user : dequantize->getUsers()) {
        if (isa<func::ReturnOp>(user))
          continue;
        ok = false;
        user->emitError("float ")
            << user->getName()
            << " inside the quantized graph (it reads a dequantized value)";
      }
    });
    if (!ok)
      signalPassFailure();
  }
};

} // namespace
