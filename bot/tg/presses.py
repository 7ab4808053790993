"""Admins' commands and button presses: who is an admin, admin views in private chats
only, the checks every admin button starts with, and taking the buttons off a message
once its question is settled."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Bot, CallbackQuery, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.messages import say
from bot.tg.replies import reader_lang, send_reply
from bot.tg.services import services
from bot.tg.views import plain

log = logging.getLogger(__name__)

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Whether the update comes from a user listed in ADMIN_IDS."""
    user = update.effective_user
    return user is not None and user.id in services(context).settings.admin_ids


def in_private(update: Update) -> bool:
    """Whether the update comes from a private chat with the bot."""
    chat = update.effective_chat
    return chat is not None and chat.type == "private"


def private_view(handler: Handler) -> Handler:
    """Run ``handler`` in a private chat only; in a group, say so briefly, with no details.

    Admin views show the post log, the chats and the errors: not for a whole group.
    """

    @functools.wraps(handler)
    async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not in_private(update):
            await send_reply(update, context, plain(say("admin_private_only", reader_lang(update))))
            return
        await handler(update, context)

    return guarded


async def admin_press[Choice](
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    decode: Callable[[str | None], Choice | None],
    what: str,
) -> tuple[CallbackQuery, str, Choice] | None:
    """The press, the presser's language and the decoded choice of an admin's button.

    ``None`` when there is nothing to do: no query, a presser who is not an admin, or
    data ``decode`` does not read (``what`` names the button in the log); each of those
    presses is answered, so the button stops spinning.
    """
    query = update.callback_query
    if query is None:
        return None
    lang = reader_lang(update)
    if not is_admin(update, context):
        await query.answer(say("admins_only", lang))
        return None
    choice = decode(query.data)
    if choice is None:
        log.warning("malformed %s button %r", what, query.data)
        await query.answer(say("button_unknown", lang))
        return None
    return query, lang, choice


async def settle(query: CallbackQuery, bot: Bot, answer: str) -> None:
    """Answer a press (cut to the 200 characters Telegram shows) and take the buttons off
    its message: the question it asked is settled, by this press or an earlier one."""
    await query.answer(answer[:200])
    await drop_buttons(bot, query.message)


async def drop_buttons(bot: Bot, message: object) -> None:
    """Take the buttons off a message; one already without them, or gone, is left alone."""
    if not isinstance(message, Message) or message.reply_markup is None:
        return
    try:
        await bot.edit_message_reply_markup(message.chat.id, message.message_id)
    except BadRequest as error:
        if not unchanged_or_gone(error):
            raise


def unchanged_or_gone(error: BadRequest) -> bool:
    """Whether an edit was refused only because the message shows it already, or is gone."""
    problem = str(error).lower()
    return "not modified" in problem or "not found" in problem
