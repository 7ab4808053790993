"""What one planned post looks like: its messages, ready to send, preview or compare.

Every path that puts a post in front of someone (the scheduled sender, an admin's
preview, a correction of a post already sent) builds it here, so all of them agree on
exactly what the chat gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Literal

from bot.config import Settings
from bot.digest.plan import render_item
from bot.storage.articles import StoredArticle

PartKind = Literal["text", "caption"]


@dataclass(frozen=True, slots=True)
class Part:
    """One message of a post: Telegram HTML sent as a text message or as a photo caption."""

    text: str
    kind: PartKind = "text"


@dataclass(frozen=True, slots=True)
class Look:
    """How a chat's posts look: the signature on every message, link previews or none.

    Channel posts take theirs from the settings (:meth:`for_channels`); a subscriber's
    private digest has the default: no signature, no previews.
    """

    signature: str | None = None
    previews: bool = False

    @classmethod
    def for_channels(cls, settings: Settings) -> Look:
        """CHANNEL_SIGNATURE and LINK_PREVIEWS."""
        return cls(settings.channel_signature, settings.link_previews)


#: A private chat's posts: no signature, no link previews.
PLAIN = Look()


def post_parts(stored: StoredArticle, item: str, zone: tzinfo, look: Look = PLAIN) -> list[Part]:
    """The messages of one planned item of a stored article; ``[]`` when it has none."""
    day = stored.date_in(zone)
    return [Part(text) for text in render_item(stored.article, item, day, signature=look.signature)]
