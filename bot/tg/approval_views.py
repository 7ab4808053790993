"""Approval before posting, as data: the decision buttons, their callback data and the
admins' lines (pure; see :mod:`bot.tg.approval` for the handlers).

A decision button carries the action, the article's id and a short mark of the version
it was shown (never a title), so a press on the preview of an older version is known
for what it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.messages import say
from bot.render import shorten
from bot.storage.approvals import ApprovalState, Review
from bot.tg.callbacks import MAX_BYTES, checked

#: Callback data of a decision button: ``ap:<action>:<article id>:<version>``.
PREFIX = "ap"
#: Each button's action, its label's catalogue key, and the state it decides.
ACTIONS: dict[str, tuple[str, ApprovalState]] = {
    "pub": ("button_publish", "approved"),
    "hold": ("button_hold", "held"),
    "drop": ("button_discard", "rejected"),
}
#: What pressing each action answers when it decided.
ANSWERS: dict[str, str] = {"pub": "published", "hold": "held", "drop": "discarded"}
#: Characters of a title in the admins' lines.
TITLE_CHARS = 80
_VERSION = re.compile(r"[0-9a-f]{8}")
_NUMBER = re.compile(r"#?\s*(\d{1,9})")


@dataclass(frozen=True, slots=True)
class Decision:
    """An admin's press: ``action`` (``pub``, ``hold``, ``drop``) on a version of an article."""

    action: str
    article_id: int
    version: str

    @property
    def state(self) -> ApprovalState:
        """The approval state the action decides."""
        return ACTIONS[self.action][1]

    def encode(self) -> str:
        """The button's callback data.

        >>> Decision("pub", 12, "0a1b2c3d").encode()
        'ap:pub:12:0a1b2c3d'
        """
        return checked(f"{PREFIX}:{self.action}:{self.article_id}:{self.version}")


def decode_decision(data: str | None) -> Decision | None:
    """Parse a decision button's data; anything malformed or unknown gives ``None``.

    >>> decode_decision("ap:hold:7:0a1b2c3d")
    Decision(action='hold', article_id=7, version='0a1b2c3d')
    >>> decode_decision("ap:hold:7") is None
    True
    """
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != PREFIX or parts[1] not in ACTIONS:
        return None
    _, action, number, version = parts
    if not (number.isascii() and number.isdecimal()) or len(number) > 18 or int(number) < 1:
        return None
    if not _VERSION.fullmatch(version):
        return None
    return Decision(action, int(number), version)


def decision_keyboard(review: Review, lang: str) -> InlineKeyboardMarkup:
    """Publish, Hold and Discard for the version ``review`` is about."""
    buttons = [
        InlineKeyboardButton(
            say(label, lang),
            callback_data=Decision(action, review.article_id, review.version).encode(),
        )
        for action, (label, _) in ACTIONS.items()
    ]
    return InlineKeyboardMarkup([buttons])


def chats_named(chats: Sequence[str], lang: str) -> str:
    """Where the posts go: the digest chats, or the subscribers when there is none.

    >>> chats_named(["@a", "@b"], "en"), chats_named([], "en")
    ('@a, @b', 'the subscribers')
    """
    if not chats:
        return say("approval_to_subscribers", lang)
    return ("، " if lang == "fa" else ", ").join(chats)


def state_line(review: Review | None, lang: str) -> str:
    """Where the article stands: waiting, held, published, discarded, replaced, or free."""
    if review is None:
        return say("approval_released", lang)
    if not review.current:
        return say("approval_outdated", lang, id=review.article_id)
    name = review.decided_by_name or (f"#{review.decided_by}" if review.decided_by else "?")
    key = {
        "awaiting": "approval_awaiting",
        "held": "approval_held",
        "approved": "approval_approved",
        "rejected": "approval_rejected",
    }[review.state]
    return say(key, lang, name=name)


def prompt_text(
    article_id: int,
    title: str,
    count: int,
    chats: Sequence[str],
    review: Review | None,
    lang: str,
) -> str:
    """The message after a preview: what it was, for where, and where the article stands."""
    changed = review is not None and review.changed
    head = say(
        "approval_prompt_changed" if changed else "approval_prompt", lang, id=article_id,
        title=shorten(title, TITLE_CHARS), count=count, chats=chats_named(chats, lang),
    )  # fmt: skip
    return f"{head}\n{state_line(review, lang)}"


def awaiting_lines(reviews: Sequence[Review], lang: str) -> list[str]:
    """/status and /queue: one line per article waiting for approval (Telegram HTML)."""
    lines = []
    for review in reviews:
        title = shorten(review.title, TITLE_CHARS)
        if review.state == "held":
            name = review.decided_by_name or "?"
            lines.append(say("held_line", lang, id=review.article_id, title=title, name=name))
        else:
            lines.append(say("awaiting_line", lang, id=review.article_id, title=title))
    return lines


def preview_number(text: str | None) -> int | None:
    """The article number after /preview (``12``, ``#12``, Persian digits); ``None`` if none.

    ValueError for anything else.

    >>> preview_number(" #۱۲ "), preview_number("")
    (12, None)
    """
    if text is None or not text.strip():
        return None
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an article number: {text[:40]!r}")
    return int(match.group(1))
