"""Parts of speech from hazm's offline word list, and verb forms from its verb list.

hazm's ``words.dat`` holds one word a line: the word, a corpus count and its tags
(``N`` noun, ``AJ`` adjective, ``ADV`` adverb, ``NUM``, ``PRO``, ``P``, ``CONJ``, ``DET``,
``CL`` classifier, ``PL`` plural, ``RES``, ...; ``0`` when untagged, which is most of the
list). The tags list every use the tagged corpus saw, so a common noun may carry ``ADV``
too (کشور, خودرو): a tag says a word *can* be used so, not that it usually is. Verbs are
not in the word list; ``verbs.dat`` gives their past and present stems, and
:func:`is_verb_form` recognises the usual one-word conjugations from those.

Both files are read directly (the format of hazm's ``utils.words_list``), without
importing hazm (which costs a second and 50 MB). The tables are built on first use and
cached: under a tenth of a second and about 4 MB (35,000 tagged words, 1,300 stems),
once per process, and only where hashtags are made (parsing, in the ingest pipeline),
never while serving readers.
"""

from __future__ import annotations

import functools
from functools import cache

from bot.text.chars import ZWNJ
from bot.text.resources import hazm_data

_UNTAGGED = "0"
#: Personal endings of the present (with the glide forms after a vowel: می‌آیند).
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند", "یی", "ییم", "یید", "یند")
#: Personal endings of the simple past (the third person singular has none).
_PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
#: Endings after a participle: گفته, گفته‌اند, گفته‌ایم.
_PERFECT_ENDINGS = ("", *(ZWNJ + ending for ending in ("ام", "ای", "ایم", "اید", "اند", "است")))
#: The past stem of a causative is its present stem and this: لرز → لرزاند.
_CAUSATIVE = "اند"
#: Imperfective prefixes, with the half-space or (damaged text) without it.
_IMPERFECTIVE = ("نمی" + ZWNJ, "می" + ZWNJ, "نمی", "می")
#: Subjunctive and negative prefixes.
_MOOD = ("ب", "ن")
#: Stems of the verbs that make compound verbs with a noun (آغاز کرد, برگزار شد).
LIGHT_VERB_STEMS = frozenset(
    {
        "کرد", "کن", "شد", "شو", "نمود", "نما", "نمای", "گردید", "گرد", "داد", "ده",
        "یافت", "یاب", "گرفت", "گیر", "زد", "زن",
    }
)  # fmt: skip


@cache
def _tag_table() -> dict[str, frozenset[str]]:
    """Every tagged word of ``words.dat`` and its tags (one frozenset per combination)."""
    shared: dict[str, frozenset[str]] = {}
    table: dict[str, frozenset[str]] = {}
    with hazm_data("words.dat").open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.rstrip("\n").partition("\t")
            tags = rest.partition("\t")[2].strip()
            if not word or not tags or tags == _UNTAGGED:
                continue
            table[word] = shared.setdefault(tags, frozenset(tags.split(",")))
    return table


def word_tags(word: str) -> frozenset[str]:
    """hazm's part-of-speech tags for ``word`` as spelled; empty when it has none.

    >>> sorted(word_tags("صلح")), sorted(word_tags("فردا")), word_tags("")
    (['AJ', 'N'], ['ADV', 'N'], frozenset())
    """
    return _tag_table().get(word, frozenset())


@cache
def _stems() -> tuple[frozenset[str], frozenset[str]]:
    """Past and present stems of every verb in ``verbs.dat``."""
    past: set[str] = set()
    present: set[str] = set()
    with hazm_data("verbs.dat").open(encoding="utf-8") as lines:
        for line in lines:
            first, _, second = line.strip().partition("#")
            past.update(first.split()[:1])
            present.update(second.split()[:1])
    return frozenset(past), frozenset(present)


@functools.lru_cache(maxsize=1 << 15)
def verb_stems(word: str) -> frozenset[str]:
    """The verb stems ``word`` can be a one-word form of (empty: not a verb form).

    Recognised: the simple past (گفت, گفتند), the present with or without می/نمی/ب/ن
    (می‌گوید, کنند, بروند), the past continuous (می‌گفت), the causative past (لرزاند),
    participles and the present perfect (گفته, گفته‌اند) and the infinitive (گفتن).

    >>> sorted(verb_stems("می‌کنند")), sorted(verb_stems("گفته‌اند")), verb_stems("کتاب")
    (['کن'], ['گفت'], frozenset())
    """
    past, present = _stems()
    found: set[str] = set()
    for prefix in (*_IMPERFECTIVE, *_MOOD, ""):
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        for ending in _PRESENT_ENDINGS:
            if rest.endswith(ending) and rest[: -len(ending)] in present:
                found.add(rest[: -len(ending)])
        for ending in _PAST_ENDINGS:
            stem = rest[: len(rest) - len(ending)]
            if rest.endswith(ending) and stem in past and (ending or prefix != "ب"):
                found.add(stem)
            # The causative past: لرزاند, رساندند (present stem + اند).
            causative = stem[: -len(_CAUSATIVE)]
            if rest.endswith(ending) and stem.endswith(_CAUSATIVE) and causative in present:
                found.add(causative)
        if prefix in _IMPERFECTIVE:
            continue
        for ending in _PERFECT_ENDINGS:
            if rest.endswith("ه" + ending) and rest[: len(rest) - len(ending) - 1] in past:
                found.add(rest[: len(rest) - len(ending) - 1])
        if rest.endswith("ن") and rest[:-1] in past:
            found.add(rest[:-1])
    return frozenset(found)


def is_participle(word: str) -> bool:
    """Whether ``word`` is a past participle or perfect form (گفته, شده‌اند).

    >>> is_participle("گفته"), is_participle("گفت"), is_participle("خانه")
    (True, False, False)
    """
    past, _ = _stems()
    for ending in _PERFECT_ENDINGS:
        stem = word[: len(word) - len(ending) - 1]
        if word.endswith("ه" + ending) and (stem in past or (stem[1:] in past and stem[0] == "ن")):
            return True
    return False


def is_verb_form(word: str) -> bool:
    """Whether ``word`` is read as a verb: a conjugated form that is not also a noun.

    A form with می/نمی, a participle, an infinitive or a form of a light verb (کند,
    شود) is a verb; any other form that hazm also knows as a noun (برد "a win",
    نشست "a meeting", خرید "a purchase") is not.

    >>> [is_verb_form(w) for w in ("می‌کنند", "گفت", "کند", "نشست", "کتاب", "")]
    [True, True, True, False, False, False]
    """
    stems = verb_stems(word)
    if not stems:
        return False
    if word.startswith(_IMPERFECTIVE) or stems & LIGHT_VERB_STEMS or is_participle(word):
        return True
    past, _ = _stems()
    if word.endswith("ن") and word[:-1] in past:
        return True
    return "N" not in word_tags(word)


def is_finite_verb(word: str) -> bool:
    """Whether ``word`` is a finite verb form (بدهید, بروند, می‌روند): a verb form that
    is not a participle or an infinitive, which name things as often as they say them
    («سوخته», «ماندن»), nor a word hazm also tags as a noun, adjective or adverb
    («شدید»).

    >>> [is_finite_verb(w) for w in ("بدهید", "می‌روند", "سوخته", "ماندن", "شدید", "")]
    [True, True, False, False, False, False]
    """
    if word.startswith(_IMPERFECTIVE[:2]):
        return bool(verb_stems(word))
    return (
        is_verb_form(word)
        and not is_participle(word)
        and word[:-1] not in verb_stems(word)
        and not word_tags(word) & {"N", "AJ", "ADV"}
    )
