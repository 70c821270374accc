"""An independent numpy implementation of docs/IntegerSemantics.md's
requantization, to check the interpreter bit for bit.

fixed_point.py inputs DIR     writes DIR/acc.npy and DIR/q.npy
fixed_point.py check DIR OUT  compares OUT/output_{0,1,2}.npy
"""
import math
import os
import sys

import numpy as np


def multiplier(real):
    if real <= 0:
        return 0, 0
    fraction, exponent = math.frexp(real)
    q31 = round(fraction * 2**31)
    if q31 == 2**31:
        q31 //= 2
        exponent += 1
    shift = -exponent
    assert -31 <= shift <= 31  # the cases here need no clamping
    return q31, shift


def mul_fixed(a, real):
    """multiplyByFixedPoint on an int64 array (values fit int32)."""
    m, n = multiplier(real)
    a = np.clip(a.astype(np.int64) << max(-n, 0), -2**31, 2**31 - 1)
    a = (a * m + 2**30) >> 31
    if n > 0:
        a = (a + (1 << (n - 1))) >> n
    return a


def requantize(a, real, zp, qmin, qmax):
    m, n = multiplier(real)
    a = np.clip(a.astype(np.int64), -2**31, 2**31 - 1)
    a = np.clip(a << max(-n, 0), -2**31, 2**31 - 1)
    a = (a * m + 2**30) >> 31  # (2 a m + 2^31) >> 32
    if n > 0:
        a = (a + (1 << (n - 1))) >> n
    return np.clip(a + zp, qmin, qmax)


def inputs(d):
    rng = np.random.default_rng(3)
    acc = rng.integers(-60000, 60000, (2, 6)).astype(np.int32)
    acc[0, :3] = [0, 2**31 - 1, -2**31]  # extremes
    acc[1, :2] = [-70, 70]
    np.save(os.path.join(d, "acc.npy"), acc)
    q = np.array([-128, 127, 0, 2, -1, 4], np.int8)
    np.save(os.path.join(d, "q.npy"), q)


def check(d, out):
    acc = np.load(os.path.join(d, "acc.npy"))
    q = np.load(os.path.join(d, "q.npy"))
    scales = np.array([0.00031, 0.0071])[:, None]
    want = [
        np.concatenate([requantize(acc[c], scales[c, 0] / 0.05, -3, -128, 127)[None]
                        for c in range(2)]),
        np.concatenate([requantize(acc[c], scales[c, 0] / 0.125, 128, 0, 255)[None]
                        for c in range(2)]),
        requantize(q.astype(np.int64) - 1, 0.5 / 0.001, -7, -32768, 32767),
        requantize(q.astype(np.int64) - 1, 0.5 / 2.0, 0, -128, 127),
    ]
    for i, w in enumerate(want):
        got = np.load(os.path.join(out, f"output_{i}.npy"))
        assert np.array_equal(got.astype(np.int64), w), (i, got, w)
    print("bit-exact")


if __name__ == "__main__":
    if sys.argv[1] == "inputs":
        inputs(sys.argv[2])
    else:
        check(sys.argv[2], sys.argv[3])
