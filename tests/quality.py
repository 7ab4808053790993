"""Parse-quality figures: speakers, quotations against quoted terms, section keys, roles.

The figures compare what the parser makes of an article (the JSON of
``newsbot show --json``) with an expected JSON written by hand (tests/corpus*/NAME.json).
Texts are folded before they are compared: half-spaces and spaces removed, Arabic
ي/ك mapped to ی/ک, «» removed, punctuation at either end dropped and case folded ("A
spokesperson" opening a sentence is "a spokesperson").

- **speaker accuracy**: over the expected items of kind "quote", matched to the parser's
  items by folded text, the share whose speaker matches; an expected quote the parser did
  not find counts as wrong. The parser may give the title joined to the name
  («رئیس‌جمهور ترامپ») where the expectation splits them into role and speaker.
- **quote precision**: over the parser's items of kind "quote" (an item without ``kind``
  counts as a quote), the share whose folded text is an expected quote of the article.
- **section keys F1**: per article the multiset of section keys; precision and recall
  micro-averaged over all articles; their harmonic mean.
- **role accuracy** (reported, not gated): over expected quotes with a role, the share
  whose matched parser item has the same role.

An expected item without ``kind`` counts as a quote. Everything here is pure except
:func:`load_pairs`, which parses article files with the bot's own pipeline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Item = Mapping[str, Any]

#: Punctuation at a quote's edges: English puts the host sentence's comma or full stop
#: inside the marks ("a formality,"), and writers differ on keeping it.
_EDGE_PUNCTUATION = ".,;:!?؟،؛…"
_FOLD = str.maketrans({"\u200c": None, "ي": "ی", "ك": "ک", "«": None, "»": None})


def fold(text: str | None) -> str:
    """Text as compared: no half-spaces or whitespace, Persian ی/ک, no «», no
    punctuation at either end, one case.

    >>> fold("رئیس‌جمهور  ترامپ")
    'رئیسجمهورترامپ'
    >>> fold("«مذاكرات»") == fold("مذاکرات")
    True
    >>> fold(None)
    ''
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ValueError(f"expected a text or None, got {text!r}")
    return "".join(text.translate(_FOLD).split()).strip(_EDGE_PUNCTUATION).casefold()


@dataclass(frozen=True, slots=True)
class Ratio:
    """``hits`` out of ``total``; a ratio over nothing is 1.0 (nothing was got wrong)."""

    hits: int
    total: int

    def __post_init__(self) -> None:
        if not 0 <= self.hits <= self.total:
            raise ValueError(f"hits must be between 0 and total, got {self.hits}/{self.total}")

    @property
    def value(self) -> float:
        """The share, 1.0 when there is nothing to count."""
        return self.hits / self.total if self.total else 1.0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"


@dataclass(frozen=True, slots=True)
class Figures:
    """The four figures over a set of articles."""

    speaker: Ratio
    precision: Ratio
    keys_precision: Ratio
    keys_recall: Ratio
    role: Ratio

    @property
    def keys_f1(self) -> float:
        """Harmonic mean of the micro-averaged key precision and recall."""
        p, r = self.keys_precision.value, self.keys_recall.value
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """One line with every figure."""
        return (
            f"speaker accuracy {self.speaker}, quote precision {self.precision}, "
            f"section keys F1 {self.keys_f1:.3f} (P {self.keys_precision}, "
            f"R {self.keys_recall}), role accuracy {self.role}"
        )


def _text(item: Item) -> str:
    text = item.get("text") if isinstance(item, Mapping) else None
    if not isinstance(text, str):
        raise ValueError(f"a quote item needs a text, got {item!r}")
    return text


def kind(item: Item) -> str:
    """An item's kind; an item without one is a quote.

    >>> kind({"text": "x"}), kind({"text": "x", "kind": "term"})
    ('quote', 'term')
    """
    found = item.get("kind") or "quote"
    if found not in ("quote", "term"):
        raise ValueError(f"kind must be 'quote' or 'term', got {found!r}")
    return found


def speaker_matches(expected: Item, got: Item | None) -> bool:
    """Whether the parser's item names the expected speaker.

    >>> expected = {"speaker": "ترامپ", "role": "رئیس‌جمهور"}
    >>> speaker_matches(expected, {"speaker": "رئیسجمهور ترامپ"})
    True
    >>> speaker_matches(expected, {"speaker": "رئیس‌جمهور"})
    False
    >>> speaker_matches({"speaker": None}, {"speaker": None})
    True
    """
    if got is None:
        return False
    want, have = fold(expected.get("speaker")), fold(got.get("speaker"))
    if have == want:
        return True
    role = fold(expected.get("role"))
    return bool(want and role) and have == role + want


def role_matches(expected: Item, got: Item | None) -> bool:
    """Whether the parser's item gives the expected role (folded)."""
    return got is not None and fold(got.get("role")) == fold(expected.get("role"))


def match_items(expected: Sequence[Item], got: Sequence[Item]) -> list[tuple[Item, Item | None]]:
    """Each expected item with the parser's item of the same folded text, or None.

    Items pair one to one in order, so a text quoted twice needs two parser items.
    """
    free: dict[str, list[Item]] = {}
    for item in got:
        free.setdefault(fold(_text(item)), []).append(item)
    pairs: list[tuple[Item, Item | None]] = []
    for item in expected:
        candidates = free.get(fold(_text(item)))
        pairs.append((item, candidates.pop(0) if candidates else None))
    return pairs


def speaker_ratio(expected: Sequence[Item], got: Sequence[Item]) -> Ratio:
    """Expected quotations whose speaker the parser got right, in one article."""
    pairs = [(e, g) for e, g in match_items(expected, got) if kind(e) == "quote"]
    return Ratio(sum(speaker_matches(e, g) for e, g in pairs), len(pairs))


def role_ratio(expected: Sequence[Item], got: Sequence[Item]) -> Ratio:
    """Expected quotations with a role whose role the parser got right, in one article."""
    pairs = [(e, g) for e, g in match_items(expected, got) if kind(e) == "quote" and e.get("role")]
    return Ratio(sum(role_matches(e, g) for e, g in pairs), len(pairs))


def precision_ratio(expected: Sequence[Item], got: Sequence[Item]) -> Ratio:
    """The parser's quotations that are expected quotations, in one article."""
    wanted = {fold(_text(item)) for item in expected if kind(item) == "quote"}
    listed = [fold(_text(item)) for item in got if kind(item) == "quote"]
    return Ratio(sum(text in wanted for text in listed), len(listed))


def key_ratios(expected: Iterable[str], got: Iterable[str]) -> tuple[Ratio, Ratio]:
    """(precision, recall) of one article's section keys, compared as multisets.

    >>> key_ratios(["latest", "other"], ["latest", "latest"])
    (Ratio(hits=1, total=2), Ratio(hits=1, total=2))
    """
    want, have = Counter(_keys(expected)), Counter(_keys(got))
    common = sum((want & have).values())
    return Ratio(common, sum(have.values())), Ratio(common, sum(want.values()))


def _keys(keys: Iterable[Any]) -> list[str]:
    found = list(keys)
    for key in found:
        if not isinstance(key, str) or not key:
            raise ValueError(f"a section key must be a non-empty text, got {key!r}")
    return found


def _section_keys(article: Mapping[str, Any]) -> list[Any]:
    sections = article.get("sections") or []
    if not isinstance(sections, list):
        raise ValueError(f"sections must be a list, got {sections!r}")
    return [section.get("key") if isinstance(section, Mapping) else section for section in sections]


def _quotes(article: Mapping[str, Any]) -> list[Item]:
    quotes = article.get("quotes") or []
    if not isinstance(quotes, list) or not all(isinstance(q, Mapping) for q in quotes):
        raise ValueError(f"quotes must be a list of objects, got {quotes!r}")
    return quotes


def figures(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> Figures:
    """The figures over (expected, parsed) article JSON pairs.

    >>> article = {"sections": [{"key": "latest"}], "quotes": [{"text": "آری", "speaker": "او"}]}
    >>> result = figures([(article, article)])
    >>> str(result.speaker), str(result.precision), result.keys_f1, str(result.role)
    ('1.000 (1/1)', '1.000 (1/1)', 1.0, '1.000 (0/0)')
    """
    speaker = precision = keys_p = keys_r = role = Ratio(0, 0)
    for expected, got in pairs:
        want, have = _quotes(expected), _quotes(got)
        speaker += speaker_ratio(want, have)
        precision += precision_ratio(want, have)
        role += role_ratio(want, have)
        p, r = key_ratios(_section_keys(expected), _section_keys(got))
        keys_p, keys_r = keys_p + p, keys_r + r
    return Figures(speaker, precision, keys_p, keys_r, role)


@dataclass(frozen=True, slots=True)
class Pair:
    """One corpus article: its name, the expected JSON and the parser's JSON."""

    name: str
    expected: dict[str, Any]
    got: dict[str, Any]


def load_pairs(folder: Path, stems: Iterable[str] | None = None) -> list[Pair]:
    """Parse every ``*.txt`` in ``folder`` (or only ``stems``) beside its expected JSON."""
    from bot.pipeline.ingest import parse_file

    paths = sorted(folder.glob("*.txt"))
    if stems is not None:
        wanted = set(stems)
        paths = [path for path in paths if path.stem in wanted]
        missing = wanted - {path.stem for path in paths}
        if missing:
            raise ValueError(f"no such articles in {folder}: {', '.join(sorted(missing))}")
    pairs = []
    for path in paths:
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        _, article = parse_file(path)
        pairs.append(Pair(path.stem, expected, article.to_json()))
    return pairs


def measure(folder: Path, stems: Iterable[str] | None = None) -> Figures:
    """The figures for the articles in ``folder`` (parsed with the bot's pipeline)."""
    return figures((pair.expected, pair.got) for pair in load_pairs(folder, stems))


def mistakes(pair: Pair) -> list[str]:
    """One line per thing the parser got wrong in one article (for reading, not scoring)."""
    lines = []
    want, have = _quotes(pair.expected), _quotes(pair.got)
    for expected, got in match_items(want, have):
        if kind(expected) != "quote":
            continue
        if got is None:
            lines.append(f"missed quote «{expected['text']}»")
        elif not speaker_matches(expected, got):
            lines.append(
                f"speaker of «{expected['text']}»: {got.get('speaker')!r}, "
                f"expected {expected.get('speaker')!r}"
            )
        elif expected.get("role") and not role_matches(expected, got):
            lines.append(
                f"role of «{expected['text']}»: {got.get('role')!r}, "
                f"expected {expected.get('role')!r}"
            )
    wanted = {fold(_text(item)) for item in want if kind(item) == "quote"}
    for item in have:
        if kind(item) == "quote" and fold(_text(item)) not in wanted:
            lines.append(f"not an expected quotation: «{item['text']}»")
    keys_want, keys_have = _section_keys(pair.expected), _section_keys(pair.got)
    if Counter(keys_want) != Counter(keys_have):
        lines.append(f"section keys {keys_have}, expected {keys_want}")
    return lines
