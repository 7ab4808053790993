"""Approval before posting end to end (DIGEST_APPROVAL=on): the real bot, one for the module.

Articles are stored by the test (as the ingest worker would store them) outside the
content folder; an admin's /reload makes the bot look, and each new or changed article
waits for an admin's decision while the digest ticks every second. The cases run in
order on the same bot and each uses an article of its own.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
import pytest_asyncio
from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from bot.article import Article, Block, Section
from bot.config import Settings
from bot.storage.approvals import Approvals
from bot.storage.articles import Store
from bot.tg.flood import ChatRateLimiter
from bot.tg.jobs import CORRECT_SECONDS
from bot.tg.services import KEY, Services

from .conftest import clean_environment
from .e2e import Harness, bot_running
from .test_admin_e2e import answer_of, forged_press, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="module")

EDITOR = 7101  # writes in Persian
CHIEF = 7102  # Telegram in English
STRANGER = 7103
CHANNEL = "@chan_approve"
FA_BUTTONS = ["انتشار", "نگه‌داشتن", "حذف"]
EN_BUTTONS = ["Publish", "Hold", "Discard"]
_names = itertools.count(1)


def setup(emulator: BotApiEmulator, settings: Settings) -> None:
    emulator.add_channel(CHANNEL)
    emulator.add_user(EDITOR, "سردبیر")
    emulator.add_user(CHIEF, "Chief", language_code="en")
    emulator.add_user(STRANGER, "غریبه")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    """The bot with approval on, an empty content folder, two admins and one channel."""
    folder = tmp_path_factory.mktemp("approval-bot")
    with pytest.MonkeyPatch.context() as monkeypatch:
        clean_environment(monkeypatch, folder)
        # The admins' chats get many messages here; Telegram's pace is not what is tested.
        fast = functools.partial(ChatRateLimiter, chat_per_second=30, chat_burst=30,
                                 group_per_minute=600)
        monkeypatch.setattr("bot.tg.app.ChatRateLimiter", fast)
        async with bot_running(folder, [], setup=setup, digest_chats=[CHANNEL],
                               admin_ids=[EDITOR, CHIEF], digest_schedule="every 1s",
                               digest_approval="on") as harness:  # fmt: skip
            # The admins have written to the bot: it knows their languages.
            for admin in (EDITOR, CHIEF):
                await harness.ask(admin, "/status")
            yield harness


@pytest.fixture
def bot(shared: Harness) -> Harness:
    return shared.case()


def channel_id(harness: Harness) -> int:
    return next(c.id for c in harness.emulator.core.world.chats.values()
                if c.username == CHANNEL.lstrip("@"))  # fmt: skip


def store_article(harness: Harness, article: Article, source: str | None = None
                  ) -> tuple[int, str]:  # fmt: skip
    """Store ``article`` as the ingest worker would (new, or a new version of ``source``)."""
    source = source or f"{harness.settings.content_dir.parent}/article-{next(_names)}.txt"
    store = Store.open(harness.settings.database_path)
    try:
        result = store.ingest(article, source, repr(article))
        return result.id, source
    finally:
        store.close()


def paragraph(key: str, label: str, *texts: str) -> Section:
    """A section of paragraphs, or of a paragraph and bullets (texts starting with "- ")."""
    blocks = tuple(Block("bullet", text[2:]) if text.startswith("- ") else Block("paragraph", text)
                   for text in texts)  # fmt: skip
    return Section(key, label, blocks)


def prompts(harness: Harness, chat: int, article_id: int) -> list[SentMessage]:
    """The decision messages about ``article_id`` sent to ``chat``."""
    return [m for m in harness.emulator.messages(chat) if f"#{article_id} " in m.text
            and ("Preview" in m.text or "پیش‌نمایش" in m.text)]  # fmt: skip


async def offered(harness: Harness, article_id: int, count: int = 1) -> dict[int, SentMessage]:
    """After /reload: each admin's ``count``-th decision message about ``article_id``.

    The messages change when someone decides: read their buttons (:func:`data_of`) first.
    """
    harness.emulator.send_text(EDITOR, "/reload")
    found = {}
    for admin in (EDITOR, CHIEF):
        await wait_for(harness, admin,
                       lambda m, chat=admin: len(prompts(harness, chat, article_id)) >= count)
        found[admin] = prompts(harness, admin, article_id)[count - 1]
    await harness.settled()
    return found


def preview_before(harness: Harness, chat: int, prompt: SentMessage, size: int
                   ) -> list[SentMessage]:  # fmt: skip
    """The ``size`` messages of the preview that ``prompt`` closes."""
    messages = harness.emulator.messages(chat)
    ids = [m.message_id for m in messages]
    assert prompt.message_id in ids, (prompt.message_id, prompt.chat_id, chat, ids, prompt.text)
    at = ids.index(prompt.message_id)
    return messages[at - size : at]


def data_of(message: SentMessage, action: str) -> str:
    found = [data for _, data in buttons_of(message) if data.startswith(f"ap:{action}:")]
    assert found, (message.text, buttons_of(message))
    return found[0]


def all_data(found: dict[int, SentMessage]) -> dict[tuple[int, str], str]:
    """Every admin's button data by (admin, action), read before anyone presses."""
    return {(admin, action): data_of(message, action) for admin, message in found.items()
            for action in ("pub", "hold", "drop")}  # fmt: skip


def labels(message: SentMessage) -> list[str]:
    return [text for text, _ in buttons_of(message)]


def approvals(harness: Harness) -> Approvals:
    return Approvals(Store.open(harness.settings.database_path).db)


def services_of(harness: Harness) -> Services:
    service: Services = harness.application.bot_data[KEY]
    return service


#: Three posts (summary, latest, what's next) with bold, a quote, bullets and markup.
ARTICLE_TALKS = Article(
    title="مذاکرات تازه در ژنو",
    lede="نمایندگان دو کشور امروز در ژنو دیدار کردند.",
    sections=(
        paragraph("why_it_matters", "چرا مهم است",
                  "این نخستین دیدار رسمی پس از یک سال است و به گفته «ناظران» راه را باز می‌کند."),
        paragraph("latest", "آخرین اخبار", "دو طرف بیانیه‌ای مشترک منتشر کردند.",
                  "- گفت‌وگوها سه ساعت طول کشید.", "- دور بعد هفته آینده است."),
        paragraph("whats_next", "گام‌های آینده",
                  "کارشناسان <هفته آینده> دوباره دیدار می‌کنند & گزارش می‌دهند."),
    ),
    hashtags=("ژنو",),
)  # fmt: skip
ARTICLE_HELD = Article(
    title="خبر نگه‌داشته",
    lede="لید خبر نگه‌داشته.",
    sections=(paragraph("why_it_matters", "چرا مهم است", "چون صبر می‌کنیم."),),
)
ARTICLE_CORRECTED = Article(
    title="خبر اصلاح‌شدنی",
    lede="لید نخست خبر اصلاح‌شدنی.",
    sections=(paragraph("why_it_matters", "چرا مهم است", "چون پس از انتشار عوض می‌شود."),),
)
ARTICLE_DROPPED = Article(
    title="خبر حذف‌شدنی",
    lede="لید خبر حذف‌شدنی.",
    sections=(paragraph("why_it_matters", "چرا مهم است", "چون نباید برود."),),
)


async def test_a_new_article_waits_and_the_preview_is_what_the_channel_gets(
    bot: Harness,
) -> None:
    article_id, _ = store_article(bot, ARTICLE_TALKS)
    prompt = await offered(bot, article_id)
    data = all_data(prompt)
    assert labels(prompt[EDITOR]) == FA_BUTTONS and labels(prompt[CHIEF]) == EN_BUTTONS
    assert "Waiting for approval" in prompt[CHIEF].text
    assert "منتظر تأیید" in prompt[EDITOR].text
    assert all(len(data.encode()) <= 64 for _, data in buttons_of(prompt[CHIEF]))
    await asyncio.sleep(2)
    channel = channel_id(bot)
    assert bot.emulator.messages(channel) == [], "nothing is posted before a decision"
    [status] = await bot.ask(CHIEF, "/status")
    assert f"Awaiting approval: #{article_id}" in status.text
    [queue] = await bot.ask(EDITOR, "/queue")
    assert f"در انتظار تأیید: #{article_id}" in queue.text
    assert "summary" not in queue.text, "its posts are not listed as coming"

    query = bot.emulator.press_button(CHIEF, prompt[CHIEF].message_id, data[CHIEF, "pub"],
                                      user_id=CHIEF)  # fmt: skip
    assert await answer_of(bot, query) == "Published: it goes out with the digest schedule."
    size = len(services_of(bot).channels.preview(services_of(bot).store.get(article_id)))
    await wait_for(bot, channel, lambda m: len(bot.emulator.messages(channel)) >= size)
    await asyncio.sleep(1.2)
    sent = bot.emulator.messages(channel)
    assert len(sent) == size == 3
    for admin in (EDITOR, CHIEF):
        shown = preview_before(bot, admin, prompt[admin], size)
        assert [(m.text, m.entities) for m in shown] == [(m.text, m.entities) for m in sent]
        assert [m.raw_text for m in shown] == [m.raw_text for m in sent]
        updated = prompts(bot, admin, article_id)[0]
        assert buttons_of(updated) == [], "one decision is enough: the buttons go"
    assert "Published by Chief" in prompts(bot, CHIEF, article_id)[0].text
    assert "Chief منتشرش کرد" in prompts(bot, EDITOR, article_id)[0].text
    # The other admin's old buttons: already decided, nothing changes.
    query = forged_press(bot, prompt[EDITOR], data[EDITOR, "drop"], user_id=EDITOR)
    assert "قبلاً تصمیم گرفته شده" in await answer_of(bot, query)
    review = approvals(bot).get(article_id)
    assert review is not None
    assert (review.state, review.decided_by, review.decided_by_name) == ("approved", CHIEF,
                                                                         "Chief")  # fmt: skip
    await bot.settled()
    assert len(bot.emulator.messages(channel)) == size
    assert bot.errors() == []


async def test_hold_keeps_it_waiting_and_preview_n_publishes_it_later(
    bot: Harness,
) -> None:
    article_id, _ = store_article(bot, ARTICLE_HELD)
    prompt = await offered(bot, article_id)
    data = all_data(prompt)
    channel = channel_id(bot)
    before = len(bot.emulator.messages(channel))
    query = bot.emulator.press_button(EDITOR, prompt[EDITOR].message_id, data[EDITOR, "hold"],
                                      user_id=EDITOR)  # fmt: skip
    assert await answer_of(bot, query) == f"نگه داشته شد. هر وقت خواستید: /preview {article_id}"
    await bot.settled()
    held = prompts(bot, CHIEF, article_id)[0]
    assert "Held by سردبیر" in held.text and labels(held) == EN_BUTTONS, "still to decide"
    query = forged_press(bot, prompt[CHIEF], data[CHIEF, "hold"], user_id=CHIEF)
    assert "already decided" in await answer_of(bot, query)
    await asyncio.sleep(2)
    assert len(bot.emulator.messages(channel)) == before, "held: not posted"
    [status] = await bot.ask(CHIEF, "/status")
    assert f"Held by سردبیر: #{article_id}" in status.text

    answers = await bot.ask(CHIEF, f"/preview {article_id}", expect=2)
    *shown, again = answers
    assert labels(again) == EN_BUTTONS and "Held by" in again.text
    assert [m.text for m in shown] == [m.text for m in preview_before(bot, EDITOR,
                                                                      prompt[EDITOR], 1)]
    query = bot.emulator.press_button(CHIEF, again.message_id, data_of(again, "pub"),
                                      user_id=CHIEF)  # fmt: skip
    assert "Published" in await answer_of(bot, query)
    await wait_for(bot, channel, lambda m: len(bot.emulator.messages(channel)) > before)
    await asyncio.sleep(1.2)
    new = bot.emulator.messages(channel)[before:]
    assert [m.text for m in new] == [shown[0].text]
    await bot.settled()
    for admin in (EDITOR, CHIEF):
        assert all(buttons_of(m) == [] for m in prompts(bot, admin, article_id))
    assert bot.errors() == []


async def test_discard_never_posts_and_is_recorded(bot: Harness) -> None:
    article_id, _ = store_article(bot, ARTICLE_DROPPED)
    prompt = await offered(bot, article_id)
    data = all_data(prompt)
    channel = channel_id(bot)
    before = len(bot.emulator.messages(channel))
    query = bot.emulator.press_button(CHIEF, prompt[CHIEF].message_id, data[CHIEF, "drop"],
                                      user_id=CHIEF)  # fmt: skip
    assert await answer_of(bot, query) == "Discarded: it will not be posted."
    query = forged_press(bot, prompt[EDITOR], data[EDITOR, "pub"], user_id=EDITOR)
    assert "قبلاً تصمیم گرفته شده" in await answer_of(bot, query)
    await asyncio.sleep(2)
    assert len(bot.emulator.messages(channel)) == before, "discarded: never posted"
    review = approvals(bot).get(article_id)
    assert review is not None and (review.state, review.decided_by) == ("rejected", CHIEF)
    [status] = await bot.ask(CHIEF, "/status")
    assert f"#{article_id}" not in status.text
    *_, last = await bot.ask(CHIEF, f"/preview {article_id}", expect=2)
    assert "Discarded by Chief" in last.text and buttons_of(last) == []
    assert bot.errors() == []


async def test_a_changed_article_waits_again_and_publishing_runs_its_corrections(
    bot: Harness,
) -> None:
    released: list[int] = []

    async def corrections(_bot: object, article_id: int) -> None:
        released.append(article_id)

    real = services_of(bot).on_release
    services_of(bot).on_release = corrections
    # A text of its own: the same text again would be the article stored before.
    article_id, source = store_article(bot, replace(ARTICLE_HELD, lede="لید خبری که عوض می‌شود."))
    first = await offered(bot, article_id)
    old = all_data(first)
    await answer_of(bot, bot.emulator.press_button(EDITOR, first[EDITOR].message_id,
                                                   old[EDITOR, "pub"], user_id=EDITOR))
    await bot.settled()
    assert released == [article_id]
    changed = replace(ARTICLE_HELD, lede="لید تازه خبر نگه‌داشته.")
    assert store_article(bot, changed, source=source)[0] == article_id
    assert not approvals(bot).released(article_id), "a changed article waits again"
    second = await offered(bot, article_id, count=2)
    assert "new version of article" in second[CHIEF].text
    assert labels(second[CHIEF]) == EN_BUTTONS
    # Changed again before anyone decided: the buttons of the replaced preview go.
    store_article(bot, replace(changed, lede="لید سوم خبر نگه‌داشته."), source=source)
    third = await offered(bot, article_id, count=3)
    assert buttons_of(second[EDITOR]) == buttons_of(second[CHIEF]) == [], "replaced"
    assert labels(third[CHIEF]) == EN_BUTTONS
    # A button of the first version's preview does not decide about the second.
    query = forged_press(bot, first[CHIEF], old[CHIEF, "pub"], user_id=CHIEF)
    assert "older version" in await answer_of(bot, query)
    assert released == [article_id]
    query = bot.emulator.press_button(CHIEF, third[CHIEF].message_id,
                                      data_of(third[CHIEF], "pub"), user_id=CHIEF)  # fmt: skip
    assert "Published" in await answer_of(bot, query)
    await bot.settled()
    assert released == [article_id, article_id], "the corrections run once it is approved"
    assert approvals(bot).released(article_id)
    services_of(bot).on_release = real
    assert bot.errors() == []


async def test_a_sent_article_changed_is_corrected_only_once_published(bot: Harness) -> None:
    """The real release: the corrector holds the changed article until it is published."""
    channel = channel_id(bot)

    def posted() -> list[SentMessage]:
        return [m for m in bot.emulator.messages(channel) if "اصلاح‌شدنی" in m.text]

    article_id, source = store_article(bot, ARTICLE_CORRECTED)
    first = await offered(bot, article_id)
    query = bot.emulator.press_button(EDITOR, first[EDITOR].message_id,
                                      data_of(first[EDITOR], "pub"), user_id=EDITOR)  # fmt: skip
    assert "منتشر" in await answer_of(bot, query)
    await wait_for(bot, channel, lambda m: bool(posted()))
    await asyncio.sleep(1.2)
    [sent] = posted()
    assert "لید نخست" in sent.text
    changed = replace(ARTICLE_CORRECTED, lede="لید دوم خبر اصلاح‌شدنی.")
    assert store_article(bot, changed, source=source)[0] == article_id
    second = await offered(bot, article_id, count=2)
    # The corrections job runs in this time; the new version waits for a decision.
    await asyncio.sleep(CORRECT_SECONDS + 1)
    [waiting] = posted()
    assert waiting.edits == [] and "لید نخست" in waiting.text, "not corrected while it waits"
    # From here only publishing may start the correction, not the periodic job.
    assert bot.application.job_queue is not None
    [job] = bot.application.job_queue.get_jobs_by_name("corrections")
    job.enabled = False
    try:
        query = bot.emulator.press_button(CHIEF, second[CHIEF].message_id,
                                          data_of(second[CHIEF], "pub"), user_id=CHIEF)  # fmt: skip
        assert "Published" in await answer_of(bot, query)
        await wait_for(bot, channel, lambda m: m.message_id == sent.message_id and bool(m.edits))
    finally:
        job.enabled = True
    await asyncio.sleep(CORRECT_SECONDS + 1)
    [corrected] = posted()
    assert len(corrected.edits) == 1 and "لید دوم" in corrected.text, "corrected once"
    assert bot.errors() == []


@pytest.mark.parametrize(
    ("data", "user", "expected"),
    [
        ("ap:pub:99999:0a1b2c3d", CHIEF, "There is no article #99999"),
        ("ap:boom:1:0a1b2c3d", CHIEF, "I don't know this button"),
        ("ap:pub:1:XYZ", CHIEF, "I don't know this button"),
        ("ap:pub:1", CHIEF, "I don't know this button"),
        ("ap:pub:1:0a1b2c3d:x", CHIEF, "I don't know this button"),
        ("ap:", CHIEF, "I don't know this button"),
        ("ap:pub:1:0a1b2c3d", STRANGER, "فقط برای سردبیران"),
    ],
)
async def test_malformed_or_foreign_presses_change_nothing(
    bot: Harness, data: str, user: int, expected: str
) -> None:
    [status] = await bot.ask(CHIEF, "/status")
    query = forged_press(bot, status, data, user_id=user)
    assert expected in await answer_of(bot, query)
    await bot.settled()


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/preview abc", "Write the article's number after /preview"),
        ("/preview 99999", "There is no article #99999"),
    ],
)
async def test_preview_refusals(bot: Harness, command: str, expected: str) -> None:
    [answer] = await bot.ask(CHIEF, command)
    assert expected in answer.text


async def test_preview_without_a_number_shows_the_newest_and_only_admins_may(
    bot: Harness,
) -> None:
    newest = services_of(bot).store.latest()
    assert newest is not None
    *_, last = await bot.ask(CHIEF, "/preview", expect=2)
    assert f"#{newest.id} " in last.text
    [refusal] = await bot.ask(STRANGER, "/preview 1")
    assert "فقط برای سردبیران" in refusal.text
