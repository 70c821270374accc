"""Shared fixtures: the models beside the checkout (../shared) and a quantized digits CNN."""

import pathlib
import sys

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "models"
sys.path.insert(0, str(ROOT / "python"))
sys.path.insert(0, str(ROOT / "bench"))

import qcc  # noqa: E402


def shared(path):
    """A file of ../shared/models; the test is skipped when the data is not beside the checkout."""
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"needs {full}")
    return full


@pytest.fixture(scope="session")
def digits():
    """The digits CNN, its calibration and test data."""
    return {
        "onnx": shared("digits/digits_cnn.onnx"),
        "calib": shared("digits/calib_inputs.npy"),
        "x": np.load(shared("digits/test_inputs.npy")),
        "labels": np.load(shared("digits/test_labels.npy")),
    }


@pytest.fixture(scope="session")
def digits_int8(digits, tmp_path_factory):
    """The digits CNN quantized to int8 (qcc IR) and its report."""
    work = tmp_path_factory.mktemp("digits")
    report = work / "int8.json"
    mlir = qcc.compile(digits["onnx"], work / "int8.mlir", calib=digits["calib"], report=report)
    return mlir, report
