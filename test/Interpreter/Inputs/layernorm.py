"""docs/IntegerSemantics.md's integer layer norm in numpy, to check the
interpreter bit for bit (layernorm.mlir), and its error against float.

layernorm.py inputs DIR     writes DIR/a.npy (int8) and DIR/b.npy (int16)
layernorm.py check DIR OUT  compares OUT/output_{0,1}.npy
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from fixed_point import mul_fixed  # noqa: E402


def layer_norm(q, sx, zx, gamma, beta, eps, sy, zy, bits):
    """q: rows of N stored values; gamma, beta: N float32 values each."""
    d = q.astype(np.int64) - zx
    n = d.shape[1]
    c = n * d - d.sum(axis=1, keepdims=True)
    e = math.floor(float(eps) / (sx * sx) * n**3 + 0.5)
    out = np.empty_like(d)
    for row in range(d.shape[0]):
        w = int((c[row] * c[row]).sum()) + e
        r = math.isqrt(w)
        k = r.bit_length() - 1 if r else 0
        reciprocal = ((1 << (30 + k)) + r // 2) // r if r else 0
        p = c[row] * reciprocal
        if k > 0:
            p = (p + (1 << (k - 1))) >> k
        for j in range(n):
            g = float(gamma[j])
            t = mul_fixed(np.array([-p[j] if g < 0 else p[j]]),
                          abs(g) * math.sqrt(n) / (sy * 2.0**30))[0]
            b = int(np.round(float(beta[j]) / sy))
            out[row, j] = zy + b + t
    lo, hi = -2**(bits - 1), 2**(bits - 1) - 1
    return np.clip(out, lo, hi)


def float_layer_norm(q, sx, zx, gamma, beta, eps):
    x = (q.astype(np.float64) - zx) * sx
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def inputs(d):
    rng = np.random.default_rng(21)
    a = rng.integers(-128, 128, (32, 2, 8)).astype(np.int8)
    a[0] = 3  # a constant row: only epsilon and the bias remain
    a[1, 0, 0], a[1, 1, 1] = -128, 127
    np.save(os.path.join(d, "a.npy"), a)
    b = rng.integers(-3000, 3000, (8, 64)).astype(np.int16)
    b[1, :2] = [-2**15, 2**15 - 1]
    np.save(os.path.join(d, "b.npy"), b)


def check(d, out):
    eps8, eps16 = np.float32(1e-5), np.float32(1e-3)
    gamma = np.tile(np.array([1.5, -0.75, 0.5, 2.0, -1.25, 0.25, 1.0, 0.8],
                             np.float32), 2)
    beta = np.repeat(np.array([0.3, -0.6], np.float32), 8)
    a = np.load(os.path.join(d, "a.npy")).reshape(32, 16)
    want8 = layer_norm(a, 0.05, 3, gamma, beta, eps8, 0.03, -5, 8)
    b = np.load(os.path.join(d, "b.npy"))
    gamma2, beta2 = np.full(64, 0.9, np.float32), np.zeros(64, np.float32)
    want16 = layer_norm(b, 0.001, -100, gamma2, beta2, eps16, 0.0002, 0, 16)
    errors = []
    for i, (want, q, sx, zx, g, bt, eps, sy, zy) in enumerate([
            (want8, a, 0.05, 3, gamma, beta, eps8, 0.03, -5),
            (want16, b, 0.001, -100, gamma2, beta2, eps16, 0.0002, 0)]):
        got = np.load(os.path.join(out, f"output_{i}.npy")).astype(np.int64)
        assert np.array_equal(got.reshape(want.shape), want), (i, got, want)
        real = float_layer_norm(q, sx, zx, g, bt, float(eps))
        inside = np.abs(real / sy) < 2**(7 if i == 0 else 15) - 2
        errors.append(np.abs((got.reshape(want.shape) - zy) * sy -
                             real)[inside].max() / sy)
    print("bit-exact; max error against float: int8 "
          f"{errors[0]:.2f} steps, int16 {errors[1]:.2f} steps")


{"inputs": inputs, "check": check}[sys.argv[1]](*sys.argv[2:])
