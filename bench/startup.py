"""Start-up: from `newsbot run` to its first getUpdates, with 10,000 and 100,000 articles stored.

    uv run python bench/startup.py [--quick]

The bot has a digest channel whose plan is already made, as after its first start. Timed
against the emulator's request log; the echo bot's start-up in the same run is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from common import CHANNEL, ROOT, SCALE, SERVING_ENV, median, report, served_database, target
from processes import bot_env, bot_process, first_poll
from tgsandbox import BotApiEmulator

RUNS = 3


async def startups(paths: list[Path], runs: int) -> tuple[list[list[float]], list[float]]:
    """Seconds to the first getUpdates of newsbot on each database, and of the echo bot."""
    ours: list[list[float]] = [[] for _ in paths]
    echo: list[float] = []
    bots = [(path, (), times) for path, times in zip(paths, ours, strict=True)]
    bots.append((None, (str(ROOT / "bench" / "echo_bot.py"),), echo))
    async with BotApiEmulator(strict_polling=False) as emulator:
        emulator.add_channel(CHANNEL)
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(runs):
                for database_path, command, times in bots:
                    env = bot_env(emulator, Path(folder), database_path, **SERVING_ENV)
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
    sizes, runs = ([1000], 1) if args.quick else ([10000, SCALE], RUNS)
    sizes, runs = ([100], 1) if args.smoke else (sizes, runs)
    ours, echo = asyncio.run(startups([served_database(size) for size in sizes], runs))
    seconds = {size: median(times) for size, times in zip(sizes, ours, strict=True)}
    for size in sizes:
        report(
            f"start-up with {size:,} articles: {seconds[size]:.2f} s to the first getUpdates "
            f"({seconds[size] / median(echo):.2f}× the echo bot's {median(echo):.2f} s)"
        )
    target("startup_s", seconds[sizes[0]], "<3", seconds[sizes[0]] < 3)
    if SCALE in seconds:
        target("startup_s_100k", seconds[SCALE], "<3", seconds[SCALE] < 3)


if __name__ == "__main__":
    main()
