"""qcc.report reads the JSON report."""

import json

import pytest

import qcc


def test_int8_report(digits_int8):
    _, report_path = digits_int8
    report = qcc.report.load(report_path)
    assert [layer.name for layer in report.layers][0] == "/Relu_output_0"
    logits = report.layer("logits")
    assert logits.op == "qcc.fully_connected" and logits.bits == 8 and logits.macs == 2560
    assert logits.accumulator_fits_int32 and logits.sqnr_db > 30
    # (4,608 + 73,728 + 2,560 MACs) x 8 x 8 bits
    assert report.bit_ops == 5_177_344
    assert report.front == [] and report.chosen is None
    table = report.table().splitlines()
    assert table[0].split() == ["tensor", "op", "bits", "SQNR", "dB", "MACs", "acc.", "bits"]
    assert table[-1].startswith("logits") and "fully_connected" in table[-1]
    with pytest.raises(KeyError):
        report.layer("nonexistent")


@pytest.mark.parametrize(
    "content",
    [json.dumps({"layers": [{"bits": 8}]}).encode(), b"[1, 2]", b"{", b"\xff\xfe", b'{"mixed_precision": {"front": [{"layers": ["x"]}]}}'],
)
def test_not_a_report(tmp_path, content):
    path = tmp_path / "r.json"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="r.json: not a qcc JSON report"):
        qcc.report.load(path)
