"""Sending a view's reply, and the language a reader is answered in."""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.messages import lang_of
from bot.tg.services import services
from bot.tg.views import Reply

#: ``user_data`` key of the article a reader last opened.
SELECTED = "article_id"
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
        if context.user_data is not None:
            context.user_data[SELECTED] = reply.article_id
        remember_about(context, sent, reply.article_id)
    return sent
