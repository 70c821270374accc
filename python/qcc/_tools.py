"""Finding and running qcc's command-line tools."""

import os
import pathlib
import shutil
import subprocess
import sys


class QccError(RuntimeError):
    """A qcc tool failed; `diagnostics` holds what it printed on stderr."""

    def __init__(self, tool, returncode, diagnostics):
        self.tool = tool
        self.returncode = returncode
        self.diagnostics = diagnostics.strip()
        super().__init__(f"{tool} failed (exit {returncode}):\n{self.diagnostics}")


class CompileError(QccError):
    """qcc could not compile the model."""


def tool_path(name):
    """The path of qcc's tool `name` (qcc, qcc-run).

    Looked up in $QCC_BIN_DIR when it is set, else beside this package (in a
    checkout, python/../build/bin; installed by cmake --install,
    <prefix>/bin), then on PATH.
    """
    def executable(path):
        return path.is_file() and os.access(path, os.X_OK)

    if os.environ.get("QCC_BIN_DIR"):
        path = pathlib.Path(os.environ["QCC_BIN_DIR"]) / name
        if not executable(path):
            raise FileNotFoundError(f"QCC_BIN_DIR is set, but {path} is not an executable")
        return str(path)
    package = pathlib.Path(__file__).resolve().parent
    beside = [package.parents[1] / "build" / "bin" / name]  # in a checkout: python/qcc
    if package.parent.name == "dist-packages":  # installed: <prefix>/lib/pythonX.Y/dist-packages/qcc
        beside.append(package.parents[3] / "bin" / name)
    for path in beside:
        if executable(path):
            return str(path)
    found = shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(
        f"cannot find the qcc tool '{name}': build qcc (scripts/build.sh) or set "
        f"QCC_BIN_DIR to the directory holding it"
    )


def run_tool(name, args, error=QccError, echo=False):
    """Runs tool `name` with `args`; raises `error` with its diagnostics on failure.

    Returns what it printed on stderr (qcc's progress and summary lines), which
    is also copied to our stderr when `echo` is set.
    """
    cmd = [tool_path(name)] + [str(a) for a in args]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise error(name, proc.returncode, proc.stderr or proc.stdout)
    if echo and proc.stderr:
        print(proc.stderr, end="", file=sys.stderr)
    return proc.stderr
