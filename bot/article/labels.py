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

from bot.article.label_meaning import read_label
from bot.article.sections import OTHER, SECTIONS, SectionKind
from bot.text import fold

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
    """A label found at the start of a line, and the text after its colon."""

    key: str
    label: str
    rest: str


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


_DECORATION = re.compile(r"^[\W_\d]*?(?=[^\W\d_])", re.UNICODE)
_LABEL_LINE = re.compile(r"^(?P<label>[^:：]{1,60}?)\s*[:：]\s*(?P<rest>.*)$", re.S)
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
QUESTION_START = re.compile(r"^(?:آنچه|چه|چرا|چطور|چگونه|کجا|what|why|how|where)(?!\S)", re.I)
MAX_UNKNOWN_WORDS = 4
#: A what-phrase names its subject, so it may run a little longer («آنچه بازار را نگران کرد»).
MAX_QUESTION_WORDS = 6
#: A label longer than MAX_UNKNOWN_WORDS is still one when all its words are cues of one
#: key or words of no meaning («خبر از این قرار است», «از کجا به اینجا رسیدیم»), up to
#: this many words and read with at least LONG_LABEL_CONFIDENCE. A sentence before a
#: colon names someone or something (به گفته یکی از کارشناسان), so it is not read so.
MAX_CLEAR_WORDS = 6
LONG_LABEL_CONFIDENCE = 0.8
#: "Yes, but" in other words: a short word, a comma, then a word of contrast.
_YES_BUT = re.compile(r"^\S+\s*[،,]\s*(?:اما|ولی|لیکن|but|however)$", re.I)


def strip_decoration(text: str) -> str:
    """Remove a leading emoji, bullet symbol or markup marker, and trailing markers."""
    return _DECORATION.sub("", text.strip()).strip().strip("*_ ").strip()


def match_label(line: str) -> LabelMatch | None:
    """A section label at the start of ``line``, known or short enough to be one.

    A colon inside a sentence (``... گفت: «...»``) is not a label: an unknown label
    has at most four words (six for a what-phrase, or when its words clearly name a
    key), no quote, digit or bracket, and does not end in a verb. Its key is then read
    from its words (``other`` when they do not name one).

    >>> match_label("چرا اهمیت دارد: متن").key
    'why_it_matters'
    >>> match_label("نگاهی نزدیک‌تر: متن").key
    'zoom_in'
    >>> match_label("وزیر گفت: «نه»") is None
    True
    >>> match_label("آنچه گفتند: متن").key
    'what_theyre_saying'
    """
    found = _LABEL_LINE.match(line.strip())
    if not found:
        return None
    label = strip_decoration(found.group("label"))
    rest = found.group("rest").strip().lstrip("*_ ").strip()
    if not label:
        return None
    key = lookup(label)
    if key is not None:
        return LabelMatch(key, label, rest)
    words = label.split()
    question = QUESTION_START.match(label) is not None
    limit = MAX_QUESTION_WORDS if question else MAX_UNKNOWN_WORDS
    if (
        len(words) > max(limit, MAX_CLEAR_WORDS)
        or _NOT_LABEL.search(label.rstrip(_QUESTION_MARKS))
        or (("،" in label or "," in label) and not _YES_BUT.match(label))
        or (SPEECH_ENDINGS.search(label) and not question)
    ):
        return None
    meaning = read_label(label)
    clear = meaning.key != OTHER and meaning.confidence >= LONG_LABEL_CONFIDENCE
    if len(words) > limit and not (clear and meaning.unknown == 0):
        return None
    return LabelMatch(meaning.key, label, rest)
