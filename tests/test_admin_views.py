"""Admin views: /post, /queue, /status, /reload and documents, as data, without Telegram."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.article import Article, Section
from bot.digest.sending import Outcome
from bot.messages import digits
from bot.pipeline.ingest import ingest_paths
from bot.pipeline.report import FileReport, IngestReport
from bot.storage.articles import Store, StoredArticle
from bot.storage.postlog import CHANNEL, SUBSCRIBER, Post, PostLog
from bot.tg.admin_views import (
    DOCUMENT_SUMMARY_CHARS,
    QUEUE_TITLE_CHARS,
    UNCERTAIN_SHOWN,
    ChatQueue,
    clean_document_name,
    document_check,
    document_reply,
    document_source,
    has_control,
    item_name,
    post_reply,
    queue_reply,
    refusal_reason,
    reload_reply,
    status_reply,
    uncertain_replies,
    version_request,
)
from bot.tg.views import Reply, plain

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


ARTICLE = Article("خبر")
ABOUT = {1: ("summary", ARTICLE), 2: ("latest", None), 3: ("quotes", ARTICLE),
         5: ("whats_next", ARTICLE), 6: ("other#2", ARTICLE)}  # fmt: skip


@pytest.mark.parametrize(
    ("outcomes", "lang", "expected"),
    [
        ([], "fa", "در هیچ کانالی موردی برای ارسال نمانده است."),
        ([], "en", "Nothing is waiting to be posted in any chat."),
        ([Outcome("@a", 1, "sent")], "fa", "@a: خلاصه «خبر» فرستاده شد."),
        ([Outcome("@a", 1, "sent")], "en", "@a: Summary of “خبر” sent."),
        ([Outcome("@b", 2, "failed", "Forbidden: <kicked> & gone")], "fa",
         "@b: آخرین اخبار «(خبر حذف شده)» فرستاده نشد: Forbidden: <kicked> & gone"),
        ([Outcome("@b", 2, "failed", "Forbidden: <kicked> & gone")], "en",
         "@b: The latest of “(article removed)” was not sent: Forbidden: <kicked> & gone"),
        ([Outcome("-100:7", 3, "pending", "flood control")], "fa",
         "-100:7: نقل قول‌ها «خبر» بعداً دوباره فرستاده می‌شود: "
         "تلگرام فعلاً سرعت ارسال را محدود کرده است"),
        ([Outcome("@d", 4, "chat-failing", "Forbidden")], "en",
         "@d: the chat is failing: Forbidden"),
        ([Outcome("@e", 5, "uncertain", "TimedOut")], "fa",
         "@e: معلوم نیست گام‌های آینده «خبر» رسیده باشد: TimedOut (/uncertain)"),
        ([Outcome("@f", 6, "skipped", "nothing to post")], "en",
         "@f: More (2) of “خبر” had nothing left to post."),
        ([Outcome("@g", 7, "held")], "fa", "@g: held دلیل نامعلوم"),
        ([Outcome("@a", 1, "sent"), Outcome("@b", 2, "failed", "x")], "en",
         "@a: Summary of “خبر” sent.\n@b: The latest of “(article removed)” was not sent: x"),
    ],
)  # fmt: skip
def test_post_reply(outcomes: list[Outcome], lang: str, expected: str) -> None:
    assert text_of(post_reply(outcomes, lang, ABOUT)) == expected


@pytest.mark.parametrize(
    ("item", "lang", "article", "expected"),
    [
        ("summary", "fa", None, "خلاصه"),
        ("summary", "en", None, "Summary"),
        ("quotes", "fa", None, "نقل قول‌ها"),
        ("quotes", "en", None, "Quotes"),
        ("whats_next", "fa", None, "گام‌های آینده"),
        ("whats_next", "en", None, "What's next"),
        ("latest#2", "fa", None, "آخرین اخبار (۲)"),
        ("latest#12", "en", None, "The latest (12)"),
        ("other", "fa", None, "بیشتر"),
        ("other#2", "fa", Article("t", sections=(Section("other", "الف"), Section("other", "ب"))),
         "ب"),
        ("other#3", "en", Article("t", sections=(Section("other", "الف"),)), "More (3)"),
        ("other", "en", Article("t", sections=(Section("other", " "),)), "More"),
        ("nope", "fa", None, "nope"),
        ("", "fa", None, ""),
        ("<b>#x", "en", None, "<b>"),
    ],
)  # fmt: skip
def test_item_name(item: str, lang: str, article: Article | None, expected: str) -> None:
    assert item_name(item, lang, article) == expected


LONG = "از هفته آینده ایالات متحده و اوکراین درباره طرح صلح در میامی گفت‌وگو می‌کنند و بیشتر"
LONG_SHOWN = "از هفته آینده ایالات متحده و اوکراین درباره طرح صلح در…"
FA_RUNNING = "صف ارسال\nارسال زمان‌بندی‌شده روشن است؛ زمان هر مورد کنارش آمده است."
FA_PAUSED = (
    "صف ارسال\n⏸ ارسال زمان‌بندی‌شده متوقف است: تا /resume را نزنید چیزی فرستاده نمی‌شود "
    "(/post یک مورد را همین حالا می‌فرستد)."
)
EN_RUNNING = "Posting queue\nScheduled posting is on; each item shows when it is due."
EN_PAUSED = (
    "Posting queue\n⏸ Scheduled posting is paused: nothing goes out until you send /resume "
    "(/post sends one item now)."
)


def queued(chat: str, waiting: int, *items: tuple[str, str | None]) -> ChatQueue:
    return ChatQueue(chat, waiting, [(item, None if title is None else Article(title))
                                     for item, title in items])  # fmt: skip


@pytest.mark.parametrize(
    ("paused", "queues", "times", "lang", "expected"),
    [
        (False, [], TIMES, "fa", FA_RUNNING),
        (True, [], [], "fa", FA_PAUSED),
        (False, [], TIMES, "en", EN_RUNNING),
        (True, [], [], "en", EN_PAUSED),
        (False, [queued("@a", 0)], TIMES, "fa",
         FA_RUNNING + "\n\n@a: ۰ مورد در صف\nچیزی در صف نیست."),
        (False, [queued("@a", 0)], TIMES, "en",
         EN_RUNNING + "\n\n@a: 0 waiting\nNothing is waiting."),
        (False, [queued("@a", 2, ("summary", "خبر"), ("latest", None)), queued("-100:3", 0)],
         TIMES, "fa",
         FA_RUNNING + "\n\n@a: ۲ مورد در صف\n۱. ۱۱ دی ۱۴۰۴، ساعت ۰۸:۰۰، خلاصه: خبر\n"
         "۲. ۱۱ دی ۱۴۰۴، ساعت ۱۲:۰۰، آخرین اخبار: (خبر حذف شده)\n\n-100:3: ۰ مورد در صف\n"
         "چیزی در صف نیست."),
        (False, [queued("@a", 2, ("summary", "خبر"), ("latest", None)), queued("-100:3", 0)],
         TIMES, "en",
         EN_RUNNING + "\n\n@a: 2 waiting\n1. 1 January 2026, 08:00, Summary: خبر\n"
         "2. 1 January 2026, 12:00, The latest: (article removed)\n\n-100:3: 0 waiting\n"
         "Nothing is waiting."),
        # Paused: the order, but no time, as nothing is due.
        (True, [queued("@a", 2, ("summary", "a"), ("whats_next", "b"))], TIMES, "fa",
         FA_PAUSED + "\n\n@a: ۲ مورد در صف\n۱. خلاصه: a\n۲. گام‌های آینده: b"),
        (True, [queued("@a", 2, ("summary", "a"), ("whats_next", "b"))], TIMES, "en",
         EN_PAUSED + "\n\n@a: 2 waiting\n1. Summary: a\n2. What's next: b"),
        # More waiting than listed: "and N more", as /status counts them.
        (False, [queued("@a", 10, *[("summary", "a")] * 5)], TIMES, "fa",
         FA_RUNNING + "\n\n@a: ۱۰ مورد در صف\n" + "\n".join(
             f"{n}. {day}، ساعت {time}، خلاصه: a" for n, day, time in (
                 ("۱", "۱۱ دی ۱۴۰۴", "۰۸:۰۰"), ("۲", "۱۱ دی ۱۴۰۴", "۱۲:۰۰"),
                 ("۳", "۱۱ دی ۱۴۰۴", "۱۶:۰۰"), ("۴", "۱۱ دی ۱۴۰۴", "۲۰:۰۰"),
                 ("۵", "۱۲ دی ۱۴۰۴", "۰۰:۰۰"))) + "\nو ۵ مورد دیگر"),
        (True, [queued("@a", 1234, *[("latest", "a")] * 7)], [], "en",
         EN_PAUSED + "\n\n@a: 1,234 waiting\n" + "\n".join(
             f"{n}. The latest: a" for n in range(1, 6)) + "\nand 1,229 more"),
        # Fewer ticks than posts: the later ones are listed without a time.
        (False, [queued("@a", 2, ("summary", "a"), ("latest", "b"))], TIMES[:1], "en",
         EN_RUNNING + "\n\n@a: 2 waiting\n1. 1 January 2026, 08:00, Summary: a\n"
         "2. The latest: b"),
        (False, [queued("@a", 1, ("summary", HOSTILE_TITLE))], TIMES, "en",
         EN_RUNNING + f"\n\n@a: 1 waiting\n1. 1 January 2026, 08:00, Summary: {HOSTILE_TITLE}"),
        (False, [queued("@a", 1, ("summary", LONG))], TIMES, "fa",
         FA_RUNNING + f"\n\n@a: ۱ مورد در صف\n۱. ۱۱ دی ۱۴۰۴، ساعت ۰۸:۰۰، خلاصه: {LONG_SHOWN}"),
        (False, [queued("@a", 1, ("summary", LONG_TITLE))], TIMES, "fa",
         FA_RUNNING + "\n\n@a: ۱ مورد در صف\n۱. ۱۱ دی ۱۴۰۴، ساعت ۰۸:۰۰، خلاصه: "
         + "خبر " * 14 + "خبر…"),
        (False, [queued("@a", 1, ("summary", ""))], TIMES, "en",
         EN_RUNNING + "\n\n@a: 1 waiting\n1. 1 January 2026, 08:00, Summary: —"),
        (False, [queued("<b>&", 1, ("summary", "a\n<i>b</i>"))], TIMES, "en",
         EN_RUNNING + "\n\n<b>&: 1 waiting\n1. 1 January 2026, 08:00, Summary: a <i>b</i>"),
    ],
)  # fmt: skip
def test_queue_reply(
    paused: bool, queues: list[ChatQueue], times: list[datetime], lang: str, expected: str
) -> None:
    assert text_of(queue_reply(paused, queues, times, ZONE, lang)) == expected


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_queue_titles_are_cut_at_whole_words(lang: str) -> None:
    [message] = queue_reply(False, [queued("@a", 1, ("summary", LONG))], TIMES, ZONE, lang).messages
    title = shown(message).rsplit(": ", 1)[1]
    assert title.endswith("…") and len(title) <= QUEUE_TITLE_CHARS
    assert LONG.startswith(title[:-1]) and LONG[len(title) - 1] == " ", "cut before a space"


def post(post_id: int, state: str, reason: str | None, chat: str = "@a") -> Post:
    return Post(post_id, chat, 1, "latest", 1, "channel", state, 0, (), 1, reason)


BAD_NAME = (
    "This file was refused: its name contains a control character (such as NUL or a line "
    "break); rename it and send it again."
)
FA_EMPTY_STATUS = (
    "وضعیت ربات\nخبرها: ۰\nارسال زمان‌بندی‌شده: روشن\nپست‌های کانال: هیچ\nمشترکان: ۰"
)
EN_EMPTY_STATUS = (
    "Bot status\nArticles: 0\nScheduled posting: on\nChannel posts: none\nSubscribers: 0"
)


@pytest.mark.parametrize(
    ("facts", "lang", "expected"),
    [
        ({}, "fa", FA_EMPTY_STATUS),
        ({}, "en", EN_EMPTY_STATUS),
        ({"paused": True, "articles": 3}, "fa",
         "وضعیت ربات\nخبرها: ۳\nارسال زمان‌بندی‌شده: ⏸ متوقف (ادامه: /resume)\n"
         "پست‌های کانال: هیچ\nمشترکان: ۰"),
        ({"paused": True, "articles": 3}, "en",
         "Bot status\nArticles: 3\nScheduled posting: ⏸ paused (resume: /resume)\n"
         "Channel posts: none\nSubscribers: 0"),
        ({"post_counts": {"sent": 4, "pending": 10, "failed": 1}, "subscribers": 1200}, "fa",
         "وضعیت ربات\nخبرها: ۰\nارسال زمان‌بندی‌شده: روشن\n"
         "پست‌های کانال: ۱۰ در صف، ۴ فرستاده، ۱ ناموفق\nصف هر کانال: /queue\nمشترکان: ۱٬۲۰۰"),
        ({"post_counts": {"sent": 4, "pending": 10, "held": 2, "skipped": 0},
          "subscriber_counts": {"sent": 7}}, "en",
         "Bot status\nArticles: 0\nScheduled posting: on\n"
         "Channel posts: 10 waiting, 4 sent, 2 held\nEach chat's queue: /queue\n"
         "Subscriber deliveries: 7 sent\nSubscribers: 0"),
        ({"failing_chats": {"@b": "Forbidden: bot was kicked", "@c": "<chat> & not found"}}, "en",
         EN_EMPTY_STATUS + "\n⚠️ Chat @b is failing: Forbidden: bot was kicked"
         "\n⚠️ Chat @c is failing: <chat> & not found"),
        ({"troubled": [post(7, "uncertain", "timed out"), post(9, "failed", None, "@b")]}, "fa",
         FA_EMPTY_STATUS + "\n⚠️ پست #۷ (نامعلوم) به @a، آخرین اخبار: timed out"
         "\n⚠️ پست #۹ (ناموفق) به @b، آخرین اخبار: دلیل نامعلوم"),
        ({"post_counts": {"uncertain": 1}, "troubled": [post(7, "uncertain", "TimedOut")]}, "en",
         "Bot status\nArticles: 0\nScheduled posting: on\nChannel posts: 1 uncertain\n"
         "Subscribers: 0\n⚠️ Post #7 (uncertain) to @a, The latest: TimedOut\n"
         "Resolve the uncertain posts with /uncertain"),
    ],
)  # fmt: skip
def test_status_reply(facts: dict[str, Any], lang: str, expected: str) -> None:
    arguments: dict[str, Any] = {
        "articles": 0, "paused": False, "post_counts": {}, "subscribers": 0,
        "failing_chats": {}, "troubled": [],
    }  # fmt: skip
    assert text_of(status_reply(**{**arguments, **facts}, lang=lang)) == expected


def test_status_counts_agree_with_the_queue(normalizer) -> None:
    """/status counts the channel posts /queue lists (and "and N more"); subscribers apart."""
    store = Store.open(None)
    try:
        [result] = ingest_paths(store, [SAMPLE], normalizer=normalizer)
        posts = PostLog(store.db)
        items = ["summary", "latest", "background", "state_of_play", "whats_next", "quotes",
                 "latest#2"]  # fmt: skip
        posts.plan("@a", result.article_id or 0, items)
        posts.plan("@b", result.article_id or 0, items[:2])
        posts.subscribe(5001, "fa")
        posts.plan("5001", result.article_id or 0, ["summary"], SUBSCRIBER)
        reply = status_reply(
            articles=store.count(),
            paused=False,
            post_counts=posts.counts(CHANNEL),
            subscriber_counts=posts.counts(SUBSCRIBER),
            subscribers=len(posts.subscribers()),
            failing_chats=posts.failing_chats(),
            troubled=posts.with_state("failed", 5),
            lang="en",
        )
        queues = [
            ChatQueue(chat, posts.waiting(chat),
                      [(p.item, store.get(p.article_id).article) for p in posts.upcoming(chat, 5)])
            for chat in ("@a", "@b")
        ]  # fmt: skip
        screen = text_of(queue_reply(False, queues, TIMES, ZONE, "en"))
    finally:
        store.close()
    assert "Channel posts: 9 waiting\n" in text_of(reply)
    assert "Subscriber deliveries: 1 waiting\nSubscribers: 1" in text_of(reply)
    assert "@a: 7 waiting" in screen and "and 2 more" in screen and "@b: 2 waiting" in screen
    assert "The latest (2)" not in screen, "the 7th post is not listed"


NEW = FileReport("/c/a.txt", "new", 1, "<b>خبر</b> & یک", 6)
BAD = FileReport("/c/bad.txt", "failed", reason="/c/bad.txt: looks like a binary file, not text")
SAME = FileReport("/c/b.txt", "unchanged", 2, "B", 1)
EDITED = FileReport("/c/c.txt", "updated", 3, LONG, 1)
PICTURED = FileReport(
    "/c/d.txt", "new", 4, "D", 1, photo_error="d.jpg: is a GIF image; a photo must be JPEG"
)


@pytest.mark.parametrize(
    ("report", "lang", "expected"),
    [
        (IngestReport(), "fa", "در پوشه خبرها تغییری نبود."),
        (IngestReport(), "en", "Nothing changed in the content folder."),
        (IngestReport(error="content folder /c does not exist"), "fa",
         "پوشه خبرها (/c) وجود ندارد."),
        (IngestReport(error="content folder /c does not exist"), "en",
         "The content folder (/c) does not exist."),
        (IngestReport((NEW, BAD, SAME)), "fa",
         "تازه: #۱ «<b>خبر</b> & یک» (۶ بخش) از a.txt\n"
         "بدون تغییر: #۲ «B» از b.txt\n"
         "پذیرفته نشد: bad.txt: فایل متنی نیست (شبیه فایل دودویی است).\n"
         "فایل‌ها: ۳ (۱ تازه، ۰ به‌روز، ۱ بدون تغییر، ۱ رد)"),
        (IngestReport((NEW, BAD, SAME)), "en",
         "New: #1 “<b>خبر</b> & یک” (sections: 6) from a.txt\n"
         "Unchanged: #2 “B” from b.txt\n"
         "Refused: bad.txt: it is not a text file (it looks binary).\n"
         "Files: 3 (1 new, 0 updated, 1 unchanged, 1 refused)"),
        (IngestReport((PICTURED, BAD)), "en",
         "New: #4 “D” (sections: 1) from d.txt\n"
         "Photo refused: d.jpg: is a GIF image; a photo must be JPEG\n"
         "Refused: bad.txt: it is not a text file (it looks binary).\n"
         "Files: 2 (1 new, 0 updated, 0 unchanged, 1 refused)"),
        (IngestReport((PICTURED,)), "fa",
         "تازه: #۴ «D» (۱ بخش) از d.txt\n"
         "عکس پذیرفته نشد: d.jpg: is a GIF image; a photo must be JPEG\n"
         "فایل‌ها: ۱ (۱ تازه، ۰ به‌روز، ۰ بدون تغییر، ۰ رد)"),
        (IngestReport((EDITED,)), "fa",
         f"به‌روز شد: #۳ «{LONG}» (۱ بخش) از c.txt\n"
         "فایل‌ها: ۱ (۰ تازه، ۱ به‌روز، ۰ بدون تغییر، ۰ رد)"),
        (IngestReport(error="the database /d/n.db was deleted while newsbot was running"), "en",
         "The bot's database is no longer the same file; the bot stops so that nothing is "
         "posted twice. The details are in the bot's log."),
        (IngestReport((BAD,), "the ingest worker was killed by signal SIGKILL"), "fa",
         "پذیرفته نشد: bad.txt: فایل متنی نیست (شبیه فایل دودویی است).\n"
         "فایل‌ها: ۱ (۰ تازه، ۰ به‌روز، ۰ بدون تغییر، ۱ رد)\n"
         "خواندن پوشه خبرها ناتمام ماند؛ /reload را دوباره بزنید و اگر تکرار شد به پشتیبانی "
         "فنی خبر دهید."),
    ],
)  # fmt: skip
def test_reload_reply(report: IngestReport, lang: str, expected: str) -> None:
    assert text_of(reload_reply(report, lang)) == expected


@pytest.mark.parametrize(
    ("reason", "lang", "expected"),
    [
        ("/c/a.txt: looks like a binary file, not text", "en",
         "it is not a text file (it looks binary)."),
        ("a.txt: is neither UTF-8, UTF-16 nor Windows-1256 text", "fa",
         "متنش خوانا نیست؛ آن را با کدگذاری UTF-8 ذخیره کنید."),
        ("a.txt: is not UTF-8 text and does not read as Persian Windows-1256", "en",
         "its text cannot be read; save it as UTF-8."),
        ("a.txt: is not valid UTF-16 text (truncated data)", "en",
         "its text cannot be read; save it as UTF-8."),
        ("a.txt: is 2,000,000 bytes, over the 1,000,000-byte limit", "fa",
         "بزرگ‌تر از حد مجاز (۱٬۰۰۰ کیلوبایت) است."),
        ("a.txt: is 2,000 bytes, over the 1,000-byte limit", "en",
         "it is over the size limit (1,000 bytes)."),
        ("a.txt: is empty", "fa", "خالی است."),
        ("a.txt: has no title line", "en", "it has no title line."),
        ("a.txt: could not be parsed (IndexError())", "fa",
         "خوانده نشد؛ ساختار متن را بررسی کنید."),
        ("a.txt: no such file", "en", "it could not be read."),
        ("a.txt: was not stored", "en",
         "it was not stored; send it again, and tell the developers if it happens again."),
        ("", "fa", "پردازش فایل ناتمام ماند؛ دوباره بفرستید و اگر تکرار شد به پشتیبانی فنی "
         "خبر دهید."),
        ("the ingest worker exited with status 3", "en",
         "processing stopped part way; send it again, and tell the developers if it happens "
         "again."),
    ],
)  # fmt: skip
def test_refusal_reason_never_mixes_languages(reason: str, lang: str, expected: str) -> None:
    assert refusal_reason(reason, lang) == expected


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
        ("story.txt", 101, 100, "en", "“story.txt” was refused: it is over the size limit "
         "(100 bytes)."),
        ("x.txt", 1_000_001, 1_000_000, "fa",
         "فایل «x.txt» پذیرفته نشد: بزرگ‌تر از حد مجاز (۱٬۰۰۰ کیلوبایت) است."),
        ("<b>&.txt", 2, 1, "en", "“<b>&.txt” was refused: it is over the size limit (1 bytes)."),
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


@pytest.mark.parametrize(
    ("status", "lang", "first"),
    [
        ("new", "fa", "✅ خبر تازه #{id} ذخیره شد."),
        ("new", "en", "✅ New article #{id} stored."),
        ("updated", "fa", "✅ خبر #{id} به‌روز شد."),
        ("updated", "en", "✅ Article #{id} updated."),
        ("unchanged", "fa", "خبر #{id} از قبل همین متن را دارد؛ تغییری نکرد."),
        ("unchanged", "en", "Article #{id} already has this text; nothing changed."),
    ],
)
def test_document_reply_says_what_was_stored(
    sample: StoredArticle, status: str, lang: str, first: str
) -> None:
    report = IngestReport((FileReport(str(SAVED), status, sample.id, sample.article.title, 6),))
    lines = text_of(document_reply("story.txt", SAVED, report, sample, lang, ZONE)).splitlines()
    number = digits(sample.id, lang)
    assert lines[0] == first.format(id=number)
    title = "عنوان" if lang == "fa" else "Title"
    assert lines[1] == f"{title}: {sample.article.title}"
    names = {"fa": "بخش‌ها (۶): چرا اهمیت دارد، آخرین اخبار، پیش‌زمینه خبر، وضعیت فعلی، "
                   "بیانیه آنها، گام‌های آینده",
             "en": "Sections (6): Why it matters, The latest, Background, State of play, "
                   "What they're saying, What's next"}  # fmt: skip
    assert names[lang] in lines
    assert not any(key in line for line in lines for key in ("why_it_matters", "lang:", "title:"))
    assert (lines[-1] in ("برای دیدن صف ارسال: /queue", "To see the posting queue: /queue")) == (
        status != "unchanged"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fa", "✅ خبر تازه #{id} ذخیره شد.\nعنوان: {title}\nتاریخ: ۸ آذر ۱۴۰۵\n"
               "عکس: <عکاس> & شرکا\nبخش‌ها (۱): چرا مهم است\nنقل قول‌ها: ۱\n"
               "⚠️ بخش «گام بعدی» خالی است.\n⚠️ برچسب ناشناخته «<x>» بخشی جداگانه شد.\n"
               "⚠️ نکته‌ای در متن هست؛ با newsbot show بررسی کنید.\nبرای دیدن صف ارسال: /queue"),
        ("en", "✅ New article #{id} stored.\nTitle: {title}\nDate: 29 November 2026\n"
               "Photo: <عکاس> & شرکا\nSections (1): Why it matters\nQuotes: 1\n"
               "⚠️ The section “گام بعدی” is empty.\n"
               "⚠️ The unknown label “<x>” became a section of its own.\n"
               "⚠️ Something in the text needs a look; check it with newsbot show.\n"
               "To see the posting queue: /queue"),
    ],
)  # fmt: skip
def test_document_reply_in_full(lang: str, expected: str) -> None:
    stored = made(HOSTILE_TITLE, empty_section=True)
    warnings = ("section «گام بعدی» is empty", "unknown label «<x>» kept as a section", "odd")
    article = replace(stored.article, caption="<عکاس> & شرکا", published=date(2026, 11, 29),
                      warnings=warnings)  # fmt: skip
    stored = replace(stored, article=article)
    report = IngestReport((FileReport(str(SAVED), "new", stored.id, HOSTILE_TITLE, 2),))
    text = text_of(document_reply("s.txt", SAVED, report, stored, lang, ZONE))
    assert text == expected.format(id=digits(stored.id, lang), title=HOSTILE_TITLE)


def test_document_reply_without_sections_and_many_warnings() -> None:
    stored = made("خبر")
    article = replace(stored.article, sections=(), quotes=(), warnings=("odd",) * 9)
    report = IngestReport((FileReport(str(SAVED), "new", stored.id, "خبر", 0),))
    text = text_of(document_reply("s.txt", SAVED, report, replace(stored, article=article),
                                  "en", ZONE))  # fmt: skip
    assert "⚠️ No section was found; check the labels (such as “Why it matters:”)." in text
    assert text.count("newsbot show") == 1 and "and 4 more" in text


@pytest.mark.parametrize("title", [HOSTILE_TITLE, LONG_TITLE, "&" * 5000, "<" * 5000, ""])
@pytest.mark.parametrize("lang", ["fa", "en"])
def test_document_reply_with_a_hostile_title_fits(title: str, lang: str) -> None:
    stored = made(title)
    report = IngestReport((FileReport(str(SAVED), "new", stored.id, title, 2),))
    [message] = document_reply("s.txt", SAVED, report, stored, lang, ZONE).messages
    text = shown(message)
    assert len(text) <= DOCUMENT_SUMMARY_CHARS
    shown_title = text.splitlines()[1].split(": ", 1)[1]
    assert len(shown_title) <= 300
    if len(title) > 300:
        assert shown_title.endswith("…") and title.startswith(shown_title[:-1].rstrip())
    elif title:
        assert shown_title == title


FAILED = FileReport(str(SAVED), "failed", reason=f"{SAVED}: looks like a binary file, not text")


@pytest.mark.parametrize(
    ("report", "stored", "lang", "expected"),
    [
        (IngestReport((FAILED,)), False, "fa",
         "فایل «story.txt» پذیرفته نشد: فایل متنی نیست (شبیه فایل دودویی است)."),
        (IngestReport((FAILED,)), True, "en",
         "“story.txt” was refused: it is not a text file (it looks binary)."),
        (IngestReport(error=f"the ingest worker was killed by signal SIGKILL ({SAVED})"), False,
         "en", "“story.txt” was refused: processing stopped part way; send it again, and tell "
         "the developers if it happens again."),
        (IngestReport((FAILED,), "the ingest worker exited with status 3"), False, "fa",
         "فایل «story.txt» پذیرفته نشد: فایل متنی نیست (شبیه فایل دودویی است)."),
        (IngestReport(), False, "en", "“story.txt” was refused: it was not stored; send it "
         "again, and tell the developers if it happens again."),
        (IngestReport((FileReport(str(SAVED), "new", 1, "t", 1),)), False, "fa",
         "فایل «story.txt» پذیرفته نشد: ذخیره نشد؛ دوباره بفرستید و اگر تکرار شد به پشتیبانی "
         "فنی خبر دهید."),
    ],
)  # fmt: skip
def test_document_reply_refused(
    sample: StoredArticle, report: IngestReport, stored: bool, lang: str, expected: str
) -> None:
    reply = document_reply("story.txt", SAVED, report, sample if stored else None, lang)
    assert text_of(reply) == expected


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_a_refused_upload_never_mixes_languages(lang: str) -> None:
    """Every refusal of an upload is in one language: no English word in a Persian one."""
    reasons = [
        "looks like a binary file, not text", "is empty", "has no title line",
        "is 9 bytes, over the 5-byte limit", "is neither UTF-8, UTF-16 nor Windows-1256 text",
        "could not be parsed (boom)", "something nobody expected",
    ]  # fmt: skip
    texts = [text_of(document_reply("s.txt", SAVED, IngestReport((FileReport(
        str(SAVED), "failed", reason=f"{SAVED}: {reason}"),)), None, lang)) for reason in reasons]
    texts.append(text_of(document_check("s.txt", 10, 5, lang) or plain("")))
    for text in texts:
        words = re.findall(r"[A-Za-z]{3,}", text.replace("s.txt", "").replace("UTF-8", ""))
        persian = re.findall(r"[\u0600-\u06ff]", text)
        assert (words == []) if lang == "fa" else (persian == []), text


def test_document_reply_escapes_a_hostile_name() -> None:
    reply = document_reply("<b>&.txt", SAVED, IngestReport((FAILED,)), None, "en")
    assert text_of(reply) == "“<b>&.txt” was refused: it is not a text file (it looks binary)."


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
        "⚠️ Post #1 (“The latest” of “<b>title</b>”) to @a may or may not have arrived "
        "(TimedOut: <Timed out>). If it is not in the chat, post it again."
    )
    assert first.keyboard is not None
    data = [button.callback_data for row in first.keyboard.inline_keyboard for button in row]
    assert data == ["p:again:1", "p:sent:1"]
    [gone] = uncertain_replies(posts[:1], {}, 1, "en")
    assert "“The latest” of “#1”" in shown(gone.messages[0]), "a gone article is named by id"
    assert text_of(replies[-1]) == "And 7 more uncertain posts: /uncertain"


def test_uncertain_replies_in_persian() -> None:
    [reply, more] = uncertain_replies([post(12, "uncertain", None)], {}, 3, "fa")
    assert shown(reply.messages[0]) == (
        "⚠️ معلوم نیست پست #۱۲ («آخرین اخبار» از خبر «#۱») به @a رسیده باشد (دلیل نامعلوم). "
        "اگر در کانال نیست، دوباره بفرستید."
    )
    assert text_of(more) == "و ۲ پست نامعلوم دیگر: /uncertain"
