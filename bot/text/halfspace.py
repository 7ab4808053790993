"""Restore half-spaces (U+200C) that were stripped from Persian text.

A word is restored when the lexicon knows a half-spaced form with the same letters
that is more frequent than the joined spelling; an unknown word is split where a
known stem meets a suffix (ها/های, تر/ترین, ای/اش after a silent ه), where a verb
takes می/نمی, or where a known word meets a compound tail (کننده, نامه, مدت, ...).
Known joined words (بیشتر, میزان, دفتر, ...) are never touched.
"""

from __future__ import annotations

import re

from bot.text.chars import NON_JOINING, ZWNJ
from bot.text.lexicon import Lexicon

_WORD = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654\u200c]+")

PLURAL = ("هایشان", "هایتان", "هایمان", "هایش", "هایم", "هایت", "هایی", "های", "ها")
COMPARATIVE = ("ترین", "تری", "تر")
#: Enclitics written apart after a silent final ه (and ای after a final ی).
AFTER_SILENT_HE = ("اند", "ایم", "اید", "ای", "اش", "ام", "ات")
PREFIXES = ("پیش", "هم", "بی", "نیمه")
#: Second halves that news text writes after a half-space.
COMPOUND_TAILS = (
    "کنندگان", "کننده", "کنندگی", "نامه", "مدت", "گذاری", "گذار", "پذیری",
    "پذیر", "ناپذیر", "شناسی", "شناس", "رسانی", "آمیز", "انگیز", "سازی", "ساز", "گاه",
    "های", "خیز", "وار", "گری", "گر",
)
MIN_PART = 2


class HalfSpaceRestorer:
    """Put stripped half-spaces back, word by word, with a cache of decisions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, str] = {}

    def restore(self, text: str) -> str:
        """Restore half-spaces in every word of ``text``; other characters are kept.

        >>> from bot.text.lexicon import load_lexicon
        >>> HalfSpaceRestorer(load_lexicon()).restore("آنها میکنند")  # doctest: +SKIP
        'آن‌ها می‌کنند'
        """
        return _WORD.sub(lambda match: self.restore_word(match.group()), text)

    def restore_word(self, word: str) -> str:
        """Restore one word (letters only); a word that has half-spaces is kept."""
        if ZWNJ in word:
            return word
        cached = self._cache.get(word)
        if cached is None:
            cached = self._decide(word) or word
            self._cache[word] = cached
        return cached

    def _decide(self, word: str) -> str | None:
        lex = self.lexicon
        if len(word) < 3 or word in lex.joined:
            return None
        spaced = lex.spaced.get(word)
        if spaced is not None and lex.count(spaced) >= lex.count(word):
            return spaced
        if lex.known(word):
            return None
        return (
            lex.verbs.get(word)
            or self._split_suffix(word)
            or self._split_prefix(word)
            or self._split_compound(word)
        )

    def _stem(self, stem: str) -> str | None:
        """The restored form of a stem the lexicon knows, else ``None``."""
        if len(stem) < MIN_PART:
            return None
        restored = self.restore_word(stem)
        if restored != stem or self.lexicon.known(stem):
            return restored
        return None

    def _split_suffix(self, word: str) -> str | None:
        """The best stem + suffix reading: the one whose stem is the most frequent."""
        lex = self.lexicon
        best: tuple[int, str] | None = None
        for suffix in PLURAL + COMPARATIVE + AFTER_SILENT_HE:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < MIN_PART or stem[-1] in NON_JOINING:
                continue
            if suffix in AFTER_SILENT_HE and not (
                stem[-1] == "ه" or (stem[-1] == "ی" and suffix == "ای")
            ):
                continue
            restored = self._stem(stem)
            if restored is None:
                continue
            if suffix in COMPARATIVE and not lex.has_tag(stem, "AJ"):
                continue
            weight = max(lex.count(stem), lex.count(restored))
            if best is None or weight > best[0]:
                best = (weight, restored + ZWNJ + suffix)
        return best[1] if best else None

    def _split_prefix(self, word: str) -> str | None:
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 3 and self.lexicon.count(rest) > 0:
                return prefix + ZWNJ + self.restore_word(rest)
        return None

    def _split_compound(self, word: str) -> str | None:
        for tail in COMPOUND_TAILS:
            head = word[: -len(tail)]
            if word.endswith(tail) and len(head) >= MIN_PART and head[-1] not in NON_JOINING:
                restored = self._stem(head)
                if restored is not None:
                    return restored + ZWNJ + tail
        return None
