"""Scheduled digests end to end: the real bot posts to emulated channels on a schedule."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from bot.config import Settings
from bot.pipeline.ingest import ingest_paths
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

from .e2e import Harness, bot_running

ADMIN = 7001
STRANGER = 7002
#: The sample's digest, in order: the first line of each post.
SAMPLE_ORDER = [
    "ایالات متحده و اوکراین",
    "آخرین اخبار",
    "پیش‌زمینه خبر",
    "وضعیت فعلی",
    "بیانیه آنها",
    "گام‌های آینده",
]


@pytest.fixture(autouse=True)
def _fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.digest.sending.BACKOFF_BASE", timedelta(seconds=0.3))


def channels(*names: str) -> Callable[[BotApiEmulator, Settings], None]:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        for name in names:
            emulator.add_channel(name)
        emulator.add_user(ADMIN, "سردبیر")
        emulator.add_user(STRANGER, "غریبه")

    return setup


def chat_id(harness: Harness, name: str) -> int:
    return next(
        chat.id
        for chat in harness.emulator.core.world.chats.values()
        if chat.username == name.lstrip("@")
    )


async def wait_posts(
    harness: Harness, chat: int, count: int, timeout: float = 20
) -> list[SentMessage]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(harness.emulator.messages(chat)) < count:
        if loop.time() > deadline:
            got = [m.text.split("\n")[0] for m in harness.emulator.messages(chat)]
            raise TimeoutError(f"{count} posts expected in {chat}, got {got}")
        await asyncio.sleep(0.05)
    return harness.emulator.messages(chat)


def first_lines(messages: list[SentMessage]) -> list[str]:
    return [message.text.split("\n")[0] for message in messages]


def in_order(messages: list[SentMessage]) -> None:
    lines = first_lines(messages)
    for line, expected in zip(lines, SAMPLE_ORDER, strict=False):
        assert line.startswith(expected), lines


async def test_two_chats_get_the_plan_in_order_one_item_per_tick(tmp_path: Path) -> None:
    async with bot_running(
        tmp_path, store_first=True, setup=channels("@chan_a", "@chan_b"),
        digest_chats=["@chan_a", "@chan_b"], digest_schedule="every 1s", admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        a, b = chat_id(harness, "@chan_a"), chat_id(harness, "@chan_b")
        posts_a = await wait_posts(harness, a, 6)
        posts_b = await wait_posts(harness, b, 6)
        await asyncio.sleep(1.5)
        for posts in (harness.emulator.messages(a), harness.emulator.messages(b)):
            assert len(posts) == 6, "the sample has six posts and no more"
            in_order(posts)
        gaps = [later.time - earlier.time for earlier, later in itertools.pairwise(posts_a)]
        assert min(gaps) > 0.3, "one item per chat per tick"
        assert all(abs(x.time - y.time) < 0.9 for x, y in zip(posts_a, posts_b, strict=True))
        assert harness.errors() == []


async def test_flood_control_waits_and_sends_the_same_item(tmp_path: Path) -> None:
    async with bot_running(
        tmp_path, store_first=True, setup=channels("@chan_a"), digest_chats=["@chan_a"],
        digest_schedule="every 1s",
    ) as harness:  # fmt: skip
        harness.emulator.fail_next(
            "sendMessage", 429, "Too Many Requests: retry after 2", retry_after=2
        )
        a = chat_id(harness, "@chan_a")
        posts = await wait_posts(harness, a, 3)
        in_order(posts)
        refused = harness.errors()
        assert [status for _, status, _ in refused] == [429]
        assert len(set(first_lines(posts))) == len(posts)


async def test_bad_gateway_is_retried_with_backoff(tmp_path: Path) -> None:
    async with bot_running(
        tmp_path, store_first=True, setup=channels("@chan_a"), digest_chats=["@chan_a"],
        digest_schedule="every 1s",
    ) as harness:  # fmt: skip
        harness.emulator.fail_next("sendMessage", 502, "Bad Gateway", count=2)
        a = chat_id(harness, "@chan_a")
        posts = await wait_posts(harness, a, 3)
        in_order(posts)
        assert [status for _, status, _ in harness.errors()] == [502, 502]
        log = PostLog(Store.open(harness.settings.database_path).db)
        assert log.counts().get("failed", 0) == 0


async def test_a_kicked_channel_does_not_stop_the_others(tmp_path: Path) -> None:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        channels("@chan_a", "@chan_b")(emulator, settings)
        emulator.kick_bot(next(c.id for c in emulator.core.world.chats.values()
                               if c.username == "chan_b"))  # fmt: skip

    async with bot_running(
        tmp_path, store_first=True, setup=setup, digest_chats=["@chan_a", "@chan_b"],
        digest_schedule="every 1s", admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        a = chat_id(harness, "@chan_a")
        posts = await wait_posts(harness, a, 4)
        in_order(posts)
        told = [m for m in harness.emulator.messages(ADMIN) if "@chan_b" in m.text]
        assert len(told) == 1, [m.text for m in harness.emulator.messages(ADMIN)]
        assert "پست نمی‌گیرد" in told[0].text
        assert harness.emulator.messages(chat_id(harness, "@chan_b")) == []
        [reply] = await harness.ask(ADMIN, "/status")
        assert "کانال @chan_b پست نمی‌گیرد" in reply.text


async def test_forum_topic(tmp_path: Path) -> None:
    forum = -1001234567
    topic: dict[str, int] = {}

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_supergroup("تحریریه", chat_id=forum, is_forum=True)
        topic["id"] = emulator.create_topic(forum, "خبرها")

    async with bot_running(tmp_path, store_first=True, setup=setup, digest_schedule="every 1s",
                           digest_chats=[f"{forum}:1"]) as harness:  # fmt: skip
        assert topic["id"] == 1, "DIGEST_CHATS above names topic 1"
        posts = await wait_posts(harness, forum, 2)
        assert {post.thread_id for post in posts} == {topic["id"]}


async def test_admin_commands_are_refused_to_others(tmp_path: Path) -> None:
    async with bot_running(tmp_path, store_first=True, setup=channels("@chan_a"),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN]) as harness:  # fmt: skip
        for command in ("/post", "/queue", "/pause", "/resume", "/reload", "/status"):
            [answer] = await harness.ask(STRANGER, command)
            assert "فقط برای سردبیران" in answer.text, command
        assert harness.emulator.messages(chat_id(harness, "@chan_a")) == []


async def test_admin_steers_the_digest(tmp_path: Path) -> None:
    async with bot_running(tmp_path, store_first=True, setup=channels("@chan_a"),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN]) as harness:  # fmt: skip
        a = chat_id(harness, "@chan_a")
        [answer] = await harness.ask(ADMIN, "/queue")
        assert "@chan_a" in answer.text and "خلاصه" in answer.text
        [answer] = await harness.ask(ADMIN, "/post")
        assert answer.text.startswith("@chan_a: خلاصه «") and "فرستاده شد" in answer.text
        assert first_lines(harness.emulator.messages(a))[0].startswith(SAMPLE_ORDER[0])
        [answer] = await harness.ask(ADMIN, "/pause")
        [answer] = await harness.ask(ADMIN, "/status")
        assert "ارسال زمان‌بندی‌شده: ⏸ متوقف" in answer.text and "خبرها: ۱" in answer.text
        [answer] = await harness.ask(ADMIN, "/resume")
        [answer] = await harness.ask(ADMIN, "/reload")
        assert answer.text
        [answer] = await harness.ask(ADMIN, "/help")
        assert "/status" in answer.text


async def test_documents_from_admins_and_strangers(tmp_path: Path) -> None:
    article = "خبر از تلگرام\nلید خبر.\nچرا مهم است: چون.\nگام بعدی: «فردا» وزیر گفت.".encode()
    async with bot_running(
        tmp_path, store_first=True, admin_ids=[ADMIN], setup=channels()
    ) as harness:
        harness.emulator.send_document(STRANGER, article, "x.txt", "text/plain")
        before = len(harness.emulator.messages(ADMIN))
        harness.emulator.send_document(ADMIN, article, "story.txt", "text/plain")
        [reply] = await harness.answers(ADMIN, before)
        assert "عنوان: خبر از تلگرام" in reply.text and "چرا مهم است" in reply.text
        assert "گام بعدی" in reply.text and "نقل قول‌ها: ۱" in reply.text
        before = len(harness.emulator.messages(ADMIN))
        harness.emulator.send_document(ADMIN, b"\x00\x01\x02", "bad.txt", "text/plain")
        [reply] = await harness.answers(ADMIN, before)
        assert "پذیرفته نشد" in reply.text and "فایل متنی نیست" in reply.text
        before = len(harness.emulator.messages(ADMIN))
        harness.emulator.send_document(ADMIN, b"%PDF", "story.pdf", "application/pdf")
        [reply] = await harness.answers(ADMIN, before)
        assert ".txt" in reply.text
        [polite] = harness.emulator.messages(STRANGER)
        assert "فقط سردبیران" in polite.text, "a reader's document gets an answer"
        [answer] = await harness.ask(ADMIN, "/status")
        assert "خبرها: ۲" in answer.text


async def test_subscriptions(tmp_path: Path) -> None:
    async with bot_running(tmp_path, store_first=True, setup=channels()) as harness:
        harness.emulator.add_user(8001, "خواننده")
        [answer] = await harness.ask(8001, "/subscribe")
        assert "مشترک شدید" in answer.text
        [answer] = await harness.ask(8001, "/subscribe")
        assert "از قبل" in answer.text
        group = harness.emulator.add_group("گروه")
        [answer] = await harness.ask(group, "/subscribe", user_id=8001)
        assert "خصوصی" in answer.text
        [answer] = await harness.ask(8001, "/unsubscribe")
        assert "لغو شد" in answer.text


async def test_fan_out_to_150_subscribers_within_the_limits(tmp_path: Path) -> None:
    # Over five seconds at the 30-a-second limit; bench/fanout.py sends to 2,000.
    readers = list(range(20_000, 20_150))

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        store = Store.open(settings.database_path)
        posts = PostLog(store.db)
        for reader in readers:
            emulator.add_user(reader, "خواننده")
            posts.subscribe(reader, "fa")
        emulator.block_bot(readers[-1])
        store.close()
        emulator.set_rate_limits(enabled=True)

    async with bot_running(tmp_path, setup=setup) as harness:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while len({m.chat_id for m in harness.emulator.messages()}) < len(readers) - 1:
            assert loop.time() < deadline, "the fan-out did not finish"
            await asyncio.sleep(0.2)
        await asyncio.sleep(2)
        assert all(len(harness.emulator.messages(r)) == 1 for r in readers[:-1])
        assert harness.emulator.messages(readers[-1]) == []
        statuses = [status for _, status, _ in harness.errors()]
        assert 429 not in statuses
        assert statuses == [403]
        log = PostLog(Store.open(harness.settings.database_path).db)
        assert readers[-1] not in {user for user, _, _ in log.subscribers()}
        assert len(log.subscribers()) == len(readers) - 1


async def test_uncertain_post_is_reported_and_can_be_posted_again(tmp_path: Path) -> None:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        channels("@chan_a")(emulator, settings)
        store = Store.open(settings.database_path)
        for result in ingest_paths(store, [settings.content_dir]):
            assert result.article_id is not None
            posts = PostLog(store.db)
            posts.plan("@chan_a", result.article_id, ["summary", "latest"])
            stuck = posts.next_pending("@chan_a")
            assert stuck is not None and posts.claim(stuck.id)  # left "sending" by a crash
        store.close()

    async with bot_running(tmp_path, setup=setup, digest_chats=["@chan_a"],
                           admin_ids=[ADMIN], digest_schedule="0 0 1 1 *") as harness:  # fmt: skip
        [report] = await harness.answers(ADMIN, 0)
        assert "معلوم نیست" in report.text
        channel = chat_id(harness, "@chan_a")
        assert harness.emulator.messages(channel) == []
        again = next(data for _, data in buttons_of(report) if data.startswith("p:again"))
        await harness.press(ADMIN, report, again, ADMIN)
        [post] = await wait_posts(harness, channel, 1)
        assert post.text.startswith(SAMPLE_ORDER[0])
        [answer] = await harness.ask(ADMIN, "/status")
        assert "پست‌های کانال: ۱ در صف، ۱ فرستاده\n" in answer.text
        assert "نامعلوم" not in answer.text


async def test_a_dropped_file_is_picked_up_by_reload_and_scheduled(tmp_path: Path) -> None:
    async with bot_running(tmp_path, store_first=True, setup=channels("@chan_a"),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN]) as harness:  # fmt: skip
        dropped = harness.settings.content_dir / "new-story.txt"
        dropped.write_text("خبر تازه رسید\nلید.\nچرا مهم است: زیرا.", encoding="utf-8")
        [answer] = await harness.ask(ADMIN, "/reload")
        assert answer.text.startswith("تازه: #۲ «خبر تازه رسید»")
        [answer] = await harness.ask(ADMIN, "/reload")
        assert answer.text == "در پوشه خبرها تغییری نبود."
        [answer] = await harness.ask(ADMIN, "/status")
        assert "خبرها: ۲" in answer.text
        [answer] = await harness.ask(ADMIN, "/queue")
        assert answer.text.count("خلاصه") >= 1


async def test_a_fixed_channel_resumes_after_a_restart(tmp_path: Path) -> None:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        channels("@chan_a")(emulator, settings)
        emulator.kick_bot(next(c.id for c in emulator.core.world.chats.values()
                               if c.username == "chan_a"))  # fmt: skip

    async with bot_running(tmp_path, store_first=True, setup=setup, digest_chats=["@chan_a"],
                           digest_schedule="every 1s", admin_ids=[ADMIN]) as harness:  # fmt: skip
        await harness.answers(ADMIN, 0)
        assert harness.emulator.messages(chat_id(harness, "@chan_a")) == []
    # The editor makes the bot an admin of the channel again and restarts it.
    async with bot_running(tmp_path, setup=channels("@chan_a"), digest_chats=["@chan_a"],
                           digest_schedule="every 1s", admin_ids=[ADMIN]) as harness:  # fmt: skip
        posts = await wait_posts(harness, chat_id(harness, "@chan_a"), 2)
        in_order(posts)
