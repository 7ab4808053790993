"""Section labels: Persian and English renderings mapped to canonical keys.

A label is matched after folding (letter forms, half-spaces, case, apostrophes), so
``پیش‌زمینه``, ``پیشزمینه`` and ``پیش زمینه`` are one label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import fold

#: Renderings per canonical key. Persian first, then English.
RENDERINGS: dict[str, tuple[str, ...]] = {
    "why_it_matters": (
        "چرا اهمیت دارد", "چرا مهم است", "چرا این مهم است", "اهمیت موضوع", "اهمیت ماجرا",
        "اهمیت خبر", "چرا اهمیت دارد؟", "چه اهمیتی دارد", "Why it matters",
        "Why this matters", "Why it's important",
    ),
    "big_picture": (
        "تصویر کلی", "تصویر بزرگ", "تصویر بزرگتر", "نمای کلی", "در تصویر کلی",
        "The big picture", "Big picture",
    ),
    "driving_the_news": (
        "محرک خبر", "آنچه خبر را رقم زد", "چه شد", "اصل خبر", "Driving the news",
    ),
    "latest": (
        "آخرین اخبار", "آخرین خبر", "تازه‌ترین خبر", "تازه‌ترین اخبار", "تازه‌ترین‌ها",
        "آخرین وضعیت", "تازه‌ها", "آخرین تحولات", "The latest", "Latest",
    ),
    "background": (
        "پیش‌زمینه خبر", "پیش‌زمینه", "سابقه ماجرا", "سابقه", "پیشینه", "پیشینه خبر",
        "پس‌زمینه", "زمینه", "زمینه خبر", "Background", "Catch up quick", "Flashback",
    ),
    "state_of_play": (
        "وضعیت فعلی", "اوضاع کنونی", "وضعیت کنونی", "وضع موجود", "وضعیت موجود",
        "اوضاع فعلی", "جایی که ایستاده‌ایم", "State of play", "Where it stands",
    ),
    "zoom_in": ("نمای نزدیک", "از نزدیک", "زوم روی جزئیات", "Zoom in"),
    "zoom_out": ("نمای دور", "از دور", "با فاصله", "Zoom out"),
    "between_the_lines": (
        "بین سطور", "میان سطرها", "بین خطوط", "لابه‌لای سطرها", "Between the lines",
    ),
    "yes_but": ("بله، اما", "بله اما", "آری، اما", "اما", "Yes, but", "Yes but"),
    "the_other_side": ("سوی دیگر", "طرف مقابل", "روی دیگر سکه", "The other side"),
    "what_theyre_saying": (
        "بیانیه آنها", "آنچه می‌گویند", "چه می‌گویند", "آن‌ها چه می‌گویند", "گفته‌ها",
        "اظهارات", "واکنش‌ها", "What they're saying", "What they are saying",
        "What he's saying", "What she's saying",
    ),
    "by_the_numbers": (
        "به زبان آمار", "به زبان اعداد", "در یک نگاه آماری", "آمار", "اعداد و ارقام",
        "By the numbers", "By the number", "The numbers",
    ),
    "details": ("جزئیات", "جزئیات خبر", "Details", "The details"),
    "whats_next": (
        "گام‌های آینده", "گام بعدی", "گام‌های بعدی", "آنچه در پیش است", "مرحله بعد",
        "مرحله بعدی", "قدم بعدی", "بعد چه می‌شود", "What's next", "What comes next",
        "What next",
    ),
    "what_to_watch": (
        "چه چیزی را باید زیر نظر داشت", "آنچه باید زیر نظر داشت", "زیر ذره‌بین",
        "What to watch", "What we're watching", "Watch for",
    ),
    "bottom_line": (
        "نکته اصلی", "جمع‌بندی", "خلاصه کلام", "حرف آخر", "نتیجه", "The bottom line",
        "Bottom line",
    ),
    "behind_the_scenes": ("پشت پرده", "پشت صحنه", "Behind the scenes"),
    "reality_check": ("واقعیت‌سنجی", "محک واقعیت", "واقعیت ماجرا", "Reality check"),
    "the_stakes": ("آنچه در خطر است", "چه چیزی در خطر است", "مخاطره", "The stakes"),
}

#: Short Persian names for each key, used by the bot when an article has no label.
DISPLAY_FA: dict[str, str] = {key: renderings[0] for key, renderings in RENDERINGS.items()}
DISPLAY_FA["other"] = "بیشتر"

_PUNCT = re.compile(r"[\s:：.!?؟،,*_\"'«»“”]+")


def label_key_form(label: str) -> str:
    """The folded form a label is looked up by."""
    label = fold(label).replace("’", "'").replace("‘", "'")
    return _PUNCT.sub(" ", label).strip()


_INDEX: dict[str, str] = {
    label_key_form(rendering): key
    for key, renderings in RENDERINGS.items()
    for rendering in renderings
}


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
#: Things a label never contains: quotes, digits, brackets, sentence punctuation.
_NOT_LABEL = re.compile(r"[«»“”\"()\[\]0-9۰-۹.!?؟؛;/<>&=+@#%]")
SPEECH_ENDINGS = re.compile(
    r"(?:گفت|گفته است|گفته بود|افزود|نوشت|کرد|داشت|داد|می‌گوید|گفتند|پرسید|said|says|"
    r"wrote|told|added|asked|tweeted)$",
    re.I,
)
MAX_UNKNOWN_WORDS = 4


def strip_decoration(text: str) -> str:
    """Remove a leading emoji, bullet symbol or markup marker, and trailing markers."""
    return _DECORATION.sub("", text.strip()).strip().strip("*_ ").strip()


def match_label(line: str) -> LabelMatch | None:
    """A section label at the start of ``line``, known or short enough to be one.

    A colon inside a sentence (``... گفت: «...»``) is not a label: an unknown label
    has at most four words, no quote, digit or bracket, and does not end in a verb.

    >>> match_label("چرا اهمیت دارد: متن").key
    'why_it_matters'
    >>> match_label("وزیر گفت: «نه»") is None
    True
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
    if (
        len(words) > MAX_UNKNOWN_WORDS
        or _NOT_LABEL.search(label)
        or "،" in label
        or "," in label
        or SPEECH_ENDINGS.search(label)
    ):
        return None
    return LabelMatch("other", label, rest)
