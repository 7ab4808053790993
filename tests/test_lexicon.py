"""The combined word table: built once, cached by package versions, rebuilt when stale."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from bot.text import lexicon
from bot.text.chars import ZWNJ


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the slow build with a tiny table; the list counts the builds."""
    done: list[int] = []

    def build() -> dict[str, Any]:
        done.append(1)
        return {"words": {"کتاب": (5, "N")}, "frequency": {"کتاب": 1e-4}, "scale": 2.0,
                "verbs": {}, "joined_verbs": [], "past_stems": []}  # fmt: skip

    monkeypatch.setattr(lexicon, "build_table", build)
    return done


def test_the_table_is_built_once_and_then_read(tmp_path: Path, builds: list[int]) -> None:
    path = tmp_path / "cache" / "lexicon-abc.marshal"
    first = lexicon.load_table(path)
    assert path.exists() and len(builds) == 1
    assert lexicon.load_table(path) == first
    assert len(builds) == 1


@pytest.mark.parametrize(
    "stale",
    [b"", b"not marshal", marshal.dumps({"key": "other"}), marshal.dumps([1, 2])],
)
def test_a_stale_or_broken_cache_is_rebuilt(
    tmp_path: Path, builds: list[int], stale: bytes
) -> None:
    path = tmp_path / "lexicon-abc.marshal"
    path.write_bytes(stale)
    table = lexicon.load_table(path)
    assert len(builds) == 1 and table["key"] == "abc"
    assert marshal.loads(path.read_bytes()) == table


def test_an_unwritable_cache_only_costs_the_build(tmp_path: Path, builds: list[int]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    table = lexicon.load_table(blocker / "lexicon-abc.marshal")
    assert table["words"] == {"کتاب": (5, "N")}
    assert len(builds) == 1


def test_the_key_follows_package_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    before = lexicon.cache_key()
    monkeypatch.setattr(lexicon, "version", lambda name: "99.0")
    assert lexicon.cache_key() != before


def test_the_cache_lives_in_the_user_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon.cache_path().parent == tmp_path / "newsbot"
    assert lexicon.cache_path().name == f"lexicon-{lexicon.cache_key()}.marshal"


def test_a_lexicon_from_a_table(tmp_path: Path, builds: list[int]) -> None:
    lex = lexicon.load_lexicon(tmp_path / "lexicon-abc.marshal")
    assert lex.freq("کتاب") == pytest.approx(2.5)
    assert lex.known("کتاب") and not lex.known("دفتر")
    assert "بیشتر" in lex.joined


def test_the_real_lexicon_combines_every_source() -> None:
    lex = lexicon.load_lexicon()
    assert lex.frequency["کلانتری"] > 0  # from wordfreq
    assert lex.known("نرفتیم")  # a joined verb form from hazm's conjugations
    assert lex.verbs["میخواهم"] == f"می{ZWNJ}خواهم"
    assert lex.spaced["بهعنوان"] == f"به{ZWNJ}عنوان"
    assert lex.freq("دفتر") > lex.freq("کلانتری") > 0


@pytest.mark.parametrize(
    ("prefix", "form", "written"),
    [
        ("ن", "", ""),
        ("ن", "ن", "ن"),
        ("ن", "نآمده", "نیامده"),
        ("ن", "نافزود", "نیفزود"),
        ("ن", "نایستاد", "نایستاد"),
        ("ن", "نرفت", "نرفت"),
        ("ب", "بآمیزد", "بیامیزد"),
        ("ب", "بانداز", "بینداز"),
    ],
)
def test_glide(prefix: str, form: str, written: str) -> None:
    assert lexicon._glide(prefix, form) == written


@pytest.mark.parametrize(
    ("present", "forms"),
    [
        ("", []),
        ("رو", []),
        ("آمیز", ["بیامیزم", "بیامیزی", "بیامیزد", "بیامیزیم", "بیامیزید", "بیامیزند"]),
        ("افزا", ["بیفزایم", "بیفزایی", "بیفزاید", "بیفزاییم", "بیفزایید", "بیفزایند"]),
    ],
)
def test_subjunctive(present: str, forms: list[str]) -> None:
    assert lexicon._subjunctive(present) == forms


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ({}, []),
        ({"رنجیدن": (5, "N")}, ["رنجید#رنج"]),
        ({"رهاندن": (5, "N")}, ["رهاند#رهان"]),
        ({"رسیدن": (5, "N")}, []),  # in verbs.dat already
        ({"رنجیدن": (0, "0")}, []),  # never attested
        ({"نرنجیدن": (5, "N"), "رنجیدن": (5, "N")}, ["رنجید#رنج"]),  # negated
        ({"بدن": (5, "N"), "لندن": (5, "N"), "خواندن": (5, "N")}, []),
        ({f"رنج{ZWNJ}یدن": (5, "N")}, []),
    ],
)
def test_regular_verbs(words: dict[str, tuple[int, str]], found: list[str]) -> None:
    assert lexicon._regular_verbs(words, ["رسید#رس", "خواند#خوان"]) == found


def test_the_real_lexicon_has_regular_and_vowel_verbs() -> None:
    lex = lexicon.load_lexicon()
    assert lex.verbs["میرنجد"] == f"می{ZWNJ}رنجد"
    assert lex.verbs["نیامدهاند"] == f"نیامده{ZWNJ}اند"
    assert lex.known("بیامیزد")
