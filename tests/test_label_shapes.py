"""Table tests for the shapes a label line takes in articles written by editors."""

from __future__ import annotations

import pytest

from bot.article import parse_article
from bot.article.label_meaning import read_label
from bot.article.labels import match_label, strip_decoration


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("", ""),
        ("   ", ""),
        ("🔹 چرا مهم است", "چرا مهم است"),
        ("**تصویر کلی**", "تصویر کلی"),
        ("1. جزئیات", "جزئیات"),
        ("۲- جزئیات", "جزئیات"),
        ("1️⃣ جزئیات", "جزئیات"),
        ("۳ نکته کلیدی", "۳ نکته کلیدی"),
        ("📌 ۲ پرسش بی‌پاسخ", "۲ پرسش بی‌پاسخ"),
        ("- ▪️ ", ""),
    ],
)
def test_strip_decoration(text: str, stripped: str) -> None:
    assert strip_decoration(text) == stripped


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("نگاهی نزدیک‌تر به ارقام بودجه", "zoom_in"),
        ("Zoom in on the budget", "zoom_in"),
        ("آنچه باید در هفته آینده دید", "what_to_watch"),
        ("مهم‌ترین تغییرات", "other"),
        ("تازه‌ترین‌ها", "latest"),
        ("در واکنش به این تصمیم", "what_theyre_saying"),
    ],
)
def test_read_label_heads_topics_verbs_superlatives(label: str, key: str) -> None:
    assert read_label(label).key == key


ARTICLE = """عنوان
لید خبر.
- چرا اهمیت دارد: خط دوم قرار است بازار را به شرق شهر وصل کند.
- وضعیت فعلی: پیشرفت فیزیکی تونل حدود ۸۰ درصد است اما ایستگاه‌ها تجهیز نشده‌اند.
- واگن‌ها خریداری نشده است.
- نتیجه: ۲ بر ۱
مهم‌ترین تغییرات:
- یک
سه بازار اصلی:
- امارات
صدای کشاورزان:
- «کافی نیست»، یک کشاورز گفت.
بعد چه می‌شود؟
تصمیم هفته آینده گرفته می‌شود."""


def test_article_line_shapes() -> None:
    article = parse_article(ARTICLE)
    assert [(s.key, s.label) for s in article.sections] == [
        ("why_it_matters", "چرا اهمیت دارد"),
        ("state_of_play", "وضعیت فعلی"),
        ("what_theyre_saying", "صدای کشاورزان"),
        ("whats_next", "بعد چه می‌شود؟"),
    ]
    state = article.sections[1].body
    assert [(b.type, b.text) for b in state] == [
        ("paragraph", "پیشرفت فیزیکی تونل حدود ۸۰ درصد است اما ایستگاه‌ها تجهیز نشده‌اند."),
        ("bullet", "واگن‌ها خریداری نشده است."),
        ("bullet", "نتیجه: ۲ بر ۱"),
        ("paragraph", "مهم‌ترین تغییرات:"),
        ("bullet", "یک"),
        ("paragraph", "سه بازار اصلی:"),
        ("bullet", "امارات"),
    ]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        # an unknown label whose words clearly name a key, set off as a known one is
        ("نگاه از ارتفاع؛ بازار مسکن در کل کشور راکد است.", "zoom_out"),
        ("نگاه از ارتفاع - بازار مسکن در کل کشور راکد است.", "zoom_out"),
        ("**نگاه از ارتفاع:** بازار مسکن راکد است.", "zoom_out"),
        ("۲- نگاه از ارتفاع: بازار مسکن راکد است.", "zoom_out"),
        # a heading alone on its line, in bold or markdown
        ("**نگاه از ارتفاع**", "zoom_out"),
        ("## پشت واژه‌ها", "between_the_lines"),
        # a bold label opening the line, its text after it with no colon
        ("**نگاه نزدیک‌تر** بازار مسکن راکد است.", "zoom_in"),
        ("🔹 **چرا مهم است؟** بازار مسکن راکد است.", "why_it_matters"),
        ("**Zoom in** The market is flat.", "zoom_in"),
        # a subject before the question word, a final verb in a clear label
        ("مقامات چه گفتند: متن", "what_theyre_saying"),
        ("ماجرا چطور به اینجا رسید: متن", "background"),  # and a cue's verb by its lemma
        ("That said: the plan is late.", "yes_but"),
    ],
)
def test_label_shapes_for_unknown_labels(line: str, key: str) -> None:
    found = match_label(line)
    assert found is not None
    assert found.key == key


@pytest.mark.parametrize(
    "line",
    [
        "",
        "**گزارش ویژه**",  # a heading that names no section is left as body text
        "**قیمت‌ها امروز بالا رفت**",
        "**تهران** – خبرگزاری‌ها گزارش دادند.",
        "**علی رضایی** مدیرعامل شرکت گفت که نه.",
        "وضعیت بازار آرام است؛ اما خریداران صبر کرده‌اند.",
        "قیمت‌ها بالا رفت - اما نه برای همه.",
        "ما گفتیم؛ نه",
        "او گفت: «نه»",
        "He said: no.",
        "The minister said: no.",
    ],
)
def test_shapes_that_stay_body_text(line: str) -> None:
    assert match_label(line) is None
