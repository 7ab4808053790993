"""Admin commands and documents: steer the digests from Telegram.

The command callbacks here do not check who calls them: the command registry
(:mod:`bot.tg.commands`) registers each one behind :func:`admin_only`. The views that
show the post log, the chats or an article's outline run in private chats only
(:func:`private_view`).
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime

from telegram import Update
from telegram.ext import ContextTypes

from bot.messages import digits, say
from bot.pipeline.worker import ingest_in_worker
from bot.schedule import next_fire_times
from bot.storage.articles import file_name_of
from bot.storage.postlog import CHANNEL, SUBSCRIBER
from bot.tg.admin_views import (
    DEFAULT_DOCUMENT_NAME,
    DOCUMENT_SOURCE,
    LAST_ERRORS,
    QUEUE_ITEMS,
    TROUBLE_STATES,
    UNCERTAIN_SHOWN,
    ChatQueue,
    clean_document_name,
    document_check,
    document_reply,
    document_source,
    post_reply,
    queue_reply,
    reload_reply,
    state_name,
    status_reply,
    uncertain_replies,
    version_request,
)
from bot.tg.approval import offer_previews
from bot.tg.approval_views import awaiting_lines
from bot.tg.jobs import article_titles, correct_soon, list_uncertain_corrections, rescan
from bot.tg.photos import admin_photo, is_image_document
from bot.tg.presses import (
    Handler,
    admin_press,
    in_private,
    is_admin,
    private_view,
    settle,
)
from bot.tg.replies import reader_lang, remember_about, send_reply
from bot.tg.services import services
from bot.tg.views import decode_choice, plain

log = logging.getLogger(__name__)

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


@private_view
async def post_now(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Post the next item to every digest chat now."""
    service = services(context)
    if not await _has_targets(update, context):
        return
    outcomes = await service.channels.tick(context.bot, force=True)
    about = {}
    for outcome in outcomes:
        post = service.posts.get(outcome.post_id)
        if post is not None:
            stored = service.store.get(post.article_id)
            about[post.id] = (post.item, stored.article if stored else None)
    await send_reply(update, context, post_reply(outcomes, reader_lang(update), about))


@private_view
async def queue(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Upcoming items per chat, each with the time it is due."""
    service = services(context)
    if not await _has_targets(update, context):
        return
    service.channels.plan()
    zone = service.settings.zone
    times = next_fire_times(service.settings.digest_schedule, datetime.now(zone), QUEUE_ITEMS)
    queues = []
    for target in service.channels.targets:
        upcoming = []
        for post in service.posts.upcoming(target.key, QUEUE_ITEMS):
            stored = service.store.get(post.article_id)
            upcoming.append((post.item, stored.article if stored else None))
        queues.append(ChatQueue(target.key, service.posts.waiting(target.key), upcoming))
    paused = service.channels.paused
    lang = reader_lang(update)
    waiting = awaiting_lines(service.approvals.waiting(), lang)
    reply = queue_reply(paused, queues, times, zone, lang, approval=waiting)
    await send_reply(update, context, reply)


async def pause(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Pause scheduled posting (kept across restarts)."""
    services(context).channels.pause(True)
    await send_reply(update, context, plain(say("paused", reader_lang(update))))


async def resume(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resume scheduled posting."""
    services(context).channels.pause(False)
    await send_reply(update, context, plain(say("resumed", reader_lang(update))))


@private_view
async def reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Re-scan the content folder now and say what changed (the previews follow)."""
    await send_reply(update, context, reload_reply(await rescan(context), reader_lang(update)))
    await offer_previews(context.application)


@private_view
async def status(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Articles, posts by state, failing chats, subscribers and the last errors."""
    service = services(context)
    posts = service.posts
    troubled = [post for state in TROUBLE_STATES for post in posts.with_state(state, LAST_ERRORS)]
    reply = status_reply(
        articles=service.store.count(),
        paused=service.channels.paused,
        post_counts=posts.counts(CHANNEL),
        subscriber_counts=posts.counts(SUBSCRIBER),
        subscribers=len(posts.subscribers()),
        failing_chats=posts.failing_chats(),
        troubled=troubled,
        lang=reader_lang(update),
        approval=awaiting_lines(service.approvals.waiting(), reader_lang(update)),
    )
    await send_reply(update, context, reply)


@private_view
async def uncertain(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every uncertain post, each with its "post again" and "it arrived" buttons; then
    every uncertain correction with its own."""
    posts = services(context).posts
    listed = posts.uncertain(UNCERTAIN_SHOWN)
    total = posts.counts().get("uncertain", 0)
    titles = article_titles(services(context), listed)
    for reply in uncertain_replies(listed, titles, total, reader_lang(update)):
        await send_reply(update, context, reply)
    await list_uncertain_corrections(update, context)


async def document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's .txt document goes through the pipeline, in a private chat.

    Each upload is stored under its own source key (content hash and cleaned name), so
    it never replaces another article; a caption "new version #N" (or «نسخه جدید #N»)
    replaces article N, if N came from Telegram. A reader's document gets a polite
    answer in private and none in a group. An image sent as a file is a photo
    (:func:`bot.tg.photos.admin_photo`).
    """
    message = update.effective_message
    if message is None or message.document is None:
        return
    if is_image_document(message.document.file_name, message.document.mime_type):
        await admin_photo(update, context)
        return
    lang = reader_lang(update)
    if not is_admin(update, context):
        log.info("ignored a document from non-admin %s", update.effective_user)
        if in_private(update):
            await send_reply(update, context, plain(say("document_from_reader", lang)))
        return
    if not in_private(update):
        await send_reply(update, context, plain(say("admin_private_only", lang)))
        return
    attached = message.document
    service = services(context)
    settings = service.settings
    refusal = document_check(
        attached.file_name or DEFAULT_DOCUMENT_NAME, attached.file_size,
        settings.max_article_bytes, lang,
    )  # fmt: skip
    if refusal is not None:
        await send_reply(update, context, refusal)
        return
    name = clean_document_name(attached.file_name)
    try:
        version = version_request(message.caption)
    except ValueError:
        await send_reply(update, context, plain(say("version_usage", lang)))
        return
    data = bytes(await (await attached.get_file()).download_as_bytearray())
    if version is None:
        source = document_source(data, name)
    else:
        replaced = service.store.get(version)
        if replaced is None or not replaced.source.startswith(DOCUMENT_SOURCE):
            key = "version_unknown" if replaced is None else "version_not_document"
            await send_reply(update, context, plain(say(key, lang, id=digits(version, lang))))
            return
        source = replaced.source
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
    first = report.files[0] if report.files else None
    if first is not None and first.status == "duplicate" and first.article_id is not None:
        original = file_name_of(first.original or "")
        text = say("document_duplicate", lang, id=digits(first.article_id, lang), original=original)
        await send_reply(update, context, plain(text))
        return
    stored = service.store.by_source(source)
    if report.stored and stored is not None:
        service.channels.plan()
    if first is not None and first.status == "updated":
        correct_soon(context)
    reply = document_reply(name, path, report, stored, lang, settings.zone)
    sent = await send_reply(update, context, reply)
    if stored is not None:
        remember_about(context, sent, stored.id)  # a photo in reply to it is the article's
    await offer_previews(context.application)


async def uncertain_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin decides about an uncertain post: queue it again, or mark it posted.

    Each press is answered. Only a post that is uncertain now changes (conditionally, so
    a double tap or two admins pressing at once change it once); any other state, an
    unknown post or malformed data is answered as such and changes nothing.
    """
    pressed = await admin_press(update, context, decode_choice, "uncertain-post")
    if pressed is None:
        return
    query, lang, (action, post_id) = pressed
    service = services(context)
    posts = service.posts
    done = posts.requeue(post_id) if action == "again" else posts.mark_arrived(post_id)
    if not done:
        current = posts.get(post_id)
        if current is None:
            await query.answer(say("post_unknown", lang, post=digits(post_id, lang)))
            return
        shown = state_name(current.state, lang)
        handled = say("post_handled", lang, post=digits(post_id, lang), state=shown)
        await settle(query, context.bot, handled)
        return
    log.info("admin %s: post %s %s", update.effective_user, post_id, action)
    await settle(query, context.bot, say("requeued" if action == "again" else "marked_sent", lang))
    if action == "again":
        await service.channels.post_one(context.bot, post_id)
