/* A freestanding Hexagon program around a qcc object (-emit=obj, prefix
 * "small"): sets the HVX hooks, runs the model twice on zeros (the hooks
 * acquire and release once each per run), then makes acquire fail (the run
 * returns 2 and does not release), and writes the counts. */
#include <stddef.h>
#include <stdint.h>

#include "small.h"

static long sys3(long number, long a, long b, long c) {
  register long r0 __asm__("r0") = a;
  register long r1 __asm__("r1") = b;
  register long r2 __asm__("r2") = c;
  register long r6 __asm__("r6") = number;
  __asm__ volatile("trap0(#1)"
                   : "+r"(r0)
                   : "r"(r1), "r"(r2), "r"(r6)
                   : "memory");
  return r0;
}

static int acquired, released, refuse;
static int acquire(void) {
  ++acquired;
  return refuse;
}
static void release(void) { ++released; }

static _Alignas(128) uint8_t arena[1 << 16];
static float input[2 * 6 * 6], output[64];

static void put(const char *text, int value) {
  char line[32];
  int n = 0;
  while (*text)
    line[n++] = *text++;
  line[n++] = (char)('0' + value);
  line[n++] = '\n';
  sys3(64, 1, (long)line, n);
}

int run(void) {
  const void *in[1] = {input};
  void *out[1] = {output};
  small_set_hvx_hooks(acquire, release);
  int first = small_run(in, out, arena), second = small_run(in, out, arena);
  refuse = 1;
  int third = small_run(in, out, arena);
  put("runs ok: ", first == 0 && second == 0);
  put("refused run: ", third);
  put("acquired: ", acquired);
  put("released: ", released);
  return 0;
}

void qcc_test_start(void) {
  sys3(94, run(), 0, 0);
  for (;;)
    ;
}
__asm__(".text\n.globl _start\n_start:\n  r29 = and(r29, #-8)\n"
        "  call qcc_test_start\n");
