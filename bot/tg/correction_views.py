"""What the bot answers about corrections and retractions, as data, with their buttons.

Button data: ``k:<again|done>:<correction id>`` for an uncertain correction,
``r:<yes|no>:<article id>`` for the confirmation of /retract. Everything here is pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.messages import say
from bot.storage.corrections import Correction
from bot.tg.approval_views import preview_number
from bot.tg.callbacks import checked
from bot.tg.views import Reply, plain

#: The actions of the uncertain-correction buttons, and of the retraction's.
CORRECTION_ACTIONS = ("again", "done")
RETRACT_ACTIONS = ("yes", "no")


def correction_keyboard(correction_id: int, lang: str = "fa") -> InlineKeyboardMarkup:
    """Under an uncertain correction: make it again, or it was made."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(say("button_correct_again", lang),
                             callback_data=checked(f"k:again:{correction_id}")),
        InlineKeyboardButton(say("button_was_corrected", lang),
                             callback_data=checked(f"k:done:{correction_id}")),
    ]])  # fmt: skip


def uncertain_correction_reply(correction: Correction, title: str, lang: str = "fa") -> Reply:
    """One uncertain correction, with its buttons."""
    text = say(
        "uncertain_correction", lang, id=correction.id, chat=correction.chat,
        action=say(f"correction_action_{correction.action}", lang),
        message=correction.message_id if correction.message_id is not None else "—",
        title=title or f"#{correction.article_id}", reason=correction.reason or "unknown",
    )  # fmt: skip
    return Reply((text,), correction_keyboard(correction.id, lang))


def retract_confirmation(
    article_id: int, title: str, sent: int, pending: int, lang: str = "fa"
) -> Reply:
    """The question /retract asks, with "yes, withdraw it" and "no, keep it"."""
    text = say("retract_confirm", lang, id=article_id, title=title, sent=sent, pending=pending)
    keyboard = InlineKeyboardMarkup([[
        InlineKeyboardButton(say("button_retract", lang),
                             callback_data=checked(f"r:yes:{article_id}")),
        InlineKeyboardButton(say("button_keep", lang), callback_data=checked(f"r:no:{article_id}")),
    ]])  # fmt: skip
    return Reply((text,), keyboard)


def retract_result(
    article_id: int, corrections: Sequence[Correction], cancelled: int, lang: str = "fa"
) -> Reply:
    """One line: what the retraction removed, and what is not done yet."""
    deleted = sum(1 for c in corrections if c.state == "done" and c.result in ("deleted", "gone"))
    withdrawn = sum(
        1 for c in corrections if c.state == "done" and c.result not in ("deleted", "gone")
    )
    left = len(corrections) - deleted - withdrawn
    tail = say("retract_left", lang, count=left) if left else ""
    return plain(say("retract_done", lang, id=article_id, deleted=deleted, withdrawn=withdrawn,
                     cancelled=cancelled, left=tail))  # fmt: skip


def retract_usage(argument: str) -> int | None:
    """The article number after /retract (``12``, ``#12``, Persian digits), else ``None``.

    Read as /preview reads its number.

    >>> retract_usage("#۱۲"), retract_usage(" 7 "), retract_usage(""), retract_usage("x")
    (12, 7, None, None)
    """
    try:
        return preview_number(argument)
    except ValueError:
        return None
