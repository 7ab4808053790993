"""Admin commands and documents: steer the digests from Telegram.

The command callbacks here do not check who calls them: the command registry
(:mod:`bot.tg.commands`) registers each one behind :func:`admin_only`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot.messages import say
from bot.pipeline.worker import ingest_in_worker
from bot.schedule import next_fire_times
from bot.tg.admin_views import (
    LAST_ERRORS,
    QUEUE_ITEMS,
    TROUBLE_STATES,
    document_check,
    document_reply,
    post_reply,
    queue_reply,
    reload_reply,
    status_reply,
)
from bot.tg.jobs import rescan
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import services
from bot.tg.views import plain

log = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


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
    await send_reply(update, context, post_reply(outcomes, reader_lang(update)))


async def queue(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Upcoming items per chat, each with the time it is due."""
    service = services(context)
    if not await _has_targets(update, context):
        return
    service.channels.plan()
    zone = service.settings.zone
    times = next_fire_times(service.ticks, datetime.now(zone), QUEUE_ITEMS)
    queues = []
    for target in service.channels.targets:
        pending = []
        for post in service.posts.upcoming(target.key, QUEUE_ITEMS)[: len(times)]:
            stored = service.store.get(post.article_id)
            pending.append((post.item, stored.article.title if stored else None))
        queues.append((target.key, pending))
    await send_reply(update, context, queue_reply(service.channels.paused, queues, times, zone))


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
    await send_reply(update, context, reload_reply(await rescan(context)))


async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Articles, posts by state, failing chats, subscribers and the last errors."""
    service = services(context)
    posts = service.posts
    troubled = [post for state in TROUBLE_STATES for post in posts.with_state(state, LAST_ERRORS)]
    reply = status_reply(
        articles=service.store.count(),
        paused=service.channels.paused,
        post_counts=posts.counts(),
        subscribers=len(posts.subscribers()),
        failing_chats=posts.failing_chats(),
        troubled=troubled,
    )
    await send_reply(update, context, reply)


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
    service = services(context)
    settings = service.settings
    refusal = document_check(name, attached.file_size, settings.max_article_bytes, lang)
    if refusal is not None:
        await send_reply(update, context, refusal)
        return
    data = bytes(await (await attached.get_file()).download_as_bytearray())
    source = f"telegram:{name}"
    incoming = settings.database_path.parent / "incoming"
    incoming.mkdir(parents=True, exist_ok=True)
    path = incoming / f"{attached.file_unique_id}.txt"
    path.write_bytes(data)
    try:
        report = await ingest_in_worker(settings, [path], source=source)
    finally:
        path.unlink(missing_ok=True)
    if report.error:
        log.warning("ingesting document %s: %s", name, report.error)
    stored = service.store.by_source(source)
    if report.stored and stored is not None:
        service.channels.plan()
    await send_reply(update, context, document_reply(name, path, report, stored, lang))


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

