"""The article corpus: every file parses to its expected JSON, field by field."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from bot.article import Article
from bot.pipeline.ingest import parse_file

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.txt"))


@cache
def _parsed(path: Path) -> tuple[Article, dict]:
    _, article = parse_file(path)
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return article, expected


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
@pytest.mark.parametrize("field", ["title", "lang", "caption", "lede"])
def test_scalar_fields(path: Path, field: str) -> None:
    article, expected = _parsed(path)
    assert article.to_json()[field] == expected[field]


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_sections(path: Path) -> None:
    article, expected = _parsed(path)
    got = article.to_json()["sections"]
    assert [s["key"] for s in got] == [s["key"] for s in expected["sections"]]
    for mine, theirs in zip(got, expected["sections"], strict=True):
        assert mine["label"] == theirs["label"]
        assert mine["body"] == theirs["body"], mine["key"]


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_quotes(path: Path) -> None:
    article, expected = _parsed(path)
    got = article.to_json()["quotes"]
    assert [q["text"] for q in got] == [q["text"] for q in expected["quotes"]]
    fields = ("speaker", "role", "kind", "section")
    for mine, theirs in zip(got, expected["quotes"], strict=True):
        assert [mine[f] for f in fields] == [theirs[f] for f in fields], mine


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.stem)
def test_summary(path: Path) -> None:
    article, expected = _parsed(path)
    if "summary_sentences" in expected:
        assert len(article.summary) == expected["summary_sentences"]
        lede = expected["lede"] or ""
        assert all(sentence in lede for sentence in article.summary)
    else:
        assert article.summary == ()
