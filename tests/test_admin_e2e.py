"""Admin work end to end under a hostile or unlucky world.

Uncertain posts, however they came about, are offered with their buttons and can be
listed again; the buttons check the post's state; uploads never replace each other;
admin views stay out of groups; a reader's document gets an answer.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tgsandbox import BotApiEmulator, SentMessage
from tgsandbox.console import buttons_of

from bot.config import Settings
from bot.pipeline.ingest import ingest_paths
from bot.storage.articles import Store
from bot.storage.postlog import PostLog

from .e2e import TIMEOUT, Harness, bot_running

ADMIN = 7001
OTHER_ADMIN = 7003
STRANGER = 7002
NOT_MODIFIED = "message is not modified"
ADMIN_ERROR = "خطا در newsbot"


@pytest.fixture(autouse=True)
def _look_for_uncertain_posts_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.tg.jobs.UNCERTAIN_SECONDS", 0.5)


def world(*channels: str) -> Callable[[BotApiEmulator, Settings], None]:
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        for name in channels:
            emulator.add_channel(name)
        emulator.add_user(ADMIN, "سردبیر", language_code="en")
        emulator.add_user(OTHER_ADMIN, "سردبیر دوم")
        emulator.add_user(STRANGER, "غریبه")

    return setup


async def wait_for(
    harness: Harness, chat: int, found: Callable[[SentMessage], bool], timeout: float = 20
) -> SentMessage:
    """The first message to ``chat`` that ``found`` accepts, waiting for it."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        for message in harness.emulator.messages(chat):
            if found(message):
                return message
        if loop.time() > deadline:
            texts = [m.text for m in harness.emulator.messages(chat)]
            raise TimeoutError(f"no such message in {chat}: {texts}")
        await asyncio.sleep(0.05)


def offers(harness: Harness, chat: int) -> list[SentMessage]:
    """The uncertain-post reports sent to ``chat`` (their buttons go once pressed)."""
    return [m for m in harness.emulator.messages(chat) if "معلوم نیست" in m.text]


def data_of(message: SentMessage, action: str) -> str:
    return next(data for _, data in buttons_of(message) if data.startswith(f"p:{action}:"))


def forged_press(
    harness: Harness, message: SentMessage, data: str, user_id: int | None = None
) -> str:
    """A press carrying ``data`` that no button of ``message`` has (an old or forged client)."""
    core = harness.emulator.core
    chat = core.world.chats[message.chat_id]
    stored = chat.messages[message.message_id]
    user = core.world.users[user_id or message.chat_id]
    query = core.world.new_callback_query(user.id, stored, data, time.monotonic())
    instance = hashlib.sha256(f"{chat.id}:{core.world.bot.id}".encode()).hexdigest()[:16]
    payload: dict[str, object] = {
        "id": query.id,
        "from": user.to_json(),
        "message": core.message_json(stored),
        "chat_instance": str(int(instance, 16) % 10**19),
        "data": data,
    }
    core.queue.push("callback_query", payload, 150)
    return query.id


async def answer_of(harness: Harness, query: str) -> str:
    """The text the bot answered a press with (every press must be answered)."""
    for _ in range(int(TIMEOUT / 0.05)):
        answer = harness.emulator.callback_answer(query)
        if answer is not None:
            return str(answer.get("text") or "")
        await asyncio.sleep(0.05)
    raise TimeoutError("the bot did not answer the button press")


def seeded(states: list[str]) -> Callable[[BotApiEmulator, Settings], None]:
    """Channel @chan_a, the admins, and one post of the sample per entry of ``states``.

    ``sending`` is a post cut off by a crash; ``uncertain`` one that timed out in an
    earlier run (its offer went with that run).
    """
    items = ["summary", "latest", "background", "state_of_play"][: len(states)]

    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        world("@chan_a")(emulator, settings)
        store = Store.open(settings.database_path)
        for result in ingest_paths(store, [settings.content_dir]):
            assert result.article_id is not None
            posts = PostLog(store.db)
            posts.plan("@chan_a", result.article_id, items)
            for post, state in zip(posts.upcoming("@chan_a", len(items)), states, strict=True):
                if state == "pending":
                    continue
                assert posts.claim(post.id)
                if state == "uncertain":
                    posts.finish(post.id, "uncertain", "TimedOut: Timed out")
        store.close()

    return setup


def post_log(harness: Harness) -> PostLog:
    return PostLog(Store.open(harness.settings.database_path).db)


async def test_a_timed_out_post_is_offered_with_its_buttons(tmp_path: Path) -> None:
    # Defect 4: the send reaches the channel but its answer comes after the read
    # timeout: the post is uncertain, and the admins get it with both buttons.
    def setup(emulator: BotApiEmulator, settings: Settings) -> None:
        world("@chan_a")(emulator, settings)
        emulator.delay_next("sendMessage", 6)

    async with bot_running(tmp_path, store_first=True, setup=setup, digest_chats=["@chan_a"],
                           admin_ids=[ADMIN], digest_schedule="every 2s") as harness:  # fmt: skip
        offer = await wait_for(harness, ADMIN, lambda m: bool(buttons_of(m)), timeout=30)
        assert "معلوم نیست" in offer.text and "TimedOut" in offer.text
        [(post_id, state)] = [(p.id, p.state) for p in post_log(harness).uncertain()]
        assert data_of(offer, "sent") == f"p:sent:{post_id}" and state == "uncertain"
        assert harness.emulator.messages(ADMIN) == [offer], "the offer is the only alert"
        query = harness.emulator.press_button(ADMIN, offer.message_id, data_of(offer, "sent"),
                                              user_id=ADMIN)  # fmt: skip
        assert await answer_of(harness, query) == "Marked as posted."
        assert post_log(harness).get(post_id).state == "sent"
        await asyncio.sleep(3)
        assert len(offers(harness, ADMIN)) == 1, "offered once, not on every tick"


async def test_uncertain_posts_are_offered_again_after_a_restart(tmp_path: Path) -> None:
    # Defect 4: a post left uncertain by an earlier run (a timeout) is offered at the
    # start like one cut off by a crash; /uncertain lists them again, /status names them.
    async with bot_running(tmp_path, setup=seeded(["uncertain", "sending", "pending"]),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN, OTHER_ADMIN],
                           digest_schedule="0 0 1 1 *") as harness:  # fmt: skip
        await wait_for(harness, ADMIN, lambda m: len(offers(harness, ADMIN)) == 2)
        assert len(offers(harness, OTHER_ADMIN)) == 2, "every admin is offered every post"
        timed_out, crashed = offers(harness, ADMIN)
        assert "TimedOut" in timed_out.text and "process stopped while sending" in crashed.text
        [answer] = await harness.ask(ADMIN, "/status")
        assert "2 uncertain" in answer.text and "/uncertain" in answer.text
        before = len(harness.emulator.messages(ADMIN))
        harness.emulator.send_text(ADMIN, "/uncertain")
        listed = await harness.answers(ADMIN, before, expect=2)
        assert [data_of(m, "again") for m in listed] == [data_of(timed_out, "again"),
                                                         data_of(crashed, "again")]  # fmt: skip
        await asyncio.sleep(2)
        assert all("may or may not have arrived" in m.text for m in listed)
        assert len(offers(harness, ADMIN)) == 2, "offered once per start, not on every tick"
        assert harness.errors() == []


async def test_post_again_posts_once_and_a_double_tap_is_harmless(tmp_path: Path) -> None:
    # Defect 9: both buttons pressed twice in a row (before the bot answers): each
    # press is answered, the post goes out once, no error reaches any admin.
    async with bot_running(tmp_path, setup=seeded(["sending", "sending"]),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN, OTHER_ADMIN],
                           digest_schedule="0 0 1 1 *") as harness:  # fmt: skip
        await wait_for(harness, ADMIN, lambda m: len(offers(harness, ADMIN)) == 2)
        first, second = offers(harness, ADMIN)
        taps = [(first, "again"), (first, "again"), (second, "sent"), (second, "sent")]
        presses = [
            harness.emulator.press_button(
                ADMIN, message.message_id, data_of(message, action), user_id=ADMIN
            )
            for message, action in taps
        ]
        answers = [await answer_of(harness, query) for query in presses]
        for done, pair in (("Queued to be posted again.", answers[:2]),
                           ("Marked as posted.", answers[2:])):  # fmt: skip
            assert sorted(pair, key=lambda answer: answer != done)[0] == done, pair
            assert sum("is no longer uncertain" in answer for answer in pair) == 1, pair
        channel = next(c.id for c in harness.emulator.core.world.chats.values()
                       if c.username == "chan_a")  # fmt: skip
        posted = await wait_for(harness, channel, lambda m: True)
        await harness.settled()
        await asyncio.sleep(0.5)
        assert harness.emulator.messages(channel) == [posted], "posted again exactly once"
        assert {post.state for post in post_log(harness).with_state("sent")} == {"sent"}
        assert len(post_log(harness).with_state("sent")) == 2
        assert buttons_of(harness.emulator.messages(ADMIN)[0]) == [], "the buttons are gone"
        # The other admin's buttons: the posts are handled, so nothing changes.
        other_first, _ = offers(harness, OTHER_ADMIN)
        query = harness.emulator.press_button(OTHER_ADMIN, other_first.message_id,
                                              data_of(other_first, "again"), user_id=OTHER_ADMIN)
        assert "دیگر نامعلوم نیست (وضعیت: فرستاده)" in await answer_of(harness, query)
        await harness.settled()
        await asyncio.sleep(0.5)
        assert harness.emulator.messages(channel) == [posted]
        for admin in (ADMIN, OTHER_ADMIN):
            assert not any(ADMIN_ERROR in m.text for m in harness.emulator.messages(admin))
        # The second tap may find the buttons already gone: harmless, and the only refusal.
        assert all(NOT_MODIFIED in error.lower() for _, _, error in harness.errors())


async def test_buttons_check_the_post_state_and_malformed_data(tmp_path: Path) -> None:
    # Defect 9: "it arrived" on a pending post, an unknown id, malformed data: each
    # press is answered, nothing changes, nothing raises.
    async with bot_running(tmp_path, setup=seeded(["sending", "pending"]),
                           digest_chats=["@chan_a"], admin_ids=[ADMIN],
                           digest_schedule="0 0 1 1 *") as harness:  # fmt: skip
        [offer] = await harness.answers(ADMIN, 0)
        log = post_log(harness)
        [pending] = log.upcoming("@chan_a", 1)
        [uncertain] = log.uncertain()
        query = forged_press(harness, offer, f"p:sent:{uncertain.id}", user_id=STRANGER)
        assert "فقط برای سردبیران" in await answer_of(harness, query)
        assert [p.state for p in log.uncertain()] == ["uncertain"], "a stranger changes nothing"
        cases = {
            f"p:sent:{pending.id}": "no longer uncertain (state: waiting)",
            f"p:again:{pending.id}": "no longer uncertain (state: waiting)",
            "p:sent:99999": "There is no post #99999",
            "p:again:99999": "There is no post #99999",
            "p:sent:": "I don't know this button",
            "p:again:x": "I don't know this button",
            "p:sent:1:2": "I don't know this button",
            "p:boom:1": "I don't know this button",
            "p:": "I don't know this button",
            "p:sent:" + "9" * 40: "I don't know this button",
        }
        for data, expected in cases.items():
            answer = await answer_of(harness, forged_press(harness, offer, data))
            assert expected in answer, data
        assert log.get(pending.id).state == "pending", "still to be posted"
        assert [p.state for p in log.uncertain()] == ["uncertain"]
        await harness.settled()
        assert not any(ADMIN_ERROR in m.text for m in harness.emulator.messages(ADMIN))


async def test_admin_views_answer_in_private_only(tmp_path: Path) -> None:
    # Defect 10: /status and the other views in a group say only that they work in
    # private; nothing of the post log, the chats or the queue is shown.
    async with bot_running(tmp_path, setup=seeded(["uncertain"]), digest_chats=["@chan_a"],
                           admin_ids=[ADMIN], digest_schedule="0 0 1 1 *") as harness:  # fmt: skip
        group = harness.emulator.add_group("گروه")
        for command in ("/status", "/queue", "/post", "/reload", "/uncertain"):
            [answer] = await harness.ask(group, command, user_id=ADMIN)
            assert answer.text == "This works only in a private chat with the bot.", command
            assert buttons_of(answer) == []
        [answer] = await harness.ask(group, "/status", user_id=STRANGER)
        assert "فقط برای سردبیران" in answer.text
        channel = next(c.id for c in harness.emulator.core.world.chats.values()
                       if c.username == "chan_a")  # fmt: skip
        assert harness.emulator.messages(channel) == [], "/post in a group posts nothing"
        [answer] = await harness.ask(ADMIN, "/status")
        assert "Post #1 (uncertain) to @chan_a" in answer.text


ARTICLE_A = "خبر اول از سردبیر الف\nلید خبر اول.\nچرا مهم است: چون اول است."
ARTICLE_B = "خبر دوم از سردبیر ب\nلید خبر دوم.\nچرا مهم است: چون دوم است."


async def test_documents_never_replace_each_other(tmp_path: Path) -> None:
    # Defect 5: two admins send different files with the same name, and a file with
    # no name: three articles. A caption "new version #N" replaces article N.
    async with bot_running(tmp_path, store_first=True, setup=world(),
                           admin_ids=[ADMIN, OTHER_ADMIN]) as harness:  # fmt: skip
        async def upload(user: int, data: bytes, name: str, caption: str | None = None) -> str:
            before = len(harness.emulator.messages(user))
            harness.emulator.send_document(user, data, name, "text/plain", caption=caption)
            [reply] = await harness.answers(user, before)
            return reply.text

        first = await upload(ADMIN, ARTICLE_A.encode(), "article.txt")
        second = await upload(OTHER_ADMIN, ARTICLE_B.encode(), "article.txt")
        assert first.startswith("✅ New article #2 stored.")
        assert second.startswith("✅ خبر تازه #۳ ذخیره شد."), "each admin in their language"
        store = Store.open(harness.settings.database_path)
        assert store.get(2).article.title == "خبر اول از سردبیر الف"
        assert store.get(3).article.title == "خبر دوم از سردبیر ب"
        assert store.get(2).source != store.get(3).source
        assert store.get(2).source.endswith("-article.txt")
        store.close()
        again = await upload(ADMIN, ARTICLE_A.encode(), "article.txt")
        assert again.startswith("Article #2 already has this text")
        edited = ARTICLE_A.replace("لید خبر اول.", "لید تازه خبر اول.")
        replaced = await upload(ADMIN, edited.encode(), "whatever.txt", caption="نسخه جدید #۲")
        assert replaced.startswith("✅ Article #2 updated.")
        refused = await upload(ADMIN, edited.encode(), "x.txt", caption="new version #1")
        assert "comes from the content folder" in refused
        missing = await upload(ADMIN, edited.encode(), "x.txt", caption="new version #99")
        assert "There is no article #99" in missing
        usage = await upload(ADMIN, edited.encode(), "x.txt", caption="new version")
        assert "new version #12" in usage
        [answer] = await harness.ask(ADMIN, "/status")
        assert "Articles: 3" in answer.text
        store.close()
        store = Store.open(harness.settings.database_path)
        assert store.unchanged(store.get(2).source, edited) is not None, "#2 is the new version"
        store.close()


async def test_unnamed_uploads_never_collide_and_bad_names_are_refused(tmp_path: Path) -> None:
    # Defects 5 and 10: files without a name are two articles; a NUL or a line break
    # in a name is refused in one clear line; a reader's file gets a polite answer.
    async with bot_running(tmp_path, store_first=True, setup=world(),
                           admin_ids=[ADMIN]) as harness:  # fmt: skip
        replies = []
        for data in (ARTICLE_A, ARTICLE_B):
            before = len(harness.emulator.messages(ADMIN))
            harness.emulator.send_document(ADMIN, data.encode(), "", "text/plain")
            [reply] = await harness.answers(ADMIN, before)
            replies.append(reply.text)
        assert replies[0].startswith("✅ New article #2") and replies[1].startswith(
            "✅ New article #3"
        ), replies
        for name in ("a\x00b.txt", "a\nb.txt", "story.txt\r\n"):
            before = len(harness.emulator.messages(ADMIN))
            harness.emulator.send_document(ADMIN, ARTICLE_A.encode(), name, "text/plain")
            [reply] = await harness.answers(ADMIN, before)
            assert reply.text == (
                "This file was refused: its name contains a control character (such as NUL "
                "or a line break); rename it and send it again."
            ), repr(name)
        before = len(harness.emulator.messages(STRANGER))
        harness.emulator.send_document(STRANGER, ARTICLE_A.encode(), "mine.txt", "text/plain")
        [reply] = await harness.answers(STRANGER, before)
        assert "فقط سردبیران" in reply.text
        [answer] = await harness.ask(ADMIN, "/status")
        assert "Articles: 3" in answer.text
        assert harness.errors() == []
