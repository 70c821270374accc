"""Runs ONNX's node conformance cases through qcc's quantizer and a backend:
every case whose inputs are float32 is calibrated on its own inputs and
quantized at int8; the cases qcc quantizes to an integer-only graph then run
in the interpreter and on the target (qcc-run --target=...), and the
outputs must be byte-identical.

conformance.py --bin DIR --cases DIR --work DIR [--targets host,aarch64]

Prints the cases the backend cannot run yet or where it differs, and a
summary line.
"""
import argparse
import glob
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--cases", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--targets", default="host")
    args = parser.parse_args()
    qcc, run = os.path.join(args.bin, "qcc"), os.path.join(args.bin, "qcc-run")
    targets = args.targets.split(",")
    with open(os.path.join(args.cases, "manifest.tsv")) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    quantized, exact, failures = 0, 0, []
    for row in rows:
        case, inputs = row[0], row[5]
        if not inputs or any(not spec.split(":")[1].startswith("float32[")
                             for spec in inputs.split(";")):
            continue
        model = os.path.join(args.cases, case, "model.onnx")
        data = sorted(glob.glob(os.path.join(args.cases, case,
                                             "test_data_set_0", "input_*.pb")))
        work = os.path.join(args.work, case)
        os.makedirs(work, exist_ok=True)
        q = os.path.join(work, "q.mlir")
        made = subprocess.run(
            [qcc, model] + ["--calib=" + d for d in data] +
            ["--precision=int8", "-emit=mlir", "-o", q],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if (made.returncode != 0 or "stays float" in made.stderr or
                "qcc.quantize" not in open(q).read()):
            continue  # not quantized to an integer-only graph
        quantized += 1
        outputs = {}
        for target in ["interpreter"] + targets:
            out = os.path.join(work, target)
            ran = subprocess.run(
                [run, q, "--target=" + target, "--output-dir=" + out] +
                ["--input=" + d for d in data],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if ran.returncode != 0:
                reason = ran.stderr.strip().splitlines()
                failures.append(f"{case} on {target}: " +
                                (reason[0] if reason else "failed"))
                break
            files = sorted(glob.glob(os.path.join(out, "output_*.npy")))
            outputs[target] = [open(p, "rb").read() for p in files]
        else:
            bad = [t for t in targets if outputs[t] != outputs["interpreter"]]
            if bad:
                failures.append(f"{case}: differs on {', '.join(bad)}")
            else:
                exact += 1
    for failure in failures:
        print(failure)
    print(f"{quantized} cases quantized to integer-only graphs; {exact} "
          f"byte-identical on {args.targets}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
