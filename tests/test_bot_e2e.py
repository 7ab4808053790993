"""End to end: the real Application polls the emulator over HTTP and answers readers.

The cases that only read share one bot (it starts once for the module); each has readers
and chats of its own, so answers never mix. Cases that need other content, settings or
that change the store start a bot of their own.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from tgsandbox import BotApiEmulator
from tgsandbox.console import buttons_of

from bot.storage.articles import Store
from bot.storage.postlog import PostLog
from bot.tg.callbacks import decode

from .conftest import clean_environment
from .e2e import Harness, bot_running

pytestmark = pytest.mark.asyncio(loop_scope="module")

READER = 5001
_users = itertools.count(READER + 100)


def new_user(emulator: BotApiEmulator, name: str = "مریم", **extra: str) -> int:
    """A user no other case of this module has used."""
    return emulator.add_user(next(_users), name, **extra)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    """The bot the reading cases share, with the sample article."""
    folder = tmp_path_factory.mktemp("shared-bot")
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_environment(monkeypatch, folder)
        async with bot_running(folder) as harness:
            yield harness


@pytest.fixture
def bot(shared: Harness) -> Harness:
    """The shared bot; its ``errors`` count from the start of the case."""
    return shared.case()


@pytest.fixture
def reader(bot: Harness) -> int:
    """A reader of this case alone, in a private chat with the bot."""
    return new_user(bot.emulator)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/start", "تازه‌ترین خبر"),
        ("/help", "/search"),
        ("/summary", "#اوکراین"),
        ("/why", "چرا اهمیت دارد"),
        ("/latest", "آخرین اخبار"),
        ("/background", "پیش‌زمینه خبر"),
        ("/next", "گام‌های آینده"),
        ("/quotes", "— یک مقام آمریکایی"),
        ("/sections", "بخش‌های این خبر"),
        ("/articles", "تازه‌ترین خبرها"),
        ("/search میامی", "نتیجه جستجوی «میامی»"),
        ("/search رئيسجمهور", "نتیجه جستجوی"),
        ("/summary میامی", "ایالات متحده"),
        ("/start@newsbot_sandbox_bot", "تازه‌ترین خبر"),
        ("/quotes@newsbot_sandbox_bot", "نقل قول‌ها"),
        ("/nosuchcommand", "/help"),
    ],
)
async def test_every_command_answers(
    bot: Harness, reader: int, command: str, expected: str
) -> None:
    [answer] = await bot.ask(reader, command)
    assert expected in answer.text
    assert bot.errors() == []


async def test_commands_for_another_bot_are_ignored(bot: Harness, reader: int) -> None:
    [answer] = await bot.ask(reader, "/help")
    bot.emulator.send_text(reader, "/help@some_other_bot")
    [later] = await bot.ask(reader, "/why")
    assert "چرا اهمیت دارد" in later.text
    assert len(bot.emulator.messages(reader)) == 2
    assert answer.text != later.text


async def test_button_edits_the_message(bot: Harness, reader: int) -> None:
    [message] = await bot.ask(reader, "/why")
    buttons = dict((decode(data).view, data) for _, data in buttons_of(message))
    assert "why_it_matters" not in buttons and "whats_next" in buttons
    query = await bot.press(reader, message, buttons["whats_next"], reader)
    assert bot.emulator.callback_answer(query) is not None
    assert len(bot.emulator.messages(reader)) == 1
    edited = bot.emulator.messages(reader)[0]
    assert edited.edits and "گام‌های آینده" in edited.text
    for _, data in buttons_of(edited):
        assert len(data.encode()) <= 64
    assert bot.errors() == []


async def test_a_double_tap_is_harmless(bot: Harness, reader: int) -> None:
    [message] = await bot.ask(reader, "/sections")
    data = next(data for _, data in buttons_of(message) if decode(data).view == "summary")
    first = bot.emulator.press_button(reader, message.message_id, data, user_id=reader)
    second = await bot.press(reader, message, data, reader)
    await bot.answers(reader, 0)
    assert bot.emulator.callback_answer(first) is not None
    assert bot.emulator.callback_answer(second) is not None
    assert len(bot.emulator.messages(reader)) == 1
    refused = bot.errors()
    assert all("not modified" in description for _, _, description in refused), refused


async def test_button_of_a_removed_article_gets_an_answer(tmp_path: Path) -> None:
    async with bot_running(tmp_path, store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        [message] = await harness.ask(READER, "/sections")
        data = buttons_of(message)[0][1]
        store = Store.open(harness.settings.database_path)
        article_id = decode(data).article_id
        PostLog(store.db).forget_article(article_id)
        store.delete(article_id)
        store.close()
        query = await harness.press(READER, message, data, READER)
        assert "دیگر در دسترس نیست" in str(harness.emulator.callback_answer(query))


async def test_english_reader_gets_english(bot: Harness) -> None:
    english = new_user(bot.emulator, "Sam", language_code="en")
    [answer] = await bot.ask(english, "/help")
    assert "Commands" in answer.text
    [answer] = await bot.ask(english, "/search nothingmatches")
    assert "No article matches" in answer.text


async def test_group_chat(bot: Harness, reader: int) -> None:
    group = bot.emulator.add_group("تحریریه")
    [answer] = await bot.ask(group, "/summary@newsbot_sandbox_bot", user_id=reader)
    assert "#اوکراین" in answer.text
    [answer] = await bot.ask(group, "/next", user_id=reader)
    assert "گام‌های آینده" in answer.text


async def test_nothing_to_show_gets_a_sentence(bot: Harness, reader: int) -> None:
    [answer] = await bot.ask(reader, "/search")
    assert "/search" in answer.text
    [answer] = await bot.ask(reader, "/search واژه‌ای‌که‌نیست")
    assert "پیدا نشد" in answer.text
    [answer] = await bot.ask(reader, "/summary " + "x" * 300)
    assert "حداکثر" in answer.text


async def test_blocked_reader_does_not_stop_the_bot(bot: Harness, reader: int) -> None:
    blocking = new_user(bot.emulator, "رضا")
    # The reader blocks the bot between asking and being answered.
    bot.emulator.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    bot.emulator.send_text(blocking, "/summary")
    await bot.settled()
    [answer] = await bot.ask(reader, "/why")
    assert "چرا اهمیت دارد" in answer.text
    assert any(status == 403 for _, status, _ in bot.errors())


async def test_empty_database(tmp_path: Path) -> None:
    async with bot_running(tmp_path, content=[]) as harness:
        harness.emulator.add_user(READER, "مریم")
        for command, expected in [
            ("/start", "هنوز خبری"),
            ("/summary", "هنوز خبری"),
            ("/quotes", "هنوز خبری"),
            ("/articles", "هنوز خبری"),
            ("/search اوکراین", "پیدا نشد"),
        ]:
            [answer] = await harness.ask(READER, command)
            assert expected in answer.text
        assert harness.errors() == []


def _write(folder: Path, name: str, text: str) -> Path:
    """An article file in ``folder/src`` (copied into the bot's content folder)."""
    path = folder / "src" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def test_missing_section_and_no_quotes(tmp_path: Path) -> None:
    article = _write(tmp_path, "short.txt", "خبر کوتاه\nچرا مهم است: زیرا مهم است.\n")
    async with bot_running(tmp_path, content=[article], store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        [answer] = await harness.ask(READER, "/next")
        assert "بخش «گام‌های آینده» ندارد" in answer.text
        assert buttons_of(answer)
        [answer] = await harness.ask(READER, "/quotes")
        assert "نقل قولی نیامده" in answer.text


async def test_long_article_and_markup_like_text(tmp_path: Path) -> None:
    long_paragraph = "این جمله درباره بودجه <b> و a < b & c است. " * 60
    lines = ["عنوان <i>آزمایشی</i> & a < b", "لید با &amp; و <tag>."]
    lines += ["جزئیات:"] + [long_paragraph for _ in range(8)]
    lines += ["- مورد <script>alert(1)</script>", "گام بعدی: «نقل <b>» گفت وزیر."]
    article = _write(tmp_path, "long.txt", "\n".join(lines))
    async with bot_running(tmp_path, content=[article], store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        before = len(harness.emulator.messages(READER))
        harness.emulator.send_text(READER, "/sections")
        [menu] = await harness.answers(READER, before)
        data = next(data for _, data in buttons_of(menu) if decode(data).view == "details")
        before = len(harness.emulator.messages(READER))
        await harness.press(READER, menu, data, READER)
        parts = await harness.answers(READER, before, expect=2)
        assert len(parts) >= 5
        assert all(len(part.text) <= 4096 for part in parts)
        for command in ("/summary", "/next", "/quotes", "/start"):
            await harness.ask(READER, command)
        assert harness.errors() == []
        assert "<b>" in parts[0].text


async def test_commands_are_published_in_persian_and_english(bot: Harness) -> None:
    calls = [r for r in bot.emulator.requests if r.method.lower() == "setmycommands"]
    assert len(calls) == 2
    assert [r.params.get("language_code") for r in calls].count("en") == 1
    assert all(r.status == 200 for r in calls)


async def test_errors_reach_the_admins_in_one_message(tmp_path: Path) -> None:
    admin = 7001
    async with bot_running(tmp_path, admin_ids=[admin], store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        harness.emulator.add_user(admin, "سردبیر")
        harness.emulator.fail_next("sendMessage", 400, "Bad Request: message thread not found")
        harness.emulator.send_text(READER, "/summary")
        [report] = await harness.answers(admin, 0)
        assert "خطا" in report.text and "message thread not found" in report.text.lower()
        assert report.text.count("\n") <= 1
        [apology] = await harness.answers(READER, 0)
        assert "مشکلی پیش آمد" in apology.text


async def test_article_date_comes_from_its_dateline(tmp_path: Path) -> None:
    article = _write(tmp_path, "dated.txt", "خبر تاریخ‌دار\n۱۴۰۳/۰۱/۰۱\nلید.\nچرا مهم است: زیرا.")
    async with bot_running(tmp_path, content=[article], store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        [answer] = await harness.ask(READER, "/summary")
        assert "۱ فروردین ۱۴۰۳" in answer.text


async def test_search_finds_every_spelling_of_hamza(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.txt", "مسأله آب در تهران\nآخرین اخبار: متن نخست.")
    second = _write(tmp_path, "b.txt", "مسئله برق در شیراز\nآخرین اخبار: متن دوم.")
    async with bot_running(tmp_path, content=[first, second], store_first=True) as harness:
        harness.emulator.add_user(READER, "مریم")
        for query in ("مسئله", "مسأله", "مسؤله"):
            [answer] = await harness.ask(READER, f"/search {query}")
            found = [label for label, _ in buttons_of(answer)]
            assert "مسأله آب در تهران" in found
            assert "مسئله برق در شیراز" in found
        assert harness.errors() == []
