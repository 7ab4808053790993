"""Admin commands and documents: steer the digests from Telegram.

The command callbacks here do not check who calls them: the command registry
(:mod:`bot.tg.commands`) registers each one behind :func:`admin_only`.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.article.outline import outline
from bot.messages import say
from bot.pipeline.worker import ingest_in_worker
from bot.schedule import next_fire_times
from bot.tg.jobs import rescan
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import services
from bot.tg.views import plain

log = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
QUEUE_ITEMS = 5
#: The closing line of ``newsbot ingest`` ("1 file: 0 new, ...").
SUMMARY_LINE = re.compile(r"^\d+ files?: ")
LAST_ERRORS = 5


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the update comes from a user listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in services(context).settings.admin_ids


def admin_only(handler: Handler) -> Handler:
    """Refuse politely, and log, when someone other than an admin calls ``handler``."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not is_admin(update, context):
            user = update.effective_user
            text = update.effective_message.text if update.effective_message else ""
            log.warning("user %s, not an admin, tried %r", user.id if user else "?", text)
            await send_reply(update, context, plain(say("admins_only", reader_lang(update))))
            return
        await handler(update, context)

    return guarded


def _pre(lines: list[str]) -> str:
    return "\n".join(html.escape(line, quote=False) for line in lines)


async def _has_targets(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether DIGEST_CHATS names any chat; if not, say so."""
    if services(context).channels.targets:
        return True
    await send_reply(update, context, plain(say("no_digest_chats", reader_lang(update))))
    return False


async def post_now(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the next item to every digest chat now."""
    service = services(context)
    if not await _has_targets(update, context):
        return
    outcomes = await service.channels.tick(context.bot, force=True)
    if not outcomes:
        await send_reply(update, context, plain(say("nothing_to_post", reader_lang(update))))
        return
    lines = [f"{o.chat}: {o.state} {o.detail}".rstrip() for o in outcomes]
    await send_reply(update, context, plain(_pre(lines)))


async def queue(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Upcoming items per chat, each with the time it is due."""
    service = services(context)
    if not await _has_targets(update, context):
        return
    service.channels.plan()
    zone = service.settings.zone
    times = next_fire_times(service.ticks, datetime.now(zone), QUEUE_ITEMS)
    lines = ["paused" if service.channels.paused else "running"]
    for target in service.channels.targets:
        lines.append("")
        lines.append(target.key)
        upcoming = service.posts.upcoming(target.key, QUEUE_ITEMS)
        if not upcoming:
            lines.append("  (nothing pending)")
        for post, when in zip(upcoming, times, strict=False):
            stored = service.store.get(post.article_id)
            title = stored.article.title[:50] if stored else "?"
            lines.append(f"  {when.astimezone(zone):%Y-%m-%d %H:%M:%S}  {post.item}  {title}")
    await send_reply(update, context, plain(_pre(lines)))


async def pause(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Pause scheduled posting (kept across restarts)."""
    services(context).channels.pause(True)
    await send_reply(update, context, plain(say("paused", reader_lang(update))))


async def resume(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resume scheduled posting."""
    services(context).channels.pause(False)
    await send_reply(update, context, plain(say("resumed", reader_lang(update))))


async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-scan the content folder now and say what changed."""
    lines = await rescan(context)
    await send_reply(update, context, plain(_pre(lines or ["no change"])))


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Articles, posts by state, failing chats, subscribers and the last errors."""
    service = services(context)
    counts = service.posts.counts()
    lines = [
        f"articles: {service.store.count()}",
        f"posting: {'paused' if service.channels.paused else 'running'}",
        "posts: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"),
        f"subscribers: {len(service.posts.subscribers())}",
    ]
    for chat, reason in service.posts.failing_chats().items():
        lines.append(f"failing chat {chat}: {reason}")
    for state in ("uncertain", "failed"):
        for post in service.posts.with_state(state, LAST_ERRORS):
            lines.append(f"{state} #{post.id} {post.chat} {post.item}: {post.reason or ''}")
    await send_reply(update, context, plain(_pre(lines)))


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's .txt document goes through the pipeline; other people's are ignored."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if not is_admin(update, context):
        log.info("ignored a document from non-admin %s", update.effective_user)
        return
    lang = reader_lang(update)
    attached = message.document
    name = attached.file_name or "article.txt"
    settings = services(context).settings
    if not name.lower().endswith(".txt"):
        await send_reply(update, context, plain(say("document_not_text", lang)))
        return
    if (attached.file_size or 0) > settings.max_article_bytes:
        reason = f"{name}: over the {settings.max_article_bytes:,}-byte limit"
        await send_reply(update, context, plain(say("document_refused", lang, reason=reason)))
        return
    data = bytes(await (await attached.get_file()).download_as_bytearray())
    service = services(context)
    source = f"telegram:{name}"
    incoming = settings.database_path.parent / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    path = incoming / f"{attached.file_unique_id}.txt"
    path.write_bytes(data)
    try:
        lines = await ingest_in_worker(settings, [path], source=source)
    finally:
        path.unlink(missing_ok=True)
    stored = service.store.by_source(source)
    if stored is None or not lines or not lines[0].startswith(("new", "updated", "unchanged")):
        problems = [line for line in lines if not SUMMARY_LINE.match(line)]
        reason = "; ".join(line.replace(str(path), name) for line in problems)
        await send_reply(update, context, plain(say("document_refused", lang, reason=reason)))
        return
    service.channels.plan()
    summary = f"{lines[0].split()[0]}: #{stored.id}\n{outline(stored.article)}"
    await send_reply(update, context, plain(_pre(summary.split("\n"))[:4000]))


async def uncertain_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin decides about an uncertain post: queue it again, or mark it posted."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    lang = reader_lang(update)
    if not is_admin(update, context):
        await query.answer(say("admins_only", lang))
        return
    _, action, post_id = query.data.split(":")
    posts = services(context).posts
    if action == "again" and posts.requeue(int(post_id)):
        await query.answer(say("requeued", lang))
        await services(context).channels.post_one(context.bot, int(post_id))
    elif action == "sent":
        posts.finish(int(post_id), "sent", "marked posted by an admin")
        await query.answer(say("marked_sent", lang))
    else:
        await query.answer()
    if query.message is not None:
        await context.bot.edit_message_reply_markup(query.message.chat.id, query.message.message_id)

