"""Render articles as Telegram HTML messages (pure: no Telegram, no I/O).

Every message is valid HTML on its own and at most :data:`MESSAGE_LIMIT` characters
after entity parsing; longer content is split at paragraph, then sentence, then word
boundaries (:func:`paginate`). Messages open with a bold header in the article's
language, so a Persian message starts with Persian text and clients lay it out right to
left; the later messages of a long post open with a short title line marked «(ادامه)».
Web addresses in the text become links, and an article's source line a «read more» link.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from bot.article import Article, Quote, Section
from bot.article.sections import OTHER, QUOTES_SECTION, SUMMARY_SECTION, key_name
from bot.text import detect_lang, split_sentences
from bot.text.jalali import format_jalali
from bot.text.urls import find_urls, web_url

#: Telegram refuses a message whose text, before its HTML is parsed, passes this many bytes.
RAW_LIMIT = 32_768
MESSAGE_LIMIT = 4096
BULLET = "•"
#: The most characters of a title (or section name) a header shows; longer ones end in «…».
TITLE_CHARS = 1000
ELLIPSIS = "…"

QUOTES_TITLE = {"fa": "نقل قول‌ها", "en": "Quotes"}
SUMMARY_TITLE = {"fa": "خلاصه", "en": "Summary"}
READ_MORE = {"fa": "ادامه خبر در منبع", "en": "Read more at the source"}
CREDIT = {"fa": "منبع", "en": "Source"}
#: The mark on every message of a post after its first.
CONTINUED = {"fa": "ادامه", "en": "continued"}
#: The most characters of the title the later messages of a post repeat.
SHORT_TITLE_CHARS = 60


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


def shown_length(markup: str) -> int:
    """How many characters Telegram HTML shows: its text without the tags, an entity
    (``&amp;``) counting as one.

    >>> shown_length("<i>a &amp; b</i>")
    5
    """
    return sum(kind == "char" for kind, _ in _units(markup))


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
    if shown_length(markup) <= limit:
        return markup
    units = _units(markup)
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


def quotes_name(article: Article, lang: str | None = None) -> str:
    """The name the article's quotes go under, in ``lang`` (by default the article's).

    The name of "what they're saying" (the channel's quotes post stands in for that
    section), unless the article has such a section of its own: then «نقل قول‌ها», so
    that the two are told apart.

    >>> quotes_name(Article("خبر")), quotes_name(Article("News", lang="en"))
    ('آنچه می‌گویند', "What they're saying")
    >>> quotes_name(Article("خبر"), "en")
    "What they're saying"
    """
    lang = lang or article.lang
    own = any(section.key == QUOTES_SECTION and section.body for section in article.sections)
    if own:
        return QUOTES_TITLE.get(lang, QUOTES_TITLE["fa"])
    return key_name(QUOTES_SECTION, lang)


def link(text: str, url: str) -> str:
    """``text`` as a link to ``url`` in Telegram HTML, both escaped.

    >>> link("a & b", 'https://x.ir/?a=1&b="2"')
    '<a href="https://x.ir/?a=1&amp;b=&quot;2&quot;">a &amp; b</a>'
    """
    return f'<a href="{html.escape(url, quote=True)}">{escape(text)}</a>'


def linked(text: str) -> str:
    """``text`` escaped for Telegram HTML, its web addresses made links (shown as written).

    >>> linked("ببینید: www.irna.ir.")
    'ببینید: <a href="http://www.irna.ir">www.irna.ir</a>.'
    """
    out = []
    at = 0
    for start, end, target in find_urls(text):
        out.append(escape(text[at:start]))
        out.append(link(text[start:end], target))
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of HTML and the length of its text once Telegram parses it.

    A piece made from plain text remembers it (``source``, with its ``tag``, whether
    its web addresses are links and a ``prefix`` such as a bullet), so that a piece too
    long for a message is split and made again part by part. A ``heading`` goes with
    the piece after it: it never ends a message.
    """

    html: str
    length: int
    source: str | None = None
    tag: str | None = None
    links: bool = False
    prefix: str = ""
    heading: bool = False

    @classmethod
    def text(
        cls,
        text: str,
        tag: str | None = None,
        *,
        links: bool = False,
        prefix: str = "",
        heading: bool = False,
    ) -> Piece:
        """Escaped ``text`` after ``prefix``, optionally wrapped in ``tag`` (b, i, blockquote,
        ...), its web addresses links when ``links``."""
        body = linked(text) if links else escape(text)
        if tag:
            body = f"<{tag}>{body}</{tag.split()[0]}>"
        length = len(prefix) + len(text)
        return cls(escape(prefix) + body, length, text, tag, links, prefix, heading)

    def shown(self) -> str:
        """The text Telegram shows for this piece."""
        if self.source is not None:
            return self.prefix + self.source
        return html.unescape(_strip_tags(self.html))

    def split(
        self, first: int, rest: int, *, words: bool = False, cut: bool = False
    ) -> tuple[Piece | None, list[Piece]]:
        """The piece as a first part of at most ``first`` characters and parts of ``rest``.

        Split at sentence ends, then words (see :func:`_chunks`); the first part is
        ``None`` when nothing fits in ``first``. A piece made from text keeps its tag,
        links and prefix (on the first part only); any other piece becomes plain text.
        """
        if self.source is None:
            text, prefix, tag, links = self.shown(), "", None, False
        else:
            text, prefix, tag, links = self.source, self.prefix, self.tag, self.links
        chunks = _chunks(text, first - len(prefix), rest, words=words, cut=cut)
        fits = bool(chunks[0])
        if not fits:
            chunks = _chunks(text, rest - len(prefix), rest, cut=True)
        made: list[Piece] = []
        for chunk in chunks:
            if chunk:
                made.append(Piece.text(chunk, tag, links=links, prefix="" if made else prefix))
        if self.heading and made:
            made[-1] = replace(made[-1], heading=True)
        head = made.pop(0) if fits and made else None
        return head, made


def _text_units(text: str, limit: int) -> list[str]:
    """Sentences of ``text``; one longer than ``limit`` as its words, a longer word cut."""
    units: list[str] = []
    for sentence in split_sentences(text) or [text]:
        if len(sentence) <= limit:
            units.append(sentence)
            continue
        for word in sentence.split():
            while len(word) > limit:
                units.append(word[:limit])
                word = word[limit:]
            units.append(word)
    return [unit for unit in units if unit.strip()]


def _chunks(
    text: str, first: int, rest: int, *, words: bool = False, cut: bool = False
) -> list[str]:
    """Plain text in chunks: the first of at most ``first`` characters ("" when nothing
    fits), then of at most ``rest``; at sentence ends, then words.

    With ``words`` the first chunk takes the first words of a sentence too long for it,
    and with ``cut`` the start of a word too long for it: a message should not stay
    nearly empty when the next one would start with a long sentence.

    >>> _chunks("One two. Three four five.", 9, 12)
    ['One two.', 'Three four', 'five.']
    >>> _chunks("One two. Three four five.", 5, 30), _chunks("Three four.", 8, 30, words=True)
    (['', 'One two. Three four five.'], ['Three', 'four.'])
    >>> _chunks("", 5, 5), _chunks("abcdefg", 3, 10, cut=True)
    ([''], ['abc', 'defg'])
    """
    units = _text_units(text, rest)
    chunks: list[str] = []
    current, limit = "", max(first, 0)
    if units and (words or cut) and 0 < limit < len(units[0]):
        head = units[0].split()
        taken: list[str] = []
        while head and len(" ".join([*taken, head[0]])) <= limit:
            taken.append(head.pop(0))
        if not taken and cut and head:
            taken, head[0] = [head[0][:limit]], head[0][limit:]
        if taken:
            current = " ".join(taken)
            remainder = " ".join(head)
            units[0:1] = [remainder] if remainder else []
    for unit in units:
        joined = f"{current} {unit}" if current else unit
        if len(joined) <= limit:
            current = joined
            continue
        chunks.append(current)
        current, limit = unit, rest
    chunks.append(current)
    return chunks


SEPARATOR = "\n\n"
#: A message filled less than this share takes the start of a long piece after it,
#: rather than going out nearly empty.
MIN_FILL = 1 / 3


def paginate(
    header: Piece,
    pieces: Iterable[Piece],
    limit: int = MESSAGE_LIMIT,
    *,
    more: Piece | None = None,
    footer: Piece | None = None,
) -> list[str]:
    """Join pieces into messages of at most ``limit`` characters.

    The first message opens with ``header``, later ones with ``more`` (a short title
    line marked as a continuation; by default the header again); ``footer`` (the
    channel's signature) closes every message, and its room is kept on each. Pieces
    are paragraphs and bullets and stay whole where they can: a piece longer than a
    message is split at sentence ends, then words, its first part filling what is left
    of the message before it; so is one after a message still under :data:`MIN_FILL`.
    A heading never ends a message: it moves on with the piece after it. A message also
    closes before its HTML passes :data:`RAW_LIMIT` bytes (many short pieces in markup).
    """
    more = more or header
    tail = footer.length + len(SEPARATOR) if footer else 0
    first_budget = limit - header.length - len(SEPARATOR) - tail
    later_budget = limit - more.length - len(SEPARATOR) - tail
    unit = min(first_budget, later_budget)
    if unit <= 0:
        raise ValueError("the header alone does not fit in a message")
    closing = _raw_size(footer) + len(SEPARATOR) if footer else 0
    pages: list[list[Piece]] = []
    current: list[Piece] = []
    # Running totals of ``current``: its characters with the separators between its
    # pieces, and its bytes with a separator after each piece.
    used = raw = 0
    queue = deque(pieces)
    while queue:
        piece = queue.popleft()
        budget = later_budget if pages else first_budget
        room = budget - used - (len(SEPARATOR) if current else 0)
        if piece.length <= room:
            size = _raw_size(piece) + len(SEPARATOR)
            opening = _raw_size(header if not pages else more)
            if current and opening + raw + size + closing > RAW_LIMIT:
                # Short pieces heavy in markup: the message is full in bytes before letters.
                queue.appendleft(piece)
                kept = _without_headings(current) or current
                queue.extendleft(reversed(current[len(kept) :]))
                pages.append(kept)
                current = []
                used = raw = 0
                continue
            used += piece.length + (len(SEPARATOR) if current else 0)
            raw += size
            current.append(piece)
            continue
        content = _without_headings(current)
        small = _used(content) < budget * MIN_FILL
        if not current or (not piece.heading and (piece.length > unit or small)):
            # Words only rather than leave the message nearly empty; sentences otherwise.
            alone = not content
            head, parts = piece.split(room, unit, words=small or alone, cut=alone)
            if head is not None:
                current.append(head)
            queue.extendleft(reversed(parts))
        else:
            queue.appendleft(piece)
        kept = _without_headings(current)
        if kept:
            queue.extendleft(reversed(current[len(kept) :]))
            current = kept
        if current:
            pages.append(current)
        current = []
        used = raw = 0
    if current or not pages:
        pages.append(current)
    messages = []
    for index, page in enumerate(pages):
        parts = [header if index == 0 else more, *page, *([footer] if footer else [])]
        messages.append(SEPARATOR.join(part.html for part in parts))
    return messages


def _raw_size(piece: Piece) -> int:
    """The bytes of ``piece``'s HTML, as :data:`RAW_LIMIT` counts them."""
    return len(piece.html.encode("utf-8"))


def _used(pieces: list[Piece]) -> int:
    """The characters ``pieces`` take in a message, with the separators between them."""
    return sum(piece.length for piece in pieces) + len(SEPARATOR) * max(len(pieces) - 1, 0)


def _without_headings(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` without the headings at their end."""
    end = len(pieces)
    while end and pieces[end - 1].heading:
        end -= 1
    return pieces[:end]


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


def _blocks(section: Section) -> list[Piece]:
    return [
        Piece.text(block.text, links=True, prefix=f"{BULLET} " if block.type == "bullet" else "")
        for block in section.body
    ]


def hashtags_line(article: Article) -> Piece | None:
    """The article's hashtags, as Telegram links them."""
    if not article.hashtags:
        return None
    text = " ".join(f"#{tag}" for tag in article.hashtags)
    return Piece.text(text)


def read_more(article: Article) -> Piece | None:
    """The link to the article's source («ادامه خبر در منبع»), when it has a web address;
    else the source it credits («منبع: خبرگزاری تسنیم»), if any."""
    target = web_url(article.source_url) if article.source_url else None
    if target is None:
        if not article.source_credit:
            return None
        return Piece.text(f"{CREDIT.get(article.lang, CREDIT['fa'])}: {article.source_credit}")
    words = READ_MORE.get(article.lang, READ_MORE["fa"])
    return Piece(f"🔗 {link(words, target)}", len(words) + 2)


def signature_line(signature: str | None) -> Piece | None:
    """The channel's signature as the last line of a post (``@name`` links itself)."""
    return Piece.text(signature) if signature else None


def continued_line(name: str, lang: str) -> Piece:
    """The line that opens every message after a post's first: a short title, «(ادامه)».

    >>> continued_line("عنوان", "fa").html
    '<b>عنوان</b> <i>(ادامه)</i>'
    """
    title = Piece.text(shorten(name, SHORT_TITLE_CHARS), "b")
    mark = Piece.text(f"({CONTINUED.get(lang, CONTINUED['fa'])})", "i")
    return Piece(f"{title.html} {mark.html}", title.length + 1 + mark.length)


def _title_lines(article: Article, day: date | None, lang: str | None = None) -> Piece:
    title = Piece.text(shorten(article.title, TITLE_CHARS), "b")
    if day is None:
        return title
    when = format_jalali(day) if (lang or article.lang) == "fa" else day.strftime("%d %B %Y")
    stamp = Piece.text(when, "i")
    return Piece(f"{title.html}\n{stamp.html}", title.length + 1 + stamp.length)


def summary_pieces(article: Article) -> list[Piece]:
    """The summary's body under its title: lede (or summary), why it matters, the source
    link, hashtags."""
    pieces: list[Piece] = []
    if article.summary:
        pieces.extend(Piece.text(sentence, links=True) for sentence in article.summary)
    elif article.lede:
        pieces.extend(Piece.text(line, links=True) for line in article.lede.split("\n"))
    why = article.section(SUMMARY_SECTION)
    if why is not None and why.body:
        name = shorten(section_name(why, article.lang), TITLE_CHARS)
        pieces.append(Piece.text(name, "b", heading=True))
        pieces.extend(_blocks(why))
    for extra in (read_more(article), hashtags_line(article)):
        if extra:
            pieces.append(extra)
    return pieces


def render_summary(
    article: Article,
    day: date | None = None,
    *,
    signature: str | None = None,
    lang: str | None = None,
) -> list[str]:
    """The summary post: title, date, lede (or summary), why it matters, the source link,
    hashtags; ``signature`` (the channel's) as the last line of every message.

    The date is in the calendar of ``lang`` (by default the article's language): Jalali
    with Persian digits for ``fa``, else Gregorian.
    """
    return paginate(
        _title_lines(article, day, lang),
        summary_pieces(article),
        more=continued_line(article.title, article.lang),
        footer=signature_line(signature),
    )


def _section_header(name: str, article: Article) -> Piece:
    """A section's name in bold over the article's title in italics.

    The name alone when the title would take more than half a message; a name longer
    than :data:`TITLE_CHARS` is shortened with «…».
    """
    bold = Piece.text(shorten(name, TITLE_CHARS), "b")
    title = Piece.text(article.title, "i")
    header = Piece(f"{bold.html}\n{title.html}", bold.length + 1 + title.length)
    return bold if header.length > MESSAGE_LIMIT // 2 else header


def render_section(
    article: Article, section: Section, *, signature: str | None = None
) -> list[str]:
    """One section: its name in bold, the article's title in italics, its body."""
    name = section_name(section, article.lang)
    return paginate(
        _section_header(name, article),
        _blocks(section),
        more=continued_line(name, article.lang),
        footer=signature_line(signature),
    )


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


def render_quotes(
    article: Article, name: str | None = None, *, signature: str | None = None
) -> list[str]:
    """Every quotation (not quoted terms) as a blockquote with its speaker after it.

    Headed like a section post: ``name`` (by default :func:`quotes_name`) in bold over
    the article's title in italics.
    """
    name = name or quotes_name(article)
    header = _section_header(name, article)
    pieces = []
    for quote in article.quotations:
        block = Piece.text(quote.text, "blockquote", links=True)
        who_text = speaker_line(quote, article.lang)
        if who_text:
            who = Piece.text(f"— {who_text}", "i")
            block = Piece(f"{block.html}\n{who.html}", block.length + 1 + who.length)
        pieces.append(block)
    return paginate(
        header,
        pieces,
        more=continued_line(name, article.lang),
        footer=signature_line(signature),
    )




#: Telegram's limit of a photo's caption, in characters after entity parsing.
CAPTION_LIMIT = 1024
#: The most characters of a photo credit a caption shows.
CREDIT_CHARS = 200
CREDIT_LABEL = {"fa": "عکس", "en": "Photo"}
_CREDIT = re.compile(r"(?:^|\s)(?:عکس|تصویر|photo(?: credit)?|image)\s*[:：]\s*", re.I)


def photo_credit(caption: str | None) -> str | None:
    """Who took or supplied the photo: what follows «عکس:» (``Photo:``) in the caption line.

    >>> photo_credit("جرد کوشنر در ژوئیه. عکس: برندان/AFP از طریق گتی")
    'برندان/AFP از طریق گتی'
    >>> photo_credit("A protest. Photo credit: Jane Doe/Reuters"), photo_credit("عکس:  ")
    ('Jane Doe/Reuters', None)
    """
    if not caption:
        return None
    marks = list(_CREDIT.finditer(caption))
    if not marks:
        return None
    credit = " ".join(caption[marks[-1].end() :].split())
    return credit or None


def render_photo_summary(
    article: Article,
    day: date | None = None,
    *,
    signature: str | None = None,
    lang: str | None = None,
) -> list[str]:
    """The summary post of an article with a photo: its caption first, then text messages.

    The caption (at most :data:`CAPTION_LIMIT` characters once parsed) holds the title,
    the date, as much of the summary as fits whole, and the photo credit (from the
    «عکس:» line) in italics; the rest of the summary follows as text messages, paginated
    like :func:`render_summary`. A heading that would end the caption goes with its text;
    ``signature`` (the channel's) ends the caption and every message after it.
    """
    credit_text = photo_credit(article.caption)
    credit = None
    if credit_text:
        label = CREDIT_LABEL.get(article.lang, CREDIT_LABEL["fa"])
        credit = Piece.text(f"{label}: {shorten(credit_text, CREDIT_CHARS)}", "i")
    sign = signature_line(signature)
    closing = [piece for piece in (credit, sign) if piece is not None]
    reserved = sum(piece.length + len(SEPARATOR) for piece in closing)
    header = _title_lines(article, day, lang)
    if header.length + reserved > CAPTION_LIMIT:
        room = CAPTION_LIMIT - reserved - (header.length - len(shorten(article.title, TITLE_CHARS)))
        short = replace(article, title=shorten(article.title, max(room, 1)))
        header = _title_lines(short, day, lang)
    used = header.length + reserved
    kept: list[Piece] = []
    pieces = summary_pieces(article)
    for piece in pieces:
        if used + len(SEPARATOR) + piece.length > CAPTION_LIMIT:
            break
        kept.append(piece)
        used += len(SEPARATOR) + piece.length
    kept = _without_headings(kept)
    rest = pieces[len(kept) :]
    caption = SEPARATOR.join(piece.html for piece in [header, *kept, *closing])
    if not rest:
        return [caption]
    more = continued_line(article.title, article.lang)
    return [caption, *paginate(more, rest, more=more, footer=sign)]
