"""Reading the per-layer report of `qcc --report=FILE.json`."""

import dataclasses
import json
import pathlib


@dataclasses.dataclass(frozen=True)
class Layer:
    """One quantized tensor of the report, in program order (docs/Quantization.md)."""

    name: str
    op: str
    bits: int
    scale: float
    zero_point: int
    range: tuple
    sqnr_db: float = None  # output SQNR against float on the calibration inputs
    macs: int = None  # the rest for layers (convolutions, matmuls) only
    bit_ops: int = None
    accumulator_bits: int = None
    accumulator_bound: int = None
    accumulator_fits_int32: bool = None


@dataclasses.dataclass(frozen=True)
class FrontPoint:
    """A measured mixed-precision configuration on the Pareto front."""

    bit_ops: int
    agreement_percent: float
    sqnr_db: float
    layers: dict  # layer name -> "w4a8" | "w8a8" | "w8a16"
    chosen: bool


class Report:
    """A qcc report: `layers`, and with --precision=mixed the `front` and `chosen` point."""

    def __init__(self, data):
        fields = {f.name for f in dataclasses.fields(Layer)}
        self.layers = []
        for entry in data.get("layers", []):
            values = {k: v for k, v in entry.items() if k in fields}
            values["range"] = tuple(values.get("range", ()))
            self.layers.append(Layer(**values))
        self.front = []
        for point in data.get("mixed_precision", {}).get("front", []):
            layers = dict(item.rsplit(":", 1) for item in point["layers"])
            self.front.append(
                FrontPoint(point["bit_ops"], point["agreement_percent"], point["sqnr_db"], layers, point["chosen"])
            )
        self.chosen = next((p for p in self.front if p.chosen), None)

    def layer(self, name):
        """The layer computing tensor `name`."""
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(name)

    @property
    def bit_ops(self):
        """Total bit-ops of the layers (MACs times input bits times weight bits)."""
        return sum(layer.bit_ops or 0 for layer in self.layers)

    def table(self):
        """The layers as a text table."""
        rows = [("tensor", "op", "bits", "SQNR dB", "MACs", "acc. bits")]
        for layer in self.layers:
            rows.append(
                (
                    layer.name,
                    layer.op.removeprefix("qcc."),
                    str(layer.bits),
                    "" if layer.sqnr_db is None else f"{layer.sqnr_db:.1f}",
                    "" if layer.macs is None else f"{layer.macs:,}",
                    "" if layer.accumulator_bits is None else str(layer.accumulator_bits),
                )
            )
        widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
        lines = []
        for r in rows:
            cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [v.rjust(w) for v, w in zip(r[2:], widths[2:])]
            lines.append("  ".join(cells).rstrip())
        return "\n".join(lines)

    def __str__(self):
        return self.table()


def load(path):
    """Reads the JSON report `path` (written by `qcc --report=path`)."""
    path = pathlib.Path(path)
    try:
        return Report(json.loads(path.read_text()))
    except (ValueError, KeyError, TypeError, AttributeError) as error:  # JSON and Unicode errors are ValueErrors
        raise ValueError(f"{path}: not a qcc JSON report ({error})") from None
