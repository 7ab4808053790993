"""Private subscriptions: the summary of every new article to each subscriber.

The fan-out keeps under Telegram's limits by itself (about 30 messages a second
overall, one a second per chat) so that no 429 is ever needed, records every delivery
in the post log, and unsubscribes a reader who blocked the bot.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import tzinfo

from telegram import Bot

from bot.digest.compose import Look
from bot.digest.plan import SUMMARY
from bot.digest.sending import Outcome, PhotoUploads, Sender
from bot.storage.articles import Store
from bot.storage.postlog import SUBSCRIBER, PostLog

log = logging.getLogger(__name__)

#: Messages per second overall, a little under Telegram's 30 to leave room for replies.
FANOUT_RATE = 28
PER_CHAT_INTERVAL = 1.0
BATCH = 500
CONCURRENCY = 32


class Pacer:
    """Evenly spaced starts, ``rate`` a second: bursts would bunch up on the way."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate
        self.next_start = 0.0

    async def wait(self) -> None:
        """Return at the next free slot."""
        now = time.monotonic()
        start = max(now, self.next_start)
        self.next_start = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)

    def hold(self, seconds: float) -> None:
        """No start for ``seconds`` (Telegram asked to wait)."""
        self.next_start = max(self.next_start, time.monotonic() + seconds)


@dataclass
class SubscriberFanOut:
    """Plans and delivers subscribers' posts."""

    store: Store
    posts: PostLog
    zone: tzinfo
    rate: int = FANOUT_RATE
    #: Sends summary photos (each uploaded once); without it, summaries are text only.
    uploads: PhotoUploads | None = None
    _last_sent: dict[str, float] = field(default_factory=dict)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def deliver(self, bot: Bot) -> list[Outcome]:
        """Send every due subscriber post, paced; one run at a time."""
        async with self._lock:
            self.posts.plan_subscribers(SUMMARY)
            outcomes: list[Outcome] = []
            pacer = Pacer(self.rate)
            gate = asyncio.Semaphore(CONCURRENCY)
            while batch := self.posts.pending_of_kind(SUBSCRIBER, BATCH):
                tasks = []
                for post in batch:
                    wait = self._last_sent.get(post.chat, 0) + PER_CHAT_INTERVAL - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    await pacer.wait()
                    await gate.acquire()
                    self._last_sent[post.chat] = time.monotonic()
                    tasks.append(asyncio.create_task(self._one(bot, post.id, gate, pacer)))
                results = await asyncio.gather(*tasks)
                outcomes.extend(outcome for outcome in results if outcome is not None)
                if all(outcome is None or outcome.state == "pending" for outcome in results):
                    break
            return outcomes

    async def _one(
        self, bot: Bot, post_id: int, gate: asyncio.Semaphore, pacer: Pacer
    ) -> Outcome | None:
        try:
            if not self.posts.claim(post_id):
                return None
            post = self.posts.get(post_id)
            if post is None:
                return None
            look = Look(lang=self.posts.subscriber_lang(int(post.chat)))
            sender = Sender(
                self.store, self.posts, self.zone, on_flood=pacer.hold, look=look,
                uploads=self.uploads,
            )  # fmt: skip
            outcome = await sender.send(bot, int(post.chat), None, post)
            if outcome.state == "chat-failing":
                self.posts.unsubscribe(int(post.chat), outcome.detail)
                self.posts.finish(post.id, "failed", outcome.detail)
                log.info("unsubscribed %s: %s", post.chat, outcome.detail)
            return outcome
        finally:
            gate.release()

