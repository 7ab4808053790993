"""People and organisations in speaker phrases: roles, honorifics and names.

A speaker phrase is what stands where the subject of a speech verb does: a name
(«کاوه نادری»), a role («مدیرعامل سازمان بنادر استان»), the two in apposition in either
order («X، Y»), a role written straight before a name («رئیس‌جمهور ترامپ», «وزیر نیرو
علی اکبری», "Agency CEO Dana Whitfield"), an organisation («وزارت امور خارجه») or a
description («یک مقام آمریکایی»). :func:`mention_of` tells these apart with a role
lexicon and an honorifics list (``bot/article/data``). Where a name begins after a role
is decided on supporting evidence only: a given name from a short list followed by
another word, a word hazm's word list does not list at all (foreign names, mostly: ترامپ،
اوماروف), a title (رئیس‌جمهور، وزیر) right before such a word, or capitals in English.
hazm's corpus counts are too sparse to go further (it never counted تیم or فنی), so
when the evidence is not there the phrase is kept whole, role and all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text import ZWNJ, fold
from bot.text.resources import data_lines, hazm_data

#: A word hazm's list counts fewer times than this is rare (names, mostly).
RARE_COUNT = 1000
#: The longest name a role can be followed by, in words.
MAX_NAME_WORDS = 4


def word_set(words: str) -> frozenset[str]:
    """The folded words of a space-separated list.

    >>> sorted(word_set("Said سخنگوی"))
    ['said', 'سخنگوی']
    """
    return frozenset(fold(word) for word in words.split())


#: Roles that stand as titles straight before a bare surname («رئیس‌جمهور ترامپ»).
_TITLES_FA = word_set(
    "رئیس‌جمهور رئیس‌جمهوری نخست‌وزیر صدراعظم وزیر سناتور پادشاه ملکه شاهزاده سرمربی کاپیتان"
)
#: Words that are never part of a Persian name: particles, prepositions, pronouns.
_FUNCTION_FA = word_set(
    "و یا از در به با که را این آن همین همان برای تا هم نیز او وی ایشان آنها آن‌ها ما من یک "
    "یکی دو سه چند هر همه خود اما ولی اگر چون بر پس پیش روی زیر طی بی نه است بود شد کرد "
    "گفت افزود هیچ برخی بسیاری شماری سایر دیگر اول دوم سابق پیشین ارشد جدید کل اصلی مردم "
    "ملی کشور استان شهر"
)
_EN_FUNCTION = word_set(
    "the a an of for at to in on by and or with from his her its their our this that who which "
    "said says told"
)
_MONTHS_EN = word_set(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday"
)
_PERSIAN_WORD = re.compile(f"^[\u0600-\u06ff{ZWNJ}]{{2,}}$")
_EN_WORD_EDGE = re.compile(r"^[^\w]+|[^\w.]+$")


@functools.cache
def vocabulary(name: str) -> frozenset[str]:
    """Folded entries of one of the word lists in ``bot/article/data``."""
    return frozenset(fold(line) for line in data_lines(name, "bot.article"))


#: Words already in folded form once their half-spaces are gone (most of hazm's list).
_PLAIN_PERSIAN = re.compile(
    f"^[\u0622-\u0628\u062a-\u063a\u0641\u0642\u0644-\u0648\u067e\u0686\u0698\u06a9\u06af\u06cc{ZWNJ}]+$"
)


@functools.cache
def _word_counts() -> dict[str, int]:
    """hazm's word list as folded word → corpus count (0: listed but unattested).

    Read once, on first use (about a second), straight from the file.
    """
    counts: dict[str, int] = {}
    with hazm_data("words.dat").open(encoding="utf-8") as lines:
        for line in lines:
            word, _, rest = line.strip().partition("\t")
            if not word:
                continue
            count = rest.partition("\t")[0]
            key = word.replace(ZWNJ, "") if _PLAIN_PERSIAN.match(word) else fold(word)
            counts[key] = max(counts.get(key, 0), int(count) if count.isdigit() else 0)
    return counts


@functools.lru_cache(maxsize=1 << 15)
def _key(word: str, lang: str) -> str:
    """A word as the lists are looked up by (folded; English edges trimmed)."""
    word = fold(word)
    return _EN_WORD_EDGE.sub("", word) if lang == "en" else word.strip("«»()[]،,:؛")


def _ezafe_base(key: str) -> str:
    """«سخنگوی» → «سخنگو»: the ezafe ی after a vowel is not part of the word."""
    return key[:-1] if len(key) > 3 and key.endswith("ی") and key[-2] in "واه" else key


@functools.lru_cache(maxsize=1 << 15)
def is_role_word(word: str, lang: str = "fa") -> bool:
    """Whether ``word`` opens a role (``وزیر``, ``سخنگوی``; ``CEO``, ``analyst``).

    >>> is_role_word("سخنگوی"), is_role_word("نادری"), is_role_word("Analyst", "en")
    (True, False, True)
    """
    key = _key(word, lang)
    if lang == "en":
        roles = vocabulary("roles_en.txt")
        return key in roles or key.rstrip(".") in roles or f"{key}." in roles
    roles = vocabulary("roles_fa.txt")
    return key in roles or _ezafe_base(key) in roles or (len(key) > 5 and key.endswith("شناس"))


def role_length(tokens: Sequence[str], start: int = 0, lang: str = "fa") -> int:
    """How many words of ``tokens`` from ``start`` make a role word (0 when none)."""
    if start >= len(tokens):
        return 0
    if lang == "fa" and start + 1 < len(tokens):
        joined = _key(tokens[start], lang) + _key(tokens[start + 1], lang)
        if joined in vocabulary("roles_fa.txt") or _ezafe_base(joined) in vocabulary(
            "roles_fa.txt"
        ):
            return 2
    return 1 if is_role_word(tokens[start], lang) else 0


def is_honorific(word: str, lang: str = "fa") -> bool:
    """Whether ``word`` is a form of address, academic title or rank (دکتر، Dr.)."""
    key = fold(word) if lang == "en" else _key(word, lang)
    return key in vocabulary("honorifics.txt")


def strip_honorifics(phrase: str, lang: str = "fa") -> str:
    """``phrase`` without the honorifics it opens with.

    >>> strip_honorifics("جناب آقای دکتر پرستو نیک‌نام")
    'پرستو نیک‌نام'
    >>> strip_honorifics("Dr. Jane Doe", "en"), strip_honorifics("")
    ('Jane Doe', '')
    """
    tokens = phrase.split()
    start = 0
    while start < len(tokens) - 1 and is_honorific(tokens[start], lang):
        start += 1
    return " ".join(tokens[start:])


@functools.lru_cache(maxsize=1 << 15)
def is_org_head(word: str, lang: str = "fa") -> bool:
    """Whether ``word`` is a word organisations are named with (وزارت، Authority)."""
    if lang == "en":
        return _key(word, lang) in vocabulary("organisations_en.txt")
    key = _key(word, lang)
    return key in vocabulary("organisations_fa.txt") or _ezafe_base(key) in vocabulary(
        "organisations_fa.txt"
    )


@functools.lru_cache(maxsize=1 << 15)
def is_org(phrase: str, lang: str = "fa") -> bool:
    """Whether ``phrase`` names an organisation.

    >>> is_org("وزارت امور خارجه"), is_org("The National Coffee Association", "en")
    (True, True)
    """
    tokens = phrase.split()
    if not tokens:
        return False
    if lang == "en":
        return tokens[-1][:1].isupper() and is_org_head(tokens[-1], lang)
    if len(tokens) > 1 and fold(tokens[0] + tokens[1]) in vocabulary("organisations_fa.txt"):
        return True
    return is_org_head(tokens[0], lang)


def org_name(phrase: str, lang: str = "fa") -> str:
    """An organisation's name as a speaker: an English leading "the" dropped."""
    if lang == "en":
        return re.sub(r"^the\s+(?=[A-Z])", "", phrase, flags=re.I)
    return phrase


@functools.lru_cache(maxsize=1 << 15)
def is_given_name(word: str) -> bool:
    """Whether ``word`` is in the list of given names (supporting evidence only)."""
    return _key(word, "fa") in vocabulary("first_names.txt")


@functools.lru_cache(maxsize=1 << 15)
def _blocked(word: str, lang: str) -> bool:
    """A word that cannot be part of a name."""
    key = _key(word, lang)
    if not key or any(char.isdigit() for char in key):
        return True
    if lang == "en":
        return (
            key in _EN_FUNCTION
            or key in _MONTHS_EN
            or is_role_word(word, lang)
            or is_org_head(word, lang)
            or not word[:1].isupper()
        )
    return (
        key in _FUNCTION_FA
        or is_role_word(word, lang)
        or is_org_head(word, lang)
        or is_honorific(word, lang)
        or not _PERSIAN_WORD.match(word)
        or _is_plural(word)
    )


_EZAFE_FA = re.compile(f"{ZWNJ}(?:های|ی)$")


def _ezafe_marked(word: str) -> bool:
    """A word written with its ezafe («نهاده‌های»، «خانه‌ی»): its modifier follows, not a name."""
    return bool(_EZAFE_FA.search(word))


_PLURAL_FA = re.compile(f"(?:{ZWNJ}(?:ها|های|هایی)|ندگان)$")


def _is_plural(word: str) -> bool:
    """A Persian plural («نهاده‌های»، «واردکنندگان»): a common noun, never a name.

    >>> _is_plural("نهاده‌های"), _is_plural("واردکنندگان"), _is_plural("کرمانی")
    (True, True, False)
    """
    return bool(_PLURAL_FA.search(word.strip("«»()[]،,:؛")))


@functools.lru_cache(maxsize=1 << 15)
def is_rare(word: str) -> bool:
    """Whether hazm's word list does not know ``word`` or knows it as rare.

    A rare word standing where a name may stand is likely a name (ترامپ، اوماروف،
    نادری); common words (نیرو، تهران) are not. Weak evidence: some places and
    surnames are counted a few hundred times.
    """
    if not _PERSIAN_WORD.match(word) or _blocked(word, "fa"):
        return False
    return _word_counts().get(fold(word), 0) < RARE_COUNT


def is_people_plural(word: str) -> bool:
    """Whether ``word`` is a plural in -ان of a word hazm's list knows, the word itself unlisted.

    -ان is the plural of people (and living things): «هواداران»، «معترضان»، «نمایندگان»،
    «دانشجویان»; things take -ها. A word listed as it stands («باران»، «تهران») is not a
    plural.

    >>> is_people_plural("هواداران"), is_people_plural("نمایندگان"), is_people_plural("باران")
    (True, True, False)
    >>> is_people_plural("")
    False
    """
    key = fold(word).strip("«»()[]،,:؛")
    if len(key) < 5 or not key.endswith("ان") or not _PERSIAN_WORD.match(key):
        return False
    counts = _word_counts()
    if key in counts:
        return False
    stems = [key[:-2]]
    if key.endswith("یان"):
        stems.append(key[:-3])  # دانشجویان → دانشجو
    if key.endswith("گان"):
        stems.append(key[:-3] + "ه")  # نمایندگان → نماینده
    return any(counts.get(stem, 0) > 0 for stem in stems)


@functools.lru_cache(maxsize=1 << 15)
def is_unattested(word: str) -> bool:
    """Whether hazm's word list never saw ``word`` in its corpus (listed with count 0 or absent)."""
    return is_rare(word) and _word_counts().get(fold(word), 0) == 0


@functools.lru_cache(maxsize=1 << 15)
def is_unlisted(word: str) -> bool:
    """Whether hazm's word list does not list ``word`` at all (foreign names, mostly)."""
    return is_rare(word) and fold(word) not in _word_counts()


def looks_like_name(phrase: str, lang: str = "fa") -> bool:
    """Whether ``phrase`` reads as a person's name on the evidence available.

    >>> looks_like_name("کاوه نادری"), looks_like_name("وزیر نیرو"), looks_like_name("")
    (True, False, False)
    >>> looks_like_name("Lena Ortiz", "en"), looks_like_name("the agency", "en")
    (True, False)
    """
    tokens = strip_honorifics(phrase, lang).split()
    if not tokens or len(tokens) > MAX_NAME_WORDS or any(_blocked(t, lang) for t in tokens):
        return False
    if lang == "en":
        return not is_org(phrase, lang)
    if len(tokens) >= 2 and is_given_name(tokens[0]):
        return True
    return all(is_rare(token) or is_given_name(token) for token in tokens)


def _split_fa(tokens: list[str]) -> tuple[str, str] | None:
    first = role_length(tokens, 0, "fa")
    if not first or first >= len(tokens):
        return None
    head = _key("".join(tokens[:first]), "fa")
    title = head in _TITLES_FA or _ezafe_base(head) in _TITLES_FA
    candidates: list[tuple[int, int]] = []  # (strength, start): lower is stronger
    for start in range(first, len(tokens)):
        name = tokens[start:]
        if len(name) > MAX_NAME_WORDS or _ezafe_marked(tokens[start - 1]):
            continue
        # An honorific between the role and the name marks where the name begins.
        honorifics = 0
        while honorifics < len(name) - 1 and is_honorific(name[honorifics], "fa"):
            honorifics += 1
        if honorifics:
            return " ".join(tokens[:start]), " ".join(name[honorifics:])
        if any(_blocked(token, "fa") for token in name):
            continue
        if len(name) >= 2 and is_given_name(name[0]):
            candidates.append((0, start))
        elif (
            len(name) >= 2
            and all(is_unattested(t) or is_given_name(t) for t in name)
            and any(is_unlisted(t) for t in name)
        ) or (
            len(name) == 1
            and is_unlisted(name[0])
            and (title or start > first)
            and not is_org_head(tokens[start - 1], "fa")
        ):
            candidates.append((1, start))
    if not candidates:
        return None
    _, start = min(candidates)
    return " ".join(tokens[:start]), " ".join(tokens[start:])


def _split_en(tokens: list[str]) -> tuple[str, str] | None:
    roles = [index for index, token in enumerate(tokens) if is_role_word(token, "en")]
    if not roles or roles[-1] == len(tokens) - 1:
        # "consumer advocate Dana Price": a lower-case noun, then a capitalised name.
        if (
            len(tokens) >= 3
            and tokens[-3][:1].islower()
            and not _blocked(tokens[-3].capitalize(), "en")
            and not any(_blocked(token, "en") for token in tokens[-2:])
        ):
            return " ".join(tokens[:-2]), " ".join(tokens[-2:])
        return None
    last = roles[-1]
    rest = tokens[last + 1 :]
    while len(rest) > 1 and is_honorific(rest[0], "en"):
        rest = rest[1:]
    if rest[0].casefold() in {"of", "for", "at"}:
        run = 0
        while run < len(rest) and rest[len(rest) - 1 - run][:1].isupper():
            run += 1
        if run < 3:
            return None
        name = rest[-2:]
        role = tokens[: len(tokens) - 2]
        if is_org(" ".join(rest[1:]), "en"):
            return None  # "a spokesperson for Harbor Freight Lines": no name after it
    else:
        name = rest
        role = tokens[: last + 1]
    if len(name) > MAX_NAME_WORDS or any(_blocked(token, "en") for token in name):
        return None
    return " ".join(role), " ".join(name)


def split_title(phrase: str, lang: str = "fa") -> tuple[str, str] | None:
    """``(role, name)`` of a role written straight before a name, if the evidence says so.

    >>> split_title("رئیس‌جمهور ترامپ")
    ('رئیس\u200cجمهور', 'ترامپ')
    >>> split_title("وزیر نیرو علی اکبری")
    ('وزیر نیرو', 'علی اکبری')
    >>> split_title("وزیر نیرو") is None, split_title("") is None
    (True, True)
    >>> split_title("Agency CEO Dana Whitfield", "en")
    ('Agency CEO', 'Dana Whitfield')
    """
    tokens = phrase.split()
    if len(tokens) < 2:
        return None
    return _split_en(tokens) if lang == "en" else _split_fa(tokens)


def is_role_phrase(phrase: str, lang: str = "fa") -> bool:
    """Whether ``phrase`` is a role or a description by role (``یک کارشناس``، ``a spokesperson``).

    >>> is_role_phrase("رئیس پیشین سازمان حفاظت محیط زیست"), is_role_phrase("عیسی کلانتری")
    (True, False)
    """
    tokens = phrase.split()
    if not tokens:
        return False
    if lang == "en":
        return any(is_role_word(token, lang) for token in tokens)
    start = 1 if fold(tokens[0]) in {"یک", "یکی"} and len(tokens) > 1 else 0
    if fold(tokens[0]) == "یکی" and len(tokens) > 2 and fold(tokens[1]) == "از":
        start = 2
    return role_length(tokens, start, lang) > 0


_DESCRIPTION_OPENINGS = word_set("یک یکی این آن همین همان برخی چند a an the this that some")


def is_description(phrase: str, lang: str = "fa") -> bool:
    """Whether ``phrase`` describes rather than names: it opens with an article or a
    demonstrative («یک کارگر»، "the county's largest employer"), or, in English, with a
    lower-case word. A capitalised "The" opens a name ("The Harlow Courier").

    >>> is_description("the county's largest employer", "en"), is_description("The Times", "en")
    (True, False)
    >>> is_description("یک کارگر کارخانه"), is_description("کاوه نادری"), is_description("")
    (True, False, False)
    """
    words = phrase.split()
    if not words:
        return False
    if lang == "en":
        return words[0][:1].islower() or fold(words[0]) in {"a", "an"}
    return fold(words[0]) in _DESCRIPTION_OPENINGS


def tidy_role(role: str, lang: str = "fa") -> str:
    """A role as stored: without a leading indefinite article or stray punctuation."""
    role = role.strip(" ،,:؛;-–—")
    if lang == "en":
        return re.sub(r"^(?:a|an)\s+", "", role, flags=re.I)
    return re.sub(r"^یک\s+", "", role)


@dataclass(frozen=True, slots=True)
class Mention:
    """Who a phrase names: the speaker as written, their role, and what it is.

    ``named`` marks a person's name (later references by surname find it); ``org`` an
    organisation.
    """

    speaker: str
    role: str | None = None
    named: bool = False
    org: bool = False


def _part(phrase: str, lang: str) -> tuple[str, str | None, bool]:
    """One apposition part: ``(text, role split off it, whether it is a name)``."""
    split = split_title(phrase, lang)
    if split:
        return split[1], split[0], True
    return phrase, None, looks_like_name(phrase, lang)


def _org_apposition(phrase: str) -> bool:
    """Whether an English apposition says its name is an organisation: an article, then
    a kind of organisation and no role ("the enterprise software company")."""
    words = phrase.split()
    return (
        len(words) >= 2
        and words[0].casefold() in {"the", "a", "an"}
        and is_org_head(words[-1], "en")
        and not any(is_role_word(word, "en") for word in words)
    )


def _join_role_parts(parts: list[str], lang: str) -> list[str]:
    """A role whose own words hold commas, before the name: «معاون سیاسی، امنیتی و
    اجتماعی استانداری گیلان، سیامک نیکپور» → the role in one part, then the name."""
    if lang != "fa" or len(parts) < 3 or not is_role_phrase(parts[0], lang):
        return parts
    for end in range(1, len(parts)):
        part = parts[end]
        if looks_like_name(part, lang) and split_title(part, lang) is None:
            break
        if is_role_phrase(part, lang) or is_org(part, lang) or is_description(part, lang):
            return parts
    else:
        return parts
    if end < 2:
        return parts
    return ["، ".join(parts[:end]), *parts[end:]]


def _name_after_comma_in_role(parts: Sequence[str], lang: str) -> Mention | None:
    """A role whose own words hold a comma, then the name with no comma before it:
    «وزیر تعاون، کار و رفاه اجتماعی احمد میرزایی» (a ministry named by a list)."""
    if lang != "fa" or len(parts) != 2 or not is_role_phrase(parts[0], lang):
        return None
    tokens = parts[1].split()
    if is_role_phrase(parts[1], lang) or looks_like_name(parts[1], lang):
        return None
    for start in range(1, len(tokens) - 1):
        name = tokens[start:]
        if (
            is_given_name(name[0])
            and len(name) <= MAX_NAME_WORDS
            and not any(_blocked(token, lang) for token in name)
            and not _ezafe_marked(tokens[start - 1])
        ):
            role = f"{parts[0]}، {' '.join(tokens[:start])}"
            return Mention(" ".join(name), tidy_role(role, lang), named=True)
    return None


def mention_of(segments: Sequence[str], lang: str = "fa") -> Mention | None:
    """Who the comma-separated parts of a speaker phrase name.

    >>> mention_of(["مدیرعامل سازمان بنادر استان", "دکتر کاوه نادری"])
    Mention(speaker='کاوه نادری', role='مدیرعامل سازمان بنادر استان', named=True, org=False)
    >>> mention_of(["یک مقام آمریکایی"]).speaker
    'یک مقام آمریکایی'
    >>> mention_of([]) is None
    True
    """
    parts = [strip_honorifics(s.strip(" ،,:؛;-–—"), lang) for s in segments]
    parts = [part for part in parts if part and not part.isdigit()]
    if not parts:
        return None
    if len(parts) == 1:
        text, role, named = _part(parts[0], lang)
        if role:
            return Mention(text, tidy_role(role, lang), named=True)
        if is_org(text, lang):
            return Mention(org_name(text, lang), org=True)
        return Mention(text, named=named)
    inside = _name_after_comma_in_role(parts, lang)
    if inside is not None:
        return inside
    parts = _join_role_parts(parts, lang)
    joined = " و " if lang == "fa" else " and "
    if joined in f" {parts[-1]} " and not any(is_role_phrase(part, lang) for part in parts):
        return Mention("، ".join(parts) if lang == "fa" else ", ".join(parts))
    if lang == "en" and len(parts) >= 2 and _org_apposition(parts[1]):
        # "Brightline Cloud, the enterprise software company": an organisation
        return Mention(parts[0], org=True)
    analysed = [_part(part, lang) for part in parts]
    # A part that is a name as a whole is the name of the apposition; the other parts are
    # then roles whole, never split into a title and a name of their own.
    whole = [item for item in analysed if item[2] and item[1] is None]
    for text, role, named in whole or analysed:
        if named:
            others = [p for p in parts if p != text and is_role_phrase(p, lang)]
            role = role or (others[0] if others else None)
            if role is None:
                rest = [p for p, _, n in analysed if p != text and not n]
                role = rest[0] if rest and not is_org(rest[0], lang) else None
            return Mention(text, tidy_role(role, lang) if role else None, named=True)
    roles = [part for part in parts if is_role_phrase(part, lang)]
    names = [
        part for part in parts if not is_role_phrase(part, lang) and not is_description(part, lang)
    ]
    if roles and names:
        name = names[0]
        if is_org(name, lang):
            return Mention(org_name(name, lang), org=True)
        return Mention(name, tidy_role(roles[0], lang), named=True)
    first = parts[0]
    if is_org(first, lang):
        return Mention(org_name(first, lang), org=True)
    return Mention(first)
