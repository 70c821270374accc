"""qcc.compile and qcc.run: options reach the driver, failures raise with qcc's diagnostics."""

import numpy as np
import pytest

import qcc


def test_outputs_by_emit_kind(digits, tmp_path):
    calib = np.load(digits["calib"])[:16]  # an array is written to a .npy for --calib
    mlir = qcc.compile(digits["onnx"], calib=calib, emit="mlir")
    assert mlir.suffix == ".mlir" and "!quant.uniform" in mlir.read_text()
    cpp = qcc.compile(mlir, tmp_path / "m.cpp", name="digits")
    assert "digits_run" in cpp.read_text() and (tmp_path / "m.h").is_file()
    asm = qcc.compile(mlir, tmp_path / "m.s", target="hexagon-v73")
    assert "vrmpy" in asm.read_text()


def test_precisions_and_run_targets(digits, tmp_path):
    x = digits["x"][:20]
    for precision in ("w8a16", "w4a8"):
        mlir = qcc.compile(digits["onnx"], tmp_path / f"{precision}.mlir", calib=digits["calib"], precision=precision)
        reference, = qcc.run(mlir, x)
        aarch64, = qcc.run(mlir, x, target="aarch64")
        assert reference.tobytes() == aarch64.tobytes()
    float_logits, = qcc.run(digits["onnx"], x)
    assert float_logits.dtype == np.float32 and float_logits.shape == (20, 10)


def test_mixed_precision_report(digits, tmp_path):
    report_path = tmp_path / "mixed.json"
    qcc.compile(
        digits["onnx"],
        tmp_path / "mixed.mlir",
        calib=digits["calib"],
        precision="mixed",
        max_accuracy_drop=1.0,
        report=report_path,
    )
    report = qcc.report.load(report_path)
    assert report.chosen is not None and report.chosen.agreement_percent >= 99.0
    assert set(report.chosen.layers.values()) <= {"w4a8", "w8a8", "w8a16"}
    assert report.front == sorted(report.front, key=lambda p: p.bit_ops)


def test_compile_errors(digits, tmp_path):
    with pytest.raises(FileNotFoundError, match="model not found"):
        qcc.compile(tmp_path / "missing.onnx")
    with pytest.raises(FileNotFoundError, match="calib file not found"):
        qcc.compile(digits["onnx"], calib=tmp_path / "missing.npy")
    with pytest.raises(qcc.CompileError, match="unknown --precision 'int7'") as error:
        qcc.compile(digits["onnx"], calib=digits["calib"], precision="int7")
    assert error.value.returncode != 0
    with pytest.raises(qcc.CompileError, match="unknown target 'riscv'"):
        qcc.compile(digits["onnx"], target="riscv")
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a protobuf")
    with pytest.raises(qcc.CompileError, match="broken.onnx"):
        qcc.compile(broken)
    wrong = np.zeros((4, 3, 8, 8), np.float32)
    with pytest.raises(qcc.CompileError, match=r"\(float32 4x3x8x8\) does not hold batches of argument #0"):
        qcc.compile(digits["onnx"], calib=wrong)
    with pytest.raises(qcc.CompileError, match="has no input 'x'"):
        qcc.compile(digits["onnx"], calib=digits["calib"], input_shapes={"x": (1, 1, 8, 8)})


def test_arrays_and_lists(digits, tmp_path):
    calib = np.load(digits["calib"]).astype(np.float64).tolist()  # lists and float64 become float32 .npy
    mlir = qcc.compile(digits["onnx"], tmp_path / "q.mlir", calib=[calib])
    logits, = qcc.run(mlir, digits["x"][:4].astype(np.float64))
    assert logits.dtype == np.float32 and logits.shape == (4, 10)


def test_run_errors(digits, tmp_path, monkeypatch):
    with pytest.raises(qcc.QccError, match="(?s)qcc-run failed .*needs a quantized model"):
        qcc.run(digits["onnx"], digits["x"], target="host")
    monkeypatch.setenv("QCC_BIN_DIR", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="QCC_BIN_DIR is set, but .*qcc-run is not an executable"):
        qcc.run(digits["onnx"], digits["x"])
