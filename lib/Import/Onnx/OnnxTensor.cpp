//===- OnnxTensor.cpp - ONNX TensorProto files ----------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Import/OnnxTensor.h"
#include "OnnxProto.h"
#include "qcc/Support/Npy.h"
#include "qcc/Support/WriteFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace llvm;

namespace qcc {

namespace {
struct DataTypeInfo {
  int32_t number;
  const char *name;
  std::optional<DType> dtype;
};
} // namespace

static const DataTypeInfo kDataTypes[] = {
    {1, "FLOAT", DType::F32},
    {2, "UINT8", DType::U8},
    {3, "INT8", DType::I8},
    {4, "UINT16", DType::U16},
    {5, "INT16", DType::I16},
    {6, "INT32", DType::I32},
    {7, "INT64", DType::I64},
    {8, "STRING", std::nullopt},
    {9, "BOOL", DType::Bool},
    {10, "FLOAT16", DType::F16},
    {11, "DOUBLE", DType::F64},
    {12, "UINT32", DType::U32},
    {13, "UINT64", DType::U64},
    {14, "COMPLEX64", std::nullopt},
    {15, "COMPLEX128", std::nullopt},
    {16, "BFLOAT16", DType::BF16},
    {17, "FLOAT8E4M3FN", std::nullopt},
    {18, "FLOAT8E4M3FNUZ", std::nullopt},
    {19, "FLOAT8E5M2", std::nullopt},
    {20, "FLOAT8E5M2FNUZ", std::nullopt},
    {21, "UINT4", DType::U4},
    {22, "INT4", DType::I4},
    {23, "FLOAT4E2M1", std::nullopt},
    {24, "FLOAT8E8M0", std::nullopt},
    {25, "UINT2", DType::U2},
    {26, "INT2", DType::I2},
};

std::optional<DType> dtypeOfOnnx(int32_t dataType) {
  for (const DataTypeInfo &info : kDataTypes)
    if (info.number == dataType)
      return info.dtype;
  return std::nullopt;
}

int32_t onnxDataTypeOf(DType dtype) {
  for (const DataTypeInfo &info : kDataTypes)
    if (info.dtype == dtype)
      return info.number;
  llvm_unreachable("every dtype has an ONNX number");
}

std::string onnxDataTypeName(int32_t dataType) {
  for (const DataTypeInfo &info : kDataTypes)
    if (info.number == dataType)
      return info.name;
  return "data type " + std::to_string(dataType);
}

/// More elements than any model's tensor has; larger shapes are corrupt.
static constexpr int64_t kMaxTensorElements = int64_t(1) << 31;

static std::string formatShapeOf(llvm::ArrayRef<int64_t> shape) {
  std::string text;
  for (int64_t size : shape)
    text += (text.empty() ? "" : "x") + std::to_string(size);
  return text;
}

/// Unpacks 8 / bits values per byte, lowest bits first, sign-extending
/// signed types.
static void unpackSubByte(const uint8_t *packed, Tensor &tensor) {
  unsigned bits = integerBits(tensor.dtype()), perByte = 8 / bits;
  uint8_t mask = (1 << bits) - 1, sign = 1 << (bits - 1);
  bool isSignedValue = isSigned(tensor.dtype());
  uint8_t *out = tensor.data<uint8_t>();
  for (int64_t i = 0, n = tensor.numElements(); i < n; ++i) {
    uint8_t value = (packed[i / perByte] >> (bits * (i % perByte))) & mask;
    out[i] = isSignedValue && (value & sign) ? value | ~mask : value;
  }
}

/// Whether ONNX stores `dtype` packed several values per byte.
static bool isSubByte(DType dtype) {
  return integerBits(dtype) < 8 && dtype != DType::Bool;
}

Expected<Tensor> tensorFromProto(const onnx::TensorProto &proto,
                                 StringRef baseDir) {
  std::string name = proto.name().empty() ? "<unnamed>" : proto.name();
  auto fail = [&](const Twine &why) {
    return createStringError(inconvertibleErrorCode(),
                             "tensor '" + name + "': " + why);
  };
  std::optional<DType> dtype = dtypeOfOnnx(proto.data_type());
  if (!dtype)
    return fail("element type " + onnxDataTypeName(proto.data_type()) +
                " is not supported");
  SmallVector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  if (llvm::any_of(shape, [](int64_t d) { return d < 0; }))
    return fail("negative dimension");
  // Sizes are checked against the data before anything is allocated: a
  // corrupt shape must not exhaust memory.
  int64_t n = 1;
  for (int64_t size : shape)
    if (llvm::MulOverflow(n, size, n) || n > kMaxTensorElements)
      return fail("has too many elements (" + formatShapeOf(shape) + ")");
  bool packed = isSubByte(*dtype);
  size_t perByte = packed ? 8 / integerBits(*dtype) : 1;
  size_t packedBytes =
      packed ? (n + perByte - 1) / perByte : n * dtypeSize(*dtype);
  Tensor tensor;

  auto fromBytes = [&](StringRef bytes) -> Expected<Tensor> {
    if (bytes.size() != packedBytes)
      return fail("holds " + Twine(bytes.size()) + " bytes of data, expected " +
                  Twine(packedBytes));
    tensor = Tensor(*dtype, shape);
    if (packed)
      unpackSubByte(reinterpret_cast<const uint8_t *>(bytes.data()), tensor);
    else
      std::memcpy(tensor.raw(), bytes.data(), bytes.size());
    return tensor;
  };

  if (proto.data_location() == onnx::TensorProto::EXTERNAL) {
    std::string location;
    uint64_t offset = 0, length = 0;
    bool hasLength = false;
    for (const onnx::StringStringEntryProto &entry : proto.external_data()) {
      StringRef key = entry.key(), value = entry.value();
      if (key == "location") {
        location = value.str();
      } else if (key == "offset") {
        if (value.getAsInteger(10, offset))
          return fail("external data offset '" + value + "' is not a number");
      } else if (key == "length") {
        if (value.getAsInteger(10, length))
          return fail("external data length '" + value + "' is not a number");
        hasLength = true;
      }
    }
    if (location.empty())
      return fail("external data without a location");
    // Side files live beside the model, as ONNX's checker requires.
    if (sys::path::is_absolute(location) ||
        llvm::is_contained(llvm::make_range(sys::path::begin(location),
                                            sys::path::end(location)),
                           ".."))
      return fail("external data location '" + location +
                  "' is outside the model's directory");
    SmallString<256> path(baseDir);
    sys::path::append(path, location);
    uint64_t fileSize = 0, wanted = hasLength ? length : packedBytes;
    if (std::error_code ec = sys::fs::file_size(path, fileSize))
      return fail("cannot read external data '" + path + "': " + ec.message());
    if (offset > fileSize || wanted > fileSize - offset)
      return fail("external data '" + path + "' holds " + Twine(fileSize) +
                  " bytes, fewer than offset " + Twine(offset) + " + " +
                  Twine(wanted));
    ErrorOr<std::unique_ptr<MemoryBuffer>> file =
        MemoryBuffer::getFileSlice(path, wanted, offset);
    if (!file)
      return fail("cannot read external data '" + path +
                  "': " + file.getError().message());
    return fromBytes((*file)->getBuffer());
  }
  if (proto.has_raw_data())
    return fromBytes(proto.raw_data());

  auto checkCount = [&](int64_t count, int64_t expected) -> Error {
    if (count == expected)
      return Error::success();
    return fail("holds " + Twine(count) + " values, expected " +
                Twine(expected));
  };
  switch (*dtype) {
  case DType::F32:
    if (Error e = checkCount(proto.float_data_size(), n))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    std::copy(proto.float_data().begin(), proto.float_data().end(),
              tensor.data<float>());
    return tensor;
  case DType::F64:
    if (Error e = checkCount(proto.double_data_size(), n))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    std::copy(proto.double_data().begin(), proto.double_data().end(),
              tensor.data<double>());
    return tensor;
  case DType::I64:
    if (Error e = checkCount(proto.int64_data_size(), n))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    std::copy(proto.int64_data().begin(), proto.int64_data().end(),
              tensor.data<int64_t>());
    return tensor;
  case DType::U32:
  case DType::U64: {
    if (Error e = checkCount(proto.uint64_data_size(), n))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    for (int64_t i = 0; i < n; ++i) {
      if (*dtype == DType::U32)
        tensor.data<uint32_t>()[i] = proto.uint64_data(i);
      else
        tensor.data<uint64_t>()[i] = proto.uint64_data(i);
    }
    return tensor;
  }
  case DType::I2:
  case DType::U2:
  case DType::I4:
  case DType::U4: {
    // Packed bytes, one per int32.
    if (Error e = checkCount(proto.int32_data_size(), packedBytes))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    std::vector<uint8_t> bytes(proto.int32_data().begin(),
                               proto.int32_data().end());
    unpackSubByte(bytes.data(), tensor);
    return tensor;
  }
  default: {
    // Everything narrower than 32 bits, and int32, comes in int32_data
    // (float16 and bfloat16 as their bit patterns).
    if (Error e = checkCount(proto.int32_data_size(), n))
      return std::move(e);
    tensor = Tensor(*dtype, shape);
    size_t size = dtypeSize(*dtype);
    auto *out = static_cast<uint8_t *>(tensor.raw());
    for (int64_t i = 0; i < n; ++i) {
      int32_t value = proto.int32_data(i);
      std::memcpy(out + i * size, &value, size);
    }
    return tensor;
  }
  }
}

template <typename Message>
Error parseProtoFile(StringRef path, Message &message) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file = MemoryBuffer::getFile(path);
  if (!file)
    return createStringError(file.getError(), "cannot open '" + path + "': " +
                                                  file.getError().message());
  StringRef bytes = (*file)->getBuffer();
  if (bytes.size() > static_cast<size_t>(INT32_MAX) ||
      !message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return createStringError(inconvertibleErrorCode(),
                             path + ": not a valid (or a truncated) " +
                                 message.GetTypeName() + " protobuf");
  return Error::success();
}

template Error parseProtoFile(StringRef, onnx::ModelProto &);
template Error parseProtoFile(StringRef, onnx::TensorProto &);

Expected<Tensor> readTensorProtoFile(StringRef path) {
  onnx::TensorProto proto;
  if (Error e = parseProtoFile(path, proto))
    return std::move(e);
  Expected<Tensor> tensor =
      tensorFromProto(proto, sys::path::parent_path(path));
  if (!tensor)
    return createStringError(inconvertibleErrorCode(),
                             path + ": " + toString(tensor.takeError()));
  return tensor;
}

Expected<Tensor> readTensorFile(StringRef path) {
  StringRef extension = sys::path::extension(path);
  if (extension == ".npy")
    return readNpy(path);
  if (extension == ".pb")
    return readTensorProtoFile(path);
  return createStringError(inconvertibleErrorCode(),
                           "cannot tell the format of '" + path +
                               "' (expected .npy or .pb)");
}

Error writeTensorProtoFile(StringRef path, const Tensor &tensor,
                           StringRef name) {
  onnx::TensorProto proto;
  proto.set_name(name.str());
  proto.set_data_type(onnxDataTypeOf(tensor.dtype()));
  for (int64_t size : tensor.shape())
    proto.add_dims(size);
  const auto *bytes = static_cast<const char *>(tensor.raw());
  if (isSubByte(tensor.dtype())) {
    unsigned bits = integerBits(tensor.dtype()), perByte = 8 / bits;
    std::string packed((tensor.numElements() + perByte - 1) / perByte, '\0');
    for (int64_t i = 0, n = tensor.numElements(); i < n; ++i)
      packed[i / perByte] |= static_cast<char>((bytes[i] & ((1 << bits) - 1))
                                               << (bits * (i % perByte)));
    proto.set_raw_data(std::move(packed));
  } else {
    proto.set_raw_data(std::string(bytes, tensor.byteSize()));
  }
  return writeFile(path,
                   [&](raw_ostream &os) { os << proto.SerializeAsString(); });
}

} // namespace qcc
