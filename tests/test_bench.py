"""The benchmarks still run: bench/run.py --smoke (tiny inputs) prints every target line."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import ROOT

TARGETS = {
    "ingest_ratio", "ingest_linearity", "command_p99_ratio", "search_p99_ms",
    "fanout_fraction", "fanout_429", "fanout_duplicates", "fanout_losses",
    "serving_rss_mb", "ingest_rss_mb", "startup_s",
}  # fmt: skip
LINE = re.compile(r"^TARGET (\w+) measured=([-\d.]+|nan) goal=\S+ met=(yes|no)$")


def test_benchmarks_run_and_print_every_target() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    summary = completed.stdout.split("== targets\n", 1)[1].splitlines()
    names = set()
    for line in summary:
        found = LINE.match(line)
        assert found, line
        names.add(found.group(1))
    assert names == TARGETS
