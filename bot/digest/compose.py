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
from bot.digest.plan import SUMMARY, render_item
from bot.render import render_photo_summary
from bot.storage.articles import StoredArticle
from bot.storage.photos import PhotoRef, Photos

PartKind = Literal["text", "caption"]


@dataclass(frozen=True, slots=True)
class Part:
    """One message of a post: Telegram HTML sent as a text message or as a photo caption.

    A caption part carries its photo; text parts have none.
    """

    text: str
    kind: PartKind = "text"
    photo: PhotoRef | None = None


@dataclass(frozen=True, slots=True)
class Look:
    """How a chat's posts look: the signature on every message, link previews or none,
    and the calendar of the summary's date.

    Channel posts take theirs from the settings (:meth:`for_channels`) and date an
    article in its own language's calendar; a subscriber's private digest has no
    signature and no previews, and dates it in the subscriber's language (``lang``).
    """

    signature: str | None = None
    previews: bool = False
    #: The reader's language for the date (Jalali for ``fa``, else Gregorian); ``None``:
    #: the article's.
    lang: str | None = None

    @classmethod
    def for_channels(cls, settings: Settings) -> Look:
        """CHANNEL_SIGNATURE and LINK_PREVIEWS."""
        return cls(settings.channel_signature, settings.link_previews)


#: A private chat's posts: no signature, no link previews.
PLAIN = Look()


def post_parts(
    stored: StoredArticle,
    item: str,
    zone: tzinfo,
    look: Look = PLAIN,
    *,
    photos: Photos | None = None,
) -> list[Part]:
    """The messages of one planned item of a stored article; ``[]`` when it has none.

    With ``photos``, the summary of an article that has a photo is that photo with its
    caption first (:func:`~bot.render.render_photo_summary`), then the rest as text.
    """
    day = stored.date_in(zone)
    photo = photos.ref(stored.id) if photos is not None and item == SUMMARY else None
    if photo is not None:
        caption, *rest = render_photo_summary(
            stored.article, day, signature=look.signature, lang=look.lang
        )
        return [Part(caption, "caption", photo), *(Part(text) for text in rest)]
    texts = render_item(stored.article, item, day, signature=look.signature, lang=look.lang)
    return [Part(text) for text in texts]
