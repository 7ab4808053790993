"""Table tests for the sentence splitter."""

from __future__ import annotations

import pytest

from bot.text import split_sentences


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
