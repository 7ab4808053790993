"""Reader views: the messages and keyboards built from the store, without Telegram."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from telegram import InlineKeyboardMarkup
from tgsandbox import clean_text, parse_html, text_length

from bot.article import Article, Block, Quote, Section
from bot.digest.plan import render_item
from bot.pipeline.ingest import ingest_paths
from bot.render import MESSAGE_LIMIT, TITLE_CHARS, shorten
from bot.storage.articles import Store, StoredArticle
from bot.tg.callbacks import ViewRequest, checked, decode
from bot.tg.views import (
    Reply,
    article_keyboard,
    article_list,
    decode_choice,
    plain,
    uncertain_keyboard,
    view_reply,
    welcome,
)

from .conftest import SAMPLE

ZONE = ZoneInfo("Asia/Tehran")
SAMPLE_KEYS = [
    "why_it_matters", "latest", "background", "state_of_play", "what_theyre_saying",
    "whats_next",
]  # fmt: skip
HOSTILE_TITLE = "<b>Tom & Jerry</b> <script>x</script> &amp; خبر"
LONG_TITLE = "خبر " * 1250  # 5,000 characters


def shown(message: str) -> str:
    """The text Telegram shows for ``message``; fails as the real server would."""
    text, _ = parse_html(message)
    visible = clean_text(text)
    assert visible, "text must be non-empty"
    assert text_length(visible) <= MESSAGE_LIMIT, f"message is {text_length(visible)} long"
    return visible


def buttons(keyboard: InlineKeyboardMarkup | None) -> list[tuple[str, str]]:
    """Every button of ``keyboard`` as (text, callback data), row by row."""
    if keyboard is None:
        return []
    return [(b.text, str(b.callback_data)) for row in keyboard.inline_keyboard for b in row]


@pytest.fixture(scope="module")
def store(normalizer) -> Iterator[Store]:
    """An in-memory store holding the sample article."""
    store = Store.open(None)
    [result] = ingest_paths(store, [SAMPLE], normalizer=normalizer)
    assert result.ok
    yield store
    store.close()


@pytest.fixture(scope="module")
def sample(store: Store) -> StoredArticle:
    stored = store.latest()
    assert stored is not None
    return stored


TERM_ONLY = (Quote("آب بدون درآمد", None, "why_it_matters", None, "term"),)


def made(
    title: str, *, quotes: bool = True, empty_section: bool = False, terms: bool = False
) -> StoredArticle:
    """A stored article with ``title``: two sections (one maybe empty), a quote or a term."""
    body = (Block("paragraph", "وزیر گفت «فردا» می‌آید."), Block("bullet", "a < b & c"))
    sections = [Section("why_it_matters", "چرا مهم است", body)]
    sections.append(Section("whats_next", "گام بعدی", () if empty_section else body))
    article = Article(
        title=title,
        lede="لید <خبر> & بیشتر.",
        sections=tuple(sections),
        quotes=(Quote("فردا", "وزیر", "why_it_matters"),) if quotes else TERM_ONLY if terms else (),
        hashtags=("خبر",),
    )
    store = Store.open(None)
    try:
        result = store.ingest(article, "test", title)
        stored = store.get(result.id)
    finally:
        store.close()
    assert stored is not None
    return stored


@pytest.mark.parametrize(
    ("current", "views"),
    [
        (None, ["summary", *SAMPLE_KEYS, "quotes"]),
        # The summary shows why it matters: no button for either.
        ("summary", [*SAMPLE_KEYS[1:], "quotes"]),
        ("why_it_matters", ["summary", *SAMPLE_KEYS[1:], "quotes"]),
        ("latest", ["summary", *(k for k in SAMPLE_KEYS if k != "latest"), "quotes"]),
        ("quotes", ["summary", *SAMPLE_KEYS]),
        ("sections", ["summary", *SAMPLE_KEYS, "quotes"]),
        ("zoom_in", ["summary", *SAMPLE_KEYS, "quotes"]),
        ("", ["summary", *SAMPLE_KEYS, "quotes"]),
    ],
)
def test_article_keyboard(sample: StoredArticle, current: str | None, views: list[str]) -> None:
    keyboard = article_keyboard(sample, current)
    assert all(len(row) <= 2 for row in keyboard.inline_keyboard)
    requests = [decode(data) for _, data in buttons(keyboard)]
    assert requests == [ViewRequest(sample.id, view) for view in views]
    names = dict(zip(views, (text for text, _ in buttons(keyboard)), strict=True))
    # The sample's own labels (its «بیانیه آنها» too); its quotes apart from that section.
    display = {"summary": "خلاصه", "quotes": "نقل قول‌ها"}
    display |= {section.key: section.label for section in sample.article.sections}
    assert names == {view: display[view] for view in views}


ENGLISH_NAMES = {
    "summary": "Summary", "why_it_matters": "Why it matters", "latest": "The latest",
    "background": "Background", "state_of_play": "State of play",
    "what_theyre_saying": "What they're saying", "whats_next": "What's next", "quotes": "Quotes",
}  # fmt: skip


@pytest.mark.parametrize("current", [None, "summary", "latest", "quotes", "sections"])
def test_article_keyboard_in_english(sample: StoredArticle, current: str | None) -> None:
    persian = [data for _, data in buttons(article_keyboard(sample, current))]
    english = buttons(article_keyboard(sample, current, lang="en"))
    assert [data for _, data in english] == persian, "the same buttons, named in English"
    assert [text for text, _ in english] == [
        ENGLISH_NAMES[request.view] for _, data in english if (request := decode(data))
    ]


@pytest.mark.parametrize(
    ("view", "lang", "hidden"),
    [
        ("summary", "fa", {"summary", "why_it_matters"}),
        ("summary", "en", {"summary", "why_it_matters"}),
        ("why_it_matters", "fa", {"why_it_matters"}),
        ("whats_next", "en", {"whats_next"}),
        ("quotes", "fa", {"quotes"}),
        ("sections", "fa", set()),
        ("zoom_in", "en", set()),
        ("", "fa", set()),
    ],
)
def test_the_buttons_never_offer_what_the_message_shows(
    sample: StoredArticle, view: str, lang: str, hidden: set[str]
) -> None:
    reply = view_reply(sample, view, lang, ZONE)
    offered = set(views_of(reply))
    everything = {"summary", *SAMPLE_KEYS, "quotes"}
    assert offered == everything - hidden


def test_a_summary_without_why_it_matters_offers_it_not() -> None:
    stored = made("خبر", quotes=False)
    assert "why_it_matters" not in views_of(view_reply(stored, "summary", "fa", ZONE))
    # An article whose why-it-matters is empty has no such button anywhere.
    bare = made("خبر", quotes=False, empty_section=True)
    assert views_of(view_reply(bare, "summary", "en", ZONE)) == []


@pytest.mark.parametrize(
    ("lang", "date_line"), [("fa", "۸ آذر ۱۴۰۵"), ("en", "29 November 2026")]
)
def test_summary_date_in_the_readers_calendar(lang: str, date_line: str) -> None:
    dated = made("خبر تاریخ‌دار")
    stored = replace(dated, article=replace(dated.article, published=date(2026, 11, 29)))
    [summary] = [shown(m) for m in view_reply(stored, "summary", lang, ZONE).messages]
    assert summary.splitlines()[:2] == ["خبر تاریخ‌دار", date_line]


def test_article_keyboard_skips_empty_sections_and_missing_quotes() -> None:
    stored = made("خبر", quotes=False, empty_section=True)
    assert [decode(data) for _, data in buttons(article_keyboard(stored))] == [
        ViewRequest(stored.id, "summary"),
        ViewRequest(stored.id, "why_it_matters"),
    ]


@pytest.mark.parametrize(
    ("view", "lang", "first"),
    [
        ("summary", "fa", "{title}\n"),
        ("summary", "en", "{title}\n"),
        ("quotes", "fa", "نقل قول‌ها\n{title}\n\n"),
        ("sections", "fa", "{title}\nبخش‌های این خبر:"),
        ("sections", "en", "{title}\nSections of this article:"),
        ("why_it_matters", "fa", "چرا اهمیت دارد\n{title}\n\n"),
        ("latest", "fa", "آخرین اخبار\n{title}\n\n"),
        ("background", "en", "پیش‌زمینه خبر\n{title}\n\n"),
        ("state_of_play", "fa", "وضعیت فعلی\n{title}\n\n"),
        ("what_theyre_saying", "fa", "بیانیه آنها\n{title}\n\n"),
        ("whats_next", "fa", "گام‌های آینده\n{title}\n\n"),
        ("zoom_in", "fa", "خبر «{title}» بخش «نمای نزدیک» ندارد."),
        ("zoom_in", "en", "The article “{title}” has no “Zoom in” section."),
        ("bogus", "fa", "خبر «{title}» بخش «bogus» ندارد."),
        ("", "fa", "خبر «{title}» بخش «» ندارد."),
    ],
)
def test_view_reply_on_the_sample(sample: StoredArticle, view: str, lang: str, first: str) -> None:
    reply = view_reply(sample, view, lang, ZONE)
    assert reply.article_id == sample.id
    assert reply.keyboard == article_keyboard(sample, current=view, lang=lang)
    texts = [shown(message) for message in reply.messages]
    assert texts[0].startswith(first.format(title=sample.article.title))


def test_summary_and_quotes_of_the_sample(sample: StoredArticle) -> None:
    [summary] = [shown(m) for m in view_reply(sample, "summary", "fa", ZONE).messages]
    assert "چرا اهمیت دارد" in summary and "#اوکراین" in summary
    quotes = "\n".join(shown(m) for m in view_reply(sample, "quotes", "fa", ZONE).messages)
    assert quotes.count("\n— ") >= 5 and "— یک مقام آمریکایی" in quotes


def views_of(reply: Reply) -> list[str]:
    """The views the reply's buttons open."""
    return [request.view for _, data in buttons(reply.keyboard) if (request := decode(data))]


def test_quotes_view_is_headed_like_the_channel_post() -> None:
    stored = made("خبر با نقل‌قول")
    reply = view_reply(stored, "quotes", "en", ZONE)
    [message] = [shown(m) for m in reply.messages]
    assert message == "آنچه می‌گویند\nخبر با نقل‌قول\n\nفردا\n— وزیر"
    assert message == shown(render_item(stored.article, "quotes")[0])
    assert ("آنچه می‌گویند", ViewRequest(stored.id, "quotes").encode()) in buttons(
        view_reply(stored, "summary", "fa", ZONE).keyboard
    )


def test_sections_show_the_articles_own_labels() -> None:
    stored = made("خبر")
    names = [text for text, _ in buttons(article_keyboard(stored))]
    assert names == ["خلاصه", "چرا مهم است", "گام بعدی", "آنچه می‌گویند"]
    assert shown(view_reply(stored, "whats_next", "fa", ZONE).messages[0]).startswith("گام بعدی\n")


@pytest.mark.parametrize("terms", [False, True])
def test_view_reply_without_quotes(terms: bool) -> None:
    stored = made("خبر بی‌نقل‌قول", quotes=False, terms=terms)
    assert len(stored.article.quotes) == int(terms)
    reply = view_reply(stored, "quotes", "fa", ZONE)
    assert [shown(m) for m in reply.messages] == ["در خبر «خبر بی‌نقل‌قول» نقل قولی نیامده است."]
    assert views_of(reply) == ["summary", "why_it_matters", "whats_next"]


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("summary", [HOSTILE_TITLE, "لید <خبر> & بیشتر.", "a < b & c", "#خبر"]),
        ("quotes", ["فردا\n— وزیر"]),
        ("sections", [HOSTILE_TITLE]),
        ("why_it_matters", [HOSTILE_TITLE, "• a < b & c"]),
        ("zoom_in", [f"«{HOSTILE_TITLE}»"]),
    ],
)
def test_hostile_text_is_shown_as_written(view: str, expected: list[str]) -> None:
    reply = view_reply(made(HOSTILE_TITLE), view, "fa", ZONE)
    everything = "\n".join(shown(message) for message in reply.messages)
    for part in expected:
        assert part in everything


@pytest.mark.parametrize(
    "view", ["quotes", "why_it_matters", "whats_next", "summary", "sections", "zoom_in"]
)
def test_a_5000_character_title_fits_in_messages(view: str) -> None:
    stored = made(LONG_TITLE)
    messages = [shown(message) for message in view_reply(stored, view, "fa", ZONE).messages]
    if view in ("summary", "sections", "zoom_in"):
        # The title is shown, cut after a whole word and marked with «…».
        assert shorten(LONG_TITLE, TITLE_CHARS).endswith("خبر خبر…")
        assert shorten(LONG_TITLE, TITLE_CHARS) in messages[0]


@pytest.mark.parametrize(
    ("title", "button"),
    [
        ("", ""),
        ("خبر", "خبر"),
        ("a" * 60, "a" * 60),
        ("a" * 61, "a" * 59 + "…"),
        ("word " * 20, ("word " * 12).rstrip() + "…"),
        (HOSTILE_TITLE, HOSTILE_TITLE),
        (LONG_TITLE, LONG_TITLE[:59].rstrip() + "…"),
    ],
)
def test_article_list_buttons(title: str, button: str) -> None:
    reply = article_list([(7, title), (8, "دوم")], "<b>تازه‌ترین خبرها</b>")
    assert reply.messages == ("<b>تازه‌ترین خبرها</b>",)
    assert reply.article_id is None
    assert buttons(reply.keyboard) == [(button, "v:7:summary"), ("دوم", "v:8:summary")]
    assert reply.keyboard is not None
    assert all(len(row) == 1 for row in reply.keyboard.inline_keyboard)


def test_article_list_of_nothing_and_of_the_store(store: Store, sample: StoredArticle) -> None:
    assert article_list([], "h") == Reply(("h",), InlineKeyboardMarkup([]))
    reply = article_list(store.recent(10), "h")
    assert [decode(data) for _, data in buttons(reply.keyboard)] == [
        ViewRequest(sample.id, "summary")
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fa", "هنوز خبری ثبت نشده است"), ("en", "No article has been published yet"), ("", "هنوز")],
)
def test_welcome_to_an_empty_store(lang: str, expected: str) -> None:
    reply = welcome(Store.open(None).latest(), lang)
    assert reply.keyboard is None and reply.article_id is None
    [text] = [shown(message) for message in reply.messages]
    assert expected in text


@pytest.mark.parametrize(
    ("lang", "expected"), [("fa", "تازه‌ترین خبر: "), ("en", "Latest article: ")]
)
def test_welcome_with_the_latest_article(sample: StoredArticle, lang: str, expected: str) -> None:
    reply = welcome(sample, lang)
    [text] = [shown(message) for message in reply.messages]
    assert expected + sample.article.title in text
    assert reply.keyboard == article_keyboard(sample, lang=lang)
    assert reply.article_id == sample.id
    names = [text for row in reply.keyboard.inline_keyboard for text in (b.text for b in row)]
    assert names[0] == ("Summary" if lang == "en" else "خلاصه")


def test_welcome_shows_a_hostile_title_as_written() -> None:
    [text] = [shown(m) for m in welcome(made(HOSTILE_TITLE), "fa").messages]
    assert HOSTILE_TITLE in text


def test_welcome_with_a_5000_character_title_fits() -> None:
    [message] = welcome(made(LONG_TITLE), "fa").messages
    assert "خبر…\n" in shown(message)


@pytest.mark.parametrize("text", ["", "x", "<b>bold</b>"])
def test_plain(text: str) -> None:
    assert plain(text) == Reply((text,), None, None)


@pytest.mark.parametrize(
    ("lang", "texts"), [("fa", ["ارسال دوباره", "رسیده بود"]), ("en", ["Post again", "It arrived"])]
)
def test_uncertain_keyboard(lang: str, texts: list[str]) -> None:
    keyboard = uncertain_keyboard(42, lang)
    assert len(keyboard.inline_keyboard) == 1
    assert buttons(keyboard) == list(zip(texts, ["p:again:42", "p:sent:42"], strict=True))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("p:again:42", ("again", 42)),
        ("p:sent:1", ("sent", 1)),
        ("p:sent:0", ("sent", 0)),
        (None, None),
        ("", None),
        ("p", None),
        ("p:", None),
        ("p:again", None),
        ("p:again:", None),
        ("p:again:x", None),
        ("p:again:-1", None),
        ("p:again:1.5", None),
        ("p:again: 1", None),
        ("p:again:1:2", None),
        ("p:delete:1", None),
        ("v:again:1", None),
        ("p:again:١٢", None),
        ("p:again:" + "9" * 19, None),
        ("p:again:" + "9" * 100, None),
        ("p:sent:1\x00", None),
    ],
)
def test_decode_choice(data: str | None, expected: tuple[str, int] | None) -> None:
    assert decode_choice(data) == expected


def test_decode_choice_reads_what_the_keyboard_writes() -> None:
    for row in uncertain_keyboard(987654321).inline_keyboard:
        for button in row:
            assert isinstance(button.callback_data, str)
            assert decode_choice(button.callback_data) is not None


@pytest.mark.parametrize("data", ["", "v:1:summary", "a" * 64, "خ" * 32])
def test_callback_data_within_64_bytes_is_kept(data: str) -> None:
    assert checked(data) == data


@pytest.mark.parametrize("data", ["a" * 65, "خ" * 33, "v:1:" + "\x00" * 61])
def test_callback_data_over_64_bytes_is_refused(data: str) -> None:
    with pytest.raises(ValueError, match="over 64 bytes"):
        checked(data)
