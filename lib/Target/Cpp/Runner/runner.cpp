//===- runner.cpp - The command line of a generated test executable -------===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// qcc -emit=exe appends this text to a generated library, after defining
// QCC_MODEL_INFO and QCC_MODEL_RUN as its two entry points, and compiles the
// whole as one static program with the CLI of qcc-run:
//
//   model.elf --input=x.npy [--input=...] [--output-dir=DIR] [--repeat=N]
//
// Inputs are .npy files or ONNX TensorProto .pb files (as ONNX's test data
// sets hold them); outputs are written as DIR/output_<i>.npy.
// A leading dimension k times the model's batch runs the model k times
// (every input must hold the same k).
// Every inference is bracketed by the region markers of qemu-insncount
// (write(-1, NULL, 0x5EC0DE01) and ...02), so that only inference counts.
// Only a few POSIX calls: no C++ library, no exceptions; on Hexagon no C
// library either (system calls, and the library's own memcpy).
//
//===----------------------------------------------------------------------===//

#if defined(__hexagon__)
// No C library on Hexagon: Linux system calls through trap0(#1), the number
// in r6.
namespace {
long sys(long number, long a = 0, long b = 0, long c = 0, long d = 0,
         long e = 0, long f = 0) {
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  register long r3 __asm__("r3") = d;
  register long r4 __asm__("r4") = e;
  register long r5 __asm__("r5") = f;
  register long r6 __asm__("r6") = number;
  __asm__ volatile("trap0(#1)"
                   : "+r"(r0)
                   : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r6)
                   : "memory");
  return r0;
}
enum : long {
  kMkdirat = 34,
  kOpenat = 56,
  kClose = 57,
  kLlseek = 62,
  kRead = 63,
  kWrite = 64,
  kExitGroup = 94,
  kMmap2 = 222,
  kAtCwd = -100,
};
int openFile(const char *path, bool write) {
  long fd =
      sys(kOpenat, kAtCwd, (long)path,
          write ? 01 | 0100 | 01000 /* O_WRONLY|O_CREAT|O_TRUNC */ : 0, 0644);
  return fd < 0 ? -1 : (int)fd;
}
long readSome(int fd, void *to, size_t n) {
  return sys(kRead, fd, (long)to, (long)n);
}
long writeSome(int fd, const void *from, size_t n) {
  return sys(kWrite, fd, (long)from, (long)n);
}
bool closeFile(int fd) { return sys(kClose, fd) == 0; }
/* _llseek (the 32-bit lseek): the offset in two halves, the result stored. */
long fileSize(int fd) {
  long long size = -1, start = -1;
  sys(kLlseek, fd, 0, 0, (long)&size, 2 /* SEEK_END */);
  sys(kLlseek, fd, 0, 0, (long)&start, 0 /* SEEK_SET */);
  return start == 0 ? (long)size : -1;
}
/* Fresh zeroed memory, page- (so 128-byte-) aligned; never freed. */
void *allocate(size_t n) {
  long p = sys(kMmap2, 0, (long)(n ? n : 1), 3 /* PROT_READ|PROT_WRITE */,
               0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
  return p < 0 && p > -4096 ? nullptr : (void *)p;
}
void makeDirectory(const char *path) {
  sys(kMkdirat, kAtCwd, (long)path, 0755);
}
void marker(long value) { sys(kWrite, -1, 0, value); }
} // namespace

int main(int argc, char **argv);
extern "C" [[noreturn]] void qcc_start(long *stack) {
  sys(kExitGroup, main((int)stack[0], (char **)(stack + 1)));
  __builtin_unreachable();
}
/* The process starts with r29 at argc, argv after it. */
__asm__(".text\n.globl _start\n.type _start, @function\n_start:\n"
        "  r0 = r29\n  r29 = and(r29, #-8)\n  call qcc_start\n");
#else
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {
int openFile(const char *path, bool write) {
  return write ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)
               : open(path, O_RDONLY);
}
long readSome(int fd, void *to, size_t n) { return read(fd, to, n); }
long writeSome(int fd, const void *from, size_t n) {
  return write(fd, from, n);
}
bool closeFile(int fd) { return close(fd) == 0; }
long fileSize(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}
/* Fresh zeroed memory, 128-byte aligned; never freed. */
void *allocate(size_t n) {
  n = (n + 127) / 128 * 128;
  void *p = aligned_alloc(128, n ? n : 128);
  return p ? memset(p, 0, n ? n : 128) : nullptr;
}
void makeDirectory(const char *path) { mkdir(path, 0755); }
void marker(long value) { syscall(SYS_write, -1, (void *)0, value); }
} // namespace
#endif

namespace {

size_t length(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  return n;
}
bool startsWith(const char *s, const char *prefix) {
  while (*prefix)
    if (*s++ != *prefix++)
      return false;
  return true;
}
/* The first occurrence of `needle` in `s`, or null. */
const char *find(const char *s, const char *needle) {
  for (; *s; ++s)
    if (startsWith(s, needle))
      return s;
  return nullptr;
}
/* A decimal integer at s; end is where it stops (s when there is none). */
long long parseInteger(const char *s, const char *&end) {
  long long value = 0;
  end = s;
  while (*end >= '0' && *end <= '9')
    value = value * 10 + (*end++ - '0');
  return value;
}

/* Text built in a fixed buffer (truncated when full). */
struct Text {
  char data[4096];
  size_t used = 0;
  Text &operator<<(const char *s) {
    while (*s && used + 1 < sizeof(data))
      data[used++] = *s++;
    data[used] = 0;
    return *this;
  }
  Text &operator<<(long long value) {
    char digits[24];
    int n = 0;
    unsigned long long v = value < 0 ? 0ull - (unsigned long long)value
                                     : (unsigned long long)value;
    do
      digits[n++] = (char)('0' + v % 10);
    while (v /= 10);
    if (value < 0)
      digits[n++] = '-';
    while (n > 0 && used + 1 < sizeof(data))
      data[used++] = digits[--n];
    data[used] = 0;
    return *this;
  }
};

bool writeAll(int fd, const void *data, size_t n) {
  const char *p = (const char *)data;
  while (n > 0) {
    long written = writeSome(fd, p, n);
    if (written <= 0)
      return false;
    p += written;
    n -= (size_t)written;
  }
  return true;
}

int fail(const char *what, const char *detail) {
  Text text;
  text << "error: " << what << detail << "\n";
  writeAll(2, text.data, text.used);
  return 1;
}

/* The whole file at `path` (a terminating zero after it), or null. */
unsigned char *readFile(const char *path, size_t &size) {
  int fd = openFile(path, false);
  if (fd < 0)
    return nullptr;
  long n = fileSize(fd);
  unsigned char *bytes = n < 0 ? nullptr : (unsigned char *)allocate(n + 1);
  size = 0;
  while (bytes && size < (size_t)n) {
    long got = readSome(fd, bytes + size, (size_t)n - size);
    if (got <= 0)
      bytes = nullptr;
    else
      size += (size_t)got;
  }
  closeFile(fd);
  return bytes;
}

/* The .npy descriptor of each qcc_dtype, and its size. */
const char *descrOf(int32_t dtype) {
  static const char *const descrs[] = {"<f4", "|i1", "|u1", "<i2", "<i4"};
  return dtype >= 0 && dtype <= 4 ? descrs[dtype] : "";
}
size_t sizeOf(int32_t dtype) {
  static const size_t sizes[] = {4, 1, 1, 2, 4};
  return dtype >= 0 && dtype <= 4 ? sizes[dtype] : 0;
}

struct Array {
  int32_t dtype = -1;
  int rank = 0;
  int64_t shape[8] = {};
  char *data = nullptr;
  size_t bytes = 0;
};

/* Reads a little-endian, C-order .npy file of a qcc dtype. */
bool readNpy(const char *path, Array &array) {
  size_t size;
  unsigned char *bytes = readFile(path, size);
  if (!bytes || size < 10 || !startsWith((const char *)bytes, "\x93NUMPY") ||
      bytes[6] > 3)
    return false;
  /* Versions 2 and 3: a 4-byte header length. */
  size_t start = bytes[6] > 1 ? 12 : 10;
  if (size < start)
    return false;
  size_t headerLength = bytes[8] | bytes[9] << 8;
  if (start == 12)
    headerLength |= (size_t)bytes[10] << 16 | (size_t)bytes[11] << 24;
  if (headerLength > size - start)
    return false;
  char *header = (char *)allocate(headerLength + 1);
  if (!header)
    return false;
  memcpy(header, bytes + start, headerLength);
  const char *descr = find(header, "'descr': '");
  const char *shape = find(header, "'shape': (");
  if (!descr || !shape || find(header, "'fortran_order': True"))
    return false;
  descr += 10;
  for (int32_t d = 0; d <= 4; ++d)
    if (startsWith(descr, descrOf(d)))
      array.dtype = d;
  size_t count = 1;
  for (const char *p = shape + 10; *p && *p != ')';) {
    const char *end;
    long long dim = parseInteger(p, end);
    if (end == p || array.rank == 8)
      return false;
    array.shape[array.rank++] = dim;
    count *= dim;
    p = end;
    while (*p == ',' || *p == ' ')
      ++p;
  }
  array.bytes = count * sizeOf(array.dtype);
  array.data = (char *)(bytes + start + headerLength);
  return array.dtype >= 0 && array.bytes == size - start - headerLength;
}

/* ONNX's TensorProto data types of the qcc dtypes. */
const int kOnnxTypes[] = {1 /*FLOAT*/, 3 /*INT8*/, 2 /*UINT8*/, 5 /*INT16*/,
                          6 /*INT32*/};

/* A protobuf varint at p (before end); false past the end. */
bool varint(const unsigned char *&p, const unsigned char *end,
            unsigned long long &value) {
  value = 0;
  for (int shift = 0; p < end && shift < 64; shift += 7) {
    unsigned char byte = *p++;
    value |= (unsigned long long)(byte & 127) << shift;
    if (!(byte & 128))
      return true;
  }
  return false;
}

/* Reads an ONNX TensorProto (.pb): dims, data_type and raw_data, float_data
 * or int32_data. */
bool readPb(const char *path, Array &array) {
  size_t size;
  unsigned char *bytes = readFile(path, size);
  bool ok = bytes != nullptr;
  const unsigned char *p = bytes, *end = bytes + size;
  size_t count = 1;
  const unsigned char *raw = nullptr, *packed = nullptr;
  unsigned long long rawLength = 0, packedLength = 0, onnxType = 0;
  int packedField = 0;
  while (ok && p < end) {
    unsigned long long key, value;
    ok = varint(p, end, key);
    int field = (int)(key >> 3), wire = (int)(key & 7);
    if (!ok)
      break;
    if (wire == 0) {
      ok = varint(p, end, value);
      if (field == 1 && array.rank < 8)
        array.shape[array.rank++] = (int64_t)value, count *= value;
      else if (field == 2)
        onnxType = value;
    } else if (wire == 2) {
      ok = varint(p, end, value) && value <= (unsigned long long)(end - p);
      if (!ok)
        break;
      if (field == 1) { /* packed dims */
        const unsigned char *q = p;
        while (ok && q < p + value && array.rank < 8) {
          unsigned long long dim;
          ok = varint(q, p + value, dim);
          array.shape[array.rank++] = (int64_t)dim;
          count *= dim;
        }
      } else if (field == 9) {
        raw = p, rawLength = value;
      } else if (field == 4 || field == 5) {
        packed = p, packedLength = value, packedField = field;
      }
      p += value;
    } else if (wire == 5) {
      p += 4;
    } else if (wire == 1) {
      p += 8;
    } else {
      ok = false;
    }
  }
  for (int32_t d = 0; d <= 4; ++d)
    if ((unsigned long long)kOnnxTypes[d] == onnxType)
      array.dtype = d;
  size_t element = sizeOf(array.dtype);
  array.bytes = count * element;
  array.data = (char *)allocate(array.bytes);
  ok = ok && array.dtype >= 0 && array.data;
  if (ok && raw) {
    ok = rawLength == array.bytes;
    if (ok)
      memcpy(array.data, raw, array.bytes);
  } else if (ok && packed && packedField == 4) { /* float_data */
    ok = array.dtype == 0 && packedLength == array.bytes;
    if (ok)
      memcpy(array.data, packed, array.bytes);
  } else if (ok && packed) { /* int32_data: one varint per element */
    const unsigned char *q = packed;
    for (size_t i = 0; ok && i < count; ++i) {
      unsigned long long v;
      ok = varint(q, packed + packedLength, v);
      int32_t value = (int32_t)v;
      memcpy(array.data + i * element, &value, element); /* little-endian */
    }
  } else {
    ok = ok && count == 0;
  }
  return ok;
}

bool writeNpy(const char *path, int32_t dtype, int rank, const int64_t *shape,
              const char *data, size_t bytes) {
  Text header;
  header << "{'descr': '" << descrOf(dtype)
         << "', 'fortran_order': False, 'shape': (";
  for (int d = 0; d < rank; ++d)
    header << (long long)shape[d]
           << (rank == 1      ? ","
               : d + 1 < rank ? ", "
                              : "");
  header << "), }";
  /* Pad with spaces to a multiple of 64 bytes, newline last. */
  size_t total = (10 + header.used + 1 + 63) / 64 * 64;
  while (10 + header.used + 1 < total)
    header << " ";
  header << "\n";
  unsigned char preamble[10] = {0x93,
                                'N',
                                'U',
                                'M',
                                'P',
                                'Y',
                                1,
                                0,
                                (unsigned char)(header.used & 255),
                                (unsigned char)(header.used >> 8)};
  int fd = openFile(path, true);
  if (fd < 0)
    return false;
  bool ok = writeAll(fd, preamble, 10) &&
            writeAll(fd, header.data, header.used) && writeAll(fd, data, bytes);
  return closeFile(fd) && ok;
}

size_t bytesOf(const qcc_tensor_info &info) {
  size_t count = 1;
  for (int d = 0; d < info.rank; ++d)
    count *= info.shape[d];
  return count * sizeOf(info.dtype);
}

} // namespace

int main(int argc, char **argv) {
  const qcc_model_info *info = QCC_MODEL_INFO();
  const char *inputs[16];
  int numInputs = 0;
  const char *outputDir = ".";
  long repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const char *end = argv[i];
    if (startsWith(argv[i], "--input=") && numInputs < 16)
      inputs[numInputs++] = argv[i] + 8;
    else if (startsWith(argv[i], "--output-dir="))
      outputDir = argv[i] + 13;
    else if (startsWith(argv[i], "--repeat=") &&
             (repeat = parseInteger(argv[i] + 9, end)) > 0 && !*end)
      continue;
    else
      return fail("usage: --input=FILE.npy|FILE.pb ... [--output-dir=DIR] "
                  "[--repeat=N]; unexpected ",
                  argv[i]);
  }
  if (numInputs != info->num_inputs)
    return fail("wrong number of --input files for this model", "");
  if (info->num_outputs > 16)
    return fail("the runner handles at most 16 outputs", "");

  // Each input holds `runs` batches of the model's input.
  Array arrays[16];
  long runs = 1;
  for (int i = 0; i < numInputs; ++i) {
    const qcc_tensor_info &want = info->inputs[i];
    Array &array = arrays[i];
    size_t n = length(inputs[i]);
    bool pb = n > 3 && startsWith(inputs[i] + n - 3, ".pb");
    if (!(pb ? readPb(inputs[i], array) : readNpy(inputs[i], array)))
      return fail(pb ? "cannot read an ONNX TensorProto from "
                     : "cannot read a little-endian C-order .npy from ",
                  inputs[i]);
    bool fits = array.dtype == want.dtype && array.rank == want.rank &&
                want.rank > 0 && want.shape[0] > 0 &&
                array.shape[0] % want.shape[0] == 0;
    for (int d = 1; fits && d < want.rank; ++d)
      fits = array.shape[d] == want.shape[d];
    long k = fits ? array.shape[0] / want.shape[0] : 0;
    // Every input holds the same number of batches.
    if (!fits || k == 0 || (i > 0 && k != runs))
      return fail("the model's input has another type or shape: ", inputs[i]);
    runs = k;
  }

  void *arena = allocate(info->arena_size);
  char *outputs[16];
  for (int j = 0; j < info->num_outputs; ++j)
    outputs[j] = (char *)allocate(bytesOf(info->outputs[j]) * runs);
  for (long run = 0; run < runs; ++run) {
    const void *in[16];
    void *out[16];
    for (int i = 0; i < numInputs; ++i)
      in[i] = arrays[i].data + run * bytesOf(info->inputs[i]);
    for (int j = 0; j < info->num_outputs; ++j)
      out[j] = outputs[j] + run * bytesOf(info->outputs[j]);
    for (long r = 0; r < repeat; ++r) {
      marker(0x5EC0DE01);
      int status = QCC_MODEL_RUN(in, out, arena);
      marker(0x5EC0DE02);
      if (status != 0)
        return fail("the model's entry point failed", "");
    }
  }

  makeDirectory(outputDir);
  for (int j = 0; j < info->num_outputs; ++j) {
    const qcc_tensor_info &o = info->outputs[j];
    int64_t shape[8];
    if (o.rank > 8)
      return fail("the runner writes outputs of rank 8 at most", "");
    for (int d = 0; d < o.rank; ++d)
      shape[d] = o.shape[d] * (d == 0 ? runs : 1);
    Text path;
    path << outputDir << "/output_" << (long long)j << ".npy";
    if (!writeNpy(path.data, o.dtype, o.rank, shape, outputs[j],
                  bytesOf(o) * runs))
      return fail("cannot write ", path.data);
  }
  return 0;
}
