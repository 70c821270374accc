//===- qcc-opt.cpp - The qcc optimizer driver -----------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Runs any qcc or upstream pass on qcc IR, for tests and pass development.
//
//===----------------------------------------------------------------------===//

#include "qcc/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  qcc::registerAllDialects(registry);
  qcc::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "qcc optimizer driver\n", registry));
}
