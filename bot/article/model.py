"""The parsed article: plain frozen dataclasses, JSON in the design's schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

BlockType = Literal["paragraph", "bullet"]
#: A quotation: someone said or wrote it.
QUOTE = "quote"
#: A quoted term: a coined phrase, scare quotes, a title or a name in quote marks.
TERM = "term"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or bullet of a section's body."""

    type: BlockType
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """A labelled section: canonical key, the label as written, its body."""

    key: str
    label: str
    body: tuple[Block, ...] = ()

    @property
    def text(self) -> str:
        """The body as plain text, one block a line."""
        return "\n".join(block.text for block in self.body)


@dataclass(frozen=True, slots=True)
class Quote:
    """A span in quote marks: a quotation or a quoted term, and where it stands.

    ``speaker`` is the person's name without honorifics, an organisation, or a
    description when no name is given (``یک مقام آمریکایی``); ``role`` their title or
    function when the text gives one. ``kind`` is :data:`QUOTE` or :data:`TERM`; terms
    have neither speaker nor role.
    """

    text: str
    speaker: str | None
    section: str
    role: str | None = None
    kind: str = QUOTE

    @property
    def is_quotation(self) -> bool:
        """Whether someone said or wrote it (not a quoted term)."""
        return self.kind != TERM


@dataclass(frozen=True, slots=True)
class Article:
    """A whole parsed article."""

    title: str
    lang: str = "fa"
    caption: str | None = None
    lede: str | None = None
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = ()
    hashtags: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    published: date | None = None
    #: The web address of the article's source line («منبع: ...»), if it has one.
    source_url: str | None = None
    #: The name the source line credits («منبع: خبرگزاری تسنیم»), if it gives one.
    source_credit: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def section(self, key: str) -> Section | None:
        """The first section with canonical ``key``, if any."""
        return next((section for section in self.sections if section.key == key), None)

    @property
    def quotations(self) -> tuple[Quote, ...]:
        """The quotes someone said or wrote: what readers see as quotes (no terms)."""
        return tuple(quote for quote in self.quotes if quote.is_quotation)

    def to_json(self) -> dict[str, Any]:
        """The article in the schema of ``newsbot show --json``."""
        return {
            "title": self.title,
            "lang": self.lang,
            "caption": self.caption,
            "lede": self.lede,
            "sections": [
                {
                    "key": section.key,
                    "label": section.label,
                    "body": [{"type": block.type, "text": block.text} for block in section.body],
                }
                for section in self.sections
            ],
            "quotes": [
                {
                    "text": quote.text,
                    "speaker": quote.speaker,
                    "role": quote.role,
                    "kind": quote.kind,
                    "section": quote.section,
                }
                for quote in self.quotes
            ],
            "date": self.published.isoformat() if self.published else None,
            "hashtags": list(self.hashtags),
            "summary": list(self.summary),
            "source": self.source_url,
            "source_credit": self.source_credit,
            "warnings": list(self.warnings),
        }
