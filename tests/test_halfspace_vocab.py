"""The hand-written half-space vocabulary: its hygiene, and the restorer on its held-out half.

tests/data/halfspace_vocab_heldout/ is never tuned on; tests/data/halfspace/*_2.txt is its
development half (see the README files there, and bench/halfspace.py for the figures).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.text.chars import ZWNJ
from bot.text.halfspace import HalfSpaceRestorer
from bot.text.lexicon import load_lexicon
from bot.text.quality import score

DATA = Path(__file__).parent / "data"
DEV = DATA / "halfspace"
HELDOUT = DATA / "halfspace_vocab_heldout"

# The restorer's figures on the held-out vocabulary (98.24% of stripped half-spaces
# restored, 0.17% of plain words changed: 6 of 3,456), rounded the safe way; raise them as
# the restorer improves (the goal is 95% and 0.3%).
HELDOUT_RECALL_FLOOR = 0.982
HELDOUT_CHANGED_CEILING = 0.002

PERSIAN_LETTERS = frozenset("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیأؤئء")
NEVER_JOINS = frozenset("اآأدذرزژوؤ")  # letters that never join the next one


def _words(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def word_problem(word: str) -> str | None:
    """Why ``word`` is not a clean vocabulary entry, or None when it is."""
    if not word:
        return "empty"
    if not set(word) <= PERSIAN_LETTERS | {ZWNJ}:
        return "character outside the Persian letters and U+200C"
    if word[0] == ZWNJ or word[-1] == ZWNJ or ZWNJ * 2 in word:
        return "half-space at an edge or doubled"
    if any(char == ZWNJ and word[at - 1] in NEVER_JOINS for at, char in enumerate(word)):
        return "half-space after a letter that never joins"
    return None


@pytest.mark.parametrize(
    ("word", "problem"),
    [
        ("کتاب‌ها", None),
        ("کشورها", None),
        ("مسئول", None),
        ("", "empty"),
        ("کتاب ها", "character outside the Persian letters and U+200C"),
        ("كتاب", "character outside the Persian letters and U+200C"),
        ("علي", "character outside the Persian letters and U+200C"),
        ("کتاب\u200dها", "character outside the Persian letters and U+200C"),
        ("book", "character outside the Persian letters and U+200C"),
        ("\u200cکتاب", "half-space at an edge or doubled"),
        ("کتاب\u200c\u200cها", "half-space at an edge or doubled"),
        ("کشور\u200cها", "half-space after a letter that never joins"),
    ],
)
def test_word_problem(word: str, problem: str | None) -> None:
    assert word_problem(word) == problem


FILES = {
    "held-out half-spaced": HELDOUT / "halfspaced_words.txt",
    "held-out joined": HELDOUT / "joined_words.txt",
    "development half-spaced": DEV / "halfspaced_words_2.txt",
    "development joined": DEV / "joined_words_2.txt",
    "development half-spaced 3": DEV / "halfspaced_words_3.txt",
    "development joined 3": DEV / "joined_words_3.txt",
    "development half-spaced 4": DEV / "halfspaced_words_4.txt",
    "development joined 4": DEV / "joined_words_4.txt",
    "checking half-spaced 4": DEV / "halfspaced_words_4_check.txt",
    "checking joined 4": DEV / "joined_words_4_check.txt",
}
FOURTH = [name for name in FILES if name.endswith(" 4")]


@pytest.fixture(scope="module")
def lists() -> dict[str, list[str]]:
    return {name: _words(path) for name, path in FILES.items()}


@pytest.mark.parametrize("name", FILES)
def test_file_is_clean(lists, name: str) -> None:
    words = lists[name]
    if name.endswith(" 3"):
        assert len(words) >= (390 if "half-spaced" in name else 1700)
    elif name.endswith(" 4"):
        assert len(words) >= (500 if "half-spaced" in name else 1500)
    else:
        assert len(words) >= (1000 if "half-spaced" in name else 3000)
    assert len(set(words)) == len(words), "duplicate lines"
    assert [w for w in words if word_problem(w)] == []
    if "half-spaced" in name:
        assert all(ZWNJ in w for w in words)
    else:
        assert not any(ZWNJ in w for w in words)


def test_lists_do_not_overlap(lists) -> None:
    older = set(_words(DEV / "halfspaced_words.txt")) | set(_words(DEV / "joined_words.txt"))
    seen: set[str] = set()
    for name, words in lists.items():
        assert seen.isdisjoint(words), name
        if not name.endswith(" 3"):
            assert older.isdisjoint(words), name
        seen |= set(words)


def test_stripped_words_are_not_listed_joined(lists) -> None:
    """A half-spaced word stripped must not be a listed joined word (one answer per word)."""
    joined = set(lists["held-out joined"]) | set(lists["development joined"])
    joined |= set(_words(DEV / "joined_words.txt"))
    for name in ("held-out half-spaced", "development half-spaced"):
        assert [w for w in lists[name] if w.replace(ZWNJ, "") in joined] == []


def test_third_lists_are_new(lists) -> None:
    """Vocabulary 3 repeats no development word and gives one answer per word."""
    older: set[str] = set()
    for path in DEV.glob("*_words*.txt"):
        if not path.stem.endswith("_3"):
            older |= set(_words(path))
    spaced, joined = lists["development half-spaced 3"], lists["development joined 3"]
    assert older.isdisjoint(spaced) and older.isdisjoint(joined)
    stripped = {w.replace(ZWNJ, "") for w in older} | set(joined)
    assert [w for w in spaced if w.replace(ZWNJ, "") in stripped] == []


def test_fourth_lists_are_new(lists) -> None:
    """Vocabulary 4 repeats no word of any other list, held-out ones included (with or
    without half-spaces), and gives one answer per word."""
    others: set[str] = set()
    for path in DEV.glob("*_words*.txt"):
        if "_4" not in path.stem:
            others |= set(_words(path))
    for name in FILES:
        if name not in FOURTH:
            others |= set(lists[name])
    others |= {word.replace(ZWNJ, "") for word in others}
    fourth = [word for name in FOURTH for word in lists[name]]
    assert len(set(fourth)) == len(fourth)
    assert [w for w in fourth if w in others or w.replace(ZWNJ, "") in others] == []
    joined = set(lists["development joined 4"]) | set(lists["checking joined 4"])
    spaced = lists["development half-spaced 4"] + lists["checking half-spaced 4"]
    assert [w for w in spaced if w.replace(ZWNJ, "") in joined] == []


def half_of(word: str) -> str:
    """Which half of vocabulary 4 a word belongs to, by a hash of its letters."""
    digest = hashlib.sha256(word.replace(ZWNJ, "").encode()).hexdigest()
    return "development" if int(digest, 16) % 2 == 0 else "checking"


@pytest.mark.parametrize(
    ("word", "half"),
    [("", "checking"), ("کتاب", "development"), (f"کتاب{ZWNJ}ها", "checking")],
)
def test_half_of(word: str, half: str) -> None:
    assert half_of(word) == half


def test_fourth_lists_are_split_by_hash(lists) -> None:
    for name in FOURTH:
        assert {half_of(word) for word in lists[name]} == {name.split()[0]}, name


@pytest.fixture(scope="module")
def restorer() -> HalfSpaceRestorer:
    return HalfSpaceRestorer(load_lexicon())


def test_restores_heldout_half_spaced_words(restorer, lists) -> None:
    result = score(lists["held-out half-spaced"], restorer.restore)
    assert result.recall >= HELDOUT_RECALL_FLOOR


def test_keeps_heldout_joined_words(restorer, lists) -> None:
    result = score(lists["held-out joined"], restorer.restore)
    assert len(result.mistakes) / result.words <= HELDOUT_CHANGED_CEILING


@pytest.mark.parametrize(
    ("name", "recall_floor", "changed_ceiling"),
    [
        # Tuned on: 96.28% restored, 8 of 1,576 joined words changed (5.65% before
        # the joined shapes were decided first).
        ("4", 0.962, 0.0055),
        # Only checked: 95.74% restored, 18 of 1,507 changed (5.11% before).
        ("4 check", 0.957, 0.0125),
    ],
)
def test_fourth_vocabulary(
    restorer, lists, name: str, recall_floor: float, changed_ceiling: float
) -> None:
    prefix = "development" if name == "4" else "checking"
    spaced = score(lists[f"{prefix} half-spaced 4"], restorer.restore)
    assert spaced.recall >= recall_floor
    joined = score(lists[f"{prefix} joined 4"], restorer.restore)
    assert len(joined.mistakes) / joined.words <= changed_ceiling


def test_second_development_half_stays_joined(restorer, lists) -> None:
    # No joined word of the development half of vocabulary 2 is changed (6 of 3,386 before).
    assert score(lists["development joined"], restorer.restore).mistakes == []
