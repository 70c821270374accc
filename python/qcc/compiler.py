"""qcc.compile and qcc.run: the driver and the runner from Python."""

import os
import pathlib
import tempfile

import numpy as np

from ._tools import CompileError, QccError, run_tool

_EXTENSIONS = {"mlir": ".mlir", "cpp": ".cpp", "asm": ".s", "obj": ".o", "so": ".so", "exe": ".elf"}


def _flag(name, value):
    return f"--{name}={value}"


def _shape_flags(input_shapes):
    flags = []
    for name, shape in (input_shapes or {}).items():
        dims = "x".join(str(int(d)) for d in shape)
        flags.append(_flag("input-shape", f"{name}:{dims}"))
    return flags


def _as_files(values, directory, stem):
    """Paths for `values`: each a path, or an array written as .npy into `directory`."""
    if values is None:
        return []
    if isinstance(values, (str, os.PathLike, np.ndarray)):
        values = [values]
    files = []
    for i, value in enumerate(values):
        if isinstance(value, (str, os.PathLike)):
            path = pathlib.Path(value)
            if not path.is_file():
                raise FileNotFoundError(f"{stem} file not found: {path}")
        else:
            array = np.asarray(value)
            if array.dtype.kind == "f":  # the models' float inputs are float32
                array = array.astype(np.float32)
            path = pathlib.Path(directory) / f"{stem}_{i}.npy"
            np.save(path, array)
        files.append(path)
    return files


def _options(**options):
    """--name=value flags of the options that are set (underscores become dashes)."""
    return [_flag(k.replace("_", "-"), v) for k, v in options.items() if v is not None]


def _channels(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return ",".join(repr(float(v)) for v in value)
    return repr(float(value))


def compile(  # noqa: A001 - qcc.compile is the natural name
    model,
    output=None,
    *,
    target="host",
    emit=None,
    calib=None,
    precision=None,
    calib_method=None,
    name=None,
    input_shapes=None,
    report=None,
    io=None,
    equalize=False,
    bias_correction=None,
    max_accuracy_drop=None,
    min_sqnr=None,
    input_mean=None,
    input_std=None,
    mattr=None,
    verbose=False,
):
    """Compiles `model` (.onnx or .mlir) with qcc; returns the output's path.

    `calib` is a .npy/.pb path or a float array (a batch of calibration
    inputs), or a list of them, one per model input; it quantizes the model.
    `output` defaults to `<model stem><ext>` in a new temporary directory
    (left to the caller), the extension from `emit` (`mlir`, `cpp`, `asm`,
    `obj`, `so`, `exe`; default `so`). Every other argument is the qcc option
    of the same name (see docs/CLI.md); `input_shapes` maps input names to
    shapes. Raises
    `CompileError` with qcc's diagnostics when qcc fails. With `verbose`, qcc's
    summary lines (arena, mixed-precision search) are printed on stderr.
    """
    model = pathlib.Path(model)
    if not model.is_file():
        raise FileNotFoundError(f"model not found: {model}")
    if output is None:
        directory = tempfile.mkdtemp(prefix="qcc-")
        output = pathlib.Path(directory) / (model.stem + _EXTENSIONS.get(emit or "so", ".so"))
    output = pathlib.Path(output)
    with tempfile.TemporaryDirectory(prefix="qcc-calib-") as work:
        args = [model, "-o", output, _flag("target", target)]
        if emit:
            args.append(_flag("emit", emit))
        args += [_flag("calib", path) for path in _as_files(calib, work, "calib")]
        args += _options(
            precision=precision,
            calib_method=calib_method,
            name=name,
            report=report,
            io=io,
            max_accuracy_drop=max_accuracy_drop,
            min_sqnr=min_sqnr,
            mattr=mattr,
        )
        args += _shape_flags(input_shapes)
        if equalize:
            args.append("--equalize")
        if bias_correction is not None:
            args.append(_flag("bias-correction", "true" if bias_correction else "false"))
        if input_mean is not None:
            args.append(_flag("input-mean", _channels(input_mean)))
        if input_std is not None:
            args.append(_flag("input-std", _channels(input_std)))
        run_tool("qcc", args, error=CompileError, echo=verbose)
    return output


def run(model, *inputs, target="interpreter", input_shapes=None, mattr=None):
    """Runs `model` with qcc-run on numpy `inputs`; returns the list of outputs.

    `target` is where: `interpreter` (qcc's reference interpreter; float or
    quantized models), or for a quantized model `host`, `aarch64` (under
    qemu-aarch64) or `hexagon-v68`...`hexagon-v75` (under qemu-hexagon). An
    input whose leading dimension is k times the model's batch runs it k times.
    Raises `QccError` with qcc-run's diagnostics when it fails.
    """
    with tempfile.TemporaryDirectory(prefix="qcc-run-") as work:
        args = [model, _flag("target", target), _flag("output-dir", work)]
        args += [_flag("input", p) for p in _as_files(list(inputs), work, "input")]
        args += _shape_flags(input_shapes) + _options(mattr=mattr)
        run_tool("qcc-run", args, error=QccError)
        outputs = []
        while os.path.exists(os.path.join(work, f"output_{len(outputs)}.npy")):
            outputs.append(np.load(os.path.join(work, f"output_{len(outputs)}.npy")))
        return outputs
