"""Restore half-spaces (U+200C) that were stripped from Persian text.

Shapes written joined are decided first, whatever the counts say (hazm's list counts
many half-spaced spellings that its own normalizer made): a word of the joined list and
its own forms (قطعنامه, روشنفکران), کار/دار/سال/پرور/نورد after a consonant
(گناهکار, سهامداران, خردسال), a given name before a surname ending (حسینزاده,
امیننیا) or after غلام, a preverb before a verb form (برنداشتند), a plural in های after
a letter that does not join that wordfreq lists without its ه‌ای reading (تیرهای).

Otherwise a word is restored when the lexicon knows a half-spaced form with the same letters
that is much more frequent than the joined spelling. Otherwise every reading of it is
scored by how often its parts occur: a known stem and a suffix (ها/های, تر/ترین, ای/اش
after a silent ه), a prefix (بی, هم, پیش) or a compound tail (کننده, نامه, مدت), and the
most probable split into known words found by dynamic programming (a penalty per
split). The best reading wins if it is likelier than the word as written; a می/نمی verb
form is always restored, as is a perfect (نخریده‌اند, after a preverb برخاسته‌اند), and
a past verb takes no plural. گاه, گر, مند and زار are written joined except after a silent
ه (دانشگاه, تکیه‌گاه); a preposition takes its enclitic joined (برایشان).

Within one text a word gets one decision wherever it occurs; where a word reads both
as a plural and as a silent ه + ای (کلاس‌های, کلاسه‌ای), the words after it decide.
Affixes written apart with a space (می خواهم, کتاب ها, بزرگ ترین) are joined first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.text.chars import NON_JOINING, ZWNJ
from bot.text.lexicon import Lexicon

_LETTERS = "\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654"
_WORD = re.compile(f"[{_LETTERS}\u200c]+")
#: Words and single other characters, for what follows a word.
_TOKEN = re.compile(f"[{_LETTERS}\u200c]+|\\S")

PLURAL = (
    "هایشان", "هایتان", "هایمان", "هایش", "هایم", "هایت", "هایی", "هاست", "های", "ها",
)  # fmt: skip
COMPARATIVE = ("ترین", "تری", "تر")
#: Enclitics written apart after a silent final ه (اش, شان, ... after a final ی too).
AFTER_SILENT_HE = ("شان", "مان", "تان", "اند", "ایم", "اید", "ای", "اش", "ام", "ات")
#: Possessive enclitics, written joined after any letter but a silent ه or ی.
POSSESSIVE = ("شان", "مان", "تان", "ش", "م", "ت")
AFTER_YE = frozenset({"ای", "اش", "ام", "ات", "شان", "مان", "تان"})
#: Preverbs written joined before می/نمی: برمی‌گردد, بازمی‌گردند, درمی‌آید.
PREVERBS = ("باز", "بر", "در", "فرا", "فرو", "وا")
#: Perfect endings after a participle: خوانده‌ام, رسیده‌اند.
PERFECT = ("ام", "ای", "ایم", "اید", "اند")
#: Joined ی (indefinite, ezafe, adjective) and یی after a final vowel.
JOINED_YE = ("یی", "ی")
#: ان/گان make plurals of compounds: سرمایه‌گذار → سرمایه‌گذاران, دیده → دیدگان.
COMPOUND_PLURAL = ("ان",)
#: Affixes that may stand apart with a space (می خواهم, کتاب ها, بزرگ ترین).
_MI_APART = re.compile(
    f"(?<![{_LETTERS}\u200c])(ن?می) (?=([{_LETTERS}]+)(?![{_LETTERS}\u200c]))"
)
_SUFFIX_APART = re.compile(
    f"(?<![{_LETTERS}\u200c])([{_LETTERS}\u200c]+) "
    f"(?=(هایشان|هایتان|هایمان|هایش|هایی|های|ها|ترین|تر)(?![{_LETTERS}\u200c]))"
)
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
#: wordfreq counts stripped spellings as written (میخواهند): against a half-spaced
#: form of the same letters, a joined word known only from it weighs this share of its
#: frequency; against readings that split it, this many times its frequency.
WORDFREQ_JOINED = 0.01
WORDFREQ_KEEP = 1.0
#: The share of a stem's occurrences that take a given suffix, for weighing a
#: stem + suffix reading against the word as written.
SUFFIX_SHARE = 0.1
#: What each split into known words costs (a factor on the product of frequencies).
SPLIT_COST = 1e-3
#: Parts of a split: at least this long (or a short first word) and this frequent.
MIN_SPLIT_PART = 3
SHORT_FIRST = frozenset({"به", "هم", "بی", "کم", "پر", "نو", "سر", "دو", "سه", "خوش"})
MIN_SPLIT_FREQ = 1e-6
#: A split less probable than this is no reading at all (نیام + دید).
MIN_SPLIT_WEIGHT = 1e-12
#: A part that only wordfreq knows must be this frequent (its list has fragments).
MIN_WORDFREQ_PART = 1e-5
MAX_SPLIT_WORD = 30
#: A joined spelling that hazm's corpus counts fewer times than this is no evidence
#: against a می/نمی verb form of the same letters (میتاخت is noise for می‌تاخت).
RARE_JOINED = 100
#: A conjugated form (نخریده‌اند) is a reading even when its participle is unlisted.
MIN_VERB_WEIGHT = 1e-12
#: Suffixes written joined except after a silent ه: دانشگاه, کارگری, توانمند, but
#: تکیه‌گاه, جلوه‌گری, علاقه‌مند.
JOINED_TAILS = ("گاه", "گر", "مند", "زار", "کار", "دار", "سال", "پرور", "نورد")
#: Of those, the ones written joined only after a consonant other than ه and ی:
#: گناهکار, سهامدار, خردسال, دامپروری, کوهنورد, but سرمایه‌دار, آبزی‌پروری, and
#: both کاشی‌کاری and کاشیکاری.
CONSONANT_TAILS = ("کار", "دار", "سال", "پرور", "نورد")
#: Of those, the ones whose forms in ی need the word itself attested joined:
#: خیانتکاری after خیانتکار, but the craft منبت‌کاری has no منبتکار.
ATTESTED_TAILS = ("کار", "دار")
_JOINED_TAIL_FORMS = frozenset(
    tail + ending for tail in JOINED_TAILS for ending in ("", "ی", "ها", "های", "ان", "انی")
)
#: Prepositions in ی that hazm does not tag as such; they take enclitics joined (رویشان).
PREPOSITIONS_IN_YE = frozenset({"روی", "سوی", "توی"})
#: First names that join the name after them (غلامحسین, غلامعباس); four letters.
NAME_PREFIXES = ("غلام",)
MIN_KEPT_FREQ = 1e-6
#: Endings after which a word of the joined list stays joined (or takes ها after a
#: letter that does not join).
JOINED_LIST_SUFFIXES = ("ان", "یان", "یی", "ی", "ها", "های")
#: Surname endings written joined after a given name or word in a consonant:
#: حسینزاده, کریمپور, امیننیا, روشنفر, نیکراد, حسینمهر (after ی or ه opinions differ).
SURNAME_ENDINGS = ("زاده", "پور", "نیا", "فر", "راد", "مهر")

SUFFIXES = frozenset(
    (*PLURAL, *COMPARATIVE, *AFTER_SILENT_HE, *JOINED_YE, "یم", "ید", "ند", "اتش", "هایی", "ایی")
)
#: Readings that a joined spelling in wordfreq does not outweigh (بزرگ‌ترین, رسیده‌ایم).
STRICT_ENDINGS = (*COMPARATIVE, "ایم", "اند", "اید")
#: Words after which a plural with ezafe (های) cannot stand but an indefinite ای can.
FUNCTION_WORDS = frozenset({
    "که", "را", "از", "به", "در", "با", "برای", "تا", "و", "یا", "است", "بود", "شد", "هم",
    "نیز", "می", "کرد", "کند", "کرده", "شده", "دارد", "داشت", "بر", "بی", "بین", "پس",
    "پیش", "درباره", "روی", "زیر", "همچون", "مانند", "اما", "ولی", "نه",
})  # fmt: skip


def silent_he(word: str) -> bool:
    """Whether ``word`` ends in a silent ه (خانه), not a sounded one after ا (گناه, راه)."""
    return word.endswith("ه") and not word.endswith("اه")


class HalfSpaceRestorer:
    """Put stripped half-spaces back, word by word, with a cache of decisions."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, str] = {}
        self._ambiguous: dict[str, str | None] = {}

    def restore(self, text: str) -> str:
        """Restore half-spaces in every word of ``text``; other characters are kept.

        Affixes written apart are joined first (:meth:`join_affixes`). A word gets one
        decision for the whole text; a plural/silent-ه ambiguity (کلاسهای) is decided
        by the words that follow it (:meth:`_by_context`).

        >>> from bot.text.lexicon import load_lexicon
        >>> print(HalfSpaceRestorer(load_lexicon()).restore("آنها میکنند"))
        آنها می‌کنند
        """
        text = self.join_affixes(text)
        decided: dict[str, str] = {}
        for word, followers in self._ambiguous_words(text).items():
            decided[word] = self._by_context(word, followers)

        def one(match: re.Match[str]) -> str:
            word = match.group()
            found = decided.get(word)
            return found if found is not None else self.restore_word(word)

        return _WORD.sub(one, text)

    def restore_word(self, word: str) -> str:
        """Restore one word (letters only); a word that has half-spaces is kept."""
        if ZWNJ in word:
            return word
        cached = self._cache.get(word)
        if cached is None:
            cached = self._decide(word) or word
            self._cache[word] = cached
        return cached

    # context

    def _ambiguous_words(self, text: str) -> dict[str, list[str]]:
        """Words of ``text`` whose reading depends on context, with the words after them."""
        found: dict[str, list[str]] = {}
        tokens = _TOKEN.findall(text)
        for at, token in enumerate(tokens):
            if ZWNJ in token or not _WORD.fullmatch(token):
                continue
            if self._alternative(token) is not None:
                found.setdefault(token, []).append(tokens[at + 1] if at + 1 < len(tokens) else "")
        return found

    def _alternative(self, word: str) -> str | None:
        """The silent ه + ای reading of a word restored as a plural with های, or back."""
        if word not in self._ambiguous:
            self._ambiguous[word] = None
            restored = self.restore_word(word)
            if word.endswith("های") and restored != word:
                he = self._he_reading(word[:-2])
                plural = self._plural_reading(word[:-3])
                if he is not None and plural is not None and {he, plural} >= {restored}:
                    self._ambiguous[word] = plural if restored == he else he
        return self._ambiguous[word]

    def _he_reading(self, stem: str) -> str | None:
        """``stem`` (ending in ه) + ای, if the stem is a known word."""
        if not stem.endswith("ه") or not self.lexicon.freq(stem) > 0:
            return None
        return self.restore_word(stem) + ZWNJ + "ای"

    def _plural_reading(self, stem: str) -> str | None:
        """``stem`` + های, if the stem is a known word ending in a joining letter."""
        if len(stem) < MIN_PART or stem[-1] in NON_JOINING or not self.lexicon.freq(stem) > 0:
            return None
        return self.restore_word(stem) + ZWNJ + "های"

    def _by_context(self, word: str, followers: list[str]) -> str:
        """The silent ه + ای reading when mostly a function word or punctuation follows.

        A plural with ezafe (کلاس‌های درس) always has a word after it that it
        qualifies; an indefinite ای (زمینه‌ای برای) is often followed by که, برای, است.
        Otherwise (a content word follows, or nothing) the scorer's choice stands.
        """
        restored = self.restore_word(word)
        other = self._alternative(word)
        if other is None or not followers:
            return restored
        he = other if restored.endswith(ZWNJ + "های") else restored
        ends = sum(
            bool(after) and (not _WORD.fullmatch(after) or after in FUNCTION_WORDS)
            for after in followers
        )
        if 2 * ends > len(followers):
            return he
        return restored

    # affixes written apart

    def join_affixes(self, text: str) -> str:
        """Join می/نمی, ها/های and تر/ترین written apart with a space.

        >>> from bot.text.lexicon import load_lexicon
        >>> HalfSpaceRestorer(load_lexicon()).join_affixes("می خواهم کتاب ها بزرگ ترین ۲ ها")
        'می\u200cخواهم کتاب\u200cها بزرگ\u200cترین ۲ ها'
        """
        if " " not in text:
            return text
        return _SUFFIX_APART.sub(self._join_suffix, _MI_APART.sub(self._join_mi, text))

    def _join_mi(self, match: re.Match[str]) -> str:
        prefix, verb = match.group(1), match.group(2)
        if self.lexicon.verbs.get(prefix + verb) == prefix + ZWNJ + verb:
            return prefix + ZWNJ
        return match.group()

    def _join_suffix(self, match: re.Match[str]) -> str:
        stem, suffix = match.group(1), match.group(2)
        lex = self.lexicon
        bare = stem.replace(ZWNJ, "")
        if bare in SUFFIXES:
            return match.group()
        if suffix in ("تر", "ترین"):
            attested = lex.freq(bare + suffix) > 0 or lex.freq(bare + ZWNJ + suffix) > 0
            if not (lex.has_tag(bare, "AJ") and attested):
                return match.group()
        elif len(bare) < MIN_PART or not (lex.freq(bare) > 0 or ZWNJ in stem):
            return match.group()
        return stem if stem[-1] in NON_JOINING else stem + ZWNJ

    # one word

    def _decide(self, word: str) -> str | None:
        lex = self.lexicon
        if len(word) < 3 or word in lex.joined or self._joined_shape(word):
            return None
        hazm = lex.count(word) / lex.scale if lex.known(word) and lex.count(word) > 0 else 0.0
        written = lex.frequency.get(word, 0.0)
        spaced = lex.spaced.get(word)
        joined = max(hazm, written * WORDFREQ_JOINED)
        if spaced is not None and lex.freq(spaced) >= JOINED_PREFERENCE * joined:
            return spaced
        verb = self._verb(word)
        if verb is not None and lex.count(word) < RARE_JOINED:
            return verb
        if lex.known(word) or self._possessed(word):
            return None
        readings = [
            *((weight * SUFFIX_SHARE, form) for weight, form in self._readings(word)),
            *self._affixed(word),
        ]
        split = self._reduplication(word) or self._split(word)
        if split is not None:
            readings.append(split)
        best = max(readings, key=lambda reading: reading[0], default=None)
        # A conjugated form (رسیده‌ایم) is never right joined, whatever wordfreq counts;
        # nor is a comparative outside the joined list (بزرگ‌ترین).
        strict = word in lex.verbs or (
            best is not None and best[1].endswith(tuple(ZWNJ + end for end in STRICT_ENDINGS))
        )
        keep = hazm if strict else max(hazm, written * WORDFREQ_KEEP)
        if best is not None and best[0] > keep:
            return best[1]
        return None

    def _joined_shape(self, word: str) -> bool:
        """Whether ``word`` has a shape that is written joined, whatever the counts say.

        hazm's list counts many half-spaced spellings that its own normalizer made
        (گناه‌کار, برن‌داشتند is no word at all), so these shapes are decided first:
        a known word before a suffix of :data:`JOINED_TAILS` (گناهکار, سهامداران,
        پناهگاه), a given name before a surname ending (حسینزاده, امیننیا), and a
        preverb before a verb form written joined (برنداشتند, برشمردم, فرارسیدی).
        """
        lex = self.lexicon
        if word in SUFFIXES or self._wordfreq_plural(word):
            return True
        for suffix in JOINED_LIST_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and stem in lex.joined and self._verb(word) is None:
                # روشنفکران, کوهنوردی, کلاهبردارها: a joined word's own forms
                return suffix not in PLURAL or stem[-1] in NON_JOINING
        stem = word[:-2]
        vowel = stem.endswith(("و", "ا")) and self._verb(word) is None
        if word.endswith("یی") and vowel and self._kept(stem):
            return True  # سخنگویی, دانشجویی: یی after a whole word in a vowel
        if word.startswith(NAME_PREFIXES) and len(word) > 6 and self._kept(word[4:]):
            return True  # غلامحسن, غلامعباس
        for form in _JOINED_TAIL_FORMS:
            if form.endswith(("ها", "های")):
                continue  # a plural: دانشگاه‌ها, its stem decided on its own
            head = word[: -len(form)]
            if (
                word.endswith(form)
                and len(head) >= MIN_SPLIT_PART
                and head[-1] not in NON_JOINING
                and self._joins_tail(head, form)
                and lex.freq(head) > 0
                and self._verb(word) is None
            ):
                return True
        for ending in SURNAME_ENDINGS:
            head = word[: -len(ending)]
            if (
                word.endswith(ending)
                and len(head) >= MIN_SPLIT_PART
                and head[-1] != "ی"
                and not silent_he(head)
                and lex.freq(head) > 0
            ):
                return True
        for preverb in PREVERBS:
            rest = word[len(preverb) :]
            if (
                word.startswith(preverb)
                and len(rest) >= MIN_SPLIT_PART
                and not rest.startswith(("می", "نمی"))
                and lex.has_tag(rest, "V")
            ):
                return True
        return False

    def _kept(self, word: str) -> bool:
        """Whether ``word`` is a frequent word that stays as written."""
        return self.lexicon.freq(word) >= MIN_KEPT_FREQ and self.restore_word(word) == word

    def _wordfreq_plural(self, word: str) -> bool:
        """Whether ``word`` is a plural in های after a letter that does not join, written
        as such, and not a silent ه + ای (تیرهای, برندهای, not تیره‌ای, برنده‌ای).

        wordfreq lists the half-spaced ه‌ای forms that people write (ساده‌ای,
        دوره‌ای); a joined spelling it lists without one is the plural.
        """
        lex = self.lexicon
        stem, he = word[:-3], word[:-2]
        return (
            word.endswith("های")
            and len(stem) >= MIN_PART
            and stem[-1] in NON_JOINING
            and lex.frequency.get(word, 0.0) > 0
            and lex.frequency.get(he + ZWNJ + "ای", 0.0) == 0
            and lex.freq(stem) > 0
            and not lex.is_participle(he)
        )

    def _possessed(self, word: str) -> bool:
        """Whether ``word`` is a known noun with a joined possessive (خواهرمان, تلفنشان).

        After a letter other than a silent ه the enclitics are written joined, so a
        noun the corpus counts with one is a whole word, not a split (خواه + رمان).
        """
        lex = self.lexicon
        return any(
            word.endswith(clitic)
            and len(stem := word[: -len(clitic)]) >= MIN_SPLIT_PART
            and stem[-1] not in "هی"
            and lex.count(stem) > 0
            and lex.has_tag(stem, "N")
            for clitic in POSSESSIVE
        )

    def _verb(self, word: str) -> str | None:
        """A می/نمی verb form, with or without a preverb (برمی‌گردد)."""
        for preverb in ("", *PREVERBS):
            if not word.startswith(preverb):
                continue
            verb = self.lexicon.verbs.get(word[len(preverb) :])
            if verb is None or verb.endswith(ZWNJ):
                continue  # no stem after می (وامی is وام + ی)
            if verb.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
                return preverb + verb
        return None

    def _perfect(self, word: str) -> str | None:
        """The conjugated form of ``word`` with a half-space, also after a preverb
        (برخاسته‌اند, بازشناخته‌اند)."""
        verb = self.lexicon.verbs.get(word)
        if verb is not None:
            return verb
        for preverb in PREVERBS:
            rest = word[len(preverb) :]
            if word.startswith(preverb) and rest.endswith(PERFECT):
                verb = self.lexicon.verbs.get(rest)
                if verb is not None and verb.endswith(tuple(ZWNJ + end for end in PERFECT)):
                    return preverb + verb
        return None

    def _stem(self, stem: str) -> tuple[float, str] | None:
        """``(weight, restored form)`` of a stem the lexicon has, else ``None``.

        Unattested spellings still serve as stems (مدل is one), with weight 0; a
        stem on the joined list outweighs any other reading (کمتری is کمتر + ی).
        """
        if len(stem) < MIN_PART:
            return None
        restored = self.restore_word(stem)
        lex = self.lexicon
        if restored == stem and stem not in lex.words and stem not in lex.frequency:
            return None
        weight = max(lex.freq(stem), lex.freq(restored))
        if stem in lex.joined:
            weight *= SILENT_HE_PRIOR
        return weight, restored

    def _prior(self, stem: str, suffix: str, restored: str) -> int | None:
        """How much a stem + suffix reading weighs against others; ``None``: impossible."""
        lex = self.lexicon
        final = stem[-1]
        if suffix in AFTER_SILENT_HE:
            participle = lex.is_participle(stem) or (
                stem.startswith("ن") and lex.is_participle(stem[1:])
            )
            if final == "ه" and suffix != "ای" and participle:
                return 1
            if final == "ه" and (lex.is_content_word(stem) or restored != stem):
                if suffix != "ای":
                    return 1
                return None if lex.is_participle(stem) else SILENT_HE_PRIOR
            preposition = lex.has_tag(stem, "P") or stem in PREPOSITIONS_IN_YE
            if final != "ی" or suffix not in AFTER_YE or preposition:
                return None  # برایشان, رویشان: a preposition takes its enclitic joined
            # رویای, گویای: a word in ا with its ezafe, not روی + ای
            return None if suffix == "ای" and lex.freq(stem + "ا") > 0 else 1
        if suffix in JOINED_YE:
            if final == "ه" or (suffix == "یی" and final not in "او"):
                return None
            return 1
        if suffix == "تری" and lex.has_tag(stem + "تر", "N") and not lex.has_tag(stem + "تر", "AJ"):
            return None  # a noun in تر and ی: کلانتری, شوشتری, انگشتری
        if suffix in COMPARATIVE and not (
            lex.has_tag(stem, "AJ") or lex.has_tag(restored, "AJ") or restored != stem
            or final == "ی"
        ):
            return None
        if suffix in PLURAL + COMPARATIVE and self._past_verb(stem, suffix):
            return None  # a verb takes no plural: توانسته‌ایم, not توانست‌هایم
        if suffix in PLURAL and final in NON_JOINING:
            return SILENT_HE_PRIOR
        return 1

    def _past_verb(self, stem: str, suffix: str) -> bool:
        """Whether ``stem`` + ``suffix`` reads as a perfect verb, not a plural.

        A negated past stem (نخواست) is no noun; a bare one hazm's corpus does not
        count as a word (توانست, but not the nouns برداشت, نشست) is none either,
        except before های, which news text writes far more often as a plural of a
        noun in ت like گذشت than as a perfect in ای (گذشته‌ای); in د the plural
        would be written joined (بخشیدهای), and never is.
        """
        lex = self.lexicon
        if stem.startswith("ن") and self._negated_past(stem[1:]):
            return not lex.is_content_word(stem)
        if stem not in lex.past_stems or lex.count(stem) > 0:
            return False
        return suffix != "های" or stem[-1] in NON_JOINING

    def _negated_past(self, rest: str) -> bool:
        """Whether ن + ``rest`` is a negated past stem (نخواست, نیامد, نیفتاد)."""
        stems = self.lexicon.past_stems
        if rest in stems:
            return True
        return rest.startswith("ی") and ("آ" + rest[2:] in stems or "ا" + rest[1:] in stems)

    def _readings(self, word: str) -> Iterator[tuple[float, str]]:
        """Every stem + suffix reading of ``word`` as ``(weight, spelling)``.

        Readings that need no half-space (کشورها, دریای, بیشتری) compete with the
        others: روزهای is روز + های, not روزه + ای. A conjugated verb (ستاده‌ای) is
        one reading among the rest, so the plural ستادهای wins.
        """
        verb = self._perfect(word)
        if verb is not None:
            # Perfect forms such as گشته‌ای are rare in news next to plurals.
            participle = verb.split(ZWNJ)[0]
            yield max(self.lexicon.freq(participle) / SILENT_HE_PRIOR, MIN_VERB_WEIGHT), verb
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

    def _compound_plurals(self, word: str) -> Iterator[tuple[float, str]]:
        """ان/گان plurals: متهمان, and after compounds سرمایه‌گذاران, آسیب‌دیدگان."""
        for stem, tail in ((word[:-2], "ان"), (word[:-3] + "ه", "گان")):
            if not word.endswith(tail) or len(stem) < MIN_PART + 1:
                continue
            restored = self.restore_word(stem)
            if restored != stem or self.lexicon.is_content_word(stem):
                base = restored if tail == "ان" else restored[:-1]
                yield max(self.lexicon.freq(restored), self.lexicon.freq(stem)), base + tail

    def _affixed(self, word: str) -> Iterator[tuple[float, str]]:
        """A prefix (بی, هم, پیش) before a known word, a known word before a compound tail."""
        lex = self.lexicon
        for prefix in PREFIXES:
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and lex.count(rest) > 0:
                yield lex.freq(rest) * SUFFIX_SHARE, prefix + ZWNJ + self.restore_word(rest)
        for tail in COMPOUND_TAILS:
            head = word[: -len(tail)]
            if not word.endswith(tail) or len(head) < MIN_PART or head[-1] in NON_JOINING:
                continue
            if self._joins_tail(head, tail):
                continue
            found = self._stem(head)
            if found is not None and lex.known(head):
                yield found[0] * SUFFIX_SHARE, found[1] + ZWNJ + self.restore_word(tail)

    def _joins_tail(self, head: str, part: str) -> bool:
        """Whether ``part`` starts with a suffix written joined after ``head``.

        گاه, گر, مند, زار join (دانشگاه, توانمندی) except after a silent ه
        (تکیه‌گاه); a consonant ه is told by the joined word being known (پناهگاه).
        """
        if part not in _JOINED_TAIL_FORMS:
            return False
        tail = next(tail for tail in JOINED_TAILS if part.startswith(tail))
        if tail in CONSONANT_TAILS:
            attested = (
                not part.endswith("ی")
                or tail not in ATTESTED_TAILS
                or self.lexicon.freq(head + tail) > 0
            )
            consonant = head[-1] != "ی" and not silent_he(head)
            return len(head) >= MIN_SPLIT_PART and consonant and attested
        return not silent_he(head) or self.lexicon.known(head + tail)

    def _part(self, part: str) -> float:
        """How often ``part`` occurs as a word, joined or half-spaced (0 when too rare).

        A part is a word hazm's corpus attests, or one wordfreq finds often enough;
        an enclitic or suffix (شان, اند, ترین) is never a part of its own.
        """
        lex = self.lexicon
        if part in SUFFIXES:
            return 0.0
        spaced = lex.spaced.get(part)
        found = max(lex.freq(part), lex.freq(spaced) if spaced is not None else 0.0)
        if lex.count(part) <= 0 and found < MIN_WORDFREQ_PART:
            return 0.0
        return found if found >= MIN_SPLIT_FREQ else 0.0

    def _reduplication(self, word: str) -> tuple[float, str] | None:
        """A word + به + the same word (خانه‌به‌خانه, یک‌به‌یک), weighted by the word."""
        size = (len(word) - 2) // 2
        part = word[:size]
        if size < MIN_PART or word != part + "به" + part or not self._part(part):
            return None
        restored = self.restore_word(part)
        glue = "" if part[-1] in NON_JOINING else ZWNJ
        return self._part(part), restored + glue + "به" + ZWNJ + restored

    def _split(self, word: str) -> tuple[float, str] | None:
        """The most probable split of ``word`` into known words, and its weight.

        Dynamic programming over the product of the parts' frequencies, with a factor
        of :data:`SPLIT_COST` for each split; parts join with a half-space (none after
        a letter that does not join).
        """
        size = len(word)
        if size > MAX_SPLIT_WORD or size < 2 * MIN_SPLIT_PART:
            return None
        best: list[tuple[float, tuple[str, ...]] | None] = [None] * (size + 1)
        best[0] = (1.0, ())
        for end in range(2, size + 1):
            for start in range(end - 1):
                before = best[start]
                if before is None:
                    continue
                if end - start < MIN_SPLIT_PART and (start or word[:end] not in SHORT_FIRST):
                    continue
                part = word[start:end]
                if start and self._joins_tail(word[:start], part):
                    continue
                found = self._part(part)
                if not found:
                    continue
                weight = before[0] * found * (SPLIT_COST if start else 1.0)
                current = best[end]
                if current is None or weight > current[0]:
                    best[end] = (weight, (*before[1], word[start:end]))
        result = best[size]
        if result is None or len(result[1]) < 2 or result[0] < MIN_SPLIT_WEIGHT:
            return None
        form = ""
        for part in result[1]:
            if form and form[-1] not in NON_JOINING:
                form += ZWNJ
            form += self.restore_word(part)
        return result[0], form
