//===- QuantizedIO.cpp - Quantized inputs and outputs ---------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace qcc {
#define GEN_PASS_DEF_QUANTIZEDIO
#include "qcc/Dialect/Qcc/Transforms/Passes.h.inc"
} // namespace qcc

using namespace mlir;
using namespace qcc;

namespace {

struct QuantizedIOPass : qcc::impl::QuantizedIOBase<QuantizedIOPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (!func.getBody().hasOneBlock()) {
      func.emitError("qcc-quantized-io needs a single-block function");
      return signalPassFailure();
    }
    Block &body = func.getBody().front();
    // Arguments only quantized, all to one type: that type.
    for (BlockArgument arg : body.getArguments()) {
      if (arg.use_empty())
        continue;
      Type quantized;
      bool onlyQuantized = llvm::all_of(arg.getUsers(), [&](Operation *user) {
        auto q = dyn_cast<QuantizeOp>(user);
        if (!q || (quantized && q.getType() != quantized))
          return false;
        quantized = q.getType();
        return true;
      });
      if (!onlyQuantized)
        continue;
      arg.setType(quantized);
      for (Operation *user : llvm::make_early_inc_range(arg.getUsers())) {
        user->getResult(0).replaceAllUsesWith(arg);
        user->erase();
      }
    }
    // Returned dequantizes: their inputs.
    auto ret = cast<func::ReturnOp>(body.getTerminator());
    for (OpOperand &operand : ret->getOpOperands())
      if (auto dq = operand.get().getDefiningOp<DequantizeOp>()) {
        operand.set(dq.getInput());
        if (dq->use_empty())
          dq->erase();
      }
    func.setFunctionType(FunctionType::get(
        &getContext(), body.getArgumentTypes(), ret.getOperandTypes()));
  }
};

} // namespace
