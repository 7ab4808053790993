"""Restore half-spaces (U+200C) that were stripped from Persian text.

A word is restored when the lexicon knows a half-spaced form with the same letters
that is much more frequent than the joined spelling; an unknown word is split where a
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

PLURAL = (
    "هایشان", "هایتان", "هایمان", "هایش", "هایم", "هایت", "هایی", "هاست", "های", "ها",
)  # fmt: skip
COMPARATIVE = ("ترین", "تری", "تر")
#: Enclitics written apart after a silent final ه (اش, شان, ... after a final ی too).
AFTER_SILENT_HE = ("شان", "مان", "تان", "اند", "ایم", "اید", "ای", "اش", "ام", "ات")
AFTER_YE = frozenset({"ای", "اش", "ام", "ات", "شان", "مان", "تان"})
#: Preverbs written joined before می/نمی: برمی‌گردد, بازمی‌گردند, درمی‌آید.
PREVERBS = ("باز", "بر", "در", "فرا", "فرو", "وا")
#: Joined ی (indefinite, ezafe, adjective) and یی after a final vowel.
JOINED_YE = ("یی", "ی")
#: ان/گان make plurals of compounds: سرمایه‌گذار → سرمایه‌گذاران, دیده → دیدگان.
COMPOUND_PLURAL = ("ان",)
PREFIXES = ("پیش", "هم", "بی", "نیمه")
#: Second halves that news text writes after a half-space.
COMPOUND_TAILS = (
    "کنندگان", "کننده", "کنندگی", "نامه", "مدت", "گذاری", "گذار", "پذیری", "پذیر",
    "ناپذیر", "شناسی", "شناس", "رسانی", "آمیز", "انگیز", "سازی", "ساز", "گاه", "خیز",
    "وار", "گری", "گر", "مندی", "مند", "خواهی", "خواه", "پوش", "نویسی", "نویس",
    "برداری", "بردار",
)  # fmt: skip
MIN_PART = 2
#: A common joined spelling stays unless the half-spaced one is this much more
#: frequent: both نگهداری and نگه‌داری are right, a wrong half-space is not.
JOINED_PREFERENCE = 20
#: How much likelier a Xه+ای reading is than an X+های one of the same frequency,
#: when X ends in a joining letter (سامانه‌ای rather than سامان‌های).
SILENT_HE_PRIOR = 100


class HalfSpaceRestorer:
    """Put stripped half-spaces back, word by word, with a cache of decisions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, str] = {}

    def restore(self, text: str) -> str:
        """Restore half-spaces in every word of ``text``; other characters are kept.

        >>> from bot.text.lexicon import load_lexicon
        >>> print(HalfSpaceRestorer(load_lexicon()).restore("آنها میکنند"))
        آنها می‌کنند
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
        if spaced is not None and lex.count(spaced) >= JOINED_PREFERENCE * lex.count(word):
            return spaced
        if lex.known(word):
            return None
        verb = self._verb(word)
        if verb is not None:
            return verb
        best = max(self._readings(word), key=lambda reading: reading[0], default=None)
        if best is not None:
            return best[1]
        return self._split_prefix(word) or self._split_compound(word)

    def _verb(self, word: str) -> str | None:
        """A می/نمی verb form, with or without a preverb (برمی‌گردد)."""
        for preverb in ("", *PREVERBS):
            if not word.startswith(preverb):
                continue
            verb = self.lexicon.verbs.get(word[len(preverb) :])
            if verb is not None and verb.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
                return preverb + verb
        return None

    def _stem(self, stem: str) -> tuple[int, str] | None:
        """``(weight, restored form)`` of a stem the lexicon has, else ``None``.

        Unattested spellings still serve as stems (مدل is one), with weight 0; a
        stem on the joined list outweighs any other reading (کمتری is کمتر + ی).
        """
        if len(stem) < MIN_PART:
            return None
        restored = self.restore_word(stem)
        if restored == stem and stem not in self.lexicon.words:
            return None
        weight = max(self.lexicon.count(stem), self.lexicon.count(restored), 0)
        if stem in self.lexicon.joined:
            weight *= SILENT_HE_PRIOR
        return weight, restored

    def _prior(self, stem: str, suffix: str, restored: str) -> int | None:
        """How much a stem + suffix reading weighs against others; ``None``: impossible."""
        lex = self.lexicon
        final = stem[-1]
        if suffix in AFTER_SILENT_HE:
            if final == "ه" and (lex.is_content_word(stem) or restored != stem):
                if suffix != "ای":
                    return 1
                return None if lex.is_participle(stem) else SILENT_HE_PRIOR
            return 1 if final == "ی" and suffix in AFTER_YE else None
        if suffix in JOINED_YE:
            if final == "ه" or (suffix == "یی" and final not in "او"):
                return None
            return 1
        if suffix in COMPARATIVE and not (
            lex.has_tag(stem, "AJ") or lex.has_tag(restored, "AJ") or restored != stem
            or final == "ی"
        ):
            return None
        if suffix in PLURAL and final in NON_JOINING:
            return SILENT_HE_PRIOR
        return 1

    def _readings(self, word: str) -> Iterator[tuple[int, str]]:
        """Every stem + suffix reading of ``word`` as ``(weight, spelling)``.

        Readings that need no half-space (کشورها, دریای, بیشتری) compete with the
        others: روزهای is روز + های, not روزه + ای. A conjugated verb (ستاده‌ای) is
        one reading among the rest, so the plural ستادهای wins.
        """
        verb = self.lexicon.verbs.get(word)
        if verb is not None:
            # Perfect forms such as گشته‌ای are rare in news next to plurals.
            participle = verb.split(ZWNJ)[0]
            yield max(self.lexicon.count(participle), 0) // SILENT_HE_PRIOR, verb
        for suffix in PLURAL + COMPARATIVE + AFTER_SILENT_HE + JOINED_YE:
            stem = word[: -len(suffix)]
            if not word.endswith(suffix) or len(stem) < MIN_PART:
                continue
            found = self._stem(stem)
            if found is None:
                continue
            weight, restored = found
            prior = self._prior(stem, suffix, restored)
            if prior is None:
                continue
            joins = stem[-1] not in NON_JOINING and suffix not in JOINED_YE
            yield weight * prior, restored + (ZWNJ if joins else "") + suffix
        yield from self._compound_plurals(word)

    def _compound_plurals(self, word: str) -> Iterator[tuple[int, str]]:
        """ان/گان plurals: متهمان, and after compounds سرمایه‌گذاران, آسیب‌دیدگان."""
        for stem, tail in ((word[:-2], "ان"), (word[:-3] + "ه", "گان")):
            if not word.endswith(tail) or len(stem) < MIN_PART + 1:
                continue
            restored = self.restore_word(stem)
            if restored != stem or self.lexicon.is_content_word(stem):
                base = restored if tail == "ان" else restored[:-1]
                yield max(self.lexicon.count(restored), self.lexicon.count(stem)), base + tail

    def _split_prefix(self, word: str) -> str | None:
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and self.lexicon.count(rest) > 0:
                return prefix + ZWNJ + self.restore_word(rest)
        return None

    def _split_compound(self, word: str) -> str | None:
        for tail in COMPOUND_TAILS:
            head = word[: -len(tail)]
            if word.endswith(tail) and len(head) >= MIN_PART and head[-1] not in NON_JOINING:
                found = self._stem(head)
                if found is not None and self.lexicon.known(head):
                    return found[1] + ZWNJ + self.restore_word(tail)
        return None
