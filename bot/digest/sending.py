"""Send one planned post exactly once, and decide what every failure means.

The rule for exactly-once: a post is ``sending`` (committed) before each request and
its progress is committed after; a failure that proves nothing was delivered puts it
back to ``pending``, one that leaves delivery in doubt makes it ``uncertain``. A post
that cannot be rendered was never sent: it is ``failed`` with the error, for the admins.

A photo is uploaded once: :class:`PhotoUploads` sends the bytes the first time, keeps
the ``file_id`` Telegram gives it, and sends that ``file_id`` to every later chat.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

import httpx
from telegram import Bot, InputFile, LinkPreviewOptions, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.digest.compose import PLAIN, Look, Part, post_parts
from bot.storage.articles import Store, StoredArticle
from bot.storage.photos import PhotoRef, Photos
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
#: Words of Telegram's refusals of a file_id it no longer knows (or never gave this bot).
FILE_ID_PROBLEMS = (
    "file identifier", "file_id", "file reference", "remote file", "file of type", "file type",
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one post: its new state and why."""

    chat: str
    post_id: int
    state: str
    detail: str = ""


def retry_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, whichever type PTB gives it in.

    >>> retry_seconds(RetryAfter(timedelta(seconds=2))), retry_seconds(RetryAfter(3))
    (2.0, 3.0)
    """
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def waiting_out_floods[T](
    request: Callable[[], Awaitable[T]], on_flood: Callable[[float], None] | None = None
) -> T | None:
    """``request()``; after a 429 (nothing was sent) wait as told and make it again, at
    most :data:`MAX_RETRY_AFTER` times. ``None`` when Telegram still asks to wait.

    ``on_flood`` is told each wait, so other sends can wait too; any other error is raised.
    """
    for _ in range(MAX_RETRY_AFTER + 1):
        try:
            return await request()
        except RetryAfter as error:
            if on_flood is not None:
                on_flood(retry_seconds(error))
            await asyncio.sleep(retry_seconds(error))
    return None


def in_doubt(error: NetworkError) -> bool:
    """Whether a network error may have come after Telegram received the request."""
    return isinstance(error.__cause__, _IN_DOUBT)


def backoff(attempts: int) -> str:
    """When a post that failed ``attempts`` times may be tried again (ISO, UTC)."""
    delay = min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX)
    return (datetime.now(UTC) + delay).isoformat(timespec="milliseconds")


def file_id_refused(error: BadRequest) -> bool:
    """Whether Telegram refused a photo's file_id (so the bytes must be uploaded again)."""
    text = error.message.lower()
    return any(problem in text for problem in FILE_ID_PROBLEMS)


@dataclass
class PhotoUploads:
    """Sends photos, uploading each one once and reusing its file_id ever after.

    One per process, shared by every sender: while a photo is being uploaded, every
    other send of it waits for the file_id instead of uploading it again.
    """

    photos: Photos
    _locks: dict[PhotoRef, asyncio.Lock] = field(default_factory=dict)

    async def send(
        self,
        bot: Bot,
        chat: int | str,
        ref: PhotoRef,
        caption: str,
        **kwargs: object,
    ) -> Message:
        """Send the photo ``ref`` with ``caption`` to ``chat``.

        The stored file_id when there is one; if Telegram refuses it, the bytes once more
        (and the new file_id is kept). A photo that is gone since the post was composed
        is sent as it is now; an article without a photo any more gets the caption as text.
        """
        file_id = self.photos.file_id(ref)
        if file_id is not None:
            try:
                return await bot.send_photo(chat, file_id, caption=caption, **kwargs)  # type: ignore[arg-type]
            except BadRequest as error:
                if not file_id_refused(error):
                    raise
                log.warning("Telegram refused the file_id of photo %s (%s); uploading it again",
                            ref, error.message)  # fmt: skip
                self.photos.forget_file_id(ref, file_id)
        lock = self._locks.setdefault(ref, asyncio.Lock())
        async with lock:
            known = self.photos.file_id(ref)
            if known is not None and known != file_id:
                return await bot.send_photo(chat, known, caption=caption, **kwargs)  # type: ignore[arg-type]
            return await self._upload(bot, chat, ref, caption, **kwargs)

    async def _upload(
        self, bot: Bot, chat: int | str, ref: PhotoRef, caption: str, **kwargs: object
    ) -> Message:
        stored = self.photos.get(ref.article_id)
        if stored is None:
            return await bot.send_message(chat, caption, **kwargs)  # type: ignore[arg-type]
        upload = InputFile(stored.data, filename=stored.filename, attach=True)
        message = await bot.send_photo(chat, upload, caption=caption, **kwargs)  # type: ignore[arg-type]
        if message.photo:
            self.photos.remember_file_id(stored.ref, message.photo[-1].file_id)
        return message


async def send_part(
    bot: Bot,
    chat: int | str,
    thread_id: int | None,
    part: Part,
    *,
    uploads: PhotoUploads | None = None,
    look: Look = PLAIN,
) -> tuple[Message, str]:
    """Send one message of a post as every chat gets it (the channel, a subscriber, a
    preview); the message and what it went as ("caption" under a photo, or "text").

    Raises what Telegram raises; the callers decide what a failure means.
    """
    if part.kind == "caption" and part.photo is not None and uploads is not None:
        message = await uploads.send(bot, chat, part.photo, part.text, message_thread_id=thread_id)
        return message, "caption" if message.photo else "text"
    message = await bot.send_message(
        chat,
        part.text,
        message_thread_id=thread_id,
        link_preview_options=LinkPreviewOptions(is_disabled=not look.previews),
    )
    return message, "text"


@dataclass
class Sender:
    """Sends claimed posts to one chat, forum topic or subscriber."""

    store: Store
    posts: PostLog
    zone: tzinfo
    #: Told how long Telegram asked to wait after a 429, so other sends can wait too.
    on_flood: Callable[[float], None] | None = None
    #: The signature and link previews of this chat's posts.
    look: Look = PLAIN
    #: Sends photos; without it, every post is text only.
    uploads: PhotoUploads | None = None

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
        photos = self.uploads.photos if self.uploads is not None else None
        return post_parts(stored, item, self.zone, self.look, photos=photos)

    async def _send_part(
        self, bot: Bot, chat: int | str, thread_id: int | None, post: Post, part: Part
    ) -> Outcome | None:
        try:
            sent = await waiting_out_floods(
                lambda: self.deliver(bot, chat, thread_id, part), self.on_flood
            )
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
        if sent is None:
            self.posts.retry_later(post.id, "flood control", backoff(post.attempts))
            return Outcome(post.chat, post.id, "pending", "flood control")
        message, kind = sent
        self.posts.part_sent(post.id, message.message_id, part.text, kind)
        return None

    async def deliver(
        self, bot: Bot, chat: int | str, thread_id: int | None, part: Part
    ) -> tuple[Message, str]:
        """Send one part as this sender's chats get it (:func:`send_part`)."""
        return await send_part(bot, chat, thread_id, part, uploads=self.uploads, look=self.look)

    def _chat_problem(self, post: Post, reason: str) -> Outcome:
        self.posts.retry_later(post.id, reason, backoff(post.attempts))
        return Outcome(post.chat, post.id, "chat-failing", reason)


def describe(error: TelegramError) -> str:
    """A short reason for the post log and the admins."""
    if isinstance(error, ChatMigrated):
        return f"the group became a supergroup with id {error.new_chat_id}"
    return f"{type(error).__name__}: {error.message}"
