"""Table tests for word families: the forms a word is matched by."""

from __future__ import annotations

import pytest

from bot.text import ZWNJ
from bot.text.lemmas import MAX_WORD, word_forms

Z = ZWNJ


@pytest.mark.parametrize(
    ("word", "lang", "first", "family"),
    [
        ("", "fa", None, ()),
        ("   ", "fa", None, ()),
        ("سطرها", "fa", "سطرها", ("سطر",)),
        (f"سطر{Z}ها", "fa", "سطرها", ("سطر",)),
        (f"نزدیک{Z}تر", "fa", "نزدیکتر", ("نزدیک",)),
        ("نزدیکتر", "fa", "نزدیکتر", ("نزدیک",)),
        (f"می{Z}گویند", "fa", "میگویند", ("گفت", "گوی")),
        ("میگویند", "fa", "میگویند", ("گفت", "گوی")),
        (f"تازه{Z}ترین{Z}ها", "fa", "تازهترینها", ("تازه",)),
        ("ريشه‌هاي", "fa", "ریشههای", ("ریشه",)),
        ("صدای", "fa", "صدای", ("صدا",)),
        (f"آینده{Z}ی", "fa", "آیندهی", ("آینده",)),
        ("کلان", "fa", "کلان", ()),
        ("Watching", "en", "watching", ("watch",)),
        ("numbers", "en", "numbers", ("number",)),
        ("Bigger", "en", "bigger", ("big",)),
        ("closer", "en", "closer", ("close",)),
        ("What's", "en", "what's", ("what",)),
        ("they’re", "en", "they're", ("theyre",)),
        ("us", "en", "us", ()),
        ("focus", "en", "focus", ()),
        ("a", "en", "a", ()),
        ("🔥", "fa", "🔥", ()),
        ("!!!", "en", "!!!", ()),
        ("abcسلام", "fa", "abcسلام", ()),
        ("x" * 5000, "en", "x" * 5000, ()),
        ("ا" * 5000, "fa", "ا" * 5000, ()),
    ],
)
def test_word_forms(word: str, lang: str, first: str | None, family: tuple[str, ...]) -> None:
    forms = word_forms(word, lang)
    if first is None:
        assert forms == ()
        return
    assert forms[0] == first
    assert set(family) <= set(forms[1:])
    assert len(set(forms)) == len(forms)


@pytest.mark.parametrize("word", ["کلان", "سطور", "اعداد", "watch", "us"])
def test_a_base_word_has_no_shorter_form_than_three_letters(word: str) -> None:
    assert all(len(form) >= 3 for form in word_forms(word)[1:])


def test_a_long_run_of_letters_is_only_folded() -> None:
    assert word_forms("ب" * (MAX_WORD + 1)) == ("ب" * (MAX_WORD + 1),)
