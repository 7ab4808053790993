"""Corrections that reach the chats: sent posts follow their article's new text.

When an article changes, every message of it already in a chat is compared with what
:func:`~bot.digest.compose.post_parts` makes of the new version: a changed message is
edited in place (its text, or its caption under a photo) with a short "edited" mark; a
message whose part is gone is deleted while Telegram still allows it (48 hours), else
edited to say it was withdrawn; a finished post that now needs more messages gets
them. Pending posts need nothing: they are rendered when sent; a section the article
gained joins every chat's plan. A retracted article has every sent message removed
that way.

:func:`decide` is the pure decision for one post; :class:`Corrector` plans the
corrections of an article in the correction log (one call, :meth:`Corrector.plan`,
also what approval calls) and carries them out exactly once, like posts
(:meth:`Corrector.run`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

from telegram import Bot, LinkPreviewOptions
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, TelegramError

from bot.digest.channels import Notify
from bot.digest.compose import PLAIN, Look, Part, post_parts
from bot.digest.plan import article_items
from bot.digest.sending import backoff, describe, in_doubt, send_part, waiting_out_floods
from bot.messages import digits, say
from bot.render import CAPTION_LIMIT, MESSAGE_LIMIT, cut_html, shown_length
from bot.schedule import Target
from bot.storage.articles import Store, StoredArticle
from bot.storage.corrections import Action, Correction, CorrectionLog, Planned
from bot.storage.photos import Photos
from bot.storage.postlog import CHANNEL, Post, PostLog, SentPart, now_iso, text_digest

log = logging.getLogger(__name__)

#: Telegram lets a bot delete its message for this long after sending it.
DELETE_WINDOW = timedelta(hours=48)
#: A removal is tried as a deletion only this long after sending (a margin for clocks).
DELETE_BEFORE = DELETE_WINDOW - timedelta(minutes=10)
#: How many due corrections are read at a time.
BATCH = 200
#: Errors of deleteMessage that mean "too old, or not allowed": edit it instead.
CANNOT_DELETE = ("message can't be deleted", "message_delete_forbidden")
#: Errors that mean the message is not there any more.
GONE = ("message to edit not found", "message to delete not found")

@dataclass(frozen=True, slots=True)
class Step:
    """What to do to message ``part`` of a post: edit it to ``text``, remove it, or send
    ``text`` as a new message. ``kind`` is how the message is edited ("text" or
    "caption"): the kind it was sent as."""

    part: int
    action: Action
    text: str = ""
    kind: str = "text"


def decide(sent: Sequence[SentPart], new: Sequence[Part], *, finished: bool) -> list[Step]:
    """The steps that make a post's messages in the chat read as ``new``.

    ``sent`` is what each sent message was; ``new`` the post's parts now (none when
    the item is gone or the article withdrawn). A message whose text is unknown (sent
    before texts were recorded) counts as changed; a removed one is left alone. Only
    a ``finished`` post gets new messages for parts beyond those sent: the sender
    still sends the rest of an unfinished one.

    >>> from bot.storage.postlog import text_digest as d
    >>> decide([SentPart(5, d("a")), SentPart(6, d("b"))], [Part("a"), Part("c")], finished=True)
    [Step(part=1, action='edit', text='c', kind='text')]
    """
    steps = []
    for n, old in enumerate(sent):
        if old.removed:
            continue
        if n >= len(new):
            steps.append(Step(n, "remove", kind=old.kind))
        elif old.digest is None or old.digest != text_digest(new[n].text):
            steps.append(Step(n, "edit", new[n].text, old.kind))
    if finished:
        steps.extend(Step(n, "send", new[n].text) for n in range(len(sent), len(new)))
    return steps


def marked(text: str, mark: str, kind: str) -> str:
    """``text`` with ``mark`` on a line of its own, cut to fit a message or a caption
    (lengths as Telegram counts them: the text without its tags).

    >>> marked("<b>خبر</b>", "ویرایش شد", "text")
    '<b>خبر</b>\\n\\nویرایش شد'
    """
    limit = CAPTION_LIMIT if kind == "caption" else MESSAGE_LIMIT
    room = limit - shown_length(mark) - 2
    if room < 1:
        raise ValueError(f"a mark of {len(mark)} characters leaves no room in a {kind}")
    return f"{cut_html(text, room) if text else text}\n\n{mark}".lstrip("\n")


def _same(current: Correction, wanted: Planned) -> bool:
    return (current.action, current.digest, current.text) == (
        wanted.action,
        wanted.digest,
        wanted.text,
    )


@dataclass
class Corrector:
    """Plans and makes the corrections of articles' sent posts."""

    store: Store
    posts: PostLog
    log: CorrectionLog
    targets: list[Target]
    zone: tzinfo
    notify: Notify | None = None
    #: Articles not to correct yet (e.g. a changed article waiting for approval).
    hold: Callable[[int], bool] | None = None
    #: How channel posts look (signature, previews), as the channel poster sends them.
    look: Look = PLAIN
    #: Articles' photos, so that a summary sent as a photo is compared as its caption.
    photos: Photos | None = None
    _since: str = ""
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    # planning

    def check(self) -> list[int]:
        """Plan the corrections of every article whose sent posts may differ from its
        text (changed since last compared, or sent to since); the new corrections."""
        since, self._since = self._since, now_iso()
        planned = []
        for article_id in self.log.stale_articles(since):
            if self.hold is not None and self.hold(article_id):
                continue
            planned.extend(self.plan(article_id))
        return planned

    def plan(self, article_id: int) -> list[int]:
        """Plan what makes the article's sent messages read as its text now (or withdrawn,
        if retracted), replacing corrections planned before and not started; new ids.

        Idempotent: planning again with nothing changed plans nothing.
        """
        checked_at = now_iso()
        stored = self.store.get(article_id)
        if stored is None:
            return []
        retracted = stored.withdrawn
        if not retracted:
            self._plan_new_items(stored)
        lang = stored.article.lang
        active = self.log.active(article_id)
        # A subscriber's copy is dated in the reader's language, so it is rendered (and
        # remembered) once per item, kind and language.
        rendered: dict[tuple[str, str, str | None], list[Part]] = {}
        planned: list[Planned] = []
        replaced: list[int] = []
        for post in self.posts.sent_posts_of(article_id):
            if retracted:
                new: list[Part] = []
            else:
                look = self._post_look(post)
                key = (post.item, post.kind, look.lang)
                if key not in rendered:
                    rendered[key] = post_parts(
                        stored, post.item, self.zone, look, photos=self.photos
                    )
                new = rendered[key]
            finished = post.state == "sent"
            steps = {step.part: step for step in decide(post.sent_parts, new, finished=finished)}
            parts = set(steps) | {part for (post_id, part) in active if post_id == post.id}
            for part in sorted(parts):
                step = steps.get(part)
                current = active.get((post.id, part))
                in_doubt = current is not None and current.state in ("sending", "uncertain")
                if step is None and in_doubt and part < len(new):
                    # A request in doubt may have changed the message: put the text back.
                    sent = post.sent_parts[part]
                    step = None if sent.removed else Step(part, "edit", new[part].text, sent.kind)
                wanted = self._planned(post, step, lang, retracted) if step else None
                if current is not None and wanted is not None and _same(current, wanted):
                    continue
                if current is not None and current.state == "pending":
                    replaced.append(current.id)
                if wanted is not None:
                    planned.append(wanted)
        ids = self.log.plan(article_id, planned, replaced, checked_at)
        if ids or replaced:
            log.info("article %s: %d corrections planned, %d replaced", article_id, len(ids),
                     len(replaced))  # fmt: skip
        return ids

    def _post_look(self, post: Post) -> Look:
        """How ``post`` was sent: the channels' look, or a subscriber's plain one in the
        reader's language (as :class:`~bot.digest.subscribers.SubscriberFanOut` sends it)."""
        if post.kind == CHANNEL:
            return self.look
        return Look(lang=self.posts.subscriber_lang(int(post.chat)))

    def _plan_new_items(self, stored: StoredArticle) -> int:
        """Plan, in every chat that has the article, the items it gained (a new section)."""
        items = article_items(stored.article)
        return sum(
            self.posts.plan(chat, stored.id, items, CHANNEL)
            for chat in self.posts.chats_planned(stored.id, CHANNEL)
        )

    def _planned(self, post: Post, step: Step, lang: str, retracted: bool) -> Planned:
        message_id = post.message_ids[step.part] if step.part < len(post.message_ids) else None
        if step.action == "edit":
            text = marked(step.text, say("correction_edited", lang), step.kind)
            digest = text_digest(step.text)
        elif step.action == "remove":
            text = say("correction_retracted" if retracted else "correction_withdrawn", lang)
            digest = ""
        else:
            text, digest = step.text, text_digest(step.text)
        return Planned(post.id, post.chat, step.part, step.action, message_id, step.kind, text,
                       digest)  # fmt: skip

    def retract(self, article_id: int) -> tuple[int, list[int]]:
        """Withdraw an article: marked withdrawn in the store (readers no longer get it)
        and retracted in the post log with its unsent posts cancelled, in one transaction;
        then the removal of every sent message planned. ``(posts cancelled, corrections
        planned)``."""
        with self.store.db.atomic():
            self.store.withdraw(article_id)
            cancelled = self.log.retract(article_id)
        return cancelled, self.plan(article_id)

    # carrying out

    async def run(self, bot: Bot) -> list[Correction]:
        """Make every due correction, one at a time, oldest first; what became of them."""
        async with self._lock:
            results = []
            while batch := self.log.due(BATCH):
                for correction in batch:
                    if not self.log.claim(correction.id):
                        continue
                    await self._apply(bot, correction)
                    after = self.log.get(correction.id)
                    if after is not None:
                        results.append(after)
                        await self._report(after)
            return results

    def _where(self, chat: str) -> tuple[int | str, int | None] | None:
        for target in self.targets:
            if target.key == chat:
                return target.chat, target.thread_id
        if chat.lstrip("-").isdecimal():
            return int(chat), None
        return None

    def _chat_look(self, chat: str) -> Look:
        """How messages look in ``chat``: a digest chat's posts have the channels' look,
        a subscriber's (any other chat) the plain one."""
        return self.look if any(target.key == chat for target in self.targets) else PLAIN

    def _deletable(self, correction: Correction) -> bool:
        post = self.posts.get(correction.post_id)
        if post is None or correction.part >= len(post.sent_parts):
            return True
        at = post.sent_parts[correction.part].at
        if at is None:
            return True  # unknown: Telegram's answer says
        return datetime.now(UTC) - datetime.fromisoformat(at) < DELETE_BEFORE

    async def _apply(self, bot: Bot, correction: Correction) -> None:
        where = self._where(correction.chat)
        if where is None:
            reason = f"{correction.chat} is no longer a digest chat"
            self.log.finish(correction.id, "failed", reason)
            return
        try:
            done = await waiting_out_floods(lambda: self._request(bot, where, correction))
        except BadRequest as error:
            text = error.message.lower()
            if "not modified" in text:
                done = "unchanged", None
            elif any(gone in text for gone in GONE):
                done = "gone", None
            else:
                self.log.finish(correction.id, "failed", describe(error))
                return
        except (Forbidden, ChatMigrated) as error:
            self.log.finish(correction.id, "failed", describe(error))
            return
        except NetworkError as error:
            if in_doubt(error):
                self.log.finish(correction.id, "uncertain", describe(error))
            else:
                later = backoff(correction.attempts)
                self.log.retry_later(correction.id, describe(error), later)
            return
        except TelegramError as error:
            self.log.finish(correction.id, "failed", describe(error))
            return
        except Exception as error:  # a correction must not stay "sending" while we run
            log.exception("correction %s failed", correction.id)
            self.log.finish(correction.id, "uncertain", f"{type(error).__name__}: {error}")
            return
        if done is None:
            self.log.retry_later(correction.id, "flood control", backoff(correction.attempts))
            return
        result, message_id = done
        self.log.done(correction.id, result, message_id)

    async def _request(
        self, bot: Bot, where: tuple[int | str, int | None], correction: Correction
    ) -> tuple[str, int | None]:
        chat, thread_id = where
        look = self._chat_look(correction.chat)
        if correction.action == "send":
            message, _ = await send_part(bot, chat, thread_id, Part(correction.text), look=look)
            return "sent", message.message_id
        assert correction.message_id is not None
        if correction.action == "remove" and self._deletable(correction):
            try:
                await bot.delete_message(chat, correction.message_id)
                return "deleted", None
            except BadRequest as error:
                if not any(words in error.message.lower() for words in CANNOT_DELETE):
                    raise
                self.log.note(correction.id, describe(error))
        if correction.kind == "caption":
            await bot.edit_message_caption(
                chat_id=chat, message_id=correction.message_id, caption=correction.text
            )
        else:
            # An edit without the options would take the bot's default (no preview) and
            # drop the preview a channel post was sent with.
            await bot.edit_message_text(
                correction.text,
                chat_id=chat,
                message_id=correction.message_id,
                link_preview_options=LinkPreviewOptions(is_disabled=not look.previews),
            )
        return ("withdrawn" if correction.action == "remove" else "edited"), None

    async def _report(self, correction: Correction) -> None:
        if correction.state in ("done", "pending"):
            return
        log.warning("correction %s in %s: %s (%s)", correction.id, correction.chat,
                    correction.state, correction.reason)  # fmt: skip
        if correction.state == "failed" and self.notify is not None:
            failed = correction

            def alert(lang: str) -> str:
                return say("correction_failed_alert", lang, id=digits(failed.id, lang),
                           article=digits(failed.article_id, lang), chat=failed.chat,
                           reason=failed.reason or "")  # fmt: skip

            await self.notify(alert)
