"""The section registry: every canonical section key, its names and its labels.

One entry per key, in the design's order. Everything else derives from :data:`SECTIONS`:
the key list, the label lexicon (:mod:`bot.article.labels`), the names the bot shows
(:func:`key_name`) and the reader commands that open a section. A new key is one new
entry here; ``tests/test_article_sections.py`` checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^[a-z][a-z_]*[a-z]$")

#: The key of a section whose label is not in the lexicon but looks like a label.
OTHER = "other"
#: The section the summary post carries, so it is not posted again on its own.
SUMMARY_SECTION = "why_it_matters"
#: The section that already holds the quotes, so they are not posted again.
QUOTES_SECTION = "what_theyre_saying"


@dataclass(frozen=True, slots=True)
class SectionKind:
    """A canonical section: its key, its Persian and English names, its other labels.

    Both names are labels articles use, so they are renderings too, unless the kind
    is ``matched`` by shape rather than by name (only ``other``).
    """

    key: str
    fa: str
    en: str
    #: Further ways articles write the label, beyond the two names.
    also: tuple[str, ...] = ()
    matched: bool = True

    def __post_init__(self) -> None:
        if not _KEY.match(self.key):
            raise ValueError(f"section key {self.key!r}: use lower-case words joined by _")
        for lang in ("fa", "en"):
            if not getattr(self, lang).strip():
                raise ValueError(f"section {self.key!r} has no {lang} name")
        if any(not label.strip() for label in self.also):
            raise ValueError(f"section {self.key!r} has an empty label")

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every label that names this section in an article, Persian first."""
        if not self.matched:
            return ()
        persian = [label for label in self.also if not label.isascii()]
        english = [label for label in self.also if label.isascii()]
        return (self.fa, *persian, self.en, *english)

    def name(self, lang: str) -> str:
        """The name the bot shows for this section: English for ``en``, else Persian."""
        return self.en if lang == "en" else self.fa


#: Every canonical section, in the order the design lists them.
SECTIONS: tuple[SectionKind, ...] = (
    SectionKind("why_it_matters", "چرا اهمیت دارد", "Why it matters", (
        "چرا مهم است", "چرا این مهم است", "اهمیت موضوع", "اهمیت ماجرا", "اهمیت خبر",
        "چرا اهمیت دارد؟", "چه اهمیتی دارد", "Why this matters", "Why it's important",
    )),
    SectionKind("big_picture", "تصویر کلی", "The big picture", (
        "تصویر بزرگ", "تصویر بزرگتر", "نمای کلی", "در تصویر کلی", "Big picture",
    )),
    SectionKind("driving_the_news", "محرک خبر", "Driving the news", (
        "آنچه خبر را رقم زد", "چه شد", "اصل خبر",
    )),
    SectionKind("latest", "آخرین اخبار", "The latest", (
        "آخرین خبر", "تازه‌ترین خبر", "تازه‌ترین اخبار", "تازه‌ترین‌ها", "آخرین وضعیت",
        "تازه‌ها", "آخرین تحولات", "Latest",
    )),
    SectionKind("background", "پیش‌زمینه خبر", "Background", (
        "پیش‌زمینه", "سابقه ماجرا", "سابقه", "پیشینه", "پیشینه خبر", "پس‌زمینه", "زمینه",
        "زمینه خبر", "Catch up quick", "Flashback",
    )),
    SectionKind("state_of_play", "وضعیت فعلی", "State of play", (
        "اوضاع کنونی", "وضعیت کنونی", "وضع موجود", "وضعیت موجود", "اوضاع فعلی",
        "جایی که ایستاده‌ایم", "Where it stands",
    )),
    SectionKind("zoom_in", "نمای نزدیک", "Zoom in", ("از نزدیک", "زوم روی جزئیات")),
    SectionKind("zoom_out", "نمای دور", "Zoom out", ("از دور", "با فاصله")),
    SectionKind("between_the_lines", "بین سطور", "Between the lines", (
        "میان سطرها", "بین خطوط", "لابه‌لای سطرها",
    )),
    SectionKind("yes_but", "بله، اما", "Yes, but", ("بله اما", "آری، اما", "اما", "Yes but")),
    SectionKind("the_other_side", "سوی دیگر", "The other side", ("طرف مقابل", "روی دیگر سکه")),
    SectionKind("what_theyre_saying", "آنچه می‌گویند", "What they're saying", (
        "بیانیه آنها", "چه می‌گویند", "آن‌ها چه می‌گویند", "گفته‌ها", "اظهارات", "واکنش‌ها",
        "What they are saying", "What he's saying", "What she's saying",
    )),
    SectionKind("by_the_numbers", "به زبان آمار", "By the numbers", (
        "به زبان اعداد", "در یک نگاه آماری", "آمار", "اعداد و ارقام", "By the number",
        "The numbers",
    )),
    SectionKind("details", "جزئیات", "Details", ("جزئیات خبر", "The details")),
    SectionKind("whats_next", "گام‌های آینده", "What's next", (
        "گام بعدی", "گام‌های بعدی", "آنچه در پیش است", "مرحله بعد", "مرحله بعدی", "قدم بعدی",
        "بعد چه می‌شود", "What comes next", "What next",
    )),
    SectionKind("what_to_watch", "چه چیزی را باید زیر نظر داشت", "What to watch", (
        "آنچه باید زیر نظر داشت", "زیر ذره‌بین", "What we're watching", "Watch for",
    )),
    SectionKind("bottom_line", "نکته اصلی", "The bottom line", (
        "جمع‌بندی", "خلاصه کلام", "حرف آخر", "نتیجه", "Bottom line",
    )),
    SectionKind("behind_the_scenes", "پشت پرده", "Behind the scenes", ("پشت صحنه",)),
    SectionKind("reality_check", "واقعیت‌سنجی", "Reality check", ("محک واقعیت", "واقعیت ماجرا")),
    SectionKind("the_stakes", "آنچه در خطر است", "The stakes", ("چه چیزی در خطر است", "مخاطره")),
    SectionKind(OTHER, "بیشتر", "More", matched=False),
)  # fmt: skip

#: Canonical section keys, in the order the design lists them.
SECTION_KEYS: tuple[str, ...] = tuple(kind.key for kind in SECTIONS)
_BY_KEY: dict[str, SectionKind] = {kind.key: kind for kind in SECTIONS}


def section_kind(key: str) -> SectionKind:
    """The registry entry of a canonical key; ``ValueError`` for any other key.

    >>> section_kind("latest").en
    'The latest'
    """
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(f"unknown section key {key!r}") from None


def key_name(key: str, lang: str) -> str:
    """The display name of a section key in ``lang``; an unknown key stays as it is.

    >>> key_name("whats_next", "en"), key_name("other", "fa"), key_name("nope", "fa")
    ("What's next", 'بیشتر', 'nope')
    """
    kind = _BY_KEY.get(key)
    return kind.name(lang) if kind else key
