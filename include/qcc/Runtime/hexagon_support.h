//===- hexagon_support.h - What Hexagon code needs without a C library ----===//
//
// Part of the qcc project, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A Hexagon library from qcc links against nothing: no C library, no
// compiler runtime. Hexagon has no integer divide instruction, and the
// compiler turns copies and clears into calls; this file defines the few
// functions the generated code can call (hidden and weak: every library, and
// several objects linked into one, may carry them). Copied into generated
// files; empty on other targets.
//
//===----------------------------------------------------------------------===//

#if defined(__hexagon__) && !defined(QCC_HEXAGON_SUPPORT_H)
#define QCC_HEXAGON_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

#define QCC_SUPPORT extern "C" __attribute__((visibility("hidden"), weak))

namespace qcc_support {
namespace hexagon {
/// n / d and n % d by shift and subtract, one step per quotient bit (d != 0;
/// 0 and n otherwise).
inline uint64_t divide(uint64_t n, uint64_t d, uint64_t &remainder) {
  uint64_t q = 0;
  if (d != 0 && n >= d) {
    int steps = __builtin_clzll(d) - __builtin_clzll(n);
    d <<= steps;
    for (int i = 0; i <= steps; ++i, d >>= 1) {
      q <<= 1;
      if (n >= d) {
        n -= d;
        q |= 1;
      }
    }
  }
  remainder = n;
  return q;
}
inline uint64_t magnitude(int64_t v) {
  return v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
}
inline int64_t signedDivide(int64_t n, int64_t d, bool wantRemainder) {
  uint64_t r, q = divide(magnitude(n), magnitude(d), r);
  if (wantRemainder)
    return n < 0 ? -int64_t(r) : int64_t(r);
  return (n < 0) != (d < 0) ? -int64_t(q) : int64_t(q);
}
} // namespace hexagon
} // namespace qcc_support

QCC_SUPPORT __attribute__((no_builtin)) void *memcpy(void *to, const void *from,
                                                     size_t n) {
  unsigned char *d = (unsigned char *)to;
  const unsigned char *s = (const unsigned char *)from;
  for (size_t i = 0; i < n; ++i)
    d[i] = s[i];
  return to;
}
QCC_SUPPORT __attribute__((no_builtin)) void *
memmove(void *to, const void *from, size_t n) {
  unsigned char *d = (unsigned char *)to;
  const unsigned char *s = (const unsigned char *)from;
  if (d < s)
    for (size_t i = 0; i < n; ++i)
      d[i] = s[i];
  else
    for (size_t i = n; i > 0; --i)
      d[i - 1] = s[i - 1];
  return to;
}
QCC_SUPPORT __attribute__((no_builtin)) void *memset(void *to, int value,
                                                     size_t n) {
  unsigned char *d = (unsigned char *)to;
  for (size_t i = 0; i < n; ++i)
    d[i] = (unsigned char)value;
  return to;
}
QCC_SUPPORT __attribute__((no_builtin)) int memcmp(const void *a, const void *b,
                                                   size_t n) {
  const unsigned char *x = (const unsigned char *)a,
                      *y = (const unsigned char *)b;
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i])
      return x[i] < y[i] ? -1 : 1;
  return 0;
}
/* What LLVM calls for copies of aligned blocks of 8-byte multiples. */
QCC_SUPPORT void *__hexagon_memcpy_likely_aligned_min32bytes_mult8bytes(
    void *to, const void *from, size_t n) {
  return memcpy(to, from, n);
}
QCC_SUPPORT uint64_t __hexagon_udivdi3(uint64_t n, uint64_t d) {
  uint64_t r;
  return qcc_support::hexagon::divide(n, d, r);
}
QCC_SUPPORT uint64_t __hexagon_umoddi3(uint64_t n, uint64_t d) {
  uint64_t r;
  qcc_support::hexagon::divide(n, d, r);
  return r;
}
QCC_SUPPORT int64_t __hexagon_divdi3(int64_t n, int64_t d) {
  return qcc_support::hexagon::signedDivide(n, d, false);
}
QCC_SUPPORT int64_t __hexagon_moddi3(int64_t n, int64_t d) {
  return qcc_support::hexagon::signedDivide(n, d, true);
}
QCC_SUPPORT uint32_t __hexagon_udivsi3(uint32_t n, uint32_t d) {
  return (uint32_t)__hexagon_udivdi3(n, d);
}
QCC_SUPPORT uint32_t __hexagon_umodsi3(uint32_t n, uint32_t d) {
  return (uint32_t)__hexagon_umoddi3(n, d);
}
QCC_SUPPORT int32_t __hexagon_divsi3(int32_t n, int32_t d) {
  return (int32_t)__hexagon_divdi3(n, d);
}
QCC_SUPPORT int32_t __hexagon_modsi3(int32_t n, int32_t d) {
  return (int32_t)__hexagon_moddi3(n, d);
}

#undef QCC_SUPPORT
#endif
