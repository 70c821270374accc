"""Input and expected output of small.textproto, computed with numpy.

small.py PREFIX                   writes PREFIX.x.npy and PREFIX.x.pb
small.py PREFIX --check F.npy     compares a result with numpy's
small.py PREFIX --check-pb F.pb   the same for a TensorProto result
small.py PREFIX --check-dump DIR  checks the dumped intermediate tensors
"""
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

x = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]], np.float32)
W = np.array([[1, -1], [0.5, 2], [-0.25, 0]], np.float32)
b = np.array([0.1, -0.2], np.float32)
hidden = x @ W + b
act = np.maximum(hidden, 0)
scaled = act * 2
e = np.exp(scaled - scaled.max(axis=1, keepdims=True))
y = e / e.sum(axis=1, keepdims=True)

prefix = sys.argv[1]
if len(sys.argv) == 2:
    np.save(prefix + ".x.npy", x)
    with open(prefix + ".x.pb", "wb") as f:
        f.write(numpy_helper.from_array(x, "x").SerializeToString())
elif sys.argv[2] == "--check":
    got = np.load(sys.argv[3])
    np.testing.assert_allclose(got, y, rtol=1e-5, atol=1e-6)
elif sys.argv[2] == "--check-pb":
    proto = onnx.TensorProto()
    with open(sys.argv[3], "rb") as f:
        proto.ParseFromString(f.read())
    assert proto.name == "y", proto.name
    np.testing.assert_allclose(numpy_helper.to_array(proto), y, rtol=1e-5)
else:
    for name, value in [("hidden", hidden), ("act", act), ("scaled", scaled),
                        ("y", y)]:
        got = np.load(os.path.join(sys.argv[3], name + ".npy"))
        np.testing.assert_allclose(got, value, rtol=1e-5, atol=1e-6)
