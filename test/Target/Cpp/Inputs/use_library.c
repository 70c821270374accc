/* A C program using a library qcc generated, through its header only: it
 * checks the metadata, runs the model on a constant input in a 128-byte
 * aligned arena and prints the outputs. */
#include "small.h"

#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const qcc_model_info *info = small_info();
  if (info->abi_version != QCC_ABI_VERSION || info->num_inputs != 1 ||
      info->inputs[0].dtype != QCC_F32)
    return 1;
  float input[72], output[3];
  for (int i = 0; i < 72; ++i)
    input[i] = (float)(i % 7) / 7.0f - 0.5f;
  size_t size = (info->arena_size + 127) / 128 * 128;
  void *arena = aligned_alloc(128, size > 0 ? size : 128);
  const void *inputs[] = {input};
  void *outputs[] = {output};
  if (small_run(inputs, outputs, arena) != 0)
    return 2;
  printf("%s: %zu-byte arena, outputs %g %g %g\n", info->outputs[0].name,
         info->arena_size, output[0], output[1], output[2]);
  free(arena);
  return 0;
}
