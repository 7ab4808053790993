"""Admin views: /post, /queue, /status, /reload and documents, as data, without Telegram."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from bot.article.outline import outline
from bot.cli import main
from bot.digest.sending import Outcome
from bot.pipeline.ingest import ingest_paths
from bot.pipeline.report import FileReport, IngestReport
from bot.storage.articles import Store, StoredArticle
from bot.storage.postlog import Post, PostLog
from bot.tg.admin_views import (
    DOCUMENT_SUMMARY_CHARS,
    UNCERTAIN_SHOWN,
    clean_document_name,
    document_check,
    document_reply,
    document_source,
    has_control,
    ingest_lines,
    post_reply,
    queue_reply,
    reload_reply,
    status_reply,
    uncertain_replies,
    version_request,
)
from bot.tg.views import Reply

from .conftest import SAMPLE
from .test_views import HOSTILE_TITLE, LONG_TITLE, made, shown

ZONE = ZoneInfo("Asia/Tehran")
EIGHT = datetime(2026, 1, 1, 4, 30, tzinfo=UTC)  # 08:00 in Tehran
TIMES = [EIGHT + timedelta(hours=4 * n) for n in range(5)]


def text_of(reply: Reply) -> str:
    """The one message of ``reply``, with no keyboard, as Telegram shows it."""
    assert reply.keyboard is None and reply.article_id is None
    [message] = reply.messages
    return shown(message)


@pytest.fixture(scope="module")
def sample(normalizer) -> Iterator[StoredArticle]:
    store = Store.open(None)
    [result] = ingest_paths(store, [SAMPLE], normalizer=normalizer)
    stored = store.get(result.article_id or 0)
    store.close()
    assert stored is not None
    yield stored


@pytest.mark.parametrize(
    ("outcomes", "lang", "expected"),
    [
        ([], "fa", "در هیچ کانالی موردی برای ارسال نمانده است."),
        ([], "en", "Nothing is waiting to be posted in any chat."),
        ([Outcome("@a", 1, "sent")], "fa", "@a: sent"),
        (
            [Outcome("@a", 1, "sent"), Outcome("@b", 2, "failed", "Forbidden: <kicked> & gone")],
            "en",
            "@a: sent\n@b: failed Forbidden: <kicked> & gone",
        ),
        ([Outcome("-100:7", 3, "pending", "flood control")], "fa", "-100:7: pending flood control"),
    ],
)
def test_post_reply(outcomes: list[Outcome], lang: str, expected: str) -> None:
    assert text_of(post_reply(outcomes, lang)) == expected


@pytest.mark.parametrize(
    ("paused", "queues", "times", "expected"),
    [
        (False, [], TIMES, "running"),
        (True, [], [], "paused"),
        (False, [("@a", [])], TIMES, "running\n\n@a\n  (nothing pending)"),
        (
            False,
            [("@a", [("summary", "خبر"), ("latest", None)]), ("-100:3", [])],
            TIMES,
            "running\n\n@a\n  2026-01-01 08:00:00  summary  خبر\n"
            "  2026-01-01 12:00:00  latest  ?\n\n-100:3\n  (nothing pending)",
        ),
        # More posts than ticks: only those with a time are listed.
        (True, [("@a", [("summary", "a"), ("latest", "b")])], TIMES[:1],
         "paused\n\n@a\n  2026-01-01 08:00:00  summary  a"),
        (False, [("@a", [("summary", "a")])], [], "running\n\n@a"),
        (False, [("@a", [("summary", HOSTILE_TITLE)])], TIMES,
         f"running\n\n@a\n  2026-01-01 08:00:00  summary  {HOSTILE_TITLE}"),
        (False, [("@a", [("summary", LONG_TITLE)])], TIMES,
         f"running\n\n@a\n  2026-01-01 08:00:00  summary  {LONG_TITLE[:50]}"),
        (False, [("@a", [("summary", "")])], TIMES,
         "running\n\n@a\n  2026-01-01 08:00:00  summary"),
    ],
)  # fmt: skip
def test_queue_reply(
    paused: bool,
    queues: list[tuple[str, list[tuple[str, str | None]]]],
    times: list[datetime],
    expected: str,
) -> None:
    assert text_of(queue_reply(paused, queues, times, ZONE)) == expected


def test_queue_reply_keeps_trailing_spaces_of_an_empty_title() -> None:
    [message] = queue_reply(False, [("@a", [("summary", "")])], TIMES, ZONE).messages
    assert message.endswith("summary  ")


def post(post_id: int, state: str, reason: str | None, chat: str = "@a") -> Post:
    return Post(post_id, chat, 1, "latest", 1, "channel", state, 0, (), 1, reason)


BAD_NAME = (
    "This file was refused: its name contains a control character (such as NUL or a line "
    "break); rename it and send it again."
)
EMPTY_STATUS = "articles: 0\nposting: running\nposts: none\nsubscribers: 0"


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({}, EMPTY_STATUS),
        ({"paused": True, "articles": 3},
         "articles: 3\nposting: paused\nposts: none\nsubscribers: 0"),
        ({"post_counts": {"sent": 4, "pending": 2, "failed": 1}, "subscribers": 12},
         "articles: 0\nposting: running\nposts: failed 1, pending 2, sent 4\nsubscribers: 12"),
        ({"failing_chats": {"@b": "Forbidden: bot was kicked", "@c": "<chat> & not found"}},
         EMPTY_STATUS + "\nfailing chat @b: Forbidden: bot was kicked"
         "\nfailing chat @c: <chat> & not found"),
        ({"troubled": [post(7, "uncertain", "timed out"), post(9, "failed", None, "@b")]},
         EMPTY_STATUS + "\nuncertain #7 @a latest: timed out\nfailed #9 @b latest:"),
        ({"post_counts": {"uncertain": 1}, "troubled": [post(7, "uncertain", "TimedOut")]},
         "articles: 0\nposting: running\nposts: uncertain 1\nsubscribers: 0"
         "\nuncertain #7 @a latest: TimedOut\nresolve the uncertain posts with /uncertain"),
    ],
)  # fmt: skip
def test_status_reply(facts: dict[str, Any], expected: str) -> None:
    arguments: dict[str, Any] = {
        "articles": 0, "paused": False, "post_counts": {}, "subscribers": 0,
        "failing_chats": {}, "troubled": [],
    }  # fmt: skip
    assert text_of(status_reply(**{**arguments, **facts})) == expected


def test_status_from_a_real_post_log(normalizer) -> None:
    store = Store.open(None)
    try:
        [result] = ingest_paths(store, [SAMPLE], normalizer=normalizer)
        posts = PostLog(store.db)
        posts.plan("@a", result.article_id or 0, ["summary", "latest"])
        posts.subscribe(5001, "fa")
        reply = status_reply(
            articles=store.count(),
            paused=False,
            post_counts=posts.counts(),
            subscribers=len(posts.subscribers()),
            failing_chats=posts.failing_chats(),
            troubled=posts.with_state("failed", 5),
        )
    finally:
        store.close()
    assert text_of(reply).startswith("articles: 1\nposting: running\nposts: pending ")
    assert text_of(reply).endswith("\nsubscribers: 1")


NEW = FileReport("/c/a.txt", "new", 1, "<b>خبر</b> & یک", 6)
BAD = FileReport("/c/bad.txt", "failed", reason="/c/bad.txt: looks like a binary file, not text")
SAME = FileReport("/c/b.txt", "unchanged", 2, "B", 1)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (IngestReport(), "no change"),
        (IngestReport(error="content folder /c does not exist"),
         "content folder /c does not exist"),
        (IngestReport((NEW, BAD, SAME)),
         "new       #1 <b>خبر</b> & یک (6 sections) ← /c/a.txt\n"
         "unchanged #2 B (1 section) ← /c/b.txt\n"
         "3 files: 1 new, 0 updated, 1 unchanged, 1 failed\n"
         "/c/bad.txt: looks like a binary file, not text"),
        (IngestReport((BAD,), "the ingest worker was killed by signal SIGKILL"),
         "1 file: 0 new, 0 updated, 0 unchanged, 1 failed\n"
         "/c/bad.txt: looks like a binary file, not text\n"
         "the ingest worker was killed by signal SIGKILL"),
    ],
)  # fmt: skip
def test_reload_reply(report: IngestReport, expected: str) -> None:
    assert text_of(reload_reply(report)) == expected


def test_reload_lines_are_what_newsbot_ingest_prints(tmp_path: Path) -> None:
    """The lines /reload shows from JSON are the human lines, as the bot showed them before."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(SAMPLE.read_bytes())
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01")
    (folder / "d-short.txt").write_text("خبر <کوتاه> & تند\nچرا مهم است: چون.", encoding="utf-8")
    runner = CliRunner()
    human = runner.invoke(main, ["ingest", str(folder), "--database", str(tmp_path / "1.db")])
    machine = runner.invoke(
        main, ["ingest", str(folder), "--database", str(tmp_path / "2.db"), "--jsonl"]
    )
    assert human.exit_code == machine.exit_code == 1
    before = [
        line.removeprefix("newsbot: ")
        for line in human.stdout.splitlines() + human.stderr.splitlines()
        if line.strip()
    ]
    report = IngestReport(tuple(FileReport.from_json(json.loads(line))
                                for line in machine.stdout.splitlines()))  # fmt: skip
    assert ingest_lines(report) == before
    assert len(before) == 5


@pytest.mark.parametrize(
    ("name", "size", "limit", "lang", "expected"),
    [
        ("story.txt", 10, 100, "fa", None),
        ("STORY.TXT", 100, 100, "fa", None),
        ("story.txt", None, 100, "fa", None),
        ("story.txt", 0, 100, "fa", None),
        ("story.pdf", 10, 100, "fa", "فقط فایل متنی ‎.txt‎ پذیرفته می‌شود."),
        ("story.pdf", 10**9, 100, "en", "Only .txt text files are accepted."),
        ("", 10, 100, "en", "Only .txt text files are accepted."),
        ("txt", 10, 100, "en", "Only .txt text files are accepted."),
        ("story.txt", 101, 100, "en", "This file was refused: story.txt: over the 100-byte limit"),
        ("x.txt", 1_000_001, 1_000_000, "fa",
         "این فایل پذیرفته نشد: x.txt: over the 1,000,000-byte limit"),
        ("<b>&.txt", 2, 1, "en", "This file was refused: <b>&.txt: over the 1-byte limit"),
        ("a\x00.txt", 2, 100, "en", BAD_NAME),
        ("a\n.txt", 2, 100, "en", BAD_NAME),
        ("a.txt\r", 2, 100, "en", BAD_NAME),
        ("\x7f.txt", 2, 100, "en", BAD_NAME),
        ("\x85.txt", 2, 100, "en", BAD_NAME),
        ("\ud800.txt", 2, 100, "en", BAD_NAME),
        ("\x00.pdf", 10**9, 100, "en", BAD_NAME),
    ],
)  # fmt: skip
def test_document_check(
    name: str, size: int | None, limit: int, lang: str, expected: str | None
) -> None:
    reply = document_check(name, size, limit, lang)
    if expected is None:
        assert reply is None
    else:
        assert reply is not None and text_of(reply) == expected


SAVED = Path("/data/incoming/AgAD.txt")


def test_document_reply_outlines_the_stored_article(sample: StoredArticle) -> None:
    report = IngestReport((FileReport(str(SAVED), "new", sample.id, sample.article.title, 6),))
    reply = document_reply("story.txt", SAVED, report, sample, "fa")
    [message] = reply.messages
    assert message == html.escape(f"new: #{sample.id}\n{outline(sample.article)}", quote=False)
    text = text_of(reply)
    assert text.startswith(f"new: #{sample.id}\ntitle:   {sample.article.title}\n")
    assert "why_it_matters" in text and "whats_next" in text


@pytest.mark.parametrize("status", ["updated", "unchanged"])
def test_document_reply_names_the_status(sample: StoredArticle, status: str) -> None:
    report = IngestReport((FileReport(str(SAVED), status, sample.id, "t", 6),))
    assert text_of(document_reply("s.txt", SAVED, report, sample, "en")).startswith(
        f"{status}: #{sample.id}\n"
    )


@pytest.mark.parametrize("title", [HOSTILE_TITLE, LONG_TITLE, "&" * 5000, "<" * 5000])
def test_document_reply_with_a_hostile_title_fits(title: str) -> None:
    stored = made(title)
    report = IngestReport((FileReport(str(SAVED), "new", stored.id, title, 2),))
    [message] = document_reply("s.txt", SAVED, report, stored, "fa").messages
    text = shown(message)
    assert text.startswith(f"new: #{stored.id}\ntitle:   {title[:30]}")
    assert len(text) <= DOCUMENT_SUMMARY_CHARS
    if len(title) > DOCUMENT_SUMMARY_CHARS:
        # Cut with «…» between whole characters, never inside "&amp;" or "&lt;".
        whole = f"new: #{stored.id}\n{outline(stored.article)}"
        assert text.endswith("…") and len(text) == DOCUMENT_SUMMARY_CHARS
        assert whole.startswith(text[:-1])


FAILED = FileReport(str(SAVED), "failed", reason=f"{SAVED}: looks like a binary file, not text")


@pytest.mark.parametrize(
    ("report", "stored", "lang", "expected"),
    [
        (IngestReport((FAILED,)), False, "fa",
         "این فایل پذیرفته نشد: story.txt: looks like a binary file, not text"),
        (IngestReport((FAILED,)), True, "en",
         "This file was refused: story.txt: looks like a binary file, not text"),
        (IngestReport(error=f"the ingest worker was killed by signal SIGKILL ({SAVED})"), False,
         "en", "This file was refused: the ingest worker was killed by signal SIGKILL (story.txt)"),
        (IngestReport((FAILED,), "the ingest worker exited with status 3"), False, "en",
         "This file was refused: story.txt: looks like a binary file, not text; "
         "the ingest worker exited with status 3"),
        (IngestReport(), False, "en", "This file was refused: story.txt: was not stored"),
        (IngestReport((FileReport(str(SAVED), "new", 1, "t", 1),)), False, "en",
         "This file was refused: story.txt: was not stored"),
    ],
)  # fmt: skip
def test_document_reply_refused(
    sample: StoredArticle, report: IngestReport, stored: bool, lang: str, expected: str
) -> None:
    reply = document_reply("story.txt", SAVED, report, sample if stored else None, lang)
    assert text_of(reply) == expected


def test_document_reply_escapes_a_hostile_name() -> None:
    reply = document_reply("<b>&.txt", SAVED, IngestReport((FAILED,)), None, "en")
    assert text_of(reply) == "This file was refused: <b>&.txt: looks like a binary file, not text"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (None, "article.txt"),
        ("", "article.txt"),
        ("   ", "article.txt"),
        ("..", "article.txt"),
        ("story.txt", "story.txt"),
        ("خبر تازه.txt", "خبر تازه.txt"),
        ("می\u200cرود.txt", "می\u200cرود.txt"),
        ("  a   b\u3000c.txt ", "a b c.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\x\\story.txt", "story.txt"),
        ("dir/", "article.txt"),
        ("evil\u202etxt.exe.txt", "eviltxt.exe.txt"),
        ("\u200f\u202a.txt", ".txt"),
        ("a" * 200 + ".txt", "a" * 76 + ".txt"),
        ("b" * 200, "b" * 80),
    ],
)
def test_clean_document_name(name: str | None, expected: str) -> None:
    assert clean_document_name(name) == expected


@pytest.mark.parametrize(
    "name", ["a\x00b.txt", "a\nb.txt", "\r", "\t.txt", "\x1b[31m.txt", "\udcff"]
)
def test_clean_document_name_refuses_control_characters(name: str) -> None:
    assert has_control(name)
    with pytest.raises(ValueError, match="control character"):
        clean_document_name(name)


@pytest.mark.parametrize("name", ["", "story.txt", "خبر.txt", "a b.txt", "\u202e.txt"])
def test_has_no_control(name: str) -> None:
    assert not has_control(name)


def test_document_sources_differ_by_content_never_by_name_alone() -> None:
    first, second = document_source(b"one", "article.txt"), document_source(b"two", "article.txt")
    assert first != second
    assert first == document_source(b"one", "article.txt"), "the same file, the same key"
    assert first.startswith("telegram:") and first.endswith("-article.txt")
    assert document_source(b"", "article.txt") != document_source(b"", "other.txt")


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (None, None),
        ("", None),
        ("hello", None),
        ("a new version #3", None),
        ("new versions #3", None),
        ("new version #12", 12),
        ("New Version 12", 12),
        ("  new version of #7 ", 7),
        ("new version#7", 7),
        ("نسخه جدید #۱۲", 12),
        ("نسخه‌ی جدید ۳", 3),
        ("نسخه جدید از #4", 4),
    ],
)
def test_version_request(caption: str | None, expected: int | None) -> None:
    assert version_request(caption) == expected


@pytest.mark.parametrize(
    "caption", ["new version", "new version #", "new version #x", "نسخه جدید", "new version #1 2",
                "new version #" + "9" * 20, "new version \x00"],
)  # fmt: skip
def test_version_request_without_a_number(caption: str) -> None:
    with pytest.raises(ValueError, match="number"):
        version_request(caption)


def test_uncertain_replies() -> None:
    [none] = uncertain_replies([], {}, 0, "en")
    assert text_of(none) == "No post is uncertain." and none.keyboard is None
    posts = [post(n, "uncertain", "TimedOut: <Timed out>") for n in range(1, UNCERTAIN_SHOWN + 3)]
    replies = uncertain_replies(posts, {1: "<b>title</b>"}, len(posts) + 5, "en")
    assert len(replies) == UNCERTAIN_SHOWN + 1
    first = replies[0]
    assert shown(first.messages[0]) == (
        "⚠️ Post #1 (“latest” of “<b>title</b>”) to @a may or may not have arrived "
        "(TimedOut: <Timed out>). If it is not in the chat, post it again."
    )
    assert first.keyboard is not None
    data = [button.callback_data for row in first.keyboard.inline_keyboard for button in row]
    assert data == ["p:again:1", "p:sent:1"]
    [gone] = uncertain_replies(posts[:1], {}, 1, "en")
    assert "“latest” of “#1”" in shown(gone.messages[0]), "a gone article is named by its id"
    assert text_of(replies[-1]) == "And 7 more uncertain posts: /uncertain"
