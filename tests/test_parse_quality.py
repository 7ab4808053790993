"""Article understanding on corpora written apart from the parser, see tests/quality.py.

- tests/corpus_heldout: the held-out set, never read while changing the parser and never
  tuned on;
- tests/corpus_independent: the set held out before it, now development material that
  is scored by figures rather than field by field.

The floors below are the figures the parser reaches on each, rounded down; raise them
when the parser improves, never lower them. Role accuracy is reported in the messages
but not gated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.article import SECTION_KEYS

from .quality import Figures, figures, load_pairs

HERE = Path(__file__).parent
HELDOUT = HERE / "corpus_heldout"
INDEPENDENT = HERE / "corpus_independent"
CORPUS = HERE / "corpus"

#: Folder → (speaker accuracy, quote precision, section keys F1) floors.
FLOORS: dict[Path, tuple[float, float, float]] = {
    HELDOUT: (0.89, 0.97, 0.97),
    INDEPENDENT: (0.98, 0.99, 0.96),
}


@pytest.fixture(scope="module", params=sorted(FLOORS), ids=lambda folder: folder.name)
def measured(request) -> tuple[Path, list[str], Figures]:
    pairs = load_pairs(request.param)
    languages = [pair.expected["lang"] for pair in pairs]
    return request.param, languages, figures((pair.expected, pair.got) for pair in pairs)


def test_corpus_is_large_enough(measured) -> None:
    _, languages, _ = measured
    assert languages.count("fa") >= 12
    assert languages.count("en") >= 1


def test_speaker_accuracy(measured) -> None:
    folder, _, result = measured
    assert result.speaker.value >= FLOORS[folder][0], result.summary()


def test_quote_precision(measured) -> None:
    folder, _, result = measured
    assert result.precision.value >= FLOORS[folder][1], result.summary()


def test_section_keys_f1(measured) -> None:
    folder, _, result = measured
    assert result.keys_f1 >= FLOORS[folder][2], result.summary()


EXPECTED = [
    path for folder in (CORPUS, INDEPENDENT, HELDOUT) for path in sorted(folder.glob("*.json"))
]


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
    development = {path.stem for folder in (CORPUS, INDEPENDENT) for path in folder.glob("*.txt")}
    heldout = {path.stem for path in HELDOUT.glob("*.txt")}
    assert heldout
    assert not development & heldout
