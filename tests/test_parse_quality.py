"""Article understanding on the held-out corpus (tests/corpus_heldout), see tests/quality.py.

The held-out articles were written apart from the parser and are never tuned on. The
floors below are the figures the parser reaches on them, rounded down; raise them when
the parser improves, never lower them. Role accuracy is reported in the messages but
not gated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.article import SECTION_KEYS

from .quality import Figures, Pair, figures, load_pairs

HERE = Path(__file__).parent
HELDOUT = HERE / "corpus_heldout"
CORPUS = HERE / "corpus"

SPEAKER_ACCURACY = 0.87
QUOTE_PRECISION = 0.99
SECTION_KEYS_F1 = 0.93


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return load_pairs(HELDOUT)


@pytest.fixture(scope="module")
def result(pairs) -> Figures:
    return figures((pair.expected, pair.got) for pair in pairs)


def test_heldout_corpus_is_large_enough(pairs) -> None:
    languages = [pair.expected["lang"] for pair in pairs]
    assert languages.count("fa") >= 12
    assert languages.count("en") >= 1


def test_speaker_accuracy(result) -> None:
    assert result.speaker.value >= SPEAKER_ACCURACY, result.summary()


def test_quote_precision(result) -> None:
    assert result.precision.value >= QUOTE_PRECISION, result.summary()


def test_section_keys_f1(result) -> None:
    assert result.keys_f1 >= SECTION_KEYS_F1, result.summary()


EXPECTED = sorted(CORPUS.glob("*.json")) + sorted(HELDOUT.glob("*.json"))


@pytest.mark.parametrize("path", EXPECTED, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_expected_json_is_consistent(path: Path) -> None:
    """Canonical keys; quotes in the lede or a section of the article; terms unattributed."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert path.with_suffix(".txt").exists()
    keys = [section["key"] for section in expected["sections"]]
    assert set(keys) <= set(SECTION_KEYS), keys
    for quote in expected["quotes"]:
        assert quote["section"] in {"lede", *keys}, quote
        assert quote.get("kind", "quote") in ("quote", "term"), quote
        if quote.get("kind") == "term":
            assert (quote["speaker"], quote["role"]) == (None, None), quote
        if "kind" in quote:
            assert set(quote) == {"text", "speaker", "role", "kind", "section"}, quote


def test_heldout_and_development_articles_differ() -> None:
    development = {path.stem for path in CORPUS.glob("*.txt")}
    heldout = {path.stem for path in HELDOUT.glob("*.txt")}
    assert heldout
    assert not development & heldout
