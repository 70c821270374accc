"""qcc.Model runs host libraries bit-exact with qcc-run."""

import numpy as np
import pytest
from conftest import shared

import qcc


def test_digits_bit_exact_with_qcc_run(digits, digits_int8, tmp_path):
    mlir, _ = digits_int8
    model = qcc.Model(qcc.compile(mlir, tmp_path / "digits.so"))
    assert model.name == "int8"
    assert [(t.name, t.dtype, t.shape) for t in model.inputs] == [("input", np.float32, (1, 1, 8, 8))]
    assert [(t.name, t.shape) for t in model.outputs] == [("logits", (1, 10))]
    logits, = model.run(digits["x"])
    host, = qcc.run(mlir, digits["x"], target="host")
    interpreter, = qcc.run(mlir, digits["x"])
    assert logits.shape == (450, 10)
    assert logits.tobytes() == host.tobytes() == interpreter.tobytes()
    assert (logits.argmax(1) == digits["labels"]).sum() == 440


def test_paddleocr_cls_bit_exact_with_qcc_run(tmp_path):
    textlines = pytest.importorskip("textlines")
    onnx = shared("paddleocr/ch_ppocr_mobile_v2.0_cls_infer.onnx")
    lines = np.stack([textlines.preprocess(image) for image, _ in textlines.lines(64, 5)])
    calib, test = lines[:16], lines[16:]
    library = qcc.compile(onnx, tmp_path / "cls.so", calib=calib, input_shapes={"x": (1, 3, 48, 192)}, name="cls")
    mlir = qcc.compile(onnx, tmp_path / "cls.mlir", calib=calib, input_shapes={"x": (1, 3, 48, 192)})
    model = qcc.Model(library)
    probabilities, = model(test)
    host, = qcc.run(mlir, test, target="host")
    assert probabilities.shape == (48, 2)
    assert probabilities.tobytes() == host.tobytes()


def test_quantized_io_metadata(digits, digits_int8, tmp_path):
    mlir, _ = digits_int8
    model = qcc.Model(qcc.compile(mlir, tmp_path / "q.so", io="quantized", name="digits_q"))
    (x,), (y,) = model.inputs, model.outputs
    assert (x.dtype, y.dtype) == (np.int8, np.int8)
    assert x.scale > 0 and y.scale > 0
    q = np.clip(np.round(digits["x"][:10] / x.scale) + x.zero_point, -128, 127).astype(np.int8)
    raw, = model.run(q)
    assert raw.dtype == np.int8 and raw.shape == (10, 10)
    interpreter, = qcc.run(qcc.compile(mlir, tmp_path / "q.mlir", io="quantized"), q)
    assert raw.tobytes() == interpreter.tobytes()
    assert np.array_equal(model.run(q.astype(np.int64))[0], raw)  # values that fit convert
    with pytest.raises(TypeError, match="float32 array given, the library takes int8"):
        model.run(digits["x"][:10])
    with pytest.raises(TypeError, match=r"values outside int8's range \[-128, 127\]"):
        model.run(q.astype(np.int64) + 200)


def test_bad_inputs(digits, digits_int8, tmp_path):
    mlir, _ = digits_int8
    model = qcc.Model(qcc.compile(mlir, tmp_path / "d.so"))
    with pytest.raises(ValueError, match=r"input 'input': shape \(3, 8, 8\)"):
        model.run(np.zeros((3, 8, 8), np.float32))
    with pytest.raises(ValueError, match="expected 1 inputs, got 2"):
        model.run(digits["x"], digits["x"])


def test_recompiled_library_reloads(digits, digits_int8, tmp_path):
    mlir, _ = digits_int8
    first = qcc.Model(qcc.compile(mlir, tmp_path / "m.so", name="first"))
    second = qcc.Model(qcc.compile(mlir, tmp_path / "m.so", name="second"))
    assert (first.name, second.name) == ("first", "second")
    assert first.run(digits["x"][:3])[0].tobytes() == second.run(digits["x"][:3])[0].tobytes()
    with pytest.raises(ValueError, match="has no model 'third'"):
        qcc.Model(tmp_path / "m.so", name="third")
    (tmp_path / "bad.so").write_bytes(b"\x7fELF\x02\x01" + bytes(10))
    with pytest.raises(ValueError, match="bad.so: a truncated or corrupt ELF file"):
        qcc.Model(tmp_path / "bad.so")


def test_rejects_other_targets(digits_int8, tmp_path):
    mlir, _ = digits_int8
    library = qcc.compile(mlir, tmp_path / "a.so", target="aarch64")
    with pytest.raises(ValueError, match="is built for AArch64; qcc.Model loads host libraries"):
        qcc.Model(library)
    with pytest.raises(FileNotFoundError):
        qcc.Model(tmp_path / "missing.so")
