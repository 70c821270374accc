//===- qcc.cpp - The qcc compiler driver ----------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// qcc INPUT -target=<name> -o OUT [-S] [-emit=<kind>] [--input-shape=...]
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/IR/QccOps.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"
#include "qcc/Driver/Diagnostics.h"
#include "qcc/Driver/HostLibrary.h"
#include "qcc/Driver/LoadModel.h"
#include "qcc/Driver/Report.h"
#include "qcc/Import/OnnxTensor.h"
#include "qcc/InitAll.h"
#include "qcc/Pipelines/Pipelines.h"
#include "qcc/Support/WriteFile.h"
#include "qcc/Target/Cpp/CppEmitter.h"
#include "qcc/Target/TargetInfo.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace {

cl::OptionCategory qccCategory("qcc options");

cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                   cl::desc("<model.mlir | model.onnx>"),
                                   cl::cat(qccCategory));

cl::opt<std::string> outputFilename("o",
                                    cl::desc("Output file ('-' for stdout)"),
                                    cl::value_desc("filename"),
                                    cl::cat(qccCategory));

cl::opt<std::string> targetName("target", cl::init("host"),
                                cl::value_desc("name"), cl::cat(qccCategory));

cl::opt<bool> emitAssembly("S", cl::desc("Emit assembly (same as -emit=asm)"),
                           cl::cat(qccCategory));

cl::opt<std::string>
    ioName("io", cl::value_desc("float|quantized"), cl::init("float"),
           cl::desc("What the library takes and returns: float tensors in the "
                    "source model's layout (quantized and dequantized inside, "
                    "the default) or the quantized integers themselves, "
                    "whose scales and zero points its metadata gives"),
           cl::cat(qccCategory));

cl::list<double> inputMean(
    "input-mean", cl::CommaSeparated, cl::value_desc("m[,m,m]"),
    cl::desc("With --input-std: the model's image input takes uint8 pixels p, "
             "its float input being (p - mean[c]) / std[c] (one value, or one "
             "per channel, in pixel units; the mean is rounded to an integer), "
             "folded into the input quantization"),
    cl::cat(qccCategory));

cl::list<double>
    inputStd("input-std", cl::CommaSeparated, cl::value_desc("s[,s,s]"),
             cl::desc("The pixel standard deviations (see --input-mean)"),
             cl::cat(qccCategory));

cl::opt<std::string>
    targetFeatures("mattr", cl::value_desc("+f,-g"),
                   cl::desc("Target features to add or remove, for aarch64: "
                            "dotprod (on by default; -dotprod gives the plain "
                            "Armv8.0 NEON kernels), i8mm"),
                   cl::cat(qccCategory));

cl::opt<std::string>
    emitName("emit", cl::value_desc("kind"),
             cl::desc("What to produce: mlir (the qcc IR), cpp (C++ source), "
                      "asm, obj, so (a shared library), exe (a test "
                      "executable). Default: from the output file's "
                      "extension, else so"),
             cl::cat(qccCategory));

cl::opt<std::string>
    libraryName("name", cl::value_desc("prefix"),
                cl::desc("Prefix of the generated library's symbols "
                         "(<prefix>_run, <prefix>_info), so that several "
                         "models link into one program. Default: the input "
                         "file's name"),
                cl::cat(qccCategory));

cl::list<std::string>
    inputShapes("input-shape", cl::value_desc("name:1x3x48x192"),
                cl::desc("Fix the shape of a model input (repeatable); a "
                         "dynamic leading (batch) dimension is 1 otherwise"),
                cl::cat(qccCategory));

cl::OptionCategory quantCategory("quantization options");

cl::list<std::string>
    calibFiles("calib", cl::value_desc("file"),
               cl::desc("Calibration inputs (.npy or .pb, a batch per model "
                        "input, in order; repeat for several inputs). "
                        "Quantizes the model"),
               cl::cat(quantCategory));

cl::opt<std::string>
    calibMethod("calib-method", cl::init("minmax"), cl::value_desc("method"),
                cl::desc("How calibration statistics become ranges: minmax, "
                         "percentile or mse"),
                cl::cat(quantCategory));

cl::opt<bool> equalize(
    "equalize",
    cl::desc("Cross-layer equalization: even out the per-channel weight "
             "ranges of consecutive convolutions before calibration (helps "
             "int4 weights; can cost int8 accuracy)"),
    cl::cat(quantCategory));

cl::opt<bool> biasCorrection(
    "bias-correction", cl::init(true),
    cl::desc("Correct each layer's bias for the mean error its weight "
             "rounding causes, from the calibrated input means (default on; "
             "--bias-correction=false to disable)"),
    cl::cat(quantCategory));

cl::opt<std::string>
    precisionName("precision", cl::value_desc("scheme"),
                  cl::desc("Quantization scheme: int8 (W8A8, the default "
                           "with --calib), w8a16 (int16 activations), w4a8 "
                           "(int4 weights), mixed (w4a8, w8a8 or w8a16 per "
                           "layer, searched under --max-accuracy-drop and "
                           "--min-sqnr)"),
                  cl::cat(quantCategory));

cl::opt<double> maxAccuracyDrop(
    "max-accuracy-drop", cl::init(0.5), cl::value_desc("points"),
    cl::desc("With --precision=mixed: the most top-1 agreement with the "
             "float model (on the calibration inputs, in percentage points) "
             "that lower bit-widths may cost"),
    cl::cat(quantCategory));

cl::opt<double> minSqnr(
    "min-sqnr", cl::init(0.0), cl::value_desc("dB"),
    cl::desc("With --precision=mixed: the lowest output SQNR against the "
             "float model (on the calibration inputs) to accept"),
    cl::cat(quantCategory));

cl::opt<std::string> reportFilename(
    "report", cl::value_desc("file.json|file.html"),
    cl::desc("Write a per-layer quantization report: bits, scale, zero "
             "point, range, MACs, bit-ops, accumulator bound, SQNR against "
             "float on the calibration inputs, the mixed-precision front; "
             "as HTML with plots when the name ends in .html"),
    cl::cat(quantCategory));

/// Prints "qcc: error: <message>" and returns the failing exit code.
int fail(const Twine &message) {
  WithColor::error(errs(), "qcc") << message << "\n";
  return 1;
}

/// The emit kind the user asked for, explicitly or through -S or the output
/// file's extension.
FailureOr<qcc::EmitKind> chooseEmitKind() {
  if (!emitName.empty()) {
    std::optional<qcc::EmitKind> kind = qcc::symbolizeEmitKind(emitName);
    if (!kind) {
      fail("unknown -emit kind '" + emitName +
           "' (expected one of: mlir, cpp, asm, obj, so, exe)");
      return failure();
    }
    if (emitAssembly && *kind != qcc::EmitKind::Asm) {
      fail("-S conflicts with -emit=" + emitName);
      return failure();
    }
    return *kind;
  }
  if (emitAssembly)
    return qcc::EmitKind::Asm;
  return StringSwitch<qcc::EmitKind>(sys::path::extension(outputFilename))
      .Case(".mlir", qcc::EmitKind::Mlir)
      .Cases({".cpp", ".cc"}, qcc::EmitKind::Cpp)
      .Case(".s", qcc::EmitKind::Asm)
      .Case(".o", qcc::EmitKind::Obj)
      .Case(".elf", qcc::EmitKind::Exe)
      .Default(qcc::EmitKind::So);
}

/// Parses one --input-shape value: "name:1x3x48x192".
LogicalResult parseInputShape(StringRef value,
                              qcc::OnnxImportOptions &options) {
  auto [name, dims] = value.rsplit(':');
  SmallVector<StringRef> sizes;
  dims.split(sizes, 'x');
  SmallVector<int64_t> shape;
  bool valid = !name.empty() && !dims.empty() && value.contains(':');
  for (StringRef size : sizes) {
    int64_t parsed;
    valid &= !size.getAsInteger(10, parsed) && parsed > 0;
    shape.push_back(parsed);
  }
  if (valid) {
    options.inputShapes[name] = shape;
    return success();
  }
  fail("invalid --input-shape '" + value +
       "' (expected name:DxDx...xD with positive sizes, e.g. "
       "input:1x3x48x192)");
  return failure();
}

/// The default output file for `kind` next to the input: model.onnx ->
/// model.so; IR goes to stdout.
std::string defaultOutput(qcc::EmitKind kind) {
  if (kind == qcc::EmitKind::Mlir)
    return "-";
  SmallString<128> path(sys::path::filename(inputFilename));
  static constexpr StringLiteral extensions[] = {".mlir", ".cpp", ".s",
                                                 ".o",    ".so",  ""};
  sys::path::replace_extension(path, extensions[static_cast<int>(kind)]);
  return std::string(path);
}

/// Reads the --calib files in the order of `model`'s arguments.
FailureOr<SmallVector<qcc::Tensor>>
readCalibrationInputs(const qcc::LoadedModel &model) {
  SmallVector<qcc::Tensor> inputs;
  for (unsigned position : model.argumentInputs) {
    Expected<qcc::Tensor> tensor = qcc::readTensorFile(calibFiles[position]);
    if (!tensor) {
      fail(toString(tensor.takeError()));
      return failure();
    }
    inputs.push_back(std::move(*tensor));
  }
  return inputs;
}

/// Quantizes `module` (its function `mainName`); with --precision=mixed,
/// searches the per-layer bit-widths first; with --report, writes what
/// quantization did to each layer.
LogicalResult quantize(mlir::ModuleOp module, const qcc::LoadedModel &model,
                       StringRef mainName) {
  qcc::QuantizePipelineOptions options;
  options.calib.assign(calibFiles.begin(), calibFiles.end());
  options.method = calibMethod;
  options.equalize = equalize;
  options.biasCorrection = biasCorrection;
  options.maxAccuracyDrop = maxAccuracyDrop;
  options.minSqnr = minSqnr;
  if (!precisionName.empty())
    options.precision = precisionName;
  mlir::PassManager calibrate(module.getContext());
  qcc::buildCalibrationPipeline(calibrate, options);
  if (failed(calibrate.run(module)))
    return failure();
  mlir::OwningOpRef<mlir::ModuleOp> floatModule;
  if (!reportFilename.empty())
    floatModule = module.clone();
  mlir::PassManager lower(module.getContext());
  qcc::buildIntegerLoweringPipeline(lower, options);
  if (failed(lower.run(module)))
    return failure();
  if (reportFilename.empty())
    return success();

  FailureOr<SmallVector<qcc::Tensor>> inputs = readCalibrationInputs(model);
  if (failed(inputs))
    return failure();
  auto floatMain = floatModule->lookupSymbol<mlir::func::FuncOp>(mainName);
  auto quantMain = module.lookupSymbol<mlir::func::FuncOp>(mainName);
  FailureOr<json::Value> report =
      qcc::quantizationReport(floatMain, quantMain, *inputs);
  if (failed(report))
    return failure();
  return qcc::writeReport(*report, reportFilename);
}

/// The symbol prefix: --name, or the input file's stem with every
/// character that cannot be in a C identifier replaced by '_'.
std::string symbolPrefix() {
  if (!libraryName.empty())
    return libraryName;
  std::string prefix;
  for (char c : sys::path::stem(inputFilename))
    prefix += isAlnum(c) ? c : '_';
  if (prefix.empty() || isDigit(prefix[0]))
    prefix.insert(0, "model_");
  return prefix;
}

/// Writes the C++ library of `main` (-emit=cpp), or compiles it into
/// assembly (-S), an object (-emit=obj) or a shared object (-emit=so), with
/// its header beside a library, or into a test executable (-emit=exe).
int emitLibrary(mlir::func::FuncOp main, const qcc::TargetInfo &target,
                StringRef cpu, qcc::EmitKind emit) {
  if (calibFiles.empty() && !qcc::isQuantizedModel(main))
    return fail("a library needs a quantized model: give calibration inputs "
                "(--calib) or a pre-quantized model");
  std::string prefix = symbolPrefix();
  if (!qcc::isValidSymbolPrefix(prefix))
    return fail("--name '" + prefix +
                "' is not a C identifier (letters, digits, '_')");
  qcc::CppLibraryLayout layout;
  if (emit == qcc::EmitKind::Cpp) {
    if (Error e =
            qcc::writeCppLibrary(main, prefix, inputFilename, outputFilename,
                                 &layout, target.isHexagon()))
      return fail(toString(std::move(e)));
  } else {
    SmallString<128> cpp;
    if (std::error_code ec = sys::fs::createTemporaryFile(prefix, "cpp", cpp))
      return fail("cannot create a temporary file: " + ec.message());
    FileRemover removeCpp(cpp);
    bool program = emit == qcc::EmitKind::Exe;
    if (Error e = program
                      ? qcc::writeCppProgram(main, prefix, inputFilename, cpp,
                                             &layout, target.isHexagon())
                      : qcc::writeCppLibrary(main, prefix, inputFilename, cpp,
                                             &layout, target.isHexagon()))
      return fail(toString(std::move(e)));
    auto compile = [&] {
      if (program)
        return qcc::compileProgram(cpp, outputFilename, target.triple, cpu);
      if (emit == qcc::EmitKind::So)
        return qcc::compileLibrary(cpp, outputFilename, target.triple, cpu);
      return qcc::compileObject(cpp, outputFilename, target.triple, cpu,
                                emit == qcc::EmitKind::Asm);
    };
    if (Error e = compile())
      return fail(toString(std::move(e)));
  }
  // What the arena holds: the planned tensors against the least any
  // placement needs (the largest set live at once), and kernel scratch.
  if (outputFilename != "-")
    errs() << formatv(
        "qcc: {0}: arena {1} bytes ({2:F3} x the {3} bytes of "
        "tensors live at once at most): {4} planned for "
        "tensors, {5} of kernel scratch\n",
        outputFilename, layout.arenaBytes,
        layout.livePeakBytes ? double(layout.arenaBytes) / layout.livePeakBytes
                             : 1.0,
        layout.livePeakBytes, layout.plannedBytes, layout.scratchBytes);
  // A library comes with the header its users include, beside it.
  if (emit == qcc::EmitKind::Exe || outputFilename == "-")
    return 0;
  SmallString<128> header(outputFilename);
  sys::path::replace_extension(header, ".h");
  if (Error e = qcc::writeFile(header, [&](raw_ostream &os) {
        qcc::emitHeader(prefix, inputFilename, target.isHexagon(), os);
      }))
    return fail(toString(std::move(e)));
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM initLLVM(argc, argv);
  std::string targetHelp = "Target to compile for: ";
  for (const qcc::TargetInfo &target : qcc::getTargets())
    targetHelp +=
        "\n    " + target.name.str() + " - " + target.description.str();
  targetName.setDescription(targetHelp);
  cl::SetVersionPrinter([](raw_ostream &os) {
    os << "qcc " << QCC_VERSION << " (LLVM/MLIR " << LLVM_VERSION_STRING
       << ")\n";
  });
  cl::HideUnrelatedOptions({&qccCategory, &quantCategory});
  cl::ParseCommandLineOptions(
      argc, argv,
      "qcc: quantizing tensor compiler\n\n"
      "  Compiles a float model (ONNX, or MLIR in the qcc dialect) into an\n"
      "  integer-only library for a phone CPU or DSP.\n\n"
      "  qcc model.mlir -target=hexagon-v73 -o model.so\n"
      "  qcc model.onnx -target=aarch64 -emit=cpp -o model.cpp\n"
      "  qcc model.mlir -emit=mlir\n");

  const qcc::TargetInfo *target = qcc::lookupTarget(targetName);
  if (!target)
    return fail("unknown target '" + targetName +
                "' (expected one of: " + qcc::listTargetNames() + ")");
  FailureOr<qcc::EmitKind> emit = chooseEmitKind();
  if (failed(emit))
    return 1;
  if (ioName != "float" && ioName != "quantized")
    return fail("unknown --io '" + ioName + "' (expected float or quantized)");
  Expected<std::string> cpu = qcc::cpuWithFeatures(*target, targetFeatures);
  if (!cpu)
    return fail(toString(cpu.takeError()));
  qcc::OnnxImportOptions importOptions;
  importOptions.defaultBatch = 1;
  for (StringRef shape : inputShapes)
    if (failed(parseInputShape(shape, importOptions)))
      return 1;

  if (!sys::fs::exists(inputFilename))
    return fail("cannot open input file '" + inputFilename +
                "': No such file or directory");
  StringRef extension = sys::path::extension(inputFilename);
  if (extension != ".onnx" && extension != ".mlir")
    return fail("cannot tell the format of '" + inputFilename +
                "' (expected a .mlir or .onnx file)");
  if (!inputShapes.empty() && extension != ".onnx")
    return fail("--input-shape applies to ONNX models; the function "
                "signature of an .mlir input fixes its shapes");

  mlir::DialectRegistry registry;
  qcc::registerAllDialects(registry);
  mlir::MLIRContext context(registry);
  // A failing pass names its op; the whole function would only bury that.
  context.printOpOnDiagnostic(false);
  SourceMgr sourceMgr;
  qcc::ToolDiagnosticHandler diagnostics(sourceMgr, &context);
  std::optional<qcc::LoadedModel> model =
      qcc::loadModel(inputFilename, &context, sourceMgr, importOptions);
  if (!model)
    return 1;
  mlir::OwningOpRef<mlir::ModuleOp> module = std::move(model->module);

  if (!reportFilename.empty() && calibFiles.empty())
    return fail("--report needs calibration inputs (--calib)");
  if (!precisionName.empty() &&
      !llvm::is_contained({"int8", "w8a16", "w4a8", "mixed"}, precisionName))
    return fail("unknown --precision '" + precisionName +
                "' (expected one of: int8, w8a16, w4a8, mixed)");
  if (precisionName == "mixed" && calibFiles.empty())
    return fail("--precision=mixed needs calibration inputs (--calib)");
  if (calibFiles.empty() && precisionName.empty()) {
    mlir::PassManager pm(&context);
    qcc::buildImportCleanupPipeline(pm);
    if (failed(pm.run(*module)))
      return 1;
  } else if (failed(quantize(*module, *model,
                             mlir::func::FuncOp(model->main).getSymName()))) {
    return 1;
  }

  if (!inputMean.empty() || !inputStd.empty()) {
    if (calibFiles.empty() && precisionName.empty())
      return fail("--input-mean and --input-std apply to a model qcc "
                  "quantizes (--calib)");
    qcc::ImageInputOptions options;
    options.mean.assign(inputMean.begin(), inputMean.end());
    options.std.assign(inputStd.begin(), inputStd.end());
    mlir::PassManager pm(&context);
    pm.nest<mlir::func::FuncOp>().addPass(qcc::createImageInput(options));
    if (failed(pm.run(*module)))
      return 1;
  }
  if (ioName == "quantized") {
    mlir::PassManager pm(&context);
    pm.nest<mlir::func::FuncOp>().addPass(qcc::createQuantizedIO());
    if (failed(pm.run(*module)))
      return 1;
  }

  if (outputFilename.empty())
    outputFilename = defaultOutput(*emit);
  if (*emit != qcc::EmitKind::Mlir)
    return emitLibrary(mlir::func::FuncOp(model->main), *target, *cpu, *emit);

  std::string errorMessage;
  std::unique_ptr<ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &errorMessage);
  if (!output)
    return fail("cannot open output file '" + outputFilename +
                "': " + errorMessage);
  module->print(output->os());
  output->os() << "\n";
  output->keep();
  return 0;
}
