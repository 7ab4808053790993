"""Sending a view's reply, the language a reader is answered in, and their current article.

"The current article" is the newest one, unless the reader chose another (with a button,
/articles or /summary words) in the last :data:`CHOICE_SECONDS`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from typing import Any

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.messages import lang_of
from bot.tg.services import services
from bot.tg.views import Reply

#: ``user_data`` key of the article a reader chose, and of when they chose it.
SELECTED = "article_id"
CHOSEN_AT = "article_chosen_at"
#: A reader's choice of article holds this long; then the newest article is current again.
CHOICE_SECONDS = 30 * 60
#: ``bot_data`` key of the clock the choices are timed by (seconds; tests set their own).
CLOCK = "clock"


def clock(context: ContextTypes.DEFAULT_TYPE) -> float:
    """The time now, in seconds, by the application's clock (``time.time`` unless set)."""
    now: Callable[[], float] = context.bot_data.get(CLOCK, time.time)
    return now()


def chosen_article(
    data: MutableMapping[Any, Any] | None, now: float, hold: float = CHOICE_SECONDS
) -> int | None:
    """The article a reader chose less than ``hold`` seconds ago, else ``None``.

    >>> chosen_article({SELECTED: 3, CHOSEN_AT: 100.0}, 200.0), chosen_article({}, 1.0)
    (3, None)
    >>> chosen_article({SELECTED: 3, CHOSEN_AT: 100.0}, 100.0 + CHOICE_SECONDS) is None
    True
    """
    if data is None:
        return None
    picked, at = data.get(SELECTED), data.get(CHOSEN_AT)
    if not isinstance(picked, int) or not isinstance(at, int | float):
        return None
    return picked if 0 <= now - at < hold else None


def choose(data: MutableMapping[Any, Any] | None, article_id: int, newest: int | None,
           now: float) -> None:
    """Remember that a reader chose ``article_id`` at ``now``; choosing the newest article
    forgets the choice, so that the next new article becomes current at once."""
    if data is None:
        return
    if article_id == newest:
        data.pop(SELECTED, None)
        data.pop(CHOSEN_AT, None)
        return
    data[SELECTED] = article_id
    data[CHOSEN_AT] = now

#: ``chat_data`` key of the recent messages the bot sent about an article: id → article.
ABOUT = "messages_about"
#: How many such messages each chat remembers (an admin replies to a recent one).
ABOUT_KEPT = 200


def reader_lang(update: Update) -> str:
    """The language to answer this reader in."""
    user = update.effective_user
    return lang_of(user.language_code if user else None)


def remember_about(
    context: ContextTypes.DEFAULT_TYPE, messages: list[Message], article_id: int
) -> None:
    """Note that ``messages`` (sent in this chat) are about an article, for replies to them."""
    if context.chat_data is None:
        return
    about: dict[int, int] = context.chat_data.setdefault(ABOUT, {})
    for message in messages:
        about[message.message_id] = article_id
    for old in list(about)[: max(len(about) - ABOUT_KEPT, 0)]:
        del about[old]


def message_about(context: ContextTypes.DEFAULT_TYPE, message_id: int) -> int | None:
    """The article a recent message of the bot in this chat was about, if it was."""
    about = context.chat_data.get(ABOUT, {}) if context.chat_data is not None else {}
    article_id = about.get(message_id)
    return article_id if isinstance(article_id, int) else None


async def send_reply(
    update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply
) -> list[Message]:
    """Send every message of ``reply``, the keyboard under the last; remember the article.

    A reply with a photo sends it first, its caption the first message (uploaded once:
    see :class:`~bot.digest.sending.PhotoUploads`). Returns the messages sent.
    """
    chat = update.effective_chat
    if chat is None:
        return []
    thread = update.effective_message.message_thread_id if update.effective_message else None
    sent = []
    for index, text in enumerate(reply.messages):
        last = index == len(reply.messages) - 1
        markup = reply.keyboard if last else None
        if index == 0 and reply.photo is not None:
            message = await services(context).uploads.send(
                context.bot, chat.id, reply.photo, text, reply_markup=markup,
                message_thread_id=thread,
            )  # fmt: skip
        else:
            message = await context.bot.send_message(
                chat.id, text, reply_markup=markup, message_thread_id=thread
            )
        sent.append(message)
    if reply.article_id is not None:
        remember_about(context, sent, reply.article_id)
    return sent
