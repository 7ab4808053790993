"""The baseline bot: python-telegram-bot answering every message with its own text.

With ``ECHO_SUMMARY_DB`` set it answers every message with the latest article's summary
and its keyboard instead (newsbot's reply, without newsbot's work), which separates what
the size of a reply costs from what newsbot's handlers cost.
"""

from __future__ import annotations

import os
import sys
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def summary_reply() -> tuple[str, object] | None:
    """The rendered summary and keyboard of the latest article, if asked for."""
    path = os.environ.get("ECHO_SUMMARY_DB")
    if not path:
        return None
    from bot.storage.articles import Store
    from bot.tg.views import view_reply

    store = Store.open(path)
    latest = store.latest()
    store.close()
    if latest is None:
        return None
    reply = view_reply(latest, "summary", "fa", ZoneInfo("Asia/Tehran"))
    return reply.messages[0], reply.keyboard


FIXED = summary_reply()


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer with the same text (or the fixed summary)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if FIXED is None:
        await message.reply_text(message.text)
    else:
        text, keyboard = FIXED
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=keyboard)  # type: ignore[arg-type]


def main() -> None:
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_URL"])
        .concurrent_updates(True)
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    sys.exit(main())
