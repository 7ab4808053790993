"""What one planned post looks like: its messages, ready to send, preview or compare.

Every path that puts a post in front of someone (the scheduled sender, an admin's
preview, a correction of a post already sent) builds it here, so all of them agree on
exactly what the chat gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Literal

from bot.digest.plan import render_item
from bot.storage.articles import StoredArticle

PartKind = Literal["text", "caption"]


@dataclass(frozen=True, slots=True)
class Part:
    """One message of a post: Telegram HTML sent as a text message or as a photo caption."""

    text: str
    kind: PartKind = "text"


def post_parts(stored: StoredArticle, item: str, zone: tzinfo) -> list[Part]:
    """The messages of one planned item of a stored article; ``[]`` when it has none."""
    return [Part(text) for text in render_item(stored.article, item, stored.date_in(zone))]
