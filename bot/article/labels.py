"""Section labels: the registry's Persian and English renderings mapped to canonical keys.

A label is matched after folding (letter forms, half-spaces, case, apostrophes), so
``پیش‌زمینه``, ``پیشزمینه`` and ``پیش زمینه`` are one label. A short label the lexicon
does not know is read by its meaning (:mod:`bot.article.label_meaning`), and stays
``other`` when its words do not clearly name a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.article.label_meaning import Meaning, read_label
from bot.article.sections import OTHER, QUOTES_SECTION, SECTIONS, SectionKind
from bot.text import fold
from bot.text.pos import is_verb_form

#: Renderings per canonical key (``other`` has none: it takes unknown labels).
RENDERINGS: dict[str, tuple[str, ...]] = {
    kind.key: kind.renderings for kind in SECTIONS if kind.renderings
}

_PUNCT = re.compile(r"[\s:：.!?؟،,*_\"'«»“”]+")


def label_key_form(label: str) -> str:
    """The folded form a label is looked up by."""
    label = fold(label).replace("’", "'").replace("‘", "'")
    return _PUNCT.sub(" ", label).strip()


def label_index(kinds: Iterable[SectionKind]) -> dict[str, str]:
    """Folded label → canonical key; ``ValueError`` if one label would name two keys.

    >>> label_index([SectionKind("zoom_in", "نمای نزدیک", "Zoom in")])["zoom in"]
    'zoom_in'
    """
    index: dict[str, str] = {}
    for kind in kinds:
        for rendering in kind.renderings:
            key = index.setdefault(label_key_form(rendering), kind.key)
            if key != kind.key:
                raise ValueError(f"the label {rendering!r} names both {key!r} and {kind.key!r}")
    return index


_INDEX: dict[str, str] = label_index(SECTIONS)


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """A label found at the start of a line, and the text after its colon.

    ``known`` says the lexicon lists the label; ``clear`` that it is known or that its
    words all clearly name its key (:func:`is_clear`).
    """

    key: str
    label: str
    rest: str
    known: bool = False
    clear: bool = False


def lookup(label: str) -> str | None:
    """The canonical key of a known label, else ``None``.

    >>> lookup("🔎 چرا مهم است")
    'why_it_matters'
    >>> lookup("What’s next") == lookup("whats next") or lookup("What’s next")
    'whats_next'
    >>> lookup("") is None
    True
    """
    return _INDEX.get(label_key_form(strip_decoration(label)))


#: A count that is part of a label («۳ نکته کلیدی»), not its numbering («1. », «۲- »).
_COUNT = re.compile(r"\d+\s+(?=[^\W\d_])")
#: The colon and the look-alikes typed for it (fullwidth, ratio, modifier letter, small).
COLONS = ":：∶꞉﹕︓"
_LABEL_LINE = re.compile(rf"^(?P<label>[^{COLONS}]{{1,60}}?)\s*[{COLONS}]\s*(?P<rest>.*)$", re.S)
#: Other ways a known label is set off from its text: an Arabic semicolon typed for the
#: colon («واقعیت ماجرا؛ ...») or a dash ("Zoom in — ...", «تصویر کلی - ...»).
_SEPARATED = re.compile(r"^(?P<label>.{1,60}?)\s*(?:؛|\s[—–-]+(?=\s|$))\s*(?P<rest>.*)$", re.S)
#: A count standing alone among a label's words («در ۵ عدد», «۲ پرسش بی‌پاسخ»).
_COUNT_WORD = re.compile(r"(?<!\S)\d+(?!\S)")
#: A label may be a question («بعد چه؟»): its final question mark is no sentence's.
_QUESTION_MARKS = "?؟ "
#: Things a label never contains: quotes, digits, brackets, sentence punctuation.
_NOT_LABEL = re.compile(r"[«»“”\"()\[\]0-9۰-۹.!?؟؛;/<>&=+@#%]")
#: A last word that is a verb of speech (whole words: اعداد and یادداشت are not داد, داشت).
SPEECH_ENDINGS = re.compile(
    r"(?<!\S)(?:گفت|گفته است|گفته بود|افزود|نوشت|کرد|داشت|داد|می‌گوید|گفتند|پرسید|said|says|"
    r"wrote|told|added|asked|tweeted)$",
    re.I,
)
#: A first word that makes the label a question or a "what ..." phrase («آنچه گفتند»,
#: «چه گفتند», "What they said"): a label of that shape may end in a verb.
QUESTION_START = re.compile(
    r"^(?:آنچه|چه|چرا|چطور|چگونه|کجا|what|why|how|where)(?!\S)"
    # a subject before the question word: «مقامات چه گفتند», "Officials, what now"
    r"|^[^\W\d_]+\s+(?:چه|چرا|چی|چطور|چگونه|کجا|what|why|how|where)(?!\S)",
    re.I,
)
MAX_UNKNOWN_WORDS = 4
#: A what-phrase names its subject, so it may run a little longer («آنچه بازار را نگران کرد»).
MAX_QUESTION_WORDS = 6
#: A label longer than MAX_UNKNOWN_WORDS is still one when all its words are cues of one
#: key or words of no meaning («خبر از این قرار است», «از کجا به اینجا رسیدیم»), up to
#: this many words and read with at least LONG_LABEL_CONFIDENCE. A sentence before a
#: colon names someone or something (به گفته یکی از کارشناسان), so it is not read so.
MAX_CLEAR_WORDS = 7
LONG_LABEL_CONFIDENCE = 0.8
#: "Yes, but" in other words: a short word, a comma, then a word of contrast.
_YES_BUT = re.compile(r"^\S+\s*[،,]\s*(?:اما|ولی|لیکن|but|however)$", re.I)


#: What marks a line before a colon as a sentence introducing a list rather than a label:
#: a count or a quantity first («سه بازار اصلی», "Three changes"), a superlative
#: («مهم‌ترین تغییرات», "The biggest changes"), an attribution («به گفته پلیس», "According
#: to ..."), or a verb or phrase that announces what follows («... عبارتند از», "include").
LIST_INTRO = re.compile(
    r"^(?:\d+|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند|برخی|بعضی|two|three|four|five|six|"
    r"seven|eight|nine|ten|several|some|a few)\s"
    r"|(?<!\S)\S+ترین(?!\S)|(?<!\S)(?:most|biggest|largest|main|top)\s"
    r"|^(?:به گفته|به نوشته|به اعلام|طبق|بر اساس|براساس|according to|per)\s"
    r"|(?<!\S)(?:عبارتند از|عبارت‌اند از|شامل|از جمله|زیر|include|includes|including|are|were|"
    r"is|as follows|following|such as|below)$",
    re.I,
)


def strip_decoration(text: str) -> str:
    """Remove a leading emoji, bullet symbol, numbering or markup marker, and trailing
    markers; a count that belongs to the label stays.

    >>> strip_decoration("1. **چرا مهم است**"), strip_decoration("📌 ۳ نکته کلیدی")
    ('چرا مهم است', '۳ نکته کلیدی')
    """
    text = text.strip()
    start = 0
    while start < len(text) and not (text[start].isalpha() or _COUNT.match(text, start)):
        start += 1
    return text[start:].strip().strip("*_ ").strip()


def is_clear(meaning: Meaning) -> bool:
    """Whether a label's words all clearly name its key: read with at least
    :data:`LONG_LABEL_CONFIDENCE` and with no word that is evidence for no key."""
    return (
        meaning.key != OTHER
        and meaning.confidence >= LONG_LABEL_CONFIDENCE
        and meaning.unknown == 0
    )


def match_label(line: str) -> LabelMatch | None:
    """A section label at the start of ``line``, known or short enough to be one.

    A colon inside a sentence (``... گفت: «...»``) is not a label: an unknown label
    has at most four words (six for a what-phrase, seven when its words clearly name a
    key), no quote, bracket or digit (a count standing alone is allowed when the label
    names a key), no comma unless it clearly names a key, and does not end in a verb.
    Its key is then read from its words (``other`` when they do not name one). A line
    without a colon is a label when it is only a known label or a short question that
    clearly names a key; a known label may also be set off by «؛» or a dash.

    >>> match_label("چرا اهمیت دارد: متن").key
    'why_it_matters'
    >>> match_label("نگاهی نزدیک‌تر: متن").key
    'zoom_in'
    >>> match_label("وزیر گفت: «نه»") is None
    True
    >>> match_label("آنچه گفتند: متن").key
    'what_theyre_saying'
    """
    line = line.strip()
    found = _LABEL_LINE.match(line)
    if found:
        match = _read(strip_decoration(found.group("label")), found.group("rest"))
        if match is not None:
            return match
    return _known_alone(line) or _known_separated(line) or _bold_lead(line)


def _read(label: str, rest: str) -> LabelMatch | None:
    """The label before a colon, known or read by meaning; ``None`` if it is no label."""
    rest = rest.strip().lstrip("*_ ").strip()
    if not label:
        return None
    key = lookup(label)
    if key is not None:
        return LabelMatch(key, label, rest, known=True, clear=True)
    words = label.split()
    question = QUESTION_START.match(label) is not None
    limit = MAX_QUESTION_WORDS if question else MAX_UNKNOWN_WORDS
    counted = _COUNT_WORD.sub(" ", label)
    if len(words) > max(limit, MAX_CLEAR_WORDS) or _NOT_LABEL.search(
        counted.rstrip(_QUESTION_MARKS)
    ):
        return None
    meaning = read_label(label)
    clear = is_clear(meaning)
    # a final verb of speech makes a sentence («او گفت»), unless the words clearly name
    # a section that is not a saying ("That said", a yes-but)
    saying = meaning.key == QUOTES_SECTION
    if SPEECH_ENDINGS.search(label) and not question and not (clear and not saying):
        return None
    if len(words) > limit and not clear:
        return None
    # a comma or a count belongs to a label only when its words clearly name a key
    comma = ("،" in label or "," in label) and not _YES_BUT.match(label)
    if (comma and not clear) or (counted != label and meaning.key == OTHER):
        return None
    return LabelMatch(meaning.key, label, rest, clear=clear)


#: A line set in bold or as a markdown heading is a heading: «**نگاه از ارتفاع**».
_HEADING = re.compile(r"^\s*(?:#{1,6}\s.*|\*\*[^*]+\*\*|__[^_]+__)\s*$")


def _known_alone(line: str) -> LabelMatch | None:
    """A line that is only a label, with no colon: a known one («**تصویر کلی**»,
    «چرا مهم است؟»), or a short question or a heading in bold whose words clearly name
    a key («حالا چه؟», «**نگاه از ارتفاع**»)."""
    label = strip_decoration(line)
    if not label or len(label.split()) > MAX_QUESTION_WORDS:
        return None
    key = lookup(label)
    if key is not None:
        return LabelMatch(key, label, "", known=True, clear=True)
    if _HEADING.match(line):  # a heading is read like a label before a colon
        found = _read(label, "")
        return found if found is not None and found.key != OTHER else None
    if not label.endswith(("?", "؟")) or len(label.split()) > MAX_UNKNOWN_WORDS:
        return None
    if any(colon in label for colon in COLONS):
        return None
    if _NOT_LABEL.search(label.rstrip(_QUESTION_MARKS)) or SPEECH_ENDINGS.search(label):
        return None
    meaning = read_label(label)
    return LabelMatch(meaning.key, label, "", clear=True) if is_clear(meaning) else None


#: A bold label at the start of a line with its text after it and no colon: «**نگاه
#: نزدیک‌تر** بازار مسکن ...».
_BOLD_LEAD = re.compile(
    r"^\W{0,4}?(?:\*\*|__)(?P<label>[^*_]{1,60}?)(?:\*\*|__)\s+(?P<rest>\S.*)$", re.S
)


def _bold_lead(line: str) -> LabelMatch | None:
    """A label in bold opening a line, its text after it without a colon: a known one,
    or one whose words name a key (a bold name or word that names none stays text)."""
    found = _BOLD_LEAD.match(line)
    if not found:
        return None
    label = strip_decoration(found.group("label"))
    read = _read(label, found.group("rest")) if label else None
    return read if read is not None and read.key != OTHER else None


def _known_separated(line: str) -> LabelMatch | None:
    """A label set off by a semicolon or a dash instead of a colon: a known one, or a
    short one whose words clearly name a key («نگاه از ارتفاع؛ ...»)."""
    found = _SEPARATED.match(strip_decoration(line))
    if not found:
        return None
    label = strip_decoration(found.group("label"))
    read = _read(label, found.group("rest")) if label else None
    if read is None or read.known:
        return read
    # an unknown one only when its words clearly name a key and it does not end in a
    # verb: a sentence may hold «؛» («ما گفتیم؛ نه»)
    if not read.clear:
        return None
    return None if is_verb_form(label.split()[-1]) and not QUESTION_START.match(label) else read
