"""Table tests for the parse-quality scorer (tests/quality.py)."""

from __future__ import annotations

import pytest

from .quality import (
    Figures,
    Ratio,
    figures,
    fold,
    key_ratios,
    kind,
    match_items,
    precision_ratio,
    role_ratio,
    speaker_matches,
    speaker_ratio,
)

HOSTILE = "<script>alert(1)</script>\u202e\x00" + "ب" * 5000


def q(text: str, speaker: str | None = None, role: str | None = None, kind: str = "quote"):
    return {"text": text, "speaker": speaker, "role": role, "kind": kind}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        (None, ""),
        ("", ""),
        ("   \n\t", ""),
        ("رئیس‌جمهور ترامپ", "رئیسجمهورترامپ"),
        ("رئيس جمهور", "رئیسجمهور"),
        ("مذاكرات", "مذاکرات"),
        ("«بسیار خوب»", "بسیارخوب"),
        ("«شعار «هر قطره» مهم»", "شعارهرقطرهمهم"),
        ("Dana Whitfield", "danawhitfield"),
        ("a magic switch,", "amagicswitch"),
        ("«ما آب می‌خواهیم.»", "ماآبمیخواهیم"),
        ("...؟!", ""),
        (HOSTILE, HOSTILE.replace(" ", "")),
    ],
)
def test_fold(text: str | None, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("value", [1, ["x"], {"text": "x"}])
def test_fold_refuses_non_text(value) -> None:
    with pytest.raises(ValueError, match="expected a text"):
        fold(value)


@pytest.mark.parametrize(
    ("ratio", "value", "shown"),
    [
        (Ratio(0, 0), 1.0, "1.000 (0/0)"),
        (Ratio(0, 4), 0.0, "0.000 (0/4)"),
        (Ratio(3, 4), 0.75, "0.750 (3/4)"),
        (Ratio(1, 2) + Ratio(2, 2), 0.75, "0.750 (3/4)"),
    ],
)
def test_ratio(ratio: Ratio, value: float, shown: str) -> None:
    assert (ratio.value, str(ratio)) == (value, shown)


@pytest.mark.parametrize(("hits", "total"), [(-1, 0), (2, 1), (0, -1)])
def test_ratio_refuses_impossible_counts(hits: int, total: int) -> None:
    with pytest.raises(ValueError, match="between 0 and total"):
        Ratio(hits, total)


@pytest.mark.parametrize(
    ("item", "found"),
    [({"text": "x"}, "quote"), (q("x"), "quote"), (q("x", kind="term"), "term"),
     ({"text": "x", "kind": None}, "quote")],
)  # fmt: skip
def test_kind(item, found: str) -> None:
    assert kind(item) == found


def test_kind_refuses_unknown_kinds() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        kind({"text": "x", "kind": "slogan"})


@pytest.mark.parametrize(
    ("expected", "got", "matches"),
    [
        (q("x", "فرهاد سلیمی"), q("x", "فرهاد سلیمی"), True),
        (q("x", "فرهاد سلیمی"), q("x", "فرهاد\u200cسلیمی"), True),
        (q("x", "فرهاد سلیمی"), q("x", "سلیمی"), False),
        (q("x", "فرهاد سلیمی", "مدیرکل بنادر"), q("x", "مدیرکل بنادر"), False),
        (q("x", "ترامپ", "رئیس‌جمهور"), q("x", "رئیس‌جمهور ترامپ"), True),
        (q("x", "ترامپ", "رئیس‌جمهور"), q("x", "ترامپ رئیس‌جمهور"), False),
        (q("x", "ترامپ"), q("x", "رئیس‌جمهور ترامپ"), False),
        (q("x", None), q("x", None), True),
        (q("x", None), q("x", ""), True),
        (q("x", None), q("x", "ساعتی بعد"), False),
        (q("x", "یک مقام آمریکایی"), q("x", None), False),
        (q("x", "یک مقام آمریکایی"), None, False),
        (q("x", None, "رئیس"), q("x", "رئیس"), False),
        (q("x", HOSTILE), q("x", HOSTILE), True),
    ],
)
def test_speaker_matches(expected, got, matches: bool) -> None:
    assert speaker_matches(expected, got) is matches


def test_match_items_pairs_one_to_one_by_folded_text() -> None:
    first, second = q("«بله»", "الف"), q("بله", "ب")
    got = [q("بله", "الف"), q("ديگر")]
    assert match_items([first, second], got) == [(first, got[0]), (second, None)]
    assert match_items([], got) == []
    assert match_items([first], []) == [(first, None)]


@pytest.mark.parametrize(
    ("expected", "got", "hits", "total"),
    [
        ([], [], 0, 0),
        ([], [q("a", "x")], 0, 0),
        ([q("a", "x")], [], 0, 1),
        ([q("a", "x"), q("b", "y")], [q("a", "x"), q("b", "z")], 1, 2),
        ([q("a", "x"), q("t", kind="term")], [q("a", "x"), q("t")], 1, 1),
        ([q("a", "x")], [q("a", "x", kind="term")], 1, 1),
        ([{"text": "a", "speaker": "x"}], [{"text": "a", "speaker": "x"}], 1, 1),
    ],
)
def test_speaker_ratio(expected, got, hits: int, total: int) -> None:
    assert speaker_ratio(expected, got) == Ratio(hits, total)


@pytest.mark.parametrize(
    ("expected", "got", "hits", "total"),
    [
        ([], [], 0, 0),
        ([q("a")], [], 0, 0),
        ([], [q("a")], 0, 1),
        ([q("a"), q("t", kind="term")], [q("a"), q("t")], 1, 2),
        ([q("a"), q("t", kind="term")], [q("a"), q("t", kind="term")], 1, 1),
        ([q("a")], [{"text": "«a»"}], 1, 1),
        ([q("a b")], [q("ab")], 1, 1),
    ],
)
def test_precision_ratio(expected, got, hits: int, total: int) -> None:
    assert precision_ratio(expected, got) == Ratio(hits, total)


@pytest.mark.parametrize(
    ("expected", "got", "hits", "total"),
    [
        ([], [], 0, 0),
        ([q("a", "x")], [q("a", "x", "r")], 0, 0),
        ([q("a", "x", "وزیر نیرو")], [q("a", "x", "وزیر نیرو")], 1, 1),
        ([q("a", "x", "وزیر نیرو")], [q("a", "x", None)], 0, 1),
        ([q("a", "x", "وزیر نیرو")], [], 0, 1),
    ],
)
def test_role_ratio(expected, got, hits: int, total: int) -> None:
    assert role_ratio(expected, got) == Ratio(hits, total)


@pytest.mark.parametrize(
    ("expected", "got", "precision", "recall"),
    [
        ([], [], Ratio(0, 0), Ratio(0, 0)),
        (["latest"], [], Ratio(0, 0), Ratio(0, 1)),
        ([], ["other"], Ratio(0, 1), Ratio(0, 0)),
        (["latest", "other", "other"], ["latest", "other"], Ratio(2, 2), Ratio(2, 3)),
        (["zoom_in"], ["other"], Ratio(0, 1), Ratio(0, 1)),
    ],
)
def test_key_ratios(expected, got, precision: Ratio, recall: Ratio) -> None:
    assert key_ratios(expected, got) == (precision, recall)


@pytest.mark.parametrize("keys", [[None], [""], [3]])
def test_key_ratios_refuse_missing_keys(keys) -> None:
    with pytest.raises(ValueError, match="section key"):
        key_ratios(["latest"], keys)


def article(keys: list[str], quotes: list[dict]) -> dict:
    return {"sections": [{"key": key} for key in keys], "quotes": quotes}


def test_figures_over_articles() -> None:
    expected = [
        article(["why_it_matters", "zoom_in"], [q("a", "نادری", "مدیرعامل"), q("t", kind="term")]),
        article(["other"], [q("b", "یک مقام آمریکایی")]),
    ]
    got = [
        article(["why_it_matters", "other"], [q("a", "مدیرعامل"), q("t")]),
        article(["other"], [q("b", "یک مقام آمریکایی")]),
    ]
    result = figures(zip(expected, got, strict=True))
    assert result == Figures(
        speaker=Ratio(1, 2),
        precision=Ratio(2, 3),
        keys_precision=Ratio(2, 3),
        keys_recall=Ratio(2, 3),
        role=Ratio(0, 1),
    )
    assert result.keys_f1 == pytest.approx(2 / 3)
    assert "speaker accuracy 0.500 (1/2)" in result.summary()


def test_figures_of_nothing() -> None:
    result = figures([])
    assert (result.speaker.value, result.precision.value, result.keys_f1) == (1.0, 1.0, 1.0)
    assert figures([(article([], []), article([], []))]).keys_f1 == 1.0
    assert figures([(article(["latest"], []), article([], []))]).keys_f1 == 0.0


@pytest.mark.parametrize(
    "broken",
    [
        {"sections": "latest", "quotes": []},
        {"sections": [{"label": "x"}], "quotes": []},
        {"sections": [], "quotes": "«x»"},
        {"sections": [], "quotes": ["x"]},
        {"sections": [], "quotes": [{"speaker": "x"}]},
        {"sections": [], "quotes": [{"text": None}]},
    ],
)
def test_figures_refuse_malformed_articles(broken: dict) -> None:
    with pytest.raises(ValueError):
        figures([(article([], []), broken)])
