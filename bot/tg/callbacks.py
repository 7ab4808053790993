"""Callback data: short ids, never titles, always within Telegram's 64 bytes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.article import SECTION_KEYS

MAX_BYTES = 64
#: ``<prefix>:<action>:<id>``: the data of the admins' buttons that act on one row.
_ACTION = re.compile(r"([a-z]+):([a-z]+):([0-9]{1,18})")


def checked(data: str) -> str:
    """``data`` if it fits in a button's callback data; ValueError if it does not.

    >>> checked("v:1:summary")
    'v:1:summary'
    """
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data

#: Views a button can open besides the sections themselves.
VIEWS = frozenset({"summary", "quotes", "sections"}) | frozenset(SECTION_KEYS)


@dataclass(frozen=True, slots=True)
class ViewRequest:
    """Show ``view`` (a section key, ``summary``, ``quotes`` or ``sections``) of an article."""

    article_id: int
    view: str

    def encode(self) -> str:
        """``v:<article id>:<view>``.

        >>> ViewRequest(12, "whats_next").encode()
        'v:12:whats_next'
        """
        return checked(f"v:{self.article_id}:{self.view}")


def decode(data: str | None) -> ViewRequest | None:
    """Parse callback data; anything malformed or unknown gives ``None``.

    >>> decode("v:12:whats_next")
    ViewRequest(article_id=12, view='whats_next')
    >>> decode("v:x:y") is None
    True
    """
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    kind, _, rest = data.partition(":")
    article, _, view = rest.partition(":")
    if kind != "v" or not article.isdecimal() or view not in VIEWS:
        return None
    return ViewRequest(int(article), view)


def decode_action(data: str | None, prefix: str, actions: Sequence[str]) -> tuple[str, int] | None:
    """``(action, id)`` of a ``<prefix>:<action>:<id>`` button whose action is one of
    ``actions``; ``None`` for anything malformed or of another prefix.

    >>> decode_action("k:again:12", "k", ("again", "done")), decode_action("r:yes:3", "r", ("yes",))
    (('again', 12), ('yes', 3))
    >>> decode_action("k:again:", "k", ("again",)) is None
    True
    """
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    match = _ACTION.fullmatch(data)
    if match is None or match.group(1) != prefix or match.group(2) not in actions:
        return None
    return match.group(2), int(match.group(3))
