"""What the bot answers its editors, as data: /post, /queue, /status, /reload, documents.

Admin handlers gather the facts from the services, call one of these, and send the
:class:`~bot.tg.views.Reply`; everything here is pure and testable without Telegram.
The texts are escaped plain lines, as the editors read them in a terminal.
"""

from __future__ import annotations

import html
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
from bot.tg.views import Reply, plain

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
) -> Reply:
    """/queue: whether posting runs, then per chat its next items with the time each is due.

    ``queues`` holds, for each chat key, its pending posts in order as (item, title of
    the article, or ``None`` when it is gone); ``times`` are the next digest ticks, and
    the n-th post goes out at the n-th tick (posts beyond the last tick are not listed).
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
    return plain(_pre(lines))


def status_reply(
    *,
    articles: int,
    paused: bool,
    post_counts: Mapping[str, int],
    subscribers: int,
    failing_chats: Mapping[str, str],
    troubled: Sequence[Post],
) -> Reply:
    """/status: articles, posting, posts by state, subscribers, failing chats, troubled posts."""
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
    return plain(_pre(lines))


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


def document_check(name: str, size: int | None, limit: int, lang: str) -> Reply | None:
    """The refusal of a document that is not a .txt file or is too big, else ``None``."""
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
