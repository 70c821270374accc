"""The PaddleOCR text-line orientation classifier, quantized to int8 by qcc.

    /usr/bin/python3 examples/paddleocr-cls/run.py [--model CLS.onnx] [--calib N] [--test M] [--out DIR]

1. draws text lines (half of them upside down) and saves them as PNG files;
2. builds the calibration set from that image folder with
   qcc.calibration.from_images, preprocessed as PaddleOCR does (height 48,
   aspect ratio kept, width <= 192, (pixel / 255 - 0.5) / 0.5);
3. compiles the classifier for the host at int8 with a per-layer report and
   runs the library (qcc.Model) on the test lines;
4. prints the per-layer report and fp32 against int8: accuracy on the
   orientation labels, top-1 agreement, output SQNR.

The model is PaddleOCR's ch_ppocr_mobile_v2.0_cls_infer.onnx (Apache-2.0);
by default the copy in ../shared/models/paddleocr beside the checkout.
"""

import argparse
import pathlib
import shutil
import sys

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT / "bench"))

import qcc  # noqa: E402
import textlines  # noqa: E402

DEFAULT_MODEL = ROOT.parent / "shared" / "models" / "paddleocr" / "ch_ppocr_mobile_v2.0_cls_infer.onnx"


def draw_lines(folder, count, seed):
    """Writes `count` text-line PNGs into the emptied `folder`; returns their labels (1: upside down) in name order."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    labels = []
    for i, (image, rotated) in enumerate(textlines.lines(count, seed)):
        image.save(folder / f"line_{i:04d}.png")
        labels.append(rotated)
    return np.array(labels)


def load_lines(folder):
    return qcc.calibration.from_images(folder, (192, 48), keep_ratio=True, mean=0.5, std=0.5)


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=pathlib.Path, default=DEFAULT_MODEL, help="the classifier (default: %(default)s)")
    parser.add_argument("--calib", type=positive, default=32, help="calibration lines (default: %(default)s)")
    parser.add_argument("--test", type=positive, default=200, help="test lines (default: %(default)s)")
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "out", help="output directory (default: %(default)s)")
    args = parser.parse_args()
    if not args.model.is_file():
        sys.exit(f"error: {args.model} not found; pass --model=ch_ppocr_mobile_v2.0_cls_infer.onnx")

    draw_lines(args.out / "calib", args.calib, seed=2)
    labels = draw_lines(args.out / "test", args.test, seed=1)
    calib, test = load_lines(args.out / "calib"), load_lines(args.out / "test")
    print(f"{len(calib)} calibration and {len(test)} test lines in {args.out}")

    report_path = args.out / "int8.json"
    library = qcc.compile(
        args.model,
        args.out / "cls.so",
        calib=calib,
        input_shapes={"x": (1, 3, 48, 192)},
        report=report_path,
        name="cls",
    )
    model = qcc.Model(library)
    print(model)
    int8, = model.run(test)
    fp32, = qcc.run(args.model, test, input_shapes={"x": (1, 3, 48, 192)})

    print()
    print(qcc.report.load(report_path).table())
    print()
    noise = np.sum((fp32 - int8).astype(np.float64) ** 2)
    sqnr = 10 * np.log10(np.sum(fp32.astype(np.float64) ** 2) / noise) if noise else float("inf")
    agreement = 100 * np.mean(int8.argmax(1) == fp32.argmax(1))
    print(f"{'model':<6} {'orientation accuracy':>21}")
    for name, probabilities in (("fp32", fp32), ("int8", int8)):
        print(f"{name:<6} {100 * np.mean(probabilities.argmax(1) == labels):>19.2f} %")
    print(f"int8 against fp32: top-1 agreement {agreement:.2f} %, output SQNR {sqnr:.1f} dB")
    print(f"library: {library} (header {library.with_suffix('.h').name}, arena {model.arena_size} bytes)")


if __name__ == "__main__":
    try:
        main()
    except (qcc.QccError, OSError, ValueError) as error:
        sys.exit(f"error: {error}")
