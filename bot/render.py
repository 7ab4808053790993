"""Render articles as Telegram HTML messages (pure: no Telegram, no I/O).

Every message is valid HTML on its own and at most :data:`MESSAGE_LIMIT` characters
after entity parsing; longer content is split at paragraph, then sentence, then word
boundaries. Messages open with a bold header in the article's language, so a Persian
message starts with Persian text and clients lay it out right to left.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.article import Article, Quote, Section
from bot.article.sections import OTHER, QUOTES_SECTION, SUMMARY_SECTION, key_name
from bot.text import detect_lang, split_sentences
from bot.text.jalali import format_jalali

MESSAGE_LIMIT = 4096
BULLET = "•"
#: The most characters of a title (or section name) a header shows; longer ones end in «…».
TITLE_CHARS = 1000
ELLIPSIS = "…"

QUOTES_TITLE = {"fa": "نقل قول‌ها", "en": "Quotes"}
SUMMARY_TITLE = {"fa": "خلاصه", "en": "Summary"}


def escape(text: str) -> str:
    """Escape text for Telegram HTML (``<``, ``>``, ``&``).

    >>> escape("a < b & <b>")
    'a &lt; b &amp; &lt;b&gt;'
    """
    return html.escape(text, quote=False)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in «…» when it was cut.

    The cut falls after the last whole word when there is one in the second half.

    >>> shorten("a long title", 8), shorten("a long title", 7), shorten("abcdefghij", 5)
    ('a long…', 'a long…', 'abcd…')
    """
    if limit < 1:
        raise ValueError(f"cannot shorten text to {limit} characters")
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    space = kept.rfind(" ")
    if not text[limit - 1].isspace() and space > len(kept) // 2:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def _units(markup: str) -> list[tuple[str, str]]:
    """Telegram HTML as units: a tag (``"<b>"``) or one shown character (``"&amp;"``)."""
    units: list[tuple[str, str]] = []
    index = 0
    while index < len(markup):
        char = markup[index]
        end = index + 1
        kind = "char"
        if char == "<":
            close = markup.find(">", index)
            if close == -1:
                raise ValueError(f"unclosed tag at {index} in the HTML to cut")
            end, kind = close + 1, "tag"
        elif char == "&":
            semicolon = markup.find(";", index, index + 12)
            if semicolon != -1 and markup[index + 1 : semicolon].replace("#", "").isalnum():
                end = semicolon + 1
        units.append((kind, markup[index:end]))
        index = end
    return units


def cut_html(markup: str, limit: int = MESSAGE_LIMIT) -> str:
    """Telegram HTML cut to at most ``limit`` shown characters, ending in «…» when cut.

    The cut never falls inside a tag or an entity (``&amp;`` is one character), and the
    tags still open there are closed, so the result parses as the original did.

    >>> cut_html("<b>a &amp; b</b> c", 4)
    '<b>a &amp;…</b>'
    >>> cut_html("<b>a</b>", 4)
    '<b>a</b>'
    """
    if limit < 1:
        raise ValueError(f"cannot cut HTML to {limit} characters")
    units = _units(markup)
    if sum(kind == "char" for kind, _ in units) <= limit:
        return markup
    kept: list[str] = []
    open_tags: list[str] = []
    shown = 0
    for kind, unit in units:
        if kind == "char":
            if shown == limit - 1:
                break
            shown += 1
        elif unit.startswith("</"):
            if open_tags:
                open_tags.pop()
        else:
            open_tags.append(unit[1:-1].split()[0] if unit[1:-1].strip() else "")
        kept.append(unit)
    closing = "".join(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(kept) + ELLIPSIS + closing


def section_name(section: Section, lang: str) -> str:
    """A section's display name in ``lang``, on its post, its heading and its button.

    Persian shows the label as the article wrote it (an editor's «بیانیه آنها» or
    «چرا مهم است» stays theirs); English shows the key's English name; a label written
    in the other language gives way to the key's name in ``lang``. An unknown label
    (``other``) is always shown as written.

    >>> section_name(Section("what_theyre_saying", "بیانیه آنها"), "fa")
    'بیانیه آنها'
    >>> section_name(Section("latest", "Latest"), "fa")
    'آخرین اخبار'
    >>> section_name(Section("latest", "آخرین خبر"), "en")
    'The latest'
    """
    if section.key == OTHER:
        return section.label
    if lang != "en" and section.label.strip() and detect_lang(section.label) == "fa":
        return section.label
    return key_name(section.key, lang)


def quotes_name(article: Article) -> str:
    """The name the article's quotes go under, in its language.

    The name of "what they're saying" (the channel's quotes post stands in for that
    section), unless the article has such a section of its own: then «نقل قول‌ها», so
    that the two are told apart.

    >>> quotes_name(Article("خبر")), quotes_name(Article("News", lang="en"))
    ('آنچه می‌گویند', "What they're saying")
    """
    own = any(section.key == QUOTES_SECTION and section.body for section in article.sections)
    if own:
        return QUOTES_TITLE.get(article.lang, QUOTES_TITLE["fa"])
    return key_name(QUOTES_SECTION, article.lang)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of HTML and the length of its text once Telegram parses it."""

    html: str
    length: int

    @classmethod
    def text(cls, text: str, tag: str | None = None) -> Piece:
        """Escaped ``text``, optionally wrapped in ``tag`` (b, i, blockquote, ...)."""
        body = escape(text)
        if tag:
            body = f"<{tag}>{body}</{tag.split()[0]}>"
        return cls(body, len(text))


def _split_text(text: str, limit: int) -> list[str]:
    """Split plain text into parts of at most ``limit`` characters: sentences, words."""
    parts: list[str] = []
    current = ""
    units: list[str] = []
    for sentence in split_sentences(text) or [text]:
        if len(sentence) <= limit:
            units.append(sentence)
            continue
        words = sentence.split(" ")
        for word in words:
            while len(word) > limit:
                units.append(word[:limit])
                word = word[limit:]
            units.append(word)
    for unit in units:
        joined = f"{current} {unit}" if current else unit
        if len(joined) <= limit:
            current = joined
        else:
            parts.append(current)
            current = unit
    if current:
        parts.append(current)
    return parts


def paginate(header: Piece, pieces: Iterable[Piece], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join pieces into messages of at most ``limit`` characters, each with the header.

    A piece longer than a whole message is split at sentences, then words.
    """
    separator = "\n\n"
    budget = limit - header.length - len(separator)
    if budget <= 0:
        raise ValueError("the header alone does not fit in a message")
    fitted: list[Piece] = []
    for piece in pieces:
        if piece.length <= budget:
            fitted.append(piece)
            continue
        text = html.unescape(_strip_tags(piece.html))
        fitted.extend(Piece.text(part) for part in _split_text(text, budget))
    messages: list[str] = []
    current: list[Piece] = []
    used = 0
    for piece in fitted:
        extra = piece.length + (len(separator) if current else 0)
        if current and used + extra > budget:
            messages.append(_join(header, current, separator))
            current, used = [], 0
            extra = piece.length
        current.append(piece)
        used += extra
    if current or not messages:
        messages.append(_join(header, current, separator))
    return messages


def _strip_tags(markup: str) -> str:
    out = []
    inside = False
    for char in markup:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


def _join(header: Piece, pieces: list[Piece], separator: str) -> str:
    return separator.join([header.html, *(piece.html for piece in pieces)])


def _blocks(section: Section) -> list[Piece]:
    pieces = []
    for block in section.body:
        if block.type == "bullet":
            pieces.append(Piece(f"{BULLET} {escape(block.text)}", len(block.text) + 2))
        else:
            pieces.append(Piece.text(block.text))
    return pieces


def hashtags_line(article: Article) -> Piece | None:
    """The article's hashtags, as Telegram links them."""
    if not article.hashtags:
        return None
    text = " ".join(f"#{tag}" for tag in article.hashtags)
    return Piece.text(text)


def _title_lines(article: Article, day: date | None, lang: str | None = None) -> Piece:
    title = Piece.text(shorten(article.title, TITLE_CHARS), "b")
    if day is None:
        return title
    when = format_jalali(day) if (lang or article.lang) == "fa" else day.strftime("%d %B %Y")
    stamp = Piece.text(when, "i")
    return Piece(f"{title.html}\n{stamp.html}", title.length + 1 + stamp.length)


def render_summary(
    article: Article, day: date | None = None, *, lang: str | None = None
) -> list[str]:
    """The summary post: title, date, lede (or summary), why it matters, hashtags.

    The date is in the calendar of ``lang`` (by default the article's language): Jalali
    with Persian digits for ``fa``, else Gregorian.
    """
    pieces: list[Piece] = []
    if article.summary:
        pieces.extend(Piece.text(sentence) for sentence in article.summary)
    elif article.lede:
        pieces.extend(Piece.text(line) for line in article.lede.split("\n"))
    why = article.section(SUMMARY_SECTION)
    if why is not None and why.body:
        pieces.append(Piece.text(section_name(why, article.lang), "b"))
        pieces.extend(_blocks(why))
    tags = hashtags_line(article)
    if tags:
        pieces.append(tags)
    return paginate(_title_lines(article, day, lang), pieces)


def _section_header(name: str, article: Article) -> Piece:
    """A section's name in bold over the article's title in italics.

    The name alone when the title would take more than half a message; a name longer
    than :data:`TITLE_CHARS` is shortened with «…».
    """
    bold = Piece.text(shorten(name, TITLE_CHARS), "b")
    title = Piece.text(article.title, "i")
    header = Piece(f"{bold.html}\n{title.html}", bold.length + 1 + title.length)
    return bold if header.length > MESSAGE_LIMIT // 2 else header


def render_section(article: Article, section: Section) -> list[str]:
    """One section: its name in bold, the article's title in italics, its body."""
    return paginate(_section_header(section_name(section, article.lang), article), _blocks(section))


def speaker_line(quote: Quote, lang: str) -> str | None:
    """Who said a quote, as shown under it: «name، role» (English "name, role").

    >>> speaker_line(Quote("…", "کاوه نادری", "latest", "مدیرعامل بنادر"), "fa")
    'کاوه نادری، مدیرعامل بنادر'
    >>> speaker_line(Quote("…", None, "latest"), "fa") is None
    True
    """
    if not quote.speaker:
        return None
    if not quote.role:
        return quote.speaker
    return f"{quote.speaker}{'، ' if lang != 'en' else ', '}{quote.role}"


def render_quotes(article: Article, name: str | None = None) -> list[str]:
    """Every quotation (not quoted terms) as a blockquote with its speaker after it.

    Headed like a section post: ``name`` (by default :func:`quotes_name`) in bold over
    the article's title in italics.
    """
    header = _section_header(name or quotes_name(article), article)
    pieces = []
    for quote in article.quotations:
        block = Piece.text(quote.text, "blockquote")
        who_text = speaker_line(quote, article.lang)
        if who_text:
            who = Piece.text(f"— {who_text}", "i")
            block = Piece(f"{block.html}\n{who.html}", block.length + 1 + who.length)
        pieces.append(block)
    return paginate(header, pieces)
