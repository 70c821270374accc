//===- Tensor.h - A dense tensor in memory ----------------------*- C++ -*-===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The value the reference interpreter computes on and that qcc reads from and
// writes to .npy / ONNX .pb files. Quantized tensors hold their stored
// integers; their scale and zero point live in the MLIR type of the value.
//
//===----------------------------------------------------------------------===//

#ifndef QCC_SUPPORT_TENSOR_H
#define QCC_SUPPORT_TENSOR_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace qcc {

/// Element types of tensors in memory. Sub-byte integers (I2, U2, I4, U4)
/// take one byte per element here; packing is a concern of file formats and
/// code generators.
enum class DType : uint8_t {
  F16,
  BF16,
  F32,
  F64,
  Bool,
  I2,
  U2,
  I4,
  U4,
  I8,
  U8,
  I16,
  U16,
  I32,
  U32,
  I64,
  U64,
};

/// Bytes per element in memory.
size_t dtypeSize(DType dtype);
/// numpy-style name: "float32", "uint8", "int4", ...
llvm::StringRef dtypeName(DType dtype);
bool isFloat(DType dtype);
bool isSigned(DType dtype);
/// Number of value bits of an integer dtype (2 for I2, 4 for I4, 8 for U8,
/// ...).
unsigned integerBits(DType dtype);

/// The in-memory dtype of an MLIR element type; a quantized type maps to its
/// storage type. std::nullopt for types qcc cannot hold.
std::optional<DType> dtypeOf(mlir::Type elementType);
/// The MLIR element type of a dtype (signless for signed integers, `uiN` for
/// unsigned ones, i1 for Bool).
mlir::Type mlirTypeOf(DType dtype, mlir::MLIRContext *context);

class Tensor {
public:
  Tensor() = default;
  /// A zero-filled tensor.
  Tensor(DType dtype, llvm::ArrayRef<int64_t> shape);

  DType dtype() const { return dtype_; }
  llvm::ArrayRef<int64_t> shape() const { return shape_; }
  int64_t rank() const { return shape_.size(); }
  int64_t numElements() const;
  size_t byteSize() const { return numElements() * dtypeSize(dtype_); }

  template <typename T> T *data() { return reinterpret_cast<T *>(data_); }
  template <typename T> const T *data() const {
    return reinterpret_cast<const T *>(data_);
  }
  void *raw() { return data_; }
  const void *raw() const { return data_; }

  /// The same elements under another shape (no copy; the buffer is shared).
  Tensor reshaped(llvm::ArrayRef<int64_t> shape) const;
  /// The same bytes as another dtype of the same size (no copy).
  Tensor bitcast(DType dtype) const;
  /// A deep copy.
  Tensor clone() const;

  /// Elements [begin, end) along axis 0, copied.
  Tensor sliceOuter(int64_t begin, int64_t end) const;

  /// The tensor as doubles (for comparisons and diagnostics).
  std::vector<double> toDoubles() const;

  /// The tensor as an attribute of `type` (a ranked tensor type whose element
  /// type is the tensor's dtype; a quantized element type takes the storage
  /// integers).
  mlir::DenseElementsAttr toAttr(mlir::ShapedType type) const;
  /// A tensor holding the values of a constant. Fails for element types qcc
  /// cannot hold.
  static std::optional<Tensor> fromAttr(mlir::ElementsAttr attr);

  /// Concatenation of `parts` along axis 0 (all of one dtype and trailing
  /// shape).
  static Tensor concatOuter(llvm::ArrayRef<Tensor> parts);

private:
  DType dtype_ = DType::F32;
  llvm::SmallVector<int64_t, 4> shape_;
  std::shared_ptr<uint8_t[]> buffer_;
  uint8_t *data_ = nullptr;
};

/// Calls `f` with a value of the C++ type that holds `dtype` in memory.
template <typename F> auto visitDType(DType dtype, F &&f) {
  switch (dtype) {
  case DType::F32:
    return f(float{});
  case DType::F64:
    return f(double{});
  case DType::I2:
  case DType::I4:
  case DType::I8:
    return f(int8_t{});
  case DType::Bool:
  case DType::U2:
  case DType::U4:
  case DType::U8:
    return f(uint8_t{});
  case DType::I16:
    return f(int16_t{});
  case DType::U16:
  case DType::F16:
  case DType::BF16:
    return f(uint16_t{});
  case DType::I32:
    return f(int32_t{});
  case DType::U32:
    return f(uint32_t{});
  case DType::I64:
    return f(int64_t{});
  case DType::U64:
    return f(uint64_t{});
  }
  llvm_unreachable("unknown dtype");
}

/// Calls `f` with a value of the storage type of `a` and one of `b` (an
/// input's and a result's, say).
template <typename F> void visitDTypes(DType a, DType b, F &&f) {
  visitDType(
      a, [&](auto aTag) { visitDType(b, [&](auto bTag) { f(aTag, bTag); }); });
}

} // namespace qcc

#endif // QCC_SUPPORT_TENSOR_H
