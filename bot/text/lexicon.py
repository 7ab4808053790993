"""Word data for the half-space restorer: hazm's word and verb lists plus our own.

hazm ships ``words.dat`` (word, corpus count, tags) and ``verbs.dat`` (past#present
stems). We add ``data/news_words.txt`` (half-spaced compounds that news text uses and
the word list lacks) and ``data/joined_words.txt`` (words that are right without a
half-space and must never be split).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hazm import Conjugation, utils

from bot.text.chars import NON_JOINING, ZWNJ
from bot.text.resources import data_lines

_UNTAGGED = frozenset({"0"})
_CONTENT = frozenset({"N", "AJ"})
_WELL_FORMED = re.compile(f"[^{ZWNJ}]+(?:(?<![{''.join(NON_JOINING)}]){ZWNJ}[^{ZWNJ}]+)+")


@dataclass(frozen=True, slots=True)
class Entry:
    """A word's corpus count and part-of-speech tags."""

    count: int
    tags: frozenset[str]


@dataclass(slots=True)
class Lexicon:
    """Everything the restorer looks words up in.

    ``words`` maps every known spelling to its entry; ``spaced`` maps the letters of a
    half-spaced form (half-spaces removed) to that form; ``verbs`` does the same for
    conjugated verb forms that carry a half-space; ``joined`` lists words to keep as
    they are.
    """

    words: dict[str, Entry] = field(default_factory=dict)
    spaced: dict[str, str] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)
    joined: frozenset[str] = frozenset()
    past_stems: frozenset[str] = frozenset()

    def count(self, word: str) -> int:
        """Corpus count of ``word`` (``-1`` when unknown)."""
        entry = self.words.get(word)
        return -1 if entry is None else entry.count

    def known(self, word: str) -> bool:
        """Whether ``word`` is an attested word of the lexicon as spelled.

        hazm's list also holds unattested spellings (count 0, no tag), many of them
        words whose half-space was lost (میشود, بودهاند): those do not count.
        """
        entry = self.words.get(word)
        return entry is not None and (entry.count > 0 or entry.tags != _UNTAGGED)

    def has_tag(self, word: str, tag: str) -> bool:
        """Whether ``word`` is known with part-of-speech ``tag`` (``AJ``, ``N``, ...)."""
        entry = self.words.get(word)
        return entry is not None and tag in entry.tags

    def is_content_word(self, word: str) -> bool:
        """Whether ``word`` is known as a noun or adjective."""
        entry = self.words.get(word)
        return entry is not None and bool(entry.tags & _CONTENT)

    def is_participle(self, word: str) -> bool:
        """Whether ``word`` is a past participle (past stem + ه: گشته, خریده)."""
        return word.endswith("ه") and word[:-1] in self.past_stems

    def add_spaced(self, form: str, count: int) -> None:
        """Record a half-spaced form, keeping the most frequent one per spelling.

        Forms with a half-space at an edge, doubled, or after a letter that does not
        join are noise in the word list and are skipped.
        """
        if not _WELL_FORMED.fullmatch(form):
            return
        key = form.replace(ZWNJ, "")
        current = self.spaced.get(key)
        if current is None or self.count(current) < count:
            self.spaced[key] = form


_PERSONAL = ("م", "ی", "د", "یم", "ید", "ند")
#: After a present stem ending in a vowel a glide ی comes in: افزاید, می‌آیند.
_PERSONAL_AFTER_VOWEL = ("یم", "یی", "ید", "ییم", "یید", "یند")
_PAST_PERSONAL = ("م", "ی", "", "یم", "ید", "ند")


def _imperfective(past: str, present: str) -> list[str]:
    """می/نمی forms of the present and the past continuous."""
    endings = _PERSONAL_AFTER_VOWEL if present.endswith(("ا", "و")) else _PERSONAL
    stems = [present + ending for ending in endings if present]
    stems += [past + ending for ending in _PAST_PERSONAL if past]
    return [prefix + ZWNJ + stem for prefix in ("می", "نمی") for stem in stems]


def _verb_forms() -> dict[str, str]:
    """One-word conjugations that carry a half-space, keyed by their joined letters."""
    conjugation = Conjugation()
    forms: dict[str, str] = {}
    for verb in utils.verbs_list():
        past, _, present = verb.partition("#")
        for form in _imperfective(past, present) + conjugation.get_all(verb):
            if ZWNJ in form and " " not in form:
                forms.setdefault(form.replace(ZWNJ, ""), form)
    return forms


def load_lexicon() -> Lexicon:
    """Build the lexicon from hazm's data and ours (about a second; do it once)."""
    lexicon = Lexicon()
    for word, count, tags in utils.words_list():
        lexicon.words[word] = Entry(count, frozenset(tags))
    # A news compound outranks any joined spelling the corpus counts may prefer.
    top = max((entry.count for entry in lexicon.words.values()), default=0)
    for line in data_lines("news_words.txt"):
        word, _, tags = line.partition(" ")
        lexicon.words[word] = Entry(top, frozenset(tags.split(",")) if tags else frozenset({"N"}))
    for word, entry in lexicon.words.items():
        if ZWNJ in word:
            lexicon.add_spaced(word, entry.count)
    lexicon.verbs = _verb_forms()
    lexicon.joined = frozenset(data_lines("joined_words.txt"))
    lexicon.past_stems = frozenset(
        past for past in (verb.split("#")[0] for verb in utils.verbs_list()) if past
    )
    return lexicon
