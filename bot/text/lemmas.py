"""Word families: the lemma and stem forms a word can be matched by.

Persian words go through hazm's ``Lemmatizer`` and ``Stemmer`` (both offline), after
their half-spaces are restored, so سطرها, سطر‌ها and سطر meet at سطر and میگویند at the
verb stems گفت and گوی. English words lose their inflections by a few suffix rules
(watching → watch, numbers → number, closer → close). Every form is folded
(:func:`bot.text.chars.fold`), the way labels and search terms are compared.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from bot.text.chars import ZWNJ, clean_line, fold, to_persian_letters

if TYPE_CHECKING:
    from hazm import Lemmatizer, Stemmer

#: A lemma or stem shorter than this is too ambiguous to match anything by.
MIN_FORM = 3
_PERSIAN_WORD = re.compile(f"^[\u0600-\u06ff{ZWNJ}]+$")
_ENGLISH_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
#: English inflections: (ending, replacement), tried in order; each gives one form.
_ENGLISH_SUFFIXES = (
    ("ies", "y"), ("sses", "ss"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"),
    ("ied", "y"), ("ed", ""), ("ed", "e"), ("ier", "y"), ("er", ""), ("er", "e"),
    ("iest", "y"), ("est", ""), ("est", "e"),
)  # fmt: skip
#: Shortest English base left after removing an ending.
MIN_ENGLISH_BASE = 3
#: No word is longer; a longer run of letters is only folded, not analysed.
MAX_WORD = 40


@cache
def _hazm() -> tuple[Lemmatizer, Stemmer]:
    from hazm import Lemmatizer, Stemmer

    return Lemmatizer(), Stemmer()


def _unique(forms: list[str]) -> tuple[str, ...]:
    """The word itself (whatever its length), then its other forms long enough to use."""
    seen: dict[str, None] = {forms[0]: None} if forms and forms[0] else {}
    for form in forms[1:]:
        if len(form) >= MIN_FORM:
            seen.setdefault(form, None)
    return tuple(seen)


def _english_forms(word: str) -> tuple[str, ...]:
    word = word.casefold().replace("’", "'").replace("‘", "'").strip("'")
    if not _ENGLISH_WORD.match(word):
        return _unique([word])
    forms = [word]
    if word.endswith("'s"):
        word = word[:-2]
        forms.append(word)
    if "'" in word:
        forms.append(word.replace("'", ""))
        return _unique(forms)
    for ending, replacement in _ENGLISH_SUFFIXES:
        if ending == "s" and word.endswith(("ss", "us", "is")):
            continue
        base = word[: -len(ending)] + replacement
        if not word.endswith(ending) or len(base) < MIN_ENGLISH_BASE:
            continue
        forms.append(base)
        # bigger → bigg → big, stopped → stopp → stop
        doubled = len(base) > MIN_ENGLISH_BASE and base[-1] == base[-2]
        if not replacement and doubled and base[-1] not in "aeiouls":
            forms.append(base[:-1])
    return _unique(forms)


def _persian_forms(word: str) -> tuple[str, ...]:
    from bot.text.normalizer import default_normalizer

    word = to_persian_letters(word).strip(ZWNJ)
    spellings = [word]
    if ZWNJ not in word:
        restored = default_normalizer().normalize_line(word)
        if restored != word and _PERSIAN_WORD.match(restored):
            spellings.append(restored)
    lemmatizer, stemmer = _hazm()
    lemmas: list[str] = []
    stems: list[str] = []
    for spelling in spellings:
        lemmas.extend(lemmatizer.lemmatize(spelling).split("#"))
        stem = stemmer.stem(spelling)
        stems.append(stem)
        stems.append(stemmer.stem(stem))
    return _unique([fold(form) for form in [word, *lemmas, *stems, *_without_ezafe(word)]])


def _without_ezafe(word: str) -> list[str]:
    """The word without a written ezafe ی: صدای → صدا, آینده‌ی → آینده (hazm keeps it)."""
    if word.endswith(("ای", "وی")) and len(word) > MIN_FORM:
        return [word[:-1]]
    if word.endswith(ZWNJ + "ی"):
        return [word[:-2]]
    return []


@lru_cache(maxsize=8192)
def word_forms(word: str, lang: str = "fa") -> tuple[str, ...]:
    """The folded forms one word may be matched by: as written first, then its family.

    Persian: the word, its lemma (both stems for a verb), its stem. English: the word
    and the bases its endings allow. A word that is not all letters of its language
    only gives its folded self; an empty word gives nothing.

    >>> word_forms("سطرها")
    ('سطرها', 'سطر')
    >>> word_forms("میگویند")[:3]
    ('میگویند', 'گفت', 'گوی')
    >>> word_forms("Watching", "en")
    ('watching', 'watch', 'watche')
    >>> word_forms("")
    ()
    """
    word = clean_line(word)
    if not word:
        return ()
    if " " in word or len(word) > MAX_WORD:
        return _unique([fold(word)])
    if lang == "en" or word.isascii():
        return _english_forms(word)
    if not _PERSIAN_WORD.match(to_persian_letters(word)):
        return _unique([fold(word)])
    return _persian_forms(word)
