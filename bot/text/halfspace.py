"""Restore half-spaces (U+200C) that were stripped from Persian text.

A word is restored when the lexicon knows a half-spaced form with the same letters
that is more frequent than the joined spelling; an unknown word is split where a
known stem meets a suffix (ها/های, تر/ترین, ای/اش after a silent ه), where a verb
takes می/نمی, or where a known word meets a compound tail (کننده, نامه, مدت, ...).
Known joined words (بیشتر, میزان, دفتر, ...) are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.text.chars import NON_JOINING, ZWNJ
from bot.text.lexicon import Lexicon

_WORD = re.compile("[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654\u200c]+")

PLURAL = ("هایشان", "هایتان", "هایمان", "هایش", "هایم", "هایت", "هایی", "های", "ها")
COMPARATIVE = ("ترین", "تری", "تر")
#: Enclitics written apart after a silent final ه (and ای after a final ی).
AFTER_SILENT_HE = ("اند", "ایم", "اید", "ای", "اش", "ام", "ات")
#: ی after a final vowel (دریای, بازوی): written joined, never a half-space.
VOWEL_YE = ("یی", "ی")
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

    def _stem(self, stem: str) -> tuple[int, str] | None:
        """``(weight, restored form)`` of a stem the lexicon has, else ``None``.

        Unattested spellings still serve as stems (مدل is one), with weight 0.
        """
        if len(stem) < MIN_PART:
            return None
        restored = self.restore_word(stem)
        if restored == stem and stem not in self.lexicon.words:
            return None
        return max(self.lexicon.count(stem), self.lexicon.count(restored), 0), restored

    def _readings(self, word: str) -> Iterator[tuple[int, str | None]]:
        """Every stem + suffix reading of ``word``: ``(weight, restored)``.

        ``None`` stands for a reading that needs no half-space (کشورها, دریای), which
        competes with the others: روزهای is روز + های, not روزه + ای.
        """
        lex = self.lexicon
        for suffix in PLURAL + COMPARATIVE + AFTER_SILENT_HE + VOWEL_YE:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < MIN_PART:
                continue
            if suffix in AFTER_SILENT_HE and not (
                stem[-1] == "ه" or (stem[-1] == "ی" and suffix == "ای")
            ):
                continue
            if suffix in VOWEL_YE and stem[-1] not in "او":
                continue
            found = self._stem(stem)
            if found is None:
                continue
            weight, restored = found
            if suffix in COMPARATIVE and not lex.has_tag(stem, "AJ"):
                continue
            joins = stem[-1] not in NON_JOINING and suffix not in VOWEL_YE
            yield weight, (restored + ZWNJ + suffix) if joins else None

    def _split_suffix(self, word: str) -> str | None:
        """The reading whose stem is the most frequent (``None``: keep the word)."""
        best = max(self._readings(word), key=lambda reading: reading[0], default=None)
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
                found = self._stem(head)
                if found is not None and self.lexicon.known(head):
                    return found[1] + ZWNJ + tail
        return None
