"""Table tests for the sentence splitter and keywords."""

from __future__ import annotations

import pytest

from bot.text import keywords, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("", []),
        ("   ", []),
        ("یک. دو.", ["یک.", "دو."]),
        ("عنوان بدون نقطه\nخط دوم.", ["عنوان بدون نقطه", "خط دوم."]),
        ("او گفت: «نه. هرگز.» و رفت.", ["او گفت: «نه. هرگز.» و رفت."]),
        ("او گفت «الف. «ب. ج» د.» سپس رفت. پایان", ["او گفت «الف. «ب. ج» د.» سپس رفت.", "پایان"]),
        ("نرخ ۳.۴ درصد شد. بعد", ["نرخ ۳.۴ درصد شد.", "بعد"]),
        ("rate 3.4 percent. Next", ["rate 3.4 percent.", "Next"]),
        ("see https://example.com/a.b?c=1. Next", ["see https://example.com/a.b?c=1.", "Next"]),
        ("Mr. Smith and Dr. Jones met. Then", ["Mr. Smith and Dr. Jones met.", "Then"]),
        ("The U.S. economy grew. Then", ["The U.S. economy grew.", "Then"]),
        ("چرا؟ چون! بله…", ["چرا؟", "چون!", "بله…"]),
        ("He said “Stop. Now.” Then left.", ["He said “Stop. Now.” Then left."]),
        ("«نیمه‌باز. بدون پایان", ["«نیمه‌باز. بدون پایان"]),
        ("...", ["..."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("title", "body", "lang", "expected"),
    [
        ("", "", "fa", []),
        ("و در به از", "که را با", "fa", []),
        ("اوکراین و روسیه", "اوکراین اوکراین روسیه می‌کنند ۱۴۰۳", "fa", ["اوکراین", "روسیه"]),
        ("Trump and Ukraine", "Ukraine talks. Ukraine said.", "en", ["ukraine", "trump", "talks"]),
    ],
)
def test_keywords(title: str, body: str, lang: str, expected: list[str]) -> None:
    assert keywords(title, body, lang) == expected


def test_keywords_are_valid_hashtags() -> None:
    import re

    words = keywords("کتاب‌های تازهٔ سال", "رئیس‌جمهور اِعلام کرد؛ نرم‌افزار 12 ۱۳ _", "fa", 10)
    assert words
    for word in words:
        assert re.fullmatch(r"[\w\u200c]+", word), word
        assert any(char.isalpha() for char in word)
        assert not re.search("[\u064b-\u065f]", word)
