"""The error handler: log with the traceback, tell the admins once in a while."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.messages import lang_of, say
from bot.tg.jobs import notify_admins

log = logging.getLogger(__name__)

#: At most one error report per admin in this many seconds.
REPORT_INTERVAL = 60.0
_LAST_REPORT = "last_error_report"


def describe(error: BaseException | None) -> str:
    """One short line naming an error."""
    if error is None:
        return "unknown error"
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= 300 else text[:299] + "…"


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log an unhandled error with its traceback and tell the admins in one message."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(context.error, Forbidden):
        return
    now = time.monotonic()
    if now - context.bot_data.get(_LAST_REPORT, -REPORT_INTERVAL) >= REPORT_INTERVAL:
        context.bot_data[_LAST_REPORT] = now
        problem = describe(context.error)
        await notify_admins(context.application,
                            lambda lang: say("admin_error", lang, error=problem))  # fmt: skip
    if isinstance(update, Update) and update.effective_chat is not None:
        user = update.effective_user
        lang = lang_of(user.language_code if user else None)
        try:
            await context.bot.send_message(update.effective_chat.id, say("failed", lang))
        except TelegramError:
            log.debug("could not tell the reader about the error")

