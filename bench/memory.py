"""Memory: peak resident size of the serving bot (10,000 and 100,000 articles) and of an ingest.

    uv run python bench/memory.py [--quick]

The serving bot is `newsbot run` answering readers (no ingest to do), with a digest
channel whose plan is already made; the ingest is `newsbot ingest` of 1,000 new files.
The echo bot's peak, measured in the same run, is the baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import (
    CHANNEL,
    ROOT,
    SCALE,
    SERVING_ENV,
    peak_rss_mb,
    report,
    served_database,
    target,
    write_articles,
)
from processes import bot_env, bot_process
from tgsandbox import BotApiEmulator

from bot.tg.flood import CHAT_BURST, FloodGuard

FIRST_READER = 300_000
COMMANDS = ["/start", "/summary", "/quotes", "/search اوکراین", "/articles", "/next"]
#: Each command is sent this many times in all.
ROUNDS = 5
#: Commands in a row from one reader. The bot answers a chat's first 3 at once and then
#: about one a second, as Telegram asks (``bot.tg.flood.CHAT_BURST``): one reader sending
#: all 30 back to back had 27 replies held 1.1 seconds each, and the run took 30 s more.
#: So 10 readers, one after the other, send 3 each, all answered at once.
PER_READER = min(CHAT_BURST, FloodGuard().burst)
READERS = -(-len(COMMANDS) * ROUNDS // PER_READER)


async def serving_peaks(paths: list[Path]) -> list[float]:
    """Peak RSS in MB of newsbot run on each database, then of the echo bot, after readers."""
    peaks = []
    echo = (str(ROOT / "bench" / "echo_bot.py"),)
    async with BotApiEmulator(strict_polling=False) as emulator:
        emulator.add_channel(CHANNEL)
        readers = [FIRST_READER + n for n in range(READERS)]
        for reader in readers:
            emulator.add_user(reader, "خواننده")
        sent = [COMMANDS[n % len(COMMANDS)] for n in range(len(COMMANDS) * ROUNDS)]
        with tempfile.TemporaryDirectory() as folder:
            runs: list[tuple[Path | None, tuple[str, ...]]] = [(path, ()) for path in paths]
            for database_path, command in [*runs, (None, echo)]:
                env = bot_env(emulator, Path(folder), database_path, **SERVING_ENV)
                async with bot_process(emulator, env, *command) as process:
                    for number, text in enumerate(sent):
                        reader = readers[number // PER_READER]
                        before = len(emulator.messages(reader))
                        emulator.send_text(reader, text, user_id=reader)
                        for _ in range(200):
                            if len(emulator.messages(reader)) > before:
                                break
                            await asyncio.sleep(0.01)
                    await asyncio.sleep(1)
                    peaks.append(peak_rss_mb(process.pid))
    return peaks


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
    sizes, files = ([1000], 200) if args.quick else ([10000, SCALE], 1000)
    sizes, files = ([100], 10) if args.smoke else (sizes, files)
    *servings, echo = asyncio.run(serving_peaks([served_database(size) for size in sizes]))
    ingest = ingest_peak(files)
    for size, serving in zip(sizes, servings, strict=True):
        report(
            f"serving bot with {size:,} articles: {serving:.0f} MB peak "
            f"({serving / echo:.2f}× the echo bot's {echo:.0f} MB)"
        )
    report(f"newsbot ingest of {files:,} files: {ingest:.0f} MB peak")
    target("serving_rss_mb", servings[0], "<=150", servings[0] <= 150)
    if SCALE in sizes:
        serving = servings[sizes.index(SCALE)]
        target("serving_rss_mb_100k", serving, "<=150", serving <= 150)
    target("ingest_rss_mb", ingest, "<=400", ingest <= 400)


if __name__ == "__main__":
    main()
