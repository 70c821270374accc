"""Generates page images for the PaddleOCR text detector, preprocessed as
its README says (RGB 320x320, v / 255 normalised with ImageNet's mean and
std, NCHW): a light page with 2 to 6 lines of rendered text in varied
fonts, sizes, ink and positions.

textpages.py COUNT SEED OUT.npy
"""
import glob
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from textlines import WORDS

MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)


def page_image(rng, fonts):
    shade = tuple(int(v) for v in rng.integers(200, 256, 3))
    image = Image.new("RGB", (320, 320), shade)
    draw = ImageDraw.Draw(image)
    y = int(rng.integers(5, 40))
    for _ in range(int(rng.integers(2, 7))):
        size = int(rng.integers(14, 36))
        font = ImageFont.truetype(fonts[rng.integers(len(fonts))], size)
        text = " ".join(rng.choice(WORDS, rng.integers(1, 5)))
        ink = tuple(int(v) for v in rng.integers(0, 100, 3))
        draw.text((int(rng.integers(5, 80)), y), text, font=font, fill=ink)
        y += size + int(rng.integers(8, 40))
        if y > 300:
            break
    return image


def main():
    count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(seed)
    fonts = sorted(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVu*.ttf"))
    batch = []
    for _ in range(count):
        x = np.asarray(page_image(rng, fonts), np.float32) / 255
        batch.append(((x - MEAN) / STD).transpose(2, 0, 1))
    np.save(out, np.stack(batch))


if __name__ == "__main__":
    main()
