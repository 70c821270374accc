//===- OnnxTensor.h - ONNX TensorProto files --------------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef QCC_IMPORT_ONNXTENSOR_H
#define QCC_IMPORT_ONNXTENSOR_H

#include "qcc/Support/Tensor.h"

#include "llvm/Support/Error.h"

namespace qcc {

/// ONNX TensorProto.DataType numbers of the dtypes qcc holds.
std::optional<DType> dtypeOfOnnx(int32_t dataType);
int32_t onnxDataTypeOf(DType dtype);
/// "FLOAT8E4M3FN", "INT4", ... for diagnostics.
std::string onnxDataTypeName(int32_t dataType);

/// Reads a serialized onnx.TensorProto (.pb) file.
llvm::Expected<Tensor> readTensorProtoFile(llvm::StringRef path);

/// Reads a tensor from a .npy or a serialized onnx.TensorProto (.pb) file.
llvm::Expected<Tensor> readTensorFile(llvm::StringRef path);

/// Writes `tensor` as a serialized onnx.TensorProto (raw_data; int4/uint4
/// packed two per byte, as ONNX specifies).
llvm::Error writeTensorProtoFile(llvm::StringRef path, const Tensor &tensor,
                                 llvm::StringRef name = "");

} // namespace qcc

#endif // QCC_IMPORT_ONNXTENSOR_H
