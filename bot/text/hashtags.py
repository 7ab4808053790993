"""Hashtags: an article's topics, chosen from its nouns and names.

A word is a topic when hazm's word list knows it as a noun, or when no list knows it
at all (most names: ترامپ, نادری); never a verb form, an adjective, a number, a time
word (فردا, هفته), a role or title (سخنگوی, وزیر), a stop word, or a word of quoted
markup (``<script>``, ``&amp;``). Context rules out the rest: the noun of a compound
verb (آغاز شد, کاهش یافت), an ambiguous form closing its sentence where Persian puts
the verb (رسید), and the news source after «به گزارش». A run of two or three topic
words that comes back together (ایالات متحده, وزارت امور خارجه) is one hashtag, joined
with ``_``. Words of the title weigh most, then the lede's, so the people, places and
organisations the article opens with come first.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from enum import Enum
from functools import cache, lru_cache
from typing import NamedTuple

from bot.text.chars import ZWNJ, strip_diacritics
from bot.text.pos import LIGHT_VERB_STEMS, is_verb_form, verb_stems, word_tags
from bot.text.resources import data_lines
from bot.text.words import stopwords

#: At most this many hashtags per article.
MAX_HASHTAGS = 5
#: The weight of a word in the title, the lede and the rest of the article.
TITLE_WEIGHT, LEDE_WEIGHT, BODY_WEIGHT = 3, 2, 1
#: A run of words becomes one hashtag when it comes back this often ...
UNIT_MIN_COUNT = 2
#: ... and its first word stands in it at least this share of the time.
UNIT_SHARE = 1 / 2
#: ... and is not the tail of a longer run this often (the same word before it).
TAIL_SHARE = 2 / 3
UNIT_MAX_WORDS = 3
#: Joins the words of a multi-word hashtag (Telegram's hashtags take ``_``).
JOINER = "_"

_MARKUP = re.compile(
    r"</?[A-Za-z][^<>]{0,300}>|&#?\w{1,10};|(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I
)
#: What any markup match needs: without it the text has none to remove.
_MARKUP_HINT = re.compile(r"[<&@]|://|www\.", re.I)
_CLAUSE = re.compile(r"[.!?؟؛;:،,«»\"“”„()\[\]{}<>…\n|/\\]+")
_TOKEN = re.compile(f"[\\w{ZWNJ}]+")
#: Tags of words that are never topics: prepositions, pronouns, conjunctions,
#: determiners, postpositions, interjections, classifiers (units such as درصد).
_FUNCTION_TAGS = frozenset({"P", "PRO", "CONJ", "DET", "POSTP", "INT", "PS", "PR", "CL"})
#: Suffixes after a half-space that leave the noun: plurals, ezafe, indefinite, possessive.
_ZWNJ_SUFFIXES = tuple(
    ZWNJ + suffix for suffix in ("هایی", "هایشان", "هایش", "های", "ها", "ای", "ی", "اش", "شان")
)
_JOINED_PLURALS = ("هایی", "های", "ها")
_COMPARATIVE = ("ترین", "تر")
#: The source of a report, not its topic: «به گزارش ایرنا», «به نقل از رویترز».
_SOURCE_CUES = (("به", "گزارش"), ("به", "نقل", "از"))
_SOURCE_SPAN = 2
#: Our lists of words that are never topics (``bot/text/data``).
_ROLES = "role_words.txt"
_NOT_TOPICS = ("time_words.txt", "number_words.txt", _ROLES)
#: Words too general to stand alone, though they may be part of one (تیم ملی).
_GENERIC = "generic_words.txt"
#: Personal endings a Persian sentence's final verb carries: لرزاند, رسید, گفتند.
_VERB_ENDINGS = ("د", "ند", "ت", "م", "یم")
#: Letters after which the ezafe is written as ی: دریای خزر, سخنگوی وزارت.
_LONG_VOWELS = "او"


class Use(Enum):
    """What a word can be in a hashtag."""

    NONE = 0
    #: Inside a multi-word hashtag only (an adjective: متحده in ایالات متحده).
    INNER = 1
    TOPIC = 2


@cache
def _word_list(name: str) -> frozenset[str]:
    return frozenset(data_lines(name))


def _list_forms(word: str, indefinite: bool = True) -> set[str]:
    """``word`` and the forms a list of bare words would hold it under.

    Plural endings and the ezafe after a long vowel (سخنگوی) are always removed; a
    final ی after a consonant (ساعتی) only when ``indefinite``, since names are made of
    role words so (رئیسی, وزیری).
    """
    forms = {word, word.replace(ZWNJ, "")}
    endings = (*_ZWNJ_SUFFIXES, *_JOINED_PLURALS, "ان", "یی", *(("ی",) if indefinite else ()))
    for suffix in endings:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            forms.add(word[: -len(suffix)])
    if len(word) > 2 and word.endswith("ی") and word[-2] in _LONG_VOWELS:
        forms.add(word[:-1])
    return forms


def _in_list(word: str, name: str) -> bool:
    forms = _list_forms(word, indefinite=name != _ROLES)
    return not _word_list(name).isdisjoint(forms)


@lru_cache(maxsize=65536)
def base_form(word: str, ezafe: bool = True) -> str:
    """The noun under a Persian word form: plural, ezafe and indefinite endings removed.

    ``ezafe``: whether a noun follows, so that a final ی after ا or و may be the ezafe
    (دریای خزر) rather than part of the word (خوی, a city).

    >>> base_form("پیامک‌های"), base_form("دریای"), base_form("کدهای"), base_form("نادری")
    ('پیامک', 'دریا', 'کد', 'نادری')
    >>> base_form("خوی", ezafe=False)
    'خوی'
    """
    for suffix in _ZWNJ_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    if word_tags(word):
        return word
    for suffix in _JOINED_PLURALS:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and ("N" in word_tags(stem) or len(stem) > 2):
            return stem
    ezafe = ezafe and len(word) > 2 and word.endswith("ی") and word[-2] in _LONG_VOWELS
    return word[:-1] if ezafe and "N" in word_tags(word[:-1]) else word


@lru_cache(maxsize=65536)
def word_use(word: str, lang: str = "fa") -> Use:
    """Whether ``word`` (one token, as written) can be a hashtag, or part of one.

    >>> [word_use(w).name for w in ("اوکراین", "فردا", "سخنگوی", "می‌کنند", "متحده", "")]
    ['TOPIC', 'NONE', 'NONE', 'NONE', 'INNER', 'NONE']
    """
    if not any(char.isalpha() for char in word) or any(char.isdigit() for char in word):
        return Use.NONE
    folded = word.casefold()
    if folded in _word_list("markup_words.txt") or folded in stopwords("en"):
        return Use.NONE
    if word.isascii() or lang == "en":
        if len(word) < 3 or _in_english_lists(folded):
            return Use.NONE
        # Participles and gerunds (delayed, connecting) only inside a name.
        if folded.endswith(("ed", "ing")) and not folded.endswith("eed") and len(folded) > 5:
            return Use.INNER
        return Use.TOPIC
    base = base_form(word)
    if len(base) < 2 or word in stopwords("fa") or base in stopwords("fa"):
        return Use.NONE
    for name in _NOT_TOPICS:
        if _in_list(word, name) or _in_list(base, name):
            return Use.NONE
    if _in_list(word, _GENERIC) or _in_list(base, _GENERIC):
        return Use.INNER
    if _ordinal(base) or _compound_of(base, "time_words.txt"):
        return Use.NONE
    if is_verb_form(word) or _comparative(word) or _comparative(base):
        return Use.NONE
    # سالانه, روزانه: adverbs made of time words.
    if base.endswith("انه") and base[:-3] in _word_list("time_words.txt"):
        return Use.NONE
    tags = word_tags(base)
    if not tags:
        return Use.TOPIC
    if tags & _FUNCTION_TAGS:
        return Use.NONE
    if "N" not in tags:
        return Use.INNER if "AJ" in tags else Use.NONE
    return Use.TOPIC


#: Ordinal endings after a number: «مین» and «م» (بیستمین, یازدهم, بیست‌ویکم), and after
#: سی «امین» and «ام» (سی‌ام). The third is «سوم», never «سهم» (a share), and words in
#: «ام» after another number are other words (دوام, سهام, صدام).
_ORDINAL_ENDINGS = ("امین", "مین", "ام", "م")
_AFTER_VOWEL = ("امین", "ام")
#: Words of the number list that take no ordinal ending: they are ordinals already.
_ORDINAL_WORDS = frozenset({"اول", "نخست"})


def _ordinal(word: str) -> bool:
    """Whether ``word`` is an ordinal made of a number (بیستمین, سی‌وششمین, یازدهم).

    >>> [_ordinal(w) for w in ("سی‌وششمین", "یازدهم", "سی‌ام", "بیست‌ویکم")]
    [True, True, True, True]
    >>> [_ordinal(w) for w in ("سهم", "سهام", "دوام", "سیم", "اولم", "زمین")]
    [False, False, False, False, False, False]
    """
    plain = word.replace(ZWNJ, "")
    for ending in _ORDINAL_ENDINGS:
        stem = plain.removesuffix(ending)
        if stem == plain or not _cardinal(stem) or stem in _ORDINAL_WORDS:
            continue
        if (ending in _AFTER_VOWEL) == stem.endswith("سی") and not stem.endswith("سه"):
            return True
    return False


def _cardinal(text: str) -> bool:
    """Whether ``text`` (no half-spaces) is a number in words, one or joined by «و»
    (بیست, بیستویک, سیوشش)."""
    numbers = _word_list("number_words.txt")
    if text in numbers:
        return True
    return any(
        text.startswith(number + "و") and _cardinal(text[len(number) + 1 :])
        for number in numbers
        if len(number) > 1
    )


def _compound_of(word: str, name: str) -> bool:
    """Whether ``word`` is two or more words of the list, joined (آبان‌ماه, مهرماه).

    >>> _compound_of("آبان‌ماه", "time_words.txt"), _compound_of("مهرماه", "time_words.txt")
    (True, True)
    """
    words = _word_list(name)
    parts = word.split(ZWNJ)
    if len(parts) > 1:
        return all(part in words for part in parts)
    return any(word[:cut] in words and word[cut:] in words for cut in range(1, len(word)))


def _comparative(word: str) -> bool:
    """Whether ``word`` is an adjective's comparative or superlative (کمتر, بزرگ‌ترین)."""
    for ending in _COMPARATIVE:
        stem = word[: -len(ending)].rstrip(ZWNJ)
        if word.endswith(ending) and len(stem) >= 2 and "AJ" in word_tags(stem):
            return True
    return False


def _in_english_lists(word: str) -> bool:
    return any(word in _word_list(name) for name in (*_NOT_TOPICS, _GENERIC))


class _Token(NamedTuple):
    """One word of the article where it stands."""

    text: str
    key: str
    weight: int
    position: int
    use: Use


def _clauses(text: str, lang: str) -> Iterator[list[str]]:
    """Runs of word tokens between punctuation, markup removed."""
    if _MARKUP_HINT.search(text):
        text = _MARKUP.sub(" ", html.unescape(_MARKUP.sub(" ", text)))
    text = strip_diacritics(text.casefold() if lang == "en" else text)
    for clause in _CLAUSE.split(text):
        words = [token.strip(ZWNJ) for token in _TOKEN.findall(clause)]
        words = [word for word in words if word and word != "_"]
        if words:
            yield words


class _Facts(NamedTuple):
    """What a word is wherever it stands; :func:`_verbal` reads them in context."""

    use: Use
    #: A form of a light verb (شد, کرد), or of خواستن, the future's auxiliary (خواهد).
    light: bool
    future: bool
    #: Read as a verb when it closes its clause: a verb form, or an unknown word that
    #: ends like one (a verb the verb list lacks).
    final_verb: bool


@lru_cache(maxsize=65536)
def _facts(word: str, lang: str) -> _Facts:
    stems = verb_stems(word)
    final_verb = bool(stems) or (not word_tags(word) and word.endswith(_VERB_ENDINGS))
    return _Facts(word_use(word, lang), bool(stems & LIGHT_VERB_STEMS), "خواه" in stems, final_verb)


def _verbal(facts: list[_Facts], index: int) -> bool:
    """Whether the word at ``index`` of a clause is used as (part of) a verb here.

    A light verb follows it (آغاز شد, خواهد شد), or it closes the clause and can be a
    verb: Persian puts the verb last (رسید, بازگشت).
    """
    following = index + 1
    if following < len(facts):
        if facts[following].future and following + 1 < len(facts):
            return facts[following + 1].light
        return facts[following].light
    return facts[index].final_verb


def _sources(words: list[str]) -> set[int]:
    """Indexes of the words naming a report's source (after «به گزارش»)."""
    found: set[int] = set()
    for start, word in enumerate(words):
        for cue in _SOURCE_CUES:
            if word == cue[0] and tuple(words[start : start + len(cue)]) == cue:
                end = start + len(cue)
                found.update(range(end, min(end + _SOURCE_SPAN, len(words))))
    return found


def _tokens(zones: list[tuple[str, int]], lang: str) -> list[list[_Token]]:
    """Every clause of every zone as tokens with their use here and their weight."""
    clauses: list[list[_Token]] = []
    position = 0
    stop = stopwords(lang)
    none, topic, persian = Use.NONE, Use.TOPIC, lang != "en"
    for text, weight in zones:
        for words in _clauses(text, lang):
            sources = _sources(words)
            facts = [_facts(word, lang) for word in words]
            last = len(words) - 1
            clause = []
            for index, word in enumerate(words):
                use = facts[index].use
                if use is not none and (index in sources or _verbal(facts, index)):
                    use = none
                key = word
                if persian and use is topic:
                    followed = index < last and words[index + 1] not in stop
                    key = base_form(word, ezafe=followed)
                clause.append(_Token(word, key, weight, position, use))
                position += 1
            clauses.append(clause)
    return clauses


def _units(clauses: list[list[_Token]], counts: Counter[str]) -> dict[tuple[str, ...], list[int]]:
    """Runs of words that make one hashtag, with the positions where each starts.

    A run qualifies when it comes back, its first word mostly stands in it, and it is
    not mostly the tail of a longer name (کتاب تهران in نمایشگاه کتاب تهران).
    """
    runs: dict[tuple[str, ...], list[int]] = {}
    before: dict[int, str] = {}
    for clause in clauses:
        for start, first in enumerate(clause):
            if first.use is not Use.TOPIC:
                continue
            if start and clause[start - 1].use is not Use.NONE:
                before[first.position] = clause[start - 1].text
            # The run grows a word at a time: only the new word needs checking.
            run = [first.text]
            for end in range(start + 1, min(start + UNIT_MAX_WORDS, len(clause))):
                if clause[end].use is Use.NONE:
                    break
                run.append(clause[end].text)
                runs.setdefault(tuple(run), []).append(first.position)
    chosen: dict[tuple[str, ...], list[int]] = {}
    taken: set[int] = set()
    # A run seen fewer times than a unit needs can never be one: only the others are sorted.
    candidates = [words for words, starts in runs.items() if len(starts) >= UNIT_MIN_COUNT]
    for words in sorted(candidates, key=lambda words: (-len(words), runs[words][0])):
        starts = [s for s in runs[words] if taken.isdisjoint(range(s, s + len(words)))]
        together = len(starts)
        if together < UNIT_MIN_COUNT or together < UNIT_SHARE * counts[words[0]]:
            continue
        heads = Counter(before[start] for start in starts if start in before)
        if not any(seen >= TAIL_SHARE * together for seen in heads.values()):
            chosen[words] = starts
            for start in starts:
                taken.update(range(start, start + len(words)))
    return chosen


def _hashtag(words: tuple[str, ...]) -> str:
    return JOINER.join(word.replace(ZWNJ, JOINER) if word.isascii() else word for word in words)


def topic_hashtags(
    title: str, lede: str = "", body: str = "", lang: str = "fa", limit: int = MAX_HASHTAGS
) -> list[str]:
    """Up to ``limit`` hashtags (without ``#``) for an article; none if nothing qualifies.

    >>> topic_hashtags("", "")
    []
    >>> topic_hashtags("سخنگوی وزارت امور خارجه فردا به تهران می‌رود",
    ...                "وزارت امور خارجه اعلام کرد که مذاکرات با تهران ادامه دارد.")
    ['وزارت_امور_خارجه', 'تهران', 'مذاکرات']
    """
    if limit < 0:
        raise ValueError(f"a hashtag limit must be zero or more, not {limit}")
    zones = [(title, TITLE_WEIGHT), (lede, LEDE_WEIGHT), (body, BODY_WEIGHT)]
    clauses = _tokens(zones, lang)
    tokens = [token for clause in clauses for token in clause]
    counts = Counter(token.text for token in tokens)
    units = _units(clauses, counts)
    in_unit = {start + offset: run for run, starts in units.items() for start in starts
               for offset in range(len(run))}  # fmt: skip

    scores: Counter[str] = Counter()
    first: dict[str, int] = {}
    head: set[str] = set()
    members: dict[str, tuple[str, ...]] = {}
    weights = {token.position: token.weight for token in tokens}
    for run, starts in units.items():
        name = _hashtag(run)
        members[name] = run
        for start in starts:
            scores[name] += weights[start]
            first.setdefault(name, start)
            if weights[start] > BODY_WEIGHT:
                head.add(name)
    for token in tokens:
        if token.use is not Use.TOPIC or token.position in in_unit:
            continue
        scores[token.key] += token.weight
        first.setdefault(token.key, token.position)
        if token.weight > BODY_WEIGHT:
            head.add(token.key)
    _merge_forms(scores, first, head)

    ranked = sorted(scores, key=lambda name: (name not in head, -scores[name], first[name]))
    chosen: list[str] = []
    used: set[str] = set()
    for name in ranked:
        if len(chosen) == limit:
            break
        words = members.get(name, (name,))
        if name in used or used.intersection(words, (base_form(word) for word in words)):
            continue
        chosen.append(_hashtag((name,)) if name not in members else name)
        used.update(words)
        used.update(base_form(word) for word in words)
        used.add(name)
    return chosen


def _merge_forms(scores: Counter[str], first: dict[str, int], head: set[str]) -> None:
    """Count «اوکراینی» as «اوکراین», «ناشران» as «ناشر», when the article has both."""
    for name in list(scores):
        for ending in ("یی", "ی", "ان"):
            stem = name[: -len(ending)]
            if name.endswith(ending) and stem in scores and stem != name:
                scores[stem] += scores.pop(name)
                first[stem] = min(first[stem], first.pop(name))
                if name in head:
                    head.add(stem)
                break
