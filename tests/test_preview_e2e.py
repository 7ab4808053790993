"""/preview with approval off (the default), end to end: an article is posted as before,
without asking anyone, and /preview shows exactly what the channel got (its photo too),
with no buttons.
"""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

import pytest
from tgsandbox import BotApiEmulator
from tgsandbox.console import buttons_of

from bot.config import Settings
from bot.pipeline.images import check_image
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.storage.photos import Photos
from bot.tg.flood import ChatRateLimiter

from .e2e import bot_running
from .test_admin_e2e import wait_for
from .test_approval_e2e import ARTICLE_TALKS
from .test_photos_e2e import image

ADMIN = 7201
CHANNEL = "@chan_preview"


def setup(emulator: BotApiEmulator, settings: Settings) -> None:
    emulator.add_channel(CHANNEL)
    emulator.add_user(ADMIN, "Editor", language_code="en")
    store = Store.open(settings.database_path)
    result = store.ingest(ARTICLE_TALKS, str(settings.content_dir.parent / "talks.txt"), "talks")
    # With a photo: the preview must show the very photo the channel got.
    Photos(store.db).put(result.id, check_image(image(), "talks.png"), "file", "talks.png")
    store.close()


async def test_without_approval_articles_are_posted_and_preview_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = functools.partial(ChatRateLimiter, chat_per_second=30, chat_burst=30,
                             group_per_minute=600)  # fmt: skip
    monkeypatch.setattr("bot.tg.app.ChatRateLimiter", fast)
    async with bot_running(tmp_path, [], setup=setup, digest_chats=[CHANNEL],
                           admin_ids=[ADMIN], digest_schedule="every 1s") as harness:  # fmt: skip
        assert not harness.settings.digest_approval, "off by default"
        channel = next(c.id for c in harness.emulator.core.world.chats.values()
                       if c.username == CHANNEL.lstrip("@"))  # fmt: skip
        await wait_for(harness, channel, lambda m: len(harness.emulator.messages(channel)) >= 3)
        assert harness.emulator.messages(ADMIN) == [], "no preview, no question"
        await asyncio.sleep(1.2)
        posted = harness.emulator.messages(channel)
        assert len(posted) == 3
        answers = await harness.ask(ADMIN, "/preview 1", expect=len(posted) + 1)
        *shown, last = answers
        assert [(m.text, m.entities) for m in shown] == [(m.text, m.entities) for m in posted]
        assert posted[0].photo and shown[0].photo, "the summary is the photo with its caption"
        assert shown[0].photo[-1]["file_id"] == posted[0].photo[-1]["file_id"], "the same photo"
        assert not shown[0].photo_uploaded, "sent by the file_id of the channel's upload"
        assert buttons_of(last) == []
        assert last.text.startswith("⬆️ Preview of article #1 ")
        assert "It is posted without approval." in last.text
        [status] = await harness.ask(ADMIN, "/status")
        assert "approval" not in status.text.lower()
        store = Store.open(harness.settings.database_path)
        assert Approvals(store.db).since is None and Approvals(store.db).get(1) is None
        store.close()
        assert harness.errors() == []
