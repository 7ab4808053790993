"""Send one planned post exactly once, and decide what every failure means.

The rule for exactly-once: a post is ``sending`` (committed) before each request and
its progress is committed after; a failure that proves nothing was delivered puts it
back to ``pending``, one that leaves delivery in doubt makes it ``uncertain``. A post
that cannot be rendered was never sent: it is ``failed`` with the error, for the admins.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

import httpx
from telegram import Bot, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.digest.compose import Part, post_parts
from bot.storage.articles import Store, StoredArticle
from bot.storage.postlog import Post, PostLog

log = logging.getLogger(__name__)

#: How many 429 answers one send waits out before it gives the post back.
MAX_RETRY_AFTER = 5
BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_MAX = timedelta(minutes=10)
#: Errors that mean the chat itself is unusable until someone fixes it.
CHAT_PROBLEMS = ("chat not found", "message thread not found", "not enough rights", "topic_closed")
#: httpx errors raised after the request may have reached the server.
_IN_DOUBT = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one post: its new state and why."""

    chat: str
    post_id: int
    state: str
    detail: str = ""


def retry_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whichever type PTB gives it in."""
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def in_doubt(error: NetworkError) -> bool:
    """Whether a network error may have come after Telegram received the request."""
    return isinstance(error.__cause__, _IN_DOUBT)


def backoff(attempts: int) -> str:
    """When a post that failed ``attempts`` times may be tried again (ISO, UTC)."""
    delay = min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)
    return (datetime.now(UTC) + delay).isoformat(timespec="milliseconds")


async def send_part(bot: Bot, chat: int | str, thread_id: int | None, part: Part) -> Message:
    """Send one message of a post as every chat gets it (the channel, a subscriber, a preview).

    Raises what Telegram raises; the callers decide what a failure means.
    """
    return await bot.send_message(chat, part.text, message_thread_id=thread_id)


@dataclass
class Sender:
    """Sends claimed posts to one chat, forum topic or subscriber."""

    store: Store
    posts: PostLog
    zone: tzinfo
    #: Told how long Telegram asked to wait after a 429, so other sends can wait too.
    on_flood: Callable[[float], None] | None = None

    async def send(
        self, bot: Bot, chat: int | str, thread_id: int | None, post: Post
    ) -> Outcome:
        """Send every remaining message of a claimed (``sending``) post."""
        stored = self.store.get(post.article_id)
        try:
            messages = self.parts(stored, post.item) if stored else []
        except Exception as error:  # a post that cannot be rendered must not stay "sending"
            log.exception("post %s (%s) could not be rendered", post.id, post.item)
            reason = f"could not be rendered: {type(error).__name__}: {error}"
            self.posts.finish(post.id, "failed", reason)
            return Outcome(post.chat, post.id, "failed", reason)
        if not messages:
            self.posts.finish(post.id, "skipped", "the article no longer has this item")
            return Outcome(post.chat, post.id, "skipped", "nothing to post")
        for part in messages[post.parts_done :]:
            outcome = await self._send_part(bot, chat, thread_id, post, part)
            if outcome is not None:
                return outcome
        self.posts.finish(post.id, "sent")
        self.posts.chat_ok(post.chat)
        return Outcome(post.chat, post.id, "sent")

    def parts(self, stored: StoredArticle, item: str) -> list[Part]:
        """The messages of one planned item as this sender sends them (a preview shows these)."""
        return post_parts(stored, item, self.zone)

    async def _send_part(
        self, bot: Bot, chat: int | str, thread_id: int | None, post: Post, part: Part
    ) -> Outcome | None:
        for _ in range(MAX_RETRY_AFTER + 1):
            try:
                message = await send_part(bot, chat, thread_id, part)
            except RetryAfter as error:
                # A 429 means nothing was sent: wait as told, then the same message again.
                if self.on_flood is not None:
                    self.on_flood(retry_seconds(error))
                await asyncio.sleep(retry_seconds(error))
                continue
            except (Forbidden, ChatMigrated) as error:
                return self._chat_problem(post, describe(error))
            except BadRequest as error:
                if any(problem in error.message.lower() for problem in CHAT_PROBLEMS):
                    return self._chat_problem(post, describe(error))
                self.posts.finish(post.id, "failed", describe(error))
                return Outcome(post.chat, post.id, "failed", describe(error))
            except NetworkError as error:
                if in_doubt(error):
                    self.posts.finish(post.id, "uncertain", describe(error))
                    return Outcome(post.chat, post.id, "uncertain", describe(error))
                self.posts.retry_later(post.id, describe(error), backoff(post.attempts))
                return Outcome(post.chat, post.id, "pending", describe(error))
            self.posts.part_sent(post.id, message.message_id)
            return None
        self.posts.retry_later(post.id, "flood control", backoff(post.attempts))
        return Outcome(post.chat, post.id, "pending", "flood control")

    def _chat_problem(self, post: Post, reason: str) -> Outcome:
        self.posts.retry_later(post.id, reason, backoff(post.attempts))
        return Outcome(post.chat, post.id, "chat-failing", reason)


def describe(error: TelegramError) -> str:
    """A short reason for the post log and the admins."""
    if isinstance(error, ChatMigrated):
        return f"the group became a supergroup with id {error.new_chat_id}"
    return f"{type(error).__name__}: {error.message}"
