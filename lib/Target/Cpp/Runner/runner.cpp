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
// Only libc: no C++ library, no exceptions.
//
//===----------------------------------------------------------------------===//

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

int fail(const char *what, const char *detail) {
  fprintf(stderr, "error: %s%s\n", what, detail);
  return 1;
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
  FILE *file = fopen(path, "rb");
  if (!file)
    return false;
  unsigned char preamble[10];
  bool ok = fread(preamble, 1, 10, file) == 10 &&
            memcmp(preamble, "\x93NUMPY", 6) == 0 && preamble[6] <= 3;
  size_t length = ok ? preamble[8] | preamble[9] << 8 : 0;
  if (ok && preamble[6] > 1) { /* versions 2 and 3: a 4-byte length */
    unsigned char more[2];
    ok = fread(more, 1, 2, file) == 2;
    length |= (size_t)more[0] << 16 | (size_t)more[1] << 24;
  }
  char *header = ok ? (char *)calloc(length + 1, 1) : nullptr;
  ok = header && fread(header, 1, length, file) == length &&
       !strstr(header, "'fortran_order': True");
  const char *descr = ok ? strstr(header, "'descr': '") : nullptr;
  const char *shape = ok ? strstr(header, "'shape': (") : nullptr;
  if (descr && shape) {
    descr += 10;
    for (int32_t d = 0; d <= 4; ++d)
      if (strncmp(descr, descrOf(d), 3) == 0)
        array.dtype = d;
    size_t count = 1;
    for (const char *p = shape + 10; *p && *p != ')';) {
      char *end;
      long long size = strtoll(p, &end, 10);
      if (end == p || array.rank == 8)
        break;
      array.shape[array.rank++] = size;
      count *= size;
      p = end;
      while (*p == ',' || *p == ' ')
        ++p;
    }
    array.bytes = count * sizeOf(array.dtype);
    array.data = (char *)malloc(array.bytes ? array.bytes : 1);
    ok = array.dtype >= 0 && array.data &&
         fread(array.data, 1, array.bytes, file) == array.bytes;
  } else {
    ok = false;
  }
  free(header);
  fclose(file);
  return ok;
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
  FILE *file = fopen(path, "rb");
  if (!file)
    return false;
  struct stat st;
  size_t size = fstat(fileno(file), &st) == 0 ? (size_t)st.st_size : 0;
  unsigned char *bytes = (unsigned char *)malloc(size + 1);
  bool ok = bytes && fread(bytes, 1, size, file) == size;
  fclose(file);
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
  array.data = (char *)malloc(array.bytes ? array.bytes : 1);
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
  free(bytes);
  return ok;
}

bool writeNpy(const char *path, int32_t dtype, int rank, const int64_t *shape,
              const char *data, size_t bytes) {
  char header[256];
  int used = snprintf(header, sizeof(header),
                      "{'descr': '%s', 'fortran_order': False, 'shape': (",
                      descrOf(dtype));
  for (int d = 0; d < rank; ++d)
    used += snprintf(header + used, sizeof(header) - used, "%lld%s",
                     (long long)shape[d],
                     rank == 1      ? ","
                     : d + 1 < rank ? ", "
                                    : "");
  used += snprintf(header + used, sizeof(header) - used, "), }");
  /* Pad with spaces to a multiple of 64 bytes, newline last. */
  int total = (10 + used + 1 + 63) / 64 * 64;
  while (10 + used + 1 < total)
    header[used++] = ' ';
  header[used++] = '\n';
  FILE *file = fopen(path, "wb");
  if (!file)
    return false;
  unsigned char preamble[10] = {0x93,
                                'N',
                                'U',
                                'M',
                                'P',
                                'Y',
                                1,
                                0,
                                (unsigned char)(used & 255),
                                (unsigned char)(used >> 8)};
  bool ok = fwrite(preamble, 1, 10, file) == 10 &&
            fwrite(header, 1, used, file) == (size_t)used &&
            fwrite(data, 1, bytes, file) == bytes;
  return fclose(file) == 0 && ok;
}

size_t bytesOf(const qcc_tensor_info &info) {
  size_t count = 1;
  for (int d = 0; d < info.rank; ++d)
    count *= info.shape[d];
  return count * sizeOf(info.dtype);
}

void marker(long value) { syscall(SYS_write, -1, (void *)0, value); }

} // namespace

int main(int argc, char **argv) {
  const qcc_model_info *info = QCC_MODEL_INFO();
  const char *inputs[16];
  int numInputs = 0;
  const char *outputDir = ".";
  long repeat = 1;
  for (int i = 1; i < argc; ++i) {
    if (strncmp(argv[i], "--input=", 8) == 0 && numInputs < 16)
      inputs[numInputs++] = argv[i] + 8;
    else if (strncmp(argv[i], "--output-dir=", 13) == 0)
      outputDir = argv[i] + 13;
    else if (strncmp(argv[i], "--repeat=", 9) == 0 &&
             (repeat = strtol(argv[i] + 9, nullptr, 10)) > 0)
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
    size_t length = strlen(inputs[i]);
    bool pb = length > 3 && strcmp(inputs[i] + length - 3, ".pb") == 0;
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

  void *arena = aligned_alloc(128, (info->arena_size + 127) / 128 * 128 + 128);
  char *outputs[16];
  for (int j = 0; j < info->num_outputs; ++j)
    outputs[j] = (char *)malloc(bytesOf(info->outputs[j]) * runs + 1);
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

  mkdir(outputDir, 0755);
  for (int j = 0; j < info->num_outputs; ++j) {
    const qcc_tensor_info &o = info->outputs[j];
    int64_t shape[8];
    if (o.rank > 8)
      return fail("the runner writes outputs of rank 8 at most", "");
    for (int d = 0; d < o.rank; ++d)
      shape[d] = o.shape[d] * (d == 0 ? runs : 1);
    char path[4096];
    snprintf(path, sizeof(path), "%s/output_%d.npy", outputDir, j);
    if (!writeNpy(path, o.dtype, o.rank, shape, outputs[j], bytesOf(o) * runs))
      return fail("cannot write ", path);
  }
  return 0;
}
