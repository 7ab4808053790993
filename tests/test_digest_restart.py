"""The real `newsbot run` process killed with SIGKILL while posting, then started again."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import signal
import sys
from pathlib import Path

from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from .conftest import ROOT, SAMPLE

ADMIN = 7001
POSTS_IN_SAMPLE = 6


def _env(emulator: BotApiEmulator, folder: Path) -> dict[str, str]:
    content = folder / "content"
    content.mkdir(exist_ok=True)
    shutil.copy(SAMPLE, content / SAMPLE.name)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(
        HF_HUB_OFFLINE="1",
        TELEGRAM_BOT_TOKEN=emulator.token,
        TELEGRAM_API_URL=emulator.base_url,
        DATABASE_PATH=str(folder / "news.db"),
        CONTENT_DIR=str(content),
        DIGEST_CHATS="@chan_a",
        DIGEST_SCHEDULE="every 1s",
        ADMIN_IDS=str(ADMIN),
        LOG_LEVEL="WARNING",
    )
    return env


async def _start(env: dict[str, str], folder: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=(folder / "bot.log").open("ab"),
    )  # fmt: skip


async def _posts(emulator: BotApiEmulator, chat: int, count: int, timeout: float = 40) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(emulator.messages(chat)) < count:
        assert loop.time() < deadline, [m.text[:30] for m in emulator.messages(chat)]
        await asyncio.sleep(0.05)


def _heads(messages: list[SentMessage]) -> list[str]:
    return [message.text.split("\n")[0] for message in messages]


async def test_sigkill_while_posting_neither_duplicates_nor_loses(tmp_path: Path) -> None:
    async with BotApiEmulator(strict_polling=False) as emulator:
        channel = emulator.add_channel("@chan_a")
        emulator.add_user(ADMIN, "سردبیر")
        env = _env(emulator, tmp_path)

        first = await _start(env, tmp_path)
        await _posts(emulator, channel, 2)
        # The third post reaches the channel, but its answer never reaches the bot.
        emulator.delay_next("sendMessage", 60)
        await _posts(emulator, channel, 3)
        first.send_signal(signal.SIGKILL)
        await first.wait()

        second = await _start(env, tmp_path)
        await _posts(emulator, channel, POSTS_IN_SAMPLE)
        await _posts(emulator, ADMIN, 1)
        # Killed while idle between ticks, and started once more.
        second.send_signal(signal.SIGKILL)
        await second.wait()
        third = await _start(env, tmp_path)
        # The post is still uncertain: the third start offers it again.
        await _posts(emulator, ADMIN, 2)
        await asyncio.sleep(3)
        third.terminate()
        await third.wait()

        posts = emulator.messages(channel)
        heads = _heads(posts)
        assert len(heads) == POSTS_IN_SAMPLE, heads
        # The ticks missed while the bot was down are not made up in a burst.
        after_restart = [post.time for post in posts[3:]]
        assert all(b - a > 0.3 for a, b in itertools.pairwise(after_restart))
        assert len(set(heads)) == POSTS_IN_SAMPLE, "no post twice"
        reports = emulator.messages(ADMIN)
        assert len(reports) == 2, "offered once at each start while it stays uncertain"
        for report in reports:
            assert "معلوم نیست" in report.text and "@chan_a" in report.text
            assert [text for text, _ in buttons_of(report)] == ["ارسال دوباره", "رسیده بود"]
        assert buttons_of(reports[0]) == buttons_of(reports[1]), "the same post"
