"""Rendering: every message valid for Telegram's parser and within the limit."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tgsandbox import clean_text, parse_html, text_length

from bot.article import Article, Block, Quote, Section, parse_article
from bot.article.model import TERM
from bot.render import (
    MESSAGE_LIMIT,
    TITLE_CHARS,
    cut_html,
    escape,
    quotes_name,
    render_quotes,
    render_section,
    render_summary,
    section_name,
    shorten,
)
from bot.text.jalali import format_jalali, to_gregorian, to_jalali

from .conftest import SAMPLE


def accepted(message: str) -> str:
    """The text Telegram shows for ``message``; fails as the real server would."""
    text, _ = parse_html(message)
    shown = clean_text(text)
    assert shown, "text must be non-empty"
    assert text_length(shown) <= MESSAGE_LIMIT, "message is too long"
    return shown


def starts_persian(text: str) -> bool:
    first = next((char for char in text if char.isalpha()), "")
    return "\u0600" <= first <= "\u06ff"


@pytest.fixture(scope="module")
def sample() -> Article:
    return parse_article(SAMPLE.read_text(encoding="utf-8"))


def test_summary(sample) -> None:
    [message] = render_summary(sample, date(2026, 11, 29))
    shown = accepted(message)
    assert shown.startswith(sample.title)
    assert "۸ آذر ۱۴۰۵" in shown
    assert "#اوکراین" in shown
    assert "چرا اهمیت دارد" in shown
    assert starts_persian(shown)


def test_sections_and_quotes(sample) -> None:
    for section in sample.sections:
        for message in render_section(sample, section):
            shown = accepted(message)
            assert starts_persian(shown)
            assert "<b>" in message
    background = render_section(sample, sample.section("background"))[0]
    assert background.count("• ") == 2
    quotes = render_quotes(sample)[0]
    assert quotes.count("<blockquote>") == 5
    assert "— ترامپ، رئیس‌جمهور" in accepted(quotes)


@pytest.mark.parametrize(
    ("lang", "quotes", "lines"),
    [
        ("fa", [Quote("الف", "کاوه نادری", "x", "مدیر بنادر")], ["— کاوه نادری، مدیر بنادر"]),
        ("fa", [Quote("الف", "یک مقام آمریکایی", "x")], ["— یک مقام آمریکایی"]),
        ("en", [Quote("a", "Dana Whitfield", "x", "Agency CEO")], ["— Dana Whitfield, Agency CEO"]),
        ("fa", [Quote("بی‌نام", None, "x")], []),
        ("fa", [Quote("آب بدون درآمد", None, "x", None, TERM), Quote("ب", "وزیر", "")], ["— وزیر"]),
    ],
)
def test_quote_speaker_lines_and_no_terms(lang: str, quotes: list[Quote], lines: list[str]) -> None:
    article = Article(title="عنوان" if lang == "fa" else "Title", lang=lang, quotes=tuple(quotes))
    shown = accepted(render_quotes(article)[0])
    assert [line for line in shown.split("\n") if line.startswith("— ")] == lines
    assert shown.count("\n— ") == len(lines)
    assert "آب بدون درآمد" not in shown


@pytest.mark.parametrize(
    ("key", "label", "lang", "name"),
    [
        # A Persian label is shown as the article wrote it, known or not.
        ("what_theyre_saying", "بیانیه آنها", "fa", "بیانیه آنها"),
        ("why_it_matters", "چرا مهم است", "fa", "چرا مهم است"),
        ("between_the_lines", "میان سطور", "fa", "میان سطور"),
        ("other", "نکته", "fa", "نکته"),
        # English shows the key's English name; a label in the other script its name.
        ("what_theyre_saying", "What he's saying", "en", "What they're saying"),
        ("background", "Catch up quick", "en", "Background"),
        ("what_theyre_saying", "بیانیه آنها", "en", "What they're saying"),
        ("latest", "Latest", "fa", "آخرین اخبار"),
        ("other", "Go deeper", "en", "Go deeper"),
        # No label: the key's name.
        ("latest", "", "fa", "آخرین اخبار"),
        ("latest", "  ", "fa", "آخرین اخبار"),
        ("other", "", "fa", ""),
        ("latest", "<b>تازه</b>", "fa", "<b>تازه</b>"),
    ],
)
def test_section_name(key: str, label: str, lang: str, name: str) -> None:
    assert section_name(Section(key, label), lang) == name


@pytest.mark.parametrize(
    ("lang", "sections", "name"),
    [
        ("fa", (), "آنچه می‌گویند"),
        ("en", (), "What they're saying"),
        ("fa", (Section("latest", "آخرین اخبار", (Block("paragraph", "x"),)),), "آنچه می‌گویند"),
        # Its own section (with a body) keeps the name: the quotes go apart from it.
        ("fa", (Section("what_theyre_saying", "بیانیه آنها", (Block("paragraph", "x"),)),),
         "نقل قول‌ها"),
        ("en", (Section("what_theyre_saying", "What they're saying", (Block("paragraph", "x"),)),),
         "Quotes"),
        ("fa", (Section("what_theyre_saying", "بیانیه آنها"),), "آنچه می‌گویند"),
    ],
)  # fmt: skip
def test_quotes_name(lang: str, sections: tuple[Section, ...], name: str) -> None:
    assert quotes_name(Article("عنوان", lang=lang, sections=sections)) == name


def test_quotes_name_in_the_readers_language() -> None:
    own = (Section("what_theyre_saying", "بیانیه آنها", (Block("paragraph", "x"),)),)
    assert quotes_name(Article("عنوان", sections=own), "en") == "Quotes"
    assert quotes_name(Article("عنوان"), "en") == "What they're saying"
    assert quotes_name(Article("Title", lang="en"), "fa") == "آنچه می‌گویند"


@pytest.mark.parametrize(
    ("title", "lang", "first"),
    [
        ("مذاکرات میامی", "fa", "آنچه می‌گویند\nمذاکرات میامی\n\n«"),
        ("Talks in Miami", "en", "What they're saying\nTalks in Miami\n\n"),
        ("<b>عنوان</b> & a < b", "fa", "آنچه می‌گویند\n<b>عنوان</b> & a < b\n\n"),
        # A title too long to repeat on every message gives way to the name alone.
        ("خبر " * 600, "fa", "آنچه می‌گویند\n\n"),
    ],
)
def test_quotes_post_is_headed_like_a_section(title: str, lang: str, first: str) -> None:
    article = Article(title, lang=lang, quotes=(Quote("«نه»", "وزیر", "latest"),))
    messages = render_quotes(article)
    assert messages == render_quotes(article, quotes_name(article))
    for message in messages:
        assert accepted(message).startswith(first)
    assert accepted(render_quotes(article, "نام")[0]).startswith("نام\n")


def test_markup_like_text_is_escaped() -> None:
    article = Article(
        title="<b>عنوان</b> & a < b",
        sections=(Section("latest", "آخرین اخبار", (Block("paragraph", "x <i> y &amp; z >"),)),),
        quotes=(Quote("<script>", "a & b", "latest"),),
        hashtags=("تست",),
    )
    for message in [
        *render_summary(article),
        *render_section(article, article.sections[0]),
        *render_quotes(article),
    ]:
        shown = accepted(message)
        assert "&lt;" not in shown
    assert "x <i> y &amp; z >" in accepted(render_section(article, article.sections[0])[0])


def test_long_section_is_split_into_valid_messages() -> None:
    sentence = "این جمله‌ای طولانی درباره بودجه <سال> و مجلس & دولت است. "
    paragraphs = [Block("paragraph", sentence * 40) for _ in range(6)]
    body = (*paragraphs, Block("bullet", "کلمه" * 3000))
    article = Article(title="عنوان", sections=(Section("details", "جزئیات", body),))
    messages = render_section(article, article.sections[0])
    assert len(messages) > 3
    shown = [accepted(message) for message in messages]
    assert all(text.startswith("جزئیات") for text in shown)
    joined = " ".join(shown)
    assert joined.count("بودجه") == 240


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("", 5, ""),
        ("خبر", 3, "خبر"),
        ("خبر", 2, "خ…"),
        ("abcdefghij", 1, "…"),
        ("a long title", 8, "a long…"),
        ("a long title", 7, "a long…"),
        ("word " * 20, 60, ("word " * 12).rstrip() + "…"),
        ("خبر " * 1250, TITLE_CHARS, ("خبر " * 250).rstrip() + "…"),
        ("<b>&amp;</b>", 5, "<b>&…"),
        ("می\u200cروم به خانه", 7, "می\u200cروم…"),
    ],
)
def test_shorten(text: str, limit: int, short: str) -> None:
    assert shorten(text, limit) == short
    assert len(short) <= limit


@pytest.mark.parametrize("limit", [0, -1])
def test_shorten_refuses_no_room(limit: int) -> None:
    with pytest.raises(ValueError, match="cannot shorten"):
        shorten("x", limit)


@pytest.mark.parametrize(
    ("markup", "limit", "cut"),
    [
        ("", 5, ""),
        ("abc", 3, "abc"),
        ("abcd", 3, "ab…"),
        ("<b>a &amp; b</b> c", 4, "<b>a &amp;…</b>"),
        ("<b>a &amp; b</b> c", 3, "<b>a …</b>"),
        ("&lt;&lt;&lt;&lt;", 2, "&lt;…"),
        ("a &amp b &#1234; c", 4, "a &…"),
        ("a &#1234; b", 4, "a &#1234;…"),
        ('<a href="x">link</a> and <i>more <b>here</b></i>', 11,
         '<a href="x">link</a> and <i>m…</i>'),
        ("<blockquote expandable>«نه»</blockquote>", 2, "<blockquote expandable>«…</blockquote>"),
        ("x" * 5000, MESSAGE_LIMIT, "x" * 4095 + "…"),
    ],
)  # fmt: skip
def test_cut_html(markup: str, limit: int, cut: str) -> None:
    assert cut_html(markup, limit) == cut
    if cut:
        assert text_length(parse_html(cut)[0]) <= limit


@pytest.mark.parametrize(("markup", "limit"), [("<b", 1), ("a", 0)])
def test_cut_html_refuses(markup: str, limit: int) -> None:
    with pytest.raises(ValueError, match="cut"):
        cut_html("x" * 10 + markup, limit)


def test_a_5000_character_title_is_shortened_in_every_post() -> None:
    title = "عنوان " * 1000
    body = (Block("paragraph", "متن."),)
    article = Article(
        title, sections=(Section("latest", "آخرین اخبار", body),),
        quotes=(Quote("«نه»", "وزیر", "latest"),), hashtags=("خبر",),
    )  # fmt: skip
    [summary] = render_summary(article, date(2026, 11, 29))
    shown = accepted(summary)
    assert shown.startswith(shorten(title, TITLE_CHARS) + "\n۸ آذر ۱۴۰۵")
    assert accepted(render_section(article, article.sections[0])[0]).startswith("آخرین اخبار\n\n")
    assert accepted(render_quotes(article)[0]).startswith("آنچه می‌گویند\n\n")


def test_a_huge_section_name_is_shortened() -> None:
    body = (Block("paragraph", "x"),)
    article = Article("عنوان", sections=(Section("other", "نام " * 2000, body),))
    [message] = render_section(article, article.sections[0])
    assert accepted(message).startswith(("نام " * 250).rstrip() + "…\n")


def test_escape() -> None:
    assert escape("") == ""
    assert escape("a < b & c > d") == "a &lt; b &amp; c &gt; d"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=300),
    paragraphs=st.lists(st.text(max_size=6000), max_size=4),
    quote=st.text(max_size=5000),
)
def test_any_article_renders_within_the_limit(title, paragraphs, quote) -> None:
    if not title.strip():
        title = "عنوان"
    body = tuple(Block("paragraph", text) for text in paragraphs if text.strip())
    article = Article(
        title=title,
        lede="\n".join(paragraphs) or None,
        sections=(Section("other", "برچسب <x>", body),),
        quotes=(Quote(quote or "«»", "گوینده", "other"),),
        hashtags=("خبر",),
    )
    for message in [
        *render_summary(article, date(2025, 3, 21)),
        *render_section(article, article.sections[0]),
        *render_quotes(article),
    ]:
        parse_html(message)
        assert text_length(parse_html(message)[0]) <= MESSAGE_LIMIT


@pytest.mark.parametrize(
    ("day", "jalali", "shown"),
    [
        (date(2025, 3, 21), (1404, 1, 1), "۱ فروردین ۱۴۰۴"),
        (date(2026, 11, 29), (1405, 9, 8), "۸ آذر ۱۴۰۵"),
        (date(2024, 3, 19), (1402, 12, 29), "۲۹ اسفند ۱۴۰۲"),
        (date(2025, 3, 20), (1403, 12, 30), "۳۰ اسفند ۱۴۰۳"),
        (date(2000, 1, 1), (1378, 10, 11), "۱۱ دی ۱۳۷۸"),
    ],
)
def test_jalali(day: date, jalali: tuple[int, int, int], shown: str) -> None:
    assert to_jalali(day) == jalali
    assert to_gregorian(*jalali) == day
    assert format_jalali(day) == shown


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        st.one_of(
            st.text(max_size=3000),
            st.sampled_from(["چرا مهم است: ", "- ", "آخرین اخبار:", "«", "»", "<b>", "a < b &"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_article_text_renders_within_the_limit(lines) -> None:
    article = parse_article("\n".join(lines))
    if not article.title:
        return
    messages = [*render_summary(article), *render_quotes(article)]
    for section in article.sections:
        messages.extend(render_section(article, section))
    for message in messages:
        text, _ = parse_html(message)
        assert text_length(text) <= MESSAGE_LIMIT
