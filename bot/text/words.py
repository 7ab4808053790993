"""Words: tokens, stop words and the keywords an article is tagged with."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from bot.text.chars import ZWNJ, strip_diacritics
from bot.text.resources import data_lines, hazm_lines

_TOKEN = re.compile(f"[\\w{ZWNJ}]+")
#: Verb forms and function words that make poor hashtags.
_VERBISH = re.compile(f"^(?:ن?می{ZWNJ}|ن?خواه)|(?:{ZWNJ}(?:اند|ایم|اید|ام)|(?:ند|ید|یم))$")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Stop words: hazm's list plus ours for Persian; a short English list."""
    if lang == "en":
        return frozenset(data_lines("stopwords_en.txt"))
    return frozenset(hazm_lines("stopwords.dat")) | frozenset(data_lines("stopwords_fa.txt"))


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` (letters, digits, ``_`` and half-spaces)."""
    return [token.strip(ZWNJ) for token in _TOKEN.findall(text) if token.strip(ZWNJ)]


def _candidate(word: str, lang: str) -> bool:
    if len(word) < 3 or word.casefold() in stopwords(lang) or word.isdigit():
        return False
    if not any(char.isalpha() for char in word):
        return False
    return lang == "en" or not _VERBISH.search(word)


def keywords(title: str, body: str, lang: str = "fa", limit: int = 5) -> list[str]:
    """The ``limit`` words that best tag an article, as valid Telegram hashtag text.

    Words of the title count double; stop words, numbers and verb forms are left out;
    ties go to the earlier word. Hashtags take letters, digits, ``_`` and half-spaces
    and stop at diacritics, so diacritics are removed.

    >>> keywords("", "")
    []
    """
    counts: Counter[str] = Counter()
    for weight, text in ((2, title), (1, body)):
        words = tokens(strip_diacritics(text.casefold() if lang == "en" else text))
        for word, seen in Counter(words).items():
            counts[word] += weight * seen
    # Counter keeps first-seen order, so ties go to the earlier word.
    order = {word: index for index, word in enumerate(counts)}
    ranked: list[str] = []
    for word in sorted(counts, key=lambda word: (-counts[word], order[word])):
        if len(ranked) == limit:
            break
        if _candidate(word, lang):
            ranked.append(word)
    return [word.replace(ZWNJ, "_") if lang == "en" else word for word in ranked[:limit]]
