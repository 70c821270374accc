//===- HostLibrary.cpp - Build and run a generated library here -----------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Driver/HostLibrary.h"
#include "qcc/Dialect/Qcc/Transforms/Passes.h"
#include "qcc/Support/WriteFile.h"
#include "qcc/Target/Cpp/CppEmitter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Program.h"

#include <cstdlib>
#include <dlfcn.h>

using namespace mlir;

namespace qcc {

/// The library's public symbols' layout (docs/LibraryABI.md).
struct ModelInfo {
  int32_t abiVersion, numInputs, numOutputs;
  const void *inputs, *outputs;
  size_t arenaSize, arenaAlignment;
};

/// The C++ library of `func`, planned on a copy.
static llvm::Expected<std::string>
cppLibrary(func::FuncOp func, StringRef prefix, StringRef source,
           CppLibraryLayout *layout, bool hvx) {
  OwningOpRef<ModuleOp> copy = ModuleOp::create(func.getLoc());
  copy->push_back(func.clone());
  PassManager pm(func.getContext());
  pm.nest<func::FuncOp>().addPass(createPlanMemory());
  if (failed(pm.run(*copy)))
    return llvm::createStringError("memory planning failed");
  auto planned = cast<func::FuncOp>(copy->getBody()->front());
  std::string text;
  llvm::raw_string_ostream os(text);
  CppEmitterOptions options;
  options.prefix = prefix.str();
  options.source = source.str();
  options.hvx = hvx;
  if (failed(emitCpp(planned, options, os, layout)))
    return llvm::createStringError("the C++ backend failed (see above)");
  return text;
}

llvm::Error writeCppLibrary(func::FuncOp func, StringRef prefix,
                            StringRef source, StringRef cppPath,
                            CppLibraryLayout *layout, bool hvx) {
  llvm::Expected<std::string> text =
      cppLibrary(func, prefix, source, layout, hvx);
  if (!text)
    return text.takeError();
  return writeFile(cppPath, [&](llvm::raw_ostream &out) { out << *text; });
}

llvm::Error writeCppProgram(func::FuncOp func, StringRef prefix,
                            StringRef source, StringRef cppPath,
                            CppLibraryLayout *layout, bool hvx) {
  llvm::Expected<std::string> text =
      cppLibrary(func, prefix, source, layout, hvx);
  if (!text)
    return text.takeError();
  return writeFile(cppPath, [&](llvm::raw_ostream &out) {
    out << *text << "\n#define QCC_MODEL_INFO " << prefix
        << "_info\n#define QCC_MODEL_RUN " << prefix << "_run\n"
        << runnerSource();
  });
}

/// Runs clang++ from LLVM 22 with `args` (after the program name).
static llvm::Error runClang(StringRef cppPath, ArrayRef<StringRef> args) {
  llvm::ErrorOr<std::string> clang = llvm::sys::findProgramByName("clang++-22");
  if (!clang)
    clang = llvm::sys::findProgramByName("clang++", {QCC_LLVM_TOOLS_DIR});
  if (!clang)
    return llvm::createStringError("cannot find clang++-22 to compile the "
                                   "generated code");
  SmallVector<StringRef> argv = {*clang};
  argv.append(args.begin(), args.end());
  std::string error;
  int status =
      llvm::sys::ExecuteAndWait(*clang, argv, std::nullopt, {}, 0, 0, &error);
  if (status != 0)
    return llvm::createStringError("compiling '" + cppPath.str() + "' failed" +
                                   (error.empty() ? "" : ": " + error) +
                                   " (exit " + std::to_string(status) + ")");
  return llvm::Error::success();
}

/// The flags that select `triple` and `cpu` (none for this machine); on
/// Hexagon, 128-byte HVX and no small-data section (nothing sets its base
/// register without a C library).
static SmallVector<std::string> targetFlags(StringRef triple, StringRef cpu) {
  SmallVector<std::string> flags;
  if (!triple.empty())
    flags.push_back(("--target=" + triple).str());
  if (!cpu.empty())
    flags.push_back(("-mcpu=" + cpu).str());
  if (triple.starts_with("hexagon"))
    flags.append({"-mhvx", "-mhvx-length=128b", "-G0"});
  return flags;
}

static llvm::Error compile(StringRef cppPath, StringRef outPath,
                           StringRef triple, StringRef cpu,
                           ArrayRef<StringRef> kindFlags) {
  SmallVector<std::string> flags = targetFlags(triple, cpu);
  // SIMDe's loop hints cannot always be honoured: not the user's concern.
  SmallVector<StringRef> args = {"-std=c++17", "-O2", "-fno-exceptions",
                                 "-fno-rtti", "-Wno-pass-failed"};
  args.append(flags.begin(), flags.end());
  args.append(kindFlags.begin(), kindFlags.end());
  args.append({"-o", outPath, cppPath});
  return runClang(cppPath, args);
}

llvm::Error compileProgram(StringRef cppPath, StringRef exePath,
                           StringRef triple, StringRef cpu) {
  if (triple.empty())
    return compile(cppPath, exePath, triple, cpu, {});
  // Hexagon: freestanding (the runner makes its own system calls).
  if (triple.starts_with("hexagon"))
    return compile(cppPath, exePath, triple, cpu,
                   {"-static", "-ffreestanding", "-nostdlib", "-fuse-ld=lld"});
  return compile(cppPath, exePath, triple, cpu, {"-static", "-fuse-ld=lld"});
}

llvm::Error compileLibrary(StringRef cppPath, StringRef soPath,
                           StringRef triple, StringRef cpu) {
  if (triple.empty())
    return compile(cppPath, soPath, triple, cpu, {"-fPIC", "-shared"});
  return compile(
      cppPath, soPath, triple, cpu,
      {"-fPIC", "-shared", "-ffreestanding", "-nostdlib", "-fuse-ld=lld"});
}

llvm::Error compileObject(StringRef cppPath, StringRef outPath,
                          StringRef triple, StringRef cpu, bool assembly) {
  SmallVector<StringRef> kindFlags = {"-fPIC", assembly ? "-S" : "-c"};
  if (!triple.empty())
    kindFlags.push_back("-ffreestanding");
  return compile(cppPath, outPath, triple, cpu, kindFlags);
}

llvm::Expected<std::unique_ptr<HostLibrary>>
HostLibrary::load(StringRef soPath, StringRef prefix, func::FuncOp func) {
  std::unique_ptr<HostLibrary> library(new HostLibrary());
  library->handle = dlopen(soPath.str().c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library->handle)
    return llvm::createStringError("cannot load '" + soPath.str() +
                                   "': " + dlerror());
  auto *info = reinterpret_cast<const ModelInfo *(*)()>(
      dlsym(library->handle, (prefix + "_info").str().c_str()));
  library->entry =
      reinterpret_cast<int (*)(const void *const *, void *const *, void *)>(
          dlsym(library->handle, (prefix + "_run").str().c_str()));
  if (!info || !library->entry)
    return llvm::createStringError("'" + soPath.str() + "' does not export " +
                                   prefix.str() + "_run and " + prefix.str() +
                                   "_info");
  for (Type type : func.getResultTypes()) {
    auto shaped = cast<ShapedType>(type);
    std::optional<DType> dtype = dtypeOf(shaped.getElementType());
    if (!dtype)
      return llvm::createStringError("unsupported result type");
    library->resultTypes.push_back(*dtype);
    library->resultShapes.emplace_back(shaped.getShape());
  }
  const ModelInfo *model = info();
  if (model->abiVersion != 1 ||
      model->numOutputs != static_cast<int32_t>(func.getNumResults()))
    return llvm::createStringError("'" + soPath.str() +
                                   "' does not match the model");
  size_t size = std::max<size_t>(model->arenaSize, 128);
  library->arena = std::aligned_alloc(128, llvm::alignTo(size, 128));
  if (!library->arena)
    return llvm::createStringError("cannot allocate the model's arena");
  return std::move(library);
}

HostLibrary::~HostLibrary() {
  std::free(arena);
  if (handle)
    dlclose(handle);
}

llvm::Expected<std::vector<Tensor>>
HostLibrary::run(llvm::ArrayRef<Tensor> inputs) {
  std::vector<const void *> in;
  for (const Tensor &t : inputs)
    in.push_back(t.raw());
  std::vector<Tensor> results;
  std::vector<void *> out;
  for (auto [dtype, shape] : llvm::zip(resultTypes, resultShapes)) {
    results.emplace_back(dtype, shape);
    out.push_back(results.back().raw());
  }
  if (int status = entry(in.data(), out.data(), arena))
    return llvm::createStringError("the library's entry point failed (" +
                                   std::to_string(status) + ")");
  return results;
}

} // namespace qcc
