"""The parser on the sample article and on edge cases; quotes and speakers."""

from __future__ import annotations

import pytest

from bot.article import parse_article
from bot.article.quotes import quote_spans, speaker_of
from bot.text import ZWNJ

from .conftest import SAMPLE

Z = ZWNJ


@pytest.fixture(scope="module")
def sample():
    return parse_article(SAMPLE.read_text(encoding="utf-8"))


def test_sample_structure(sample) -> None:
    assert sample.title.startswith("ایالات متحده و اوکراین مذاکرات ماراتونی")
    assert sample.lang == "fa"
    assert sample.caption is not None and "عکس:" in sample.caption
    assert sample.lede is not None and sample.lede.startswith("به گزارش مقامات آمریکایی")
    assert [s.key for s in sample.sections] == [
        "why_it_matters", "latest", "background", "state_of_play", "what_theyre_saying",
        "whats_next",
    ]  # fmt: skip
    body = {s.key: [b.type for b in s.body] for s in sample.sections}
    assert body["background"] == ["paragraph", "bullet", "bullet"]
    assert body["state_of_play"] == ["paragraph", "bullet", "bullet", "bullet"]
    assert body["what_theyre_saying"] == ["paragraph", "bullet", "bullet"]


def test_sample_quotes(sample) -> None:
    speakers = {q.text: (q.speaker, q.role) for q in sample.quotes}
    assert len(sample.quotes) == 5
    assert all(q.speaker and q.kind == "quote" for q in sample.quotes)
    assert speakers["بسیار خوب"] == ("ترامپ", f"رئیس{Z}جمهور")
    assert speakers["مثبت"] == ("یک مقام آمریکایی", None)
    assert [q.section for q in sample.quotes] == [
        "latest", "background", "state_of_play", "what_theyre_saying", "what_theyre_saying",
    ]  # fmt: skip


def test_sample_half_spaces(sample) -> None:
    text = "\n".join(
        [sample.title, sample.lede or ""] + [s.label + "\n" + s.text for s in sample.sections]
    )
    for word in [
        "می‌کنند", "رئیس‌جمهور", "پیش‌زمینه", "بیانیه‌ای", "حساس‌ترین", "قتل‌ها", "سه‌شنبه",
        "پنج‌شنبه", "گام‌های", "ایده‌های", "بوده‌اند", "قابلیت‌های",
    ]:  # fmt: skip
        assert word in text, word


def test_sample_hashtags(sample) -> None:
    # The places and people of the title and lede; not its verbs or time words.
    assert sample.hashtags == ("اوکراین", "مذاکرات", "ترامپ", "میامی", "ایالات_متحده")


@pytest.mark.parametrize(
    ("text", "title", "sections"),
    [
        ("", "", 0),
        ("\n\n  \n", "", 0),
        ("فقط عنوان", "فقط عنوان", 0),
        ("عنوان\nلید خبر.", "عنوان", 0),
        ("عنوان\nچرا مهم است: زیرا.", "عنوان", 1),
        ("<b>عنوان</b>\na < b & c: d", "<b>عنوان</b>", 0),
    ],
)
def test_edge_articles(text: str, title: str, sections: int) -> None:
    article = parse_article(text)
    assert article.title == title
    assert len(article.sections) == sections


def test_markup_is_kept_as_text() -> None:
    article = parse_article("عنوان <b>\nچرا مهم است: a < b &amp; «c»\n- <i>مورد</i>")
    section = article.sections[0]
    assert section.body[0].text == "a < b &amp; «c»"
    assert section.body[1].text == "<i>مورد</i>"
    assert article.title == "عنوان <b>"


def test_bullets_attach_to_the_section_above() -> None:
    article = parse_article("ع\nلید\nآخرین اخبار:\n- یک\n• دو\nپاراگراف\nگام بعدی: سه\n* چهار")
    assert [(s.key, [b.type for b in s.body]) for s in article.sections] == [
        ("latest", ["bullet", "bullet", "paragraph"]),
        ("whats_next", ["paragraph", "bullet"]),
    ]
    assert article.lede == "لید"


def test_label_alone_on_its_line() -> None:
    article = parse_article("ع\nچرا مهم است:\nچون.\n")
    assert article.sections[0].body[0].text == "چون."


def test_unknown_label_is_other_with_warning() -> None:
    article = parse_article("ع\nنگاه هواداران: خوب")
    assert article.sections[0].key == "other"
    assert article.warnings


def test_unlabelled_article_gets_a_summary() -> None:
    lede = " ".join(f"جمله شماره {n} درباره بودجه و مجلس است." for n in range(6))
    article = parse_article("بودجه مجلس\n" + lede)
    assert article.sections == ()
    assert 2 <= len(article.summary) <= 3


def test_english_article() -> None:
    article = parse_article(
        "Talks resume in Miami\nPhoto: AP\nOfficials met on Friday.\n"
        'Why it matters: Stakes are high.\nThe latest: "We made progress," Rubio said.\n'
        "- He added: “It is close.”"
    )
    assert article.lang == "en"
    assert article.caption == "Photo: AP"
    assert [s.key for s in article.sections] == ["why_it_matters", "latest"]
    assert [(q.text, q.speaker) for q in article.quotes] == [
        ("We made progress,", "Rubio"),
        ("It is close.", "Rubio"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("وزیر گفت: «نه».", "وزیر"),
        ("به گزارش ایرنا، سخنگوی دولت روز شنبه گفت: «بله».", "سخنگوی دولت"),
        ("«بله»، سخنگوی دولت افزود.", "سخنگوی دولت"),
        ("به گفته وزارت خارجه، مذاکرات «سازنده» بود.", "وزارت خارجه"),
        ("طبق گفته منبعی مطلع، طرفین «نزدیک» هستند.", "منبعی مطلع"),
        ("به نقل از رویترز، قیمت‌ها «بالا» است.", "رویترز"),
        ("رئیس‌جمهور ترامپ گفت مذاکرات «بسیار خوب» بود.", "ترامپ"),
        ("قیمت‌ها «بالا» است.", None),
        ("وزارت امور خارجه در بیانیه‌ای اعلام کرد که اوماروف تأکید کرد که «الف».", "اوماروف"),
        ("نماینده مجلس این طرح را «عجولانه» خواند.", "نماینده مجلس"),
        ("", None),
    ],
)
def test_speaker_rules(sentence: str, speaker: str | None) -> None:
    spans = quote_spans(sentence)
    if not sentence:
        assert spans == []
        return
    assert speaker_of(sentence, spans[0]) == speaker


def test_pronoun_speaker_is_the_last_named_one() -> None:
    article = parse_article("ع\nلید: \nوزیر گفت: «الف».\nوی افزود: «ب».")
    assert [q.speaker for q in article.quotes] == ["وزیر", "وزیر"]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("", []),
        ("«»", []),
        ("«الف»", ["الف"]),
        ("«الف «ب» ج» و «د»", ["الف «ب» ج", "د"]),
        ("«بسته نشده", []),
        ("»«", []),
    ],
)
def test_quote_spans(text: str, quotes: list[str]) -> None:
    assert [span.text for span in quote_spans(text)] == quotes


def test_json_schema(sample) -> None:
    data = sample.to_json()
    assert {"title", "lang", "caption", "lede", "sections", "quotes"} <= set(data)
    section = data["sections"][0]
    assert set(section) == {"key", "label", "body"}
    assert set(section["body"][0]) == {"type", "text"}
    assert set(data["quotes"][0]) == {"text", "speaker", "role", "kind", "section"}


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("۱۴۰۵/۰۹/۰۸", "2026-11-29"),
        ("1405-9-8", "2026-11-29"),
        ("تاریخ: ۸ آذر ۱۴۰۵", "2026-11-29"),
        ("شنبه ۸ آذر ۱۴۰۵", "2026-11-29"),
        ("2026-11-29", "2026-11-29"),
        ("Published: November 29, 2026", "2026-11-29"),
        ("", None),
        ("۱۴۰۵/۱۳/۰۱", None),
        ("1405/12/31", None),
        ("قیمت ۳.۴ درصد", None),
        ("2026-02-30", None),
    ],
)
def test_datelines(line: str, iso: str | None) -> None:
    from bot.article.dates import parse_dateline

    found = parse_dateline(line)
    assert (found.isoformat() if found else None) == iso


def test_dateline_becomes_the_article_date() -> None:
    article = parse_article("عنوان\n۱۴۰۵/۰۹/۰۸\nلید.\nچرا مهم است: متن.")
    assert article.published is not None and article.published.isoformat() == "2026-11-29"
    assert article.lede == "لید."
    assert article.to_json()["date"] == "2026-11-29"


@pytest.mark.parametrize(
    ("last", "source"),
    [
        ("منبع: https://www.irna.ir/news/85123456", "https://www.irna.ir/news/85123456"),
        ("منبع: ایرنا https://www.irna.ir/news/1", "https://www.irna.ir/news/1"),
        ("منبع خبر: خبرگزاری ایسنا - https://isna.ir/x?a=1&b=2.", "https://isna.ir/x?a=1&b=2"),
        ("منبع: www.irna.ir/news/1", "http://www.irna.ir/news/1"),
        ("Source: AP https://apnews.com/article/x-123", "https://apnews.com/article/x-123"),
        ("source : https://apnews.com/a", "https://apnews.com/a"),
        ("🔗 منبع: https://x.ir/a_(b)", "https://x.ir/a_(b)"),
        # Not a source line: no web address, another scheme, two addresses, text after it.
        ("منبع: ایرنا", None),
        ("منبع: ftp://irna.ir/news", None),
        ("منبع: javascript:alert(1)", None),
        ("منبع: https://a.ir و https://b.ir", None),
        ("منبع: https://a.ir به نقل از ایرنا", None),
        ("منبع: https://localhost/x", None),
        ("منبع: https://", None),
        ("<b>منبع</b>: https://a.ir", None),
        ("", None),
    ],
)
def test_source_line(last: str, source: str | None) -> None:
    text = f"عنوان\nلید خبر.\nچرا مهم است: چون.\n{last}"
    article = parse_article(text)
    assert article.source_url == source
    assert article.to_json()["source"] == source
    bodies = [block.text for section in article.sections for block in section.body]
    if source is not None:
        # The source line is not part of any section's body, nor a section of its own.
        assert [s.key for s in article.sections] == ["why_it_matters"]
        assert bodies == ["چون."]
        assert not any("منبع" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    ("last", "credit", "url"),
    [
        ("منبع: خبرگزاری تسنیم", "خبرگزاری تسنیم", None),
        ("منبع: ایرنا https://www.irna.ir/news/1", "ایرنا", "https://www.irna.ir/news/1"),
        ("منبع خبر: خبرگزاری ایسنا - https://isna.ir/x", "خبرگزاری ایسنا", "https://isna.ir/x"),
        ("Source: Reuters", "Reuters", None),
        ("منبع: ایرنا، ایسنا", "ایرنا، ایسنا", None),
        ("منبع: https://www.irna.ir/news/1", None, "https://www.irna.ir/news/1"),
        # a sentence, a quotation or a bad address is no credit: the line stays text
        ("منبع: گزارش مرکز آمار ایران که دیروز منتشر شد نشان می‌دهد", None, None),
        ("منبع: مرکز آمار. تورم بالا رفت", None, None),
        ("منبع: «ما نمی‌دانیم»", None, None),
        ("منبع: ایرنا javascript:alert(1)", None, None),
        ("منبع:", None, None),
        ("", None, None),
    ],
)
def test_source_credit(last: str, credit: str | None, url: str | None) -> None:
    article = parse_article(f"عنوان\nلید خبر.\nچرا مهم است: چون.\n{last}")
    assert (article.source_credit, article.source_url) == (credit, url)
    assert article.to_json()["source_credit"] == credit
    if credit or url:
        assert [s.key for s in article.sections] == ["why_it_matters"]
        assert [b.text for s in article.sections for b in s.body] == ["چون."]


def test_a_source_line_only_at_the_end() -> None:
    article = parse_article("عنوان\nمنبع: https://a.ir/x\nچرا مهم است: چون.")
    assert article.source_url is None
    assert parse_article("عنوان").source_url is None
    assert parse_article("").to_json()["source"] is None
