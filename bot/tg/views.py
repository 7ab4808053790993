"""What the bot answers, as data: messages and keyboards built from the store.

Handlers read the update, call one of these, and send the result; everything here is
testable without Telegram.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.article.sections import SUMMARY_SECTION, key_name
from bot.messages import say
from bot.render import (
    SUMMARY_TITLE,
    TITLE_CHARS,
    quotes_name,
    render_photo_summary,
    render_quotes,
    render_section,
    render_summary,
    section_name,
    shorten,
)
from bot.storage.articles import StoredArticle
from bot.storage.photos import PhotoRef
from bot.tg.callbacks import ViewRequest, checked, decode_action

BUTTONS_PER_ROW = 2
TITLE_BUTTON_CHARS = 60


@dataclass(frozen=True, slots=True)
class Reply:
    """Messages to send (the keyboard goes under the last one).

    With ``photo``, the first message is that photo's caption.
    """

    messages: tuple[str, ...]
    keyboard: InlineKeyboardMarkup | None = None
    article_id: int | None = None
    photo: PhotoRef | None = None


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[start : start + width]) for start in range(0, len(buttons), width)]


def shown_by(stored: StoredArticle, view: str | None) -> set[str]:
    """The views whose content the message of ``view`` already shows.

    The summary carries why it matters, so neither gets a button under the summary.

    """
    if view is None:
        return set()
    shown = {view}
    if view == "summary":
        why = stored.article.section(SUMMARY_SECTION)
        if why is not None and why.body:
            shown.add(SUMMARY_SECTION)
    return shown


def article_keyboard(
    stored: StoredArticle, current: str | None = None, lang: str | None = None
) -> InlineKeyboardMarkup:
    """Buttons for the article's views the message of ``current`` does not show already:
    summary, sections, quotes; named in ``lang`` (by default the article's)."""
    article = stored.article
    lang = lang or article.lang
    choices: list[tuple[str, str]] = [("summary", SUMMARY_TITLE.get(lang, SUMMARY_TITLE["fa"]))]
    seen = {"summary"}
    for section in article.sections:
        if section.key not in seen and section.body:
            seen.add(section.key)
            choices.append((section.key, section_name(section, lang)))
    if article.quotations:
        choices.append(("quotes", quotes_name(article, lang)))
    hidden = shown_by(stored, current)
    buttons = [
        InlineKeyboardButton(text, callback_data=ViewRequest(stored.id, view).encode())
        for view, text in choices
        if view not in hidden
    ]
    return InlineKeyboardMarkup(_rows(buttons, BUTTONS_PER_ROW))


def view_reply(
    stored: StoredArticle, view: str, lang: str, zone: tzinfo, photo: PhotoRef | None = None
) -> Reply:
    """One view of an article: ``summary``, ``quotes``, ``sections`` or a section key.

    The bot's own words, the buttons and the date are in the reader's ``lang`` (an
    English reader gets English buttons and a Gregorian date); the article's text stays
    in its language. The summary of an article with a ``photo`` is the photo with its
    caption first.
    """
    article = stored.article
    title = shorten(article.title, TITLE_CHARS)
    keyboard = article_keyboard(stored, current=view, lang=lang)
    if view == "summary" and photo is not None:
        messages = render_photo_summary(article, stored.date_in(zone), lang=lang)
        return Reply(tuple(messages), keyboard, stored.id, photo)
    if view == "summary":
        messages = render_summary(article, stored.date_in(zone), lang=lang)
    elif view == "quotes":
        if not article.quotations:
            return Reply((say("no_quotes", lang, title=title),), keyboard, stored.id)
        messages = render_quotes(article)
    elif view == "sections":
        return Reply((say("sections_title", lang, title=title),), keyboard, stored.id)
    else:
        section = article.section(view)
        if section is None or not section.body:
            name = key_name(view, lang)
            text = say("no_section", lang, title=title, name=name)
            return Reply((text,), keyboard, stored.id)
        messages = render_section(article, section)
    return Reply(tuple(messages), keyboard, stored.id)


def article_list(items: Sequence[tuple[int, str]], heading: str) -> Reply:
    """A heading and one button per article, each opening its summary."""
    buttons = [
        InlineKeyboardButton(
            shorten(title, TITLE_BUTTON_CHARS),
            callback_data=ViewRequest(article_id, "summary").encode(),
        )
        for article_id, title in items
    ]
    return Reply((heading,), InlineKeyboardMarkup(_rows(buttons, 1)))


def welcome(stored: StoredArticle | None, lang: str) -> Reply:
    """The /start message, with the latest article's buttons when there is one."""
    if stored is None:
        return Reply((say("welcome_empty", lang),))
    text = say("welcome", lang, title=shorten(stored.article.title, TITLE_CHARS))
    return Reply((text,), article_keyboard(stored, lang=lang), stored.id)


def plain(text: str) -> Reply:
    """A reply of one already-formatted message and no buttons."""
    return Reply((text,))


def uncertain_keyboard(post_id: int, lang: str = "fa") -> InlineKeyboardMarkup:
    """Buttons under an uncertain-post report: post again, or it did arrive."""
    again = InlineKeyboardButton(
        say("button_post_again", lang), callback_data=checked(f"p:again:{post_id}")
    )
    sent = InlineKeyboardButton(
        say("button_was_posted", lang), callback_data=checked(f"p:sent:{post_id}")
    )
    return InlineKeyboardMarkup([[again, sent]])


#: The actions of the uncertain-post buttons.
POST_ACTIONS = ("again", "sent")


def decode_choice(data: str | None) -> tuple[str, int] | None:
    """``(action, post id)`` of an uncertain-post button; ``None`` for anything malformed.

    >>> decode_choice("p:again:12")
    ('again', 12)
    >>> decode_choice("p:again:") is None
    True
    """
    return decode_action(data, "p", POST_ACTIONS)


__all__ = [
    "Reply",
    "article_keyboard",
    "article_list",
    "decode_choice",
    "plain",
    "shown_by",
    "uncertain_keyboard",
    "view_reply",
    "welcome",
]
