//===- qcc-conformance.cpp - ONNX node tests through import + interpreter ===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Runs every case of an ONNX backend node-test directory (test_*/model.onnx
// with test_data_set_0/{input,output}_N.pb) through qcc's importer and
// reference interpreter, compares as ONNX's runner does (rtol 1e-3,
// atol 1e-7, exact shape and dtype), and reports per op.
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Driver/LoadModel.h"
#include "qcc/Import/OnnxTensor.h"
#include "qcc/InitAll.h"
#include "qcc/Interpreter/Interpreter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <map>

using namespace llvm;

namespace {

cl::OptionCategory category("qcc-conformance options");

cl::opt<std::string> suiteDir(cl::Positional, cl::Required,
                              cl::desc("<onnx node-test directory>"),
                              cl::cat(category));
cl::opt<std::string> reportPath("report", cl::value_desc("file.md"),
                                cl::desc("Write a Markdown report"),
                                cl::cat(category));
cl::opt<double> minPassRate("min-pass-rate", cl::init(0.0),
                            cl::desc("Fail unless this fraction of the "
                                     "cases passes"),
                            cl::cat(category));
cl::list<std::string>
    mustPass("must-pass", cl::CommaSeparated, cl::value_desc("op,op,..."),
             cl::desc("Fail if a case of one of these ops does not pass "
                      "(unless listed in --out-of-scope)"),
             cl::cat(category));
cl::list<std::string>
    outOfScope("out-of-scope", cl::CommaSeparated,
               cl::value_desc("case,case,..."),
               cl::desc("Cases of --must-pass ops allowed not to pass"),
               cl::cat(category));
cl::opt<bool> verbose("v", cl::desc("Print every case"), cl::cat(category));

enum class Outcome { Pass, Fail, Unsupported };

struct Result {
  std::string name, op;
  Outcome outcome;
  std::string reason;
};

std::string firstLine(StringRef text) {
  return text.take_until([](char c) { return c == '\n'; }).trim().str();
}

Result runCase(StringRef caseDir, mlir::DialectRegistry &registry) {
  Result result;
  result.name = sys::path::filename(caseDir).str();
  auto finish = [&](Outcome outcome, const Twine &reason) {
    result.outcome = outcome;
    result.reason = firstLine(reason.str());
    return result;
  };
  SmallString<256> dataDir(caseDir);
  sys::path::append(dataDir, "test_data_set_0");
  qcc::OnnxImportOptions options;
  std::vector<qcc::Tensor> expected;
  for (StringRef kind : {"input", "output"}) {
    for (int i = 0;; ++i) {
      SmallString<256> path(dataDir);
      sys::path::append(path, kind + "_" + Twine(i) + ".pb");
      if (!sys::fs::exists(path))
        break;
      Expected<qcc::Tensor> tensor = qcc::readTensorProtoFile(path);
      if (!tensor) {
        std::string message = toString(tensor.takeError());
        return finish(Outcome::Unsupported,
                      StringRef(message).split(": ").second);
      }
      (kind == "input" ? options.inputValues : expected)
          .push_back(std::move(*tensor));
    }
  }

  mlir::MLIRContext context(registry);
  std::string diagnostic;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    if (diagnostic.empty() &&
        d.getSeverity() == mlir::DiagnosticSeverity::Error)
      diagnostic = d.str();
    return mlir::success();
  });
  SourceMgr sourceMgr;
  SmallString<256> modelPath(caseDir);
  sys::path::append(modelPath, "model.onnx");
  std::optional<qcc::LoadedModel> model =
      qcc::loadModel(modelPath, &context, sourceMgr, options);
  if (!model) {
    StringRef text = diagnostic;
    bool unsupported =
        text.contains("not supported") || text.contains("unsupported operator");
    return finish(unsupported ? Outcome::Unsupported : Outcome::Fail,
                  "import: " + text);
  }
  SmallVector<qcc::Tensor> args;
  for (auto [i, position] : llvm::enumerate(model->argumentInputs)) {
    if (position >= options.inputValues.size())
      return finish(Outcome::Fail,
                    "no data for model input #" + Twine(position));
    const qcc::Tensor &value = options.inputValues[position];
    auto type =
        dyn_cast<mlir::RankedTensorType>(model->main.getArgumentTypes()[i]);
    if (!type || qcc::dtypeOf(type.getElementType()) != value.dtype() ||
        type.getShape() != value.shape())
      return finish(Outcome::Fail, "input #" + Twine(position) +
                                       " does not match the model's input");
    args.push_back(value);
  }
  FailureOr<qcc::Program> program = qcc::Program::compile(model->main);
  if (failed(program))
    return finish(StringRef(diagnostic).contains("not support")
                      ? Outcome::Unsupported
                      : Outcome::Fail,
                  "interpreter: " + diagnostic);
  std::vector<qcc::Tensor> outputs = program->run(args);
  if (outputs.size() != expected.size())
    return finish(Outcome::Fail, "produced " + Twine(outputs.size()) +
                                     " outputs, expected " +
                                     Twine(expected.size()));
  for (auto [i, pair] : llvm::enumerate(llvm::zip_equal(outputs, expected))) {
    auto &[got, want] = pair;
    std::string which = "output " + std::to_string(i) + ": ";
    if (got.dtype() != want.dtype())
      return finish(Outcome::Fail,
                    which + "dtype " + qcc::dtypeName(got.dtype()) +
                        ", expected " + qcc::dtypeName(want.dtype()));
    if (got.shape() != want.shape())
      return finish(Outcome::Fail,
                    which + "shape " + qcc::formatShape(got.shape()) +
                        ", expected " + qcc::formatShape(want.shape()));
    std::vector<double> a = got.toDoubles(), b = want.toDoubles();
    size_t mismatches = 0;
    double worst = 0;
    for (size_t k = 0; k < a.size(); ++k) {
      if (std::isnan(a[k]) && std::isnan(b[k]))
        continue;
      double error = std::fabs(a[k] - b[k]);
      if (!(error <= 1e-7 + 1e-3 * std::fabs(b[k]))) {
        ++mismatches;
        worst = std::max(worst, error);
      }
    }
    if (mismatches)
      return finish(Outcome::Fail, which + Twine(mismatches) + " of " +
                                       Twine(a.size()) +
                                       " values differ (max abs error " +
                                       formatv("{0:g}", worst).str() + ")");
  }
  return finish(Outcome::Pass, "");
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qcc-conformance: ONNX node tests through qcc's importer and "
      "reference interpreter\n");
  mlir::DialectRegistry registry;
  qcc::registerAllDialects(registry);

  std::error_code ec;
  std::vector<std::string> cases;
  for (sys::fs::directory_iterator it(suiteDir, ec), end; it != end && !ec;
       it.increment(ec))
    if (StringRef(sys::path::filename(it->path())).starts_with("test_"))
      cases.push_back(it->path());
  if (ec || cases.empty()) {
    WithColor::error(errs(), "qcc-conformance")
        << "no test_* cases in '" << suiteDir << "'"
        << (ec ? ": " + ec.message() : "") << "\n";
    return 1;
  }
  llvm::sort(cases);

  // The op of each case comes from the suite's manifest when present.
  std::map<std::string, std::string> opOf;
  SmallString<256> manifest(suiteDir);
  sys::path::append(manifest, "manifest.tsv");
  if (ErrorOr<std::unique_ptr<MemoryBuffer>> file =
          MemoryBuffer::getFile(manifest)) {
    SmallVector<StringRef> lines;
    (*file)->getBuffer().split(lines, '\n');
    for (StringRef line : lines) {
      auto [name, rest] = line.split('\t');
      opOf[name.str()] = rest.split('\t').first.str();
    }
  }

  std::vector<Result> results;
  for (const std::string &dir : cases) {
    Result result = runCase(dir, registry);
    auto op = opOf.find(result.name);
    result.op = op != opOf.end() ? op->second : "?";
    if (verbose)
      outs() << result.name << ": "
             << (result.outcome == Outcome::Pass   ? "pass"
                 : result.outcome == Outcome::Fail ? "FAIL"
                                                   : "unsupported")
             << (result.reason.empty() ? "" : " - " + result.reason) << "\n";
    results.push_back(std::move(result));
  }

  std::map<std::string, std::array<int, 3>> perOp;
  int passed = 0;
  for (const Result &r : results) {
    ++perOp[r.op][static_cast<int>(r.outcome)];
    passed += r.outcome == Outcome::Pass;
  }
  double rate = static_cast<double>(passed) / results.size();

  std::string report;
  raw_string_ostream os(report);
  os << "# ONNX node conformance\n\n"
     << "Generated by `qcc-conformance` over the visible ONNX backend node "
        "tests (`../shared/conformance/onnx-node`): import + reference "
        "interpreter, compared as ONNX's runner does (rtol 1e-3, atol 1e-7, "
        "exact shape and dtype). Regenerate with `ninja -C build "
        "update-conformance-report`; the test suite checks this file is "
        "current.\n\n"
     << "**" << passed << " of " << results.size() << " cases pass ("
     << format("%.1f", 100 * rate) << " %).**\n\n"
     << "| op | pass | fail | unsupported |\n|---|---|---|---|\n";
  for (const auto &[op, counts] : perOp)
    os << "| " << op << " | " << counts[0] << " | " << counts[1] << " | "
       << counts[2] << " |\n";
  os << "\n## Cases that do not pass\n\n| case | op | outcome | reason |\n"
        "|---|---|---|---|\n";
  for (const Result &r : results)
    if (r.outcome != Outcome::Pass) {
      std::string reason = r.reason;
      for (size_t at = reason.find('|'); at != std::string::npos;
           at = reason.find('|', at + 2))
        reason.replace(at, 1, "\\|");
      os << "| " << r.name << " | " << r.op << " | "
         << (r.outcome == Outcome::Fail ? "fail" : "unsupported") << " | "
         << reason << " |\n";
    }
  os.flush();
  if (!reportPath.empty()) {
    raw_fd_ostream file(reportPath, ec);
    if (ec) {
      WithColor::error(errs(), "qcc-conformance")
          << "cannot write '" << reportPath << "': " << ec.message() << "\n";
      return 1;
    }
    file << report;
  }
  outs() << passed << " of " << results.size() << " cases pass ("
         << format("%.1f", 100 * rate) << " %)\n";

  int status = 0;
  if (rate < minPassRate) {
    errs() << "pass rate below the required "
           << format("%.1f", 100 * minPassRate) << " %\n";
    status = 1;
  }
  for (const Result &r : results)
    if (r.outcome != Outcome::Pass && llvm::is_contained(mustPass, r.op) &&
        !llvm::is_contained(outOfScope, r.name)) {
      errs() << "required case " << r.name << " (" << r.op
             << ") does not pass: " << r.reason << "\n";
      status = 1;
    }
  return status;
}
