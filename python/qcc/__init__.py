"""qcc from Python: compile models, run the generated libraries, read reports.

    import qcc
    lib = qcc.compile("digits.onnx", calib="calib.npy", precision="int8")
    model = qcc.Model(lib)                     # the host library, through ctypes
    logits, = model.run(images)
    print(qcc.report.load(report_path).table())

See docs/Python.md.
"""

from . import calibration, report
from ._tools import CompileError, QccError, tool_path
from .compiler import compile, run
from .model import Model, TensorInfo

__all__ = [
    "CompileError",
    "Model",
    "QccError",
    "TensorInfo",
    "calibration",
    "compile",
    "report",
    "run",
    "tool_path",
]
__version__ = "0.1.0"
