"""Quotations and their speakers.

Persian quotes sit in «...» (nested once at most); English ones in “...” or "...".
The speaker is found within the quote's sentence: a speech verb before the quote
(its clause's subject), a speech verb after it (``«...»، X افزود``), or an
attribution (``به گفته X``، ``طبق گفته X``، ``به نقل از X``، ``according to X``).
``وی``/``او`` (he/she) stand for the last named speaker; ``به گزارش X`` names a
news source, not a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.article.model import Quote, Section
from bot.text import ZWNJ, split_sentences

_W = f"[\\w{ZWNJ}]"
_FA_VERBS = (
    "گفته است", "گفته بود", "گفت", "گفتند", "افزود", "افزودند", "نوشت", "نوشتند",
    "اعلام کرد", "اعلام کردند", "اعلام کرده است", "تأکید کرد", "تاکید کرد", "تأکید کردند",
    "اظهار داشت", "تصریح کرد", "خاطرنشان کرد", "خاطر نشان کرد", "توضیح داد",
    "هشدار داد", "می‌گوید", "می‌گویند", "پرسید", "ادامه داد", "اضافه کرد", "یادآور شد",
    "عنوان کرد", "بیان کرد", "اذعان کرد", "مدعی شد", "پاسخ داد", "نوشته است",
)  # fmt: skip
_EN_VERBS = (
    "said", "says", "told", "added", "wrote", "asked", "tweeted", "warned", "noted",
    "explained", "argued", "insisted", "stated", "declared", "replied",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace("\\ ", r"\s+") for word in ordered)


_FA_VERB = re.compile(f"(?<!{_W})(?:{_alternation(_FA_VERBS)})(?!{_W})")
_EN_VERB = re.compile(rf"\b(?:{_alternation(_EN_VERBS)})\b", re.I)
#: «...» خواند: the sentence's subject called something by the quoted words.
_CALLED = re.compile(
    f"^(?:خواند|خواندند|نامید|نامیدند|توصیف کرد|توصیف کردند|دانست|دانستند|ارزیابی کرد)(?!{_W})"
)
_FA_ATTRIBUTION = re.compile(
    r"(?:به|طبق|بنابر|بر اساس)\s+(?:گفته|اظهارات)(?:‌ی)?\s+(?P<who>[^،,:«»]+?)\s*[،,]"
    r"|(?:به نقل از|از قول)\s+(?P<who2>[^،,:«»]+?)\s*[،,]"
)
_EN_ATTRIBUTION = re.compile(r"\baccording to\s+(?P<who>[^,;:“”\"]+?)\s*[,;]", re.I)
_FA_CUT = re.compile(
    r"\s(?:روز|امروز|دیروز|در|با|به|طی|پس از|نیز|هم|صبح|شب|ظهر|عصر|بامداد|هنگام|ضمن|"
    r"که|را|برای|درباره|روی|از|پیش از|اخیرا|اخیراً|همچنین)(?=\s|$)"
)
_FA_LEADING = re.compile(r"^(?:و|اما|ولی|همچنین|سپس|بعد|نیز)\s+")
_FA_STOP_START = re.compile(r"^(?:به گزارش|در|با|به|طی|پس از|روز|امروز|دیروز|طبق|بر اساس)\s")
_EN_CUT = re.compile(
    r"\s(?:on|in|at|during|after|before|to|that|last|this|on|from|with|when|while)\b", re.I
)
_EN_LEADING = re.compile(r"^(?:and|but|so|then|also)\s+", re.I)
_PRONOUNS = frozenset({"وی", "او", "ایشان", "he", "she", "they"})
MAX_SPEAKER_WORDS = 8


@dataclass(frozen=True, slots=True)
class Span:
    """A quote's position in a sentence and its text without the marks."""

    start: int
    end: int
    text: str


def quote_spans(text: str, lang: str = "fa") -> list[Span]:
    """Every top-level quote in ``text`` (one level of nesting kept inside).

    >>> [s.text for s in quote_spans("او گفت «الف «ب» ج» و «د»")]
    ['الف «ب» ج', 'د']
    >>> quote_spans("")
    []
    """
    pairs = {"«": "»", "“": "”"}
    spans: list[Span] = []
    depth = 0
    start = 0
    closer = ""
    straight_open: int | None = None
    for index, char in enumerate(text):
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
                spans.append(Span(straight_open, index + 1, text[straight_open + 1 : index]))
                straight_open = None
    return [span for span in spans if span.text]


def _trim(phrase: str, lang: str) -> str | None:
    phrase = phrase.strip(" ،,:؛;-–—\t")
    if lang == "fa":
        phrase = _FA_LEADING.sub("", phrase)
        cut = _FA_CUT.search(" " + phrase)
        if cut:
            phrase = phrase[: max(cut.start() - 1, 0)]
    else:
        phrase = _EN_LEADING.sub("", phrase)
        cut = _EN_CUT.search(" " + phrase)
        if cut:
            phrase = phrase[: max(cut.start() - 1, 0)]
    phrase = phrase.strip(" ،,:؛;-–—")
    if not phrase or len(phrase.split()) > MAX_SPEAKER_WORDS:
        return None
    return phrase


def _subject(clause: str, lang: str) -> str | None:
    """The subject at the start of a clause: the first comma segment that can be one."""
    segments = re.split(r"[،,]", clause)
    for segment in segments:
        segment = segment.strip()
        if not segment:
            continue
        if lang == "fa" and _FA_STOP_START.match(segment + " "):
            continue
        subject = _trim(segment, lang)
        if subject:
            return subject
    return None


def _speaker_before(before: str, lang: str) -> str | None:
    verb = _FA_VERB if lang == "fa" else _EN_VERB
    matches = list(verb.finditer(before))
    if not matches:
        return None
    last = matches[-1]
    clause_start = 0
    for earlier in matches[:-1]:
        clause_start = earlier.end()
    clause = before[clause_start : last.start()]
    return _subject(re.sub(r"^\s*(?:که|that)\s", " ", clause), lang)


def _speaker_after(before: str, after: str, lang: str) -> str | None:
    after = after.lstrip(" ،,.:")
    if _CALLED.match(after):
        subject = _subject(before, lang)
        # «X این طرح را «...» خواند»: the object phrase starts at a demonstrative.
        return re.split(r"\s(?:این|آن|او|آنها|آن‌ها)\s", subject or "")[0] or None
    if lang == "fa":
        found = re.match(
            rf"^(?P<who>[^«»،.؟!:]{{1,80}}?)\s+(?:{_alternation(_FA_VERBS)})(?!{_W})", after
        )
        return _trim(found.group("who"), lang) if found else None
    found = re.match(rf"^(?:{_alternation(_EN_VERBS)})\s+(?P<who>[^,.;:“”\"]+)", after, re.I)
    if found:
        return _trim(found.group("who"), lang)
    found = re.match(rf"^(?P<who>[^,.;:“”\"]{{1,80}}?)\s+(?:{_alternation(_EN_VERBS)})\b", after)
    return _trim(found.group("who"), lang) if found else None


def _attribution(sentence: str, lang: str) -> str | None:
    pattern = _FA_ATTRIBUTION if lang == "fa" else _EN_ATTRIBUTION
    found = pattern.search(sentence)
    if not found:
        return None
    who = next(group for group in found.groups() if group)
    return who.strip() or None


def speaker_of(sentence: str, span: Span, lang: str = "fa") -> str | None:
    """Who a quote is attributed to within its sentence, if the sentence says.

    >>> s = "یک مقام آمریکایی به آکسیوس گفت که مذاکرات «مثبت» بوده‌اند."
    >>> speaker_of(s, quote_spans(s)[0])
    'یک مقام آمریکایی'
    """
    before, after = sentence[: span.start], sentence[span.end :]
    attribution = _attribution(before, lang)
    spoken = _speaker_before(before, lang)
    if spoken and attribution:
        verb = _FA_VERB if lang == "fa" else _EN_VERB
        last_verb = list(verb.finditer(before))[-1].start()
        return spoken if last_verb > before.rfind(attribution) else attribution
    return (
        spoken
        or attribution
        or _speaker_after(before, after, lang)
        or _attribution(sentence, lang)
    )


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


def find_quotes(
    title: str,
    caption: str | None,
    lede: str | None,
    sections: tuple[Section, ...],
    lang: str = "fa",
) -> tuple[Quote, ...]:
    """Every quote of an article with its speaker and the section it stands in."""
    quotes: list[Quote] = []
    last_named: str | None = None
    for where, text in _texts(title, caption, lede, sections):
        for sentence in split_sentences(text):
            for span in quote_spans(sentence, lang):
                speaker = speaker_of(sentence, span, lang)
                if speaker and speaker.casefold() in _PRONOUNS:
                    speaker = last_named
                elif speaker:
                    last_named = speaker
                quotes.append(Quote(span.text, speaker, where))
    return tuple(quotes)
