"""Generates text-line images for the PaddleOCR orientation classifier,
preprocessed as PaddleOCR does (RGB, height 48 keeping the aspect ratio,
width <= 192, (v / 255 - 0.5) / 0.5, zero-padded on the right), half of
them rotated 180 degrees.

textlines.py COUNT SEED OUT.npy
"""
import glob
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

WORDS = ("the quick brown fox jumps over a lazy dog compiler quantized "
         "integer phone model accuracy invoice total amount date street "
         "2026 42.50 EUR No. 7 receipt page chapter hello world").split()


def line_image(rng, fonts):
    text = " ".join(rng.choice(WORDS, rng.integers(2, 6)))
    font = ImageFont.truetype(fonts[rng.integers(len(fonts))],
                              int(rng.integers(22, 34)))
    left, top, right, bottom = font.getbbox(text)
    width, height = right - left + 16, bottom - top + 12
    shade = int(rng.integers(200, 256))
    image = Image.new("RGB", (width, height), (shade, shade, shade))
    ink = tuple(int(v) for v in rng.integers(0, 90, 3))
    ImageDraw.Draw(image).text((8 - left, 6 - top), text, font=font, fill=ink)
    return image


def preprocess(image):
    w, h = image.size
    width = min(192, max(1, int(round(48 * w / h))))
    resized = np.asarray(image.resize((width, 48)), np.float32)
    x = np.zeros((3, 48, 192), np.float32)
    x[:, :, :width] = ((resized / 255 - 0.5) / 0.5).transpose(2, 0, 1)
    return x


def font_files():
    return sorted(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSans*.ttf"))


def lines(count, seed):
    """`count` text-line images, every second one rotated 180 degrees, with
    their labels (1: rotated)."""
    rng = np.random.default_rng(seed)
    fonts = font_files()
    for i in range(count):
        image = line_image(rng, fonts)
        flip = i % 2 == 1
        yield (image.rotate(180) if flip else image), int(flip)


def main():
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    images, rotated = zip(*lines(count, seed))
    np.save(out, np.stack([preprocess(image) for image in images]))
    np.save(out.replace(".npy", ".labels.npy"), np.array(rotated))


if __name__ == "__main__":
    main()
