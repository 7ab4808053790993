"""Split text into sentences: lines first, never inside quotes, numbers or URLs.

hazm's ``sent_tokenize`` glues unpunctuated lines together and splits inside «...»,
so this splitter is our own. It reads hazm's abbreviation list from the installed
package's data folder without importing hazm, so it is cheap in the serving path.
"""

from __future__ import annotations

import re
from functools import cache

from bot.text.resources import data_lines, hazm_lines

_END = frozenset(".!?؟…")
_OPEN = {"«": "»", "“": "”", "(": ")"}


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that end with a dot but not a sentence (hazm's and English)."""
    ours = data_lines("abbreviations_en.txt")
    return frozenset(ours) | {line.rstrip(".") for line in hazm_lines("abbreviations.dat")}


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("«“(\"'").rstrip(".")
    if not word:
        return False
    if len(word) == 1 and "A" <= word <= "Z":
        return True
    return word.casefold() in abbreviations()


_MARKS = re.compile(r"[«»“”()]|[.!?؟…]+")
_TRAILING = re.compile(r"[»”)\"']*")


def _split_line(line: str) -> list[str]:
    sentences: list[str] = []
    closers: list[str] = []
    start = 0
    for mark in _MARKS.finditer(line):
        char = mark.group()[0]
        if char in _OPEN:
            closers.append(_OPEN[char])
        elif char in "»”)":
            if closers and char == closers[-1]:
                closers.pop()
        elif not closers:
            trailing = _TRAILING.match(line, mark.end())
            end = trailing.end() if trailing else mark.end()
            if end < len(line) and not line[end].isspace():
                continue
            candidate = line[start:end]
            if mark.group() == "." and _is_abbreviation(line[start : mark.end()]):
                continue
            if candidate.strip():
                sentences.append(candidate.strip())
            start = end
    if line[start:].strip():
        sentences.append(line[start:].strip())
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences; a line break always ends one.

    >>> split_sentences("قیمت ۳.۴ درصد رشد کرد. او گفت: «نه. هرگز.» و رفت")
    ['قیمت ۳.۴ درصد رشد کرد.', 'او گفت: «نه. هرگز.» و رفت']
    >>> split_sentences("")
    []
    """
    return [sentence for line in text.split("\n") for sentence in _split_line(line)]
