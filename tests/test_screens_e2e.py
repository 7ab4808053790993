"""End to end: editor screens in the editor's language, and what readers get.

One bot for the module, with the sample article, two digest chats and two editors: one
whose Telegram is Persian, one whose Telegram is English. Each case has readers of its
own; the cases that add an article or pause posting say so, and the later ones count
from the post log rather than from fixed numbers.
"""

from __future__ import annotations

import asyncio
import itertools
import re
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from bot.article import Article, Block, Section
from bot.config import Settings
from bot.storage.articles import Store
from bot.storage.postlog import PostLog
from bot.tg.callbacks import decode
from bot.tg.replies import CHOICE_SECONDS, CLOCK

from .conftest import clean_environment
from .e2e import Harness, bot_running

pytestmark = pytest.mark.asyncio(loop_scope="module")

EDITOR_FA = 7101
EDITOR_EN = 7102
CHATS = ["@chan_a", "@chan_b"]
LIMIT = 20_000
WORKER_TIMEOUT = 60.0
_users = itertools.count(5301)
#: The module's clock, in seconds: the choice of an article expires without sleeping.
NOW = [1_000_000.0]
PERSIAN = re.compile(r"[\u0600-\u06ff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def new_reader(emulator: BotApiEmulator, language_code: str = "fa") -> int:
    """A reader no other case has used, in a private chat with the bot."""
    return emulator.add_user(next(_users), "خواننده", language_code=language_code)


def world(emulator: BotApiEmulator, settings: Settings) -> None:
    for name in CHATS:
        emulator.add_channel(name)
    emulator.add_user(EDITOR_FA, "سردبیر")
    emulator.add_user(EDITOR_EN, "Editor", language_code="en")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    folder = tmp_path_factory.mktemp("screens-bot")
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_environment(monkeypatch, folder)
        async with bot_running(
            folder, store_first=True, setup=world, digest_chats=CHATS,
            admin_ids=[EDITOR_FA, EDITOR_EN], digest_schedule="0 8,12,16,20 * * *",
            max_article_bytes=LIMIT,
        ) as harness:  # fmt: skip
            harness.application.bot_data[CLOCK] = lambda: NOW[0]
            yield harness


@pytest.fixture
def bot(shared: Harness) -> Harness:
    return shared.case()


def views(message: SentMessage) -> list[str]:
    """The views the message's buttons open."""
    return [request.view for _, data in buttons_of(message) if (request := decode(data))]


def waiting(harness: Harness, chat: str) -> int:
    store = Store.open(harness.settings.database_path)
    try:
        return PostLog(store.db).waiting(chat)
    finally:
        store.close()


def add_article(harness: Harness, title: str, sections: tuple[Section, ...]) -> int:
    """Store an article beside the bot, as the content folder's re-scan would."""
    store = Store.open(harness.settings.database_path)
    try:
        article = Article(title=title, lede=f"لید {title}.", sections=sections)
        return store.ingest(article, f"test:{title}", title).id
    finally:
        store.close()


BODY = (Block("paragraph", "متن این بخش."),)


async def test_persian_editor_screens(bot: Harness) -> None:
    [queue] = await bot.ask(EDITOR_FA, "/queue")
    lines = queue.text.splitlines()
    assert lines[0] == "صف ارسال" and "روشن است" in lines[1]
    sample_items = waiting(bot, "@chan_a")
    assert sample_items == 6
    assert f"@chan_a: {'۶'} مورد در صف" in lines
    due = [line for line in lines if re.match(r"^[۱-۵]\. ", line)]
    assert len(due) == 10, "five per chat"
    # Jalali dates with Persian digits, at the schedule's hours in Tehran.
    stamp = re.compile(r"[۰-۹]+ [^\s،]+ [۰-۹]{4}، ساعت (۰۸|۱۲|۱۶|۲۰):۰۰")
    assert all(stamp.search(line) for line in due), due
    assert due[0].split("، ", 2)[2].startswith("خلاصه: ")
    names = {line.split("، ", 2)[2].split(":")[0] for line in due}
    assert names == {"خلاصه", "آخرین اخبار", "پیش‌زمینه خبر", "وضعیت فعلی", "آنچه می‌گویند"}
    assert "و ۱ مورد دیگر" in lines, "six waiting, five listed"
    assert not LATIN_WORD.search(queue.text.replace("chan_a", "").replace("chan_b", "")
                                 .replace("resume", "").replace("post", ""))  # fmt: skip
    [status] = await bot.ask(EDITOR_FA, "/status")
    assert "خبرها: ۱" in status.text and "پست‌های کانال: ۱۲ در صف" in status.text, status.text
    assert "ارسال زمان‌بندی‌شده: روشن" in status.text
    [reload] = await bot.ask(EDITOR_FA, "/reload")
    assert reload.text == "در پوشه خبرها تغییری نبود."
    assert bot.errors() == []


async def test_english_editor_screens(bot: Harness) -> None:
    [queue] = await bot.ask(EDITOR_EN, "/queue")
    lines = queue.text.splitlines()
    assert lines[:2] == [
        "Posting queue", "Scheduled posting is on; each item shows when it is due."
    ]
    assert "@chan_a: 6 waiting" in lines and "and 1 more" in lines
    due = [line for line in lines if re.match(r"^[1-5]\. ", line)]
    assert all(re.search(r"\d{1,2} [A-Z][a-z]+ 20\d\d, (08|12|16|20):00, ", line) for line in due)
    assert "The latest: " in queue.text and "latest:" not in queue.text.replace("The latest", "")
    assert not PERSIAN.search(queue.text.split("Summary: ")[0])
    [status] = await bot.ask(EDITOR_EN, "/status")
    assert status.text.splitlines()[:4] == [
        "Bot status", "Articles: 1", "Scheduled posting: on", "Channel posts: 12 waiting",
    ]
    [reload] = await bot.ask(EDITOR_EN, "/reload")
    assert reload.text == "Nothing changed in the content folder."
    assert bot.errors() == []


async def test_uploads_are_answered_in_the_editors_language(bot: Harness) -> None:
    text = "خبر آزمایشی سردبیر\nلید خبر آزمایشی.\nچرا مهم است: چون آزمایش است.\nگام بعدی: فردا."
    before = len(bot.emulator.messages(EDITOR_FA))
    bot.emulator.send_document(EDITOR_FA, text.encode(), "khabar.txt", "text/plain")
    # The ingest worker loads hazm: seconds, more on a busy machine.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WORKER_TIMEOUT
    while len(bot.emulator.messages(EDITOR_FA)) == before and loop.time() < deadline:
        await asyncio.sleep(0.1)
    [reply] = await bot.answers(EDITOR_FA, before)
    lines = reply.text.splitlines()
    assert lines[0] == "✅ خبر تازه #۲ ذخیره شد."
    assert lines[1] == "عنوان: خبر آزمایشی سردبیر"
    assert re.fullmatch(r"تاریخ: [۰-۹]+ [^\s]+ [۰-۹]{4}", lines[2])
    assert "بخش‌ها (۲): چرا مهم است، گام بعدی" in lines
    assert "why_it_matters" not in reply.text and "title:" not in reply.text
    # Refusals: one language each, Persian or English, never both.
    big = b"x" * (LIMIT + 1)
    for editor, expected in (
        (EDITOR_FA, "فایل «big.txt» پذیرفته نشد: بزرگ‌تر از حد مجاز (۲۰ کیلوبایت) است."),
        (EDITOR_EN, "“big.txt” was refused: it is over the size limit (20 KB)."),
    ):
        before = len(bot.emulator.messages(editor))
        bot.emulator.send_document(editor, big, "big.txt", "text/plain")
        [refusal] = await bot.answers(editor, before)
        assert refusal.text == expected
    before = len(bot.emulator.messages(EDITOR_FA))
    bot.emulator.send_document(EDITOR_FA, b"x", "note.pdf", "application/pdf")
    [refusal] = await bot.answers(EDITOR_FA, before)
    assert refusal.text == "فقط فایل متنی ‎.txt‎ پذیرفته می‌شود."
    assert bot.errors() == []


async def test_paused_queue_shows_no_times_and_how_to_resume(bot: Harness) -> None:
    await bot.ask(EDITOR_EN, "/pause")
    try:
        [queue] = await bot.ask(EDITOR_FA, "/queue")
        assert queue.text.splitlines()[1].startswith("⏸ ارسال زمان‌بندی‌شده متوقف است")
        assert "/resume" in queue.text and "ساعت" not in queue.text
        assert "۱. خلاصه: " in queue.text
        [english] = await bot.ask(EDITOR_EN, "/queue")
        assert "paused" in english.text and "/resume" in english.text
        assert not re.search(r"\d\d:\d\d", english.text)
        [status] = await bot.ask(EDITOR_FA, "/status")
        assert "ارسال زمان‌بندی‌شده: ⏸ متوقف (ادامه: /resume)" in status.text
        # /status counts what /queue lists: every chat's waiting posts, and no more.
        total = waiting(bot, "@chan_a") + waiting(bot, "@chan_b")
        assert total > 12, "the uploaded article is planned too"
        persian_total = str(total).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        assert f"پست‌های کانال: {persian_total} در صف" in status.text
        more = waiting(bot, "@chan_a") - 5
        assert f"and {more} more" in english.text
    finally:
        await bot.ask(EDITOR_EN, "/resume")
    assert bot.errors() == []


async def test_plain_text_is_a_search_and_a_greeting_gets_the_welcome(bot: Harness) -> None:
    reader = new_reader(bot.emulator)
    [found] = await bot.ask(reader, "میامی")
    assert "نتیجه جستجوی «میامی»" in found.text
    assert any("اوکراین" in label for label, _ in buttons_of(found))
    [none] = await bot.ask(reader, "واژه‌ای‌که‌نیست")
    assert "پیدا نشد" in none.text
    for greeting in ("سلام", "درود", "سلام!", "سلام، وقت بخیر", "👋"):
        [welcome] = await bot.ask(reader, greeting)
        assert "newsbot" in welcome.text and "تازه‌ترین خبر" in welcome.text, greeting
    english = new_reader(bot.emulator, "en")
    for greeting in ("hi", "Hello!"):
        [welcome] = await bot.ask(english, greeting)
        assert welcome.text.startswith("Hello! I am newsbot"), greeting
        assert next(label for label, _ in buttons_of(welcome)) == "Summary"
    [long] = await bot.ask(reader, "خبر " * 80)
    assert "حداکثر ۲۰۰ نویسه" in long.text
    assert bot.errors() == []


async def test_groups_stay_quiet_unless_addressed(bot: Harness) -> None:
    reader = new_reader(bot.emulator)
    group = bot.emulator.add_group("گفت‌وگو")
    bot.emulator.send_text(group, "سلام به همه", user_id=reader)
    bot.emulator.send_text(group, "میامی", user_id=reader)
    await bot.settled()
    assert bot.emulator.messages(group) == []
    [answer] = await bot.ask(group, "@newsbot_sandbox_bot میامی", user_id=reader)
    assert "نتیجه جستجوی «میامی»" in answer.text
    bot.emulator.send_text(group, "سلام", user_id=reader)
    await bot.settled()
    assert bot.emulator.messages(group) == [answer], "only the message naming the bot"
    assert bot.errors() == []


async def test_english_readers_get_english_buttons_and_dates(bot: Harness) -> None:
    english = new_reader(bot.emulator, "en")
    [summary] = await bot.ask(english, "/summary میامی")
    labels = [label for label, _ in buttons_of(summary)]
    assert "The latest" in labels and "Background" in labels and "What's next" in labels
    assert not any(PERSIAN.search(label) for label in labels)
    assert "why_it_matters" not in views(summary) and "summary" not in views(summary)
    date_line = summary.text.splitlines()[1]
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d", date_line), date_line
    persian = new_reader(bot.emulator)
    [summary] = await bot.ask(persian, "/summary میامی")
    assert re.fullmatch(r"[۰-۹]+ \S+ [۰-۹]{4}", summary.text.splitlines()[1])
    assert "why_it_matters" not in views(summary)
    assert next(label for label, _ in buttons_of(summary)) == "آخرین اخبار"
    [why] = await bot.ask(persian, "/why")
    assert "why_it_matters" not in views(why) and "summary" in views(why)
    [help_text] = await bot.ask(english, "/help")
    assert "newest article" in help_text.text and "30 minutes" in help_text.text
    [help_text] = await bot.ask(persian, "/help")
    assert "۳۰ دقیقه" in help_text.text
    assert bot.errors() == []


async def test_the_current_article_is_the_newest_unless_chosen_lately(bot: Harness) -> None:
    reader = new_reader(bot.emulator)
    older = add_article(bot, "خبر قدیمی درباره بندر", (Section("whats_next", "گام بعدی", BODY),))
    # The reader opens the (then newest) older article with a button.
    [menu] = await bot.ask(reader, "/start")
    assert "خبر قدیمی درباره بندر" in menu.text
    data = next(data for _, data in buttons_of(menu) if decode(data).view == "whats_next")
    await bot.press(reader, menu, data, reader)
    # A new article arrives: /next answers about it, not the one opened earlier.
    newer = add_article(bot, "خبر تازه درباره فرودگاه", (Section("whats_next", "گام بعدی", BODY),))
    [answer] = await bot.ask(reader, "/next")
    assert "خبر تازه درباره فرودگاه" in answer.text
    # The reader chooses the older one from /articles: it is current for half an hour.
    [listing] = await bot.ask(reader, "/articles")
    data = next(data for _, data in buttons_of(listing) if decode(data).article_id == older)
    await bot.press(reader, listing, data, reader)
    NOW[0] += CHOICE_SECONDS - 60
    [answer] = await bot.ask(reader, "/next")
    assert "خبر قدیمی درباره بندر" in answer.text
    [answer] = await bot.ask(reader, "/latest")
    assert "بخش «آخرین اخبار» ندارد" in answer.text and "خبر قدیمی" in answer.text
    NOW[0] += 120
    [answer] = await bot.ask(reader, "/next")
    assert "خبر تازه درباره فرودگاه" in answer.text, "the choice expired"
    # Choosing the newest one pins nothing: the next new article is current at once.
    [listing] = await bot.ask(reader, "/articles")
    data = next(data for _, data in buttons_of(listing) if decode(data).article_id == newer)
    await bot.press(reader, listing, data, reader)
    add_article(bot, "خبر سوم درباره راه‌آهن", (Section("whats_next", "گام بعدی", BODY),))
    [answer] = await bot.ask(reader, "/next")
    assert "خبر سوم درباره راه‌آهن" in answer.text
    assert bot.errors() == [] or all(
        "not modified" in error for _, _, error in bot.errors()
    ), bot.errors()



async def test_alerts_reach_each_editor_in_their_language(bot: Harness) -> None:
    # Last in the module: it posts. Both editors have written to the bot by now.
    channel_b = next(c.id for c in bot.emulator.core.world.chats.values()
                     if c.username == "chan_b")  # fmt: skip
    bot.emulator.kick_bot(channel_b)
    before = {editor: len(bot.emulator.messages(editor)) for editor in (EDITOR_FA, EDITOR_EN)}
    bot.emulator.send_text(EDITOR_EN, "/post")
    answers = await bot.answers(EDITOR_EN, before[EDITOR_EN], expect=2)
    alert_en = next(m for m in answers if m.text.startswith("⚠️"))
    assert alert_en.text.startswith("⚠️ Chat @chan_b is failing: ")
    [report] = [m for m in answers if not m.text.startswith("⚠️")]
    lines = report.text.splitlines()
    assert lines[0].startswith("@chan_a: Summary of “") and lines[0].endswith("” sent.")
    assert lines[1].startswith("@chan_b: the chat is failing: ")
    [alert_fa] = await bot.answers(EDITOR_FA, before[EDITOR_FA])
    assert alert_fa.text.startswith("⚠️ کانال @chan_b پست نمی‌گیرد: ")
