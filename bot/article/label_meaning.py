"""Read a section label the lexicon does not know by what its words mean.

The second stage of label matching (the first is the lexicon of exact renderings in
:mod:`bot.article.labels`). It only decides the key of something already accepted as a
label; whether a line starts with a label at all is decided by its shape.

1. :func:`label_words` normalises the label: letter forms, half-spaces, diacritics,
   emoji and punctuation, case; each word gets its family of forms (lemma and stem,
   through :func:`bot.text.lemmas.word_forms`, plus the forms of the word without an
   adverb ending -انه or a joined copula: واقع‌بینانه → واقع‌بینی, حرف‌هاست → حرف) and
   is marked neutral when it is a stop word or a frame word (نگاه, نکته, story) that
   says nothing about the section.
   Spoken words are read as their written forms (میگن, اونا: :data:`bot.article.
   label_cues.COLLOQUIAL`), and a word hazm does not know loses a spoken ending
   (:func:`spoken_forms`: مخالفا, مهمه, ریسکش).
2. :func:`concept_pairs` finds two word families (:data:`bot.article.label_cues.
   CONCEPTS`) that name a key together, in any order: a why with importance, a view
   with width, an opinion with other (:data:`bot.article.label_cues.CONCEPT_PAIRS`).
   Such a pair weighs :data:`PAIR` and its words are read for no other key, so the
   other words of a label decide what an ambiguous one means (از منظر کلان is zoom_out
   though از منظر alone is what they're saying).
3. :func:`score_words` then finds the cues of :mod:`bot.article.label_cues` (and every
   lexicon rendering, as a strong cue of its key) from left to right, the longest
   phrase first, so a phrase resolves the ambiguous words inside it. A strong cue
   weighs 1, a weak one ½; every other word that is not neutral counts against all keys.
   The first strong cue is the label's head and weighs more (:data:`HEAD`). A key
   that only frames another (what they're saying: صدای منتقدان, حرف ناگفته) gives way
   to it (:data:`bot.article.label_cues.GIVES_WAY`). A label about "the story"
   (:data:`bot.article.label_cues.STORY_WORDS`) with no strong cue reads its weak cues
   as strong: هزینه‌های ماجرا is about the stakes, where هزینه alone may be a topic;
   so is a label that names the story by a demonstrative («این رویداد»), whose next
   word is no cue. A cue phrase's later Persian words also match by lemma, never across
   a negation.
4. :func:`decide` takes the best key when its weight is at least :data:`MIN_SCORE` and
   its share of all the evidence (its :attr:`Meaning.confidence`) at least
   :data:`MIN_CONFIDENCE`; otherwise, or on a tie, the key stays ``other``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.article.label_cues import (
    COLLOQUIAL,
    CONCEPT_PAIRS,
    CONCEPTS,
    CUES,
    DEMONSTRATIVES,
    FRAME_WORDS,
    GIVES_WAY,
    STORY_WORDS,
    Cues,
)
from bot.article.sections import OTHER, QUOTES_SECTION, SECTIONS
from bot.text.chars import ZWNJ, clean_line, fold, strip_diacritics, to_persian_letters
from bot.text.lemmas import word_forms
from bot.text.pos import verb_stems, word_tags
from bot.text.words import stopwords

STRONG = 1.0
WEAK = 0.5
#: The first strong cue is the head of the label («خطرات پیش رو» is about risks).
HEAD = 1.5
#: Two concepts that name a key together (:data:`bot.article.label_cues.CONCEPT_PAIRS`)
#: outweigh a head: they are two words agreeing.
PAIR = 2.0
#: What each word that is neither a cue nor neutral weighs against every key.
UNKNOWN_WEIGHT = 0.3
#: The least weight a key needs: one strong cue, or two weak ones.
MIN_SCORE = 1.0
#: The least share of the evidence the best key needs.
MIN_CONFIDENCE = 0.6
#: A label is short: a text with more words than this is not read (it stays ``other``).
MAX_WORDS = 8
#: Prepositions that, after the head of a label, open its topic («نگاهی نزدیک‌تر به ارقام
#: بودجه», "Zoom in on the budget"): the words from there on name what the section is
#: about, not which section it is, so they are evidence for no key and against none.
TOPIC_PREPOSITIONS: frozenset[str] = frozenset({
    "به", "بر", "برای", "درباره", "دربارهٔ", "روی", "از", "در", "با",
    "of", "at", "on", "for", "about", "in", "into", "to", "with",
})  # fmt: skip
#: A Persian modal whose verb stands at the end of the label («آنچه باید در ماه‌های آینده
#: دید»): the verb is read right after the modal, as in the cue «باید دید».
MODALS: frozenset[str] = frozenset({"باید"})
#: The superlative ending (مهم‌ترین, بزرگ‌ترین): a superlative describes the items of a
#: list («مهم‌ترین تغییرات») and is a cue only as written (تازه‌ترین), never by its stem.
_SUPERLATIVE = "ترین"
#: Ordinal adjectives in -ین (آخرین "latest", نخستین "first"): read as written, never by a
#: stem that means something else (آخر "end", which is the bottom line).
_ORDINALS: frozenset[str] = frozenset({"اخرین", "اولین", "نخستین", "واپسین", "پسین", "پیشین"})

_WORD = re.compile(f"[^\\W\\d_]+(?:[{ZWNJ}'][^\\W\\d_]+)*")
#: Spellings that differ in letters only: ئ/ی (جزئیات, جزییات), hamza on alef, آ/ا.
_LETTER_VARIANTS = str.maketrans({"ئ": "ی", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "’": "'"})


def _unify(form: str) -> str:
    return form.translate(_LETTER_VARIANTS)


@dataclass(frozen=True, slots=True)
class LabelWord:
    """One word of a label: its folded spelling, its family of forms, and whether it is
    neutral (a stop word or a frame word, evidence for no key)."""

    text: str
    forms: tuple[str, ...]
    neutral: bool


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a label was read as.

    ``key`` is the decided section key (``other`` below the threshold); ``best`` is the
    key the evidence favoured, decided or not, and ``confidence`` its share of the
    evidence (0 when no cue was found); ``cues`` are the cue texts found, in order;
    ``unknown`` counts the words that were evidence for no key.
    """

    key: str
    confidence: float
    best: str | None = None
    cues: tuple[str, ...] = ()
    unknown: int = 0


def split_words(label: str) -> list[str]:
    """The words of ``label``: letters joined by half-spaces or apostrophes; emoji,
    digits and punctuation are dropped; letter forms, diacritics and case unified.

    >>> split_words("🔎 نگاهِ نزدیک‌تر!")
    ['نگاه', 'نزدیک\u200cتر']
    >>> split_words("What’s NEXT?")
    ["what's", 'next']
    """
    text = unicodedata.normalize("NFKC", clean_line(label))
    text = strip_diacritics(to_persian_letters(text)).replace("’", "'").replace("‘", "'")
    return [word.casefold().strip(ZWNJ) for word in _WORD.findall(text)]


@cache
def _frame_words() -> frozenset[str]:
    return frozenset(_unify(fold(word)) for word in FRAME_WORDS)


@cache
def _neutral_words() -> frozenset[str]:
    stop = stopwords("fa") | stopwords("en")
    return _frame_words() | frozenset(_unify(fold(word)) for word in stop)


@cache
def _story_words() -> frozenset[str]:
    return frozenset(_unify(fold(word)) for word in STORY_WORDS)


#: A Persian adverb or adjective in -انه (موشکافانه) and the noun in -ی of one stem.
_ADVERB_ENDING = "انه"
#: The copula joined to a plural (حرف‌هاست, written حرفهاست once folded).
_PLURAL_COPULA = "هاست"
#: The indefinite or adjectival ی after a final vowel, written with a glide ی (معنایی).
_VOWEL_YE = ("ایی", "ویی")


def derived_words(word: str) -> list[str]:
    """The words a Persian ``word`` is derived from, for a few endings hazm leaves on.

    >>> derived_words("واقعبینانه"), derived_words("حرفهاست"), derived_words("معنایی")
    (['واقعبین', 'واقعبینی'], ['حرفها'], ['معنا'])
    """
    if word.endswith(_ADVERB_ENDING) and len(word) >= 2 * len(_ADVERB_ENDING):
        stem = word[: -len(_ADVERB_ENDING)]
        return [stem, stem + "ی"]
    if word.endswith(_PLURAL_COPULA) and len(word) > len(_PLURAL_COPULA) + 1:
        return [word[:-2]]
    if word.endswith(_VOWEL_YE) and len(word) > len(_VOWEL_YE) + 2:
        return [word[:-2]]  # the indefinite ی after a vowel: معنایی → معنا
    return []


#: Spoken endings undone on a word hazm does not know as written: a joined possessive
#: (ریسکش, حرفاشون), then the plural ـا for ـها (مخالفا) or a joined copula ـه (مهمه).
_SPOKEN_POSSESSIVES = ("شون", "مون", "تون", "ش")
_SPOKEN_PLURAL = "ا"
_SPOKEN_COPULA = "ه"


def spoken_forms(word: str) -> list[str]:
    """The written words a spoken Persian ``word`` may stand for (empty for a word
    hazm knows as written).

    >>> spoken_forms("مخالفا"), spoken_forms("مهمه"), spoken_forms("ریسکش"), spoken_forms("خانه")
    (['مخالف', 'مخالفها'], ['مهم'], ['ریسک'], [])
    """
    if len(word) < 3 or word.isascii() or word_tags(word):
        return []
    found: list[str] = []
    base = word
    for ending in _SPOKEN_POSSESSIVES:
        if base.endswith(ending) and len(base) - len(ending) >= 2:
            base = base[: -len(ending)]
            found.append(base)
            break
    if base.endswith(_SPOKEN_PLURAL) and not base.endswith("ها") and len(base) >= 4:
        found += [base[:-1], base[:-1] + "ها"]
    elif base.endswith(_SPOKEN_COPULA) and len(base) >= 4:
        found.append(base[:-1])
    return found


@lru_cache(maxsize=8192)
def _forms(word: str) -> tuple[str, ...]:
    lang = "en" if word.isascii() else "fa"
    forms = list(word_forms(word, lang))
    if forms and lang == "fa" and forms[0].endswith(_SUPERLATIVE) and len(forms[0]) > 5:
        return (_unify(forms[0]),)
    if _unify(word) in _ORDINALS:
        return (_unify(word),)
    if forms and lang == "fa":
        # موشکافانه‌تر: the comparative's stem (the second form) is derived too
        for form in forms[:2]:
            for derived in derived_words(form):
                forms.extend(word_forms(derived, lang))
        for spoken in spoken_forms(forms[0]):
            forms.extend(word_forms(spoken, lang))
    return tuple(dict.fromkeys(_unify(form) for form in forms))


def label_words(label: str, limit: int = MAX_WORDS + 1) -> tuple[LabelWord, ...]:
    """The normalised words of ``label``, at most ``limit`` of them.

    >>> [(w.text, w.neutral) for w in label_words("آنچه باید دید")]
    [('انچه', True), ('باید', True), ('دید', False)]
    >>> label_words("")
    ()
    """
    words = []
    for written in split_words(label)[:limit]:
        for word in _colloquial().get(written, (written,)):
            forms = _forms(word)
            if not forms:
                continue
            # خبرها is neutral as خبر is; a stop word's stem is not (بیشتر is not بیش)
            neutral = forms[0] in _neutral_words() or not _frame_words().isdisjoint(forms[1:])
            words.append(LabelWord(forms[0], forms, neutral))
    return _verb_after_modal(tuple(words[:limit]))


@cache
def _colloquial() -> dict[str, tuple[str, ...]]:
    """Spoken words (as :func:`split_words` gives them) → their written words."""
    return {
        " ".join(split_words(spoken)): tuple(split_words(written))
        for spoken, written in COLLOQUIAL.items()
    }


def _verb_after_modal(words: tuple[LabelWord, ...]) -> tuple[LabelWord, ...]:
    """Move a label's final verb next to a modal before it, when the two make a cue.

    >>> [w.text for w in label_words("آنچه باید در هفته آینده دید")]
    ['انچه', 'باید', 'دید', 'در', 'هفته', 'اینده']
    """
    for at, word in enumerate(words[:-2]):
        if word.text in MODALS:
            verb = words[-1]
            cues = _index().by_first.get(word.text, ())
            if any(cue.words[1:] == (verb.text,) for cue in cues):
                return (*words[: at + 1], verb, *words[at + 1 : -1])
            break
    return words


@dataclass(frozen=True, slots=True)
class _Cue:
    key: str
    text: str
    words: tuple[str, ...]
    weight: float

    @property
    def families(self) -> tuple[frozenset[str], ...]:
        """Each word of the cue after the first, as written or, in Persian, as its
        lemma: «به اینجا رسیدیم» is found in «به اینجا رسید» (English endings are
        stripped too loosely for this: newest is not news)."""
        return _families(self.words)


@lru_cache(maxsize=4096)
def _families(words: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset({word})
        if word.isascii() or negated(word)
        else frozenset(_forms(word)[:2]) | {word}
        for word in words[1:]
    )


def _part_matches(part: str, family: frozenset[str], word: LabelWord) -> bool:
    """Whether a word of a cue phrase is found in ``word``: as one of its forms, or by
    lemma when neither is negated (نمی‌دانیم is not می‌دانیم)."""
    return part in word.forms or (not negated(word.text) and not family.isdisjoint(word.forms))


def _cue_words(text: str) -> tuple[str, ...]:
    return tuple(_unify(fold(word)) for word in split_words(text))


@dataclass(frozen=True, slots=True)
class CueIndex:
    """Cue phrases by their first word, and by their letters without spaces."""

    by_first: dict[str, list[_Cue]]
    by_letters: dict[str, list[_Cue]]
    longest: int


def build_cues(cues: Mapping[str, Cues], renderings: Mapping[str, Iterable[str]]) -> CueIndex:
    """Index the cues of each key; every rendering of ``renderings`` is a strong cue too.

    ``ValueError`` for a cue with no words in it.

    >>> build_cues({"zoom_in": Cues(("از نزدیک",))}, {}).by_letters["ازنزدیک"][0].key
    'zoom_in'
    """
    entries = [
        _Cue(key, text, _cue_words(text), STRONG)
        for key, labels in renderings.items()
        for text in labels
    ]
    entries += [
        _Cue(key, text, _cue_words(text), weight)
        for key, found in cues.items()
        for weight, texts in ((STRONG, found.strong), (WEAK, found.weak))
        for text in texts
    ]
    index = CueIndex({}, {}, 1)
    for cue in entries:
        if not cue.words:
            raise ValueError(f"the cue {cue.text!r} of {cue.key!r} has no words")
        first = index.by_first.setdefault(cue.words[0], [])
        if any((known.key, known.words) == (cue.key, cue.words) for known in first):
            continue
        first.append(cue)
        if len(cue.words) > 1:
            index.by_letters.setdefault("".join(cue.words), []).append(cue)
    longest = max((len(cue.words) for cue in entries), default=1)
    return CueIndex(index.by_first, index.by_letters, longest)


@cache
def _index() -> CueIndex:
    renderings = {kind.key: kind.renderings for kind in SECTIONS if kind.renderings}
    return build_cues(CUES, renderings)


def _matches_at(words: tuple[LabelWord, ...], start: int) -> tuple[int, list[_Cue]]:
    """The longest cues that start at ``start``: ``(words they cover, cues)``.

    Among cues of one length, those matched by a more specific form of the first word
    (as written, then lemma, then stem) win; cues of one length and rank all count.
    """
    index = _index()
    best: tuple[int, int] = (0, 0)
    found: list[_Cue] = []

    def offer(length: int, rank: int, cue: _Cue) -> None:
        nonlocal best, found
        if (length, -rank) > best:
            best, found = (length, -rank), [cue]
        elif (length, -rank) == best and cue not in found:
            found.append(cue)

    for rank, form in enumerate(words[start].forms):
        for cue in index.by_first.get(form, ()):
            end = start + len(cue.words)
            following = words[start + 1 : end]
            if end <= len(words) and all(
                _part_matches(part, family, word)
                for part, family, word in zip(
                    cue.words[1:], cue.families, following, strict=True
                )
            ):
                offer(len(cue.words), rank, cue)
        for cue in index.by_letters.get(form, ()):  # زیرنظر written for زیر نظر
            offer(1, rank, cue)
    # پیش زمینه written for پیش‌زمینه, به روز رسانی for به‌روزرسانی
    for length in range(2, min(index.longest, len(words) - start) + 1):
        letters = "".join(word.text for word in words[start : start + length])
        single = [cue for cue in index.by_first.get(letters, ()) if len(cue.words) == 1]
        for cue in [*single, *index.by_letters.get(letters, ())]:
            offer(length, 0, cue)
    return best[0], found


@cache
def _concept_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for concept, family in CONCEPTS.items():
        for word in family:
            for form in _cue_words(word):
                index.setdefault(form, set()).add(concept)
    return {form: frozenset(concepts) for form, concepts in index.items()}


#: The Persian negative prefix of a verb (نگفتند, نمی‌گویند).
_NEGATION = "ن"


@lru_cache(maxsize=4096)
def negated(text: str) -> bool:
    """Whether the folded Persian word ``text`` is a negated verb: without its نـ (نیـ
    before آ) it is a verb form, and it is no verb whose own stem starts with ن (نوشته).

    >>> negated("نگفتند"), negated("نیامده"), negated("نظرها"), negated("نوشته")
    (True, True, False, False)
    """
    if not text.startswith(_NEGATION) or len(text) < 4 or text.isascii():
        return False
    plain = "آ" + text[3:] if text.startswith(_NEGATION + "یا") else text[1:]
    if any(stem.startswith(_NEGATION) for stem in verb_stems(text)):
        return False
    return bool(verb_stems(plain) or verb_stems(text[1:]))


def word_concepts(words: tuple[LabelWord, ...]) -> list[frozenset[str]]:
    """The concepts of each word (:data:`bot.article.label_cues.CONCEPTS`), by its forms;
    ``not`` for a negated verb, ``what_last`` for a question word that ends the label.

    >>> [sorted(concepts) for concepts in word_concepts(label_words("حالا چی"))]
    [['now'], ['what', 'what_last']]
    """
    index = _concept_index()
    found: list[frozenset[str]] = []
    for word in words:
        concepts = set().union(*(index.get(form, ()) for form in word.forms))
        if negated(word.text):
            concepts.add("not")
        found.append(frozenset(concepts))
    if found and "what" in found[-1]:
        found[-1] = found[-1] | {"what_last"}
    return found


def concept_pairs(words: tuple[LabelWord, ...]) -> tuple[dict[str, float], set[int]]:
    """Keys named by two concepts together, and the places of the words that named them.

    >>> concept_pairs(label_words("از منظر کلان"))
    ({'zoom_out': 2.0}, {1, 2})
    >>> concept_pairs(label_words("منظر"))
    ({}, set())
    """
    found = word_concepts(words)
    scores: dict[str, float] = {}
    used: set[int] = set()
    if sum(1 for concepts in found if concepts) < 2 and not any(len(c) > 1 for c in found):
        return scores, used  # one concept names no key: most labels stop here
    for start, end in _long_phrases(words):
        found[start:end] = [frozenset()] * (end - start)
    first_at: dict[str, int] = {}
    for place, concepts in enumerate(found):
        for concept in concepts:
            first_at.setdefault(concept, place)
    for first, second, key in CONCEPT_PAIRS:
        at, to = first_at.get(first), first_at.get(second)
        if first == _ORDERED and at is not None:
            to = at + 1 if at + 1 < len(found) and second in found[at + 1] else None
        if at is None or to is None:
            continue
        scores[key] = PAIR
        used.update({at, to})
    return scores, used


#: The concept that pairs only with the word right after it (از ارتفاع, from above).
_ORDERED = "from"
#: A cue phrase this long is read whole, before any concept pair.
LONG_PHRASE = 3


@cache
def _long_starts() -> frozenset[str]:
    """The first words of the cue phrases of :data:`LONG_PHRASE` words or more."""
    return frozenset(
        first
        for first, cues in _index().by_first.items()
        if any(len(cue.words) >= LONG_PHRASE for cue in cues)
    )


def _long_phrases(words: tuple[LabelWord, ...]) -> list[tuple[int, int]]:
    """Where cue phrases of :data:`LONG_PHRASE` words or more stand: ``(start, end)``."""
    spans = []
    index = 0
    starts = _long_starts()
    while index < len(words):
        if starts.isdisjoint(words[index].forms):
            index += 1
            continue
        length, found = _matches_at(words, index)
        if found and length >= LONG_PHRASE:
            spans.append((index, index + length))
        index += max(length, 1)
    return spans


#: What stands for a word already read by a concept pair: it matches no cue.
_READ = LabelWord("\0", ("\0",), neutral=True)


def _points_at_story(words: tuple[LabelWord, ...], index: int) -> bool:
    """Whether the word at ``index`` is a demonstrative naming the story by the next
    word («این رویداد»), which is then no cue («آنچه این خبر را ساخت» still is one)."""
    if words[index].text not in DEMONSTRATIVES or index + 1 >= len(words):
        return False
    return _matches_at(words, index + 1)[0] < 2


@dataclass(frozen=True, slots=True)
class Evidence:
    """The weight found for each key, the words that were evidence for none, the cues."""

    scores: dict[str, float]
    unknown: int
    cues: tuple[str, ...]


def score_words(words: tuple[LabelWord, ...]) -> Evidence:
    """Find the cues in ``words``, left to right, the longest phrase first.

    Each key counts once per place it is found; the first strong cue, the head of the
    label, weighs :data:`HEAD`. A cue of ``other`` (further reading, a photo credit)
    wins outright: such a label is no section of the article. A key that frames
    another gives way to it when that key has a strong cue too; a label about the story
    with no strong cue at all reads its weak cues as strong. Right after the head, a
    preposition that starts no cue opens the topic (:data:`TOPIC_PREPOSITIONS`), and
    the words from there on are not read; not in a label that itself starts with a
    preposition («در واکنش به این تصمیم», "In response to"), which opens a sentence.

    >>> score_words(label_words("نکته ظریف")).scores
    {'between_the_lines': 1.5}
    >>> score_words(label_words("صدای منتقدان")).scores
    {'the_other_side': 1.0}
    >>> score_words(label_words("هزینه‌های ماجرا")).scores
    {'the_stakes': 1.0}
    """
    scores, used = concept_pairs(words)
    strong: set[str] = set(scores)
    cues: list[str] = []
    words = tuple(_READ if at in used else word for at, word in enumerate(words))
    unknown = 0
    index = 0
    after_head = max(used) + 1 if used else -1  # a pair is the label's head
    story = False
    whose = False
    while index < len(words):
        length, found = _matches_at(words, index)
        if not found and _points_at_story(words, index):
            story = True  # «این رویداد»: the story itself, not a section
            if index == after_head:  # «اهمیت این توافق»: the head's topic, not read
                after_head = index + 2
            else:  # still a word that names no key
                unknown += 0 if words[index + 1].neutral else 1
            index += 2
            continue
        if not found and index == after_head and words[index].text in TOPIC_PREPOSITIONS and (
            words[0].text not in TOPIC_PREPOSITIONS  # «در واکنش به ...» opens a sentence
        ):
            break  # the rest names the topic («نگاهی نزدیک‌تر به ارقام بودجه»)
        if not found:
            unknown += 0 if words[index].neutral or whose else 1
            index += 1
            continue
        weights: dict[str, float] = {}
        for cue in found:
            weights[cue.key] = max(weights.get(cue.key, 0.0), cue.weight)
            cues.append(cue.text)
        if not strong and STRONG in weights.values():
            weights = {key: HEAD if weight == STRONG else weight for key, weight in weights.items()}
            after_head = index + length
            # «از زبان مردم و پزشکان»: after a head that attributes words, the other
            # words say whose they are, evidence against no key
            whose = index == 0 and length > 1 and _attributes(words, weights)
        strong.update(key for key, weight in weights.items() if weight >= STRONG)
        for key, weight in weights.items():
            scores[key] = scores.get(key, 0.0) + weight
        index += length
    if OTHER in scores:
        return Evidence({OTHER: scores[OTHER]}, unknown, tuple(cues))
    for framing, framed in GIVES_WAY.items():
        if framing in scores and not framed.isdisjoint(strong):
            del scores[framing]
    if not strong and (story or any(not _story_words().isdisjoint(w.forms) for w in words)):
        scores = {key: score * STRONG / WEAK for key, score in scores.items()}
    return Evidence(scores, unknown, tuple(cues))


#: Heads that give words to someone named after them («از زبان», «به روایت», «به نقل
#: از», "in the words of"); «به گفته X:» is not among them, it opens a sentence.
_ATTRIBUTING = frozenset({("از", "زبان"), ("به", "روایت"), ("به", "نقل"), ("in", "the")})


def _attributes(words: tuple[LabelWord, ...], weights: Mapping[str, float]) -> bool:
    """Whether a label opening with ``words`` and weighing ``weights`` attributes words."""
    opening = (words[0].text, words[1].text) if len(words) > 1 else ()
    return opening in _ATTRIBUTING and weights.get(QUOTES_SECTION, 0.0) >= HEAD


def decide(evidence: Evidence) -> Meaning:
    """The key the evidence names, or ``other`` when it is too weak or split.

    >>> decide(Evidence({"zoom_in": 1.0}, 0, ())).key
    'zoom_in'
    >>> decide(Evidence({"zoom_in": 1.0, "zoom_out": 1.0}, 0, ())).key
    'other'
    >>> decide(Evidence({}, 3, ())).confidence
    0.0
    """
    scores = evidence.scores
    total = sum(scores.values()) + UNKNOWN_WEIGHT * evidence.unknown
    if not scores:
        return Meaning(OTHER, 0.0, None, evidence.cues, evidence.unknown)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    confidence = round(score / total, 3)
    tied = len(ranked) > 1 and ranked[1][1] == score
    if tied or score < MIN_SCORE or confidence < MIN_CONFIDENCE:
        return Meaning(OTHER, confidence, None if tied else best, evidence.cues, evidence.unknown)
    return Meaning(best, confidence, best, evidence.cues, evidence.unknown)


@lru_cache(maxsize=4096)
def read_label(label: str) -> Meaning:
    """The section key a label's words point to, with its confidence.

    >>> read_label("میان سطور").key, read_label("Closer look").key
    ('between_the_lines', 'zoom_in')
    >>> read_label("نگاه هواداران").key
    'other'
    """
    words = label_words(label, MAX_WORDS + 1)
    if not words or len(words) > MAX_WORDS:
        return Meaning(OTHER, 0.0)
    return decide(score_words(words))
