"""Subscriber fan-out under Telegram's limits: rate achieved, 429s, duplicates, losses.

    uv run python bench/fanout.py [--quick]

2,000 subscribers, the emulator enforcing 30 messages a second overall and one a second
per chat; the bot (`newsbot run`) ingests a new article and delivers its summary to
every subscriber. The rate is measured from the first delivery to the last and given as
a fraction of the 30-a-second limit.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ROOT, report, target
from processes import bot_env, bot_process
from tgsandbox import BotApiEmulator
from tgsandbox.records import MessageEvent

from bot.storage.articles import Store
from bot.storage.postlog import PostLog

LIMIT = 30.0
FIRST = 200_000


async def measure(subscribers: int) -> tuple[float, int, int, int]:
    readers = list(range(FIRST, FIRST + subscribers))
    async with BotApiEmulator(strict_polling=False) as emulator:
        with tempfile.TemporaryDirectory() as folder:
            env = bot_env(emulator, Path(folder), None, DATABASE_PATH=f"{folder}/fanout.sqlite")
            store = Store.open(env["DATABASE_PATH"])
            posts = PostLog(store.db)
            for reader in readers:
                emulator.add_user(reader, "مشترک")
                posts.subscribe(reader, "fa")
            store.close()
            emulator.set_rate_limits(enabled=True)
            sample = ROOT / "content" / "us-ukraine-miami-peace-talks.txt"
            shutil.copy(sample, Path(env["CONTENT_DIR"]) / sample.name)
            delivered: set[int] = set()
            wanted = set(readers)

            def count(event: MessageEvent) -> None:
                if event.kind == "sent" and event.message.chat_id in wanted:
                    delivered.add(event.message.chat_id)

            # Counted as they arrive: scanning every chat would stall the emulator's loop.
            unsubscribe = emulator.subscribe(count)
            async with bot_process(emulator, env):
                deadline = time.monotonic() + subscribers / LIMIT * 3 + 60
                while len(delivered) < subscribers and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                await asyncio.sleep(2)
            unsubscribe()
    wanted = set(readers)
    sends = [m for m in emulator.messages() if m.chat_id in wanted]
    times = sorted(message.time for message in sends)
    rate = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    per_reader = Counter(message.chat_id for message in sends)
    duplicates = sum(count - 1 for count in per_reader.values() if count > 1)
    losses = sum(1 for reader in readers if per_reader[reader] == 0)
    too_many = emulator.status_counts.get(429, 0)
    return rate, too_many, duplicates, losses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 subscribers.")
    parser.add_argument("--smoke", action="store_true", help="Tiny inputs: only checks it runs.")
    args = parser.parse_args()
    subscribers = 300 if args.quick else 2000
    subscribers = 30 if args.smoke else subscribers
    rate, too_many, duplicates, losses = asyncio.run(measure(subscribers))
    report(
        f"{subscribers} subscribers: {rate:.1f} messages/s ({rate / LIMIT:.2f} of the limit), "
        f"{too_many} answers 429, {duplicates} duplicates, {losses} lost"
    )
    target("fanout_fraction", rate / LIMIT, ">=0.9", rate / LIMIT >= 0.9)
    target("fanout_429", too_many, "0", too_many == 0)
    target("fanout_duplicates", duplicates, "0", duplicates == 0)
    target("fanout_losses", losses, "0", losses == 0)


if __name__ == "__main__":
    main()
