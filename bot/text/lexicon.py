"""Word data for the half-space restorer: hazm's word and verb lists, wordfreq's, ours.

hazm ships ``words.dat`` (word, corpus count, tags) and ``verbs.dat`` (past#present
stems), from which its ``Conjugation`` makes every verb form; wordfreq ships a Persian
list with frequencies (spellings with and without half-spaces, as people write them).
Combining them takes about two seconds, so the combined table is built once and kept
in a cache file (:func:`cache_path`) keyed by the versions of both packages; it is
rebuilt when missing or stale. We add ``data/news_words.txt`` (half-spaced compounds
that news text uses and the lists lack) and ``data/joined_words.txt`` (words that are
right without a half-space and must never be split) on every load: they are small.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from statistics import median
from typing import Any

from bot.text.chars import NON_JOINING, ZWNJ
from bot.text.resources import data_lines

_UNTAGGED = frozenset({"0"})
_CONTENT = frozenset({"N", "AJ"})
_WELL_FORMED = re.compile(f"[^{ZWNJ}]+(?:(?<![{''.join(NON_JOINING)}]){ZWNJ}[^{ZWNJ}]+)+")
_PERSIAN_WORD = re.compile(f"[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654{ZWNJ}]+")
#: Bumped whenever what the cache holds changes shape or meaning.
CACHE_FORMAT = 4


@dataclass(frozen=True, slots=True)
class Entry:
    """A word's corpus count and part-of-speech tags."""

    count: int
    tags: frozenset[str]


@dataclass(slots=True)
class Lexicon:
    """Everything the restorer looks words up in.

    ``words`` maps every spelling hazm knows to its entry (and its joined verb forms,
    such as نرفتیم, to an entry tagged ``V``); ``frequency`` holds
    wordfreq's frequency (share of all words) of each spelling it lists; ``scale`` turns
    hazm's counts into the same unit. ``spaced`` maps the letters of a half-spaced form
    (half-spaces removed) to that form; ``verbs`` does the same for conjugated verb
    forms that carry a half-space; ``joined`` lists words to keep as they are.
    """

    words: dict[str, Entry] = field(default_factory=dict)
    frequency: dict[str, float] = field(default_factory=dict)
    spaced: dict[str, str] = field(default_factory=dict)
    verbs: dict[str, str] = field(default_factory=dict)
    joined: frozenset[str] = frozenset()
    past_stems: frozenset[str] = frozenset()
    scale: float = 1.0

    def count(self, word: str) -> int:
        """hazm's corpus count of ``word`` (``-1`` when unknown)."""
        entry = self.words.get(word)
        return -1 if entry is None else entry.count

    def known(self, word: str) -> bool:
        """Whether ``word`` is an attested word of hazm's list as spelled.

        hazm's list also holds unattested spellings (count 0, no tag), many of them
        words whose half-space was lost (میشود, بودهاند): those do not count.
        """
        entry = self.words.get(word)
        return entry is not None and (entry.count > 0 or entry.tags != _UNTAGGED)

    def freq(self, word: str) -> float:
        """How often ``word`` is written so, as a share of all words (0 when unknown).

        The larger of hazm's count (scaled) and wordfreq's frequency. wordfreq counts
        stripped spellings too (میخواهند): a joined word frequent there may be wrong.
        """
        entry = self.words.get(word)
        hazm = entry.count / self.scale if entry is not None and entry.count > 0 else 0.0
        return max(hazm, self.frequency.get(word, 0.0))

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

    def add_spaced(self, form: str) -> None:
        """Record a half-spaced form, keeping the most frequent one per spelling.

        Forms with a half-space at an edge, doubled, or after a letter that does not
        join are noise in the word lists and are skipped.
        """
        if not _WELL_FORMED.fullmatch(form):
            return
        key = form.replace(ZWNJ, "")
        current = self.spaced.get(key)
        if current is None or self.freq(current) < self.freq(form):
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


def _glide(prefix: str, form: str) -> str:
    """ن or ب before a stem in آ or ا, as written: نآمده → نیامده, نافزود → نیفزود."""
    rest = form[len(prefix) :]
    if rest.startswith("آ"):
        return prefix + "یا" + rest[1:]
    if rest.startswith("ا") and not rest.startswith("ای"):
        return prefix + "ی" + rest[1:]
    return form


def _subjunctive(present: str) -> list[str]:
    """ب forms of a present stem in آ or ا (بیامیزد, بیفزاید), which hazm leaves out."""
    if not present.startswith(("آ", "ا")):
        return []
    endings = _PERSONAL_AFTER_VOWEL if present.endswith(("ا", "و")) else _PERSONAL
    return [_glide("ب", "ب" + present + ending) for ending in endings]


def _verb_forms(verbs: list[str]) -> tuple[dict[str, str], list[str]]:
    """One-word conjugations: those with a half-space keyed by their joined letters,
    and those without one."""
    from hazm import Conjugation

    conjugation = Conjugation()
    forms: dict[str, str] = {}
    joined: set[str] = set()
    for verb in verbs:
        past, _, present = verb.partition("#")
        vowel = past.startswith(("آ", "ا"))
        for form in _imperfective(past, present) + conjugation.get_all(verb):
            if " " in form:
                continue
            if vowel and form.startswith("ن") and not form.startswith(("نمی", past)):
                form = _glide("ن", form)
            if ZWNJ in form:
                forms.setdefault(form.replace(ZWNJ, ""), form)
            else:
                joined.add(form)
        joined.update(_subjunctive(present))
    return forms, sorted(joined - forms.keys())


def _regular_verbs(words: dict[str, tuple[int, str]], known: list[str]) -> list[str]:
    """``past#present`` stems of regular verbs whose infinitive hazm's corpus attests and
    ``verbs.dat`` lacks: -یدن drops ید for the present (رنجیدن: رنجید#رنج), -اندن drops
    د (رهاندن: رهاند#رهان). Negative infinitives (نخریدن) are skipped."""
    pasts = {verb.split("#")[0] for verb in known}
    found = []
    for word, (count, _) in words.items():
        if count <= 0 or ZWNJ in word or " " in word or len(word) < 5:
            continue
        past = word[:-1]
        if past in pasts or not word.endswith(("یدن", "اندن")):
            continue
        rest = word[1:]
        if word.startswith("ن") and (rest in words or "آ" + rest[1:] in words):
            continue
        present = past[:-2] if word.endswith("یدن") else past[:-1]
        found.append(f"{past}#{present}")
    return sorted(found)


def _wordfreq() -> dict[str, float]:
    """wordfreq's Persian words (Persian letters only) and their frequencies."""
    import wordfreq

    return {
        word: frequency
        for word, frequency in wordfreq.get_frequency_dict("fa", wordlist="small").items()
        if _PERSIAN_WORD.fullmatch(word) and not word.startswith(ZWNJ) and not word.endswith(ZWNJ)
    }


def build_table() -> dict[str, Any]:
    """The combined table of hazm's and wordfreq's data, as plain values (slow: cache it)."""
    from hazm import utils

    words = {word: (count, ",".join(tags)) for word, count, tags in utils.words_list()}
    frequency = _wordfreq()
    # hazm's counts and wordfreq's shares meet on the words both know.
    ratios = [words[w][0] / f for w, f in frequency.items() if w in words and words[w][0] > 0]
    verbs = list(utils.verbs_list())
    verbs += _regular_verbs(words, verbs)
    spaced_verbs, joined_verbs = _verb_forms(verbs)
    return {
        "words": words,
        "frequency": frequency,
        "scale": median(ratios) if ratios else 1.0,
        "verbs": spaced_verbs,
        "joined_verbs": joined_verbs,
        "past_stems": sorted({verb.split("#")[0] for verb in verbs} - {""}),
    }


def cache_key() -> str:
    """What the cached table depends on: the format, Python, hazm's and wordfreq's versions."""
    parts = [str(CACHE_FORMAT), sys.version, version("hazm"), version("wordfreq")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def cache_path() -> Path:
    """Where the combined table is cached: the user's cache folder (``XDG_CACHE_HOME``)."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "newsbot" / f"lexicon-{cache_key()}.marshal"


def load_table(path: Path | None = None) -> dict[str, Any]:
    """The combined table from the cache, built and cached first when missing or stale.

    An unreadable cache is rebuilt; an unwritable cache folder only costs the build.
    """
    path = path or cache_path()
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict) and table.get("key") == path.stem.removeprefix("lexicon-"):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = {**build_table(), "key": path.stem.removeprefix("lexicon-")}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(marshal.dumps(table))
        os.replace(out.name, path)
    except OSError:
        pass
    return table


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The lexicon: the cached combined table (:func:`load_table`) and our data files."""
    table = load_table(path)
    tag_sets: dict[str, frozenset[str]] = {}
    lexicon = Lexicon(frequency=table["frequency"], scale=table["scale"])
    for word, (count, tags) in table["words"].items():
        found = tag_sets.get(tags)
        if found is None:
            found = tag_sets[tags] = frozenset(tags.split(","))
        lexicon.words[word] = Entry(count, found)
    # A news compound outranks any joined spelling the corpus counts may prefer.
    top = max((entry.count for entry in lexicon.words.values()), default=0)
    for line in data_lines("news_words.txt"):
        word, _, tags = line.partition(" ")
        lexicon.words[word] = Entry(top, frozenset(tags.split(",")) if tags else frozenset({"N"}))
    for word in (*lexicon.words, *lexicon.frequency):
        if ZWNJ in word:
            lexicon.add_spaced(word)
    lexicon.verbs = table["verbs"]
    verb = frozenset({"V"})
    for form in table["joined_verbs"]:
        if not lexicon.known(form):
            lexicon.words[form] = Entry(0, verb)
    lexicon.joined = frozenset(data_lines("joined_words.txt"))
    lexicon.past_stems = frozenset(table["past_stems"])
    return lexicon
