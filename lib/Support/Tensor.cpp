//===- Tensor.cpp - A dense tensor in memory ------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/Tensor.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/APFloat.h"

#include <cstring>

using namespace mlir;

namespace qcc {

size_t dtypeSize(DType dtype) {
  switch (dtype) {
  case DType::Bool:
  case DType::I2:
  case DType::U2:
  case DType::I4:
  case DType::U4:
  case DType::I8:
  case DType::U8:
    return 1;
  case DType::F16:
  case DType::BF16:
  case DType::I16:
  case DType::U16:
    return 2;
  case DType::F32:
  case DType::I32:
  case DType::U32:
    return 4;
  case DType::F64:
  case DType::I64:
  case DType::U64:
    return 8;
  }
  llvm_unreachable("unknown dtype");
}

llvm::StringRef dtypeName(DType dtype) {
  static constexpr llvm::StringLiteral names[] = {
      "float16", "bfloat16", "float32", "float64", "bool",  "int2",
      "uint2",   "int4",     "uint4",   "int8",    "uint8", "int16",
      "uint16",  "int32",    "uint32",  "int64",   "uint64"};
  return names[static_cast<int>(dtype)];
}

bool isFloat(DType dtype) {
  return dtype == DType::F16 || dtype == DType::BF16 || dtype == DType::F32 ||
         dtype == DType::F64;
}

bool isSigned(DType dtype) {
  switch (dtype) {
  case DType::I2:
  case DType::I4:
  case DType::I8:
  case DType::I16:
  case DType::I32:
  case DType::I64:
    return true;
  default:
    return isFloat(dtype);
  }
}

unsigned integerBits(DType dtype) {
  switch (dtype) {
  case DType::Bool:
    return 1;
  case DType::I2:
  case DType::U2:
    return 2;
  case DType::I4:
  case DType::U4:
    return 4;
  default:
    return dtypeSize(dtype) * 8;
  }
}

std::optional<DType> dtypeOf(Type type) {
  if (auto quantized = dyn_cast<quant::QuantizedType>(type)) {
    bool isSignedStorage = quantized.isSigned();
    switch (quantized.getStorageTypeIntegralWidth()) {
    case 2:
      return isSignedStorage ? DType::I2 : DType::U2;
    case 4:
      return isSignedStorage ? DType::I4 : DType::U4;
    case 8:
      return isSignedStorage ? DType::I8 : DType::U8;
    case 16:
      return isSignedStorage ? DType::I16 : DType::U16;
    case 32:
      return isSignedStorage ? DType::I32 : DType::U32;
    default:
      return std::nullopt;
    }
  }
  if (type.isF16())
    return DType::F16;
  if (type.isBF16())
    return DType::BF16;
  if (type.isF32())
    return DType::F32;
  if (type.isF64())
    return DType::F64;
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || integer.isSigned())
    return std::nullopt;
  bool isUnsignedInt = integer.isUnsigned();
  switch (integer.getWidth()) {
  case 1:
    return DType::Bool;
  case 2:
    return isUnsignedInt ? DType::U2 : DType::I2;
  case 4:
    return isUnsignedInt ? DType::U4 : DType::I4;
  case 8:
    return isUnsignedInt ? DType::U8 : DType::I8;
  case 16:
    return isUnsignedInt ? DType::U16 : DType::I16;
  case 32:
    return isUnsignedInt ? DType::U32 : DType::I32;
  case 64:
    return isUnsignedInt ? DType::U64 : DType::I64;
  default:
    return std::nullopt;
  }
}

Type mlirTypeOf(DType dtype, MLIRContext *context) {
  Builder b(context);
  auto unsignedInt = [&](unsigned width) {
    return IntegerType::get(context, width, IntegerType::Unsigned);
  };
  switch (dtype) {
  case DType::F16:
    return b.getF16Type();
  case DType::BF16:
    return b.getBF16Type();
  case DType::F32:
    return b.getF32Type();
  case DType::F64:
    return b.getF64Type();
  case DType::Bool:
    return b.getI1Type();
  case DType::I2:
    return b.getIntegerType(2);
  case DType::U2:
    return unsignedInt(2);
  case DType::I4:
    return b.getIntegerType(4);
  case DType::U4:
    return unsignedInt(4);
  case DType::I8:
    return b.getI8Type();
  case DType::U8:
    return unsignedInt(8);
  case DType::I16:
    return b.getI16Type();
  case DType::U16:
    return unsignedInt(16);
  case DType::I32:
    return b.getI32Type();
  case DType::U32:
    return unsignedInt(32);
  case DType::I64:
    return b.getI64Type();
  case DType::U64:
    return unsignedInt(64);
  }
  llvm_unreachable("unknown dtype");
}

Tensor::Tensor(DType dtype, llvm::ArrayRef<int64_t> shape)
    : dtype_(dtype), shape_(shape) {
  size_t bytes = std::max<size_t>(byteSize(), 1);
  buffer_ = std::shared_ptr<uint8_t[]>(new uint8_t[bytes]());
  data_ = buffer_.get();
}

int64_t Tensor::numElements() const {
  int64_t n = 1;
  for (int64_t size : shape_)
    n *= size;
  return n;
}

Tensor Tensor::reshaped(llvm::ArrayRef<int64_t> shape) const {
  Tensor result = *this;
  result.shape_.assign(shape.begin(), shape.end());
  return result;
}

Tensor Tensor::bitcast(DType dtype) const {
  Tensor result = *this;
  result.dtype_ = dtype;
  return result;
}

Tensor Tensor::clone() const {
  Tensor result(dtype_, shape_);
  std::memcpy(result.data_, data_, byteSize());
  return result;
}

Tensor Tensor::sliceOuter(int64_t begin, int64_t end) const {
  llvm::SmallVector<int64_t, 4> shape(shape_);
  shape[0] = end - begin;
  Tensor result(dtype_, shape);
  size_t rowBytes = shape_[0] ? byteSize() / shape_[0] : 0;
  std::memcpy(result.data_, data_ + begin * rowBytes, (end - begin) * rowBytes);
  return result;
}

Tensor Tensor::concatOuter(llvm::ArrayRef<Tensor> parts) {
  llvm::SmallVector<int64_t, 4> shape(parts.front().shape());
  shape[0] = 0;
  for (const Tensor &part : parts)
    shape[0] += part.shape()[0];
  Tensor result(parts.front().dtype(), shape);
  uint8_t *out = result.data_;
  for (const Tensor &part : parts) {
    std::memcpy(out, part.data_, part.byteSize());
    out += part.byteSize();
  }
  return result;
}

static double halfToDouble(uint16_t bits, const llvm::fltSemantics &sem) {
  return llvm::APFloat(sem, llvm::APInt(16, bits)).convertToDouble();
}

std::vector<double> Tensor::toDoubles() const {
  int64_t n = numElements();
  std::vector<double> values(n);
  for (int64_t i = 0; i < n; ++i) {
    switch (dtype_) {
    case DType::F16:
      values[i] = halfToDouble(data<uint16_t>()[i], llvm::APFloat::IEEEhalf());
      break;
    case DType::BF16:
      values[i] = halfToDouble(data<uint16_t>()[i], llvm::APFloat::BFloat());
      break;
    case DType::F32:
      values[i] = data<float>()[i];
      break;
    case DType::F64:
      values[i] = data<double>()[i];
      break;
    case DType::Bool:
    case DType::U2:
    case DType::U4:
    case DType::U8:
      values[i] = data<uint8_t>()[i];
      break;
    case DType::I2:
    case DType::I4:
    case DType::I8:
      values[i] = data<int8_t>()[i];
      break;
    case DType::I16:
      values[i] = data<int16_t>()[i];
      break;
    case DType::U16:
      values[i] = data<uint16_t>()[i];
      break;
    case DType::I32:
      values[i] = data<int32_t>()[i];
      break;
    case DType::U32:
      values[i] = data<uint32_t>()[i];
      break;
    case DType::I64:
      values[i] = static_cast<double>(data<int64_t>()[i]);
      break;
    case DType::U64:
      values[i] = static_cast<double>(data<uint64_t>()[i]);
      break;
    }
  }
  return values;
}

DenseElementsAttr Tensor::toAttr(ShapedType type) const {
  if (dtype_ == DType::Bool) {
    llvm::SmallVector<bool> values(data<uint8_t>(),
                                   data<uint8_t>() + numElements());
    return DenseElementsAttr::get(type, values);
  }
  unsigned bits = integerBits(dtype_);
  if (bits < 8) {
    // Sub-byte integers go to MLIR as their low bits, one per byte.
    std::vector<char> masked(data_, data_ + byteSize());
    for (char &v : masked)
      v &= (1 << bits) - 1;
    return DenseElementsAttr::getFromRawBuffer(type, masked);
  }
  return DenseElementsAttr::getFromRawBuffer(
      type,
      llvm::ArrayRef<char>(reinterpret_cast<const char *>(data_), byteSize()));
}

std::optional<Tensor> Tensor::fromAttr(ElementsAttr attr) {
  auto dense = dyn_cast<DenseElementsAttr>(attr);
  std::optional<DType> dtype = dtypeOf(attr.getElementType());
  if (!dense || !dtype)
    return std::nullopt;
  Tensor result(*dtype, attr.getShapedType().getShape());
  int64_t n = result.numElements();
  if (*dtype == DType::Bool) {
    auto values = dense.getValues<bool>();
    for (int64_t i = 0; i < n; ++i)
      result.data<uint8_t>()[i] = values[i];
    return result;
  }
  llvm::ArrayRef<char> raw = dense.getRawData();
  size_t elementBytes = dtypeSize(*dtype);
  if (dense.isSplat()) {
    for (int64_t i = 0; i < n; ++i)
      std::memcpy(result.data_ + i * elementBytes, raw.data(), elementBytes);
  } else {
    std::memcpy(result.data_, raw.data(), result.byteSize());
  }
  // MLIR keeps sub-byte integers in a byte each, without sign extension.
  unsigned bits = integerBits(*dtype);
  if (bits < 8 && *dtype != DType::Bool) {
    uint8_t mask = (1 << bits) - 1, sign = 1 << (bits - 1);
    for (int64_t i = 0; i < n; ++i) {
      uint8_t v = result.data_[i] & mask;
      result.data_[i] = isSigned(*dtype) && (v & sign) ? v | ~mask : v;
    }
  }
  return result;
}

} // namespace qcc
