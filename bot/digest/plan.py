"""Digest plans (pure): the items an article becomes, and their messages."""

from __future__ import annotations

from collections import Counter
from datetime import date

from bot.article import Article
from bot.article.sections import QUOTES_SECTION, SUMMARY_SECTION, key_name
from bot.render import render_quotes, render_section, render_summary

SUMMARY = "summary"
QUOTES = "quotes"


def plan_items(sections: list[tuple[str, bool]], has_quotes: bool) -> list[str]:
    """Items for an article whose sections are ``(key, has body)``, in posting order.

    The summary comes first (it carries why it matters); then every other section in
    article order; then the quotes when the article has no what-they're-saying section.

    >>> plan_items([("why_it_matters", True), ("latest", True), ("other", True),
    ...             ("other", True), ("details", False)], True)
    ['summary', 'latest', 'other', 'other#2', 'quotes']
    """
    items = [SUMMARY]
    seen: Counter[str] = Counter()
    for key, has_body in sections:
        if not has_body:
            continue
        seen[key] += 1
        if key == SUMMARY_SECTION and seen[key] == 1:
            continue
        items.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    if has_quotes and QUOTES_SECTION not in {key for key, _ in sections}:
        items.append(QUOTES)
    return items


def article_items(article: Article) -> list[str]:
    """The items a stored article is planned into, as :func:`plan_items` plans its outline."""
    sections = [(section.key, bool(section.body)) for section in article.sections]
    return plan_items(sections, bool(article.quotations))


def render_item(
    article: Article,
    item: str,
    day: date | None = None,
    *,
    signature: str | None = None,
    lang: str | None = None,
) -> list[str]:
    """The messages of one planned item; ``[]`` if the article no longer has it.

    ``signature`` (the channel's) ends every message; the summary's date is in the
    calendar of ``lang`` (the reader's; by default the article's language).
    """
    if item == SUMMARY:
        return render_summary(article, day, signature=signature, lang=lang)
    if item == QUOTES:
        if not article.quotations:
            return []
        return render_quotes(article, key_name(QUOTES_SECTION, article.lang), signature=signature)
    key, _, nth = item.partition("#")
    matching = [section for section in article.sections if section.key == key and section.body]
    index = int(nth) - 1 if nth.isdecimal() else 0
    if index >= len(matching):
        return []
    return render_section(article, matching[index], signature=signature)
