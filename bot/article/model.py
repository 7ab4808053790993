"""The parsed article: plain frozen dataclasses, JSON in the design's schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

BlockType = Literal["paragraph", "bullet"]


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
    """A quotation, who said it (when the text names them) and where it stands."""

    text: str
    speaker: str | None
    section: str


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
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def section(self, key: str) -> Section | None:
        """The first section with canonical ``key``, if any."""
        return next((section for section in self.sections if section.key == key), None)

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
                {"text": quote.text, "speaker": quote.speaker, "section": quote.section}
                for quote in self.quotes
            ],
            "date": self.published.isoformat() if self.published else None,
            "hashtags": list(self.hashtags),
            "summary": list(self.summary),
            "warnings": list(self.warnings),
        }
