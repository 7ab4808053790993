"""The whole path on hostile articles: parsing never raises, every message Telegram accepts.

Hypothesis writes articles with huge and empty lines, markup characters, control and
direction characters, thousands of bullets, quotes inside quotes and every section
label; each is parsed and stored, and every message a reader view or a digest post
would send must parse as Telegram HTML, be non-empty after the server's cleanup and
hold at most 4,096 characters (1,024 for a photo's caption); every keyboard must pass
the server's checks (callback data of 1 to 64 bytes, button text not empty).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from telegram import InlineKeyboardMarkup
from tgsandbox import parse_html, text_length
from tgsandbox.formatting import fix_formatted_text
from tgsandbox.validate import check_markup_on_server, formatted_text

from bot.article import SECTION_KEYS, parse_article
from bot.article.sections import SECTIONS
from bot.digest.plan import plan_items, render_item
from bot.render import CAPTION_LIMIT, MESSAGE_LIMIT, render_photo_summary
from bot.storage.articles import Store
from bot.storage.photos import PhotoRef
from bot.tg.views import Reply, article_list, view_reply, welcome

ZONE = ZoneInfo("Asia/Tehran")
VIEWS = ("summary", "quotes", "sections", *SECTION_KEYS, "no_such_view")
LABELS = [label for kind in SECTIONS for label in kind.renderings] + ["نکته تازه", "Go deeper"]
HOSTILE = "<>&\"'\x00\x01\x07\x0b\x1b\r\t\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
    "\u2066\u2067\u2068\u2069\u2028\u2029\ufeff\u0333«»“”„\"'#@/:;؛،.!?-•*"  # fmt: skip
QUOTES = [
    "«او گفت «ما گفتیم «نه»» و رفت»",
    "«نیمه‌باز",
    "»«",
    "“he said ‘no “never” ever’”",
    "وزیر گفت: «این <b>مهم</b> & فوری است.»",
    "«" * 50 + "»" * 50,
]
counter = itertools.count()


def _text(size: int) -> st.SearchStrategy[str]:
    return st.text(
        alphabet=st.one_of(st.sampled_from(HOSTILE), st.sampled_from("خبر وزیر ab ")),
        max_size=size,
    )


LINE = st.one_of(
    _text(200),
    st.just(""),
    st.builds(lambda word, n: word * n, st.sampled_from(["خبر ", "x", "<b>&amp;", "\u200c", " "]),
              st.integers(0, 1500)),  # huge lines
    st.builds(lambda label, rest: f"{label}: {rest}", st.sampled_from(LABELS), _text(80)),
    st.builds(lambda label: f"{label}:", st.sampled_from(LABELS)),
    st.builds(lambda label, rest: f"- {label}: {rest}", st.sampled_from(LABELS), _text(40)),
    st.builds(lambda text: f"- {text}", _text(60)),
    st.builds(lambda n, text: "\n".join(f"- {text} {i}" for i in range(n)),
              st.integers(1, 2500), _text(10)),  # thousands of bullets
    st.sampled_from(QUOTES),
    st.builds(lambda quote, who: f"{who} گفت: {quote}", st.sampled_from(QUOTES), _text(20)),
    st.sampled_from(["۸ آذر ۱۴۰۵", "عکس: رویترز", "Photo: AP", "#هشتگ", "# #"]),
)  # fmt: skip
ARTICLE = st.lists(LINE, min_size=0, max_size=14).map("\n".join)


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    store = Store.open(None)
    yield store
    store.close()


def accepted(message: str, limit: int = MESSAGE_LIMIT) -> None:
    """Fail as Telegram would on ``message``: bad HTML, empty, or over ``limit``."""
    parse_html(message)  # raises HtmlParseError with the server's message
    parsed = formatted_text(message, "HTML", "")  # raw size, then the same parser
    text, _ = fix_formatted_text(parsed.text, parsed.entities)  # "Text must be non-empty"
    assert text_length(parsed.text) <= limit, f"{text_length(parsed.text)} long"
    assert text_length(text) <= limit


def photo_post_accepted(messages: list[str] | tuple[str, ...]) -> None:
    """A photo's caption, then text messages: each as Telegram would check it."""
    caption, *rest = messages
    accepted(caption, CAPTION_LIMIT)
    for message in rest:
        accepted(message)


def keyboard_ok(keyboard: InlineKeyboardMarkup | None) -> None:
    if keyboard is not None:
        check_markup_on_server(keyboard.to_dict())
        for row in keyboard.inline_keyboard:
            for button in row:
                assert 1 <= len(str(button.callback_data).encode()) <= 64


def reply_ok(reply: Reply) -> int:
    assert reply.messages
    if reply.photo is not None:
        photo_post_accepted(reply.messages)
    else:
        for message in reply.messages:
            accepted(message)
    keyboard_ok(reply.keyboard)
    return len(reply.messages)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=ARTICLE, lang=st.sampled_from(["fa", "en"]))
@example(text="خبر " * 1200 + "\nلید.\nچرا مهم است: چون.\n" + QUOTES[0], lang="fa")
@example(text="\u202b<b>&amp;\u202c\n" + "\n".join(f"- {i} <" for i in range(3000)), lang="en")
@example(text="\x01\u200f\n" + "\n".join(f"{label}: «{label}»" for label in LABELS), lang="fa")
def test_every_message_of_a_hostile_article_is_accepted(store: Store, text: str, lang: str) -> None:
    article = parse_article(text)
    if not article.title:
        return  # ingest refuses an article without a title
    stored = store.get(store.ingest(article, f"hostile-{next(counter)}", text).id)
    assert stored is not None
    for view in VIEWS:
        reply_ok(view_reply(stored, view, lang, ZONE))
    photo = PhotoRef(stored.id, "0" * 64)
    with_photo = view_reply(stored, "summary", lang, ZONE, photo=photo)
    assert with_photo.photo == photo
    reply_ok(with_photo)
    reply_ok(welcome(stored, lang))
    reply_ok(article_list([(stored.id, article.title)], "<b>خبرها</b>"))
    sections = [(section.key, bool(section.body)) for section in article.sections]
    for item in plan_items(sections, bool(article.quotations)):
        for signature in (None, "@" + "x" * 99):
            messages = render_item(article, item, date(2026, 11, 29), signature=signature)
            for message in messages:
                accepted(message)
    for signature in (None, "@" + "x" * 99):
        photo_post_accepted(render_photo_summary(article, date(2026, 11, 29), signature=signature))
