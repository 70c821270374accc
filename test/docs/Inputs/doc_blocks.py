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
in the directory, for later blocks to build. Other blocks (`c`, `text`,
`console`...) are not run.
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

SETUP = {"./scripts/setup.sh", "./scripts/test.sh"}
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
    shared = root.parent / "shared"
    if shared.is_dir():
        (base / "shared").symlink_to(shared)
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
    env["QCC_BIN_DIR"] = str(build / "bin")
    ran = 0
    for name in sys.argv[4:]:
        path = pathlib.Path(name).resolve()
        where = path.relative_to(root)
        work = scratch_checkout(root, build, scratch, str(where).replace("/", "_"))
        for line, language, tag, code in blocks(path):
            if language == "sh" and tag == "setup":
                commands = {c.strip() for c in code.splitlines() if c.strip() and not c.startswith("#")}
                if not commands <= SETUP:
                    sys.exit(f"{where}:{line}: a `sh setup` block holds only {sorted(SETUP)}")
                continue
            if tag and "." in tag:
                target = work / tag
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists() or target.is_symlink() or work not in target.resolve().parents:
                    sys.exit(f"{where}:{line}: {tag} would overwrite a file of the checkout")
                target.write_text(code)
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
            ran += 1
    print(f"{ran} blocks ran")


if __name__ == "__main__":
    main()
