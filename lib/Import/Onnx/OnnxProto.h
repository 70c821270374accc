//===- OnnxProto.h - Helpers on ONNX protobuf messages ----------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Private to the ONNX importer: the only files that see onnx.pb.h.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_LIB_IMPORT_ONNX_ONNXPROTO_H
#define QCC_LIB_IMPORT_ONNX_ONNXPROTO_H

#include "qcc/Support/Tensor.h"

#include "llvm/Support/Error.h"

#include "onnx.pb.h"

namespace qcc {

/// The value of an initializer, Constant attribute or .pb file. External
/// data is read relative to `baseDir`.
llvm::Expected<Tensor> tensorFromProto(const onnx::TensorProto &proto,
                                       llvm::StringRef baseDir);

/// Parses a serialized protobuf message from a file.
template <typename Message>
llvm::Error parseProtoFile(llvm::StringRef path, Message &message);

} // namespace qcc

#endif // QCC_LIB_IMPORT_ONNX_ONNXPROTO_H
