//===- Npy.cpp - NumPy .npy files -----------------------------------------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "qcc/Support/Npy.h"
#include "qcc/Support/WriteFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace llvm;

namespace qcc {

static constexpr char kMagic[] = "\x93NUMPY";

static std::optional<DType> parseDescr(StringRef descr) {
  // Byte order: '<' little, '|' not applicable, '=' native (little here).
  if (descr.size() < 2 || !StringRef("<|=").contains(descr[0]))
    return std::nullopt;
  return StringSwitch<std::optional<DType>>(descr.drop_front())
      .Case("f2", DType::F16)
      .Case("f4", DType::F32)
      .Case("f8", DType::F64)
      .Case("b1", DType::Bool)
      .Case("i1", DType::I8)
      .Case("u1", DType::U8)
      .Case("i2", DType::I16)
      .Case("u2", DType::U16)
      .Case("i4", DType::I32)
      .Case("u4", DType::U32)
      .Case("i8", DType::I64)
      .Case("u8", DType::U64)
      .Default(std::nullopt);
}

static StringRef descrOf(DType dtype) {
  switch (dtype) {
  case DType::F16:
    return "<f2";
  case DType::BF16:
    return "<u2"; // numpy has no bfloat16: the raw bits
  case DType::F32:
    return "<f4";
  case DType::F64:
    return "<f8";
  case DType::Bool:
    return "|b1";
  case DType::I2:
  case DType::I4:
  case DType::I8:
    return "|i1";
  case DType::U2:
  case DType::U4:
  case DType::U8:
    return "|u1";
  case DType::I16:
    return "<i2";
  case DType::U16:
    return "<u2";
  case DType::I32:
    return "<i4";
  case DType::U32:
    return "<u4";
  case DType::I64:
    return "<i8";
  case DType::U64:
    return "<u8";
  }
  llvm_unreachable("unknown dtype");
}

/// The value of `'key': value` in the header dictionary, up to `end`.
static StringRef headerValue(StringRef header, StringRef key) {
  size_t at = header.find(("'" + key + "'").str());
  if (at == StringRef::npos)
    return {};
  StringRef rest = header.drop_front(at + key.size() + 2).ltrim(" :");
  if (rest.starts_with("(")) {
    size_t close = rest.find(')');
    return close == StringRef::npos ? StringRef() : rest.take_front(close + 1);
  }
  return rest.take_until([](char c) { return c == ',' || c == '}'; }).trim();
}

Expected<Tensor> readNpy(StringRef path) {
  auto fail = [&](const Twine &why) {
    return createStringError(inconvertibleErrorCode(),
                             path + ": not a readable .npy file: " + why);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> file = MemoryBuffer::getFile(path);
  if (!file)
    return createStringError(file.getError(), "cannot open '" + path + "': " +
                                                  file.getError().message());
  StringRef bytes = (*file)->getBuffer();
  if (bytes.size() < 10 || !bytes.starts_with(StringRef(kMagic, 6)))
    return fail("missing NUMPY magic");
  unsigned major = static_cast<uint8_t>(bytes[6]);
  size_t headerLength, headerStart;
  if (major == 1) {
    headerLength =
        static_cast<uint8_t>(bytes[8]) | static_cast<uint8_t>(bytes[9]) << 8;
    headerStart = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return fail("truncated header");
    headerLength = 0;
    for (int i = 3; i >= 0; --i)
      headerLength = headerLength << 8 | static_cast<uint8_t>(bytes[8 + i]);
    headerStart = 12;
  } else {
    return fail("unknown format version " + Twine(major));
  }
  if (bytes.size() < headerStart + headerLength)
    return fail("truncated header");
  StringRef header = bytes.substr(headerStart, headerLength);
  StringRef descr = headerValue(header, "descr").trim("'\"");
  std::optional<DType> dtype = parseDescr(descr);
  if (!dtype)
    return fail("unsupported dtype '" + descr + "'");
  if (headerValue(header, "fortran_order") != "False")
    return fail("Fortran-order arrays are not supported");
  StringRef shapeText = headerValue(header, "shape");
  if (!shapeText.consume_front("(") || !shapeText.consume_back(")"))
    return fail("cannot read the shape");
  SmallVector<int64_t> shape;
  SmallVector<StringRef> dims;
  shapeText.split(dims, ',', -1, /*KeepEmpty=*/false);
  for (StringRef dim : dims) {
    int64_t size;
    if (dim.trim().getAsInteger(10, size) || size < 0)
      return fail("cannot read the shape");
    shape.push_back(size);
  }
  StringRef payload = bytes.drop_front(headerStart + headerLength);
  int64_t elements = 1;
  for (int64_t size : shape)
    if (MulOverflow(elements, size, elements) ||
        elements > static_cast<int64_t>(payload.size()))
      return fail("the shape needs more data than the file holds");
  size_t wanted = elements * dtypeSize(*dtype);
  if (payload.size() < wanted)
    return fail("expected " + Twine(wanted) + " bytes of data, got " +
                Twine(payload.size()));
  Tensor tensor(*dtype, shape);
  std::memcpy(tensor.raw(), payload.data(), tensor.byteSize());
  return tensor;
}

Error writeNpy(StringRef path, const Tensor &tensor) {
  std::string header = "{'descr': '" + descrOf(tensor.dtype()).str() +
                       "', 'fortran_order': False, 'shape': (";
  for (int64_t size : tensor.shape())
    header += std::to_string(size) + ", ";
  if (tensor.rank() == 1)
    header.resize(header.size() - 1); // (n,)
  else if (tensor.rank() > 1)
    header.resize(header.size() - 2);
  header += "), }";
  // Pad so that the data starts 64-byte aligned, ending with a newline.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  return writeFile(path, [&](raw_ostream &os) {
    os.write(kMagic, 6);
    os << '\x01' << '\x00';
    os << static_cast<char>(header.size() & 0xff)
       << static_cast<char>(header.size() >> 8);
    os << header;
    os.write(static_cast<const char *>(tensor.raw()), tensor.byteSize());
  });
}

} // namespace qcc
