"""Trains the digits CNN on scikit-learn's 8x8 digits with PyTorch and exports it to ONNX.

    /usr/bin/python3 examples/digits/train.py OUT_DIR

writes OUT_DIR/digits_cnn.onnx (input `input` float32 [N,1,8,8] = pixel/16,
output `logits` [N,10]), calib.npy (128 training images), test_inputs.npy and
test_labels.npy (the 450 held-out images). Seeded and single-threaded: the same
machine and packages give the same files. Needs Debian's python3-torch,
python3-sklearn, python3-onnx.
"""

import pathlib
import sys

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


class DigitsCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(8, 16, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.fc = torch.nn.Linear(16 * 4 * 4, 10)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = self.pool(torch.relu(self.conv2(x)))
        return self.fc(torch.flatten(x, 1))


def data():
    digits = load_digits()
    images = (digits.images / 16).astype(np.float32)[:, None]  # pixels 0..16 -> 0..1
    train_x, test_x, train_y, test_y = train_test_split(
        images, digits.target, test_size=0.25, random_state=0, stratify=digits.target
    )
    calib = train_x[np.random.RandomState(0).choice(len(train_x), 128, replace=False)]
    return train_x, train_y, test_x, test_y.astype(np.int64), calib


def train(train_x, train_y, epochs=40):
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    model = DigitsCnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    x, y = torch.from_numpy(train_x), torch.from_numpy(train_y)
    order = torch.Generator().manual_seed(0)
    for _ in range(epochs):
        for batch in torch.randperm(len(x), generator=order).split(64):
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
            optimizer.step()
    return model.eval()


def export(model, calib, test_x, test_y, out):
    """Writes the ONNX model, the calibration set and the test set into `out`."""
    torch.onnx.export(
        model,
        torch.from_numpy(calib[:1]),
        out / "digits_cnn.onnx",
        input_names=["input"],
        output_names=["logits"],
        dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}},
        opset_version=13,
    )
    np.save(out / "calib.npy", calib)
    np.save(out / "test_inputs.npy", test_x)
    np.save(out / "test_labels.npy", test_y)


def accuracy(model, test_x, test_y):
    """Top-1 accuracy in percent of the PyTorch model."""
    with torch.no_grad():
        return 100.0 * np.mean(model(torch.from_numpy(test_x)).argmax(1).numpy() == test_y)


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "out")
    out.mkdir(parents=True, exist_ok=True)
    train_x, train_y, test_x, test_y, calib = data()
    model = train(train_x, train_y)
    export(model, calib, test_x, test_y, out)
    print(f"trained the digits CNN: {accuracy(model, test_x, test_y):.2f} % on the {len(test_y)} test images")
    print(f"wrote {out / 'digits_cnn.onnx'}")


if __name__ == "__main__":
    main()
