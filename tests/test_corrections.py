"""Corrections of sent posts: the pure decision, the plan, and making each exactly once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import httpx
import pytest
from sqlite_utils import Database
from telegram.error import BadRequest, NetworkError
from tgsandbox import parse_html, text_length

from bot.article import parse_article
from bot.digest.channels import ChannelPoster
from bot.digest.compose import Look, Part, post_parts
from bot.digest.corrections import CAPTION_LIMIT, Corrector, Step, decide, marked
from bot.render import MESSAGE_LIMIT
from bot.schedule import Target
from bot.storage.articles import Store
from bot.storage.corrections import CorrectionLog
from bot.storage.postlog import SUBSCRIBER, PostLog, SentPart, text_digest
from bot.text.jalali import persian_digits

D = text_digest


def sent(*texts: str | None, kind: str = "text", removed: int | None = None) -> list[SentPart]:
    return [
        SentPart(100 + n, D(text) if text is not None else None, kind, None, n == removed)
        for n, text in enumerate(texts)
    ]


@pytest.mark.parametrize(
    ("old", "new", "finished", "steps"),
    [
        ([], [], True, []),
        ([], [Part("a")], True, [Step(0, "send", "a")]),
        ([], [Part("a")], False, []),
        (sent("a"), [Part("a")], True, []),
        (sent(""), [Part("")], True, []),
        (sent("a"), [Part("b")], True, [Step(0, "edit", "b")]),
        (sent("a"), [], True, [Step(0, "remove")]),
        (sent("a", "b"), [], False, [Step(0, "remove"), Step(1, "remove")]),
        (sent("a", "b"), [Part("a")], True, [Step(1, "remove")]),
        (sent("a"), [Part("a"), Part("b")], True, [Step(1, "send", "b")]),
        (sent("a"), [Part("a"), Part("b")], False, []),
        (sent(None), [Part("a")], True, [Step(0, "edit", "a")]),
        (sent("a", removed=0), [], True, []),
        (sent("a", "b", removed=1), [Part("x")], True, [Step(0, "edit", "x")]),
        (sent("a", kind="caption"), [Part("b", "caption")], True,
         [Step(0, "edit", "b", "caption")]),
        (sent("a", kind="caption"), [], True, [Step(0, "remove", kind="caption")]),
        (sent("<b>&</b>"), [Part("<b>&amp;</b>")], True, [Step(0, "edit", "<b>&amp;</b>")]),
        (sent("\u200c"), [Part("\u200c")], True, []),
    ],
)  # fmt: skip
def test_decide(old: list[SentPart], new: list[Part], finished: bool, steps: list[Step]) -> None:
    assert decide(old, new, finished=finished) == steps


@pytest.mark.parametrize(
    ("text", "kind", "limit"),
    [
        ("", "text", MESSAGE_LIMIT),
        ("خبر", "text", MESSAGE_LIMIT),
        ("<b>" + "ب" * 5000 + "</b>", "text", MESSAGE_LIMIT),
        ("ب" * 2000, "caption", CAPTION_LIMIT),
        ("<i>x</i> &amp; <a href='https://e.x'>y</a>", "caption", CAPTION_LIMIT),
    ],
)
def test_marked_fits_and_ends_with_the_mark(text: str, kind: str, limit: int) -> None:
    mark = "<i>✏️ ویرایش شد</i>"
    result = marked(text, mark, kind)
    assert result.endswith(mark)
    assert text_length(parse_html(result)[0]) <= limit
    if text and len(text) + len(mark) + 2 <= limit:
        assert result == f"{text}\n\n{mark}"


def test_a_mark_too_long_is_refused() -> None:
    with pytest.raises(ValueError, match="no room"):
        marked("x", "m" * CAPTION_LIMIT, "caption")


class FakeBot:
    """Records every request; ``errors`` maps a method to the errors its next calls raise."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object, object]] = []
        #: ``(method, chat, is_disabled)`` of every text sent or edited: its link previews.
        self.previews: list[tuple[str, object, object]] = []
        self.errors: dict[str, list[Exception]] = {}
        self.next_id = 1000

    def _maybe_fail(self, method: str) -> None:
        if self.errors.get(method):
            raise self.errors[method].pop(0)

    async def send_message(
        self,
        chat: int | str,
        text: str,
        message_thread_id: int | None = None,
        link_preview_options: object = None,
    ) -> SimpleNamespace:
        self._maybe_fail("send_message")
        self.previews.append(
            ("send_message", chat, getattr(link_preview_options, "is_disabled", None))
        )
        self.next_id += 1
        self.calls.append(("send_message", chat, text))
        return SimpleNamespace(message_id=self.next_id)

    async def edit_message_text(
        self,
        text: str,
        chat_id: int | str,
        message_id: int,
        link_preview_options: object = None,
    ) -> bool:
        self._maybe_fail("edit_message_text")
        disabled = getattr(link_preview_options, "is_disabled", None)
        self.previews.append(("edit_message_text", chat_id, disabled))
        self.calls.append(("edit_message_text", message_id, text))
        return True

    async def edit_message_caption(self, chat_id: int | str, message_id: int, caption: str) -> bool:
        self._maybe_fail("edit_message_caption")
        self.calls.append(("edit_message_caption", message_id, caption))
        return True

    async def delete_message(self, chat: int | str, message_id: int) -> bool:
        self._maybe_fail("delete_message")
        self.calls.append(("delete_message", message_id, None))
        return True


TEXT = (
    "خبر آزمایشی درباره مذاکره\n"
    "آخرین اخبار: نخستین متن بخش آخرین اخبار.\n"
    "پیش‌زمینه: متن پیش‌زمینه که تغییر نمی‌کند.\n"
    "گام بعدی: دیدار بعدی هفته آینده است.\n"
)


@pytest.fixture
def world() -> Iterator[SimpleNamespace]:
    store = Store.open(None)
    store.ingest(parse_article(TEXT), "s1", TEXT)
    posts = PostLog(store.db)
    notes: list[str] = []

    async def notify(text: str) -> None:
        notes.append(text)

    targets = [Target("@a")]
    poster = ChannelPoster(store, posts, targets, UTC, notify)
    corrector = Corrector(store, posts, CorrectionLog(store.db), targets, UTC, notify)
    yield SimpleNamespace(store=store, posts=posts, poster=poster, corrector=corrector,
                          notes=notes, bot=FakeBot())  # fmt: skip
    store.close()


async def post_all(world: SimpleNamespace) -> None:
    while await world.poster.tick(world.bot, force=True):
        pass


def sent_long_ago(db: Database, hours: int = 49) -> None:
    """Make every recorded message ``hours`` old."""
    old = (datetime.now(UTC) - timedelta(hours=hours)).isoformat()
    for post_id, stored in db.execute("SELECT id, sent_parts FROM posts").fetchall():
        parts = [{**part, "at": old} for part in json.loads(stored or "[]")]
        db.execute("UPDATE posts SET sent_parts = ? WHERE id = ?", [json.dumps(parts), post_id])
    db.conn.commit()


def edit(world: SimpleNamespace, text: str) -> None:
    assert world.store.ingest(parse_article(text), "s1", text).status == "updated"


async def test_only_changed_posts_are_edited_once_with_the_mark(world: SimpleNamespace) -> None:
    await post_all(world)
    assert world.corrector.check() == [], "what was sent is what the article says"
    sent_before = len(world.bot.calls)
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    planned = world.corrector.check()
    assert len(planned) == 2, "the summary and the latest section say it"
    assert world.corrector.check() == [] and world.corrector.plan(1) == [], "idempotent"
    results = await world.corrector.run(world.bot)
    assert [(c.state, c.result) for c in results] == [("done", "edited")] * 2
    edits = world.bot.calls[sent_before:]
    assert [method for method, _, _ in edits] == ["edit_message_text"] * 2
    assert all(str(text).endswith("ویرایش شد</i>") for _, _, text in edits)
    assert "متن درست" in str(edits[1][2]), "the latest section, in place"
    assert await world.corrector.run(world.bot) == []
    assert world.corrector.check() == [], "the post log knows the new texts"


async def test_a_removed_section_is_deleted_young_and_withdrawn_old(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    stored = world.store.get(1)
    [next_post] = [p for p in world.posts.sent_posts_of(1) if p.item == "whats_next"]
    assert post_parts(stored, "whats_next", UTC)
    edit(world, TEXT.replace("گام بعدی: دیدار بعدی هفته آینده است.\n", ""))
    [first] = world.corrector.check()
    await world.corrector.run(world.bot)
    assert world.bot.calls[-1] == ("delete_message", next_post.message_ids[0], None)
    assert world.corrector.log.get(first).result == "deleted"
    # Two days later, the background goes too: it is edited to say it was withdrawn.
    sent_long_ago(world.store.db)
    [background] = [p for p in world.posts.sent_posts_of(1) if p.item == "background"]
    edit(
        world,
        TEXT.replace("گام بعدی: دیدار بعدی هفته آینده است.\n", "").replace(
            "پیش‌زمینه: متن پیش‌زمینه که تغییر نمی‌کند.\n", ""
        ),
    )
    planned = world.corrector.check()
    before = len(world.bot.calls)
    await world.corrector.run(world.bot)
    [second] = [i for i in planned if world.corrector.log.get(i).action == "remove"]
    assert ("edit_message_text", background.message_ids[0]) in [
        (method, message_id) for method, message_id, _ in world.bot.calls[before:]
    ]
    assert world.corrector.log.get(second).result == "withdrawn"
    assert "برداشته شد" in world.corrector.log.get(second).text


async def test_message_cannot_be_deleted_means_withdraw(world: SimpleNamespace) -> None:
    await post_all(world)
    world.bot.errors["delete_message"] = [BadRequest("Message can't be deleted")]
    edit(world, TEXT.replace("گام بعدی: دیدار بعدی هفته آینده است.\n", ""))
    [planned] = world.corrector.check()
    [result] = await world.corrector.run(world.bot)
    assert (result.id, result.state, result.result) == (planned, "done", "withdrawn")
    assert "can't be deleted" in (result.reason or "")


async def test_not_modified_and_gone_are_success(world: SimpleNamespace) -> None:
    await post_all(world)
    world.bot.errors["edit_message_text"] = [
        BadRequest("Message is not modified: specified new message content is the same"),
        BadRequest("Message to edit not found"),
    ]
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    results = await world.corrector.run(world.bot)
    assert [(c.state, c.result) for c in results] == [("done", "unchanged"), ("done", "gone")]
    assert world.corrector.check() == [], "a message that is gone is not edited again"


async def test_a_request_in_doubt_is_uncertain_and_never_repeated(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    doubt = NetworkError("timed out")
    doubt.__cause__ = httpx.ReadTimeout("timed out")
    world.bot.errors["edit_message_text"] = [doubt]
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    results = await world.corrector.run(world.bot)
    assert [c.state for c in results] == ["uncertain", "done"]
    assert world.corrector.check() == [] and world.corrector.plan(1) == [], "not planned again"
    assert await world.corrector.run(world.bot) == []
    log = world.corrector.log
    assert log.mark_done(results[0].id) and not log.mark_done(results[0].id)
    assert log.get(results[0].id).state == "done"


async def test_a_process_killed_while_correcting_leaves_it_uncertain(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    first, second = world.corrector.check()
    log = world.corrector.log
    assert log.claim(first) and not log.claim(first)
    assert log.recover() == 1
    assert log.get(first).state == "uncertain" and log.get(second).state == "pending"
    assert log.requeue(first) and not log.requeue(first)
    assert [c.id for c in await world.corrector.run(world.bot)] == [first, second]


async def test_an_admins_mark_that_fails_leaves_the_correction_uncertain(
    world: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    await post_all(world)
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    first, _ = world.corrector.check()
    log = world.corrector.log
    assert log.claim(first) and log.recover() == 1

    def broken(correction_id: int, result: str, message_id: int | None = None) -> None:
        raise RuntimeError("the post log is unwritable")

    monkeypatch.setattr(log, "done", broken)
    with pytest.raises(RuntimeError, match="unwritable"):
        log.mark_done(first)
    assert log.get(first).state == "uncertain", "still offered to the admins, not sending"


async def test_a_second_version_replaces_corrections_not_yet_made(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    edit(world, TEXT.replace("نخستین متن", "متن دوم"))
    first = world.corrector.check()
    edit(world, TEXT.replace("نخستین متن", "متن سوم"))
    second = world.corrector.check()
    assert first and second
    assert {world.corrector.log.get(i).state for i in first} == {"superseded"}
    before = len(world.bot.calls)
    await world.corrector.run(world.bot)
    texts = [str(text) for _, _, text in world.bot.calls[before:]]
    assert len(texts) == len(second) and sum("متن سوم" in text for text in texts) == 1
    assert not any("متن دوم" in text for text in texts)
    edit(world, TEXT)
    back = world.corrector.check()
    assert back, "back to the first text: edited back"
    await world.corrector.run(world.bot)
    assert "نخستین متن" in str(world.bot.calls[-1][2])


async def test_pending_posts_follow_the_new_text(world: SimpleNamespace) -> None:
    await world.poster.tick(world.bot, force=True)
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    await world.corrector.run(world.bot)
    await post_all(world)
    texts = [str(text) for method, _, text in world.bot.calls if method == "send_message"]
    assert any("متن درست" in text for text in texts[1:]), "the later post has the new text"
    assert not any("نخستین متن" in text for text in texts[1:])


async def test_retract_cancels_and_removes(world: SimpleNamespace) -> None:
    await world.poster.tick(world.bot, force=True)
    await world.poster.tick(world.bot, force=True)
    cancelled, planned = world.corrector.retract(1)
    assert (cancelled, len(planned)) == (2, 2), "two posts sent, two pending"
    results = await world.corrector.run(world.bot)
    assert [c.result for c in results] == ["deleted", "deleted"]
    assert world.posts.counts().get("retracted") == cancelled
    assert await world.poster.tick(world.bot, force=True) == [], "nothing more is posted"
    assert world.corrector.log.retracted(1) and world.corrector.plan(1) == []
    assert world.posts.get(1) is not None, "the record stays"


def test_retracted_is_the_articles_withdrawn_mark(world: SimpleNamespace) -> None:
    log = world.corrector.log
    assert not log.retracted(1) and not log.retracted(999)
    world.corrector.retract(1)
    assert log.retracted(1)
    assert log.db.execute("SELECT count(*) FROM retracted").fetchone()[0] == 0, "not kept twice"


async def test_a_post_sent_while_its_article_changed_is_caught(world: SimpleNamespace) -> None:
    await world.poster.tick(world.bot, force=True)
    assert world.corrector.check() == []
    # The article changes, and is compared, before the next post is recorded as sent...
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    await world.corrector.run(world.bot)
    [post] = world.posts.upcoming("@a", 1)
    world.posts.claim(post.id)
    world.posts.part_sent(post.id, 77, "old text")
    world.posts.finish(post.id, "sent")
    # ...with the old text: the next comparison sees it.
    assert len(world.corrector.check()) == 1


async def test_a_photo_caption_is_edited_as_a_caption(world: SimpleNamespace) -> None:
    world.poster.plan()
    [post] = world.posts.upcoming("@a", 1)
    world.posts.claim(post.id)
    parts = post_parts(world.store.get(1), post.item, UTC)
    world.posts.part_sent(post.id, 500, "an older caption", "caption")
    for n, part in enumerate(parts[1:], start=1):
        world.posts.part_sent(post.id, 500 + n, part.text, part.kind)
    world.posts.finish(post.id, "sent")
    world.corrector.check()
    await world.corrector.run(world.bot)
    method, message_id, caption = world.bot.calls[-1]
    assert (method, message_id) == ("edit_message_caption", 500)
    assert str(caption).endswith("ویرایش شد</i>")
    assert world.posts.get(post.id).sent_parts[0].kind == "caption"


async def test_a_finished_post_that_grew_gets_its_new_messages(world: SimpleNamespace) -> None:
    await post_all(world)
    [latest] = [p for p in world.posts.sent_posts_of(1) if p.item == "latest"]
    long_text = TEXT.replace("نخستین متن بخش آخرین اخبار.", "جمله‌ای بلند درباره خبر. " * 400)
    edit(world, long_text)
    world.corrector.check()
    await world.corrector.run(world.bot)
    after = world.posts.get(latest.id)
    assert len(after.message_ids) == len(post_parts(world.store.get(1), "latest", UTC)) > 1
    assert world.corrector.check() == [], "the post log holds every message of the post"


async def test_a_section_added_later_joins_the_plan(world: SimpleNamespace) -> None:
    await post_all(world)
    edit(world, TEXT + "وضعیت فعلی: گفتگوها ادامه دارد.\n")
    world.corrector.check()
    [new] = world.posts.upcoming("@a", 5)
    assert new.item == "state_of_play"
    await post_all(world)
    assert "گفتگوها ادامه دارد" in str(world.bot.calls[-1][2])
    assert world.corrector.plan(1) == [], "planned once"
    world.corrector.retract(1)
    edit(world, TEXT + "وضعیت فعلی: گفتگوها ادامه دارد.\nبیانیه آنها: متن.\n")
    world.corrector.check()
    assert world.posts.upcoming("@a", 5) == [], "a retracted article gains nothing"


async def test_subscribers_copies_are_corrected_after_the_channels(
    world: SimpleNamespace,
) -> None:
    world.posts.plan("4242", 1, ["summary"], SUBSCRIBER)
    [copy] = world.posts.pending_of_kind(SUBSCRIBER, 5)
    world.posts.claim(copy.id)
    world.posts.part_sent(copy.id, 9, "an older summary")
    world.posts.finish(copy.id, "sent")
    await world.poster.tick(world.bot, force=True)
    # A message the summary no longer has, recorded after the subscriber's copy.
    world.posts.part_sent(world.posts.sent_posts_of(1)[0].id, 77, None)
    world.corrector.check()
    due = world.corrector.log.due(10)
    assert [(c.chat, c.action) for c in due] == [("@a", "remove"), ("4242", "edit")]
    before = len(world.bot.calls)
    await world.corrector.run(world.bot)
    assert [call[:2] for call in world.bot.calls[before:]] == [
        ("delete_message", 77),
        ("edit_message_text", 9),
    ]


async def test_an_unexpected_error_leaves_nothing_sending(world: SimpleNamespace) -> None:
    await post_all(world)
    world.bot.errors["edit_message_text"] = [RuntimeError("boom")]
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    results = await world.corrector.run(world.bot)
    assert results[0].state == "uncertain" and "boom" in (results[0].reason or "")
    assert world.corrector.log.counts().get("sending") is None


async def test_an_article_sent_only_to_subscribers_is_corrected(world: SimpleNamespace) -> None:
    world.posts.plan("4242", 1, ["summary"], SUBSCRIBER)
    [copy] = world.posts.pending_of_kind(SUBSCRIBER, 5)
    world.posts.claim(copy.id)
    parts = post_parts(world.store.get(1), "summary", UTC)
    world.posts.part_sent(copy.id, 9, parts[0].text)
    world.posts.finish(copy.id, "sent")
    assert world.corrector.check() == [] and world.corrector.log.stale_articles() == []
    edit(world, TEXT.replace("خبر آزمایشی", "خبر درست"))
    assert len(world.corrector.check()) == 1


async def test_a_failed_correction_is_not_planned_again_for_the_same_text(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    world.bot.errors["edit_message_text"] = [BadRequest("Message can't be edited")] * 5
    edit(world, TEXT.replace("نخستین متن", "متن درست"))
    world.corrector.check()
    results = await world.corrector.run(world.bot)
    assert {c.state for c in results} == {"failed"} and len(world.notes) == len(results)
    assert world.corrector.plan(1) == [], "not again, and the admins are not told again"
    edit(world, TEXT.replace("نخستین متن", "متن سوم"))
    assert world.corrector.check(), "a new text is tried"


async def test_subscribers_copies_are_compared_in_each_readers_language(
    world: SimpleNamespace,
) -> None:
    stored = world.store.get(1)
    for user_id, lang in ((1001, "fa"), (1002, "en")):
        world.posts.subscribe(user_id, lang)
        world.posts.plan(str(user_id), 1, ["summary"], SUBSCRIBER)
        [copy] = world.posts.pending_of_kind(SUBSCRIBER, 5)
        world.posts.claim(copy.id)
        for n, part in enumerate(post_parts(stored, "summary", UTC, Look(lang=lang))):
            world.posts.part_sent(copy.id, user_id * 10 + n, part.text, part.kind)
        world.posts.finish(copy.id, "sent")
    english = post_parts(stored, "summary", UTC, Look(lang="en"))
    assert english != post_parts(stored, "summary", UTC, Look(lang="fa")), "the dates differ"
    assert world.corrector.plan(1) == [], "each copy is what its reader was sent"


async def test_a_failed_correction_is_told_in_each_admins_language(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    world.bot.errors["edit_message_text"] = [BadRequest("Message can't be edited")]
    edit(world, TEXT.replace("گام بعدی: دیدار بعدی هفته آینده است.", "گام بعدی: تازه."))
    [planned] = world.corrector.check()
    await world.corrector.run(world.bot)
    [alert] = world.notes
    assert callable(alert), "worded for each admin"
    assert alert("en") == (
        f"⚠️ Correction #{planned} of article #1 in @a failed: BadRequest: Message can't be edited"
    )
    assert alert("fa").startswith(f"⚠️ اصلاح #{persian_digits(planned)} خبر #۱ در @a")


async def test_corrections_keep_the_link_previews_of_their_chat(world: SimpleNamespace) -> None:
    world.poster.look = world.corrector.look = Look(previews=True)
    world.posts.subscribe(4242, "fa")
    world.posts.plan("4242", 1, ["summary"], SUBSCRIBER)
    [copy] = world.posts.pending_of_kind(SUBSCRIBER, 5)
    world.posts.claim(copy.id)
    world.posts.part_sent(copy.id, 9, "an older summary")
    world.posts.finish(copy.id, "sent")
    await post_all(world)
    edit(world, TEXT.replace("نخستین متن بخش آخرین اخبار.", "جمله‌ای بلند درباره خبر. " * 400))
    world.corrector.check()
    before = len(world.bot.previews)
    await world.corrector.run(world.bot)
    assert set(world.bot.previews[before:]) == {
        ("edit_message_text", "@a", False),
        ("send_message", "@a", False),
        ("edit_message_text", 4242, True),
    }, "the channel's previews are on; a subscriber's chat has none"


async def test_retracting_an_old_article_edits_its_posts_to_say_so(
    world: SimpleNamespace,
) -> None:
    await post_all(world)
    sent_long_ago(world.store.db)
    before = len(world.bot.calls)
    _, planned = world.corrector.retract(1)
    assert planned
    results = await world.corrector.run(world.bot)
    assert [c.result for c in results] == ["withdrawn"] * len(planned)
    calls = world.bot.calls[before:]
    assert [method for method, _, _ in calls] == ["edit_message_text"] * len(planned)
    assert all("این خبر پس گرفته شد" in str(text) for _, _, text in calls)
