"""A 4,800-character title end to end: every post goes out, every alert reaches the admins."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from tgsandbox import BotApiEmulator

from bot.config import Settings
from bot.render import MESSAGE_LIMIT, TITLE_CHARS, shorten
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

from .e2e import Harness, bot_running

ADMIN = 7001
READER = 8001
TITLE = "خبر مهم " * 600  # 4,800 characters, one line
ARTICLE = (
    f"{TITLE}\nلید خبر درباره <بودجه> & مجلس.\nچرا مهم است: چون فردا تصمیم می‌گیرند.\n"
    "آخرین اخبار: وزیر گفت «ما آماده‌ایم».\nگام بعدی: رأی‌گیری."
)


@pytest.fixture(autouse=True)
def _fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.digest.sending.BACKOFF_BASE", timedelta(seconds=0.3))


@pytest.fixture
def content(tmp_path: Path) -> list[Path]:
    path = tmp_path / "long-title.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return [path]


def chat_of(harness: Harness, name: str) -> int:
    world = harness.emulator.core.world
    return next(chat.id for chat in world.chats.values() if chat.username == name.lstrip("@"))


async def settle(posts: PostLog, timeout: float = 30) -> dict[str, int]:
    """The post counts once nothing is pending or sending any more."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        counts = posts.counts()
        busy = counts.get("pending", 0) + counts.get("sending", 0)
        if counts and not busy:
            return counts
        if loop.time() > deadline:
            raise TimeoutError(f"posts still busy: {counts}")
        await asyncio.sleep(0.1)


async def test_a_4800_character_title_is_posted_to_a_channel_and_a_subscriber(
    tmp_path: Path, content: list[Path]
) -> None:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_channel("@chan_a")
        emulator.add_user(ADMIN, "سردبیر")
        emulator.add_user(READER, "خواننده")
        store = Store.open(settings.database_path)
        PostLog(store.db).subscribe(READER, "fa")
        # Subscribed before the article arrived, so the fan-out sends its summary.
        store.db.execute("UPDATE subscribers SET since = '2000-01-01T00:00:00.000+00:00'")
        store.db.conn.commit()
        store.close()

    async with bot_running(
        tmp_path, content, store_first=True, setup=setup, digest_chats=["@chan_a"],
        digest_schedule="every 1s", admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        store = Store.open(harness.settings.database_path)
        posts = PostLog(store.db)
        counts = await settle(posts)
        channel = harness.emulator.messages(chat_of(harness, "@chan_a"))
        reader = harness.emulator.messages(READER)
        admin = harness.emulator.messages(ADMIN)
        errors = harness.errors()
        store.close()
    # summary, latest, whats_next, quotes to the channel; the summary to the reader.
    assert counts == {"sent": 4 + 1}
    assert len(channel) == 4 and len(reader) == 1
    title = shorten(TITLE, TITLE_CHARS)
    assert channel[0].text.startswith(title + "\n") and reader[0].text.startswith(title + "\n")
    assert all(len(message.text) <= MESSAGE_LIMIT for message in [*channel, *reader])
    assert admin == [] and errors == []


async def test_an_uncertain_post_of_a_4800_character_title_is_reported(
    tmp_path: Path, content: list[Path]
) -> None:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_channel("@chan_a")
        emulator.add_user(ADMIN, "سردبیر")
        store = Store.open(settings.database_path)
        posts = PostLog(store.db)
        stored = store.latest()
        assert stored is not None
        posts.plan("@chan_a", stored.id, ["summary", "latest"])
        stuck = posts.next_pending("@chan_a")
        assert stuck is not None and posts.claim(stuck.id)  # left "sending" by a crash
        store.close()

    async with bot_running(
        tmp_path, content, store_first=True, setup=setup, digest_chats=["@chan_a"],
        digest_schedule="0 0 1 1 *", admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        [report] = await harness.answers(ADMIN, 0)
        assert "معلوم نیست" in report.text and "خبر مهم خبر مهم…" in report.text
        assert len(report.text) < 1000
        assert harness.errors() == []
