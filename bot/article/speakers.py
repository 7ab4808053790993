"""Where a quote's speaker stands in its sentence.

Persian puts the speaker before a speech verb (``X گفت: «...»``, ``X گفت که ... «...»``),
after the quote (``«...»، X افزود``, ``«...»، X، Y، گفت``), in an attribution (``به گفته
X``، ``طبق گفته X``، ``به نقل از X``; ``به گزارش X`` names a news source, never a
speaker), before a colon (``X: «...»``), or opening the clause the quote stands inside
when the verb follows it (``X از «...» سخن گفت``، ``X «...» سر دادند``). English does
the same with "said", "told", "according to".

The speaker phrase is the apposition group that opens its clause: connectives and time
or place phrases at the start (ساعتی بعد، روز دوشنبه در تهران، On Tuesday) are
skipped, and each part is cut where an adverbial begins (روز، در، با، که، on, in, ...),
except that a part closed by a comma keeps its noun's complements (``X، مؤسس یک فروشگاه
در شیراز، گفت``). :mod:`bot.article.people` then tells names from roles.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.article.people import (
    is_given_name,
    is_honorific,
    is_org,
    is_org_head,
    is_people_plural,
    is_rare,
    is_role_phrase,
    is_role_word,
    looks_like_name,
    role_length,
    word_set,
)
from bot.text import ZWNJ, fold
from bot.text.pos import is_finite_verb

_W = f"[\\w{ZWNJ}]"
#: The longest speaker phrase part, in words.
MAX_SPEAKER_WORDS = 8
#: A description may run longer: «یک منبع آگاه در وزارت فرهنگ و ارشاد اسلامی».
MAX_DESCRIPTION_WORDS = 12

FA_SPEECH_VERBS = (
    "گفت", "گفتند", "گفته است", "گفته بود", "گفته‌اند", "گفته بودند", "می‌گوید", "می‌گویند",
    "می‌گفت", "افزود", "افزودند", "افزوده است", "نوشت", "نوشتند", "نوشته است", "می‌نویسد",
    "اعلام کرد", "اعلام کردند", "اعلام کرده است", "اعلام داشت", "تأکید کرد", "تاکید کرد",
    "تأکید کردند", "تاکید کردند", "تأکید کرده است", "اظهار داشت", "اظهار کرد",
    "تصریح کرد", "خاطرنشان کرد", "خاطر نشان کرد", "خاطرنشان ساخت", "توضیح داد",
    "هشدار داد", "هشدار دادند", "پرسید", "ادامه داد", "اضافه کرد", "یادآور شد",
    "یادآوری کرد", "عنوان کرد", "بیان کرد", "بیان داشت", "اذعان کرد", "اذعان داشت",
    "مدعی شد", "ادعا کرد", "پاسخ داد", "اعتراف کرد", "متذکر شد", "تشریح کرد",
    "ابراز داشت", "ابراز امیدواری کرد", "اظهار امیدواری کرد", "توییت کرد",
    "صحبت کرد", "صحبت کردند", "حرف زد", "حرف زدند",
    "با بیان اینکه", "با بیان این که", "با اشاره به اینکه", "با تأکید بر اینکه",
    "با تاکید بر اینکه", "ضمن بیان اینکه",
    "معتقد است", "معتقدند", "معتقد بود", "معتقد بودند", "عقیده دارد", "باور دارد",
    "بر این باور است", "می‌افزاید", "می‌افزایند", "نوشته بود", "اعلام کرده بود",
    "اعلام کرده‌اند", "نوشته‌اند", "پیش‌بینی کرد", "پاسخ دادند", "پرسیدند", "توضیح دادند",
    "ادامه دادند", "اضافه کردند", "یادآور شدند", "خاطرنشان کردند", "تصریح کردند",
    "اظهار داشتند", "بیان کردند", "عنوان کردند", "اذعان کردند", "ادعا کردند", "مدعی شدند",
    "اظهار کرده است", "تصریح کرده است", "تأکید کرده بود", "تاکید کرده بود",
    "انتقاد کرد که", "انتقاد کردند که", "گلایه کرد که", "گلایه کردند که", "شکایت کرد که",
    "اعتراض کرد که", "پذیرفت", "پذیرفتند", "قبول کرد که", "اعتراف کردند", "هشدار داده بود",
    "هشدار داده است",
)  # fmt: skip
EN_SPEECH_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "tweeted",
    "posted", "warned", "warns", "noted", "notes", "explained", "argued", "argues",
    "insisted", "stated", "declared", "replied", "responded", "acknowledged", "admitted",
    "cautioned", "recalled", "predicted", "announced", "emphasized", "stressed", "conceded",
    "contended", "claimed", "promised", "vowed", "called", "described",
)  # fmt: skip
#: Speech without a named subject: evidence of a quotation, never of a speaker.
FA_PASSIVE = (
    "گفته شد", "گفته می‌شود", "اعلام شد", "آمده است", "آمده‌است", "آمده بود", "نوشته شده",
    "تصریح شده", "تأکید شده", "تاکید شده", "درج شده", "قید شده", "می‌خوانیم",
    "سر دادند", "سر داد", "سر دادن", "سر می‌دادند", "فریاد زد", "فریاد زدند",
    "فریاد می‌زدند", "شعار دادند", "شعار می‌دادند",
)  # fmt: skip
#: Chanting and shouting: the clause's subject, when it has one, is who chanted.
FA_CHANT = (
    "سر دادند", "سر داد", "سر می‌دادند", "فریاد زد", "فریاد زدند", "فریاد می‌زدند",
    "شعار دادند", "شعار می‌دادند",
)  # fmt: skip
EN_PASSIVE = ("read", "reads", "was quoted", "is quoted", "quoted", "saying")


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, any run of spaces between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace("\\ ", r"\s+") for word in ordered)


FA_VERB = re.compile(f"(?<!{_W})(?:{alternation(FA_SPEECH_VERBS)})(?!{_W})")
EN_VERB = re.compile(rf"\b(?:{alternation(EN_SPEECH_VERBS)})\b", re.I)
FA_ANY_SPEECH = re.compile(f"(?<!{_W})(?:{alternation(FA_SPEECH_VERBS + FA_PASSIVE)})(?!{_W})")
EN_ANY_SPEECH = re.compile(rf"\b(?:{alternation(EN_SPEECH_VERBS + EN_PASSIVE)})\b", re.I)
#: «...» خواند: the clause's subject characterised something in the quoted words.
_FA_DO = "کرد|کردند|کرده|کرده‌اند|کرده است|کرده بود|کرده بودند|می‌کند|می‌کنند|کرده‌است"
FA_CHARACTERISED = re.compile(
    f"^(?:(?:توصیف|ارزیابی|قلمداد|تعبیر)\\s+(?:{_FA_DO})|خواند|خواندند|خوانده‌اند|"
    f"خوانده بود|خوانده بودند|می‌خواند|می‌خوانند|دانست|دانستند|دانسته‌اند|می‌داند|"
    f"می‌دانند|برشمرد|برشمردند)(?!{_W})"
)
#: «...» نامید: something is given a name; the quoted words are a term.
FA_NAMED = re.compile(
    f"^(?:نامید|نامیدند|می‌نامند|می‌نامد|نام گذاشت|نام گذاشتند|نام نهاد|نام نهادند|"
    f"نام گرفت|نام گرفته|نام دارد|نامیده می‌شود|خوانده می‌شود|شهرت دارد|معروف است|"
    f"موسوم است|یاد می‌شود|یاد می‌کنند)(?!{_W})"
)
#: «از «...» خبر داد»، «از «...» انتقاد کرد»: the quoted words name what was reported,
#: criticised or backed, a term. Verbs of saying («از «...» سخن گفت») are not among them:
#: the quoted words are then the speaker's own, a quotation.
FA_TOPIC = re.compile(
    f"^(?:خبر داد|خبر دادند|یاد کرد|یاد کردند|انتقاد کرد|انتقاد کردند|حمایت کرد|حمایت کردند|"
    f"استقبال کرد|استقبال کردند|گلایه کرد|گلایه کردند|دفاع کرد|دفاع کردند)(?!{_W})"
)
FA_TOPIC_BEFORE = re.compile(r"(?:^|\s)(?:از|درباره|دربارهٔ|در\s+مورد|در\s+باره|به|با)\s*$")
_FA_ATTRIBUTION = re.compile(
    f"(?<!{_W})(?:(?:به|طبق|بنابر|بنا بر|بر اساس|بر پایه)\\s+"
    f"(?:گفته|گفته‌ی|اظهارات|سخنان|اعلام|تعبیر|قول|بیان|روایت|نوشته)|به نقل از|از قول|از زبان|"
    f"به تعبیر|به قول|به باور|به اعتقاد|به عقیده|از نظر|از دید|از دیدگاه)\\s+"
)
_EN_ATTRIBUTION = re.compile(r"\b(?:according to|in the words of|as quoted by)\s+", re.I)


_FA_CONNECTIVES = word_set(
    "و اما ولی همچنین سپس البته ضمنا ضمناً همزمان هم‌زمان نیز اکنون حالا اینک بعدا "
    "سرانجام بنابراین درضمن"
)
_FA_TIME = word_set(
    "روز امروز دیروز امشب دیشب فردا پریروز صبح ظهر بعدازظهر عصر شب شامگاه بامداد "
    "نیمه‌شب ساعتی ساعاتی دقایقی لحظاتی چندی روزی هفته ماه سال امسال پارسال اوایل اواخر "
    "اواسط ساعت شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنج‌شنبه جمعه گذشته پیش بعد قبل "
    "آینده اخیر جاری دیگر نخست سال‌ها سال‌هاست ماه‌ها ماه‌هاست هفته‌ها هفته‌هاست روزها "
    "روزهاست ساعت‌ها مدت‌ها مدت‌هاست مدتی"
)
_FA_MONTHS = word_set(
    "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ژانویه فوریه "
    "مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"
)
_FA_PREPOSITIONS = word_set(
    "در با به طی از برای بر طبق بنابر هنگام ضمن درباره پس پیش تا بدون پیرو حین ظرف نزد میان بین"
)
_FA_SUBORDINATORS = word_set(
    "اگرچه اگر هرچند چون وقتی زمانی هنگامی درحالی درحالیکه گرچه زیرا چراکه چنانچه که"
)
_FA_CUT = word_set(
    "روز امروز دیروز امشب دیشب فردا در با به طی پس پیش نیز هم صبح شب ظهر عصر بامداد "
    "شامگاه هنگام ضمن که را برای درباره روی اخیرا اخیراً همچنین سپس اما ولی البته "
    "ساعتی ساعاتی دقایقی لحظاتی هفته امسال بار بارها همواره خطاب حین ظرف طبق بنابر بر "
    "تا نزد"
) | _FA_TIME - word_set("گذشته پیش بعد قبل آینده اخیر جاری دیگر نخست ماه سال")
#: ``از`` ends a speaker phrase except after these (یکی از مقامات).
_FA_QUANTIFIERS = word_set("یکی برخی بسیاری شماری تعدادی عده‌ای گروهی هیچ‌یک بعضی جمعی")
#: Words that open a description rather than a name («یک مسافر»، «برخی کارشناسان»).
_FA_INDEFINITE = _FA_QUANTIFIERS | word_set("یک")
#: Segments that open with these are adjuncts, never the subject.
_FA_ADJUNCT_OPENINGS = re.compile(
    r"^(?:به\s+گزارش|به\s+نقل\s+از|به\s+گفته|طبق\s+گفته|بنا\s*بر|بنابر|بر\s+اساس|به\s+اعتقاد|"
    r"به\s+باور|از\s+نظر|به\s+عقیده|به\s+تعبیر|به\s+قول|از\s+سوی\s+دیگر|در\s+همین\s+حال|"
    r"با\s+این\s+حال|با\s+این\s+وجود)(?!\S)"
)
_FA_PRONOUNS = word_set("وی او ایشان")
_FA_THIS = re.compile(r"^[\s،,]*(?:این|اینها|این‌ها|این سخنان|این جمله)\s+(?:را|رو)\s+(?:هم\s+)?")
#: Roles held in a place: «در» after them belongs to the role.
_FA_LOCATIVE = word_set("نماینده سفیر کاردار رایزن کنسول سرکنسول")
#: Nouns of an occasion: «در جلسه»، «در نشست خبری» say when someone spoke, never where
#: a role is held.
_FA_OCCASIONS = word_set(
    "جلسه جلسات نشست نشستی مراسم همایش دیدار گفت‌وگو گفتگو گفت‌وگویی مصاحبه مصاحبه‌ای جمع "
    "حاشیه برنامه کنفرانس اجلاس سفر بازدید آیین جشن تجمع سخنرانی پیام پیامی نامه نامه‌ای "
    "توییت توییتی بیانیه بیانیه‌ای واکنش پاسخ"
)
#: Prepositions that open a noun's complement inside an apposition closed by a comma
#: («مؤسس یک فروشگاه در شیراز،»، «مسافری از کرج،»); outside one they open adverbials.
_FA_COMPLEMENT = word_set("در از به با برای")
_FA_AUX = word_set(
    "است نیست نیستند نیستیم نیستید نیستم هست هستند هستیم هستید هستم بود بودند شد شده شود "
    "شوند نشد کرد کردند کند کنند کنیم داشت داشتند رفت رفتند آمد آمدند ماند ماندند "
    "نکرد دارد دارند داریم ندارد ندارند خواهد خواهند باید نباید باشد باشند رسید داد "
    "یافت گرفت ماست شماست کجاست اینجاست آنجاست چیست کیست"
)

_EN_CONNECTIVES = word_set(
    "and but so then also however meanwhile still yet now later earlier yesterday today tonight "
    "separately instead again last this next"
)
_EN_TIME = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december morning afternoon evening night week "
    "month year day today yesterday tonight last this next earlier later"
)
_EN_PREPOSITIONS = word_set(
    "on in at during after before since by for from with over under amid despite following as when "
    "while if although though because once until"
)
_EN_CUT = word_set(
    "on in at during after before to that last this from with when while also later earlier "
    "yesterday today tonight recently previously who which has have had is was will would"
)
_EN_ADJUNCT_OPENINGS = re.compile(
    r"^(?:according\s+to|as\s+reported|in\s+a\s+statement|in\s+an?\s+\w+)\b", re.I
)
_EN_PRONOUNS = frozenset({"he", "she", "it", "they"})
#: Groups someone is on: "on the payments team" belongs to the person, not the time.
_EN_GROUPS = word_set("team board committee staff council panel desk squad")
#: "..., said X, adding that ...": a participle opens a clause, not an apposition.
_EN_PARTICIPLES = word_set("adding noting saying citing calling explaining arguing warning")
_EN_CLAUSE = re.compile(
    r",?\s+(?:adding|noting|saying|citing|calling|explaining|arguing|warning|who|which|and)\b", re.I
)
_EN_AUX = word_set(
    "is are was were will would can could has have had do does did isn't wasn't don't doesn't "
    "didn't won't can't"
)


@functools.lru_cache(maxsize=1 << 15)
def _key(word: str) -> str:
    return fold(word).strip(".,;:!?\"'“”()")


@functools.lru_cache(maxsize=1 << 15)
def verb_like(word: str, lang: str) -> bool:
    """Whether ``word`` is probably a finite verb (so a phrase holding it is a clause)."""
    key = _key(word)
    if lang == "en":
        return key in _EN_AUX
    return (
        key in _FA_AUX
        or (key.startswith("ن") and key[1:] in _FA_AUX)  # نبود، نشده، ندارند
        or word.startswith(("می" + ZWNJ, "نمی" + ZWNJ))
        or word.endswith((ZWNJ + "اند", ZWNJ + "است", ZWNJ + "ایم"))
    )


def _is_time(tokens: list[str], index: int, lang: str) -> bool:
    key = _key(tokens[index])
    if key.isdigit() or (key and all(char.isdigit() or char in "/-.٫" for char in key)):
        return True
    if lang == "en":
        return key in _EN_TIME
    if key in _FA_MONTHS:
        near = tokens[max(index - 1, 0) : index + 2]
        return any(_key(token).isdigit() for token in near if token is not tokens[index])
    return key in _FA_TIME


def _strong_start(word: str, lang: str) -> bool:
    """A word a subject opens with: a role, an honorific, a given name, a pronoun."""
    key = _key(word)
    if lang == "en":
        return word[:1].isupper() or key in _EN_PRONOUNS
    return (
        is_role_word(word)
        or is_honorific(word)
        or is_given_name(word)
        or key in _FA_PRONOUNS
        or key == "یک"
    )


def _strip_lead(segment: str, lang: str) -> list[str] | None:
    """A segment's words without leading connectives and time or place phrases.

    ``None`` when the segment is only an adjunct (``ساعتی بعد``, ``به گزارش ایرنا``,
    ``On Tuesday``).
    """
    tokens = segment.split()
    connectives = _EN_CONNECTIVES if lang == "en" else _FA_CONNECTIVES
    prepositions = _EN_PREPOSITIONS if lang == "en" else _FA_PREPOSITIONS
    index = 0
    while index < len(tokens):
        key = _key(tokens[index])
        if key in connectives or _is_time(tokens, index, lang):
            index += 1
        elif key in prepositions and index + 1 < len(tokens) and _is_time(tokens, index + 1, lang):
            index += 2
        else:
            break
    rest = tokens[index:]
    if not rest:
        return None
    text = " ".join(rest)
    if lang == "en":
        if _EN_ADJUNCT_OPENINGS.match(text) or _key(rest[0]) in prepositions | _EN_PARTICIPLES:
            return None
        return rest
    if _FA_ADJUNCT_OPENINGS.match(text) or _key(rest[0]) in _FA_SUBORDINATORS:
        return None
    if _key(rest[0]) in _FA_PREPOSITIONS:
        # «در تهران وزیر نیرو ...»: the subject may follow a place phrase.
        for start in range(2, len(rest)):
            if _strong_start(rest[start], lang) and _key(rest[start]) != "یک":
                return rest[start:]
        return None
    return rest


def _adverbial_after(tokens: list[str], index: int, lang: str) -> bool:
    """Whether the word after the preposition at ``index`` makes it an adverbial."""
    if index + 1 >= len(tokens):
        return True
    key = _key(tokens[index + 1])
    return key in _FA_CUT or key in _FA_OCCASIONS or _is_time(tokens, index + 1, lang)


def _origin(tokens: list[str], index: int) -> bool:
    """Whether the «از» at ``index`` says where a described speaker is from: one last word
    after it in a description («یک مال‌باخته ۳۴ ساله از اصفهان»)."""
    return (
        index == len(tokens) - 2
        and _key(tokens[0]) in _FA_INDEFINITE
        and not _adverbial_after(tokens, index, "fa")
        and not verb_like(tokens[-1], "fa")
    )


#: Words of a field of work: «در حوزه حمل‌ونقل» says what someone described works in.
_FA_FIELDS = word_set("حوزه زمینه بخش صنعت رشته عرصه")


def _where_described(tokens: list[str], index: int) -> bool:
    """Whether the «در» at ``index`` says where someone described by an indefinite is
    («یک کارشناس منابع آب در دانشگاه فردوسی»، «مدیرعامل یک استارتاپ در حوزه حمل‌ونقل»):
    an institution or a field. A place or an occasion after it says where or when they
    spoke («یک دیپلمات در وین»، «یک مقام در نشست خبری»)."""
    if index + 1 >= len(tokens) or _adverbial_after(tokens, index, "fa"):
        return False
    where = tokens[index + 1]
    return any(_key(token) in _FA_INDEFINITE for token in tokens[:index]) and (
        is_org_head(where) or _key(where) in _FA_FIELDS
    )


def _cut(tokens: list[str], lang: str, *, enclosed: bool = False) -> tuple[list[str], bool]:
    """The words before the first adverbial (from the second word on); whether one was cut.

    A role's own words are never cut («امام جمعه»), and roles held somewhere keep their
    place («نماینده مردم تبریز در مجلس»، «سفیر ایران در روسیه»), but not an occasion
    («نماینده دادستان در جلسه»). ``enclosed``: the words are an apposition closed by a
    comma, so a preposition there opens a complement of its noun, not an adverbial of the
    clause («کشاورز گندم‌کار در دشت جوین،»).
    """
    locative = lang == "fa" and bool(tokens) and _key(tokens[0]).rstrip("ی") in _FA_LOCATIVE
    for index in range(1, len(tokens)):
        key = _key(tokens[index])
        if lang == "en":
            if key == "at" and tokens[index + 1 : index + 2] and tokens[index + 1][:1].isupper():
                continue  # "a professor at Coastal State University": where the role is held
            if key == "on" and _EN_GROUPS & {_key(t) for t in tokens[index + 1 : index + 6]}:
                continue  # "a senior engineer on the payments team"
            if key in _EN_CUT or (key in _EN_TIME and key not in {"may", "march"}):
                return tokens[:index], True
            continue
        previous = _key(tokens[index - 1])
        if role_length(tokens, index - 1) == 2 or (key == "جمعه" and previous == "نماز"):
            continue  # «امام جمعه»، «نماز جمعه»: not a time
        if enclosed and key in _FA_COMPLEMENT and not _adverbial_after(tokens, index, lang):
            continue
        if locative and key == "در" and index + 1 < len(tokens):
            locative = False
            if not _adverbial_after(tokens, index, lang):
                continue
        if key == "از" and _origin(tokens, index):
            continue
        if key == "به" and previous == "نزدیک" and not _adverbial_after(tokens, index, lang):
            continue  # «یک منبع نزدیک به هیئت‌مدیره»
        if key == "در" and _where_described(tokens, index):
            continue
        if key in _FA_CUT or (key == "از" and _key(tokens[index - 1]) not in _FA_QUANTIFIERS):
            return tokens[:index], True
    return tokens, False


def _after_conjunction(tokens: list[str], lang: str) -> list[str]:
    """«مذاکرات ادامه دارد و وزیر» → «وزیر»: a new clause's subject after و / and."""
    conjunction = "and" if lang == "en" else "و"
    for index in range(len(tokens) - 1, 0, -1):
        if _key(tokens[index]) == conjunction and any(
            verb_like(token, lang) for token in tokens[:index]
        ):
            return tokens[index + 1 :]
    return tokens


#: A quote already blanked out of the clause («»): it is no part of a speaker phrase.
_BLANK_QUOTE = re.compile(r"«\s*»|“\s*”|\"\s*\"")
_OPENING_THAT = re.compile(r"^\s*(?:که|that)\s+", re.I)
_SEGMENT_BREAK = re.compile(r"[،,;؛]")


def subject_group(clause: str, lang: str = "fa", *, to_verb: bool = True) -> list[str]:
    """The apposition group that opens ``clause``: its parts, as written.

    ``to_verb``: the clause ends at its verb, so its last comma part is subject matter
    too; otherwise the last part is the predicate and never joins the group.

    >>> subject_group("ساعتی بعد، مدیر پروژه، دکتر پرستو نیک‌نام، در جمع خبرنگاران ")
    ['مدیر پروژه', 'دکتر پرستو نیک\u200cنام']
    >>> subject_group("به گزارش ایرنا، وزیر نیرو روز یکشنبه ")
    ['وزیر نیرو']
    >>> subject_group("")
    []
    """
    clause = _OPENING_THAT.sub("", _BLANK_QUOTE.sub(" ", clause).strip())
    segments = [segment.strip() for segment in _SEGMENT_BREAK.split(clause)]
    parts: list[str] = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        tokens = _strip_lead(segment, lang) if segment else None
        if tokens is None:
            if parts:
                break
            continue
        if parts and last and not to_verb:
            break
        tokens, cut = _cut(tokens, lang, enclosed=bool(parts) and not last)
        if not parts:
            tokens = _after_conjunction(tokens, lang)
        if len(tokens) > _most_words(tokens) or (parts and any(verb_like(t, lang) for t in tokens)):
            break
        parts.append(" ".join(tokens).strip(" -–—"))
        if cut or len(parts) == 3:
            break
    return [part for part in parts if part]


@dataclass(frozen=True, slots=True)
class Located:
    """A speaker phrase found for a quote, and how it was found."""

    parts: tuple[str, ...]
    how: str  # "before", "after", "attribution", "colon", "characterised", "clause"


_EMPTY_CLAUSE = re.compile(r"^[\s«»“”\"،,:;؛.\-–—]*(?:(?:و|and|then|سپس)[\s«»“”\",،:]*)*$", re.I)


def _most_words(tokens: list[str]) -> int:
    """The most words a speaker phrase part opening with ``tokens[0]`` may have."""
    described = bool(tokens) and _key(tokens[0]) in _FA_INDEFINITE
    return MAX_DESCRIPTION_WORDS if described else MAX_SPEAKER_WORDS


#: «است» joined to the word before it (روبه‌روست، آن‌جاست).
_JOINED_COPULA = "ست"


def _reported_then_and(clause: str, lang: str) -> bool:
    """Whether ``clause`` is what the verb before it reported, joined by «و» to the next
    verb, which shares its subject («X اعلام کرد این صندوق کسری دارد و گفت: ...»)."""
    words = clause.split()
    if lang != "fa" or len(words) < 2 or _key(words[-1]) != "و":
        return False
    return any(
        verb_like(word, lang) or is_finite_verb(word) or _key(word).endswith(_JOINED_COPULA)
        for word in words[:-1]
    )


def _speech_before(before: str, lang: str) -> Located | None:
    """The subject of the last speech verb before the quote.

    A verb with no subject of its own («وزیر گفت: «...» و افزود: «...»») shares the
    subject of the verb before it.
    """
    verb = EN_VERB if lang == "en" else FA_VERB
    matches = list(verb.finditer(before))
    for index in range(len(matches) - 1, -1, -1):
        start = matches[index - 1].end() if index else 0
        clause = before[start : matches[index].start()]
        if index and (_EMPTY_CLAUSE.match(clause) or _reported_then_and(clause, lang)):
            continue
        if lang == "en":
            # "which Raman described as": the verb's subject follows the relative word
            clause = re.split(r"\b(?:which|that|whom)\b", clause)[-1]
        parts = subject_group(clause, lang)
        return Located(tuple(parts), "before") if parts else None
    return None


_FA_AFTER = re.compile(
    rf"^[\s،,:؛\-–—]*(?P<who>[^«»“”\".؟!?:؛;]{{1,200}}?)(?P<gap>[\s،,]*)(?<!{_W})"
    rf"(?:{alternation(FA_SPEECH_VERBS)})(?!{_W})"
)
#: A character of an English speaker phrase: a title's dot (Sen., Dr.) is one too.
_EN_WHO_CHAR = (
    r"(?:\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St)\.|[^“”\".?!:;])"
)
_EN_AFTER_WHO_FIRST = re.compile(
    rf"^[\s,:\-–—]*(?P<who>{_EN_WHO_CHAR}{{1,200}}?)[\s,]*\b(?:{alternation(EN_SPEECH_VERBS)})\b",
    re.I,
)
_EN_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,:\-–—]*(?:{alternation(EN_SPEECH_VERBS)})\s+(?P<who>{_EN_WHO_CHAR}{{1,200}})", re.I
)


def _speech_after(after: str, lang: str) -> Located | None:
    candidates = []
    if lang == "en":
        verb_first = _EN_AFTER_VERB_FIRST.match(after)
        if verb_first:
            # "said X, adding that ...": the clause after X is not part of the speaker.
            candidates.append(_EN_CLAUSE.split(verb_first.group("who"))[0])
        who_first = _EN_AFTER_WHO_FIRST.match(after)
        if who_first:
            candidates.append(who_first.group("who"))
    else:
        found = _FA_AFTER.match(after)
        if found:
            # «...»، این را X گفت: "this was said by X". A comma before the verb closes
            # the last apposition («X، کشاورز در دشت جوین، گفت»), so it is kept.
            closed = "،" if "،" in found.group("gap") or "," in found.group("gap") else ""
            who = _FA_THIS.sub("", found.group("who"))
            # «این را یک عضو شورا که نخواست نامش فاش شود گفت»: a relative clause ends it
            relative = re.split(r"\sکه\s", f" {who} ", maxsplit=1)
            candidates.append(relative[0].strip() if len(relative) > 1 else who + closed)
    for who in candidates:
        if any(verb_like(token, lang) for token in who.split()):
            continue
        parts = subject_group(who, lang)
        if parts and not (lang == "fa" and len(parts) == 1 and _bare_noun(parts[0])):
            return Located(tuple(parts), "after")
    return None


_FA_OBJECT_START = re.compile(r"\s(?:این|آن|او|آنها|آن‌ها)\s")
#: What ends the clause a quote stands in, looking back from it.
_CLAUSE_BREAK = re.compile(r"[:：؛;]")


def _names_someone(phrase: str) -> bool:
    """Whether a Persian phrase names or describes a person or an organisation."""
    words = phrase.split()
    if not words:
        return False
    first = words[0]
    if _key(first) in _FA_QUANTIFIERS and len(words) > 1:
        # «گروهی از مال‌باختگان»، «برخی کارشناسان»: a share of the people named next
        rest = words[2:] if _key(words[1]) == "از" else words[1:]
        return bool(rest) and _names_someone(" ".join(rest))
    return (
        _strong_start(first, "fa")
        or is_org_head(first)
        or is_people_plural(first)
        or looks_like_name(phrase)
    )


def clause_subject(
    before: str, lang: str = "fa", *, objects: frozenset[str] = frozenset()
) -> Located | None:
    """The subject that opens the clause a quote stands inside, the verb coming after it.

    Persian puts the subject first, then the object or complement, then the verb:
    «توکلی این بار از «...» در همکاری سخن گفت»، «هواداران با پلاکاردی با نوشته «...»
    به استقبال تیم رفتند». The subject ends where an adverbial, a demonstrative object
    («این طرح را») or a word of ``objects`` (folded stems: the sign carried) begins, and
    must name or describe someone.

    >>> clause_subject("توکلی این بار از ").parts
    ('توکلی',)
    >>> clause_subject("در عمل، سهم ") is None, clause_subject("") is None
    (True, True)
    """
    if lang != "fa":
        return None
    clause = _CLAUSE_BREAK.split(before)[-1]
    group = subject_group(clause, lang, to_verb=False)
    if not group:
        return None
    if len(group) == 1:
        words = _FA_OBJECT_START.split(f"{group[0]} ")[0].split()
        for index, word in enumerate(words):
            if index and _stem(word) in objects:
                words = words[:index]
                break
        group = [" ".join(words)]
    parts = [part for part in group if part]
    if not parts or any(verb_like(word, lang) for part in parts for word in part.split()):
        return None
    if any(_stem(word) in objects for part in parts for word in part.split()):
        return None
    if not any(_names_someone(part) for part in parts):
        return None
    return Located(tuple(parts), "clause")


def _stem(word: str) -> str:
    """A folded word without the plural and indefinite endings («پلاکاردهایی» → «پلاکارد»)."""
    key = _key(word)
    for ending in ("هایی", "های", "ها", "ای", "ی"):
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


_FA_CHANT_AFTER = re.compile(
    rf"^(?P<who>[^«»“”\".؟!?:؛;،,]{{0,200}}?)(?P<gap>\s*)(?<!{_W})"
    rf"(?:{alternation(FA_CHANT)})(?!{_W})"
)


def _verb_closes_clause(after: str) -> bool:
    """Whether a speech or chanting verb follows the quote in its own clause, with no
    subject between («از «...» در همکاری سخن گفت»، «...» سر دادند): the subject is then
    the one before the quote."""
    found = _FA_AFTER.match(after) or _FA_CHANT_AFTER.match(after)
    if not found or re.search(r"[،,]", found.group("who") + found.group("gap")):
        return False
    return not any(verb_like(token, "fa") for token in found.group("who").split())


def _bare_noun(phrase: str) -> bool:
    """A lone common word (سخن، حرف): part of a compound verb, not a speaker."""
    words = phrase.split()
    if len(words) != 1:
        return False
    word = words[0]
    return not (
        _key(word) in _FA_PRONOUNS
        or is_role_word(word)
        or is_org_head(word)
        or is_given_name(word)
        or is_rare(word)
    )


def _characterised(before: str, after: str, lang: str) -> Located | None:
    if lang != "fa" or not FA_CHARACTERISED.match(after.lstrip(" ،,.:")):
        return None
    clause = _CLAUSE_BREAK.split(before)[-1]
    group = subject_group(clause, lang, to_verb=False)
    if not group:
        return None
    # «X این طرح را «...» خواند»: the object starts at a demonstrative.
    last = _FA_OBJECT_START.split(group[-1] + " ")[0].strip()
    parts = [*group[:-1], last] if last else group[:-1]
    return Located(tuple(parts), "characterised") if parts else None


def attributions(text: str, lang: str) -> list[tuple[int, tuple[str, ...]]]:
    """Every attribution in ``text`` (``به گفته X``, "according to X"): ``(start, parts)``.

    The phrase runs to the next comma; one more comma part joins it when it is a role
    or a name in apposition (``به گفته کاوه نادری، مدیرعامل ...، ...``).
    """
    pattern = _EN_ATTRIBUTION if lang == "en" else _FA_ATTRIBUTION
    found = []
    for match in pattern.finditer(text):
        rest = re.split(r"[«»“”\".؟!?:؛;]", text[match.end() :], maxsplit=1)[0]
        speech = (EN_VERB if lang == "en" else FA_VERB).search(rest)
        if speech:  # «از قول یک نماینده نوشت: «...»»: the verb ends the phrase
            rest = rest[: speech.start()]
        segments = [segment.strip() for segment in re.split(r"[،,]", rest)]
        if not segments or not segments[0]:
            continue
        first, _ = _cut(segments[0].split(), lang)
        if not first or len(first) > _most_words(first):
            continue
        parts = [" ".join(first)]
        if len(segments) > 2 and segments[1]:
            second = segments[1]
            words = second.split()
            if (
                len(words) <= MAX_SPEAKER_WORDS
                and not any(verb_like(word, lang) for word in words)
                and (is_role_phrase(second, lang) or looks_like_name(second, lang))
            ):
                parts.append(second)
        found.append((match.start(), tuple(parts)))
    return found


def _colon(before: str, lang: str) -> Located | None:
    stripped = before.rstrip()
    if not stripped.endswith((":", "：")):
        return None
    head = re.split(r"[.،,;؛!?؟]", stripped[:-1])[-1].strip(" -–—•*")
    words = head.split()
    if not words or len(words) > 6 or any(verb_like(word, lang) for word in words):
        return None
    key = _key(words[0])
    if (
        is_role_phrase(head, lang)
        or looks_like_name(head, lang)
        or is_org(head, lang)
        or (key in (_EN_PRONOUNS if lang == "en" else _FA_PRONOUNS))
        or (lang == "fa" and is_honorific(words[0]))
    ):
        return Located((head,), "colon")
    return None


def locate(before: str, after: str, lang: str = "fa") -> Located | None:
    """The speaker phrase of a quote from the text before and after it in its sentence.

    Other quotes of the sentence should already be blanked out of ``before`` and
    ``after``. A speech verb before the quote comes first, unless an attribution stands
    between it and the quote; then a speech verb after the quote, a characterising verb
    (``«...» خواند``), an attribution anywhere, and a colon.

    >>> locate("به گزارش ایرنا، سخنگوی دولت روز شنبه گفت: ", ".").parts
    ('سخنگوی دولت',)
    >>> locate("", "، عیسی کلانتری، رئیس پیشین سازمان، گفت.").parts
    ('عیسی کلانتری', 'رئیس پیشین سازمان')
    >>> locate("", "") is None
    True
    """
    spoken = _speech_before(before, lang)
    attributed = attributions(before, lang)
    if attributed:
        verb = EN_VERB if lang == "en" else FA_VERB
        last_verb = max((m.start() for m in verb.finditer(before)), default=-1)
        start, parts = attributed[-1]
        # «روزنامه شرق از قول یک نماینده نوشت»: an attribution inside the verb's own
        # clause, with no comma before the verb, gives the words to whom it names
        inside = start < last_verb and not re.search(r"[،,]", before[start:last_verb])
        if spoken is None or start > last_verb or inside:
            return Located(parts, "attribution")
    if spoken:
        return spoken
    found = _characterised(before, after, lang) or _speech_after(after, lang)
    if found:
        return found
    if lang == "fa" and _verb_closes_clause(after):
        found = clause_subject(before, lang)
        if found:
            return found
    later = attributions(after, lang)
    if later and not re.search(r"[؛;]", after[: later[0][0]]):
        return Located(later[0][1], "attribution")
    return _colon(before, lang)
