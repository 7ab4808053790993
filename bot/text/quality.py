"""Score half-space repair against text whose half-spaces are known to be right."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bot.text.chars import ZWNJ


def _positions(text: str) -> tuple[str, set[int]]:
    """The text without half-spaces, and where they stood (index in that text)."""
    letters: list[str] = []
    where: set[int] = set()
    for char in text:
        if char == ZWNJ:
            where.add(len(letters))
        else:
            letters.append(char)
    return "".join(letters), where


@dataclass
class Score:
    """Half-spaces expected, restored, and inserted where none belongs."""

    words: int = 0
    expected: int = 0
    restored: int = 0
    wrong: int = 0
    mistakes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of the expected half-spaces that came back."""
        return self.restored / self.expected if self.expected else 1.0

    @property
    def wrong_per_1000_words(self) -> float:
        """Wrong insertions per thousand words."""
        return 1000 * self.wrong / self.words if self.words else 0.0

    def add(self, gold: str, repaired: str) -> None:
        """Compare one repaired text with its gold form (same letters, maybe no ZWNJ)."""
        gold_letters, gold_at = _positions(gold)
        got_letters, got_at = _positions(repaired)
        if gold_letters != got_letters:
            raise ValueError(f"repair changed more than half-spaces: {gold!r} → {repaired!r}")
        self.words += len(gold.split())
        self.expected += len(gold_at)
        self.restored += len(gold_at & got_at)
        self.wrong += len(got_at - gold_at)
        if gold_at != got_at:
            self.mistakes.append((gold, repaired))


def score(golds: Iterable[str], repair: Callable[[str], str], *, strip: bool = True) -> Score:
    """Repair each gold text (its half-spaces stripped first when ``strip``) and score it."""
    result = Score()
    for gold in golds:
        result.add(gold, repair(gold.replace(ZWNJ, "") if strip else gold))
    return result
