//===- qcc-run.cpp - Run a model in the reference interpreter -------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// qcc-run MODEL --input=FILE [--input=FILE ...] --output-dir=DIR
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Driver/Diagnostics.h"
#include "qcc/Driver/HostLibrary.h"
#include "qcc/Driver/LoadModel.h"
#include "qcc/Import/OnnxTensor.h"
#include "qcc/InitAll.h"
#include "qcc/Interpreter/Interpreter.h"
#include "qcc/Support/Npy.h"
#include "qcc/Target/TargetInfo.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"

#include <malloc.h>

using namespace llvm;

namespace {

cl::OptionCategory category("qcc-run options");

cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                               cl::desc("<model.onnx | model.mlir>"),
                               cl::cat(category));

cl::list<std::string>
    inputPaths("input", cl::value_desc("file"),
               cl::desc("A model input as .npy or ONNX TensorProto .pb, in "
                        "graph-input order (repeat for each input). A "
                        "leading dimension k times the model's batch runs "
                        "the model k times"),
               cl::cat(category));

cl::opt<std::string>
    outputDir("output-dir", cl::value_desc("dir"), cl::init("."),
              cl::desc("Where to write output_<i>.npy and output_<i>.pb"),
              cl::cat(category));

cl::list<std::string>
    inputShapes("input-shape", cl::value_desc("name:1x3x48x192"),
                cl::desc("Fix the shape of a model input (repeatable)"),
                cl::cat(category));

cl::opt<std::string>
    targetName("target", cl::value_desc("name"), cl::init("interpreter"),
               cl::desc("Where the model runs: interpreter (qcc's reference "
                        "interpreter, the default), host (the library qcc "
                        "generates, compiled for this machine), aarch64 "
                        "(qcc's test executable under qemu-aarch64 -cpu "
                        "cortex-a76) or hexagon-v68|v69|v73|v75 (under "
                        "qemu-hexagon -cpu v67); all but the first need a "
                        "quantized model"),
               cl::cat(category));

cl::opt<std::string> targetFeatures(
    "mattr", cl::value_desc("+f,-g"),
    cl::desc("With --target=aarch64: features to add or remove (dotprod, "
             "i8mm), as qcc's -mattr; +i8mm runs under qemu -cpu "
             "max,sve=off"),
    cl::cat(category));

cl::opt<std::string>
    dumpDir("dump-dir", cl::value_desc("dir"),
            cl::desc("Also write every intermediate tensor as "
                     "<dir>/<tensor name>.npy (of the first run)"),
            cl::cat(category));

int fail(const Twine &message) {
  WithColor::error(errs(), "qcc-run") << message << "\n";
  return 1;
}

/// A file name for a tensor name ('/' and other separators replaced).
std::string fileNameFor(StringRef name) {
  std::string result;
  for (char c : name)
    result += isAlnum(c) || c == '.' || c == '-' || c == '_' ? c : '_';
  return result;
}

std::string nameOf(mlir::Value value) {
  mlir::Location loc = value.getLoc();
  if (auto result = dyn_cast<mlir::OpResult>(value);
      result && result.getOwner()->getNumResults() > 1)
    if (auto fused = dyn_cast<mlir::NameLoc>(loc))
      return fused.getName().str() + "_" +
             std::to_string(result.getResultNumber());
  if (auto named = dyn_cast<mlir::NameLoc>(loc))
    return named.getName().str();
  return "";
}

/// Writes output_<i>.npy and .pb for each output: its runs joined.
int writeOutputs(mlir::func::FuncOp main,
                 ArrayRef<std::vector<qcc::Tensor>> outputs) {
  for (auto [i, parts] : llvm::enumerate(outputs)) {
    qcc::Tensor result = parts.size() == 1 || parts[0].rank() == 0
                             ? parts[0]
                             : qcc::Tensor::concatOuter(parts);
    SmallString<256> base(outputDir);
    sys::path::append(base, "output_" + std::to_string(i));
    auto name = main.getResultAttrOfType<mlir::StringAttr>(i, "qcc.name");
    if (Error e = qcc::writeNpy((base + ".npy").str(), result))
      return fail(toString(std::move(e)));
    if (Error e = qcc::writeTensorProtoFile((base + ".pb").str(), result,
                                            name ? name.getValue() : ""))
      return fail(toString(std::move(e)));
  }
  return 0;
}

/// Runs the model's test executable for `target` (AArch64 or Hexagon) under
/// qemu-user on the whole batch of each input; the outputs it wrote.
Expected<std::vector<qcc::Tensor>> runUnderQemu(mlir::func::FuncOp main,
                                                const qcc::TargetInfo *target,
                                                ArrayRef<qcc::Tensor> args) {
  bool hexagon = target->isHexagon();
  std::string qemuName = hexagon ? "qemu-hexagon" : "qemu-aarch64";
  ErrorOr<std::string> qemu = sys::findProgramByName(qemuName);
  if (!qemu)
    return createStringError("cannot find " + qemuName +
                             " (Debian: qemu-user)");
  SmallString<128> dir;
  if (std::error_code ec = sys::fs::createUniqueDirectory("qcc-run", dir))
    return createStringError("cannot create a temporary directory: " +
                             ec.message());
  scope_exit cleanup([&] { sys::fs::remove_directories(dir); });
  std::string cpp = (dir + "/model.cpp").str(),
              exe = (dir + "/model.elf").str();
  if (Error e =
          qcc::writeCppProgram(main, "model", modelPath, cpp, nullptr, hexagon))
    return std::move(e);
  Expected<std::string> cpu = qcc::cpuWithFeatures(*target, targetFeatures);
  if (!cpu)
    return cpu.takeError();
  if (Error e = qcc::compileProgram(cpp, exe, target->triple, *cpu))
    return std::move(e);
  // A Cortex-A76 has no i8mm. QEMU 7.2 knows no Hexagon newer than v67:
  // the code runs as long as it uses no later instruction (LibraryABI.md).
  bool i8mm = StringRef(targetFeatures).contains("+i8mm");
  std::vector<std::string> argv = {*qemu, "-cpu"};
  if (hexagon)
    argv.push_back("v67");
  else
    argv.insert(argv.end(), {i8mm ? "max,sve=off" : target->cpu.str(), "-L",
                             "/usr/" + target->triple.str()});
  argv.insert(argv.end(), {exe, "--output-dir=" + (dir + "/out").str()});
  for (auto [i, arg] : llvm::enumerate(args)) {
    std::string path = (dir + "/input_" + Twine(i) + ".npy").str();
    if (Error e = qcc::writeNpy(path, arg))
      return std::move(e);
    argv.push_back("--input=" + path);
  }
  SmallVector<StringRef> refs(argv.begin(), argv.end());
  std::string error;
  if (int status =
          sys::ExecuteAndWait(*qemu, refs, std::nullopt, {}, 0, 0, &error))
    return createStringError(
        "the " + target->name.str() + " executable failed under qemu (" +
        (error.empty() ? "exit " + std::to_string(status) : error) + ")");
  std::vector<qcc::Tensor> results;
  for (unsigned i = 0; i < main.getNumResults(); ++i) {
    Expected<qcc::Tensor> tensor =
        qcc::readTensorFile((dir + "/out/output_" + Twine(i) + ".npy").str());
    if (!tensor)
      return tensor.takeError();
    results.push_back(std::move(*tensor));
  }
  return results;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  // The interpreter allocates and frees the same large buffers every run;
  // keep them in the heap instead of mapping fresh zeroed pages each time.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "qcc-run: run a model in qcc's reference interpreter, or as the "
      "library qcc\n  generates\n\n"
      "  qcc-run model.onnx --input=x.npy --output-dir=out\n"
      "  qcc-run quantized.mlir --target=host --input=x.npy "
      "--output-dir=out\n");

  // Inputs first: their values may fix shapes and parameters of the model.
  qcc::OnnxImportOptions options;
  for (const std::string &path : inputPaths) {
    Expected<qcc::Tensor> tensor = qcc::readTensorFile(path);
    if (!tensor)
      return fail(toString(tensor.takeError()));
    options.inputValues.push_back(std::move(*tensor));
  }
  for (StringRef shape : inputShapes) {
    auto [name, dims] = shape.rsplit(':');
    SmallVector<StringRef> parts;
    dims.split(parts, 'x');
    SmallVector<int64_t> sizes;
    for (StringRef part : parts) {
      int64_t size;
      if (part.getAsInteger(10, size) || size <= 0)
        return fail("invalid --input-shape '" + shape +
                    "' (expected name:DxDx...xD, e.g. x:1x3x48x192)");
      sizes.push_back(size);
    }
    if (name.empty() || !shape.contains(':'))
      return fail("invalid --input-shape '" + shape + "'");
    options.inputShapes[name] = sizes;
  }

  mlir::DialectRegistry registry;
  qcc::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  SourceMgr sourceMgr;
  qcc::ToolDiagnosticHandler diagnostics(sourceMgr, &context);
  if (!sys::fs::exists(modelPath))
    return fail("cannot open model '" + modelPath + "': no such file");
  std::optional<qcc::LoadedModel> model =
      qcc::loadModel(modelPath, &context, sourceMgr, options);
  if (!model)
    return 1;
  mlir::func::FuncOp main = model->main;

  // Match the given files to the function's arguments.
  if (inputPaths.size() != model->numInputs)
    return fail("the model takes " + Twine(model->numInputs) +
                " input(s), got " + Twine(inputPaths.size()));
  SmallVector<qcc::Tensor> args;
  int64_t runs = 1;
  SmallVector<bool> batched;
  for (auto [argIndex, position] : llvm::enumerate(model->argumentInputs)) {
    const qcc::Tensor &given = options.inputValues[position];
    auto type =
        dyn_cast<mlir::RankedTensorType>(main.getArgumentTypes()[argIndex]);
    if (!type)
      return fail("argument #" + Twine(argIndex) +
                  " of the model is not a "
                  "ranked tensor");
    std::string what = "input #" + std::to_string(position) + " ('" +
                       inputPaths[position] + "')";
    std::optional<qcc::DType> dtype = qcc::dtypeOf(type.getElementType());
    if (!dtype || *dtype != given.dtype())
      return fail(what + " holds " + qcc::dtypeName(given.dtype()) +
                  " values; the model expects " +
                  (dtype ? qcc::dtypeName(*dtype) : StringRef("other")));
    ArrayRef<int64_t> want = type.getShape(), have = given.shape();
    bool exact = want == have;
    bool multiple = !exact && want.size() == have.size() && !want.empty() &&
                    want[0] > 0 && have[0] > 0 && have[0] % want[0] == 0 &&
                    want.drop_front() == have.drop_front();
    if (!exact && !multiple)
      return fail(what + " has shape " + qcc::formatShape(have) +
                  "; the model expects " + qcc::formatShape(want));
    int64_t k = exact ? 1 : have[0] / want[0];
    if (k > 1 && runs > 1 && k != runs)
      return fail(what + " holds " + Twine(k) + " batches, another input " +
                  Twine(runs));
    runs = std::max(runs, k);
    batched.push_back(k > 1);
    args.push_back(given);
  }

  const qcc::TargetInfo *emulated = nullptr;
  if (targetName != "interpreter" && targetName != "host") {
    emulated = qcc::lookupTarget(targetName);
    if (!emulated)
      return fail("unknown --target '" + targetName +
                  "' (expected interpreter, host, aarch64 or hexagon-v68, "
                  "-v69, -v73, -v75)");
  }
  bool native = targetName == "host";
  if ((native || emulated) && !qcc::isQuantizedModel(main))
    return fail("--target=" + targetName +
                " runs the library qcc generates, which needs a quantized "
                "model: quantize it with qcc --calib=... -emit=mlir -o "
                "q.mlir, or run it in the interpreter");
  if (targetName != "interpreter" && !dumpDir.empty())
    return fail("--dump-dir needs --target=interpreter");
  if (targetName != "aarch64" && !targetFeatures.empty())
    return fail("--mattr needs --target=aarch64");
  if (std::error_code ec = sys::fs::create_directories(outputDir))
    return fail("cannot create '" + outputDir + "': " + ec.message());
  std::vector<std::vector<qcc::Tensor>> outputs;
  if (emulated) {
    Expected<std::vector<qcc::Tensor>> results =
        runUnderQemu(main, emulated, args);
    if (!results)
      return fail(toString(results.takeError()));
    for (qcc::Tensor &result : *results)
      outputs.push_back({std::move(result)});
    return writeOutputs(main, outputs);
  }
  // The model as a host library, built in a temporary directory; or the
  // interpreter's program.
  std::unique_ptr<qcc::HostLibrary> library;
  FailureOr<qcc::Program> program = failure();
  if (native) {
    SmallString<128> dir;
    if (std::error_code ec = sys::fs::createUniqueDirectory("qcc-run", dir))
      return fail("cannot create a temporary directory: " + ec.message());
    scope_exit cleanup([&] { sys::fs::remove_directories(dir); });
    std::string cpp = (dir + "/model.cpp").str(),
                so = (dir + "/model.so").str();
    if (Error e = qcc::writeCppLibrary(main, "model", modelPath, cpp))
      return fail(toString(std::move(e)));
    if (Error e = qcc::compileLibrary(cpp, so))
      return fail(toString(std::move(e)));
    Expected<std::unique_ptr<qcc::HostLibrary>> loaded =
        qcc::HostLibrary::load(so, "model", main);
    if (!loaded)
      return fail(toString(loaded.takeError()));
    library = std::move(*loaded);
  } else {
    program = qcc::Program::compile(main);
    if (failed(program))
      return 1;
  }

  if (!dumpDir.empty())
    if (std::error_code ec = sys::fs::create_directories(dumpDir))
      return fail("cannot create '" + dumpDir + "': " + ec.message());

  for (int64_t run = 0; run < runs; ++run) {
    SmallVector<qcc::Tensor> inputs;
    for (auto [arg, isBatched] : llvm::zip_equal(args, batched)) {
      int64_t rows = isBatched ? arg.shape()[0] / runs : 0;
      inputs.push_back(isBatched ? arg.sliceOuter(run * rows, (run + 1) * rows)
                                 : arg);
    }
    qcc::Program::Observer observer;
    std::string dumpError;
    if (run == 0 && !dumpDir.empty())
      observer = [&](mlir::Value value, const qcc::Tensor &tensor) {
        std::string name = nameOf(value);
        if (name.empty() || !dumpError.empty())
          return;
        SmallString<256> path(dumpDir);
        sys::path::append(path, fileNameFor(name) + ".npy");
        if (Error e = qcc::writeNpy(path, tensor))
          dumpError = toString(std::move(e));
      };
    std::vector<qcc::Tensor> results;
    if (library) {
      Expected<std::vector<qcc::Tensor>> ran = library->run(inputs);
      if (!ran)
        return fail(toString(ran.takeError()));
      results = std::move(*ran);
    } else {
      results = program->run(inputs, observer);
    }
    if (!dumpError.empty())
      return fail(dumpError);
    outputs.resize(results.size());
    for (auto [i, result] : llvm::enumerate(results))
      outputs[i].push_back(std::move(result));
  }

  return writeOutputs(main, outputs);
}
