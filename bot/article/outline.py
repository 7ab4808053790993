"""A plain-text outline of a parsed article, for editors at a terminal."""

from __future__ import annotations

from bot.article.model import Article
from bot.article.sections import key_name


def outline(article: Article) -> str:
    """The article as an editor checks it: every part named, quotes with speakers."""
    lines = [f"title:   {article.title}", f"lang:    {article.lang}"]
    lines.append(f"caption: {article.caption or '-'}")
    lines.append(f"lede:    {article.lede or '-'}")
    for number, section in enumerate(article.sections, 1):
        lines.append("")
        lines.append(f"[{number}] {section.label}  ({section.key}, {key_name(section.key, 'fa')})")
        for block in section.body:
            marker = "  • " if block.type == "bullet" else "    "
            lines.append(marker + block.text)
    if article.quotations:
        lines.append("")
        lines.append(f"quotes ({len(article.quotations)}):")
        for quote in article.quotations:
            speaker = quote.speaker or "?"
            if quote.role:
                speaker += f"، {quote.role}"
            lines.append(f"  «{quote.text}» — {speaker}  [{quote.section}]")
    terms = [quote for quote in article.quotes if not quote.is_quotation]
    if terms:
        lines.append("")
        lines.append("quoted terms: " + "  ".join(f"«{term.text}»" for term in terms))
    if article.summary:
        lines.append("")
        lines.append("summary:")
        lines.extend(f"  {sentence}" for sentence in article.summary)
    if article.hashtags:
        lines.append("")
        lines.append("hashtags: " + " ".join(f"#{tag}" for tag in article.hashtags))
    if article.source_credit:
        lines.append(f"credit:   {article.source_credit}")
    if article.source_url:
        lines.append(f"source:   {article.source_url}")
    for warning in article.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines)
