"""Quotations and quoted terms, and who said each quotation.

Persian quotes sit in «...» (nested once at most); English ones in “...” or "...". A
span is a quotation (kind ``quote``) when someone says or writes it: a speech or writing
verb, an attribution (``به گفته X``, "according to X"), a colon before it, or a full
sentence on its own (a sign, a slogan). A short span inside a sentence with none of these
is a term (kind ``term``): a coined phrase, scare quotes, the title of a book, a
campaign or a programme (``طرح «...»``، ``با عنوان «...»``، ``«...» نامید``). Terms
have no speaker.

The words of a sign or a slogan are those of whoever carries it, when its clause names
or describes them («هواداران با پلاکاردی با نوشته «...» آمدند»).

The speaker is found in the quote's sentence (:mod:`bot.article.speakers`), read as a
person with a role, an organisation or a description (:mod:`bot.article.people`), and
resolved against the people named earlier in the article
(:mod:`bot.article.references`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.article.model import QUOTE, TERM, Quote, Section
from bot.article.people import Mention, mention_of, word_set
from bot.article.references import Cast
from bot.article.speakers import (
    EN_ANY_SPEECH,
    FA_ANY_SPEECH,
    FA_NAMED,
    FA_TOPIC,
    FA_TOPIC_BEFORE,
    Located,
    clause_subject,
    locate,
    verb_like,
)
from bot.text import ZWNJ, fold, split_sentences
from bot.text.pos import is_finite_verb

#: How many times an unclosed quote mark is skipped to look for quotes after it.
MAX_RESTARTS = 20
#: Words a span needs to read as a full sentence without a verb.
SENTENCE_WORDS = 6

_FA_TITLE_WORDS = word_set(
    "کتاب رمان فیلم مستند سریال برنامه پویش کارزار کمپین طرح پروژه عملیات رزمایش لایحه قانون سند "
    "بسته نشریه روزنامه هفته‌نامه ماهنامه مجله کانال صفحه اپلیکیشن نرم‌افزار سامانه مجموعه نمایش "
    "نمایشنامه آلبوم ترانه آهنگ شعر جشنواره همایش کنفرانس نمایشگاه رویداد مسابقه جایزه حزب جنبش "
    "هشتگ اصطلاح واژه کلمه عبارت لقب نام عنوان برند نماد مدل محصول ستون وبسایت سایت گروه تیم "
    "باشگاه پادکست بازی سرود کتابچه نشان موسوم معروف مشهور ملقب اصطلاحا اصطلاحاً به‌اصطلاح"
)
_FA_TITLE_PHRASES = re.compile(
    r"(?:به\s+نام|با\s+نام|با\s+عنوان|تحت\s+عنوان|موسوم\s+به|معروف\s+به|مشهور\s+به|"
    r"ملقب\s+به|به\s+اصطلاح|تحت\s+نام)\s*$"
)
_FA_DEMONSTRATIVES = word_set("این آن همین همان")
_FA_SIGN_WORDS = word_set(
    "شعار شعارهای پلاکارد تابلو بنر دست‌نوشته پارچه‌نوشته دیوارنوشته نوشته پیام"
)
_EN_TITLE_WORDS = word_set(
    "so-called dubbed named titled entitled called term word phrase book film movie novel album "
    "song show series podcast campaign program programme initiative project operation plan bill "
    "act hashtag brand label nicknamed"
)
_EN_TITLE_PHRASES = re.compile(r"\b(?:known\s+as|referred\s+to\s+as|billed\s+as)\s*$", re.I)
_EN_SIGN_WORDS = word_set("slogan slogans sign signs banner banners placard placards")
_MARKS_ONLY = re.compile(r"^[\s\-–—•*▪●:،,.;؛!?؟()«»“”\"]*$")
_EN_SUBJECTS = frozenset({"i", "we", "you", "it's", "we're", "i'm", "you're", "let's"})


@dataclass(frozen=True, slots=True)
class Span:
    """A quote's position in a sentence and its text without the marks."""

    start: int
    end: int
    text: str


def _scan(text: str, begin: int, lang: str) -> tuple[list[Span], int | None]:
    """Spans from ``begin``; the position of a quote mark left open, if one was."""
    spans: list[Span] = []
    if "«" not in text and "“" not in text and (lang != "en" or '"' not in text):
        return spans, None
    pairs = {"«": "»", "“": "”"}
    depth = 0
    start = 0
    closer = ""
    straight_open: int | None = None
    for index in range(begin, len(text)):
        char = text[index]
        if depth == 0 and char in pairs:
            depth, start, closer = 1, index, pairs[char]
        elif depth and char == text[start]:
            depth += 1
        elif depth and char == closer:
            depth -= 1
            if depth == 0:
                spans.append(Span(start, index + 1, text[start + 1 : index].strip()))
        elif depth == 0 and char == '"' and lang == "en":
            if straight_open is None:
                straight_open = index
            else:
                inner = text[straight_open + 1 : index]
                spans.append(Span(straight_open, index + 1, inner.strip()))
                straight_open = None
    return spans, (start if depth else None)


def quote_spans(text: str, lang: str = "fa") -> list[Span]:
    """Every top-level quote in ``text`` (one level of nesting kept inside).

    A mark that is never closed is skipped, and the quotes after it are still found.

    >>> [s.text for s in quote_spans("او گفت «الف «ب» ج» و «د»")]
    ['الف «ب» ج', 'د']
    >>> [s.text for s in quote_spans("«باز مانده و «بسته»")]
    ['بسته']
    >>> quote_spans("")
    []
    """
    spans: list[Span] = []
    begin = 0
    for _ in range(MAX_RESTARTS + 1):
        found, unclosed = _scan(text, begin, lang)
        spans.extend(found)
        if unclosed is None:
            break
        begin = unclosed + 1
    return [span for span in spans if span.text]


def _context(sentence: str, spans: list[Span], index: int) -> tuple[str, str]:
    """The sentence before and after ``spans[index]``, other quotes blanked to «»."""

    def blank(start: int, end: int) -> str:
        pieces, position = [], start
        for other in spans:
            if other.end <= start or other.start >= end:
                continue
            pieces += [sentence[position : other.start], "«»"]
            position = other.end
        pieces.append(sentence[position:end])
        return "".join(pieces)

    span = spans[index]
    return blank(0, span.start), blank(span.end, len(sentence))


def _last_words(text: str, count: int) -> list[str]:
    words = re.findall(f"[\\w{ZWNJ}'-]+", text[-80:])
    keys = []
    for word in words[-count:]:
        key = fold(word)
        if len(key) > 3 and key.endswith("ی") and key[-2] in "واه":
            key = key[:-1]  # ezafe: برنامه‌ی، پویشِ
        keys.append(key)
    return keys


def _introduced(before: str, lang: str) -> str | None:
    """``"title"`` or ``"sign"`` when the quote follows a word that names it."""
    tail = before.rstrip(" \u200c")
    if tail and not (tail[-1].isalnum() or tail[-1] in "-'" or tail[-1] == ZWNJ):
        return None  # punctuation between: «شعار: «...»» is a colon case
    words = _last_words(tail, 2)
    if not words:
        return None
    if lang == "en":
        if _EN_TITLE_PHRASES.search(tail):
            return "title"
        if words[-1] in _EN_SIGN_WORDS:
            return "sign"
        return "title" if words[-1] in _EN_TITLE_WORDS else None
    if _FA_TITLE_PHRASES.search(tail):
        return "title"
    if len(words) == 2 and words[0] in _FA_DEMONSTRATIVES:
        return None  # «این طرح «...» است»: the quoted words describe it, they do not name it
    if words[-1] in _FA_SIGN_WORDS:
        return "sign"
    return "title" if words[-1] in _FA_TITLE_WORDS else None


def sentence_like(text: str, lang: str = "fa") -> bool:
    """Whether quoted words read as a full sentence (so a quotation, not a term).

    >>> sentence_like("ما آب می‌خواهیم"), sentence_like("آب بدون درآمد"), sentence_like("")
    (True, False, False)
    """
    words = text.split()
    if not words:
        return False
    if len(words) >= SENTENCE_WORDS:
        return True
    # English puts a sentence's full stop inside the quote marks: "a formality."
    if len(words) >= 3 and text.rstrip("»”\"' ").endswith((".", "!", "?", "؟", "…")):
        return True
    if lang == "en" and any(fold(word).strip(",.") in _EN_SUBJECTS for word in words):
        return True
    if lang != "fa":
        return any(verb_like(word, lang) for word in words)
    return any(
        verb_like(word, lang) or is_finite_verb(word.strip(".,،!?؟:;؛«»")) for word in words
    )


def quote_kind(before: str, after: str, text: str, located: bool, lang: str = "fa") -> str:
    """``"quote"`` or ``"term"`` for a span with ``before`` and ``after`` it in its sentence.

    >>> quote_kind("تهران تنها ۲۱ روز هوای ", " داشت.", "پاک", False)
    'term'
    >>> quote_kind("وزیر گفت: ", ".", "نه", True)
    'quote'
    """
    introduced = _introduced(before, lang)
    if introduced == "sign" and sentence_like(text, lang):
        return QUOTE  # a full sentence on a sign or a slogan
    if introduced == "title":
        return TERM
    if before.rstrip().endswith((":", "：")):
        return QUOTE
    if lang == "fa" and FA_NAMED.match(after.lstrip(" ،,.")):
        return TERM
    if lang == "fa" and FA_TOPIC.match(after.lstrip()) and FA_TOPIC_BEFORE.search(before):
        return TERM
    if located:
        return QUOTE
    speech = EN_ANY_SPEECH if lang == "en" else FA_ANY_SPEECH
    if speech.search(before) or speech.search(after):
        return QUOTE
    if _MARKS_ONLY.match(before) and _MARKS_ONLY.match(after):
        return QUOTE
    return QUOTE if sentence_like(text, lang) else TERM


def _sign_bearer(before: str, text: str, lang: str) -> Located | None:
    """Who carries or raises the sign or slogan a quotation is the words of: the subject
    of its clause («هواداران استقلال با پلاکاردی با نوشته «...» آمدند»), if one is named
    or described; a sign with nobody carrying it has no speaker."""
    if _introduced(before, lang) != "sign" or not sentence_like(text, lang):
        return None
    return clause_subject(before, lang, objects=_FA_SIGN_WORDS)


def attribute(sentence: str, span: Span, lang: str = "fa") -> Mention | None:
    """Who ``span`` is attributed to within ``sentence`` (no earlier references resolved).

    >>> s = "به گزارش ایرنا، مدیرعامل سازمان بنادر استان، کاوه نادری، عصر سه‌شنبه گفت: «نه»."
    >>> attribute(s, quote_spans(s)[0])
    Mention(speaker='کاوه نادری', role='مدیرعامل سازمان بنادر استان', named=True, org=False)
    """
    spans = quote_spans(sentence, lang)
    index = next((i for i, other in enumerate(spans) if other.start == span.start), None)
    if index is None:
        before, after = sentence[: span.start], sentence[span.end :]
    else:
        before, after = _context(sentence, spans, index)
    located = locate(before, after, lang) or _sign_bearer(before, span.text, lang)
    return mention_of(located.parts, lang) if located else None


def speaker_of(sentence: str, span: Span, lang: str = "fa") -> str | None:
    """The speaker phrase of ``span`` as its sentence gives it (a pronoun stays a pronoun).

    >>> s = "یک مقام آمریکایی به آکسیوس گفت که مذاکرات «مثبت» بوده‌اند."
    >>> speaker_of(s, quote_spans(s)[0])
    'یک مقام آمریکایی'
    """
    mention = attribute(sentence, span, lang)
    return mention.speaker if mention else None


def _texts(
    title: str, caption: str | None, lede: str | None, sections: tuple[Section, ...]
) -> Iterator[tuple[str, str]]:
    yield "title", title
    if caption:
        yield "caption", caption
    if lede:
        yield "lede", lede
    for section in sections:
        for block in section.body:
            yield section.key, block.text


#: A quotation (one level of nesting) as :func:`_sentence_quotes` blanks it.
_QUOTATION = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|“[^”]*”")


def _sentence_quotes(
    sentence: str, where: str, cast: Cast, lang: str, lead: Located | None = None
) -> tuple[list[Quote], bool]:
    """The sentence's quotes; whether they all stood alone and took ``lead``'s speaker.

    ``lead``: the speaker of a sentence that ended with a colon and no quote of its own
    («سخنگوی دولت گفت:»), for quotes that follow it on their own.
    """
    spans = quote_spans(sentence, lang)
    quotes: list[Quote] = []
    led = bool(spans) and lead is not None
    for index, span in enumerate(spans):
        before, after = _context(sentence, spans, index)
        located: Located | None = locate(before, after, lang)
        alone = bool(_MARKS_ONLY.match(before) and _MARKS_ONLY.match(after))
        if located is None and alone and lead is not None:
            located = lead
        else:
            led = False
        kind = quote_kind(before, after, span.text, located is not None, lang)
        if kind == TERM:
            quotes.append(Quote(span.text, None, where, None, TERM))
            continue
        located = located or _sign_bearer(before, span.text, lang)
        mention = mention_of(located.parts, lang) if located else None
        resolved = cast.resolve(mention) if mention else None
        if resolved is not None:
            cast.remember(resolved)
        quotes.append(
            Quote(
                span.text,
                resolved.speaker if resolved else None,
                where,
                resolved.role if resolved else None,
                QUOTE,
            )
        )
    blanked = _QUOTATION.sub("«»", sentence) if "«" in sentence or "“" in sentence else sentence
    if not any(quote.kind == QUOTE for quote in quotes):
        cast.observe(blanked)
    else:
        cast.observe_names(blanked)
    return quotes, led


def find_quotes(
    title: str,
    caption: str | None,
    lede: str | None,
    sections: tuple[Section, ...],
    lang: str = "fa",
) -> tuple[Quote, ...]:
    """Every quotation and quoted term of an article, in order, with speakers and roles.

    A quote standing alone right after a sentence that ends with a colon («وزیر گفت:»)
    is that sentence's speaker's, and so are the lone quotes that follow it.
    """
    cast = Cast(lang)
    quotes: list[Quote] = []
    lead: Located | None = None
    for where, text in _texts(title, caption, lede, sections):
        for sentence in split_sentences(text):
            found, led = _sentence_quotes(sentence, where, cast, lang, lead)
            quotes += found
            if not found and sentence.rstrip().endswith((":", "：")):
                lead = locate(sentence.rstrip(), "", lang)
            elif not led:
                lead = None
    return tuple(quotes)
