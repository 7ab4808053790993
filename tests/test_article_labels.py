"""Table tests for the label lexicon and label lines."""

from __future__ import annotations

import pytest

from bot.article import SECTION_KEYS
from bot.article.labels import RENDERINGS, lookup, match_label


def test_every_canonical_key_has_renderings() -> None:
    assert set(RENDERINGS) | {"other"} == set(SECTION_KEYS)
    for key, renderings in RENDERINGS.items():
        assert any(r.isascii() for r in renderings), key
        assert any(not r.isascii() for r in renderings), key


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("", None),
        ("   ", None),
        ("چرا اهمیت دارد", "why_it_matters"),
        ("چرا مهم است", "why_it_matters"),
        ("آخرین اخبار", "latest"),
        ("تازه‌ترین خبر", "latest"),
        ("تازهترین خبر", "latest"),
        ("پیش‌زمینه خبر", "background"),
        ("پیشزمینه خبر", "background"),
        ("سابقه ماجرا", "background"),
        ("وضعیت فعلی", "state_of_play"),
        ("اوضاع کنونی", "state_of_play"),
        ("بیانیه آنها", "what_theyre_saying"),
        ("بیانیه آن‌ها", "what_theyre_saying"),
        ("آنچه می‌گویند", "what_theyre_saying"),
        ("گام‌های آینده", "whats_next"),
        ("گامهای آینده", "whats_next"),
        ("گام بعدی", "whats_next"),
        ("آنچه در پیش است", "whats_next"),
        ("تصویر کلی", "big_picture"),
        ("بله، اما", "yes_but"),
        ("به زبان آمار", "by_the_numbers"),
        ("جزئيات", "details"),
        ("🔹 چرا مهم است", "why_it_matters"),
        ("⚠️ بله، اما", "yes_but"),
        ("Why it matters", "why_it_matters"),
        ("WHY IT MATTERS", "why_it_matters"),
        ("What's next", "whats_next"),
        ("What’s next", "whats_next"),
        ("What they're saying", "what_theyre_saying"),
        ("Yes, but", "yes_but"),
        ("**The big picture**", "big_picture"),
        ("Unknown thing", None),
    ],
)
def test_lookup(label: str, key: str | None) -> None:
    assert lookup(label) == key


@pytest.mark.parametrize(
    ("line", "key", "label", "rest"),
    [
        ("چرا اهمیت دارد: متن", "why_it_matters", "چرا اهمیت دارد", "متن"),
        ("چرا اهمیت دارد:", "why_it_matters", "چرا اهمیت دارد", ""),
        ("📌 گام بعدی : فردا", "whats_next", "گام بعدی", "فردا"),
        ("نگاه هواداران: خوب بود", "other", "نگاه هواداران", "خوب بود"),
        ("Why it matters: text", "why_it_matters", "Why it matters", "text"),
        ("The latest:", "latest", "The latest", ""),
        # What-phrases may end in a verb; "X, but" is yes_but.
        ("آنچه گفتند: متن", "what_theyre_saying", "آنچه گفتند", "متن"),
        ("آری، ولی: متن", "yes_but", "آری، ولی", "متن"),
        ("Yes, however: text", "yes_but", "Yes, however", "text"),
        ("آنچه بازار را نگران کرد: متن", "other", "آنچه بازار را نگران کرد", "متن"),
        # Shapes editors give a label line: markers, bullets, colon look-alikes, counts.
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
def test_label_lines(line: str, key: str, label: str, rest: str) -> None:
    found = match_label(line)
    assert found is not None
    assert (found.key, found.label, found.rest) == (key, label, rest)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "بدون دونقطه",
        "وزیر خارجه گفت: «نه»",
        "سخنگوی دولت روز شنبه در نشست خبری اعلام کرد: تصمیم گرفته شد",
        "ساعت ۱۰: جلسه",
        "The minister said: no",
        "او گفت: بله",
        "وزیر، گفت: نه",
        "تهران، ایران: خبر",
        "آنچه وزیر خارجه دیروز در جلسه گفت: نه",
        "رئیس گفت: نه",
        "He said: no",
        "«نقل»: متن",
        "تهران (ایرنا): خبر",
        "a < b: c",
        ":",
        "؟",
        "چرا؟",
        "وزیر گفت: چرا؟",
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
