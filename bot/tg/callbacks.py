"""Callback data: short ids, never titles, always within Telegram's 64 bytes."""

from __future__ import annotations

from dataclasses import dataclass

from bot.article import SECTION_KEYS

MAX_BYTES = 64


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
