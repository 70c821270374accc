/* Runs the digits CNN that qcc compiled (digits.h: docs/LibraryABI.md) on
 * every image of a float32 .npy batch [N,1,8,8] and prints the predicted
 * class of each, one per line; with a labels .npy (int64 [N]) it also prints
 * the accuracy, on stderr.
 *
 *   digits test_inputs.npy [test_labels.npy]
 */
#include "digits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a little-endian, C-order .npy file of element type `descr` ("'<f4'",
 * "'<i8'"): its elements (malloc'ed) and their number, or NULL. */
static void *readNpy(const char *path, const char *descr, size_t elementSize,
                     size_t *count) {
  FILE *file = fopen(path, "rb");
  unsigned char magic[8], size[4] = {0};
  char header[4096], *p, *end;
  size_t length, sizeBytes;
  void *data = NULL;
  if (!file)
    return NULL;
  /* "\x93NUMPY", the version, the header's length (2 bytes in version 1, 4 in
   * versions 2 and 3), the header: a Python dict literal, e.g.
   * {'descr': '<f4', 'fortran_order': False, 'shape': (450, 1, 8, 8), } */
  if (fread(magic, 1, 8, file) != 8 || memcmp(magic, "\x93NUMPY", 6))
    goto done;
  sizeBytes = magic[6] == 1 ? 2 : 4;
  if (fread(size, 1, sizeBytes, file) != sizeBytes)
    goto done;
  length =
      size[0] | size[1] << 8 | (size_t)size[2] << 16 | (size_t)size[3] << 24;
  if (length >= sizeof(header) || fread(header, 1, length, file) != length)
    goto done;
  header[length] = 0;
  if (!strstr(header, descr) || !strstr(header, "'fortran_order': False") ||
      !(p = strstr(header, "'shape': (")))
    goto done;
  for (*count = 1, p += 10; *p != ')'; p = end + (*end == ',')) {
    *count *= strtoul(p, &end, 10);
    if (end == p)
      goto done;
  }
  data = malloc(*count * elementSize + 1);
  if (data && fread(data, elementSize, *count, file) != *count)
    free(data), data = NULL;
done:
  fclose(file);
  return data;
}

int main(int argc, char **argv) {
  const qcc_model_info *info = digits_info();
  size_t imageSize = 1, classes = 1, count, labelCount = 0, correct = 0;
  for (int i = 0; i < info->inputs[0].rank; ++i)
    imageSize *= info->inputs[0].shape[i];
  for (int i = 0; i < info->outputs[0].rank; ++i)
    classes *= info->outputs[0].shape[i];
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s images.npy [labels.npy]\n", argv[0]);
    return 2;
  }
  if (info->inputs[0].dtype != QCC_F32 || info->outputs[0].dtype != QCC_F32) {
    fprintf(stderr, "%s: the model must take and give float32\n", argv[0]);
    return 1;
  }
  float *images = readNpy(argv[1], "'<f4'", sizeof(float), &count);
  long long *labels =
      argc > 2 ? readNpy(argv[2], "'<i8'", sizeof(long long), &labelCount)
               : NULL;
  if (!images || count % imageSize || (argc > 2 && !labels) ||
      (labels && labelCount != count / imageSize)) {
    fprintf(stderr, "%s: cannot read float32 images [N,1,8,8] from %s%s%s\n",
            argv[0], argv[1], argc > 2 ? " and int64 labels [N] from " : "",
            argc > 2 ? argv[2] : "");
    return 1;
  }

  /* The arena: at least arena_size bytes aligned to arena_alignment (128), as
   * a nonzero multiple of the alignment (what aligned_alloc wants). */
  size_t alignment = info->arena_alignment;
  void *arena =
      aligned_alloc(alignment, (info->arena_size / alignment + 1) * alignment);
  float *logits = malloc(classes * sizeof(float));
  for (size_t n = 0; n < count / imageSize; ++n) {
    const void *inputs[] = {images + n * imageSize};
    void *outputs[] = {logits};
    if (digits_run(inputs, outputs, arena) != 0) {
      fprintf(stderr, "%s: digits_run failed\n", argv[0]);
      return 1;
    }
    size_t best = 0;
    for (size_t c = 1; c < classes; ++c)
      if (logits[c] > logits[best])
        best = c;
    printf("%zu\n", best);
    correct += labels && labels[n] == (long long)best;
  }
  if (labels)
    fprintf(stderr, "accuracy: %zu/%zu (%.2f %%)\n", correct, labelCount,
            100.0 * correct / labelCount);
  free(logits);
  free(arena);
  free(labels);
  free(images);
  return 0;
}
