"""Run every benchmark and list the targets at the end.

    uv run python bench/run.py [--quick | --smoke]

Each script also runs alone (`uv run python bench/<name>.py [--quick]`). Figures are
ratios against baselines measured in the same run where the target is a ratio; the
machine is shared and noisy, so absolute times drift from run to run. `--quick`
shrinks every measurement to finish in about two minutes and still prints every
target line. `--smoke` runs every script on tiny inputs in well under a minute: its
figures mean nothing, it only shows that the scripts still run (tests/test_bench.py).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["ingest", "search", "commands", "fanout", "memory", "startup"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="A reduced set, about two minutes.")
    size.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks they run.")
    args = parser.parse_args()
    flags = ["--quick"] if args.quick else ["--smoke"] if args.smoke else []
    targets: list[str] = []
    failed = []
    for name in SCRIPTS:
        print(f"== {name}", flush=True)
        start = time.monotonic()
        command = [sys.executable, str(HERE / f"{name}.py"), *flags]
        process = subprocess.Popen(command, cwd=HERE, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if line.startswith("TARGET "):
                targets.append(line.rstrip("\n"))
        if process.wait() != 0:
            failed.append(name)
        print(f"   ({time.monotonic() - start:.0f} s)", flush=True)
    print("== targets")
    for line in targets:
        print(line)
    if failed:
        print(f"benchmarks that did not finish: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
