"""Memory: peak resident size of the serving bot with 10,000 articles, and of an ingest.

    uv run python bench/memory.py [--quick]

The serving bot is `newsbot run` answering readers (no ingest to do); the ingest is
`newsbot ingest` of 1,000 new files. The echo bot's peak, measured in the same run,
is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, database, peak_rss_mb, report, target, write_articles
from processes import bot_env, bot_process
from tgsandbox import BotApiEmulator

READER = 300_000
COMMANDS = ["/start", "/summary", "/quotes", "/search اوکراین", "/articles", "/next"]


async def serving_peaks(path: Path) -> tuple[float, float]:
    """Peak RSS in MB of newsbot run and of the echo bot, each after answering readers."""
    peaks = []
    async with BotApiEmulator(strict_polling=False) as emulator:
        emulator.add_user(READER, "خواننده")
        with tempfile.TemporaryDirectory() as folder:
            for database_path, command in (
                (path, ()),
                (None, (str(ROOT / "bench" / "echo_bot.py"),)),
            ):
                env = bot_env(emulator, Path(folder), database_path)
                async with bot_process(emulator, env, *command) as process:
                    for _ in range(5):
                        for text in COMMANDS:
                            before = len(emulator.messages(READER))
                            emulator.send_text(READER, text, user_id=READER)
                            for _ in range(200):
                                if len(emulator.messages(READER)) > before:
                                    break
                                await asyncio.sleep(0.01)
                    await asyncio.sleep(1)
                    peaks.append(peak_rss_mb(process.pid))
    return peaks[0], peaks[1]


def ingest_peak(count: int) -> float:
    """Peak RSS in MB of `newsbot ingest` over ``count`` new files."""
    with tempfile.TemporaryDirectory() as folder:
        write_articles(Path(folder) / "articles", count, seed=7)
        env = dict(os.environ, HF_HUB_OFFLINE="1", LOG_LEVEL="WARNING")
        child = subprocess.Popen(
            [sys.executable, "-m", "bot", "ingest", f"{folder}/articles",
             "--database", f"{folder}/ingest.sqlite"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        if status != 0:
            raise SystemExit(f"newsbot ingest failed with status {status}")
        return usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles, 200 files.")
    parser.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks it runs.")
    args = parser.parse_args()
    size, files = (1000, 200) if args.quick else (10000, 1000)
    size, files = (100, 10) if args.smoke else (size, files)
    serving, echo = asyncio.run(serving_peaks(database(size)))
    ingest = ingest_peak(files)
    report(
        f"serving bot with {size:,} articles: {serving:.0f} MB peak "
        f"({serving / echo:.2f}× the echo bot's {echo:.0f} MB)"
    )
    report(f"newsbot ingest of {files:,} files: {ingest:.0f} MB peak")
    target("serving_rss_mb", serving, "<=150", serving <= 150)
    target("ingest_rss_mb", ingest, "<=400", ingest <= 400)


if __name__ == "__main__":
    main()
