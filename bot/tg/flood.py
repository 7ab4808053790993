"""Flood control: a rate limiter that waits out every 429, and a guard against flooding readers.

``ChatRateLimiter`` sits under every Bot API call. It keeps each chat within about one
message a second (a small burst tolerated), groups and channels within 20 a minute, and
the whole bot within 30 a second, as Telegram asks. Each chat waits in its own queue
before the shared one, so a chat with many replies waiting does not hold up another
chat's. A ``429 Too Many Requests`` pauses every request of the bot (but the long poll)
for its ``retry_after``, and the refused request is sent again once the pause is over.

``FloodGuard`` decides which of a reader's messages get answered: a burst of a few, then
about one a second. The first message over that in a burst gets one polite notice and
the rest none, so a reader who floods is not answered with a pile of errors, and the
replies the bot owes them stay few enough not to hold up anyone else.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.digest.sending import retry_seconds

log = logging.getLogger(__name__)

#: Telegram's guidance: about 30 messages a second overall, 20 a minute per group or
#: channel, about one a second per chat with short bursts tolerated. The overall limit
#: is a burst of 5 and 25 a second after it: never more than 30 in any one second.
OVERALL_PER_SECOND = 25
OVERALL_BURST = 5
GROUP_PER_MINUTE = 20
CHAT_PER_SECOND = 0.9
CHAT_BURST = 3
#: How many times a request refused with 429 is sent again before the error is raised.
MAX_RETRIES = 8
#: Waited on top of ``retry_after``, so the first request after a pause is not early.
PAUSE_MARGIN = 0.1
#: Requests that a pause does not hold back: the long poll only reads updates.
UNPAUSED = frozenset({"getupdates"})
#: Idle per-chat limiters are forgotten once there are more than this many.
MAX_IDLE_LIMITERS = 512

JSON = bool | dict[str, Any] | list[dict[str, Any]]


def chat_key(chat_id: object) -> int | str | None:
    """The chat a request goes to, as a key: an integer id, a ``@username``, or None.

    >>> chat_key("-100123"), chat_key(5), chat_key("@news"), chat_key(None)
    (-100123, 5, '@news', None)
    """
    if chat_id is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        return int(chat_id)  # type: ignore[call-overload]
    return str(chat_id)


def is_group_like(chat: int | str) -> bool:
    """Groups, supergroups and channels have negative ids or ``@usernames``."""
    return isinstance(chat, str) or chat < 0


class ChatRateLimiter(BaseRateLimiter[int]):
    """Per-chat, per-group and overall limits; every 429 pauses the bot and is retried.

    python-telegram-bot's ``AIORateLimiter`` gives private chats no limiter of their own,
    so one reader's many replies queue in front of everyone else's, and a request that
    succeeds while another waits out its ``retry_after`` lifts the pause early. Here each
    chat has its own limiter, acquired before the shared ones, and the pause lasts until
    the end of the latest ``retry_after`` window whatever else completes meanwhile.
    """

    def __init__(
        self,
        *,
        overall_per_second: float = OVERALL_PER_SECOND,
        overall_burst: int = OVERALL_BURST,
        group_per_minute: float = GROUP_PER_MINUTE,
        chat_per_second: float = CHAT_PER_SECOND,
        chat_burst: int = CHAT_BURST,
        max_retries: int = MAX_RETRIES,
    ) -> None:
        if min(overall_per_second, group_per_minute, chat_per_second) <= 0:
            raise ValueError("rate limits must be positive")
        if min(overall_burst, chat_burst) < 1:
            raise ValueError(f"bursts must be at least 1, not {overall_burst}, {chat_burst}")
        if max_retries < 0:
            raise ValueError(f"max_retries must not be negative, not {max_retries}")
        self._overall = AsyncLimiter(overall_burst, overall_burst / overall_per_second)
        self._group_per_minute = group_per_minute
        self._chat_per_second = chat_per_second
        self._chat_burst = chat_burst
        self._max_retries = max_retries
        self._chats: dict[int | str, AsyncLimiter] = {}
        self._groups: dict[int | str, AsyncLimiter] = {}
        #: ``loop.time()`` until which no request may be sent.
        self._paused_until = 0.0
        #: How many requests were refused with 429.
        self.refusals = 0

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    def pause(self, seconds: float) -> None:
        """Hold back every request (but the long poll) for ``seconds`` from now."""
        until = asyncio.get_running_loop().time() + seconds
        self._paused_until = max(self._paused_until, until)

    async def _wait_for_pause(self) -> None:
        loop = asyncio.get_running_loop()
        while (wait := self._paused_until - loop.time()) > 0:
            await asyncio.sleep(wait)

    def _limiter(
        self, limiters: dict[int | str, AsyncLimiter], chat: int | str, rate: float, period: float
    ) -> AsyncLimiter:
        if chat not in limiters and len(limiters) > MAX_IDLE_LIMITERS:
            for key, limiter in list(limiters.items()):
                if limiter.has_capacity(limiter.max_rate):
                    del limiters[key]
        if chat not in limiters:
            limiters[chat] = AsyncLimiter(rate, period)
        return limiters[chat]

    async def _send_once(
        self,
        chat: int | str | None,
        paused: bool,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
    ) -> JSON:
        async with contextlib.AsyncExitStack() as limits:
            if chat is not None:
                burst = self._chat_burst
                chat_limiter = self._limiter(
                    self._chats, chat, burst, burst / self._chat_per_second
                )
                await limits.enter_async_context(chat_limiter)
                if is_group_like(chat):
                    group = self._limiter(self._groups, chat, self._group_per_minute, 60)
                    await limits.enter_async_context(group)
                await limits.enter_async_context(self._overall)
            if paused:
                await self._wait_for_pause()
            return await callback(*args, **kwargs)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        """Send the request within the limits; after a 429, pause everything and send it again.

        ``rate_limit_args``, when given, is the number of retries for this request.
        """
        retries = self._max_retries if rate_limit_args is None else rate_limit_args
        chat = chat_key(data.get("chat_id"))
        paused = endpoint.lower() not in UNPAUSED
        for attempt in range(retries + 1):
            try:
                return await self._send_once(chat, paused, callback, args, kwargs)
            except RetryAfter as error:
                self.refusals += 1
                wait = retry_seconds(error) + PAUSE_MARGIN
                self.pause(wait)
                if attempt == retries:
                    log.warning("%s refused with 429 after %d retries", endpoint, retries)
                    raise
                log.info("429 on %s: every request waits %.1f s, then it is sent again",
                         endpoint, wait)  # fmt: skip
        raise AssertionError("unreachable")  # pragma: no cover


class Admission(enum.Enum):
    """What to do with a reader's message."""

    ANSWER = "answer"
    NOTICE = "notice"
    IGNORE = "ignore"


@dataclass
class _Bucket:
    tokens: float
    updated: float
    noticed: bool = False


#: Readers' buckets are pruned once there are more than this many.
MAX_READERS = 4096


class FloodGuard:
    """Per-reader admission: ``burst`` messages at once, then ``per_second``.

    The first message refused in a burst gets the notice, the others nothing; the burst
    is over once the reader's allowance has refilled completely.
    """

    def __init__(self, burst: int = 5, per_second: float = 1.0) -> None:
        if burst < 1 or per_second <= 0:
            raise ValueError(
                f"burst must be at least 1 and per_second positive, not {burst}, {per_second}"
            )
        self.burst = burst
        self.per_second = per_second
        self._readers: dict[int, _Bucket] = {}

    def _refill(self, bucket: _Bucket, now: float) -> None:
        elapsed = max(now - bucket.updated, 0.0)
        bucket.tokens = min(self.burst, bucket.tokens + elapsed * self.per_second)
        bucket.updated = now

    def _prune(self, now: float) -> None:
        for reader, bucket in list(self._readers.items()):
            self._refill(bucket, now)
            if bucket.tokens >= self.burst:
                del self._readers[reader]

    def check(self, reader: int, now: float) -> Admission:
        """Whether to answer ``reader``'s message that came at ``now`` (seconds)."""
        bucket = self._readers.get(reader)
        if bucket is None:
            if len(self._readers) >= MAX_READERS:
                self._prune(now)
            bucket = self._readers[reader] = _Bucket(float(self.burst), now)
        self._refill(bucket, now)
        if bucket.tokens >= self.burst:
            bucket.noticed = False
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return Admission.ANSWER
        if bucket.noticed:
            return Admission.IGNORE
        bucket.noticed = True
        return Admission.NOTICE
