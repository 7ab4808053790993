"""The section registry: every key named in both languages, every label naming one key."""

from __future__ import annotations

import pytest

from bot.article import SECTION_KEYS
from bot.article.labels import RENDERINGS, label_index, label_key_form, lookup
from bot.article.sections import (
    OTHER,
    QUOTES_SECTION,
    SECTIONS,
    SUMMARY_SECTION,
    SectionKind,
    key_name,
    section_kind,
)

#: The canonical keys as the design lists them.
DESIGN_KEYS = (
    "why_it_matters", "big_picture", "driving_the_news", "latest", "background",
    "state_of_play", "zoom_in", "zoom_out", "between_the_lines", "yes_but",
    "the_other_side", "what_theyre_saying", "by_the_numbers", "details", "whats_next",
    "what_to_watch", "bottom_line", "behind_the_scenes", "reality_check", "the_stakes",
    "other",
)  # fmt: skip


def test_the_keys_are_the_designs_in_its_order() -> None:
    assert SECTION_KEYS == DESIGN_KEYS
    assert set(RENDERINGS) == set(SECTION_KEYS) - {OTHER}
    assert {SUMMARY_SECTION, QUOTES_SECTION} <= set(SECTION_KEYS) - {OTHER}


@pytest.mark.parametrize("kind", SECTIONS, ids=lambda kind: kind.key)
def test_every_key_has_both_names_and_its_labels(kind: SectionKind) -> None:
    assert kind.fa.strip() and not kind.fa.isascii(), "a Persian name"
    assert kind.en.strip() and kind.en.isascii(), "an English name"
    assert (key_name(kind.key, "fa"), key_name(kind.key, "en")) == (kind.fa, kind.en)
    if kind.key == OTHER:
        # Any short unknown label makes an ``other`` section; no label names it.
        assert kind.renderings == () and lookup(kind.fa) is None and lookup(kind.en) is None
        return
    assert any(not label.isascii() for label in kind.renderings), "a Persian rendering"
    assert any(label.isascii() for label in kind.renderings), "an English rendering"
    assert lookup(kind.fa) == lookup(kind.en) == kind.key


def test_no_label_names_two_keys_after_folding() -> None:
    seen: dict[str, str] = {}
    for kind in SECTIONS:
        for label in kind.renderings:
            form = label_key_form(label)
            assert seen.setdefault(form, kind.key) == kind.key, (label, seen[form], kind.key)
    assert label_index(SECTIONS) == seen


@pytest.mark.parametrize(
    ("kinds", "clash"),
    [
        ([], None),
        ([SectionKind("aa", "الف", "A"), SectionKind("bb", "ب", "B")], None),
        ([SectionKind("aa", "الف", "A", ("الف",))], None),
        ([SectionKind("aa", "پیش‌زمینه", "A"), SectionKind("bb", "پیشزمینه", "B")], "پیشزمینه"),
        ([SectionKind("aa", "الف", "What's next"), SectionKind("bb", "ب", "WHAT’S NEXT")], "WHAT"),
        ([SectionKind("aa", "الف", "A", ("Yes, but",)), SectionKind("bb", "ب", "yes but")], "yes"),
    ],
)  # fmt: skip
def test_label_index_refuses_a_label_for_two_keys(
    kinds: list[SectionKind], clash: str | None
) -> None:
    if clash is None:
        label_index(kinds)
        return
    with pytest.raises(ValueError, match=f"the label '{clash}.*' names both 'aa' and 'bb'"):
        label_index(kinds)


@pytest.mark.parametrize(
    ("key", "fa", "en", "also", "problem"),
    [
        ("", "الف", "A", (), "section key ''"),
        ("Why", "الف", "A", (), "section key 'Why'"),
        ("why-it", "الف", "A", (), "section key 'why-it'"),
        ("x", "الف", "A", (), "section key 'x'"),
        ("<b>", "الف", "A", (), "section key '<b>'"),
        ("new_key", "", "A", (), "no fa name"),
        ("new_key", "الف", "", (), "no en name"),
        ("new_key", "الف", "  ", (), "no en name"),
        ("new_key", "الف", "A", ("ب", ""), "an empty label"),
    ],
)
def test_a_kind_without_a_name_is_refused(
    key: str, fa: str, en: str, also: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        SectionKind(key, fa, en, also)


def test_a_kind_without_an_english_name_cannot_be_written() -> None:
    with pytest.raises(TypeError):
        SectionKind("new_key", "الف")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("key", "lang", "name"),
    [
        ("why_it_matters", "fa", "چرا اهمیت دارد"),
        ("why_it_matters", "en", "Why it matters"),
        ("whats_next", "en", "What's next"),
        ("what_theyre_saying", "fa", "آنچه می‌گویند"),
        ("what_theyre_saying", "en", "What they're saying"),
        ("other", "fa", "بیشتر"),
        ("other", "en", "More"),
        ("latest", "de", "آخرین اخبار"),
        ("nope", "en", "nope"),
        ("", "fa", ""),
        ("<b>", "en", "<b>"),
    ],
)
def test_key_name(key: str, lang: str, name: str) -> None:
    assert key_name(key, lang) == name


@pytest.mark.parametrize("key", ["", "nope", "Latest", "latest ", "<script>"])
def test_section_kind_refuses_unknown_keys(key: str) -> None:
    with pytest.raises(ValueError, match="unknown section key"):
        section_kind(key)
