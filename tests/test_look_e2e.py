"""End to end: a long summary split well, the source link, the signature, no link previews.

One bot for the module, with one long article: a reader's /summary and the channel's
posts, as the emulator received them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from tgsandbox import BotApiEmulator, SentMessage

from bot.config import Settings
from bot.render import MESSAGE_LIMIT, MIN_FILL
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

from .conftest import clean_environment
from .e2e import Harness, bot_running

pytestmark = pytest.mark.asyncio(loop_scope="module")

READER = 8101
CHANNEL = "@look_chan"
SIGNATURE = "@look_chan"
SOURCE = "https://www.irna.ir/news/85123456/گزارش?a=1&b=2"
TITLE = "بودجه سال آینده در مجلس"
ARTICLE = "\n".join(
    [
        TITLE,
        "جزئیات لایحه در www.majlis.ir، و گزارش کامل (https://example.com/a_(b)).",
        "چرا اهمیت دارد:",
        "نمایندگان درباره سهم استان‌ها از بودجه بحث کردند و رأی نهایی هفته آینده است. " * 30,
        *(f"- بند {n}: سهم این استان از اعتبارات عمرانی دوباره بررسی می‌شود." for n in range(12)),
        "دولت می‌گوید کسری بودجه باید کمتر شود و درآمدهای نفتی قابل اتکا نیست. " * 25,
        "آخرین اخبار: کمیسیون تلفیق امروز تشکیل جلسه داد.",
        f"منبع: ایرنا {SOURCE}",
    ]
)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    """The bot with the long article, a channel signed ``@look_chan`` and a reader."""
    folder = tmp_path_factory.mktemp("look-bot")
    path = folder / "budget.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        emulator.add_channel(CHANNEL)
        emulator.add_user(READER, "خواننده")

    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_environment(monkeypatch, folder)
        async with bot_running(
            folder, [path], store_first=True, setup=setup, digest_chats=[CHANNEL],
            digest_schedule="every 1s", channel_signature=SIGNATURE,
        ) as harness:  # fmt: skip
            yield harness


def previews_of(harness: Harness, chat: int | str) -> list[object]:
    """The link_preview_options of every sendMessage to ``chat``, as sent."""
    return [
        json.loads(record.params["link_preview_options"])
        if "link_preview_options" in record.params
        else None
        for record in harness.emulator.requests
        if record.method.lower() == "sendmessage" and record.params.get("chat_id") == str(chat)
    ]


def links(message: SentMessage) -> list[tuple[str, str]]:
    """``(shown text, target)`` of every link of a message."""
    units = message.text.encode("utf-16-le")  # entity offsets count UTF-16 code units
    return [
        (
            units[2 * int(e["offset"]) : 2 * (int(e["offset"]) + int(e["length"]))].decode(
                "utf-16-le"
            ),
            str(e["url"]),
        )
        for e in message.entities
        if e["type"] == "text_link"
    ]


def check_split(messages: list[SentMessage], first_line: str) -> None:
    """Every message within the limit, a full first one, and a continuation line on the rest."""
    assert len(messages) >= 2
    assert all(len(message.text) <= MESSAGE_LIMIT for message in messages)
    assert len(messages[0].text) > MESSAGE_LIMIT * MIN_FILL
    assert messages[0].text.startswith(first_line)
    for message in messages[1:]:
        assert message.text.split("\n")[0] == f"{TITLE} (ادامه)"
    for message in messages:  # the heading is never the last thing of a message
        assert not message.text.rstrip().endswith("چرا اهمیت دارد")


async def test_a_long_summary_is_split_well_for_a_reader(bot: Harness) -> None:
    answers = await bot.ask(READER, "/summary", user_id=READER, expect=2)
    check_split(answers, TITLE + "\n")
    assert [message.reply_markup is not None for message in answers][-1]
    assert all(message.reply_markup is None for message in answers[:-1])
    shown = "\n".join(message.text for message in answers)
    assert shown.count("بند 11") + shown.count("بند ۱۱") == 1  # nothing repeated
    assert SIGNATURE not in shown  # a reader's answer is not a channel post
    assert links(answers[0])[:2] == [
        ("www.majlis.ir", "http://www.majlis.ir/"),
        ("https://example.com/a_(b)", "https://example.com/a_(b)"),
    ]
    assert links(answers[-1])[-1] == ("ادامه خبر در منبع", SOURCE)
    assert previews_of(bot, READER) == [{"is_disabled": True}] * len(answers)
    assert all(message.link_previews_disabled for message in answers)
    assert bot.errors() == []


async def test_the_channel_gets_signed_posts_without_previews(bot: Harness) -> None:
    world = bot.emulator.core.world
    chat = next(c.id for c in world.chats.values() if c.username == CHANNEL.lstrip("@"))
    store = Store.open(bot.settings.database_path)
    posts = PostLog(store.db)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while posts.counts() != {"sent": 2}:
        assert loop.time() < deadline, posts.counts()
        await asyncio.sleep(0.1)
    store.close()
    messages = bot.emulator.messages(chat)
    summary, latest = messages[:-1], messages[-1]
    check_split(summary, TITLE + "\n")
    assert all(message.text.endswith("\n\n" + SIGNATURE) for message in messages)
    assert links(summary[-1])[-1] == ("ادامه خبر در منبع", SOURCE)
    assert latest.text.startswith("آخرین اخبار\n")
    assert previews_of(bot, CHANNEL) == [{"is_disabled": True}] * len(messages)
    assert all(message.link_previews_disabled for message in messages)
    assert bot.errors() == []
