//===- LoadModel.cpp - Read a model in any input format -------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/LoadModel.h"
#include "qcc/Conversion/Passes.h"

#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace qcc {

std::optional<LoadedModel> loadModel(llvm::StringRef path, MLIRContext *context,
                                     llvm::SourceMgr &sourceMgr,
                                     const OnnxImportOptions &options) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  LoadedModel model;
  llvm::StringRef extension = llvm::sys::path::extension(path);
  if (extension == ".onnx") {
    std::optional<OnnxImport> imported =
        importOnnxModel(path, context, options);
    if (!imported)
      return std::nullopt;
    model.module = std::move(imported->module);
    model.argumentInputs = std::move(imported->argumentInputs);
    model.numInputs = imported->numInputs;
  } else if (extension == ".mlir") {
    std::string error;
    std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(path, &error);
    if (!buffer) {
      emitError(fileLoc) << "cannot open input file: " << error;
      return std::nullopt;
    }
    sourceMgr.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
    model.module = parseSourceFile<ModuleOp>(sourceMgr, context);
    if (!model.module)
      return std::nullopt;
    // A TOSA model (as TFLite and torch-mlir export them) becomes qcc.
    bool isTosa = false;
    model.module->walk([&](Operation *op) {
      isTosa |= isa<tosa::TosaDialect>(op->getDialect());
    });
    if (isTosa) {
      PassManager pm(context);
      pm.addPass(createConvertTosaToQcc());
      pm.addPass(createCanonicalizerPass());
      if (failed(pm.run(*model.module)))
        return std::nullopt;
    }
  } else {
    emitError(fileLoc) << "cannot tell the format of the model (expected a "
                          ".mlir or .onnx file)";
    return std::nullopt;
  }
  model.main = model.module->lookupSymbol<func::FuncOp>("main");
  auto functions = model.module->getOps<func::FuncOp>();
  if (!model.main && llvm::hasSingleElement(functions))
    model.main = *functions.begin();
  if (!model.main) {
    emitError(fileLoc) << "the model has no function @main";
    return std::nullopt;
  }
  if (extension == ".mlir") {
    model.numInputs = model.main.getNumArguments();
    for (unsigned i = 0; i < model.numInputs; ++i)
      model.argumentInputs.push_back(i);
  }
  return model;
}

} // namespace qcc
