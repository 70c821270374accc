"""Inputs and checks for the model tests.

models.py input SHAPE OUT.npy        a fixed pseudo-random input in [-1, 1)
models.py text-page OUT.npy          a 320x320 white page with three lines
                                      of dark glyph-like strokes, normalized
                                      as PaddleOCR's detector expects
models.py close GOT.npy WANT.npy [--every N]
                                      asserts GOT (every N-th element along
                                      the last two axes) matches WANT within
                                      rtol 1e-3 / atol 1e-4
models.py accuracy LOGITS.npy LABELS.npy COUNT
                                      asserts COUNT predictions are right
models.py sqnr Q.npy FLOAT.npy MIN_AGREE_PERCENT MIN_SQNR_DB
                                      asserts top-1 agreement and output
                                      SQNR against the float model
models.py quantized Q.npy FLOAT.npy LABELS.npy MIN_RIGHT MIN_AGREE
                                      asserts at least MIN_RIGHT right
                                      predictions and MIN_AGREE equal to the
                                      float model's
models.py report REPORT.json Q.npy FLOAT.npy
                                      prints the layers of a qcc --report and
                                      asserts that its last layer's SQNR is
                                      the one of Q.npy against FLOAT.npy
models.py mixed REPORT.json INT8_REPORT.json MAX_BIT_OPS_PERCENT
                                      prints the mixed-precision front of a
                                      qcc --report and asserts the chosen
                                      point's bit-ops against those of the
                                      uniform int8 report
"""
import sys

import numpy as np

command = sys.argv[1]
if command == "input":
    shape = [int(d) for d in sys.argv[2].split("x")]
    rng = np.random.default_rng(0)
    np.save(sys.argv[3], rng.uniform(-1, 1, shape).astype(np.float32))
elif command == "text-page":
    rng = np.random.default_rng(1)
    page = np.full((320, 320), 255.0)
    for line in range(3):
        top, x = 40 + line * 90, 20
        while x < 290:  # one "glyph": three strokes in a 20x24 box
            for _ in range(3):
                if rng.random() < 0.5:
                    at = x + rng.integers(2, 18)
                    page[top:top + 24, at:at + 3] = 20
                else:
                    at = top + rng.integers(2, 22)
                    page[at:at + 3, x:x + 20] = 20
            x += 24
    rgb = np.stack([page] * 3) / 255.0
    mean = np.array([0.485, 0.456, 0.406])[:, None, None]
    std = np.array([0.229, 0.224, 0.225])[:, None, None]
    np.save(sys.argv[2], ((rgb - mean) / std)[None].astype(np.float32))
elif command == "close":
    got, want = np.load(sys.argv[2]), np.load(sys.argv[3])
    if len(sys.argv) > 4 and sys.argv[4] == "--every":
        n = int(sys.argv[5])
        got = got[..., ::n, ::n]
    assert got.shape == want.shape, (got.shape, want.shape)
    np.testing.assert_allclose(got, want, rtol=1e-3, atol=1e-4)
    print("max abs difference", float(np.abs(got - want).max()))
elif command == "accuracy":
    logits, labels = np.load(sys.argv[2]), np.load(sys.argv[3])
    right = int((logits.argmax(axis=1) == labels).sum())
    print(f"{right}/{len(labels)} correct")
    assert right == int(sys.argv[4]), right
elif command == "sqnr":
    q, f = np.load(sys.argv[2]), np.load(sys.argv[3])
    agree = 100 * float((q.argmax(axis=1) == f.argmax(axis=1)).mean())
    sqnr = 10 * np.log10(float((f**2).sum()) / float(((f - q) ** 2).sum()))
    print(f"agreement {agree:.2f} %, SQNR {sqnr:.2f} dB")
    assert agree >= float(sys.argv[4]) and sqnr >= float(sys.argv[5]), (
        agree, sqnr)
elif command == "quantized":
    q, f, labels = (np.load(a) for a in sys.argv[2:5])
    right = int((q.argmax(axis=1) == labels).sum())
    agree = int((q.argmax(axis=1) == f.argmax(axis=1)).sum())
    print(f"{right}/{len(labels)} correct, {agree}/{len(labels)} agree")
    assert right >= int(sys.argv[5]) and agree >= int(sys.argv[6]), (right,
                                                                      agree)
elif command == "report":
    import json
    with open(sys.argv[2]) as f:
        layers = json.load(f)["layers"]
    for layer in layers:
        lo, hi = layer["range"]
        acc = layer.get("accumulator_bits")
        print(f"{layer['name']} {layer['op']} i{layer['bits']} "
              f"[{lo:.2f}, {hi:.2f}] {layer.get('macs', 0)} MACs "
              f"{layer.get('bit_ops', 0)} bit-ops "
              f"{f'{acc}-bit accumulator ' if acc else ''}"
              f"{layer['sqnr_db']:.1f} dB")
    q, f = np.load(sys.argv[3]), np.load(sys.argv[4])
    sqnr = 10 * np.log10(float((f**2).sum()) / float(((f - q) ** 2).sum()))
    assert abs(layers[-1]["sqnr_db"] - sqnr) < 0.05, (layers[-1], sqnr)
elif command == "mixed":
    import json
    with open(sys.argv[2]) as f:
        front = json.load(f)["mixed_precision"]["front"]
    with open(sys.argv[3]) as f:
        int8 = sum(layer.get("bit_ops", 0) for layer in json.load(f)["layers"])
    for point in front:
        mark = "*" if point["chosen"] else " "
        print(f"{mark} {100 * point['bit_ops'] / int8:.1f} % bit-ops "
              f"{point['agreement_percent']:.2f} % {point['sqnr_db']:.1f} dB "
              f"{' '.join(point['layers'])}")
    chosen = [p for p in front if p["chosen"]]
    assert len(chosen) == 1, chosen
    ratio = 100 * chosen[0]["bit_ops"] / int8
    assert ratio <= float(sys.argv[4]), ratio
else:
    sys.exit(f"unknown command {command}")
