"""Runs the commands of qcc's documentation.

    doc_blocks.py ROOT BUILD SCRATCH FILE.md...

Every fenced block tagged `sh` runs in bash (set -euo pipefail) and every one
tagged `python` in Debian's python3, in the order they appear, each file in a
fresh SCRATCH/<file>/root directory that looks like the checkout (its top-level
entries and `build` symlinked; `../shared` beside it), with BUILD/bin first on
PATH and the python/ package importable. So a page may write its outputs in
the current directory and later blocks may read them. Blocks tagged
`sh setup` are README's two setup commands: they are what CI itself runs
(scripts/test.sh) and what test/examples/digits.test runs (scripts/setup.sh
builds, then runs examples/digits/run.py), and are only checked to be exactly
those. A block whose tag is a file name (```c main.c) is written to that new file
in the directory, for later blocks to build. Blocks tagged `sh needs-ort` use
ONNX Runtime from npm installed in ../ort beside the checkout (as
../shared/models/README.md says); without it they are reported as not run.
A `text output` block right after a run block is what it must print: each of
its lines, whitespace collapsed, must appear in the output, in order, where
`...` stands for any text (a path); after a block not run, it is not checked
either. Other blocks (`c`, `text`, `console`...) are not run.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

SETUP = {"./scripts/setup.sh", "./scripts/test.sh"}
# What a `text output` block follows when the command before it was not run.
NOT_RUN = object()
FENCE = re.compile(r"^```(\S*)(?:[ \t]+(\S+))?[ \t]*$")


def blocks(path):
    """(line, language, tag, code) of the fenced blocks of the Markdown file `path`."""
    lines = path.read_text().splitlines()
    i = 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match or not match.group(1):
            i += 1
            continue
        start, language, tag = i + 1, match.group(1), match.group(2)
        i += 1
        code = []
        while i < len(lines) and lines[i].strip() != "```":
            code.append(lines[i])
            i += 1
        if i == len(lines):
            sys.exit(f"{path}:{start}: unterminated code block")
        yield start, language, tag, "\n".join(code) + "\n"
        i += 1


def check_output(where, line, expected, output):
    """Exits unless every line of `expected` appears in `output`, in order."""
    lines = [" ".join(text.split()) for text in output.splitlines()]
    position = 0
    for want in (" ".join(text.split()) for text in expected.splitlines()):
        if not want:
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in want.split("...")))
        while position < len(lines) and not pattern.search(lines[position]):
            position += 1
        if position == len(lines):
            print(f"{where}:{line}: expected output line not printed: {want}\n--- output ---\n{output}")
            sys.exit(1)
        position += 1


def scratch_checkout(root, build, scratch, name):
    """A directory that looks like the checkout, beside a `shared` link."""
    base = scratch / name
    if base.exists():
        shutil.rmtree(base)
    work = base / "root"
    work.mkdir(parents=True)
    for entry in root.iterdir():
        if entry.name not in ("build", ".git"):
            (work / entry.name).symlink_to(entry)
    (work / "build").symlink_to(build)
    for beside in ("shared", "ort"):
        if (root.parent / beside).is_dir():
            (base / beside).symlink_to(root.parent / beside)
    return work


def main():
    root, build, scratch = (pathlib.Path(a).resolve() for a in sys.argv[1:4])
    # `python3` is Debian's (with numpy), as on the machines the docs are for.
    python_dir = scratch / "python-bin"
    python_dir.mkdir(parents=True, exist_ok=True)
    if not (python_dir / "python3").exists():
        (python_dir / "python3").symlink_to("/usr/bin/python3")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(build / "bin"), str(python_dir), env["PATH"]])
    env["PYTHONPATH"] = str(root / "python")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    ran, not_run = 0, 0
    has_ort = (root.parent / "ort" / "node_modules" / "onnxruntime-node").is_dir()
    for name in sys.argv[4:]:
        path = pathlib.Path(name).resolve()
        where = path.relative_to(root)
        work = scratch_checkout(root, build, scratch, str(where).replace("/", "_"))
        last_output = None
        for line, language, tag, code in blocks(path):
            if language == "sh" and tag == "setup":
                commands = {c.strip() for c in code.splitlines()} - {""}
                commands = {c for c in commands if not c.startswith("#")}
                if not commands or not commands <= SETUP:
                    sys.exit(f"{where}:{line}: a `sh setup` block holds some of {sorted(SETUP)}, nothing else")
                continue
            if language == "text" and tag == "output":
                if last_output is None:
                    sys.exit(f"{where}:{line}: a `text output` block follows no block that ran")
                if last_output is NOT_RUN:
                    print(f"{where}:{line}: not checked: its command was not run")
                else:
                    check_output(where, line, code, last_output)
                continue
            last_output = None
            if tag and "." in tag:
                target = work / tag
                inside = work / pathlib.Path(tag).parts[0]
                if inside.is_symlink() or target.exists() or ".." in pathlib.Path(tag).parts:
                    sys.exit(f"{where}:{line}: {tag} would write into the checkout")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(code)
                continue
            if tag == "needs-ort" and not has_ort:
                print(f"{where}:{line}: not run: needs ONNX Runtime in {root.parent / 'ort'}")
                not_run += 1
                last_output = NOT_RUN
                continue
            if language == "sh":
                command = ["bash", "-euo", "pipefail", "-c", code]
            elif language == "python":
                command = ["/usr/bin/python3", "-c", code]
            else:
                continue
            began = time.time()
            proc = subprocess.run(command, cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if proc.returncode != 0:
                print(f"{where}:{line}: {language} block failed (exit {proc.returncode}):\n{code}\n--- output ---\n{proc.stdout}")
                sys.exit(1)
            print(f"{where}:{line}: {language} block ok ({time.time() - began:.1f} s)")
            last_output = proc.stdout
            ran += 1
    print(f"{ran} blocks ran, {not_run} not run")


if __name__ == "__main__":
    main()
