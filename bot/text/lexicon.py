"""Word data for the half-space restorer: hazm's word and verb lists plus our own.

hazm ships ``words.dat`` (word, corpus count, tags) and ``verbs.dat`` (past#present
stems). We add ``data/news_words.txt`` (half-spaced compounds that news text uses and
the word list lacks) and ``data/joined_words.txt`` (words that are right without a
half-space and must never be split).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hazm import Conjugation, utils

from bot.text.chars import ZWNJ
from bot.text.resources import data_lines

_UNTAGGED = frozenset({"0"})


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

    def add_spaced(self, form: str, count: int) -> None:
        """Record a half-spaced form, keeping the most frequent one per spelling."""
        key = form.replace(ZWNJ, "")
        current = self.spaced.get(key)
        if current is None or self.count(current) < count:
            self.spaced[key] = form


def _verb_forms() -> dict[str, str]:
    """One-word conjugations that carry a half-space, keyed by their joined letters."""
    conjugation = Conjugation()
    forms: dict[str, str] = {}
    for verb in utils.verbs_list():
        for form in conjugation.get_all(verb):
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
    return lexicon
