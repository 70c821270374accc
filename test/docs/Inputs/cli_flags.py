"""Checks that every option of qcc, qcc-run, qcc-conformance and qcc-opt's qcc passes is documented.

    cli_flags.py BIN_DIR DOCS_DIR

qcc's, qcc-run's and qcc-conformance's options (from --help) must each appear as `-flag` or
`--flag...` in docs/CLI.md; every `--qcc-*` pass or pipeline of qcc-opt in
docs/Passes/ or docs/WritingAPass.md.
"""

import pathlib
import re
import subprocess
import sys

OPTION = re.compile(r"^  (-{1,2}[a-zA-Z][\w-]*)")
GENERIC = {"--help", "--help-list", "--version"}


def options(tool):
    text = subprocess.run([tool, "--help"], stdout=subprocess.PIPE, text=True, check=True).stdout
    return [m.group(1) for m in map(OPTION.match, text.splitlines()) if m and m.group(1) not in GENERIC]


def main():
    bin_dir, docs = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    missing = []
    cli = (docs / "CLI.md").read_text()
    sections = re.split(r"^## ", cli, flags=re.M)
    for tool in ("qcc", "qcc-run", "qcc-conformance"):
        section = next(s for s in sections if s.startswith(tool + "\n"))
        found = options(bin_dir / tool)
        for flag in found:
            if not re.search(r"`" + re.escape(flag) + r"[`=< ]", section):
                missing.append(f"docs/CLI.md, section {tool}: {flag}")
        print(f"{tool}: {len(found)} options")
    passes = "".join(p.read_text() for p in sorted((docs / "Passes").glob("*.md")))
    passes += (docs / "WritingAPass.md").read_text()
    opt = subprocess.run([bin_dir / "qcc-opt", "--help"], stdout=subprocess.PIPE, text=True, check=True).stdout
    names = sorted(set(re.findall(r"^\s+--(qcc-[\w-]+|convert-tosa-to-qcc)\b", opt, flags=re.M)))
    for name in names:
        if not re.search(r"-" + re.escape(name) + r"(?![\w-])", passes):
            missing.append(f"docs/Passes or docs/WritingAPass.md: --{name}")
    print(f"qcc-opt: {len(names)} qcc passes and pipelines")
    if missing:
        sys.exit("undocumented options:\n  " + "\n  ".join(missing))


if __name__ == "__main__":
    main()
