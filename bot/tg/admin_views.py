"""What the bot answers its editors, as data: /post, /queue, /status, /reload, documents.

Admin handlers gather the facts from the services, call one of these, and send the
:class:`~bot.tg.views.Reply`; everything here is pure and testable without Telegram.
The texts are escaped plain lines, as the editors read them in a terminal.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from bot.article.outline import outline
from bot.digest.sending import Outcome
from bot.messages import say
from bot.pipeline.report import IngestReport, summary_line
from bot.render import cut_html
from bot.storage.articles import StoredArticle
from bot.storage.postlog import Post
from bot.tg.views import Reply, plain, uncertain_keyboard

#: How many upcoming posts per chat /queue lists (and how many fire times it needs).
QUEUE_ITEMS = 5
#: Characters of an article's title shown in /queue.
QUEUE_TITLE_CHARS = 50
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


def _pre(lines: Sequence[str]) -> str:
    return "\n".join(html.escape(line, quote=False) for line in lines)


def post_reply(outcomes: Sequence[Outcome], lang: str) -> Reply:
    """What /post did in each chat, one line each."""
    if not outcomes:
        return plain(say("nothing_to_post", lang))
    return plain(_pre([f"{o.chat}: {o.state} {o.detail}".rstrip() for o in outcomes]))


def queue_reply(
    paused: bool,
    queues: Sequence[tuple[str, Sequence[tuple[str, str | None]]]],
    times: Sequence[datetime],
    zone: tzinfo,
    *,
    approval: Sequence[str] = (),
) -> Reply:
    """/queue: whether posting runs, then per chat its next items with the time each is due.

    ``queues`` holds, for each chat key, its pending posts in order as (item, title of
    the article, or ``None`` when it is gone); ``times`` are the next digest ticks, and
    the n-th post goes out at the n-th tick (posts beyond the last tick are not listed).
    ``approval``: one line (Telegram HTML) per article waiting for approval, at the end.
    """
    lines = ["paused" if paused else "running"]
    for key, pending in queues:
        lines.append("")
        lines.append(key)
        if not pending:
            lines.append("  (nothing pending)")
        for (item, title), when in zip(pending, times, strict=False):
            shown = title[:QUEUE_TITLE_CHARS] if title is not None else "?"
            lines.append(f"  {when.astimezone(zone):%Y-%m-%d %H:%M:%S}  {item}  {shown}")
    return plain(_with_approval(_pre(lines), approval))


def _with_approval(text: str, approval: Sequence[str]) -> str:
    """``text`` and, after a blank line, the lines about articles waiting for approval."""
    return "\n".join([text, "", *approval]) if approval else text


def status_reply(
    *,
    articles: int,
    paused: bool,
    post_counts: Mapping[str, int],
    subscribers: int,
    failing_chats: Mapping[str, str],
    troubled: Sequence[Post],
    approval: Sequence[str] = (),
) -> Reply:
    """/status: articles, posting, posts by state, subscribers, failing chats, troubled posts.

    ``approval``: one line (Telegram HTML) per article waiting for approval, at the end.
    """
    lines = [
        f"articles: {articles}",
        f"posting: {'paused' if paused else 'running'}",
        "posts: " + (", ".join(f"{k} {v}" for k, v in sorted(post_counts.items())) or "none"),
        f"subscribers: {subscribers}",
    ]
    for chat, reason in failing_chats.items():
        lines.append(f"failing chat {chat}: {reason}")
    for post in troubled:
        lines.append(f"{post.state} #{post.id} {post.chat} {post.item}: {post.reason or ''}")
    if post_counts.get("uncertain"):
        lines.append("resolve the uncertain posts with /uncertain")
    return plain(_with_approval(_pre(lines), approval))


def ingest_lines(report: IngestReport) -> list[str]:
    """A run's lines as ``newsbot ingest`` prints them: stored files, the count, the errors."""
    lines = [file.line() for file in report.stored]
    if report.files:
        lines.append(summary_line(report.files))
    lines.extend(file.line() for file in report.failed)
    if report.error:
        lines.append(report.error)
    return lines


def reload_reply(report: IngestReport) -> Reply:
    """/reload: what the re-scan of the content folder did, or that nothing changed."""
    return plain(_pre(ingest_lines(report) or ["no change"]))


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
        reason = f"{name}: over the {limit:,}-byte limit"
        return plain(say("document_refused", lang, reason=reason))
    return None


def document_reply(
    name: str, path: Path, report: IngestReport, stored: StoredArticle | None, lang: str
) -> Reply:
    """The answer to an ingested document: its status and outline, or why it was refused.

    ``path`` is where the document was saved for the worker; reasons name the file by
    ``name``, as the editor sent it.
    """
    first = report.files[0] if report.files else None
    if stored is None or first is None or first.failed:
        problems = [file.line() for file in report.failed]
        if report.error:
            problems.append(report.error)
        reason = "; ".join(problem.replace(str(path), name) for problem in problems)
        return plain(say("document_refused", lang, reason=reason or f"{name}: was not stored"))
    summary = f"{first.status}: #{stored.id}\n{outline(stored.article)}"
    return plain(cut_html(_pre(summary.split("\n")), DOCUMENT_SUMMARY_CHARS))


def uncertain_reply(post: Post, title: str, lang: str = "fa") -> Reply:
    """One uncertain post, with the "post again" and "it arrived" buttons under it."""
    text = say(
        "uncertain_post", lang, post=post.id, item=post.item, title=title, chat=post.chat,
        reason=post.reason or "unknown",
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
        uncertain_reply(post, titles.get(post.article_id, f"#{post.article_id}"), lang)
        for post in shown
    ]
    if total > len(shown):
        replies.append(plain(say("uncertain_more", lang, count=total - len(shown))))
    return replies
