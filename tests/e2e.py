"""Helpers for end-to-end tests: the real Application polling the emulator over HTTP."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import SecretStr
from telegram.ext import Application
from tgsandbox import BotApiEmulator, SentMessage

from bot.config import Settings, load_settings
from bot.pipeline.ingest import ingest_paths
from bot.storage.articles import Store
from bot.tg.app import build_application, running

from .conftest import SAMPLE

TIMEOUT = 10.0


@dataclass
class Harness:
    """The emulator, the running bot and its settings."""

    emulator: BotApiEmulator
    settings: Settings
    application: Application
    #: Requests before this one belong to earlier cases sharing the bot (see ``case``).
    first_request: int = 0

    def case(self) -> Harness:
        """The same bot for one more test case: ``errors`` counts from now on."""
        return replace(self, first_request=len(self.emulator.requests))

    async def ask(
        self, chat_id: int, text: str, *, user_id: int | None = None, expect: int = 1
    ) -> list[SentMessage]:
        """Send ``text`` as a user and collect the bot's answers (at least ``expect``)."""
        before = len(self.emulator.messages(chat_id))
        self.emulator.send_text(chat_id, text, user_id=user_id)
        return await self.answers(chat_id, before, expect)

    async def press(self, chat_id: int, message: SentMessage, data: str, user_id: int) -> str:
        """Press a button and wait until the bot has answered the callback."""
        query = self.emulator.press_button(chat_id, message.message_id, data, user_id=user_id)
        for _ in range(int(TIMEOUT / 0.05)):
            if self.emulator.callback_answer(query) is not None:
                return query
            await asyncio.sleep(0.05)
        raise TimeoutError("the bot did not answer the button press")

    async def answers(self, chat_id: int, before: int, expect: int = 1) -> list[SentMessage]:
        """Messages to ``chat_id`` after the first ``before``, once the bot is done.

        Waits for ``expect`` messages, then until the bot has handled every update sent
        so far (see ``settled``), so an answer too many is seen too.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while len(self.emulator.messages(chat_id)) < before + expect:
            if loop.time() > deadline:
                raise TimeoutError(f"expected {expect} answer(s) in chat {chat_id}")
            await asyncio.sleep(0.01)
        await self.settled()
        return self.emulator.messages(chat_id)[before:]

    async def settled(self) -> None:
        """Wait until the bot has fetched every update sent so far and finished handling it.

        The bot's poller puts the updates of one getUpdates answer in the application's
        queue before it confirms them with the next call, and the application marks each
        one done when its handlers (and the error handler) have returned.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + TIMEOUT
        while self.emulator.core.queue.pending_count():
            if loop.time() > deadline:
                raise TimeoutError("the bot did not fetch its updates")
            await asyncio.sleep(0.01)
        await asyncio.wait_for(self.application.update_queue.join(), TIMEOUT)

    def errors(self) -> list[tuple[str, int, str]]:
        """Every request the emulator refused in this case (method, status, description)."""
        records = self.emulator.requests[self.first_request :]
        return [(r.method, r.status, r.description) for r in records if r.status >= 400]


def settings_for(
    emulator: BotApiEmulator, folder: Path, content: list[Path] | None = None, **extra: object
) -> Settings:
    """Settings pointing at the emulator, a database and a content folder in ``folder``."""
    content_dir = folder / "content"
    content_dir.mkdir(exist_ok=True)
    for path in [SAMPLE] if content is None else content:
        shutil.copy(path, content_dir / path.name)
    return load_settings(
        env_file=None,
        telegram_bot_token=SecretStr(emulator.token),
        telegram_api_url=emulator.base_url,
        database_path=folder / "news.db",
        content_dir=content_dir,
        **extra,
    )


@asynccontextmanager
async def bot_running(
    folder: Path,
    content: list[Path] | None = None,
    *,
    setup: Callable[[BotApiEmulator, Settings], object] | None = None,
    store_first: bool = False,
    **extra: object,
) -> AsyncIterator[Harness]:
    """An emulator and the real bot polling it, for the body of the block.

    ``setup`` runs before the bot starts: users, channels, a seeded database.
    ``store_first`` ingests the content folder here first, so the bot finds nothing new
    at its start and skips its ingest worker, a process that loads hazm (seconds).
    """
    async with BotApiEmulator(strict_polling=False) as emulator:
        settings = settings_for(emulator, folder, content, **extra)
        if store_first:
            store = Store.open(settings.database_path)
            for result in ingest_paths(store, [settings.content_dir]):
                assert result.ok, result.error
            store.close()
        if setup is not None:
            setup(emulator, settings)
        application = build_application(settings)
        async with running(application, poll_timeout=1):
            yield Harness(emulator, settings, application)
