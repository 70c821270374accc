"""The digits example end to end: train, quantize, compile for three targets, measure.

    /usr/bin/python3 examples/digits/run.py [--out DIR]

1. trains the tiny CNN on scikit-learn's digits (train.py) and exports ONNX;
2. quantizes it with qcc at int8 and at mixed precision (int4/int8/int16 per
   layer, at most 1 point of agreement lost on the calibration images);
3. compiles each into a library for the host, AArch64 and Hexagon v73; runs
   the host library here (qcc.Model) and the same code for AArch64 and Hexagon
   as qcc's test executables under qemu (qcc.run), and checks that all three
   give the reference interpreter's bytes on the 450 test images;
4. prints the accuracy table and where the libraries are.
"""

import argparse
import pathlib
import sys
import time

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "python"))

import qcc  # noqa: E402
import train  # noqa: E402

TARGETS = ("host", "aarch64", "hexagon-v73")


def step(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def accuracy(logits, labels):
    return 100.0 * np.mean(logits.argmax(1) == labels)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=pathlib.Path, default=HERE / "out", help="output directory (default: %(default)s)")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)

    step("training the CNN with PyTorch on scikit-learn's digits")
    train_x, train_y, x, labels, calib = train.data()
    onnx = out / "digits_cnn.onnx"
    model = train.train(train_x, train_y)
    train.export(model, calib, x, labels, out)
    step(f"PyTorch fp32 accuracy: {train.accuracy(model, x, labels):.2f} %; wrote {onnx}")

    step("fp32: the ONNX model in qcc's reference interpreter")
    fp32, = qcc.run(onnx, x)
    rows = [("fp32", accuracy(fp32, labels), 100.0, None, "")]

    int8_ops = None
    for precision, options in (("int8", {}), ("mixed", {"max_accuracy_drop": 1.0})):
        step(f"{precision}: calibrating on {len(calib)} images and quantizing")
        report_path = out / f"{precision}.json"
        mlir = qcc.compile(
            onnx, out / f"{precision}.mlir", calib=out / "calib.npy", precision=precision, report=report_path, **options
        )
        report = qcc.report.load(report_path)
        reference, = qcc.run(mlir, x)
        for target in TARGETS:
            directory = out / target
            directory.mkdir(exist_ok=True)
            stem = "model" if precision == "int8" else f"model_{precision}"
            library = qcc.compile(mlir, directory / f"{stem}.so", target=target, name=f"digits_{precision}")
            step(f"{precision}: {target}: compiled {library.name}, running the {len(x)} images")
            if target == "host":
                logits, = qcc.Model(library).run(x)
            else:
                logits, = qcc.run(mlir, x, target=target)  # the library's code in a test executable, under qemu
            if logits.tobytes() != reference.tobytes():
                sys.exit(f"error: {precision} on {target} differs from the reference interpreter")
        ops = report.bit_ops
        if precision == "int8":
            int8_ops = ops
        label = precision
        if report.chosen:
            schemes = sorted(report.chosen.layers.values())
            label += ": " + ", ".join(f"{schemes.count(s)} x {s}" for s in sorted(set(schemes)))
        agreement = 100.0 * np.mean(reference.argmax(1) == fp32.argmax(1))
        rows.append((label, accuracy(reference, labels), agreement, 100.0 * ops / int8_ops, ", ".join(TARGETS)))

    print()
    print(f"digits CNN, {len(labels)} test images")
    print(f"{'model':<24} {'accuracy':>9} {'agrees with fp32':>17} {'bit-ops':>8}  bit-exact with the interpreter on")
    for name, acc, agree, ops, where in rows:
        ops_text = "" if ops is None else f"{ops:.0f} %"
        print(f"{name:<24} {acc:>8.2f} % {agree:>15.2f} % {ops_text:>8}  {where}")
    print("(aarch64 and hexagon-v73: the libraries' code in qcc's test executables, under qemu)")
    print()
    for target in TARGETS:
        print(f"{target + ' library:':<21} {out / target / 'model.so'}  (int8; header model.h, mixed: model_mixed.so)")


if __name__ == "__main__":
    try:
        main()
    except (qcc.QccError, OSError, ValueError) as error:
        sys.exit(f"error: {error}")
