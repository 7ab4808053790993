"""What the bot answers its editors, as data: /post, /queue, /status, /reload, documents.

Admin handlers gather the facts from the services, call one of these, and send the
:class:`~bot.tg.views.Reply`; everything here is pure and testable without Telegram.
Every screen is in the editor's language (:mod:`bot.messages`): Persian with Jalali
dates and Persian digits, or English with Gregorian dates; items and sections by their
names, never their keys.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from bot.article import Article
from bot.article.sections import OTHER, key_name
from bot.digest.plan import QUOTES, SUMMARY
from bot.digest.sending import Outcome
from bot.messages import CATALOG_KEYS, digits, format_day, format_moment, number, say, say_html
from bot.pipeline.report import STATUSES, FileReport, IngestReport
from bot.render import cut_html, escape, section_name, shorten
from bot.storage.articles import StoredArticle
from bot.storage.postlog import Post
from bot.tg.views import Reply, plain, uncertain_keyboard

#: How many upcoming posts per chat /queue lists (and how many fire times it needs).
QUEUE_ITEMS = 5
#: Characters of an article's title shown in /queue (cut at a whole word, with «…»).
QUEUE_TITLE_CHARS = 60
#: Characters of an article's title shown in a document's answer and /reload.
DOCUMENT_TITLE_CHARS = 300
#: Parser warnings a document's answer lists (then how many more).
DOCUMENT_WARNINGS = 5
#: Post states in the order /status and /queue list them; others follow by name.
STATE_ORDER = ("pending", "sending", "sent", "failed", "uncertain", "skipped")
#: Post states /status lists, each with at most :data:`LAST_ERRORS` posts.
TROUBLE_STATES = ("uncertain", "failed")
LAST_ERRORS = 5
#: The longest document summary sent, in characters as Telegram counts them (after the
#: HTML is parsed); a longer one is cut with «…».
DOCUMENT_SUMMARY_CHARS = 4000
#: The name a document without one is stored under (with its content hash).
DEFAULT_DOCUMENT_NAME = "article.txt"
#: The longest cleaned document name kept, in characters.
DOCUMENT_NAME_CHARS = 80
#: Source keys of uploaded documents start with this.
DOCUMENT_SOURCE = "telegram:"
#: Characters of the content hash in a document's source key.
DOCUMENT_HASH_CHARS = 12
#: How many uncertain posts are offered (and /uncertain lists) one by one, with buttons.
UNCERTAIN_SHOWN = 10
#: Format characters a file name keeps (the Persian zero-width non-joiner and joiner).
_KEPT_FORMAT = frozenset("\u200c\u200d")
#: A caption asking to replace an article: "new version #12", "نسخه جدید #۱۲".
_VERSION = re.compile(
    r"\s*(?:new\s+version|نسخه[\s\u200c]*(?:ی[\s\u200c]*)?جدید)(?![\w])\s*(?:of\s+|از\s+)?(.*)",
    re.IGNORECASE | re.DOTALL,
)


def item_name(item: str, lang: str, article: Article | None = None) -> str:
    """A planned item as the editor calls it: «خلاصه», a section's name, «نقل قول‌ها».

    A repeated section (``latest#2``) is numbered; an unknown label (``other``) is named
    as the article wrote it, when the article is given.

    >>> item_name("summary", "fa"), item_name("whats_next", "en"), item_name("latest#2", "fa")
    ('خلاصه', "What's next", 'آخرین اخبار (۲)')
    """
    if item == SUMMARY:
        return say("item_summary", lang)
    if item == QUOTES:
        return say("item_quotes", lang)
    key, _, nth = item.partition("#")
    index = int(nth) if nth.isascii() and nth.isdecimal() else 1
    if key == OTHER and article is not None:
        others = [section for section in article.sections if section.key == OTHER]
        if 0 < index <= len(others) and others[index - 1].label.strip():
            return others[index - 1].label
    name = key_name(key, lang)
    return f"{name} ({number(index, lang)})" if index > 1 else name


def state_name(state: str, lang: str) -> str:
    """A post state in the editor's words; a state this version does not know stays as is.

    >>> state_name("pending", "fa"), state_name("sent", "en"), state_name("held", "fa")
    ('در صف', 'sent', 'held')
    """
    key = f"state_{state}"
    return say(key, lang) if key in CATALOG_KEYS else state


def _title(title: str | None, lang: str, limit: int = QUEUE_TITLE_CHARS) -> str:
    """An article's title for a list: cut at a whole word with «…»; a gone article said so."""
    if title is None:
        return say("article_removed", lang)
    return shorten(" ".join(title.split()), limit) if title.strip() else "—"


def post_reply(
    outcomes: Sequence[Outcome],
    lang: str,
    about: Mapping[int, tuple[str, Article | None]] | None = None,
) -> Reply:
    """What /post did in each chat, one line each, in the editor's language.

    ``about`` maps post ids to (item, article), for naming what was posted.
    """
    if not outcomes:
        return plain(say("nothing_to_post", lang))
    lines = []
    for outcome in outcomes:
        item, article = (about or {}).get(outcome.post_id, ("", None))
        key = _OUTCOME_KEYS.get(outcome.state, "post_other")
        lines.append(say(
            key, lang, chat=outcome.chat, item=item_name(item, lang, article) if item else "",
            title=_title(article.title if article else None, lang),
            detail=_detail(outcome.detail, lang),
            state=state_name(outcome.state, lang),
        ).rstrip())  # fmt: skip
    return plain("\n".join(lines))


def _detail(detail: str, lang: str) -> str:
    """An outcome's detail: the bot's own in the editor's words, Telegram's as it said it."""
    key = "detail_" + detail.replace(" ", "_")
    if key in CATALOG_KEYS:
        return say(key, lang)
    return detail or say("reason_unknown", lang)


_OUTCOME_KEYS = {
    "sent": "post_sent",
    "failed": "post_failed",
    "pending": "post_later",
    "uncertain": "post_uncertain",
    "skipped": "post_skipped",
    "chat-failing": "post_chat_failing",
}


@dataclass(frozen=True, slots=True)
class ChatQueue:
    """One chat's queue: its key, how many posts wait, and the first of them in order.

    ``upcoming`` holds (item, article), the article ``None`` when it is gone.
    """

    chat: str
    waiting: int
    upcoming: Sequence[tuple[str, Article | None]]


def queue_reply(
    paused: bool,
    queues: Sequence[ChatQueue],
    times: Sequence[datetime],
    zone: tzinfo,
    lang: str = "fa",
    *,
    approval: Sequence[str] = (),
) -> Reply:
    """/queue: whether posting runs, then per chat how many posts wait and the next ones.

    ``times`` are the next digest ticks: the n-th post goes out at the n-th tick, and is
    shown with that time in ``zone`` (Jalali with Persian digits for ``fa``). While
    paused no time is shown, as none is due; the first line says how to resume. When
    more posts wait than are listed, a last line says how many more.
    ``approval``: one line (Telegram HTML) per article waiting for approval, at the end.
    """
    lines = [say("queue_title", lang), say("queue_paused" if paused else "queue_running", lang)]
    for queue in queues:
        lines.append("")
        waiting = max(queue.waiting, len(queue.upcoming))
        lines.append(say("queue_chat", lang, chat=queue.chat, count=number(waiting, lang)))
        if not waiting:
            lines.append(say("queue_empty", lang))
        for index, (item, article) in enumerate(queue.upcoming[:QUEUE_ITEMS]):
            values = {
                "n": number(index + 1, lang),
                "item": item_name(item, lang, article),
                "title": _title(article.title if article else None, lang),
            }
            if not paused and index < len(times):
                when = format_moment(times[index].astimezone(zone), lang)
                lines.append(say("queue_item_due", lang, when=when, **values))
            else:
                lines.append(say("queue_item", lang, **values))
        listed = min(len(queue.upcoming), QUEUE_ITEMS)
        if waiting > listed:
            lines.append(say("queue_more", lang, count=number(waiting - listed, lang)))
    return plain(_with_approval("\n".join(lines), approval))


def _with_approval(text: str, approval: Sequence[str]) -> str:
    """``text`` and, after a blank line, the lines about articles waiting for approval."""
    return "\n".join([text, "", *approval]) if approval else text


def counts_text(counts: Mapping[str, int], lang: str) -> str:
    """Posts by state, the usual order first: «۱۰ در صف، ۴ فرستاده»; «هیچ» for none.

    >>> counts_text({"sent": 4, "pending": 10}, "en"), counts_text({}, "fa")
    ('10 waiting, 4 sent', 'هیچ')
    """
    order = {state: n for n, state in enumerate(STATE_ORDER)}
    shown = sorted((state for state, n in counts.items() if n),
                   key=lambda state: (order.get(state, len(order)), state))  # fmt: skip
    if not shown:
        return say("status_none", lang)
    separator = "، " if lang == "fa" else ", "
    return separator.join(
        f"{number(counts[state], lang)} {state_name(state, lang)}" for state in shown
    )


def status_reply(
    *,
    articles: int,
    paused: bool,
    post_counts: Mapping[str, int],
    subscribers: int,
    failing_chats: Mapping[str, str],
    troubled: Sequence[Post],
    subscriber_counts: Mapping[str, int] | None = None,
    lang: str = "fa",
    approval: Sequence[str] = (),
) -> Reply:
    """/status: articles, posting, channel posts by state (as /queue counts them), the
    subscribers' deliveries, subscribers, failing chats and the troubled posts;
    ``approval``: one line (Telegram HTML) per article waiting for approval, at the end."""
    lines = [
        say("status_title", lang),
        say("status_articles", lang, count=number(articles, lang)),
        say("status_paused" if paused else "status_running", lang),
        say("status_channel_posts", lang, counts=counts_text(post_counts, lang)),
    ]
    if post_counts.get("pending"):
        lines.append(say("status_queue_hint", lang))
    if subscriber_counts:
        lines.append(say("status_subscriber_posts", lang,
                         counts=counts_text(subscriber_counts, lang)))  # fmt: skip
    lines.append(say("status_subscribers", lang, count=number(subscribers, lang)))
    for chat, reason in failing_chats.items():
        lines.append(say("chat_is_failing", lang, chat=chat, reason=reason))
    for post in troubled:
        lines.append(say(
            "status_troubled", lang, post=digits(post.id, lang), state=state_name(post.state, lang),
            chat=post.chat, item=item_name(post.item, lang),
            reason=post.reason or say("reason_unknown", lang),
        ))  # fmt: skip
    if post_counts.get("uncertain") or (subscriber_counts or {}).get("uncertain"):
        lines.append(say("status_uncertain_hint", lang))
    return plain(_with_approval("\n".join(lines), approval))


def size_text(size: int, lang: str) -> str:
    """A size for the editor: bytes when small, else kilobytes (of 1,000 bytes).

    >>> size_text(100, "en"), size_text(1_000_000, "fa")
    ('100 bytes', '۱٬۰۰۰ کیلوبایت')
    """
    if size < 10_000:
        return say("bytes", lang, count=number(size, lang))
    return say("kilobytes", lang, count=number(size // 1000, lang))


#: Why the pipeline refuses a file (its English reason, after "path: "), in the catalogue.
_REFUSALS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"looks like a binary file", "refused_binary"),
        (r"is neither UTF-8|is not UTF-8 text|is not valid \S+ text", "refused_encoding"),
        (r"over the ([\d,]+)-byte limit", "refused_too_big"),
        (r"is empty$", "refused_empty"),
        (r"has no title line", "refused_no_title"),
        (r"could not be parsed", "refused_unparsed"),
        (r"was not stored", "refused_not_stored"),
        (r"no such file|is a folder|cannot be read", "refused_unreadable"),
    )
)


def refusal_reason(reason: str, lang: str) -> str:
    """Why a file was refused, in the editor's language (never the pipeline's English).

    ``reason`` is a file report's reason, ``path: why``; an unknown one is said as the
    processing having stopped (the details are in the log).

    >>> refusal_reason("/x/a.txt: is empty", "fa"), refusal_reason("a: is 9 bytes, over "
    ...     "the 5-byte limit", "en")
    ('خالی است.', 'it is over the size limit (5 bytes).')
    """
    for pattern, key in _REFUSALS:
        match = pattern.search(reason)
        if match is None:
            continue
        if key == "refused_too_big":
            limit = int(match.group(1).replace(",", ""))
            return say(key, lang, limit=size_text(limit, lang))
        return say(key, lang)
    return say("refused_worker", lang)


def _file_line(file: FileReport, lang: str) -> str:
    name = Path(file.path).name or file.path
    if file.failed:
        reason = refusal_reason(file.reason or "", lang)
        return say_html("reload_file_failed", lang, file=escape(name), reason=reason)
    return say(
        f"reload_file_{file.status}", lang, id=digits(file.article_id, lang), file=name,
        title=_title(file.title, lang, DOCUMENT_TITLE_CHARS),
        sections=number(file.sections or 0, lang),
    )  # fmt: skip


def reload_reply(report: IngestReport, lang: str = "fa") -> Reply:
    """/reload: what the re-scan of the content folder did, file by file, or that nothing
    changed; in the editor's language."""
    lines = []
    for file in (*report.stored, *report.failed):
        lines.append(_file_line(file, lang))
        if file.photo_error:  # the article is stored all the same, without that image
            lines.append(say("reload_photo_refused", lang, reason=file.photo_error))
    if report.files:
        counts = {status: sum(f.status == status for f in report.files) for status in STATUSES}
        lines.append(say(
            "reload_total", lang, files=number(len(report.files), lang),
            **{status: number(count, lang) for status, count in counts.items()},
        ))  # fmt: skip
    if report.error:
        missing = re.fullmatch(r"content folder (.*) does not exist", report.error)
        if missing:
            lines.append(say("content_missing", lang, folder=missing.group(1)))
        elif report.error.startswith("the database "):
            lines.append(say("reload_database_gone", lang))
        else:
            lines.append(say("reload_worker", lang))
    return plain("\n".join(lines) or say("reload_none", lang))


def has_control(name: str) -> bool:
    """Whether a file name holds a control character (NUL, line break, ...) or a lone surrogate.

    >>> has_control("a\\nb.txt"), has_control("خبر.txt")
    (True, False)
    """
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in name)


def clean_document_name(name: str | None) -> str:
    """The name an uploaded document is known by: its last path part, tidied.

    Direction and other invisible format characters are dropped (the Persian
    zero-width non-joiner is kept), runs of spaces become one, and a long name is cut
    to :data:`DOCUMENT_NAME_CHARS` keeping its suffix. A missing or empty name gives
    :data:`DEFAULT_DOCUMENT_NAME`. Raises ValueError for a control character.

    >>> clean_document_name("../../etc/passwd.txt")
    'passwd.txt'
    """
    if name is None:
        return DEFAULT_DOCUMENT_NAME
    if has_control(name):
        raise ValueError("the file name contains a control character")
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(
        char for char in base if unicodedata.category(char) != "Cf" or char in _KEPT_FORMAT
    )
    base = " ".join(base.split())
    if base.strip(".") == "":
        return DEFAULT_DOCUMENT_NAME
    if len(base) > DOCUMENT_NAME_CHARS:
        stem, dot, suffix = base.rpartition(".")
        kept = f"{dot}{suffix}" if dot and stem and len(suffix) < 10 else ""
        base = base[: DOCUMENT_NAME_CHARS - len(kept)].rstrip() + kept
    return base


def document_source(data: bytes, name: str) -> str:
    """The source key of an uploaded document: its content hash and its cleaned name.

    Two different files never share a key, whatever their names; the same file sent
    twice has the same key (and is found unchanged).

    >>> document_source(b"x", "a.txt")
    'telegram:11f6ad8ec52a-a.txt'
    """
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()[:DOCUMENT_HASH_CHARS]
    return f"{DOCUMENT_SOURCE}{digest}-{name}"


def version_request(caption: str | None) -> int | None:
    """The article a document's caption says it is a new version of, else ``None``.

    A caption that starts with "new version" (or «نسخه جدید») must go on with the
    article's number, ``#12`` or ``12`` (Persian digits too); otherwise ValueError.
    Any other caption is not a request.

    >>> version_request("new version #12"), version_request("نسخه جدید #۷"), version_request("hi")
    (12, 7, None)
    """
    if not caption:
        return None
    match = _VERSION.fullmatch(caption)
    if match is None:
        return None
    number = re.fullmatch(r"#?\s*(\d{1,9})\s*", match.group(1))
    if number is None:
        raise ValueError("a new version needs the article's number, e.g. new version #12")
    return int(number.group(1))


def document_check(name: str, size: int | None, limit: int, lang: str) -> Reply | None:
    """The refusal of a document with a control character in its name, not a .txt file
    or too big, else ``None``. The refusal of a bad name does not repeat the name."""
    if has_control(name):
        return plain(say("document_bad_name", lang))
    if not name.lower().endswith(".txt"):
        return plain(say("document_not_text", lang))
    if (size or 0) > limit:
        reason = say("refused_too_big", lang, limit=size_text(limit, lang))
        return plain(say_html("refused_named", lang, name=escape(name), reason=reason))
    return None


def warning_lines(warnings: Sequence[str], lang: str) -> list[str]:
    """The parser's warnings about an article, in the editor's language (a few at most)."""
    lines = []
    for warning in warnings[:DOCUMENT_WARNINGS]:
        label = re.fullmatch(r"unknown label «(.*)» kept as a section", warning)
        empty = re.fullmatch(r"section «(.*)» is empty", warning)
        if label:
            lines.append(say("warning_unknown_label", lang, label=label.group(1)))
        elif empty:
            lines.append(say("warning_empty_section", lang, label=empty.group(1)))
        else:
            lines.append(say("warning_other", lang))
    if len(warnings) > DOCUMENT_WARNINGS:
        more = number(len(warnings) - DOCUMENT_WARNINGS, lang)
        lines.append(say("warning_more", lang, count=more))
    return list(dict.fromkeys(lines))


def document_reply(
    name: str,
    path: Path,
    report: IngestReport,
    stored: StoredArticle | None,
    lang: str,
    zone: tzinfo = UTC,
) -> Reply:
    """The answer to an ingested document: what was stored and how it reads, or why it was
    refused, in the editor's language.

    Stored: the article's number, title, date (in ``zone``), photo credit, its sections by
    name, how many quotes, and what the parser noticed. ``path`` is where the document
    was saved for the worker; a refusal names the file by ``name``, as the editor sent it.
    """
    first = report.files[0] if report.files else None
    if stored is None or first is None or first.failed:
        if report.failed:
            reason = refusal_reason(report.failed[0].reason or "", lang)
        elif report.error:
            reason = say("refused_worker", lang)
        else:
            reason = say("refused_not_stored", lang)
        return plain(say_html("refused_named", lang, name=escape(name), reason=reason))
    article = stored.article
    lines = [
        say(f"document_{first.status}", lang, id=digits(stored.id, lang)),
        say("document_title", lang, title=_title(article.title, lang, DOCUMENT_TITLE_CHARS)),
        say("document_date", lang, date=format_day(stored.date_in(zone), lang)),
    ]
    if article.caption:
        lines.append(say("document_photo_credit", lang, caption=article.caption))
    names = [section_name(section, lang) for section in article.sections if section.body]
    if names:
        separator = "، " if lang == "fa" else ", "
        lines.append(say("document_sections", lang, count=number(len(names), lang),
                         names=separator.join(names)))  # fmt: skip
    else:
        lines.append(say("document_no_sections", lang))
    if article.quotations:
        lines.append(say("document_quotes", lang, count=number(len(article.quotations), lang)))
    lines.extend(warning_lines(article.warnings, lang))
    if first.status != "unchanged":
        lines.append(say("document_next", lang))
    return plain(cut_html("\n".join(lines), DOCUMENT_SUMMARY_CHARS))


def uncertain_reply(post: Post, title: str, lang: str = "fa") -> Reply:
    """One uncertain post, with the "post again" and "it arrived" buttons under it."""
    text = say(
        "uncertain_post", lang, post=digits(post.id, lang), item=item_name(post.item, lang),
        title=title,
        chat=post.chat, reason=post.reason or say("reason_unknown", lang),
    )  # fmt: skip
    return Reply((text,), uncertain_keyboard(post.id, lang))


def uncertain_replies(
    posts: Sequence[Post], titles: Mapping[int, str], total: int, lang: str = "fa"
) -> list[Reply]:
    """/uncertain: each post with its buttons (the first :data:`UNCERTAIN_SHOWN`), then how
    many more there are; or that none is uncertain. ``titles`` maps article ids to titles."""
    if not posts:
        return [plain(say("no_uncertain", lang))]
    shown = posts[:UNCERTAIN_SHOWN]
    replies = [
        uncertain_reply(
            post, titles.get(post.article_id, f"#{digits(post.article_id, lang)}"), lang
        )
        for post in shown
    ]
    if total > len(shown):
        more = number(total - len(shown), lang)
        replies.append(plain(say("uncertain_more", lang, count=more)))
    return replies
