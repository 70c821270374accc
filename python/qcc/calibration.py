"""Building calibration sets: a batch of typical inputs per model input."""

import math
import pathlib

import numpy as np

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".pgm", ".ppm", ".tif", ".tiff", ".webp")


def _pick(n, count, seed):
    """Sorted indices of a reproducible random subset of `count` of `n` items (all without `count`)."""
    if count is None or count >= n:
        return np.arange(n)
    return np.sort(np.random.RandomState(seed).choice(n, count, replace=False))


def from_npy(*paths, count=None, seed=0):
    """The arrays of the .npy files `paths` concatenated along the batch axis.

    With `count`, a reproducible random subset of that many (seed `seed`).
    """
    if not paths:
        raise ValueError("from_npy: no .npy file given")
    arrays = [np.load(p) for p in paths]
    shapes = {a.shape[1:] for a in arrays}
    if len(shapes) != 1:
        raise ValueError(f"from_npy: the files hold different sample shapes {sorted(shapes)}")
    batch = np.concatenate(arrays).astype(np.float32)
    return batch[_pick(len(batch), count, seed)]


def from_images(
    folder,
    size,
    *,
    mode="RGB",
    scale=1 / 255,
    mean=0.0,
    std=1.0,
    keep_ratio=False,
    count=None,
    seed=0,
):
    """A float32 NCHW batch from the images in `folder` (sorted by name).

    Each image is converted to PIL `mode` ("RGB" or "L"), resized to
    `size` = (width, height) and normalized per channel as
    (pixel * scale - mean) / std. With `keep_ratio` it is resized to the
    height, its width capped at `width`, and the right padded with zeros (after
    normalization), as text recognizers and classifiers preprocess text lines.
    With `count`, a reproducible random subset of that many images.
    """
    from PIL import Image

    files = sorted(p for p in pathlib.Path(folder).iterdir() if p.suffix.lower() in IMAGE_EXTENSIONS)
    if not files:
        raise ValueError(f"from_images: no image in {folder} (extensions {', '.join(IMAGE_EXTENSIONS)})")
    files = [files[i] for i in _pick(len(files), count, seed)]
    width, height = size
    channels = len(mode)
    mean = np.broadcast_to(np.asarray(mean, np.float32), (channels,)).reshape(channels, 1, 1)
    std = np.broadcast_to(np.asarray(std, np.float32), (channels,)).reshape(channels, 1, 1)
    batch = np.zeros((len(files), channels, height, width), np.float32)
    for i, path in enumerate(files):
        with Image.open(path) as image:
            image = image.convert(mode)
            w = width
            if keep_ratio:
                w = min(width, max(1, math.ceil(height * image.width / image.height)))
            pixels = np.asarray(image.resize((w, height), Image.BILINEAR), np.float32)
        pixels = pixels.reshape(height, w, channels).transpose(2, 0, 1)
        batch[i, :, :, :w] = (pixels * scale - mean) / std
    return batch


def save(batch, path):
    """Writes `batch` as a float32 .npy file for `qcc --calib=`; returns the path."""
    path = pathlib.Path(path)
    np.save(path, np.asarray(batch, np.float32))
    return path
