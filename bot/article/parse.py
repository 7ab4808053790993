"""Parse an article's text into an :class:`Article`.

The layout: the first line is the title; a line right after it that is only a date is
the dateline; a line with ``عکس:`` (``Photo:``) near the top is the photo caption;
unlabelled paragraphs before the first label are the lede; each labelled line opens a
section whose body runs to the next label, paragraphs and ``- `` bullets in order. A
last line «منبع: ...» (``Source: ...``) is the article's source: the name it credits
and the web address it ends in, either or both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.article.dates import parse_dateline
from bot.article.labels import LIST_INTRO, LabelMatch, match_label
from bot.article.model import Article, Block, Section
from bot.article.quotes import find_quotes
from bot.article.sections import OTHER
from bot.article.summary import summarize
from bot.text import TextNormalizer, default_normalizer, detect_lang, topic_hashtags
from bot.text.urls import find_urls

_BULLET = re.compile(r"^(?:[-*–—]\s+|[•▪◦●▫■□➖]\s*)")
_CAPTION = re.compile(r"(?:^|\s)(?:عکس|تصویر|photo(?: credit)?|image)\s*[:：]", re.I)
_SOURCE = re.compile(
    r"^[\W_]*(?:منبع(?:\s*(?:خبر|اصلی))?|منابع|source|sources|read more)\s*[:：]\s*(?P<rest>.+)$",
    re.I,
)
#: What may stand after the source's address: the end of a sentence, a closing mark.
_AFTER_SOURCE = re.compile(r"[\s.!؟?…)»\]]*")
#: The longest name a source line credits, in words: a longer text is a sentence.
MAX_CREDIT_WORDS = 6
#: Marks of a sentence, never inside a source's name.
_SENTENCE_MARKS = re.compile(r"[.!?؟«»\"“”:：]")
#: The dateline and the caption stand within this many lines after the title.
HEADER_WINDOW = 2


@dataclass
class _Draft:
    key: str
    label: str
    body: list[Block] = field(default_factory=list)


def _block(line: str) -> Block:
    bullet = _BULLET.match(line)
    if bullet:
        return Block("bullet", line[bullet.end() :].strip())
    return Block("paragraph", line)


def parse_article(
    text: str, *, normalizer: TextNormalizer | None = None, lang: str | None = None
) -> Article:
    """Parse raw article text (already decoded) into an :class:`Article`.

    >>> parse_article("").title
    ''
    """
    lang = lang or detect_lang(text)
    normalized = (normalizer or default_normalizer()).normalize(text, lang)
    lines = [line for line in normalized.split("\n") if line]
    if not lines:
        return Article(title="", lang=lang, warnings=("the article is empty",))
    title, rest = lines[0], lines[1:]
    published = None
    for index, line in enumerate(rest[:HEADER_WINDOW]):
        published = parse_dateline(line)
        if published is not None:
            rest.pop(index)
            break
    source_url, credit = source_of(rest[-1]) if rest else (None, None)
    if source_url is not None or credit is not None:
        rest.pop()
    caption = None
    for index, line in enumerate(rest[:HEADER_WINDOW]):
        if _CAPTION.search(line) and not match_known_label(line):
            caption = rest.pop(index)
            break

    lede: list[str] = []
    drafts: list[_Draft] = []
    warnings: list[str] = []
    for index, line in enumerate(rest):
        label = match_label(line)
        following = rest[index + 1] if index + 1 < len(rest) else ""
        if label is not None and drafts and introduces_list(line, label, following):
            label = None
        if label is not None and (not _BULLET.match(line) or opens_after_bullet(label)):
            drafts.append(_Draft(label.key, label.label))
            if label.key == OTHER:
                warnings.append(f"unknown label «{label.label}» kept as a section")
            if label.rest:
                drafts[-1].body.append(_block(label.rest))
        elif drafts:
            block = _block(line)
            if block.text:
                drafts[-1].body.append(block)
        else:
            lede.append(line)

    sections = tuple(Section(d.key, d.label, tuple(d.body)) for d in drafts)
    for section in sections:
        if not section.body:
            warnings.append(f"section «{section.label}» is empty")
    lede_text = "\n".join(lede) or None
    quotes = find_quotes(title, caption, lede_text, sections, lang)
    body_text = "\n".join(section.text for section in sections)
    return Article(
        title=title,
        lang=lang,
        caption=caption,
        lede=lede_text,
        sections=sections,
        quotes=quotes,
        hashtags=tuple(topic_hashtags(title, lede_text or "", body_text, lang)),
        summary=tuple(summarize(lede_text or "", lang)) if not sections else (),
        published=published,
        source_url=source_url,
        source_credit=credit,
        warnings=tuple(warnings),
    )


def source_of(line: str) -> tuple[str | None, str | None]:
    """The web address and the credited name of a source line, either may be ``None``;
    ``(None, None)`` when ``line`` is no source line.

    The line names its source (``منبع``, ``منبع خبر``, ``Source``), then may give a name
    (at most :data:`MAX_CREDIT_WORDS` words, no mark of a sentence), and may end in one
    http(s) address (``www.`` is taken as ``http://www.``); a line whose address is
    anything else (``ftp:``, ``javascript:``) or that holds a sentence is no source line.

    >>> source_of("منبع: ایرنا https://www.irna.ir/news/1")
    ('https://www.irna.ir/news/1', 'ایرنا')
    >>> source_of("Source: www.apnews.com."), source_of("منبع: خبرگزاری تسنیم")
    (('http://www.apnews.com', None), (None, 'خبرگزاری تسنیم'))
    >>> source_of("منبع: گزارش تازه مرکز آمار نشان می‌دهد که تورم بالا رفت.")
    (None, None)
    """
    match = _SOURCE.match(line.strip())
    if match is None:
        return None, None
    rest = match.group("rest")
    url = None
    urls = find_urls(rest)
    if urls:
        start, end, url = urls[0]
        if len(urls) != 1 or not _AFTER_SOURCE.fullmatch(rest[end:]):
            return None, None
        rest = rest[:start]
    name = rest.strip(" \t-–—،,؛;")
    if not name or len(name.split()) > MAX_CREDIT_WORDS or _SENTENCE_MARKS.search(name):
        return url, None
    return url, name


#: A bulleted «- label: text» opens a section only when its text is a sentence of at
#: least this many words: «- نتیجه: ۲ بر ۱» is an item of a list.
BULLET_LABEL_MIN_WORDS = 5


def opens_after_bullet(label: LabelMatch) -> bool:
    """Whether a label after a bullet or dash opens a section: a known label, alone on
    its line or followed by a sentence («- پیش‌زمینه: عملیات اجرایی ... آغاز شد»)."""
    return label.known and (not label.rest or len(label.rest.split()) >= BULLET_LABEL_MIN_WORDS)


def introduces_list(line: str, label: LabelMatch, following: str) -> bool:
    """Whether a line that looks like a label is a sentence introducing the list after
    it («مهم‌ترین تغییرات:», "The changes include:"): it has nothing after its colon, no
    emoji or markup before it, is followed by a bullet, its words do not clearly name a
    section, and it reads as a list's lead-in (:data:`LIST_INTRO`).

    >>> introduces_list("سه تغییر اصلی:", match_label("سه تغییر اصلی:"), "- یک")
    True
    >>> introduces_list("صدای کشاورزان:", match_label("صدای کشاورزان:"), "- یک")
    False
    """
    return (
        not label.clear
        and not label.rest
        and line.strip()[:1].isalpha()
        and _BULLET.match(following) is not None
        and LIST_INTRO.search(label.label) is not None
    )


def match_known_label(line: str) -> bool:
    """Whether ``line`` opens with a known (not merely short) section label."""
    label = match_label(line)
    return label is not None and label.key != OTHER
