"""Channel digests: plans for every chat in DIGEST_CHATS, one post per chat per tick."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from telegram import Bot

from bot.digest.compose import PLAIN, Look, Part
from bot.digest.plan import article_items, plan_items
from bot.digest.sending import Outcome, PhotoUploads, Sender
from bot.messages import digits, say
from bot.schedule import Target
from bot.storage.articles import Store, StoredArticle
from bot.storage.postlog import CHANNEL, PostLog

log = logging.getLogger(__name__)

PAUSED = "paused"
#: A failing chat is tried again after this long (and at every start).
FAILING_RETRY = timedelta(hours=1)

#: Tells the admins: a text, or a function giving the text in an admin's language.
Notify = Callable[[str | Callable[[str], str]], Awaitable[None]]


@dataclass
class ChannelPoster:
    """Plans and posts the digests of every target chat."""

    store: Store
    posts: PostLog
    targets: list[Target]
    zone: tzinfo
    notify: Notify
    #: The signature and link previews of channel posts (CHANNEL_SIGNATURE, LINK_PREVIEWS).
    look: Look = PLAIN
    #: Sends summary photos; without it, every post is text only.
    uploads: PhotoUploads | None = None
    _planned_up_to: dict[str, int] = field(default_factory=dict)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    _failing_since: dict[str, datetime] = field(default_factory=dict)

    @property
    def sender(self) -> Sender:
        """Sends one post."""
        return Sender(self.store, self.posts, self.zone, look=self.look, uploads=self.uploads)

    def preview(self, stored: StoredArticle) -> list[Part]:
        """Every message the channels get of an article, in posting order, as sent to them.

        What an admin is shown before approving it (DIGEST_APPROVAL, ``/preview``).
        """
        sender = self.sender
        items = article_items(stored.article)
        return [part for item in items for part in sender.parts(stored, item)]

    @property
    def paused(self) -> bool:
        """Whether scheduled posting is paused (kept across restarts)."""
        return self.posts.flag(PAUSED) == "1"

    def pause(self, paused: bool) -> None:
        """Pause or resume scheduled posting."""
        self.posts.set_flag(PAUSED, "1" if paused else None)

    def plan(self) -> int:
        """Give every target a plan for every article newer than its newest plan; posts created.

        Articles are planned in the order they were stored, so everything up to a chat's
        newest planned article has its plan: the first call starts from there (not from
        the whole archive), later calls from what they planned last. An article waiting
        for approval is planned too; the post log holds its posts back until an admin
        publishes it (:mod:`bot.storage.approvals`).
        """
        created = 0
        for target in self.targets:
            newest = self._planned_up_to.get(target.key)
            if newest is None:
                newest = self.posts.newest_planned(target.key)
            for outline in self.store.outlines(since_id=newest):
                newest = max(newest, outline.id)
                items = plan_items(outline.sections, outline.has_quotes)
                created += self.posts.plan(target.key, outline.id, items, CHANNEL)
            self._planned_up_to[target.key] = newest
        return created

    def _due(self, target: Target, failing: dict[str, str], now: datetime) -> bool:
        if target.key not in failing:
            return True
        since = self._failing_since.setdefault(target.key, now)
        if now - since >= FAILING_RETRY:
            self._failing_since[target.key] = now
            return True
        return False

    async def tick(self, bot: Bot, *, force: bool = False) -> list[Outcome]:
        """Post the next pending item of every chat (unless paused, or ``force``)."""
        if self.paused and not force:
            return []
        self.plan()
        failing = self.posts.failing_chats()
        now = datetime.now(UTC)
        due = [target for target in self.targets if force or self._due(target, failing, now)]
        results = await asyncio.gather(*(self.post_next(bot, target) for target in due))
        return [outcome for outcome in results if outcome is not None]

    async def post_next(self, bot: Bot, target: Target) -> Outcome | None:
        """Post one item to ``target``; ``None`` when nothing is due."""
        return await self._post(bot, target, None)

    async def post_one(self, bot: Bot, post_id: int) -> Outcome | None:
        """Post one given pending post now (an admin's "post again")."""
        post = self.posts.get(post_id)
        target = next((t for t in self.targets if post and t.key == post.chat), None)
        return await self._post(bot, target, post_id) if target else None

    async def _post(self, bot: Bot, target: Target, post_id: int | None) -> Outcome | None:
        async with self._locks.setdefault(target.key, asyncio.Lock()):
            if post_id is None:
                pending = self.posts.next_pending(target.key)
                post_id = pending.id if pending else None
            if post_id is None or not self.posts.claim(post_id):
                return None
            post = self.posts.get(post_id)
            assert post is not None
            outcome = await self.sender.send(bot, target.chat, target.thread_id, post)
        await self._report(outcome)
        return outcome

    async def _report(self, outcome: Outcome) -> None:
        if outcome.state == "sent":
            self._failing_since.pop(outcome.chat, None)
            return
        log.warning("post %s to %s: %s (%s)", outcome.post_id, outcome.chat, outcome.state,
                    outcome.detail)  # fmt: skip
        if outcome.state == "chat-failing":
            if self.posts.chat_failing(outcome.chat, outcome.detail):
                chat, reason = outcome.chat, outcome.detail
                await self.notify(lambda lang: say("chat_is_failing", lang, chat=chat,
                                                   reason=reason))  # fmt: skip
            self._failing_since[outcome.chat] = datetime.now(UTC)
        elif outcome.state == "failed":  # uncertain posts are offered with buttons (bot.tg.jobs)
            failed = outcome

            def alert(lang: str) -> str:
                number = digits(failed.post_id, lang)
                return say("post_failed_alert", lang, post=number, chat=failed.chat,
                           reason=failed.detail)  # fmt: skip

            await self.notify(alert)
