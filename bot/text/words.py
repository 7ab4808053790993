"""Words: tokens and stop words."""

from __future__ import annotations

import re
from functools import cache

from bot.text.chars import ZWNJ
from bot.text.resources import data_lines, hazm_lines

_TOKEN = re.compile(f"[\\w{ZWNJ}]+")


@cache
def stopwords(lang: str) -> frozenset[str]:
    """Stop words: hazm's list plus ours for Persian; a short English list."""
    if lang == "en":
        return frozenset(data_lines("stopwords_en.txt"))
    return frozenset(hazm_lines("stopwords.dat")) | frozenset(data_lines("stopwords_fa.txt"))


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` (letters, digits, ``_`` and half-spaces)."""
    return [token.strip(ZWNJ) for token in _TOKEN.findall(text) if token.strip(ZWNJ)]
