//===- CalibrationInputs.cpp - Reading calibration batches ----------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Dialect/Qcc/Transforms/CalibrationInputs.h"
#include "qcc/Dialect/Qcc/IR/QccShapes.h"
#include "qcc/Import/OnnxTensor.h"

using namespace mlir;

namespace qcc {

FailureOr<CalibrationInputs>
readCalibrationInputs(func::FuncOp func, ArrayRef<std::string> files) {
  if (files.size() != func.getNumArguments())
    return func.emitError("expects one calibration file per argument (")
           << func.getNumArguments() << "), got " << files.size();
  CalibrationInputs inputs;
  inputs.runs = -1;
  for (auto [i, path] : llvm::enumerate(files)) {
    llvm::Expected<Tensor> tensor = readTensorFile(path);
    if (!tensor)
      return func.emitError("calibration: ")
             << llvm::toString(tensor.takeError());
    auto type = cast<RankedTensorType>(func.getArgumentTypes()[i]);
    ArrayRef<int64_t> want = type.getShape(), have = tensor->shape();
    std::optional<DType> dtype = dtypeOf(type.getElementType());
    if (dtype != tensor->dtype() || want.empty() ||
        have.size() != want.size() || want.drop_front() != have.drop_front() ||
        want[0] <= 0 || have[0] % want[0])
      return func.emitError("calibration file '")
             << path << "' (" << dtypeName(tensor->dtype()) << " "
             << formatShape(have) << ") does not hold batches of argument #"
             << i << " (" << type << ")";
    int64_t runs = have[0] / want[0];
    if (inputs.runs >= 0 && runs != inputs.runs)
      return func.emitError("calibration files hold different numbers of "
                            "batches (")
             << inputs.runs << " and " << runs << ")";
    inputs.runs = runs;
    inputs.batches.push_back(std::move(*tensor));
  }
  return inputs;
}

} // namespace qcc
