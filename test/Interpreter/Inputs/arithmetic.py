"""docs/IntegerSemantics.md's integer add, sub, mul, global average pooling
and softmax in numpy, to check the interpreter bit for bit.

arithmetic.py inputs DIR     writes DIR/a.npy and DIR/b.npy
arithmetic.py check DIR OUT  compares OUT/output_{0..4}.npy
arithmetic.py inputs16 DIR   writes int16 DIR/a16.npy and DIR/b16.npy
arithmetic.py check16 DIR OUT  compares the int16 mul of mul16.mlir
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from fixed_point import mul_fixed  # noqa: E402


def add(a, b, sa, sb, sy, zy, subtract=False, lo=-128):
    shift, twice = 20, 2 * max(sa, sb)
    ra = mul_fixed(a << shift, sa / twice)
    rb = mul_fixed(b << shift, sb / twice)
    total = ra - rb if subtract else ra + rb
    return np.clip(zy + mul_fixed(total, twice / (2**shift * sy)), lo, 127)


def softmax(a, scale):
    d = a.max(axis=1, keepdims=True) - a
    e = np.array([round(math.ldexp(math.exp(-k * scale), 16))
                  for k in range(256)], np.int64)[d]
    total = e.sum(axis=1, keepdims=True)
    return np.minimum(-128 + ((e << 8) + total // 2) // total, 127)


def inputs(d):
    rng = np.random.default_rng(11)
    a = rng.integers(-128, 128, (64, 256)).astype(np.int8)
    a[0, :2] = [-128, 127]
    np.save(os.path.join(d, "a.npy"), a)
    b = rng.integers(-128, 128, (256,)).astype(np.int8)
    b[:2] = [127, -128]
    np.save(os.path.join(d, "b.npy"), b)


def check(d, out):
    a = np.load(os.path.join(d, "a.npy")).astype(np.int64) - 3
    b = np.load(os.path.join(d, "b.npy")).astype(np.int64) + 7
    b = np.broadcast_to(b, a.shape)
    relu_lo = 1  # the quantized 0.0 of the sub's result
    want = [
        add(a, b, 0.05, 0.02, 0.07, -2),
        add(a, b, 0.05, 0.02, 0.06, 1, subtract=True, lo=relu_lo),
        np.clip(mul_fixed(np.clip(a * b, -2**31, 2**31 - 1), 0.05 * 0.02 / 0.004),
                -128, 127),
        np.clip(5 + mul_fixed(a.sum(axis=1), 0.05 / (0.03 * 256)), -128,
                127).reshape(64, 1, 1),
        softmax(a, 0.05),
    ]
    for i, w in enumerate(want):
        got = np.load(os.path.join(out, f"output_{i}.npy")).astype(np.int64)
        assert np.array_equal(got, w), (i, got, w)
    print("bit-exact")


def inputs16(d):
    rng = np.random.default_rng(12)
    for name in ("a16", "b16"):
        x = rng.integers(-2**15, 2**15, 4096).astype(np.int16)
        x[:2] = [2**15 - 1, -2**15]
        np.save(os.path.join(d, name + ".npy"), x)


def check16(d, out):
    a, b = (np.load(os.path.join(d, n + ".npy")).astype(np.int64) + 2**15
            for n in ("a16", "b16"))
    # 16 + 16 bits: the product is shifted right by 1, rounding half up.
    p = (a * b + 1) >> 1
    want = np.clip(-2**15 + mul_fixed(p, 1e-4 * 2e-4 * 2 / 1.4e-3), -2**15,
                   2**15 - 1)
    got = np.load(os.path.join(out, "output_0.npy")).astype(np.int64)
    assert np.array_equal(got, want), (got, want)
    real = a * b * 1e-4 * 2e-4
    error = np.abs((got + 2**15) * 1.4e-3 - real).max()
    assert error <= 1.4e-3 / 2 + 1e-6, error
    print(f"int16 mul bit-exact, max error {error / 1.4e-3:.3f} steps")


{"inputs": inputs, "check": check, "inputs16": inputs16,
 "check16": check16}[sys.argv[1]](*sys.argv[2:])
