//===- Diagnostics.cpp - How qcc's tools print diagnostics ----------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/Diagnostics.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;

namespace qcc {

/// The file location inside `loc` that has no line (a whole-file location),
/// if that is what `loc` is.
static FileLineColLoc wholeFileLoc(Location loc) {
  FileLineColLoc file;
  loc->walk([&](Location inner) {
    if (auto f = dyn_cast<FileLineColLoc>(inner)) {
      file = f;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return file && file.getLine() == 0 ? file : FileLineColLoc();
}

ToolDiagnosticHandler::ToolDiagnosticHandler(llvm::SourceMgr &sourceMgr,
                                             MLIRContext *context)
    : SourceMgrDiagnosticHandler(sourceMgr, context) {
  setHandler([this](Diagnostic &diag) -> LogicalResult {
    FileLineColLoc file = wholeFileLoc(diag.getLocation());
    if (!file) {
      emitDiagnostic(diag);
      return success();
    }
    auto print = [&](Diagnostic &d) {
      llvm::raw_ostream &os = llvm::errs();
      os << file.getFilename().getValue() << ": ";
      switch (d.getSeverity()) {
      case DiagnosticSeverity::Error:
        llvm::WithColor::error(os, "", /*DisableColors=*/true);
        break;
      case DiagnosticSeverity::Warning:
        llvm::WithColor::warning(os, "", /*DisableColors=*/true);
        break;
      default:
        llvm::WithColor::note(os, "", /*DisableColors=*/true);
      }
      os << d << "\n";
    };
    print(diag);
    for (Diagnostic &note : diag.getNotes())
      print(note);
    return success();
  });
}

} // namespace qcc
