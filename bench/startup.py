"""Start-up: from `newsbot run` to its first getUpdates, with 10,000 articles stored.

    uv run python bench/startup.py [--quick]

Timed against the emulator's request log; the echo bot's start-up in the same run is
the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from common import ROOT, database, median, report, target
from processes import bot_env, bot_process, first_poll
from tgsandbox import BotApiEmulator

RUNS = 3


async def startups(path: Path, runs: int) -> tuple[list[float], list[float]]:
    ours, echo = [], []
    async with BotApiEmulator(strict_polling=False) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(runs):
                for database_path, command, times in (
                    (path, (), ours),
                    (None, (str(ROOT / "bench" / "echo_bot.py"),), echo),
                ):
                    env = bot_env(emulator, Path(folder), database_path)
                    start = time.time()
                    async with bot_process(emulator, env, *command):
                        polled = first_poll(emulator, start)
                        assert polled is not None
                        times.append(polled - start)
    return ours, echo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 articles, one run.")
    parser.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks it runs.")
    args = parser.parse_args()
    size, runs = (1000, 1) if args.quick else (10000, RUNS)
    size, runs = (100, 1) if args.smoke else (size, runs)
    ours, echo = asyncio.run(startups(database(size), runs))
    seconds = median(ours)
    report(
        f"start-up with {size:,} articles: {seconds:.2f} s to the first getUpdates "
        f"({seconds / median(echo):.2f}× the echo bot's {median(echo):.2f} s)"
    )
    target("startup_s", seconds, "<3", seconds < 3)


if __name__ == "__main__":
    main()
