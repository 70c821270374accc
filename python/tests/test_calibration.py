"""Calibration sets from .npy files and image folders."""

import numpy as np
import pytest
from PIL import Image

import qcc


def test_from_npy_subset(tmp_path):
    a, b = np.arange(24, dtype=np.float32).reshape(6, 4), np.ones((4, 4), np.float32)
    np.save(tmp_path / "a.npy", a)
    np.save(tmp_path / "b.npy", b)
    batch = qcc.calibration.from_npy(tmp_path / "a.npy", tmp_path / "b.npy")
    assert batch.shape == (10, 4) and batch.dtype == np.float32
    subset = qcc.calibration.from_npy(tmp_path / "a.npy", tmp_path / "b.npy", count=3, seed=1)
    assert subset.shape == (3, 4)
    assert np.array_equal(subset, qcc.calibration.from_npy(tmp_path / "a.npy", tmp_path / "b.npy", count=3, seed=1))
    np.save(tmp_path / "c.npy", np.zeros((2, 5), np.float32))
    with pytest.raises(ValueError, match="different sample shapes"):
        qcc.calibration.from_npy(tmp_path / "a.npy", tmp_path / "c.npy")


def test_from_images(tmp_path):
    Image.new("RGB", (20, 10), (255, 0, 51)).save(tmp_path / "a.png")
    Image.new("RGB", (40, 10), (0, 0, 0)).save(tmp_path / "b.jpg")
    (tmp_path / "notes.txt").write_text("not an image")
    batch = qcc.calibration.from_images(tmp_path, (8, 4), mean=0.5, std=0.5)
    assert batch.shape == (2, 3, 4, 8) and batch.dtype == np.float32
    assert np.allclose(batch[0, :, 0, 0], [1.0, -1.0, -0.6])
    lines = qcc.calibration.from_images(tmp_path, (32, 10), keep_ratio=True)
    assert np.all(lines[0, :, :, 20:] == 0) and lines[0, 0, 0, 19] == 1.0
    gray = qcc.calibration.from_images(tmp_path, (8, 4), mode="L", count=1)
    assert gray.shape == (1, 1, 4, 8)
    path = qcc.calibration.save(batch, tmp_path / "calib.npy")
    assert np.array_equal(np.load(path), batch)
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no image in"):
        qcc.calibration.from_images(tmp_path / "empty", (8, 4))
