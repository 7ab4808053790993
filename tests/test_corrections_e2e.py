"""Corrections that reach the channel, /retract and duplicate files, end to end.

The real bot polls the emulator: an article edited after its posts went out has
exactly its changed posts edited in place, a removed section's post deleted (or, too
old to delete, marked withdrawn); /retract asks first and then withdraws everything;
a file repeating a stored article is named as a duplicate.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from bot.config import Settings
from bot.pipeline.ingest import ingest_paths
from bot.storage.articles import Store
from bot.storage.corrections import CorrectionLog

from .conftest import SAMPLE
from .e2e import Harness, bot_running
from .test_admin_e2e import answer_of, forged_press

ADMIN = 7001
READER = 7002
READER_EN = 7003
ADMIN_EN = 7004
LATEST_OLD = "صادر شد، گفت:"
LATEST_NEW = "صادر شد، اعلام کرد:"
NEXT_LINE = "گامهای آینده: به گفته وزارت امور خارجه، مذاکرات در روز شنبه ادامه خواهند یافت."
EDITED = "ویرایش شد"
STATE_OF_PLAY = "وضعیت فعلی"


def without_section(header: str) -> Callable[[str], str]:
    """Drop the section whose line starts with ``header``, with its bullet lines."""

    def change(text: str) -> str:
        kept: list[str] = []
        dropping = False
        for line in text.split("\n"):
            if line.startswith(header):
                dropping = True
            elif not line.startswith("- "):
                dropping = False
            if not dropping:
                kept.append(line)
        return "\n".join(kept)

    return change


@pytest.fixture(autouse=True)
def _correct_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.tg.jobs.CORRECT_SECONDS", 0.3)
    monkeypatch.setattr("bot.tg.jobs.UNCERTAIN_SECONDS", 0.5)
    # /reload and documents run the ingest worker, which loads the language tools.
    monkeypatch.setattr("tests.e2e.TIMEOUT", 40.0)


def setup(emulator: BotApiEmulator, settings: Settings) -> None:
    emulator.add_channel("@chan_a")
    emulator.add_user(ADMIN, "سردبیر")
    emulator.add_user(READER, "خواننده")


def run_bot(tmp_path: Path):
    return bot_running(
        tmp_path, store_first=True, setup=setup, digest_chats=["@chan_a"], admin_ids=[ADMIN],
    )  # fmt: skip


def channel(harness: Harness) -> int:
    return next(chat.id for chat in harness.emulator.core.world.chats.values()
                if chat.username == "chan_a")  # fmt: skip


async def post(harness: Harness, count: int) -> list[SentMessage]:
    """Post ``count`` items with /post; the channel's messages."""
    for _ in range(count):
        await harness.ask(ADMIN, "/post")
    return harness.emulator.messages(channel(harness))


async def until(check: Callable[[], bool], timeout: float = 15) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


def edit_sample(settings: Settings, change: Callable[[str], str]) -> None:
    path = settings.content_dir / SAMPLE.name
    text = path.read_text(encoding="utf-8")
    edited = change(text)
    assert edited != text
    path.write_text(edited, encoding="utf-8")


def store_now(settings: Settings) -> None:
    """Ingest the content folder here, as the bot's re-scan would (without its worker,
    which takes seconds to load the language tools): the corrections job sees it."""
    store = Store.open(settings.database_path)
    assert [result.status for result in ingest_paths(store, [settings.content_dir])] == ["updated"]
    store.close()


async def test_an_edited_article_edits_exactly_its_changed_posts(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        sent = await post(harness, 4)
        before = {m.message_id: m.text for m in sent}
        # The edit also reaches the last section, whose post is not sent yet.
        edit_sample(
            harness.settings,
            lambda t: t.replace(LATEST_OLD, LATEST_NEW).replace("روز شنبه", "روز شنبه در ژنو"),
        )
        reply = await harness.ask(ADMIN, "/reload")
        assert "به‌روز شد" in reply[0].text
        await until(lambda: any(m.edits for m in harness.emulator.messages(channel(harness))))
        await asyncio.sleep(1.0)  # the corrections job runs several times meanwhile
        messages = harness.emulator.messages(channel(harness))
        edited = [m for m in messages if m.edits]
        assert edited and all(len(m.edits) == 1 for m in edited), "one edit per changed post"
        assert all(EDITED in m.text for m in edited)
        assert any("اعلام کرد" in m.text for m in edited)
        for message in messages:
            if not message.edits:
                assert message.text == before[message.message_id]
        # The pending posts go out as the article reads now, without a mark.
        later = (await post(harness, 2))[len(messages) :]
        assert len(later) == 2 and not any(EDITED in m.text for m in later)
        assert "گام" in later[-1].text.split("\n")[0] and "در ژنو" in later[-1].text
        assert harness.errors() == []


async def test_a_removed_section_is_deleted_or_marked_withdrawn(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        sent = await post(harness, 6)
        assert len(sent) == 6
        last = sent[-1]
        assert "گام" in last.text.split("\n")[0]
        edit_sample(harness.settings, lambda t: t.replace(NEXT_LINE, ""))
        store_now(harness.settings)
        await until(lambda: last.deleted)
        # Two days later Telegram refuses to delete a post: it is marked withdrawn instead.
        [state] = [m for m in sent if m.text.startswith(STATE_OF_PLAY)]
        harness.emulator.advance_clock(49 * 3600)
        edit_sample(harness.settings, without_section(STATE_OF_PLAY))
        store_now(harness.settings)
        await until(lambda: "برداشته شد" in state.text)
        assert not state.deleted and len(state.edits) == 1
        refused = [(method, description) for method, _, description in harness.errors()]
        assert refused == [("deletemessage", "Bad Request: message can't be deleted")]


async def test_retract_asks_then_withdraws(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        sent = await post(harness, 2)
        [question] = await harness.ask(ADMIN, "/retract 1")
        assert "پس گرفته شود" in question.text and "2" in question.text
        assert [data for _, data in buttons_of(question)] == ["r:yes:1", "r:no:1"]
        assert not any(m.deleted for m in sent), "nothing happens before the press"
        refused = await harness.ask(READER, "/retract 1")
        assert "سردبیر" in refused[0].text or "admin" in refused[0].text.lower()
        before = len(harness.emulator.messages(ADMIN))
        await harness.press(ADMIN, question, "r:yes:1", ADMIN)
        [result] = await harness.answers(ADMIN, before)
        assert result.text.startswith("خبر #1 پس گرفته شد") and "2 پیام حذف شد" in result.text
        assert all(m.deleted for m in sent)
        nothing = await harness.ask(ADMIN, "/post")
        assert len(harness.emulator.messages(channel(harness))) == 2, nothing[0].text
        again = await harness.ask(ADMIN, "/retract 1")
        assert "پیش‌تر پس گرفته" in again[0].text
        assert harness.errors() == []


SAMPLE_TITLE = "ایالات متحده و اوکراین"
NEWER_TEXT = "برداشت زعفران در خراسان رکورد زد\nآخرین اخبار: برداشت زعفران امسال بیشتر بود.\n"


def with_a_newer_article(emulator: BotApiEmulator, settings: Settings) -> None:
    """The sample (article 1) and, stored after it, an article about saffron (article 2)."""
    setup(emulator, settings)
    emulator.add_user(READER_EN, "Reader", language_code="en")
    (settings.content_dir / "saffron.txt").write_text(NEWER_TEXT, encoding="utf-8")
    store = Store.open(settings.database_path)
    results = list(ingest_paths(store, [settings.content_dir]))
    store.close()
    statuses = sorted((result.status, result.article_id) for result in results)
    assert statuses == [("new", 2), ("unchanged", 1)]


async def test_a_retracted_article_is_gone_for_readers(tmp_path: Path) -> None:
    async with bot_running(
        tmp_path, store_first=True, setup=with_a_newer_article, digest_chats=["@chan_a"],
        admin_ids=[ADMIN],
    ) as harness:  # fmt: skip
        # The reader picks the older article: it is their current one.
        [listed] = await harness.ask(READER, "/articles")
        picked = next(data for text, data in buttons_of(listed) if SAMPLE_TITLE in text)
        await harness.press(READER, listed, picked, READER)
        [summary] = await harness.ask(READER, "/summary")
        assert SAMPLE_TITLE in summary.text
        [listed_en] = await harness.ask(READER_EN, "/articles")
        old_button = next(data for text, data in buttons_of(listed_en) if SAMPLE_TITLE in text)
        [found] = await harness.ask(READER, "/search میامی")
        assert len(buttons_of(found)) == 1

        [question] = await harness.ask(ADMIN, "/retract 1")
        before = len(harness.emulator.messages(ADMIN))
        await harness.press(ADMIN, question, "r:yes:1", ADMIN)
        [result] = await harness.answers(ADMIN, before)
        assert result.text.startswith("خبر #1 پس گرفته شد")

        [summary] = await harness.ask(READER, "/summary")
        assert "زعفران" in summary.text and SAMPLE_TITLE not in summary.text
        [latest] = await harness.ask(READER, "/latest")
        assert "زعفران" in latest.text and "میامی" not in latest.text
        [listed_now] = await harness.ask(READER, "/articles")
        assert [text for text, _ in buttons_of(listed_now)] == ["برداشت زعفران در خراسان رکورد زد"]
        for asked in ("/search میامی", "میامی", "/summary میامی"):
            [nothing] = await harness.ask(READER, asked)
            assert "پیدا نشد" in nothing.text and not buttons_of(nothing), asked
        shown = len(harness.emulator.messages(READER_EN))
        query = await harness.press(READER_EN, listed_en, old_button, READER_EN)
        answer = harness.emulator.callback_answer(query) or {}
        assert answer.get("text") == "This article was withdrawn. Recent articles: /articles"
        await harness.settled()
        assert len(harness.emulator.messages(READER_EN)) == shown
        assert not harness.emulator.messages(READER_EN)[-1].edits, "the list stays as it was"
        [start] = await harness.ask(READER, "/start")
        assert "زعفران" in start.text and SAMPLE_TITLE not in start.text

        preview = await harness.ask(ADMIN, "/preview 1")
        assert any(SAMPLE_TITLE in m.text for m in preview), "admins keep it for the record"
        assert "پس گرفته شده است" in preview[-1].text and not buttons_of(preview[-1])
        assert harness.errors() == []


async def test_a_duplicate_file_is_named_and_nothing_new_is_planned(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        copy = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").replace("ی", "ي")
        before = len(harness.emulator.messages(ADMIN))
        harness.emulator.send_document(ADMIN, copy.encode(), "copy.txt", "text/plain")
        [reply] = await harness.answers(ADMIN, before)
        assert "همان خبر #۱" in reply.text and SAMPLE.name in reply.text
        (harness.settings.content_dir / "again.txt").write_text(copy, encoding="utf-8")
        store = Store.open(harness.settings.database_path)
        results = list(ingest_paths(store, [harness.settings.content_dir]))
        store.close()
        assert sorted(result.status for result in results) == ["duplicate", "unchanged"]
        assert len(await post(harness, 7)) == 6, "the article is posted once"


def with_english_admin(emulator: BotApiEmulator, settings: Settings) -> None:
    setup(emulator, settings)
    emulator.add_user(ADMIN_EN, "Editor", language_code="en")


async def test_an_edit_in_doubt_is_offered_and_settled_by_a_button(tmp_path: Path) -> None:
    async with bot_running(
        tmp_path, store_first=True, setup=with_english_admin, digest_chats=["@chan_a"],
        admin_ids=[ADMIN, ADMIN_EN],
    ) as harness:  # fmt: skip
        await harness.ask(ADMIN_EN, "/start")  # the bot learns that this admin reads English
        await post(harness, 2)
        # The edit reaches the channel; its answer comes after the bot gave up waiting.
        harness.emulator.delay_next("editMessageText", 30)
        edit_sample(harness.settings, lambda t: t.replace(LATEST_OLD, LATEST_NEW))
        store_now(harness.settings)

        def offers(admin: int = ADMIN, marker: str = "اصلاح #") -> list[SentMessage]:
            return [m for m in harness.emulator.messages(admin) if marker in m.text]

        await until(lambda: bool(offers()), timeout=30)
        [offer] = offers()
        # Each admin gets the offer in their own language, buttons included.
        await until(lambda: bool(offers(ADMIN_EN, "Correction #")), timeout=5)
        [english] = offers(ADMIN_EN, "Correction #")
        assert [text for text, _ in buttons_of(english)] == ["Make it again", "It was made"]
        listed = await harness.ask(ADMIN, "/uncertain")
        assert any("اصلاح #" in m.text for m in listed), "/uncertain lists it too"
        [(_, again), (_, done)] = buttons_of(offer)
        assert again.startswith("k:again:") and done.startswith("k:done:")
        query = await harness.press(ADMIN, offer, done, ADMIN)
        assert "انجام شده بود" in str(harness.emulator.callback_answer(query))
        edited = [m for m in harness.emulator.messages(channel(harness)) if m.edits]
        assert len(edited) == 1 and len(edited[0].edits) == 1, "made once, not repeated"
        second = await harness.press(ADMIN, offer, done, ADMIN)
        assert "دیگر نامعلوم نیست" in str(harness.emulator.callback_answer(second))


async def test_make_it_again_on_an_edit_in_doubt_makes_it_once(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        await post(harness, 2)
        # The edit reaches the channel; its answer comes after the bot gave up waiting.
        harness.emulator.delay_next("editMessageText", 30)
        edit_sample(harness.settings, lambda t: t.replace(LATEST_OLD, LATEST_NEW))
        store_now(harness.settings)

        def offers() -> list[SentMessage]:
            return [m for m in harness.emulator.messages(ADMIN) if "اصلاح #" in m.text]

        await until(lambda: bool(offers()), timeout=30)
        [offer] = offers()
        [(_, again), _] = buttons_of(offer)
        correction_id = int(again.rpartition(":")[2])
        case = harness.case()
        query = await harness.press(ADMIN, offer, again, ADMIN)
        assert "دوباره در صف" in str(harness.emulator.callback_answer(query))
        await harness.settled()
        # Made again at once: Telegram says the message already reads so, and it is done.
        assert [(method, error) for method, _, error in case.errors()] == [
            ("editmessagetext", "Bad Request: message is not modified: specified new message "
             "content and reply markup are exactly the same as a current content and reply "
             "markup of the message"),
        ]  # fmt: skip
        log = CorrectionLog(Store.open(harness.settings.database_path).db)
        correction = log.get(correction_id)
        assert correction is not None and (correction.state, correction.result) == (
            "done", "unchanged")  # fmt: skip
        edited = [m for m in harness.emulator.messages(channel(harness)) if m.edits]
        assert len(edited) == 1 and len(edited[0].edits) == 1 and LATEST_NEW in edited[0].text
        [settled] = offers()
        assert buttons_of(settled) == [], "the question is settled"
        # A press from a copy of the message that still has the buttons changes nothing.
        second = forged_press(harness, offer, again, ADMIN)
        assert "دیگر نامعلوم نیست" in await answer_of(harness, second)
        await harness.settled()
        assert log.get(correction_id) == correction
        assert len(case.errors()) == 1, "not made a third time"


async def test_retract_refuses_an_unknown_article_and_a_no_keeps_it(tmp_path: Path) -> None:
    async with run_bot(tmp_path) as harness:
        sent = await post(harness, 2)
        [unknown] = await harness.ask(ADMIN, "/retract 9")
        assert "خبر #9 وجود ندارد" in unknown.text
        [question] = await harness.ask(ADMIN, "/retract 1")
        before = len(harness.emulator.messages(ADMIN))
        await harness.press(ADMIN, question, "r:no:1", ADMIN)
        [kept] = await harness.answers(ADMIN, before)
        assert "خبر #1 دست نخورد" in kept.text
        assert not any(m.deleted for m in sent)
        [again] = await harness.ask(ADMIN, "/retract 1")
        assert "پس گرفته شود" in again.text, "a kept article can still be withdrawn"
        assert harness.errors() == []
