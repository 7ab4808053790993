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
    ("line", "key", "label", "rest"),
    [
        ("**چرا مهم است:** متن", "why_it_matters", "چرا مهم است", "متن"),
        ("**چرا مهم است**: متن", "why_it_matters", "چرا مهم است", "متن"),
        ("▪️ چرا مهم است: متن", "why_it_matters", "چرا مهم است", "متن"),
        ("🔸نمای نزدیک: متن", "zoom_in", "نمای نزدیک", "متن"),
        ("پیش‌زمینه : متن", "background", "پیش‌زمینه", "متن"),
        ("چرا اهمیت دارد：متن", "why_it_matters", "چرا اهمیت دارد", "متن"),
        ("چرا اهمیت دارد∶ متن", "why_it_matters", "چرا اهمیت دارد", "متن"),
        ("چرا اهمیت دارد؟: متن", "why_it_matters", "چرا اهمیت دارد؟", "متن"),
        # alone on the line, without a colon: known, or a short question read clearly
        ("چرا مهم است؟", "why_it_matters", "چرا مهم است؟", ""),
        ("**تصویر کلی**", "big_picture", "تصویر کلی", ""),
        ("خب، حالا چه؟", "whats_next", "خب، حالا چه؟", ""),
        # a semicolon or a dash after a known label
        ("واقعیت ماجرا؛ متن", "reality_check", "واقعیت ماجرا", "متن"),
        ("Zoom in — Text.", "zoom_in", "Zoom in", "Text."),
        ("Zoom in —", "zoom_in", "Zoom in", ""),
        # counts, commas and longer labels when their words clearly name a key
        ("در ۵ عدد: متن", "by_the_numbers", "در ۵ عدد", "متن"),
        ("۲ پرسش بی‌پاسخ: متن", "what_to_watch", "۲ پرسش بی‌پاسخ", "متن"),
        ("۳ نکته کلیدی:", "bottom_line", "۳ نکته کلیدی", ""),
        ("نگاهی نزدیک‌تر به ارقام شهریه:", "zoom_in", "نگاهی نزدیک‌تر به ارقام شهریه", ""),
        ("آنچه باید در ماه‌های آینده دید: متن", "what_to_watch",
         "آنچه باید در ماه‌های آینده دید", "متن"),
        ("چرا این خبر برای شما مهم است: متن", "why_it_matters",
         "چرا این خبر برای شما مهم است", "متن"),
    ],
)  # fmt: skip
def test_label_shapes(line: str, key: str, label: str, rest: str) -> None:
    found = match_label(line)
    assert found is not None
    assert (found.key, found.label, found.rest) == (key, label, rest)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "؟",
        "چرا؟",
        "وزیر گفت: چرا؟",
        "ساعت ۱۰: جلسه",
        "۱۴۰۴: سال سخت",
        "۲۰۲۴/۰۵: متن",
        "ما گفتیم؛ نه",
        "The plan - text",
        "وزیر، علی: متن",
        "در واکنش به این تصمیم: متن",
        "به گفته یکی از کارشناسان: متن",
        "<script>: alert</script>",
        "::::",
    ],
)
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


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
