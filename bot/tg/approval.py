"""Approval before posting (DIGEST_APPROVAL) and ``/preview``: what the admins see and decide.

With approval on, an article stored new or changed waits (the post log holds its posts
back: :mod:`bot.storage.approvals`) until an admin publishes it. Every admin gets, in
private, its preview: every message the channels will get, built and sent exactly as
they get it (:meth:`~bot.digest.channels.ChannelPoster.preview`,
:func:`~bot.digest.sending.send_part`), then one message with the buttons Publish /
Hold / Discard in the admin's language. One admin's decision is enough: every admin's
button message is updated, and a press on an old one is answered with what was decided.
"""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Bot, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, ContextTypes

from bot.messages import say
from bot.storage.approvals import UNDECIDED, Prompt, Review
from bot.storage.articles import StoredArticle
from bot.tg.approval_views import (
    ANSWERS,
    decision_keyboard,
    decode_decision,
    preview_number,
    prompt_text,
    state_line,
)
from bot.tg.presses import admin_press, drop_buttons, private_view, unchanged_or_gone
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import KEY, Services, services
from bot.tg.views import plain

log = logging.getLogger(__name__)

#: ``bot_data`` key of the lock that keeps two offers of the same preview apart.
OFFER_LOCK = "approval_offer_lock"


def _review_of(service: Services, stored: StoredArticle) -> Review | None:
    """The review of the article as stored now, if there is one."""
    review = service.approvals.get(stored.id)
    return review if review is not None and review.current else None


def _prompt(
    service: Services, stored: StoredArticle, review: Review | None, lang: str, count: int
) -> str:
    """Where the article stands, below its preview of ``count`` messages."""
    chats = [target.key for target in service.channels.targets]
    text = prompt_text(stored.id, stored.article.title, count, chats, review, lang)
    return f"{text}\n{say('preview_withdrawn', lang)}" if stored.withdrawn else text


async def send_preview(
    bot: Bot,
    service: Services,
    chat_id: int,
    stored: StoredArticle,
    review: Review | None,
    lang: str,
    *,
    buttons: bool,
) -> Message:
    """Send a chat every message the channels get of ``stored``, then where it stands.

    The last message has the decision buttons when ``buttons``; it is returned.
    """
    parts = service.channels.preview(stored)
    sender = service.channels.sender
    if not parts:
        text = say("preview_nothing", lang, id=stored.id, title=stored.article.title)
        return await bot.send_message(chat_id, text)
    for part in parts:
        await sender.deliver(bot, chat_id, None, part)
    keyboard = decision_keyboard(review, lang) if buttons and review is not None else None
    return await bot.send_message(
        chat_id, _prompt(service, stored, review, lang, len(parts)), reply_markup=keyboard
    )


async def discover(bot: Bot, service: Services) -> None:
    """Open a review for each article newly held back; a replaced version's buttons go."""
    for article_id, replaced in service.approvals.discover():
        for prompt in replaced:
            try:
                await bot.edit_message_reply_markup(prompt.chat_id, prompt.message_id)
            except TelegramError as error:  # gone, or already without buttons
                log.info("buttons of #%s's old preview stay: %s", article_id, error)


async def _offer(
    bot: Bot, service: Services, admin: int, stored: StoredArticle, review: Review
) -> Prompt | None:
    """Send one admin the preview with its buttons; ``None`` if they cannot be reached."""
    lang = service.admin_lang(admin)
    try:
        message = await send_preview(bot, service, admin, stored, review, lang, buttons=True)
    except TelegramError as error:
        log.warning("could not send admin %s the preview of #%s: %s", admin, stored.id, error)
        return None
    return Prompt(admin, message.message_id, lang)


async def offer_previews(application: Application) -> int:
    """Send every admin the preview of each article newly waiting for approval; how many.

    Each version is offered once (recorded in its review, so not again after a restart);
    an admin who cannot be reached is logged and the others still get it. When none can
    be reached (none has started the bot yet), it is offered again at the next call.
    """
    service: Services = application.bot_data[KEY]
    if not service.settings.digest_approval:
        return 0
    lock: asyncio.Lock = application.bot_data.setdefault(OFFER_LOCK, asyncio.Lock())
    offered = 0
    async with lock:
        await discover(application.bot, service)
        for review in service.approvals.to_offer():
            stored = service.store.get(review.article_id)
            if stored is None:
                continue
            # Each admin's chat has its own rate limit: all of them at once.
            sent = await asyncio.gather(
                *(_offer(application.bot, service, admin, stored, review)
                  for admin in service.settings.admin_ids)
            )  # fmt: skip
            prompts = [prompt for prompt in sent if prompt is not None]
            if not prompts:
                continue  # no admin reached: offered again at the next re-scan
            service.approvals.offered(review.article_id, review.content_hash, prompts)
            log.info("article #%s awaits approval; preview sent to %d admins", stored.id,
                     len(prompts))  # fmt: skip
            offered += 1
    return offered


@private_view
async def preview(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/preview [N]: article N (else the newest) exactly as the channels will get it.

    With approval on and the article awaiting or held, the decision buttons follow.
    """
    lang = reader_lang(update)
    chat = update.effective_chat
    assert chat is not None  # private_view let only private chats through
    service = services(context)
    try:
        number = preview_number(" ".join(context.args or []))
    except ValueError:
        await send_reply(update, context, plain(say("preview_usage", lang)))
        return
    stored = service.store.latest() if number is None else service.store.get(number)
    if stored is None:
        key = "no_articles" if number is None else "article_unknown"
        await send_reply(update, context, plain(say(key, lang, id=number)))
        return
    on = service.settings.digest_approval
    if on:
        await discover(context.bot, service)
    review = _review_of(service, stored)
    buttons = on and review is not None and review.state in UNDECIDED and not stored.withdrawn
    message = await send_preview(context.bot, service, chat.id, stored, review, lang,
                                 buttons=buttons)  # fmt: skip
    if buttons and review is not None:
        service.approvals.add_prompt(stored.id, review.content_hash,
                                     Prompt(chat.id, message.message_id, lang))  # fmt: skip


async def _edit(bot: Bot, chat_id: int, message_id: int, text: str,
                keyboard: InlineKeyboardMarkup | None) -> None:  # fmt: skip
    """Update a button message; one gone or already showing this is left alone."""
    try:
        await bot.edit_message_text(text, chat_id, message_id, reply_markup=keyboard)
    except BadRequest as error:
        if not unchanged_or_gone(error):
            log.warning("could not update approval message %s/%s: %s", chat_id, message_id,
                        error)  # fmt: skip
    except TelegramError as error:
        log.warning("could not update approval message %s/%s: %s", chat_id, message_id, error)


async def refresh_prompts(
    bot: Bot, service: Services, stored: StoredArticle, extra: Message | None = None
) -> None:
    """Show every admin's button message where the article stands now (buttons while open).

    ``extra`` is the message pressed, updated too if it is not one of the recorded ones.
    """
    review = _review_of(service, stored)
    prompts = list(review.prompts) if review is not None else []
    if extra is not None and all(
        (p.chat_id, p.message_id) != (extra.chat.id, extra.message_id) for p in prompts
    ):
        prompts.append(Prompt(extra.chat.id, extra.message_id, service.admin_lang(extra.chat.id)))
    open_ = review is not None and review.state in UNDECIDED
    count = len(service.channels.preview(stored)) if prompts else 0
    for prompt in prompts:
        keyboard = decision_keyboard(review, prompt.lang) if open_ and review else None
        text = _prompt(service, stored, review, prompt.lang, count)
        await _edit(bot, prompt.chat_id, prompt.message_id, text, keyboard)


async def release(bot: Bot, service: Services, article_id: int) -> None:
    """An admin published an article: its posts go out with the schedule, and
    :attr:`Services.on_release` (the corrections of posts already sent) runs now."""
    service.channels.plan()
    if service.on_release is not None:
        await service.on_release(bot, article_id)


async def decision(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin presses Publish, Hold or Discard under a preview.

    Every press is answered. The decision is a conditional update, so of two admins
    (or two taps) one decides; a press on a decided article, on an older version or
    with data that is not ours changes nothing and says why.
    """
    pressed = await admin_press(update, context, decode_decision, "approval")
    if pressed is None:
        return
    query, lang, chosen = pressed
    service = services(context)
    user = update.effective_user
    assert user is not None  # admin_press saw an admin
    if not service.settings.digest_approval:
        await query.answer(say("approval_off", lang))
        await drop_buttons(context.bot, query.message)
        return
    stored = service.store.get(chosen.article_id)
    review = service.approvals.get(chosen.article_id)
    if stored is None or review is None:
        await query.answer(say("article_unknown", lang, id=chosen.article_id))
        await drop_buttons(context.bot, query.message)
        return
    if not review.current or review.version != chosen.version:
        await query.answer(say("approval_stale", lang, id=chosen.article_id))
        await drop_buttons(context.bot, query.message)
        return
    name = user.full_name or str(user.id)
    if not service.approvals.decide(stored.id, review.content_hash, chosen.state, user.id, name):
        now = service.approvals.get(stored.id)
        where = html.unescape(state_line(now if now and now.current else None, lang))
        await query.answer(html.unescape(say("approval_done", lang, id=stored.id,
                                             state=where))[:200])  # fmt: skip
        if now is None or now.state not in UNDECIDED:
            # Buttons still there (missed by the update): show the decision instead.
            message = _message(query.message)
            if message is not None and message.reply_markup is not None:
                count = len(service.channels.preview(stored))
                text = _prompt(service, stored, now if now and now.current else None, lang, count)
                await _edit(context.bot, message.chat.id, message.message_id, text, None)
        return
    log.info("admin %s: article #%s %s", user.id, stored.id, chosen.state)
    await query.answer(html.unescape(say(ANSWERS[chosen.action], lang, id=stored.id)))
    await refresh_prompts(context.bot, service, stored, _message(query.message))
    if chosen.state == "approved":
        await release(context.bot, service, stored.id)


def _message(message: object) -> Message | None:
    return message if isinstance(message, Message) else None
