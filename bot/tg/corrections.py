"""/retract and the buttons of corrections: withdraw an article, settle an uncertain edit.

/retract N asks first, with a button; the press withdraws the article (its unsent
posts cancelled, its sent messages deleted or marked withdrawn, the article hidden
from readers) and answers in one line. An uncertain correction's buttons make it again
or mark it made, once, however often they are pressed. Only admins may do either.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from bot.messages import say
from bot.render import shorten
from bot.storage.articles import StoredArticle
from bot.tg.callbacks import decode_action
from bot.tg.correction_views import (
    CORRECTION_ACTIONS,
    RETRACT_ACTIONS,
    retract_confirmation,
    retract_result,
    retract_usage,
)
from bot.tg.jobs import ALERT_TITLE_CHARS
from bot.tg.presses import admin_press, drop_buttons, private_view, settle
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import services
from bot.tg.views import plain

log = logging.getLogger(__name__)


@private_view
async def retract(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/retract N: ask whether to withdraw article N, with a confirmation button."""
    lang = reader_lang(update)
    article_id = retract_usage(" ".join(context.args or []))
    if article_id is None:
        await send_reply(update, context, plain(say("retract_usage", lang)))
        return
    service = services(context)
    stored = service.store.get(article_id)
    refusal = _cannot_retract(article_id, stored, lang)
    if refusal is not None:
        await send_reply(update, context, plain(refusal))
        return
    assert stored is not None  # refused as unknown otherwise
    sent = sum(
        1
        for post in service.posts.sent_posts_of(article_id)
        for part in post.sent_parts
        if not part.removed
    )
    pending = service.posts.unsent_count(article_id)
    title = shorten(stored.article.title, ALERT_TITLE_CHARS)
    await send_reply(update, context, retract_confirmation(article_id, title, sent, pending, lang))


def _cannot_retract(article_id: int, stored: StoredArticle | None, lang: str) -> str | None:
    """Why article ``article_id`` (``stored``) cannot be withdrawn (unknown, or already
    withdrawn), or None."""
    if stored is None:
        return say("article_unknown", lang, id=article_id)
    if stored.withdrawn:
        return say("retract_already", lang, id=article_id)
    return None


async def retract_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The confirmation's buttons: withdraw the article now, or leave it."""
    pressed = await admin_press(
        update, context, lambda data: decode_action(data, "r", RETRACT_ACTIONS), "retraction"
    )
    if pressed is None:
        return
    query, lang, (action, article_id) = pressed
    service = services(context)
    await drop_buttons(context.bot, query.message)
    await query.answer()
    refusal = (
        say("retract_kept", lang, id=article_id)
        if action == "no"
        else _cannot_retract(article_id, service.store.get(article_id), lang)
    )
    if refusal is not None:
        await send_reply(update, context, plain(refusal))
        return
    user = update.effective_user
    cancelled, planned = service.corrections.retract(article_id)
    log.info("admin %s retracted article %s: %d posts cancelled, %d messages to remove",
             user.id if user else "?", article_id, cancelled, len(planned))  # fmt: skip
    await service.corrections.run(context.bot)
    done = service.corrections.log.of_ids(planned)
    await send_reply(update, context, retract_result(article_id, done, cancelled, lang))


async def correction_choice(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin settles an uncertain correction: make it again, or mark it made."""
    pressed = await admin_press(
        update,
        context,
        lambda data: decode_action(data, "k", CORRECTION_ACTIONS),
        "uncertain-correction",
    )
    if pressed is None:
        return
    query, lang, (action, correction_id) = pressed
    service = services(context)
    corrections = service.corrections.log
    done = (
        corrections.requeue(correction_id)
        if action == "again"
        else corrections.mark_done(correction_id)
    )
    if not done:
        current = corrections.get(correction_id)
        state = current.state if current is not None else "gone"
        await settle(query, context.bot,
                     say("correction_handled", lang, id=correction_id, state=state))  # fmt: skip
        return
    log.info("admin %s: correction %s %s", update.effective_user, correction_id, action)
    key = "correction_requeued" if action == "again" else "correction_marked"
    await settle(query, context.bot, say(key, lang))
    if action == "again":
        await service.corrections.run(context.bot)
