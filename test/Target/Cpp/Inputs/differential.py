"""Differential test of qcc's backends against its reference interpreter on
randomly generated graphs.

differential.py --bin DIR --work DIR --count N [--seed S] [--targets host,aarch64]

Each graph is a random chain on a random 1xCxHxW input: convolutions
(kernel 1 or 3, stride 1 or 2, padding, dilation, groups 1, 2 or
depthwise), transposed convolutions, relu / clip / hard-swish / sigmoid,
max pooling, nearest 2x resize, residual adds, concat, multiplication by a
broadcast gate, and a head of global average pooling, fully connected layer
and optionally softmax. Graph i is quantized at int8, w8a16 or w4a8 in turn
(i mod 3), calibrated on random inputs, and run on other random inputs by
the interpreter and by each target (qcc-run --target=...); the outputs must
be byte-identical. Prints one line per mismatch and a summary.
"""
import argparse
import os
import subprocess
import sys

import numpy as np

PRECISIONS = ["int8", "w8a16", "w4a8"]


def tensor(shape):
    return "tensor<" + "x".join(str(d) for d in shape) + "xf32>"


def dense(values):
    return "dense<" + np.array2string(
        values, separator=", ", threshold=10**9, max_line_width=10**9,
        formatter={"float_kind": lambda v: f"{v:.4f}"}) + ">"


class Graph:
    def __init__(self):
        self.lines = []
        self.n = 0

    def value(self):
        self.n += 1
        return f"%v{self.n}"

    def const(self, values):
        name = self.value()
        self.lines.append(f"  {name} = qcc.constant {dense(values)} : "
                          f"{tensor(values.shape)}")
        return name

    def op(self, text, in_shapes, out_shape):
        name = self.value()
        types = ", ".join(tensor(s) for s in in_shapes)
        self.lines.append(f"  {name} = {text} : ({types}) -> {tensor(out_shape)}")
        return name


def conv_out(size, kernel, stride, pad, dilation):
    return (size + 2 * pad - dilation * (kernel - 1) - 1) // stride + 1


def generate(rng, input_shape):
    """The MLIR text of a random graph on a 1 x input_shape input."""
    g = Graph()
    x, shape = "%x", [1] + list(input_shape)
    for _ in range(int(rng.integers(2, 6))):
        c, h, w = shape[1], shape[2], shape[3]
        kind = rng.choice(["conv", "conv", "conv", "act", "pool", "resize",
                           "residual", "concat", "gate", "deconv"])
        if kind == "conv":
            k = int(rng.choice([1, 3]))
            stride = int(rng.choice([1, 1, 2]))
            pad = int(rng.integers(0, 2)) if k == 3 else 0
            dil = int(rng.choice([1, 1, 2])) if k == 3 else 1
            groups = int(rng.choice([1, 1, c] + ([2] if c % 2 == 0 else [])))
            f = c if groups == c and rng.random() < 0.7 else int(rng.integers(1, 9)) * groups
            oh, ow = (conv_out(s, k, stride, pad, dil) for s in (h, w))
            if oh < 1 or ow < 1:
                continue
            wt = g.const(rng.uniform(-1, 1, (f, c // groups, k, k)).astype(np.float32))
            b = g.const(rng.uniform(-0.3, 0.3, (f,)).astype(np.float32))
            out = [1, f, oh, ow]
            x = g.op(f"qcc.conv2d {x}, {wt}, {b} {{strides = array<i64: {stride}, {stride}>, "
                     f"dilations = array<i64: {dil}, {dil}>, pads = array<i64: {pad}, {pad}, {pad}, {pad}>, "
                     f"groups = {groups} : i64}}", [shape, [f, c // groups, k, k], [f]], out)
            shape = out
        elif kind == "deconv" and h <= 8 and w <= 8:
            f = int(rng.integers(1, 6))
            wt = g.const(rng.uniform(-1, 1, (c, f, 2, 2)).astype(np.float32))
            out = [1, f, 2 * h, 2 * w]
            x = g.op(f"qcc.conv_transpose2d {x}, {wt} {{strides = array<i64: 2, 2>}}",
                     [shape, [c, f, 2, 2]], out)
            shape = out
        elif kind == "act":
            act = rng.choice(["qcc.relu", "qcc.clip", "qcc.hard_swish", "qcc.sigmoid"])
            attrs = " {min = -1.0 : f64, max = 1.5 : f64}" if act == "qcc.clip" else ""
            x = g.op(f"{act} {x}{attrs}", [shape], shape)
        elif kind == "pool" and h >= 2 and w >= 2:
            out = [1, c, h // 2, w // 2]
            x = g.op(f"qcc.max_pool2d {x} {{kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}}",
                     [shape], out)
            shape = out
        elif kind == "resize" and h <= 8 and w <= 8:
            out = [1, c, 2 * h, 2 * w]
            x = g.op(f"qcc.resize {x}", [shape], out)
            shape = out
        elif kind == "residual":
            wt = g.const(rng.uniform(-1, 1, (c, c, 1, 1)).astype(np.float32))
            y = g.op(f"qcc.conv2d {x}, {wt}", [shape, [c, c, 1, 1]], shape)
            x = g.op(f"qcc.{rng.choice(['add', 'sub'])} {x}, {y}", [shape, shape], shape)
        elif kind == "concat":
            wt = g.const(rng.uniform(-1, 1, (2, c, 1, 1)).astype(np.float32))
            y = g.op(f"qcc.conv2d {x}, {wt}", [shape, [2, c, 1, 1]], [1, 2, h, w])
            out = [1, c + 2, h, w]
            x = g.op(f"qcc.concat {x}, {y} {{axis = 1 : i64}}", [shape, [1, 2, h, w]], out)
            shape = out
        elif kind == "gate":
            p = g.op(f"qcc.global_avg_pool {x}", [shape], [1, c, 1, 1])
            s = g.op(f"qcc.sigmoid {p}", [[1, c, 1, 1]], [1, c, 1, 1])
            x = g.op(f"qcc.mul {x}, {s}", [shape, [1, c, 1, 1]], shape)
    c = shape[1]
    p = g.op(f"qcc.global_avg_pool {x}", [shape], [1, c, 1, 1])
    r = g.op(f"qcc.reshape {p}", [[1, c, 1, 1]], [1, c])
    n = int(rng.integers(2, 11))
    wt = g.const(rng.uniform(-1, 1, (n, c)).astype(np.float32))
    b = g.const(rng.uniform(-0.3, 0.3, (n,)).astype(np.float32))
    y = g.op(f"qcc.fully_connected {r}, {wt}, {b}", [[1, c], [n, c], [n]], [1, n])
    if rng.random() < 0.3:
        y = g.op(f"qcc.softmax {y} {{axis = 1 : i64}}", [[1, n]], [1, n])
    text = (f"func.func @main(%x: {tensor([1] + list(input_shape))}) -> "
            f"{tensor([1, n])} {{\n" + "\n".join(g.lines) +
            f"\n  return {y} : {tensor([1, n])}\n}}\n")
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--targets", default="host")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    qcc, run = os.path.join(args.bin, "qcc"), os.path.join(args.bin, "qcc-run")
    targets = args.targets.split(",")
    mismatches, compared = 0, {p: 0 for p in PRECISIONS}
    for i in range(args.count):
        rng = np.random.default_rng([args.seed, i])
        shape = (int(rng.integers(1, 9)), int(rng.integers(5, 13)),
                 int(rng.integers(5, 13)))
        text = generate(rng, shape)
        base = os.path.join(args.work, f"g{i}")
        with open(base + ".mlir", "w") as f:
            f.write(text)
        np.save(base + ".calib.npy",
                rng.uniform(-1, 1, (8,) + shape).astype(np.float32))
        # Slightly beyond the calibrated range: saturation is exercised too.
        np.save(base + ".x.npy",
                rng.uniform(-1.2, 1.2, (4,) + shape).astype(np.float32))
        precision = PRECISIONS[i % 3]
        subprocess.run([qcc, base + ".mlir", "--calib=" + base + ".calib.npy",
                        "--precision=" + precision, "-emit=mlir", "-o", base + ".q.mlir"],
                       check=True, stderr=subprocess.DEVNULL)
        outputs = {}
        for target in ["interpreter"] + targets:
            out = f"{base}.{target}"
            subprocess.run([run, base + ".q.mlir", "--target=" + target,
                            "--input=" + base + ".x.npy", "--output-dir=" + out],
                           check=True, stdout=subprocess.DEVNULL)
            with open(os.path.join(out, "output_0.npy"), "rb") as f:
                outputs[target] = f.read()
        for target in targets:
            if outputs[target] != outputs["interpreter"]:
                mismatches += 1
                print(f"MISMATCH graph {i} ({precision}) on {target}: {base}.mlir")
        compared[precision] += 1
    summary = ", ".join(f"{compared[p]} {p}" for p in PRECISIONS)
    print(f"{args.count} random graphs ({summary}) on {args.targets}: "
          f"{mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
