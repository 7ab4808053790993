"""Sending a view's reply, and the language a reader is answered in."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.messages import lang_of
from bot.tg.views import Reply

#: ``user_data`` key of the article a reader last opened.
SELECTED = "article_id"


def reader_lang(update: Update) -> str:
    """The language to answer this reader in."""
    user = update.effective_user
    return lang_of(user.language_code if user else None)


async def send_reply(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply) -> None:
    """Send every message of ``reply``, the keyboard under the last; remember the article."""
    chat = update.effective_chat
    if chat is None:
        return
    thread = update.effective_message.message_thread_id if update.effective_message else None
    for index, text in enumerate(reply.messages):
        last = index == len(reply.messages) - 1
        await context.bot.send_message(
            chat.id,
            text,
            reply_markup=reply.keyboard if last else None,
            message_thread_id=thread,
        )
    if reply.article_id is not None and context.user_data is not None:
        context.user_data[SELECTED] = reply.article_id
